/* Nonlinear equilibrium sorption: Freundlich F = Kf c^nf and Langmuir F = Smax KL c / (1 + KL c)
   (sorbed mass per solid mass), bulk density 1600 kg/m^3, theta = 0.3, solved by Newton's method
   in each transport step.
   1. Batch: a closed saturated block (4 cells, no flow) with zero-order production gamma in the
      water. The mass per bulk volume after time t is theta gamma t, split at equilibrium so that
      theta c + rho_b F(c) = theta gamma t: the concentration after every step must equal the root
      of that equation, found here by bisection, to 1e-10 relative; the dissolved plus sorbed mass
      must equal the production to 1e-10. The same block from c = 1 kg/m^3 with first-order decay
      lambda = 0.1 1/d of both phases: backward Euler gives the mass M^n = M^0 / (1 + lambda dt)^n,
      the concentration the root of theta c + rho_b F(c) = M^n; the mass left must equal the
      initial mass minus the decayed mass to 1e-10. Both also for nf = 1.5 (unfavourable). (The Newton update is taken in the cell's mass, so this
      uniform case converges in one update per step.)
   2. Travelling waves: a 60 m column (0.1 m cells, 0.1 d steps, Courant number 1), v = 1 m/d,
      alpha_L = 1 m, clean at t = 0, water at c0 = 1 kg/m^3 entering at x = 0 (third type). With a
      favourable isotherm the front sharpens into a wave of constant shape moving at
      V = q c0 / (theta c0 + rho_b F(c0)) (the shock speed; here rho_b F(c0) / (theta c0) = 2, so
      V = v/3), whose shape solves theta D dc/dxi = (q - V theta) c - V rho_b F(c), xi = x - V t
      (van der Zee 1990, Water Resour. Res. 26(10), 2563-2578):
        Langmuir:   xi(c) = theta D / ((q - V theta) KL c0) [(1 + KL c0) ln(c0 - c) - ln c] + const
        Freundlich: xi(c) = theta D / ((q - V theta)(1 - nf)) ln(b - (q - V theta) c^(1-nf)) + const,
                    b = V rho_b Kf (a finite front: c = 0 ahead of a point)
      Checks: the speed of the point where c = c0/2 between t = 60 d and 90 d within 0.5% of V; the
      profile at 90 d, shifted to that point, within 2% of c0 of the wave (the upwind scheme's
      numerical dispersion v dx/2 (1 + Cr) is 10% of alpha_L v here and widens the front); every
      step's solute mass balance to 1e-10 and the mass in the domain equal to the net inflow to
      1e-10; the Newton iterations per step are reported. Measured: speed 0.16% (Langmuir) and
      0.36% (Freundlich, nf = 0.5) off V, profiles 0.44% and 1.7% of c0, 2.25 and 4.0 Newton
      iterations per step (at most 4 and 7), solute mass balance <= 1e-13 per step.
   On 2 MPI ranks (test_transport_sorption_np2.sh) each case also runs on rank 0 alone; the fields
   must agree to 1e-8. */
#include <gw.h>
#include "gwtest.h"

#define DAY 86400.0

static const PetscReal theta_s = 0.3, rho_b = 1600.0, K = 1e-4;

typedef struct {
  GWSorptionIsotherm iso;
  PetscReal          p1, p2; /* Kf, nf or Smax, KL */
} Isotherm;

static PetscReal F(const Isotherm *is, PetscReal c)
{
  return is->iso == GW_SORPTION_FREUNDLICH ? is->p1 * PetscPowReal(c, is->p2) : is->p1 * is->p2 * c / (1 + is->p2 * c);
}

/* the root c of theta c + rho_b F(c) = M by bisection (the left side increases with c) */
static PetscReal BatchConcentration(const Isotherm *is, PetscReal M)
{
  PetscReal lo = 0, hi = M / theta_s;

  for (PetscInt q = 0; q < 200; q++) {
    PetscReal mid = 0.5 * (lo + hi);
    if (theta_s * mid + rho_b * F(is, mid) > M)
      hi = mid;
    else
      lo = mid;
  }
  return 0.5 * (lo + hi);
}

static PetscErrorCode AddIsotherm(GWSolute s, const Isotherm *is)
{
  PetscFunctionBeginUser;
  if (is->iso == GW_SORPTION_FREUNDLICH)
    PetscCall(GWSoluteSetFreundlich(s, -1, rho_b, is->p1, is->p2));
  else
    PetscCall(GWSoluteSetLangmuir(s, -1, rho_b, is->p1, is->p2));
  PetscFunctionReturn(0);
}

static PetscErrorCode CreateModel(MPI_Comm comm, PetscInt nx, PetscReal dx, GWMaterial *sand, GWModel *m)
{
  PetscReal dz = 10.0;

  PetscFunctionBeginUser;
  PetscCall(GWMaterialCreate(comm, sand));
  PetscCall(GWMaterialSetType(*sand, GWMATERIALVANGENUCHTEN));
  PetscCall(GWMaterialVanGenuchtenSetParameters(*sand, 14.5, 2.68));
  PetscCall(GWMaterialSetWaterContentLimits(*sand, 0.045, theta_s));
  PetscCall(GWMaterialSetHydraulicConductivity(*sand, K, K, K));
  PetscCall(GWModelCreate(comm, m));
  PetscCall(GWModelSetGridSize(*m, nx, 1, 1));
  PetscCall(GWModelSetUniformCellWidths(*m, dx, 1.0));
  PetscCall(GWModelSetUniformLayers(*m, 0.0, &dz));
  PetscCall(GWModelAddMaterial(*m, *sand, NULL));
  PetscCall(GWModelSetInitialWaterTable(*m, 100.0));
  PetscFunctionReturn(0);
}

/* 1. the batch: with production gamma in the water from c = 0 (decay false), or from c = 1 kg/m^3
   with first-order decay lambda of both phases (decay true), where backward Euler gives the mass
   per bulk volume M^n = M^0 / (1 + lambda dt)^n exactly */
static PetscErrorCode Batch(GWTest *t, const Isotherm *is, PetscBool decay, const char tag[])
{
  GWModel    m;
  GWMaterial sand;
  GWSolute   s;
  PetscReal  gam = 0.1 / DAY, lam = 0.1 / DAY, dt = DAY, M0 = theta_s + rho_b * F(is, 1.0), Vt = 40.0, M = M0, tm, rel, mbmax = 0, cerr = 0, md, ms, dec, prod, cmin, cmax, ref = 0;
  PetscInt   nit, nitmax;
  Vec        c;
  char       name[128];

  PetscFunctionBeginUser;
  PetscCall(CreateModel(PETSC_COMM_WORLD, 4, 1.0, &sand, &m)); /* 4 cells of 10 m^3 */
  PetscCall(GWSoluteCreate(PETSC_COMM_WORLD, &s));
  PetscCall(GWSoluteSetName(s, "solute"));
  PetscCall(AddIsotherm(s, is));
  if (decay) {
    PetscCall(GWSoluteSetInitialConcentration(s, 1.0));
    PetscCall(GWSoluteSetDecay(s, lam, lam));
  } else
    PetscCall(GWSoluteSetProduction(s, gam, 0.0));
  PetscCall(GWModelAddSolute(m, s));
  PetscCall(GWModelSetTimeStepLimits(m, dt, 1e-3, dt));
  PetscCall(GWModelSetFromOptions(m));
  PetscCall(GWModelSetUp(m));
  PetscCall(GWSoluteGetConcentration(s, &c));
  for (PetscInt n = 1; n <= 10; n++) {
    PetscCall(GWModelStep(m, 10 * DAY));
    PetscCall(GWModelGetTime(m, &tm));
    PetscCall(GWSoluteGetMassBalanceError(s, NULL, &rel, NULL, NULL));
    mbmax = PetscMax(mbmax, rel);
    M     = decay ? M / (1 + lam * dt) : theta_s * gam * tm;
    ref   = BatchConcentration(is, M);
    PetscCall(VecMin(c, NULL, &cmin));
    PetscCall(VecMax(c, NULL, &cmax));
    cerr = PetscMax(cerr, PetscMax(PetscAbsReal(cmin - ref), PetscAbsReal(cmax - ref)) / ref);
  }
  PetscCall(GWSoluteGetTotalMass(s, &md, &ms));
  PetscCall(GWSoluteGetReactionBudget(s, NULL, NULL, &dec, &prod));
  PetscCall(GWSoluteGetSorptionIterations(s, &nit, &nitmax));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s: c = %.10g kg/m3 after %g d (reference %.10g), dissolved %.6e kg, sorbed %.6e kg, produced %.6e kg, decayed %.6e kg; %" PetscInt_FMT " Newton iterations, at most %" PetscInt_FMT " in a step\n", tag, (double)cmax, (double)(tm / DAY), (double)ref, (double)md, (double)ms, (double)prod, (double)dec, nit, nitmax));
  PetscCall(PetscSNPrintf(name, sizeof(name), "%s_concentration_vs_bisection_max_rel", tag));
  PetscCall(GWTestBelow(t, name, cerr, 1e-10));
  if (decay) {
    PetscCall(PetscSNPrintf(name, sizeof(name), "%s_dissolved_plus_sorbed_equals_initial_minus_decayed_kg", tag));
    PetscCall(GWTestRel(t, name, md + ms, M0 * Vt - dec, 1e-10));
  } else {
    PetscCall(PetscSNPrintf(name, sizeof(name), "%s_dissolved_plus_sorbed_equals_produced_kg", tag));
    PetscCall(GWTestRel(t, name, md + ms, prod, 1e-10));
  }
  PetscCall(PetscSNPrintf(name, sizeof(name), "%s_max_step_solute_mass_balance_rel", tag));
  PetscCall(GWTestBelow(t, name, mbmax, 1e-10));
  PetscCall(GWSoluteDestroy(&s));
  PetscCall(GWMaterialDestroy(&sand));
  PetscCall(GWModelDestroy(&m));
  PetscFunctionReturn(0);
}

/* the position where the profile c[0..nx) (cell centres (i + 1/2) dx) falls through ch */
static PetscReal Crossing(const PetscReal c[], PetscInt nx, PetscReal dx, PetscReal ch)
{
  for (PetscInt i = 0; i + 1 < nx; i++)
    if (c[i] >= ch && c[i + 1] < ch) return (i + 0.5 + (c[i] - ch) / (c[i] - c[i + 1])) * dx;
  return PETSC_MAX_REAL;
}

static const PetscReal v_p = 1.0 / DAY, alphaL = 1.0, L_COL = 60.0;

/* xi(c) of the travelling wave up to a constant (c0 = 1) */
static PetscReal WaveXi(const Isotherm *is, PetscReal cc)
{
  PetscReal q = v_p * theta_s, D = alphaL * v_p, V = q / (theta_s + rho_b * F(is, 1.0)), a = q - V * theta_s;

  if (is->iso == GW_SORPTION_LANGMUIR) return theta_s * D / (a * is->p2) * ((1 + is->p2) * PetscLogReal(1 - cc) - PetscLogReal(cc));
  return theta_s * D / (a * (1 - is->p2)) * PetscLogReal(V * rho_b * is->p1 - a * PetscPowReal(cc, 1 - is->p2));
}

/* the wave's concentration at xi (xi = 0 where c = 1/2), by bisection on the decreasing xi(c) */
static PetscReal Wave(const Isotherm *is, PetscReal xi)
{
  PetscReal lo = 1e-300, hi = 1 - 1e-16, x0 = WaveXi(is, 0.5);

  if (is->iso == GW_SORPTION_FREUNDLICH && xi >= WaveXi(is, 0.0) - x0) return 0.0; /* ahead of the front */
  for (PetscInt q = 0; q < 200; q++) {
    PetscReal mid = 0.5 * (lo + hi);
    if (WaveXi(is, mid) - x0 > xi)
      lo = mid;
    else
      hi = mid;
  }
  return 0.5 * (lo + hi);
}

/* 2. the column on comm; the profiles at 60 and 90 d on rank 0 (arrays of nx, to free) */
static PetscErrorCode Column(GWTest *t, MPI_Comm comm, const Isotherm *is, PetscInt nx, const char tag[], PetscReal **c60, PetscReal **c90, PetscReal *mbmax)
{
  GWModel     m;
  GWMaterial  sand;
  GWPackage   west, east;
  GWSolute    s;
  PetscReal   dx = L_COL / nx, dt = 0.1 * DAY * (600.0 / nx), dH = v_p * theta_s * L_COL / K, rel, in, out, inc, outc, md, ms;
  PetscInt    nit, nitmax, steps;
  PetscMPIInt rank;
  char        name[128];

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCall(CreateModel(comm, nx, dx, &sand, &m));
  PetscCall(GWPackageCreate(comm, &west));
  PetscCall(GWPackageSetType(west, GWPACKAGEHEAD));
  PetscCall(GWPackageSetName(west, "inlet"));
  PetscCall(GWPackageAddCell(west, 0, 0, 0, GW_FACE_WEST));
  PetscCall(GWPackageSetValue(west, 100.0 + dH));
  PetscCall(GWModelAddPackage(m, west));
  PetscCall(GWPackageCreate(comm, &east));
  PetscCall(GWPackageSetType(east, GWPACKAGEHEAD));
  PetscCall(GWPackageSetName(east, "outlet"));
  PetscCall(GWPackageAddCell(east, nx - 1, 0, 0, GW_FACE_EAST));
  PetscCall(GWPackageSetValue(east, 100.0));
  PetscCall(GWModelAddPackage(m, east));
  PetscCall(GWSoluteCreate(comm, &s));
  PetscCall(GWSoluteSetName(s, "solute"));
  PetscCall(GWSoluteSetDispersivity(s, -1, alphaL, 0.1 * alphaL));
  PetscCall(AddIsotherm(s, is));
  PetscCall(GWSoluteSetPackageConcentration(s, west, 1.0, GW_SOLUTE_INFLOW));
  PetscCall(GWModelAddSolute(m, s));
  PetscCall(GWModelSetTimeStepLimits(m, dt, 1e-3, dt));
  PetscCall(GWModelSetFromOptions(m));
  PetscCall(GWModelSetUp(m));
  *mbmax = 0;
  for (PetscInt stop = 0; stop < 2; stop++) {
    PetscReal  tend = (stop ? 90 : 60) * DAY, tm, **cout = stop ? c90 : c60;
    Vec        c, c0;
    VecScatter sc;
    for (;;) {
      PetscCall(GWModelGetTime(m, &tm));
      if (tend - tm <= 1e-9 * tend) break;
      PetscCall(GWModelStep(m, tend));
      PetscCall(GWSoluteGetMassBalanceError(s, NULL, &rel, NULL, NULL));
      *mbmax = PetscMax(*mbmax, rel);
    }
    PetscCall(GWSoluteGetConcentration(s, &c));
    PetscCall(VecScatterCreateToZero(c, &sc, &c0));
    PetscCall(VecScatterBegin(sc, c, c0, INSERT_VALUES, SCATTER_FORWARD));
    PetscCall(VecScatterEnd(sc, c, c0, INSERT_VALUES, SCATTER_FORWARD));
    *cout = NULL;
    if (!rank) {
      const PetscScalar *a;
      PetscCall(PetscMalloc1(nx, cout));
      PetscCall(VecGetArrayRead(c0, &a));
      PetscCall(PetscArraycpy(*cout, a, nx));
      PetscCall(VecRestoreArrayRead(c0, &a));
    }
    PetscCall(VecScatterDestroy(&sc));
    PetscCall(VecDestroy(&c0));
  }
  PetscCall(GWSoluteGetPackageBudget(s, 0, NULL, NULL, &in, &out));
  PetscCall(GWSoluteGetPackageBudget(s, 1, NULL, NULL, &inc, &outc));
  PetscCall(GWSoluteGetTotalMass(s, &md, &ms));
  PetscCall(PetscSNPrintf(name, sizeof(name), "%s_mass_in_domain_equals_net_inflow_kg", tag));
  PetscCall(GWTestRel(t, name, md + ms, in - out + inc - outc, 1e-10));
  PetscCall(GWSoluteGetSorptionIterations(s, &nit, &nitmax));
  PetscCall(GWModelGetStepStatistics(m, &steps, NULL, NULL));
  PetscCall(PetscPrintf(comm, "%s: %" PetscInt_FMT " cells, %" PetscInt_FMT " steps, %" PetscInt_FMT " Newton iterations (%.2f per step, at most %" PetscInt_FMT "); in %.6e kg, dissolved %.6e kg, sorbed %.6e kg\n", tag, nx, steps, nit, (double)nit / steps, nitmax, (double)in, (double)md, (double)ms));
  PetscCall(GWSoluteDestroy(&s));
  PetscCall(GWPackageDestroy(&west));
  PetscCall(GWPackageDestroy(&east));
  PetscCall(GWMaterialDestroy(&sand));
  PetscCall(GWModelDestroy(&m));
  PetscFunctionReturn(0);
}

int main(int argc, char **argv)
{
  GWTest         t      = {0, 0};
  const Isotherm iso[2] = {
      {GW_SORPTION_LANGMUIR, 7.5e-4, 1.0},   /* rho_b F(c0) / (theta c0) = 2 with KL c0 = 1 */
      {GW_SORPTION_FREUNDLICH, 3.75e-4, 0.5} /* rho_b F(c0) / (theta c0) = 2 */
  };
  const char *tags[2] = {"langmuir", "freundlich"};
  PetscInt    nx      = 600;
  PetscMPIInt size, rank;
  int         status;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  PetscCallMPI(MPI_Comm_size(PETSC_COMM_WORLD, &size));
  PetscCallMPI(MPI_Comm_rank(PETSC_COMM_WORLD, &rank));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-nx", &nx, NULL));
  { /* an unfavourable Freundlich isotherm (nf > 1: dF/dc = 0 at c = 0) in the batch only */
    const Isotherm unf = {GW_SORPTION_FREUNDLICH, 3.75e-4, 1.5};
    PetscCall(Batch(&t, &unf, PETSC_FALSE, "batch_freundlich_nf1.5"));
    PetscCall(Batch(&t, &unf, PETSC_TRUE, "batch_decay_freundlich_nf1.5"));
  }
  for (PetscInt q = 0; q < 2; q++) {
    PetscReal *c60, *c90, mbmax, V = v_p * theta_s / (theta_s + rho_b * F(&iso[q], 1.0)), speed = 0, perr = 0, xerr = 0, dx = L_COL / nx;
    char       tag[64], name[128];

    PetscCall(PetscSNPrintf(tag, sizeof(tag), "batch_%s", tags[q]));
    PetscCall(Batch(&t, &iso[q], PETSC_FALSE, tag));
    PetscCall(PetscSNPrintf(tag, sizeof(tag), "batch_decay_%s", tags[q]));
    PetscCall(Batch(&t, &iso[q], PETSC_TRUE, tag));
    PetscCall(PetscSNPrintf(tag, sizeof(tag), "wave_%s", tags[q]));
    PetscCall(Column(&t, PETSC_COMM_WORLD, &iso[q], nx, tag, &c60, &c90, &mbmax));
    PetscCall(PetscSNPrintf(name, sizeof(name), "%s_max_step_solute_mass_balance_rel", tag));
    PetscCall(GWTestBelow(&t, name, mbmax, 1e-10));
    if (!rank) {
      PetscReal x60 = Crossing(c60, nx, dx, 0.5), x90 = Crossing(c90, nx, dx, 0.5);
      speed = (x90 - x60) / (30 * DAY);
      for (PetscInt i = 0; i < nx; i++) {
        PetscReal x = (i + 0.5) * dx, e = PetscAbsReal(c90[i] - Wave(&iso[q], x - x90));
        if (e > perr) {
          perr = e;
          xerr = x - x90;
        }
      }
    }
    PetscCallMPI(MPI_Bcast(&speed, 1, MPIU_REAL, 0, PETSC_COMM_WORLD));
    PetscCallMPI(MPI_Bcast(&perr, 1, MPIU_REAL, 0, PETSC_COMM_WORLD));
    PetscCallMPI(MPI_Bcast(&xerr, 1, MPIU_REAL, 0, PETSC_COMM_WORLD));
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s: front speed %.6g m/d (shock speed %.6g m/d); largest profile error %.4e of c0 at %g m from the mid-point\n", tag, (double)(speed * DAY), (double)(V * DAY), (double)perr, (double)xerr));
    PetscCall(PetscSNPrintf(name, sizeof(name), "%s_front_speed_60_90d_vs_shock_speed", tag));
    PetscCall(GWTestRel(&t, name, speed, V, 5e-3));
    PetscCall(PetscSNPrintf(name, sizeof(name), "%s_profile_90d_vs_travelling_wave_max_abs", tag));
    PetscCall(GWTestBelow(&t, name, perr, 0.02));
    if (size > 1) { /* the same column on rank 0 alone */
      PetscReal d = 0;
      if (!rank) {
        GWTest     ts = {0, 0};
        PetscReal *s60, *s90, mbs;
        PetscCall(Column(&ts, PETSC_COMM_SELF, &iso[q], nx, "one_rank", &s60, &s90, &mbs));
        for (PetscInt i = 0; i < nx; i++) d = PetscMax(d, PetscMax(PetscAbsReal(c60[i] - s60[i]), PetscAbsReal(c90[i] - s90[i])));
        if (ts.nfail || !(mbs <= 1e-10)) d = PETSC_MAX_REAL;
        PetscCall(PetscFree(s60));
        PetscCall(PetscFree(s90));
      }
      PetscCallMPI(MPI_Bcast(&d, 1, MPIU_REAL, 0, PETSC_COMM_WORLD));
      PetscCall(PetscSNPrintf(name, sizeof(name), "%s_one_vs_two_ranks_max_abs", tag));
      PetscCall(GWTestBelow(&t, name, d, 1e-8));
    }
    PetscCall(PetscFree(c60));
    PetscCall(PetscFree(c90));
  }
  status = GWTestFinish(&t);
  PetscCall(PetscFinalize());
  return status;
}
