/* One-dimensional advection-dispersion in steady saturated flow, MT3DMS problem 1 (Zheng and Wang
   1999): v = 0.24 m/d, alpha_L = 10 m, no molecular diffusion, c0 = 1 at the inlet from t = 0,
   t = 2000 d, on a 1000 m column.
   Case A: first-type inlet, no sorption or decay: Ogata and Banks (1961).
   Case B: third-type (flux) inlet, retardation R = 5, first-order decay 0.002 1/d in the dissolved
           and sorbed phases: van Genuchten and Alves (1982), their solution with decay.
   The closed forms are evaluated here (erfc) and first checked against the independent reference
   tables lib/tests/data/ade_*_mt3dms_p01_t2000d.csv (lib/tests/data/SOURCES.md) at their 21
   points; then the model's concentration at every cell centre must be within 1% of c0 of them.
   Case C: case A with the TVD limiter (GW_ADVECTION_TVD, van Leer) on the same grid and steps: its
           largest error must be below 0.3 times case A's (measured 0.16% of c0 against 0.83% on
           1000 cells, 0.69% against 2.98% on 250 cells), besides the 1% and mass-balance checks.
   Case D: case C with flow steps 5 times longer and a Courant limit (GWSoluteSetCourantMax()) that
           asks for 5 transport sub-steps: with the steady flow it must equal case C to 1e-8
           (measured 3.7e-14 on 1 rank, 9.5e-14 on 2).
   Mass balance: every step's solute balance (storage + sorbed + decayed = in - out) to 1e-10
   relative, and the mass in the domain equals the cumulative net inflow minus decay to 1e-10.
   On 2 ranks (test_transport_ade_np2.sh) each case runs on a coarser grid (250 cells, 4 d steps)
   on both ranks and on rank 0 alone: the same mass-balance checks, and the two concentration
   fields must agree to 1e-8 (the accuracy on the fine grid is the 1-rank run's). */
#include <gw.h>
#include "gwtest.h"

#define L_COL     1000.0 /* column length [m] */
#define DAY       86400.0
#define TVD_RATIO 0.3 /* measured 0.19 (1000 cells, 1 d) and 0.23 (250 cells, 4 d) */

typedef struct {
  PetscBool first_type;
  PetscReal R, lam; /* retardation [-], decay rate in both phases [1/s] */
  PetscBool tvd;    /* advection by the TVD limiter instead of upwind */
  PetscInt  nsub;   /* > 0: flow steps nsub times longer, with a Courant limit asking for nsub transport sub-steps */
} Case;

static const PetscReal v_p = 0.24 / DAY, alphaL = 10.0, theta_s = 0.3, K = 1e-4, t_end = 2000 * DAY;

/* van Genuchten and Alves (1982) for R c_t = D c_xx - v c_x - mu c on x > 0, c(x, 0) = 0,
   c = 1 (first type) or v c - D c_x = v (third type) at x = 0; mu = lam R when both phases decay
   at lam. With mu = 0: Ogata and Banks (1961) and Lindstrom et al. (1967). */
static PetscReal Analytic(const Case *cs, PetscReal x, PetscReal t)
{
  PetscReal D = alphaL * v_p, R = cs->R, mu = cs->lam * R, v = v_p, s = 2 * PetscSqrtReal(D * R * t);
  PetscReal u = v * PetscSqrtReal(1 + 4 * mu * D / (v * v));

  if (cs->first_type) return 0.5 * PetscExpReal((v - u) * x / (2 * D)) * erfc((R * x - u * t) / s) + 0.5 * PetscExpReal((v + u) * x / (2 * D)) * erfc((R * x + u * t) / s);
  if (mu == 0)
    return 0.5 * erfc((R * x - v * t) / s) + PetscSqrtReal(v * v * t / (PETSC_PI * D * R)) * PetscExpReal(-PetscSqr(R * x - v * t) / (4 * D * R * t)) - 0.5 * (1 + v * x / D + v * v * t / (D * R)) * PetscExpReal(v * x / D) * erfc((R * x + v * t) / s);
  return v / (v + u) * PetscExpReal((v - u) * x / (2 * D)) * erfc((R * x - u * t) / s) + v / (v - u) * PetscExpReal((v + u) * x / (2 * D)) * erfc((R * x + u * t) / s) + v * v / (2 * mu * D) * PetscExpReal(v * x / D - mu * t / R) * erfc((R * x + v * t) / s);
}

/* Runs a case on comm with nx cells and steps of dt; returns the concentration at the cell centres
   on rank 0 of comm (array of nx, to free) and the largest per-step relative solute mass-balance
   error, and checks the mass identity. */
static PetscErrorCode RunCase(GWTest *t, MPI_Comm comm, const Case *cs, PetscInt nx, PetscReal dt, const char tag[], PetscReal **cout, PetscReal *mbmax)
{
  GWModel            m;
  GWMaterial         sand;
  GWPackage          west, east;
  GWSolute           s;
  Vec                c, c0;
  VecScatter         sc;
  PetscReal          dz = 10.0, dH = v_p * theta_s * L_COL / K, tm, in, out, inc, outc, dec, decc, md, ms, rel, scale;
  PetscInt           its, steps;
  char               name[128];
  PetscMPIInt        rank;
  const PetscScalar *a;

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCall(GWMaterialCreate(comm, &sand));
  PetscCall(GWMaterialSetType(sand, GWMATERIALVANGENUCHTEN));
  PetscCall(GWMaterialVanGenuchtenSetParameters(sand, 14.5, 2.68));
  PetscCall(GWMaterialSetWaterContentLimits(sand, 0.045, theta_s));
  PetscCall(GWMaterialSetHydraulicConductivity(sand, K, K, K));
  PetscCall(GWModelCreate(comm, &m));
  PetscCall(GWModelSetGridSize(m, nx, 1, 1));
  PetscCall(GWModelSetUniformCellWidths(m, L_COL / nx, 1.0));
  PetscCall(GWModelSetUniformLayers(m, 0.0, &dz));
  PetscCall(GWModelAddMaterial(m, sand, NULL));
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
  PetscCall(GWSoluteSetName(s, "tracer"));
  PetscCall(GWSoluteSetDispersivity(s, -1, alphaL, 0.1 * alphaL));
  PetscCall(GWSoluteSetSorption(s, -1, 1600.0, (cs->R - 1) * theta_s / 1600.0));
  PetscCall(GWSoluteSetDecay(s, cs->lam, cs->lam));
  if (cs->tvd) PetscCall(GWSoluteSetAdvectionScheme(s, GW_ADVECTION_TVD));
  if (cs->nsub) { /* Cr = v dt / dx over the longer flow step; the limit asks for nsub sub-steps */
    dt *= cs->nsub;
    PetscCall(GWSoluteSetCourantMax(s, v_p * dt / (L_COL / nx) / (cs->nsub - 0.5)));
  }
  PetscCall(GWSoluteSetPackageConcentration(s, west, 1.0, cs->first_type ? GW_SOLUTE_FIXED : GW_SOLUTE_INFLOW));
  PetscCall(GWModelAddSolute(m, s));
  PetscCall(GWModelSetInitialWaterTable(m, 100.0));
  PetscCall(GWModelSetTimeStepLimits(m, dt, 1e-3, dt));
  PetscCall(GWModelSetFromOptions(m));
  PetscCall(GWModelSetUp(m));
  *mbmax = 0;
  for (;;) {
    PetscCall(GWModelGetTime(m, &tm));
    if (t_end - tm <= 1e-9 * t_end) break;
    PetscCall(GWModelStep(m, t_end));
    PetscCall(GWSoluteGetMassBalanceError(s, NULL, &rel, NULL, NULL));
    *mbmax = PetscMax(*mbmax, rel);
  }
  /* mass in the domain = cumulative inflow - outflow - decay (the reported totals against the
     budget's flows) */
  PetscCall(GWSoluteGetPackageBudget(s, 0, NULL, NULL, &in, &out));
  PetscCall(GWSoluteGetPackageBudget(s, 1, NULL, NULL, &inc, &outc));
  PetscCall(GWSoluteGetReactionBudget(s, &dec, NULL, &decc, NULL));
  PetscCall(GWSoluteGetTotalMass(s, &md, &ms));
  scale = in + out + inc + outc + decc;
  PetscCall(PetscSNPrintf(name, sizeof(name), "%s_mass_in_domain_equals_net_inflow_minus_decay_kg", tag));
  PetscCall(GWTestAbs(t, name, (md + ms) / scale, (in - out + inc - outc - decc) / scale, 1e-10));
  PetscCall(GWModelGetStepStatistics(m, &steps, NULL, NULL));
  PetscCall(GWSoluteGetLinearIterations(s, &its));
  PetscCall(PetscPrintf(comm, "%s: %" PetscInt_FMT " cells, %" PetscInt_FMT " steps, %" PetscInt_FMT " transport Krylov iterations; cumulative in %.6e kg, out %.6e kg, decayed %.6e kg, in domain %.6e + %.6e sorbed kg\n", tag, nx, steps, its, (double)in, (double)outc, (double)decc, (double)md, (double)ms));
  /* the concentration on rank 0 */
  PetscCall(GWSoluteGetConcentration(s, &c));
  PetscCall(VecScatterCreateToZero(c, &sc, &c0));
  PetscCall(VecScatterBegin(sc, c, c0, INSERT_VALUES, SCATTER_FORWARD));
  PetscCall(VecScatterEnd(sc, c, c0, INSERT_VALUES, SCATTER_FORWARD));
  *cout = NULL;
  if (!rank) {
    PetscCall(PetscMalloc1(nx, cout));
    PetscCall(VecGetArrayRead(c0, &a));
    PetscCall(PetscArraycpy(*cout, a, nx));
    PetscCall(VecRestoreArrayRead(c0, &a));
  }
  PetscCall(VecScatterDestroy(&sc));
  PetscCall(VecDestroy(&c0));
  PetscCall(GWSoluteDestroy(&s));
  PetscCall(GWPackageDestroy(&west));
  PetscCall(GWPackageDestroy(&east));
  PetscCall(GWMaterialDestroy(&sand));
  PetscCall(GWModelDestroy(&m));
  PetscFunctionReturn(0);
}

int main(int argc, char **argv)
{
  GWTest         t          = {0, 0};
  const Case     cases[4]   = {{PETSC_TRUE, 1.0, 0.0, PETSC_FALSE, 0}, {PETSC_FALSE, 5.0, 0.002 / DAY, PETSC_FALSE, 0}, {PETSC_TRUE, 1.0, 0.0, PETSC_TRUE, 0}, {PETSC_TRUE, 1.0, 0.0, PETSC_TRUE, 5}};
  const char    *tags[4]    = {"ogata_banks_first_type", "vg_alves_third_type_R5_decay", "ogata_banks_first_type_tvd", "ogata_banks_first_type_tvd_5_substeps"};
  const char    *files[4]   = {"lib/tests/data/ade_first_type_inlet_mt3dms_p01_t2000d.csv", "lib/tests/data/ade_third_type_inlet_mt3dms_p01_t2000d.csv", "lib/tests/data/ade_first_type_inlet_mt3dms_p01_t2000d.csv", "lib/tests/data/ade_first_type_inlet_mt3dms_p01_t2000d.csv"};
  const PetscInt cols[4]    = {1, 3, 1, 1}; /* the table's column of each case */
  PetscReal      err_upwind = 0, *c_tvd = NULL;
  PetscInt       nx = 1000;
  PetscReal      dt = 1.0; /* [d] */
  PetscMPIInt    size, rank;
  int            status;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  PetscCallMPI(MPI_Comm_size(PETSC_COMM_WORLD, &size));
  PetscCallMPI(MPI_Comm_rank(PETSC_COMM_WORLD, &rank));
  if (size > 1) {
    nx = 250;
    dt = 4.0;
  }
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-nx", &nx, NULL));
  PetscCall(PetscOptionsGetReal(NULL, NULL, "-dt_days", &dt, NULL));
  dt *= DAY;
  for (PetscInt q = 0; q < 4; q++) {
    PetscReal *c, *cser = NULL, *tab = NULL, mbmax, mbser, err = 0, xerr = 0, tabmax = 0;
    PetscInt   nrow = 0, ncol = 0;
    char       path[PETSC_MAX_PATH_LEN], name[128];

    /* the closed form against the independent table */
    PetscCall(GWTestSourcePath(files[q], path, sizeof(path)));
    PetscCall(GWTestReadTable(path, &nrow, &ncol, &tab));
    for (PetscInt r = 0; r < nrow; r++) tabmax = PetscMax(tabmax, PetscAbsReal(Analytic(&cases[q], tab[r * ncol], t_end) - tab[r * ncol + cols[q]]));
    PetscCall(PetscFree(tab));
    PetscCall(PetscSNPrintf(name, sizeof(name), "%s_closed_form_vs_reference_table_max_abs", tags[q]));
    PetscCall(GWTestBelow(&t, name, tabmax, 1e-7));

    PetscCall(RunCase(&t, PETSC_COMM_WORLD, &cases[q], nx, dt, tags[q], &c, &mbmax));
    PetscCall(PetscSNPrintf(name, sizeof(name), "%s_max_step_solute_mass_balance_rel", tags[q]));
    PetscCall(GWTestBelow(&t, name, mbmax, 1e-10));
    if (!rank) {
      for (PetscInt i = 0; i < nx; i++) {
        PetscReal x = (i + 0.5) * L_COL / nx, e = PetscAbsReal(c[i] - Analytic(&cases[q], x, t_end));
        if (e > err) {
          err  = e;
          xerr = x;
        }
      }
    }
    PetscCallMPI(MPI_Bcast(&err, 1, MPIU_REAL, 0, PETSC_COMM_WORLD));
    PetscCallMPI(MPI_Bcast(&xerr, 1, MPIU_REAL, 0, PETSC_COMM_WORLD));
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%s: largest error %.4e at x = %g m\n", tags[q], (double)err, (double)xerr));
    if (q == 0) err_upwind = err;
    if (cases[q].nsub) { /* flow steps 5 times longer, 5 transport sub-steps: the steady flow makes it case C */
      PetscReal d = 0;
      if (!rank)
        for (PetscInt i = 0; i < nx; i++) d = PetscMax(d, PetscAbsReal(c[i] - c_tvd[i]));
      PetscCallMPI(MPI_Bcast(&d, 1, MPIU_REAL, 0, PETSC_COMM_WORLD));
      PetscCall(PetscSNPrintf(name, sizeof(name), "%s_vs_tvd_with_5_times_shorter_flow_steps_max_abs", tags[q]));
      PetscCall(GWTestBelow(&t, name, d, 1e-8));
    }
    if (cases[q].tvd) { /* the same grid and steps as case A: the limiter must lower the error */
      PetscCall(PetscSNPrintf(name, sizeof(name), "%s_error_over_upwind_error", tags[q]));
      PetscCall(GWTestBelow(&t, name, err / err_upwind, TVD_RATIO));
    }
    if (size == 1) {
      PetscCall(PetscSNPrintf(name, sizeof(name), "%s_max_abs_error_over_c0", tags[q]));
      PetscCall(GWTestBelow(&t, name, err, 0.01));
    } else { /* the same case on rank 0 alone */
      PetscReal d = 0;
      if (!rank) {
        GWTest ts = {0, 0};
        PetscCall(RunCase(&ts, PETSC_COMM_SELF, &cases[q], nx, dt, "one_rank", &cser, &mbser));
        for (PetscInt i = 0; i < nx; i++) d = PetscMax(d, PetscAbsReal(c[i] - cser[i]));
        PetscCall(PetscFree(cser));
        if (ts.nfail) d = PETSC_MAX_REAL;
      }
      PetscCallMPI(MPI_Bcast(&d, 1, MPIU_REAL, 0, PETSC_COMM_WORLD));
      PetscCall(PetscSNPrintf(name, sizeof(name), "%s_one_vs_two_ranks_max_abs", tags[q]));
      PetscCall(GWTestBelow(&t, name, d, 1e-8));
    }
    if (q == 2)
      c_tvd = c;
    else
      PetscCall(PetscFree(c));
  }
  PetscCall(PetscFree(c_tvd));
  status = GWTestFinish(&t);
  PetscCall(PetscFinalize());
  return status;
}
