/* Free-drainage (unit-gradient) boundary and gravity off.

   1. A 1 m loam column (van Genuchten alpha 3.6 1/m, n 1.56, Ks 24.96 cm/d; Carsel and Parrish
      1988) at a uniform pressure head psi0 = -0.5 m, with the flux K(psi0) = Ks kr(psi0) on top and
      a free-drainage bottom face, is an exact steady state of the Richards equation: after 1 day
      every cell must still be at psi0 (so the hydraulic gradient is 1) and the bottom outflow of
      the last step must be K(psi0) A dt. kr(psi0) is the Mualem closed form evaluated here
      (van Genuchten 1980, eq. 8), independently of the library. Tolerance 1e-8 (relative).
   2. The same column lying horizontally (gravity off), no flux on top, free drainage at its end:
      nothing may move (free drainage passes no water without gravity; uniform psi is then in
      equilibrium), psi stays psi0 to 1e-10 m and the drainage volume is 0.
   Mass balance of every run below 1e-10 (relative, cumulative). */
#include <gw.h>
#include "gwtest.h"

#define NZ 50

static PetscReal MualemKr(PetscReal alpha, PetscReal n, PetscReal h)
{
  PetscReal m = 1.0 - 1.0 / n, se = PetscPowReal(1.0 + PetscPowReal(alpha * PetscAbsReal(h), n), -m);
  return PetscSqrtReal(se) * PetscSqr(1.0 - PetscPowReal(1.0 - PetscPowReal(se, 1.0 / m), m));
}

static PetscErrorCode Column(PetscBool gravity, PetscReal psi0, PetscReal qtop, GWModel *model)
{
  GWModel    m;
  GWMaterial soil;
  GWPackage  top, bot;
  PetscReal  dz[NZ];

  PetscFunctionBeginUser;
  PetscCall(GWMaterialCreate(PETSC_COMM_WORLD, &soil));
  PetscCall(GWMaterialSetType(soil, GWMATERIALVANGENUCHTEN));
  PetscCall(GWMaterialVanGenuchtenSetParameters(soil, 3.6, 1.56));
  PetscCall(GWMaterialSetWaterContentLimits(soil, 0.078, 0.43));
  PetscCall(GWMaterialSetHydraulicConductivity(soil, 0.2496 / 86400, 0.2496 / 86400, 0.2496 / 86400));
  PetscCall(GWModelCreate(PETSC_COMM_WORLD, &m));
  PetscCall(GWModelSetGridSize(m, 1, 1, NZ));
  PetscCall(GWModelSetUniformCellWidths(m, 1.0, 1.0));
  for (PetscInt k = 0; k < NZ; k++) dz[k] = 1.0 / NZ;
  PetscCall(GWModelSetUniformLayers(m, 1.0, dz));
  PetscCall(GWModelAddMaterial(m, soil, NULL));
  PetscCall(GWModelSetGravity(m, gravity));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &top));
  PetscCall(GWPackageSetType(top, GWPACKAGEFLUX));
  PetscCall(GWPackageAddCell(top, 0, 0, 0, GW_FACE_TOP));
  PetscCall(GWPackageSetValue(top, qtop));
  PetscCall(GWModelAddPackage(m, top));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &bot));
  PetscCall(GWPackageSetType(bot, GWPACKAGEFREEDRAINAGE));
  PetscCall(GWPackageAddCell(bot, 0, 0, NZ - 1, GW_FACE_BOTTOM));
  PetscCall(GWModelAddPackage(m, bot));
  PetscCall(GWModelSetInitialPressureHead(m, psi0));
  PetscCall(GWModelSetTimeStepLimits(m, 60.0, 1e-3, 3600.0));
  PetscCall(GWModelSetFromOptions(m));
  PetscCall(GWModelSetUp(m));
  PetscCall(GWPackageDestroy(&top));
  PetscCall(GWPackageDestroy(&bot));
  PetscCall(GWMaterialDestroy(&soil));
  *model = m;
  PetscFunctionReturn(0);
}

int main(int argc, char **argv)
{
  GWTest    t = {0, 0};
  GWModel   m;
  Vec       psi;
  PetscReal psi0 = -0.5, Ks = 0.2496 / 86400, q, out, qdt, err, rel, in;
  PetscBool on;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  q = Ks * MualemKr(3.6, 1.56, psi0);

  /* 1. steady downward flux through a free-drainage bottom */
  PetscCall(Column(PETSC_TRUE, psi0, q, &m));
  PetscCall(GWModelGetGravity(m, &on));
  PetscCall(GWTestBelow(&t, "gravity_on_by_default", on ? 0.0 : 1.0, 0.0));
  PetscCall(GWModelRun(m, 86400.0));
  PetscCall(GWModelGetPressureHead(m, &psi));
  PetscCall(VecShift(psi, -psi0));
  PetscCall(VecNorm(psi, NORM_INFINITY, &err));
  PetscCall(GWTestBelow(&t, "steady_psi_uniform_max_abs_error_m (unit gradient)", err, 1e-8 * PetscAbsReal(psi0)));
  PetscCall(GWModelGetPackageBudget(m, 1, &in, &out, NULL, NULL));
  PetscCall(GWModelGetPackageBudget(m, 0, &qdt, NULL, NULL, NULL)); /* the top flux over the last step, K(psi0) A dt with A = 1 m^2 */
  PetscCall(GWTestRel(&t, "bottom_outflow_over_last_step_m3 vs K(psi0) A dt", out, qdt, 1e-8));
  PetscCall(GWTestBelow(&t, "no_inflow_through_free_drainage_m3", in, 0.0));
  PetscCall(GWModelGetMassBalanceError(m, NULL, NULL, NULL, &rel));
  PetscCall(GWTestBelow(&t, "mass_balance_rel_cum", rel, 1e-10));
  PetscCall(GWModelDestroy(&m));

  /* 2. horizontal column: gravity off, nothing moves */
  PetscCall(Column(PETSC_FALSE, psi0, 0.0, &m));
  PetscCall(GWModelRun(m, 86400.0));
  PetscCall(GWModelGetPressureHead(m, &psi));
  PetscCall(VecShift(psi, -psi0));
  PetscCall(VecNorm(psi, NORM_INFINITY, &err));
  PetscCall(GWTestBelow(&t, "gravity_off_psi_unchanged_max_abs_error_m", err, 1e-10));
  PetscCall(GWModelGetPackageBudget(m, 1, NULL, NULL, &in, &out));
  PetscCall(GWTestBelow(&t, "gravity_off_free_drainage_volume_m3", in + out, 0.0));
  PetscCall(GWModelDestroy(&m));

  /* 3. gravity on, the same closed column (no top flux) drains through the bottom: the
        free-drainage face does pass water, K(psi) A per second at first */
  PetscCall(Column(PETSC_TRUE, psi0, 0.0, &m));
  PetscCall(GWModelSetTimeStepLimits(m, 1.0, 1e-3, 1.0));
  PetscCall(GWModelStep(m, 1.0));
  PetscCall(GWModelGetPackageBudget(m, 1, NULL, &out, NULL, NULL));
  PetscCall(GWTestRel(&t, "first_second_outflow_m3 vs K(psi0) A 1 s", out, q, 1e-3));
  PetscCall(GWModelGetMassBalanceError(m, NULL, &rel, NULL, NULL));
  PetscCall(GWTestBelow(&t, "mass_balance_rel_step", rel, 1e-10));
  PetscCall(GWModelDestroy(&m));

  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%" PetscInt_FMT " checks, %" PetscInt_FMT " failed\n", t.nchecks, t.nfail));
  PetscCall(PetscFinalize());
  return t.nfail ? 1 : 0;
}
