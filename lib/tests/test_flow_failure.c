/* Failures end in clear errors, never in silent success: a run whose Newton iteration cannot
   converge under impossible time-step limits returns PETSC_ERR_NOT_CONVERGED with a message naming
   the time and step, and leaves the state and time at the last accepted step; bad model input
   (thin layer, package cell outside the grid, package without a value, zone naming a missing
   material, inverted time-step limits) is refused with an error code. */
#include <gw.h>
#include "gwtest.h"

/* 1D van Genuchten column, dry, wetted from the top. */
static PetscErrorCode BuildColumn(GWModel *model, PetscBool add_bad_package, PetscBool bad_zone)
{
  GWModel    m;
  GWMaterial soil;
  GWPackage  top;
  PetscReal  dz[20];
  PetscInt   zone[20];

  PetscFunctionBeginUser;
  PetscCall(GWMaterialCreate(PETSC_COMM_WORLD, &soil));
  PetscCall(GWMaterialSetType(soil, GWMATERIALVANGENUCHTEN));
  PetscCall(GWMaterialVanGenuchtenSetParameters(soil, 3.35, 2.0));
  PetscCall(GWMaterialSetWaterContentLimits(soil, 0.102, 0.368));
  PetscCall(GWMaterialSetHydraulicConductivity(soil, 9.22e-5, 9.22e-5, 9.22e-5));
  PetscCall(GWModelCreate(PETSC_COMM_WORLD, &m));
  PetscCall(GWModelSetGridSize(m, 1, 1, 20));
  PetscCall(GWModelSetUniformCellWidths(m, 1.0, 1.0));
  for (PetscInt k = 0; k < 20; k++) {
    dz[k]   = 0.05;
    zone[k] = (bad_zone && k == 7) ? 3 : 0;
  }
  PetscCall(GWModelSetUniformLayers(m, 1.0, dz));
  PetscCall(GWModelAddMaterial(m, soil, NULL));
  PetscCall(GWModelSetMaterialZones(m, zone));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &top));
  PetscCall(GWPackageSetType(top, GWPACKAGEHEAD));
  PetscCall(GWPackageHeadSetKind(top, GW_HEAD_PRESSURE));
  PetscCall(GWPackageAddCell(top, 0, 0, 0, GW_FACE_TOP));
  if (add_bad_package) PetscCall(GWPackageAddCell(top, 0, 0, 20, GW_FACE_BOTTOM)); /* layer 20 does not exist */
  PetscCall(GWPackageSetValue(top, 0.0));
  PetscCall(GWModelAddPackage(m, top));
  PetscCall(GWModelSetInitialPressureHead(m, -10.0));
  PetscCall(GWPackageDestroy(&top));
  PetscCall(GWMaterialDestroy(&soil));
  *model = m;
  PetscFunctionReturn(0);
}

static PetscErrorCode ExpectError(GWTest *t, const char *name, PetscErrorCode ierr)
{
  PetscFunctionBeginUser;
  PetscCall(GWTestBelow(t, name, ierr ? 0.0 : 1.0, 0.0));
  PetscFunctionReturn(0);
}

int main(int argc, char **argv)
{
  GWTest         t = {0, 0};
  GWModel        m;
  SNES           snes;
  PetscErrorCode ierr;
  PetscReal      time = -1, psimin = 0, psimax = 0;
  Vec            psi;
  const char    *text = NULL;
  int            status;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));

  /* Newton limited to 2 iterations and no step cuts allowed (dt_min = dt_max): must fail. */
  PetscCall(BuildColumn(&m, PETSC_FALSE, PETSC_FALSE));
  PetscCall(GWModelSetTimeStepLimits(m, 1e5, 1e5, 1e5));
  PetscCall(GWModelSetUp(m));
  PetscCall(GWModelGetSNES(m, &snes));
  PetscCall(SNESSetTolerances(snes, PETSC_DEFAULT, PETSC_DEFAULT, PETSC_DEFAULT, 2, PETSC_DEFAULT));
  PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
  ierr = GWModelRun(m, 1e6);
  PetscCall(PetscPopErrorHandler());
  PetscCall(GWTestAbs(&t, "nonconvergence_error_code", (PetscReal)ierr, (PetscReal)PETSC_ERR_NOT_CONVERGED, 0.0));
  PetscCall(PetscErrorMessage(ierr, NULL, (char **)&text));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "# message: %s\n", text ? text : "(none)"));
  PetscCall(GWTestBelow(&t, "message_names_nonconvergence", (text && strstr(text, "did not converge")) ? 0.0 : 1.0, 0.0));
  PetscCall(GWModelGetTime(m, &time));
  PetscCall(GWTestAbs(&t, "time_left_at_last_accepted_step_s", time, 0.0, 0.0));
  PetscCall(GWModelGetPressureHead(m, &psi));
  PetscCall(VecMin(psi, NULL, &psimin));
  PetscCall(VecMax(psi, NULL, &psimax));
  PetscCall(GWTestAbs(&t, "state_left_at_last_accepted_step_min_psi_m", psimin, -10.0, 0.0));
  PetscCall(GWTestAbs(&t, "state_left_at_last_accepted_step_max_psi_m", psimax, -10.0, 0.0));
  PetscCall(GWModelDestroy(&m));

  /* The same column with sane limits converges: the failure above came from the limits. */
  PetscCall(BuildColumn(&m, PETSC_FALSE, PETSC_FALSE));
  PetscCall(GWModelSetTimeStepLimits(m, 1.0, 1e-3, 600.0));
  PetscCall(GWModelSetUp(m));
  PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
  ierr = GWModelRun(m, 3600.0);
  PetscCall(PetscPopErrorHandler());
  PetscCall(GWTestAbs(&t, "sane_limits_error_code", (PetscReal)ierr, 0.0, 0.0));
  PetscCall(GWModelDestroy(&m));

  /* Bad input is refused. */
  PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
  PetscCall(BuildColumn(&m, PETSC_TRUE, PETSC_FALSE));
  ierr = GWModelSetUp(m);
  PetscCall(ExpectError(&t, "package_cell_outside_grid_refused", ierr));
  PetscCall(GWModelDestroy(&m));
  PetscCall(BuildColumn(&m, PETSC_FALSE, PETSC_TRUE));
  ierr = GWModelSetUp(m);
  PetscCall(ExpectError(&t, "zone_with_missing_material_refused", ierr));
  PetscCall(GWModelDestroy(&m));
  PetscCall(BuildColumn(&m, PETSC_FALSE, PETSC_FALSE));
  ierr = GWModelSetTimeStepLimits(m, 1.0, 10.0, 5.0);
  PetscCall(ExpectError(&t, "inverted_time_step_limits_refused", ierr));
  {
    PetscReal top = 1.0, bot[3] = {0.5, 0.5, 0.0};
    ierr = GWModelSetGridSize(m, 1, 1, 3);
    if (!ierr) ierr = GWModelSetLayerElevations(m, &top, bot);
    PetscCall(ExpectError(&t, "zero_thickness_layer_refused", ierr));
  }
  PetscCall(GWModelDestroy(&m));
  {
    GWPackage p;
    PetscCall(BuildColumn(&m, PETSC_FALSE, PETSC_FALSE));
    PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &p));
    PetscCall(GWPackageSetType(p, GWPACKAGEWELL));
    PetscCall(GWPackageAddCell(p, 0, 0, 5, GW_FACE_NONE));
    PetscCall(GWModelAddPackage(m, p));
    ierr = GWModelSetUp(m);
    PetscCall(ExpectError(&t, "package_without_value_refused", ierr));
    PetscCall(GWPackageDestroy(&p));
    PetscCall(GWModelDestroy(&m));
  }
  PetscCall(PetscPopErrorHandler());

  status = GWTestFinish(&t);
  PetscCall(PetscFinalize());
  return status;
}
