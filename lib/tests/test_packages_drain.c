/* Drain (springs) and general-head packages.

   A confined aquifer row of NX cells (K 1e-4 m/s, 10 m thick, 10 m wide cells) fed through its
   west face by a head H0 and drained in its last cell is, at steady state, a series of
   resistances: R = (dx/2 + (NX-1) dx) / (K A) from the west face to the centre of the last cell.
   1. Drain in the last cell, elevation z below the heads: flow q = (H0 - z) / (R + 1/C), head
      there h = z + q / C (exact: the head is far above z + smoothing_depth). Checks: drain
      discharge rate (budget, and term drain_discharge) within 1e-9 relative, head 1e-9 m.
   2. The same drain above the heads: nothing flows, discharge exactly 0 (no smoothing leak).
   3. Smoothing: a drain at z = H0 - w/2 with a closed aquifer: the discharge at head h is
      C r(h - z) of the documented cubic; at steady state with the west head the flow balances
      (H0 - h)/R = C r(h - z), solved here by bisection; within 1e-9 relative.
   4. General-head at both ends (per-cell external heads [HW, HE] and conductances [C1, C2]):
      q = (HW - HE) / (1/C1 + (NX-1) dx/(K A) + 1/C2); inflow and outflow terms within 1e-9.
   5. Jacobian with the drain on every cell, elevations spread across the head so that cells
      lie below, inside and above the smoothing range: analytic vs finite differences 1e-6.
   Mass balance of every run below 1e-10 (relative, cumulative). */
#include <gw.h>
#include <gw/private/modelimpl.h>
#include "gwtest.h"

#define NX    10
#define DX    10.0
#define KS    1e-4
#define THICK 10.0
#define H0    10.0
#define CDR   1e-4
#define WS    0.01

static PetscErrorCode Row(GWModel *model)
{
  GWModel    m;
  GWMaterial aq;
  PetscReal  dz = THICK;

  PetscFunctionBeginUser;
  PetscCall(GWMaterialCreate(PETSC_COMM_WORLD, &aq));
  PetscCall(GWMaterialSetType(aq, GWMATERIALVANGENUCHTEN));
  PetscCall(GWMaterialVanGenuchtenSetParameters(aq, 3.0, 2.0));
  PetscCall(GWMaterialSetWaterContentLimits(aq, 0.05, 0.35));
  PetscCall(GWMaterialSetHydraulicConductivity(aq, KS, KS, KS));
  PetscCall(GWMaterialSetSpecificStorage(aq, 1e-5));
  PetscCall(GWModelCreate(PETSC_COMM_WORLD, &m));
  PetscCall(GWModelSetGridSize(m, NX, 1, 1));
  PetscCall(GWModelSetUniformCellWidths(m, DX, 1.0));
  PetscCall(GWModelSetUniformLayers(m, 0.0, &dz)); /* centres at -5 m: heads 2..10 m are saturated */
  PetscCall(GWModelAddMaterial(m, aq, NULL));
  PetscCall(GWMaterialDestroy(&aq));
  PetscCall(GWModelSetInitialPressureHead(m, 12.0));
  PetscCall(GWModelSetTimeStepLimits(m, 10.0, 1e-3, 1e5));
  *model = m;
  PetscFunctionReturn(0);
}

static PetscErrorCode AddPackage(GWModel m, GWPackageType type, PetscInt i0, PetscInt i1, GWFace face, PetscReal value, PetscReal C, GWPackage *out)
{
  GWPackage p;

  PetscFunctionBeginUser;
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &p));
  PetscCall(GWPackageSetType(p, type));
  PetscCall(GWPackageAddCellRange(p, i0, i1, 0, 0, 0, 0, face));
  PetscCall(GWPackageSetValue(p, value));
  if (C > 0) PetscCall(GWPackageSetParameter(p, "conductance", C));
  PetscCall(GWModelAddPackage(m, p));
  if (out)
    *out = p;
  else
    PetscCall(GWPackageDestroy(&p));
  PetscFunctionReturn(0);
}

/* Hydraulic head of the last cell, on every rank. */
static PetscErrorCode LastHead(GWModel m, PetscReal *h)
{
  Vec                psi;
  const PetscScalar *a;
  PetscInt           lo, hi;
  PetscReal          v = 0;

  PetscFunctionBeginUser;
  PetscCall(GWModelGetPressureHead(m, &psi));
  PetscCall(VecGetOwnershipRange(psi, &lo, &hi));
  PetscCall(VecGetArrayRead(psi, &a));
  if (NX - 1 >= lo && NX - 1 < hi) v = a[NX - 1 - lo] - 0.5 * THICK;
  PetscCall(VecRestoreArrayRead(psi, &a));
  PetscCall(MPIU_Allreduce(&v, h, 1, MPIU_REAL, MPIU_SUM, PETSC_COMM_WORLD));
  PetscFunctionReturn(0);
}

/* Steady run; rate [m^3/s] of package p over the last step (out - in), and the checks of mass balance */
static PetscErrorCode Steady(GWTest *t, GWModel m, PetscInt p, const char *tag, PetscReal *rate, PetscReal *dt)
{
  PetscReal in, out, rel, t0, t1;
  char      name[96];

  PetscFunctionBeginUser;
  PetscCall(GWModelRun(m, 2e5));
  PetscCall(GWModelGetTime(m, &t0));
  PetscCall(GWModelStep(m, t0 + 1e5));
  PetscCall(GWModelGetTime(m, &t1));
  PetscCall(GWModelGetPackageBudget(m, p, &in, &out, NULL, NULL));
  *rate = (out - in) / (t1 - t0);
  *dt   = t1 - t0;
  PetscCall(GWModelGetMassBalanceError(m, NULL, NULL, NULL, &rel));
  PetscCall(PetscSNPrintf(name, sizeof(name), "%s_cumulative_mass_balance_rel", tag));
  PetscCall(GWTestBelow(t, name, rel, 1e-10));
  PetscFunctionReturn(0);
}

static PetscReal Ramp(PetscReal x, PetscReal w)
{
  return x <= 0 ? 0 : (x >= w ? x : 2 * x * x / w - x * x * x / (w * w));
}

static PetscErrorCode CheckJacobian(GWTest *t)
{
  GWModel   m;
  GWPackage d;
  SNES      snes;
  Mat       J, Jfd;
  Vec       X;
  PetscReal nJ, nD, z[NX], C[NX];

  PetscFunctionBeginUser;
  PetscCall(Row(&m));
  PetscCall(AddPackage(m, GWPACKAGEHEAD, 0, 0, GW_FACE_WEST, H0, 0, NULL));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &d));
  PetscCall(GWPackageSetType(d, GWPACKAGEDRAIN));
  PetscCall(GWPackageAddCellRange(d, 0, NX - 1, 0, 0, 0, 0, GW_FACE_NONE));
  /* the state below has psi = 12.3 m, h = 7.3 m: elevations from 6.3 to 8.3 put cells below,
     inside and above a 1 m smoothing range (wide, so the finite differences resolve the cubic) */
  PetscCall(GWPackageSetParameter(d, "smoothing_depth", 1.0));
  for (PetscInt i = 0; i < NX; i++) {
    z[i] = 7.3 - 1.05 + 2.1 * i / (NX - 1);
    C[i] = CDR * (1 + i);
  }
  PetscCall(GWPackageSetValues(d, NX, z));
  PetscCall(GWPackageSetParameterValues(d, "conductance", NX, C));
  PetscCall(GWModelAddPackage(m, d));
  PetscCall(GWPackageDestroy(&d));
  PetscCall(GWModelSetFromOptions(m));
  PetscCall(GWModelSetUp(m));
  PetscCall(GWModelStep(m, 10.0));
  PetscCall(GWModelGetSNES(m, &snes));
  PetscCall(SNESGetSolution(snes, &X));
  PetscCall(VecSet(X, 12.3));
  PetscCall(SNESGetJacobian(snes, &J, NULL, NULL, NULL));
  PetscCall(MatDuplicate(J, MAT_DO_NOT_COPY_VALUES, &Jfd));
  PetscCall(MatSetOption(Jfd, MAT_NEW_NONZERO_ALLOCATION_ERR, PETSC_FALSE));
  PetscCall(SNESComputeJacobian(snes, X, J, J));
  PetscCall(SNESComputeJacobianDefault(snes, X, Jfd, Jfd, NULL));
  PetscCall(MatNorm(J, NORM_FROBENIUS, &nJ));
  PetscCall(MatAXPY(Jfd, -1.0, J, DIFFERENT_NONZERO_PATTERN));
  PetscCall(MatNorm(Jfd, NORM_FROBENIUS, &nD));
  PetscCall(GWTestBelow(t, "drain_jacobian_rel_frobenius_diff", nD / nJ, 1e-6));
  PetscCall(MatDestroy(&Jfd));
  PetscCall(GWModelDestroy(&m));
  PetscFunctionReturn(0);
}

int main(int argc, char **argv)
{
  GWTest    t = {0, 0};
  GWModel   m;
  GWPackage ghb;
  PetscReal dt, KA = KS * THICK * 1.0, R = (0.5 * DX + (NX - 1) * DX) / KA, q, h, zd = 2.0, s, c;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));

  /* 1. connected drain */
  PetscCall(Row(&m));
  PetscCall(AddPackage(m, GWPACKAGEHEAD, 0, 0, GW_FACE_WEST, H0, 0, NULL));
  PetscCall(AddPackage(m, GWPACKAGEDRAIN, NX - 1, NX - 1, GW_FACE_NONE, zd, CDR, NULL));
  PetscCall(GWModelSetFromOptions(m));
  PetscCall(GWModelSetUp(m));
  PetscCall(Steady(&t, m, 1, "drain", &q, &dt));
  PetscCall(GWTestRel(&t, "drain_discharge_m3_per_s", q, (H0 - zd) / (R + 1 / CDR), 1e-9));
  PetscCall(GWModelGetBudgetTerm(m, "drain_discharge", &s, &c));
  PetscCall(GWTestRel(&t, "drain_discharge_term_equals_outflow", s, q * dt, 1e-12));
  PetscCall(LastHead(m, &h));
  PetscCall(GWTestAbs(&t, "drain_cell_head_m", h, zd + (H0 - zd) / (R + 1 / CDR) / CDR, 1e-9));
  PetscCall(GWModelDestroy(&m));

  /* 2. drain above the heads: exactly nothing */
  PetscCall(Row(&m));
  PetscCall(AddPackage(m, GWPACKAGEHEAD, 0, 0, GW_FACE_WEST, H0, 0, NULL));
  PetscCall(AddPackage(m, GWPACKAGEDRAIN, NX - 1, NX - 1, GW_FACE_NONE, H0 + 0.5 * WS, CDR, NULL));
  PetscCall(GWModelSetInitialPressureHead(m, H0 + 5.0));
  PetscCall(GWModelSetFromOptions(m));
  PetscCall(GWModelSetUp(m));
  PetscCall(Steady(&t, m, 1, "drain_dry", &q, &dt));
  PetscCall(GWModelGetBudgetTerm(m, "drain_discharge", NULL, &c));
  PetscCall(GWTestAbs(&t, "drain_below_elevation_total_discharge_m3", c, 0.0, 0.0));
  PetscCall(GWModelDestroy(&m));

  /* 3. inside the smoothing range: (H0 - h)/R = C r(h - z), by bisection on h */
  {
    PetscReal z = H0 - 0.5 * WS, lo = z, hi = H0, Cs = 7e-6; /* the head settles about half way through the smoothing range */
    for (PetscInt it = 0; it < 200; it++) {
      PetscReal mid = 0.5 * (lo + hi);
      if ((H0 - mid) / R > Cs * Ramp(mid - z, WS))
        lo = mid;
      else
        hi = mid;
    }
    PetscCall(Row(&m));
    PetscCall(AddPackage(m, GWPACKAGEHEAD, 0, 0, GW_FACE_WEST, H0, 0, NULL));
    PetscCall(AddPackage(m, GWPACKAGEDRAIN, NX - 1, NX - 1, GW_FACE_NONE, z, Cs, NULL));
    PetscCall(GWModelSetFromOptions(m));
    PetscCall(GWModelSetUp(m));
    PetscCall(Steady(&t, m, 1, "drain_smoothing", &q, &dt));
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "smoothing case: head %.6f m, %.3f of the smoothing depth above the drain\n", (double)lo, (double)((lo - z) / WS)));
    PetscCall(GWTestRel(&t, "drain_smoothed_discharge_m3_per_s", q, (H0 - 0.5 * (lo + hi)) / R, 1e-9));
    PetscCall(GWModelDestroy(&m));
  }

  /* 4. general-head at both ends, per-cell external heads and conductances */
  {
    PetscReal Hx[2] = {9.0, 3.0}, Cx[2] = {2e-4, 5e-5}, qref;
    PetscCall(Row(&m));
    PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &ghb));
    PetscCall(GWPackageSetType(ghb, GWPACKAGEGENERALHEAD));
    PetscCall(GWPackageAddCell(ghb, 0, 0, 0, GW_FACE_NONE));
    PetscCall(GWPackageAddCell(ghb, NX - 1, 0, 0, GW_FACE_NONE));
    PetscCall(GWPackageSetValues(ghb, 2, Hx));
    PetscCall(GWPackageSetParameterValues(ghb, "conductance", 2, Cx));
    PetscCall(GWModelAddPackage(m, ghb));
    PetscCall(GWPackageDestroy(&ghb));
    PetscCall(GWModelSetFromOptions(m));
    PetscCall(GWModelSetUp(m));
    PetscCall(Steady(&t, m, 0, "general_head", &q, &dt));
    qref = (Hx[0] - Hx[1]) / (1 / Cx[0] + (NX - 1) * DX / KA + 1 / Cx[1]);
    PetscCall(GWModelGetBudgetTerm(m, "general_head_inflow", &s, NULL));
    PetscCall(GWTestRel(&t, "general_head_inflow_m3_per_s", s / dt, qref, 1e-9));
    PetscCall(GWModelGetBudgetTerm(m, "general_head_outflow", &s, NULL));
    PetscCall(GWTestRel(&t, "general_head_outflow_m3_per_s", s / dt, qref, 1e-9));
    PetscCall(GWModelDestroy(&m));
  }

  /* 5. Jacobian across the switch */
  PetscCall(CheckJacobian(&t));

  {
    int status = GWTestFinish(&t);
    PetscCall(PetscFinalize());
    return status;
  }
}
