/* Building and running a model through the libgw C API, without a scenario file: infiltration
   into a 1 m van Genuchten loam column (Carsel and Parrish 1988 parameters) under a ponded
   surface (pressure head 0 at the top face) over a water table held 1 m down. Prints the
   pressure-head profile and the water budget after 6 hours.

   Build against an installed libgw:
     mpicc column.c $(pkg-config --cflags --libs libgw) -lm -o column && ./column */
#include <gw.h>

int main(int argc, char **argv)
{
  GWModel     model;
  GWMaterial  loam;
  GWPackage   surface, watertable;
  PetscReal   dz[20];
  Vec         psi;
  PetscViewer out;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  PetscCall(GWMaterialCreate(PETSC_COMM_WORLD, &loam));
  PetscCall(GWMaterialSetType(loam, GWMATERIALVANGENUCHTEN));
  PetscCall(GWMaterialVanGenuchtenSetParameters(loam, 3.6, 1.56));             /* alpha [1/m], n */
  PetscCall(GWMaterialSetWaterContentLimits(loam, 0.078, 0.43));               /* theta_r, theta_s */
  PetscCall(GWMaterialSetHydraulicConductivity(loam, 2.9e-6, 2.9e-6, 2.9e-6)); /* [m/s] */

  PetscCall(GWModelCreate(PETSC_COMM_WORLD, &model));
  PetscCall(GWModelSetGridSize(model, 1, 1, 20));
  PetscCall(GWModelSetUniformCellWidths(model, 1.0, 1.0));
  for (PetscInt k = 0; k < 20; k++) dz[k] = 0.05;
  PetscCall(GWModelSetUniformLayers(model, 1.0, dz)); /* top at z = 1 m, 20 layers of 5 cm */
  PetscCall(GWModelAddMaterial(model, loam, NULL));

  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &surface));
  PetscCall(GWPackageSetType(surface, GWPACKAGEHEAD));
  PetscCall(GWPackageSetName(surface, "ponded surface"));
  PetscCall(GWPackageHeadSetKind(surface, GW_HEAD_PRESSURE));
  PetscCall(GWPackageAddCell(surface, 0, 0, 0, GW_FACE_TOP));
  PetscCall(GWPackageSetValue(surface, 0.0));
  PetscCall(GWModelAddPackage(model, surface));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &watertable));
  PetscCall(GWPackageSetType(watertable, GWPACKAGEHEAD));
  PetscCall(GWPackageSetName(watertable, "water table"));
  PetscCall(GWPackageAddCell(watertable, 0, 0, 19, GW_FACE_BOTTOM));
  PetscCall(GWPackageSetValue(watertable, 0.0)); /* hydraulic head 0 m at the bottom face */
  PetscCall(GWModelAddPackage(model, watertable));

  PetscCall(GWModelSetInitialWaterTable(model, 0.0));
  PetscCall(GWModelSetTimeStepLimits(model, 1.0, 1e-3, 600.0));
  PetscCall(GWModelSetFromOptions(model)); /* -gw_* options from the command line */
  PetscCall(GWModelSetUp(model));
  PetscCall(GWModelRun(model, 6 * 3600.0));

  PetscCall(GWModelGetPressureHead(model, &psi));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "Pressure head [m], layer 0 on top, after 6 h:\n"));
  PetscCall(VecView(psi, PETSC_VIEWER_STDOUT_WORLD));
  PetscCall(PetscViewerASCIIGetStdout(PETSC_COMM_WORLD, &out));
  PetscCall(GWModelBudgetView(model, out));

  PetscCall(GWPackageDestroy(&surface));
  PetscCall(GWPackageDestroy(&watertable));
  PetscCall(GWMaterialDestroy(&loam));
  PetscCall(GWModelDestroy(&model));
  PetscCall(PetscFinalize());
  return 0;
}
