/* The analytic Jacobian of the Richards residual against finite differences, on wet, dry and
   mixed states of a 2D cross-section with every package type and three retention models; and
   Newton's quadratic convergence on a smooth 1D infiltration step with exact linear solves.
   Checks: ||J - J_fd||_F / ||J||_F below 1e-6 for each state (finite differences by PETSc's
   SNESComputeJacobianDefault, step ~ sqrt(machine epsilon)); observed convergence order >= 1.8
   once the residual is in the asymptotic range; mass balance of the steps below 1e-8.
   test_flow_jacobian_fd.sh also runs this program under PETSc's -snes_test_jacobian. */
#include <gw.h>
#include "gwtest.h"

#define NX 6
#define NZ 5

static PetscErrorCode AddMaterial(GWModel m, GWMaterialType type, PetscReal p0, PetscReal p1, PetscReal thr, PetscReal ths, PetscReal K)
{
  GWMaterial mat;

  PetscFunctionBeginUser;
  PetscCall(GWMaterialCreate(PetscObjectComm((PetscObject)m), &mat));
  PetscCall(GWMaterialSetType(mat, type));
  if (!strcmp(type, GWMATERIALVANGENUCHTEN))
    PetscCall(GWMaterialVanGenuchtenSetParameters(mat, p0, p1));
  else if (!strcmp(type, GWMATERIALBROOKSCOREY))
    PetscCall(GWMaterialBrooksCoreySetParameters(mat, p0, p1));
  else
    PetscCall(GWMaterialGardnerSetParameters(mat, p0));
  PetscCall(GWMaterialSetWaterContentLimits(mat, thr, ths));
  PetscCall(GWMaterialSetHydraulicConductivity(mat, K, 0.7 * K, 0.3 * K));
  PetscCall(GWMaterialSetSpecificStorage(mat, 1e-4));
  PetscCall(GWModelAddMaterial(m, mat, NULL));
  PetscCall(GWMaterialDestroy(&mat));
  PetscFunctionReturn(0);
}

static PetscErrorCode AddPackage(GWModel m, GWPackageType type, PetscInt i0, PetscInt i1, PetscInt k0, PetscInt k1, GWFace face, PetscReal v)
{
  GWPackage p;

  PetscFunctionBeginUser;
  PetscCall(GWPackageCreate(PetscObjectComm((PetscObject)m), &p));
  PetscCall(GWPackageSetType(p, type));
  PetscCall(GWPackageAddCellRange(p, i0, i1, 0, 0, k0, k1, face));
  if (strcmp(type, GWPACKAGESEEPAGEFACE) && strcmp(type, GWPACKAGEFREEDRAINAGE)) PetscCall(GWPackageSetValue(p, v));
  if (!strcmp(type, GWPACKAGEHEAD)) PetscCall(GWPackageHeadSetKind(p, GW_HEAD_PRESSURE));
  PetscCall(GWModelAddPackage(m, p));
  PetscCall(GWPackageDestroy(&p));
  PetscFunctionReturn(0);
}

/* A deterministic scatter in [0, 1) from the global cell index, the same on any rank count. */
static PetscReal Hash(PetscInt i, PetscInt k)
{
  PetscReal s = PetscSinReal(12.9898 * (PetscReal)i + 78.233 * (PetscReal)k) * 43758.5453;
  return s - PetscFloorReal(s);
}

static PetscErrorCode SetState(GWModel m, const char *which, Vec X)
{
  DM             da;
  PetscScalar ***x;
  PetscInt       xs, ys, zs, xm, ym, zm;

  PetscFunctionBeginUser;
  PetscCall(GWModelGetDM(m, &da));
  PetscCall(DMDAGetCorners(da, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCall(DMDAVecGetArray(da, X, &x));
  for (PetscInt k = zs; k < zs + zm; k++)
    for (PetscInt i = xs; i < xs + xm; i++) {
      PetscReal r = Hash(i, k);
      if (!strcmp(which, "wet"))
        x[k][0][i] = -0.3 + 0.8 * k + 0.2 * r; /* water table near the top */
      else if (!strcmp(which, "dry"))
        x[k][0][i] = -40.0 - 20.0 * r; /* far below field capacity */
      else
        x[k][0][i] = -15.0 + 17.0 * r; /* mixed wet and dry cells */
    }
  PetscCall(DMDAVecRestoreArray(da, X, &x));
  PetscFunctionReturn(0);
}

static PetscErrorCode BuildCrossSection(GWModel *model)
{
  GWModel   m;
  PetscInt  zone[NX * NZ];
  PetscReal dz[NZ] = {0.5, 0.5, 1.0, 1.0, 2.0};

  PetscFunctionBeginUser;
  PetscCall(GWModelCreate(PETSC_COMM_WORLD, &m));
  PetscCall(GWModelSetGridSize(m, NX, 1, NZ));
  PetscCall(GWModelSetUniformCellWidths(m, 2.0, 1.0));
  PetscCall(GWModelSetUniformLayers(m, 10.0, dz));
  PetscCall(AddMaterial(m, GWMATERIALVANGENUCHTEN, 3.6, 1.56, 0.078, 0.43, 2.9e-6));
  PetscCall(AddMaterial(m, GWMATERIALBROOKSCOREY, 0.2, 0.6, 0.045, 0.38, 8e-5));
  PetscCall(AddMaterial(m, GWMATERIALGARDNER, 2.0, 0.0, 0.06, 0.40, 1e-5));
  for (PetscInt k = 0; k < NZ; k++)
    for (PetscInt i = 0; i < NX; i++) zone[i + NX * k] = k < 2 ? 0 : (i < 3 ? 1 : 2);
  PetscCall(GWModelSetMaterialZones(m, zone));
  PetscCall(AddPackage(m, GWPACKAGEHEAD, 0, 1, 0, 0, GW_FACE_TOP, -1.0));
  PetscCall(AddPackage(m, GWPACKAGEFLUX, 2, 4, 0, 0, GW_FACE_TOP, 1e-7));
  PetscCall(AddPackage(m, GWPACKAGEFREEDRAINAGE, NX - 1, NX - 1, 0, 0, GW_FACE_TOP, 0.0)); /* unit-gradient inflow K kr(psi) A */
  PetscCall(AddPackage(m, GWPACKAGESEEPAGEFACE, NX - 1, NX - 1, 0, NZ - 1, GW_FACE_EAST, 0.0));
  PetscCall(AddPackage(m, GWPACKAGEWELL, 2, 2, 3, 4, GW_FACE_NONE, -1e-5));
  PetscCall(AddPackage(m, GWPACKAGEHEAD, 0, NX - 1, NZ - 1, NZ - 1, GW_FACE_BOTTOM, 3.0));
  PetscCall(GWModelSetTimeStepLimits(m, 60.0, 1e-3, 3600.0));
  PetscCall(GWModelSetFromOptions(m));
  PetscCall(GWModelSetUp(m));
  *model = m;
  PetscFunctionReturn(0);
}

static PetscErrorCode CheckJacobians(GWTest *t)
{
  static const char *states[] = {"wet", "dry", "mixed"};
  GWModel            m;
  SNES               snes;
  DM                 da;
  Mat                J, Jfd;
  Vec                X, psi;
  PetscReal          rel;

  PetscFunctionBeginUser;
  PetscCall(BuildCrossSection(&m));
  PetscCall(GWModelGetPressureHead(m, &psi));
  PetscCall(SetState(m, "mixed", psi));
  PetscCall(GWModelStep(m, 60.0)); /* sets up the step so the residual has a psi^n and a dt */
  PetscCall(GWModelGetMassBalanceError(m, NULL, &rel, NULL, NULL));
  PetscCall(GWTestBelow(t, "cross_section_step_mass_balance_rel", rel, 1e-8));
  PetscCall(GWModelGetSNES(m, &snes));
  PetscCall(GWModelGetDM(m, &da));
  PetscCall(DMCreateMatrix(da, &J));
  PetscCall(DMCreateMatrix(da, &Jfd));
  PetscCall(MatSetOption(Jfd, MAT_NEW_NONZERO_ALLOCATION_ERR, PETSC_FALSE));
  PetscCall(DMCreateGlobalVector(da, &X));
  for (PetscInt s = 0; s < 3; s++) {
    PetscReal nJ, nD;
    char      name[64];
    PetscCall(SetState(m, states[s], X));
    PetscCall(SNESComputeJacobian(snes, X, J, J));
    PetscCall(SNESComputeJacobianDefault(snes, X, Jfd, Jfd, NULL));
    PetscCall(MatNorm(J, NORM_FROBENIUS, &nJ));
    PetscCall(MatAXPY(Jfd, -1.0, J, DIFFERENT_NONZERO_PATTERN));
    PetscCall(MatNorm(Jfd, NORM_FROBENIUS, &nD));
    PetscCall(PetscSNPrintf(name, sizeof(name), "jacobian_%s_rel_frobenius_diff", states[s]));
    PetscCall(GWTestBelow(t, name, nD / nJ, 1e-6));
  }
  PetscCall(VecDestroy(&X));
  PetscCall(MatDestroy(&J));
  PetscCall(MatDestroy(&Jfd));
  PetscCall(GWModelDestroy(&m));
  PetscFunctionReturn(0);
}

/* Smooth problem: van Genuchten n = 2 column wetted from the top, one 600 s step, LU solves. */
static PetscErrorCode CheckQuadratic(GWTest *t)
{
  GWModel    m;
  GWMaterial soil;
  GWPackage  top;
  SNES       snes;
  KSP        ksp;
  PC         pc;
  PetscReal  hist[64], dz[50], pmax = 0, pmin = 10, rel;
  PetscInt   its[64], n;

  PetscFunctionBeginUser;
  PetscCall(GWMaterialCreate(PETSC_COMM_WORLD, &soil));
  PetscCall(GWMaterialSetType(soil, GWMATERIALVANGENUCHTEN));
  PetscCall(GWMaterialVanGenuchtenSetParameters(soil, 3.35, 2.0));
  PetscCall(GWMaterialSetWaterContentLimits(soil, 0.102, 0.368));
  PetscCall(GWMaterialSetHydraulicConductivity(soil, 9.22e-5, 9.22e-5, 9.22e-5));
  PetscCall(GWModelCreate(PETSC_COMM_WORLD, &m));
  PetscCall(GWModelSetGridSize(m, 1, 1, 50));
  PetscCall(GWModelSetUniformCellWidths(m, 1.0, 1.0));
  for (PetscInt k = 0; k < 50; k++) dz[k] = 0.02;
  PetscCall(GWModelSetUniformLayers(m, 1.0, dz));
  PetscCall(GWModelAddMaterial(m, soil, NULL));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &top));
  PetscCall(GWPackageSetType(top, GWPACKAGEHEAD));
  PetscCall(GWPackageHeadSetKind(top, GW_HEAD_PRESSURE));
  PetscCall(GWPackageAddCell(top, 0, 0, 0, GW_FACE_TOP));
  PetscCall(GWPackageSetValue(top, -0.75));
  PetscCall(GWModelAddPackage(m, top));
  PetscCall(GWModelSetInitialPressureHead(m, -2.0));
  PetscCall(GWModelSetTimeStepLimits(m, 600.0, 1e-3, 600.0));
  PetscCall(GWModelSetMassBalanceTolerance(m, 1e-14));
  PetscCall(GWModelSetUp(m));
  PetscCall(GWModelGetSNES(m, &snes));
  PetscCall(SNESGetKSP(snes, &ksp));
  PetscCall(KSPSetType(ksp, KSPPREONLY));
  PetscCall(KSPGetPC(ksp, &pc));
  PetscCall(PCSetType(pc, PCLU));
  PetscCall(PCFactorSetMatSolverType(pc, MATSOLVERMUMPS));
  /* the order of Newton's method itself: full steps (the default secant l2 line search damps one
     step of this problem with the arithmetic-mean kr, which measures the search, not the Jacobian) */
  {
    SNESLineSearch ls;
    PetscCall(SNESGetLineSearch(snes, &ls));
    PetscCall(SNESLineSearchSetType(ls, SNESLINESEARCHBASIC));
  }
  PetscCall(SNESSetConvergenceHistory(snes, hist, its, 64, PETSC_TRUE));
  PetscCall(GWModelStep(m, 600.0));
  PetscCall(SNESGetConvergenceHistory(snes, NULL, NULL, &n));
  for (PetscInt k = 1; k + 1 < n; k++) {
    PetscReal p;
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "# Newton iteration %" PetscInt_FMT ": ||F|| = %.3e\n", k + 1, (double)hist[k + 1]));
    if (hist[k + 1] < 1e-13 * hist[0] || hist[k] > 1e-1 * hist[0]) continue; /* round-off floor or pre-asymptotic */
    p    = PetscLogReal(hist[k + 1] / hist[k]) / PetscLogReal(hist[k] / hist[k - 1]);
    pmax = PetscMax(pmax, p);
    pmin = PetscMin(pmin, p);
  }
  /* observed orders in the asymptotic range: the largest (capped at 2) near 2, and the smallest
     well above 1, so a single lucky ratio cannot hide a linear rate */
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "# observed convergence orders in the asymptotic range: %.3f to %.3f\n", (double)pmin, (double)pmax));
  PetscCall(GWTestAbs(t, "newton_observed_order", PetscMin(pmax, 2.0), 2.0, 0.2));
  PetscCall(GWTestAbs(t, "newton_smallest_observed_order", PetscMin(pmin, 2.0), 2.0, 0.5));
  PetscCall(GWModelGetMassBalanceError(m, NULL, &rel, NULL, NULL));
  PetscCall(GWTestBelow(t, "column_step_mass_balance_rel", rel, 1e-8));
  PetscCall(GWPackageDestroy(&top));
  PetscCall(GWMaterialDestroy(&soil));
  PetscCall(GWModelDestroy(&m));
  PetscFunctionReturn(0);
}

int main(int argc, char **argv)
{
  GWTest t = {0, 0};
  int    status;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  PetscCall(CheckJacobians(&t));
  PetscCall(CheckQuadratic(&t));
  status = GWTestFinish(&t);
  PetscCall(PetscFinalize());
  return status;
}
