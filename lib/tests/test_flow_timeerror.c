/* Time-step control by a local error estimate (GWModelSetTimeErrorTolerance(); Kavetski, Binning
   and Sloan 2001). Infiltration into a dry van Genuchten column (Celia et al. 1990, problem 2 soil:
   alpha 3.35 1/m, n 2, theta 0.102-0.368, Ks 9.22e-5 m/s; 50 cm, 1 cm cells, h0 = -10 m, pressure
   head -0.75 m on the top face), 3 h. The reference is the same grid run with steps of at most 5 s,
   so only the time error is measured: the largest pressure-head difference at 3 h (dominated by
   the position of the steep front). Checks: with the largest-error norm (NORM_INFINITY) and tol
   1e-3 and 1e-4 the error falls below that of the uncontrolled run (dt_max 1 h), tighter tolerance
   giving smaller error, 1e-4 at least 4x smaller (measured 95.5, 77.5 and 18.7 cm in 55, 76 and 236
   steps); steps were rejected; the default control (root mean square 2e-5) at least 4x smaller
   than uncontrolled (20.4 cm, 221 steps); mass balance of every run below 1e-10. The same on 1 and
   2 ranks. */
#include <gw.h>
#include "gwtest.h"

#define NZ 50

static PetscErrorCode Run(PetscReal dtmax, PetscReal tol, NormType norm, Vec *psi, PetscInt *nsteps, PetscInt *nrej, PetscReal *mb)
{
  GWModel    m;
  GWMaterial soil;
  GWPackage  top;
  PetscReal  dz[NZ];
  Vec        p;

  PetscFunctionBeginUser;
  PetscCall(GWMaterialCreate(PETSC_COMM_WORLD, &soil));
  PetscCall(GWMaterialSetType(soil, GWMATERIALVANGENUCHTEN));
  PetscCall(GWMaterialVanGenuchtenSetParameters(soil, 3.35, 2.0));
  PetscCall(GWMaterialSetWaterContentLimits(soil, 0.102, 0.368));
  PetscCall(GWMaterialSetHydraulicConductivity(soil, 9.22e-5, 9.22e-5, 9.22e-5));
  PetscCall(GWModelCreate(PETSC_COMM_WORLD, &m));
  PetscCall(GWModelSetGridSize(m, 1, 1, NZ));
  PetscCall(GWModelSetUniformCellWidths(m, 1.0, 1.0));
  for (PetscInt k = 0; k < NZ; k++) dz[k] = 0.5 / NZ;
  PetscCall(GWModelSetUniformLayers(m, 0.5, dz));
  PetscCall(GWModelAddMaterial(m, soil, NULL));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &top));
  PetscCall(GWPackageSetType(top, GWPACKAGEHEAD));
  PetscCall(GWPackageHeadSetKind(top, GW_HEAD_PRESSURE));
  PetscCall(GWPackageAddCell(top, 0, 0, 0, GW_FACE_TOP));
  PetscCall(GWPackageSetValue(top, -0.75));
  PetscCall(GWModelAddPackage(m, top));
  PetscCall(GWModelSetInitialPressureHead(m, -10.0));
  PetscCall(GWModelSetTimeStepLimits(m, 1.0, 1e-3, dtmax));
  if (tol >= 0) PetscCall(GWModelSetTimeErrorTolerance(m, tol)); /* tol < 0: the default */
  if (tol >= 0) PetscCall(GWModelSetTimeErrorNorm(m, norm));
  PetscCall(GWModelSetFromOptions(m));
  PetscCall(GWModelSetUp(m));
  PetscCall(GWModelRun(m, 3 * 3600.0));
  PetscCall(GWModelGetPressureHead(m, &p));
  PetscCall(VecDuplicate(p, psi));
  PetscCall(VecCopy(p, *psi));
  PetscCall(GWModelGetStepStatistics(m, nsteps, NULL, NULL));
  PetscCall(GWModelGetTimeErrorTolerance(m, NULL, nrej));
  PetscCall(GWModelGetMassBalanceError(m, NULL, NULL, NULL, mb));
  PetscCall(GWPackageDestroy(&top));
  PetscCall(GWMaterialDestroy(&soil));
  PetscCall(GWModelDestroy(&m));
  PetscFunctionReturn(0);
}

int main(int argc, char **argv)
{
  GWTest    t = {0, 0};
  Vec       ref, v;
  PetscReal tols[4] = {0, 1e-3, 1e-4, -1}, err[4], mb;
  PetscInt  n, nrej, ndef = 0;
  char      name[128];

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  PetscCall(Run(5.0, 0, NORM_INFINITY, &ref, &n, &nrej, &mb));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "reference: %" PetscInt_FMT " steps of at most 5 s\n", n));
  PetscCall(GWTestBelow(&t, "reference_mass_balance_rel_cum", mb, 1e-10));
  for (PetscInt r = 0; r < 4; r++) { /* off, largest error 1e-3 and 1e-4, the default (rms 2e-5) */
    PetscCall(Run(3600.0, tols[r], NORM_INFINITY, &v, &n, &nrej, &mb));
    PetscCall(VecAXPY(v, -1.0, ref));
    PetscCall(VecNorm(v, NORM_INFINITY, &err[r]));
    if (r == 3) ndef = n;
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s %g: %" PetscInt_FMT " steps, %" PetscInt_FMT " rejected, max |psi - psi_ref| at 3 h = %g cm\n", r == 3 ? "default" : "max-norm tol", (double)tols[r], n, nrej, (double)(100 * err[r])));
    PetscCall(PetscSNPrintf(name, sizeof(name), r == 3 ? "default_mass_balance_rel_cum" : "tol%g_mass_balance_rel_cum", (double)tols[r]));
    PetscCall(GWTestBelow(&t, name, mb, 1e-10));
    if (r == 2) PetscCall(GWTestBelow(&t, "tol1e-4_steps_rejected_at_least_one (1 = none)", nrej > 0 ? 0.0 : 1.0, 0.0));
    PetscCall(VecDestroy(&v));
  }
  PetscCall(GWTestBelow(&t, "error_tol1e-3_below_uncontrolled_cm", 100 * err[1], 100 * err[0]));
  PetscCall(GWTestBelow(&t, "error_tol1e-4_below_tol1e-3_cm", 100 * err[2], 100 * err[1]));
  PetscCall(GWTestBelow(&t, "error_tol1e-4_below_quarter_of_uncontrolled_cm", 100 * err[2], 0.25 * 100 * err[0]));
  PetscCall(GWTestBelow(&t, "error_default_below_quarter_of_uncontrolled_cm", 100 * err[3], 0.25 * 100 * err[0]));
  (void)ndef;
  PetscCall(VecDestroy(&ref));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%" PetscInt_FMT " checks, %" PetscInt_FMT " failed\n", t.nchecks, t.nfail));
  PetscCall(PetscFinalize());
  return t.nfail ? 1 : 0;
}
