/* Recharge across the water table (GWModelGetBudgetTerm "recharge"): a 4 m loam column (one
   column, so on 2 ranks it is split along z and the water table may lie on either rank) with
   5 mm/d infiltrating at the top and the bottom face held at a hydraulic head of 1 m (water table
   near 1 m). At steady state the downward flow is the same across every face, so the recharge
   across the water table equals the infiltration rate (conservation of mass; 1e-6 relative); mass
   balance (1e-10). Runs on 1 and 2
   ranks (test_flow_recharge_np2.sh). */
#include <gw.h>
#include "gwtest.h"

#define NZ 40

int main(int argc, char **argv)
{
  GWTest     t = {0, 0};
  GWModel    m;
  GWMaterial loam;
  GWPackage  rain, bottom;
  PetscReal  dz[NZ], q = 5e-3 / 86400.0, step, cum, rel, t0, t1;
  int        status;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  for (PetscInt k = 0; k < NZ; k++) dz[k] = 0.1;
  PetscCall(GWMaterialCreate(PETSC_COMM_WORLD, &loam));
  PetscCall(GWMaterialSetType(loam, GWMATERIALVANGENUCHTEN));
  PetscCall(GWMaterialVanGenuchtenSetParameters(loam, 3.6, 1.56)); /* Carsel and Parrish (1988) loam */
  PetscCall(GWMaterialSetWaterContentLimits(loam, 0.078, 0.43));
  PetscCall(GWMaterialSetHydraulicConductivity(loam, 2.89e-6, 2.89e-6, 2.89e-6));
  PetscCall(GWModelCreate(PETSC_COMM_WORLD, &m));
  PetscCall(GWModelSetGridSize(m, 1, 1, NZ));
  PetscCall(GWModelSetUniformCellWidths(m, 1.0, 1.0));
  PetscCall(GWModelSetUniformLayers(m, 4.0, dz));
  PetscCall(GWModelAddMaterial(m, loam, NULL));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &rain));
  PetscCall(GWPackageSetType(rain, GWPACKAGEFLUX));
  PetscCall(GWPackageAddCell(rain, 0, 0, 0, GW_FACE_TOP));
  PetscCall(GWPackageSetValue(rain, q));
  PetscCall(GWModelAddPackage(m, rain));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &bottom));
  PetscCall(GWPackageSetType(bottom, GWPACKAGEHEAD));
  PetscCall(GWPackageAddCell(bottom, 0, 0, NZ - 1, GW_FACE_BOTTOM));
  PetscCall(GWPackageSetValue(bottom, 1.0));
  PetscCall(GWModelAddPackage(m, bottom));
  PetscCall(GWModelSetInitialWaterTable(m, 1.0));
  PetscCall(GWModelSetTimeStepLimits(m, 60.0, 1e-3, 10 * 86400.0));
  PetscCall(GWModelSetFromOptions(m));
  PetscCall(GWModelSetUp(m));
  PetscCall(GWModelRun(m, 2000 * 86400.0));
  PetscCall(GWModelGetBudgetTerm(m, "recharge", &step, &cum));
  PetscCall(GWModelGetTime(m, &t1));
  PetscCall(GWModelStep(m, t1 + 86400.0)); /* one more step at steady state */
  PetscCall(GWModelGetTime(m, &t0));
  PetscCall(GWModelGetBudgetTerm(m, "recharge", &step, &cum));
  PetscCall(GWTestRel(&t, "steady_recharge_equals_infiltration_m3_per_s", step / (t0 - t1), q, 1e-6));
  PetscCall(GWModelGetMassBalanceError(m, NULL, NULL, NULL, &rel));
  PetscCall(GWTestBelow(&t, "cumulative_mass_balance_rel", rel, 1e-10));
  PetscCall(GWPackageDestroy(&rain));
  PetscCall(GWPackageDestroy(&bottom));
  PetscCall(GWMaterialDestroy(&loam));
  PetscCall(GWModelDestroy(&m));
  status = GWTestFinish(&t);
  PetscCall(PetscFinalize());
  return status;
}
