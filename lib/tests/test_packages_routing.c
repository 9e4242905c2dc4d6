/* Routed river reaches solved in the same Newton iteration as the aquifer.

   A. Network. Reach 0 (4 cells, inflow 0.01 m^3/s, a diversion of 0.003 m^3/s out of the model at
      its end) and reach 1 (2 cells, a tributary, inflow 5e-5 m^3/s until 0.5 d, then none) join
      in reach 2 (6 cells) whose end is the outlet. Each cell: streambed conductance C = K w l / b
      with K 1e-6 m/s, w 5 m, l 10 m, b 1 m; the water table is far below the beds, so each cell
      loses C (b + d(F)) with d(F) = (n F / (w S^(1/2)))^(3/5) Manning's depth (n 0.035, S 0.002).
      Reference, computed here: each reach's flow solves F = I - sum_c C_c (b + d(F)) by bisection
      in downstream order (F = 0 when I is below the leakage at zero depth: the reach is dry and
      leaks exactly its inflow). Checks at 0.25 d: inflow, outflow, leakage and diversion of every
      reach within 1e-10 relative (1e-16 m^3/s absolute for the dry reach); at 1 d the dry
      tributary, with no inflow, passes and leaks nothing (1e-14 m^3/s). The network's budget
      closes: inflow - outflow - diversion - net leakage = 0 (1e-10 of the inflow), and the
      aquifer's mass balance is below 1e-10. The diversion feeds a canal (another package: 2
      cells, width 1.5 m, lining factor 0.1) whose flow is checked the same way, and whose seepage
      is its own budget term (canal_seepage), apart from river_leakage.
      Again with the diversion rules fraction (30% of the flow at the end of reach 0) and excess
      (the flow above 5 l/s), against the diversion computed by hand from the bisection flow.
   B. Spring-fed stream. A drain (a spring line) in a confined aquifer fed by a general head, its
      discharge routed into a reach with no other inflow: the reach's outflow equals the drain's
      discharge minus the reach's leakage, each taken from its own package budget (1e-10).
      The same network read from lib/tests/scenarios/routing.yaml passes the same checks.
      Again with a trapezoidal channel (bottom 0.1 m, side slope 2): the same closure, and the depth equals the
      normal depth from a bisection of Manning's equation with A = d (w + z d), R = A / P (1e-10),
      and differs from the wide-channel depth by more than 10%.
   C. Jacobian of the whole system, cells and reach unknowns, against finite differences at a
      state away from the solution, for A, B and B with the trapezoid (1e-6 relative Frobenius). */
#include <gw.h>
#include <gw/private/modelimpl.h>
#include "gwtest.h"

#define DAY    86400.0
#define NX     12
#define KB     1e-6
#define WR     5.0
#define LR     10.0
#define BT     1.0
#define MN     0.035
#define SL     0.002
#define Q0     0.01
#define Q1     5e-5
#define QD     0.003
#define WC     1.5 /* canal width [m] */
#define LINING 0.1

static const PetscInt reach_of[NX] = {0, 0, 0, 0, 1, 1, 2, 2, 2, 2, 2, 2};

/* the diversion of reach 0 into the canal: its rule and rate (a share for fraction) */
static GWDiversionRule DivRule = GW_DIVERSION_UPTO;
static PetscReal       DivRate = QD;

/* The diversion taken from a flow F by the rule, computed by hand (MODFLOW 6 SFR priorities) */
static PetscReal Diversion(PetscReal F)
{
  switch (DivRule) {
  case GW_DIVERSION_FRACTION:
    return DivRate * F;
  case GW_DIVERSION_EXCESS:
    return PetscMax(F - DivRate, 0.0);
  default:
    return PetscMin(DivRate, F);
  }
}

static PetscErrorCode Material(PetscReal K, GWMaterial *mat)
{
  PetscFunctionBeginUser;
  PetscCall(GWMaterialCreate(PETSC_COMM_WORLD, mat));
  PetscCall(GWMaterialSetType(*mat, GWMATERIALVANGENUCHTEN));
  PetscCall(GWMaterialVanGenuchtenSetParameters(*mat, 3.0, 2.0));
  PetscCall(GWMaterialSetWaterContentLimits(*mat, 0.05, 0.35));
  PetscCall(GWMaterialSetHydraulicConductivity(*mat, K, K, K));
  PetscCall(GWMaterialSetSpecificStorage(*mat, 1e-5));
  PetscFunctionReturn(0);
}

/* A: a cross-section of NX columns, 4 layers of 5 m from 10 m down, water table at -8 m */
static PetscErrorCode Network(GWModel *model)
{
  GWModel    m;
  GWMaterial soil;
  GWPackage  riv, can;
  PetscReal  dz[4] = {5, 5, 5, 5}, tq[2] = {0, 0.5 * DAY}, q1[2] = {Q1, 0};

  PetscFunctionBeginUser;
  PetscCall(Material(1e-4, &soil));
  PetscCall(GWModelCreate(PETSC_COMM_WORLD, &m));
  PetscCall(GWModelSetGridSize(m, NX, 1, 4));
  PetscCall(GWModelSetUniformCellWidths(m, LR, WR));
  PetscCall(GWModelSetUniformLayers(m, 10.0, dz));
  PetscCall(GWModelAddMaterial(m, soil, NULL));
  PetscCall(GWMaterialDestroy(&soil));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &riv));
  PetscCall(GWPackageSetType(riv, GWPACKAGERIVER));
  PetscCall(GWPackageSetName(riv, "river"));
  PetscCall(GWPackageAddCellRange(riv, 0, NX - 1, 0, 0, 0, 0, GW_FACE_NONE));
  PetscCall(GWPackageSetCellGroups(riv, NX, reach_of));
  PetscCall(GWPackageSetParameter(riv, "bed_elevation", 9.5));
  PetscCall(GWPackageSetParameter(riv, "bed_thickness", BT));
  PetscCall(GWPackageSetParameter(riv, "bed_conductivity", KB));
  PetscCall(GWPackageSetParameter(riv, "width", WR));
  PetscCall(GWPackageSetParameter(riv, "length", LR));
  PetscCall(GWPackageSetParameter(riv, "flow_smoothing", 1e-14));
  PetscCall(GWPackageRiverSetReach(riv, 0, 2, WR, MN, SL));
  PetscCall(GWPackageRiverSetReach(riv, 1, 2, WR, MN, SL));
  PetscCall(GWPackageRiverSetReach(riv, 2, -1, WR, MN, SL));
  PetscCall(GWPackageRiverSetReachInflow(riv, 0, 1, tq, (PetscReal[]){Q0}, GW_INTERP_STEP));
  PetscCall(GWPackageRiverSetReachInflow(riv, 1, 2, tq, q1, GW_INTERP_STEP));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &can));
  PetscCall(GWPackageSetType(can, GWPACKAGECANAL));
  PetscCall(GWPackageSetName(can, "canal"));
  PetscCall(GWPackageAddCellRange(can, 0, 1, 0, 0, 0, 0, GW_FACE_NONE));
  PetscCall(GWPackageSetParameter(can, "bed_elevation", 9.5));
  PetscCall(GWPackageSetParameter(can, "bed_thickness", BT));
  PetscCall(GWPackageSetParameter(can, "bed_conductivity", KB));
  PetscCall(GWPackageSetParameter(can, "width", WC));
  PetscCall(GWPackageSetParameter(can, "length", LR));
  PetscCall(GWPackageSetParameter(can, "lining_factor", LINING));
  PetscCall(GWPackageSetParameter(can, "flow_smoothing", 1e-14));
  PetscCall(GWPackageRiverSetReach(can, 0, -1, WC, MN, SL));
  PetscCall(GWPackageRiverSetReachDiversion(riv, 0, can, 0, DivRate));
  PetscCall(GWPackageRiverSetReachDiversionRule(riv, 0, DivRule));
  PetscCall(GWModelAddPackage(m, riv));
  PetscCall(GWModelAddPackage(m, can));
  PetscCall(GWPackageDestroy(&riv));
  PetscCall(GWPackageDestroy(&can));
  PetscCall(GWModelSetInitialWaterTable(m, -8.0));
  PetscCall(GWModelSetTimeStepLimits(m, 60.0, 1e-3, 0.05 * DAY));
  PetscCall(GWModelSetFromOptions(m));
  PetscCall(GWModelSetUp(m));
  *model = m;
  PetscFunctionReturn(0);
}

/* F = I - ncell C (b + a F^(3/5)), F >= 0, by bisection (F = 0 when I <= ncell C b), for a
   channel of width w and a lining factor f (C = f K w l / b) */
static PetscReal ChannelFlow(PetscReal In, PetscInt ncell, PetscReal w, PetscReal f)
{
  PetscReal C = f * KB * w * LR / BT, a = PetscPowReal(MN / (w * PetscSqrtReal(SL)), 0.6), lo = 0, hi = PetscMax(In, 0);

  if (In <= ncell * C * BT) return 0.0;
  for (PetscInt it = 0; it < 200; it++) {
    PetscReal F = 0.5 * (lo + hi);
    if (F - (In - ncell * C * (BT + a * PetscPowReal(F, 0.6))) > 0)
      hi = F;
    else
      lo = F;
  }
  return 0.5 * (lo + hi);
}

static PetscReal ReachFlow(PetscReal In, PetscInt ncell)
{
  return ChannelFlow(In, ncell, WR, 1.0);
}

static PetscErrorCode CheckReach(GWTest *t, GWPackage riv, PetscInt r, const char *when, PetscReal In, PetscReal out, PetscReal D)
{
  PetscReal in, o, l, d;
  char      name[96];

  PetscFunctionBeginUser;
  PetscCall(GWPackageRiverGetReachFlows(riv, r, &in, &o, &l, &d, NULL));
  PetscCall(PetscSNPrintf(name, sizeof(name), "%s_reach%d_inflow_m3_per_s", when, (int)r));
  PetscCall(GWTestRel(t, name, in, In, 1e-10));
  PetscCall(PetscSNPrintf(name, sizeof(name), "%s_reach%d_outflow_m3_per_s", when, (int)r));
  if (out > 0)
    PetscCall(GWTestRel(t, name, o, out, 1e-10));
  else
    PetscCall(GWTestAbs(t, name, o, 0.0, 1e-16));
  PetscCall(PetscSNPrintf(name, sizeof(name), "%s_reach%d_leakage_m3_per_s", when, (int)r));
  PetscCall(GWTestRel(t, name, l, In - out - D, 1e-10));
  PetscCall(PetscSNPrintf(name, sizeof(name), "%s_reach%d_diversion_m3_per_s", when, (int)r));
  PetscCall(GWTestAbs(t, name, d, D, 1e-10 * Q0));
  PetscFunctionReturn(0);
}

static PetscErrorCode CheckNetwork(GWTest *t, GWModel m)
{
  GWPackage riv;
  PetscReal F0, F1, F2, rel, v[6], in, out, l, Dv;

  PetscFunctionBeginUser;
  PetscCall(GWModelGetPackage(m, 0, &riv));
  PetscCall(GWModelRun(m, 0.25 * DAY));
  F0 = ReachFlow(Q0, 4);
  F1 = ReachFlow(Q1, 2);
  Dv = Diversion(F0); /* the diversion this rule takes */
  F2 = ReachFlow(F0 - Dv, 6);
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "diversion rule %s, rate %g: reach 0 flow %.12e m^3/s, diversion %.12e m^3/s\n", GWDiversionRules[DivRule], (double)DivRate, (double)F0, (double)Dv));
  PetscCall(GWTestAbs(t, "reference_tributary_is_dry", F1, 0.0, 0.0));
  PetscCall(CheckReach(t, riv, 0, "t0.25d", Q0, F0 - Dv, Dv));
  PetscCall(CheckReach(t, riv, 1, "t0.25d", Q1, 0.0, 0.0));
  PetscCall(CheckReach(t, riv, 2, "t0.25d", F0 - Dv + F1, F2, 0.0));
  PetscCall(GWModelRun(m, 1.0 * DAY));
  PetscCall(GWPackageRiverGetReachFlows(riv, 1, &in, &out, &l, NULL, NULL));
  PetscCall(GWTestAbs(t, "t1d_dry_reach_without_inflow_leakage_m3_per_s", l, 0.0, 1e-14));
  PetscCall(GWTestAbs(t, "t1d_dry_reach_without_inflow_outflow_m3_per_s", out, 0.0, 1e-14));
  PetscCall(CheckReach(t, riv, 2, "t1d", F0 - Dv, F2, 0.0));
  { /* the network's cumulative budget: inflow - outflow - diversion - (leakage - gain) + springs */
    const char *const names[6] = {"river_leakage", "river_gain", "river_inflow", "river_outflow", "river_diversion", "river_spring_inflow"};
    PetscReal         cin, cout;
    for (PetscInt q = 0; q < 6; q++) PetscCall(GWModelGetBudgetTerm(m, names[q], NULL, &v[q]));
    PetscCall(GWTestBelow(t, "network_cumulative_balance_rel", PetscAbsReal(v[2] - v[3] - v[4] - (v[0] - v[1]) + v[5]) / v[2], 1e-10));
    PetscCall(GWModelGetPackageBudget(m, 0, NULL, NULL, &cin, &cout));
    PetscCall(GWTestRel(t, "network_leakage_term_equals_package_inflow", v[0] - v[1], cin - cout, 1e-12));
  }
  { /* the canal: fed by the diversion, lined, its seepage budgeted apart from river leakage */
    GWPackage can;
    PetscReal Fc = ChannelFlow(Dv, 2, WC, LINING), cs, rl, cin, cout, dt = m->step_t1 - m->step_t0;
    PetscCall(GWModelGetPackage(m, 1, &can));
    PetscCall(CheckReach(t, can, 0, "t1d_canal", Dv, Fc, 0.0));
    PetscCall(GWModelGetBudgetTerm(m, "canal_seepage", &cs, NULL));
    PetscCall(GWModelGetPackageBudget(m, 1, &cin, &cout, NULL, NULL));
    PetscCall(GWTestRel(t, "t1d_canal_seepage_rate_equals_canal_package_inflow", cs / dt, (cin - cout) / dt, 1e-12));
    PetscCall(GWModelGetBudgetTerm(m, "river_leakage", &rl, NULL));
    PetscCall(GWModelGetPackageBudget(m, 0, &cin, &cout, NULL, NULL));
    PetscCall(GWTestRel(t, "t1d_river_leakage_rate_excludes_canal", rl / dt, (cin - cout) / dt, 1e-12));
  }
  PetscCall(GWModelGetMassBalanceError(m, NULL, NULL, NULL, &rel));
  PetscCall(GWTestBelow(t, "network_cumulative_mass_balance_rel", rel, 1e-10));
  PetscFunctionReturn(0);
}

/* B: a confined row fed by a general head at its west end, a spring line (drain) in cell 9, the
   spring's discharge routed into a one-reach stream over cells 3 to 5 */
static PetscErrorCode SpringFed(GWModel *model, PetscReal side)
{
  GWModel    m;
  GWMaterial aq;
  GWPackage  ghb, drn, riv;
  PetscReal  dz = 10.0;

  PetscFunctionBeginUser;
  PetscCall(Material(1e-4, &aq));
  PetscCall(GWModelCreate(PETSC_COMM_WORLD, &m));
  PetscCall(GWModelSetGridSize(m, NX, 1, 1));
  PetscCall(GWModelSetUniformCellWidths(m, 10.0, 10.0));
  PetscCall(GWModelSetUniformLayers(m, 0.0, &dz));
  PetscCall(GWModelAddMaterial(m, aq, NULL));
  PetscCall(GWMaterialDestroy(&aq));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &ghb));
  PetscCall(GWPackageSetType(ghb, GWPACKAGEGENERALHEAD));
  PetscCall(GWPackageAddCell(ghb, 0, 0, 0, GW_FACE_NONE));
  PetscCall(GWPackageSetValue(ghb, 12.0));
  PetscCall(GWPackageSetParameter(ghb, "conductance", 1e-2));
  PetscCall(GWModelAddPackage(m, ghb));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &drn));
  PetscCall(GWPackageSetType(drn, GWPACKAGEDRAIN));
  PetscCall(GWPackageSetName(drn, "springs"));
  PetscCall(GWPackageAddCell(drn, 9, 0, 0, GW_FACE_NONE));
  PetscCall(GWPackageSetValue(drn, 5.0));
  PetscCall(GWPackageSetParameter(drn, "conductance", 1e-3));
  PetscCall(GWModelAddPackage(m, drn));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &riv));
  PetscCall(GWPackageSetType(riv, GWPACKAGERIVER));
  PetscCall(GWPackageSetName(riv, "brook"));
  PetscCall(GWPackageAddCellRange(riv, 3, 5, 0, 0, 0, 0, GW_FACE_NONE));
  PetscCall(GWPackageSetParameter(riv, "bed_elevation", 20.0));
  PetscCall(GWPackageSetParameter(riv, "conductance", 2e-6));
  PetscCall(GWPackageRiverSetReach(riv, 0, -1, side >= 0 ? 0.1 : 2.0, MN, SL));
  if (side >= 0) { /* trapezoidal channel; the depth floor far below the flow */
    PetscCall(GWPackageRiverSetReachSideSlope(riv, 0, side));
    PetscCall(GWPackageSetParameter(riv, "flow_smoothing", 1e-14));
  }
  PetscCall(GWPackageRiverAddSpring(riv, drn, 0));
  PetscCall(GWModelAddPackage(m, riv));
  PetscCall(GWPackageDestroy(&ghb));
  PetscCall(GWPackageDestroy(&drn));
  PetscCall(GWPackageDestroy(&riv));
  PetscCall(GWModelSetInitialPressureHead(m, 15.0));
  PetscCall(GWModelSetTimeStepLimits(m, 10.0, 1e-3, 1e4));
  PetscCall(GWModelSetFromOptions(m));
  PetscCall(GWModelSetUp(m));
  *model = m;
  PetscFunctionReturn(0);
}

/* Normal depth of a trapezoid (bottom width w, side slope z) at flow F by bisection of Manning's
   equation F = (1/n) A (A/P)^(2/3) S^(1/2), A = d (w + z d), P = w + 2 d (1 + z^2)^(1/2). */
static PetscReal TrapezoidDepthBisection(PetscReal w, PetscReal z, PetscReal F)
{
  PetscReal lo = 0, hi = 100;
  for (int it = 0; it < 200; it++) {
    PetscReal d = 0.5 * (lo + hi), A = d * (w + z * d), P = w + 2 * d * PetscSqrtReal(1 + z * z);
    if (A * PetscPowReal(A / P, 2.0 / 3.0) * PetscSqrtReal(SL) / MN > F)
      hi = d;
    else
      lo = d;
  }
  return 0.5 * (lo + hi);
}

static PetscErrorCode CheckSpringFed(GWTest *t, PetscReal side)
{
  GWModel   m;
  GWPackage riv;
  PetscReal din, dout, rin, rout, in, out, l, rel, dt, depth;

  PetscFunctionBeginUser;
  PetscCall(SpringFed(&m, side));
  PetscCall(GWModelRun(m, 2 * DAY));
  dt = m->step_t1 - m->step_t0;
  PetscCall(GWModelGetPackage(m, 2, &riv));
  PetscCall(GWModelGetPackageBudget(m, 1, &din, &dout, NULL, NULL));
  PetscCall(GWModelGetPackageBudget(m, 2, &rin, &rout, NULL, NULL));
  PetscCall(GWPackageRiverGetReachFlows(riv, 0, &in, &out, &l, NULL, &depth));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "spring-fed stream (side slope %g): spring discharge %.6e m^3/s, stream leakage %.6e m^3/s, stream outflow %.6e m^3/s, depth %.10e m\n", (double)side, (double)(dout / dt), (double)((rin - rout) / dt), (double)out, (double)depth));
  if (side >= 0) {
    PetscReal wide = PetscPowReal(MN * out / (0.1 * PetscSqrtReal(SL)), 0.6);
    PetscCall(GWTestRel(t, "trapezoid_depth_vs_bisection", depth, TrapezoidDepthBisection(0.1, side, out), 1e-10));
    PetscCall(GWTestBelow(t, "trapezoid_depth_differs_from_wide_channel_rel", -PetscAbsReal(depth - wide) / wide, -0.1));
  }
  PetscCall(GWTestBelow(t, "spring_discharge_positive", -dout, 0.0));
  PetscCall(GWTestRel(t, "spring_fed_inflow_equals_drain_discharge", in, (dout - din) / dt, 1e-10));
  PetscCall(GWTestRel(t, "spring_fed_outflow_equals_discharge_minus_leakage", out, (dout - din) / dt - (rin - rout) / dt, 1e-10));
  PetscCall(GWModelGetMassBalanceError(m, NULL, NULL, NULL, &rel));
  PetscCall(GWTestBelow(t, "spring_fed_cumulative_mass_balance_rel", rel, 1e-10));
  PetscCall(GWModelDestroy(&m));
  PetscFunctionReturn(0);
}

/* C: analytic Jacobian against finite differences at a state shifted from the last solution */
static PetscErrorCode CheckJacobian(GWTest *t, GWModel m, PetscReal tstep, PetscReal shift, const char *name)
{
  SNES      snes;
  Mat       J, Jfd;
  Vec       X;
  PetscReal nJ, nD;

  PetscFunctionBeginUser;
  PetscCall(GWModelStep(m, tstep));
  PetscCall(GWModelGetSNES(m, &snes));
  PetscCall(SNESGetSolution(snes, &X));
  PetscCall(VecShift(X, shift));
  PetscCall(SNESGetJacobian(snes, &J, NULL, NULL, NULL));
  PetscCall(MatDuplicate(J, MAT_DO_NOT_COPY_VALUES, &Jfd));
  PetscCall(MatSetOption(Jfd, MAT_NEW_NONZERO_ALLOCATION_ERR, PETSC_FALSE));
  PetscCall(MatSetOption(Jfd, MAT_NEW_NONZERO_LOCATION_ERR, PETSC_FALSE));
  PetscCall(SNESComputeJacobian(snes, X, J, J));
  PetscCall(SNESComputeJacobianDefault(snes, X, Jfd, Jfd, NULL));
  PetscCall(MatNorm(J, NORM_FROBENIUS, &nJ));
  PetscCall(MatAXPY(Jfd, -1.0, J, DIFFERENT_NONZERO_PATTERN));
  PetscCall(MatNorm(Jfd, NORM_FROBENIUS, &nD));
  PetscCall(GWTestBelow(t, name, nD / nJ, 1e-6));
  PetscCall(MatDestroy(&Jfd));
  PetscFunctionReturn(0);
}

int main(int argc, char **argv)
{
  GWTest  t = {0, 0};
  GWModel m;
  int     status;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  PetscCall(Network(&m));
  PetscCall(CheckNetwork(&t, m));
  PetscCall(GWModelDestroy(&m));
  { /* the same network read from a scenario file: reaches, inflow series, diversion into the canal */
    GWScenario sc;
    char       path[PETSC_MAX_PATH_LEN];
    PetscCall(GWTestSourcePath("lib/tests/scenarios/routing.yaml", path, sizeof(path)));
    PetscCall(GWScenarioCreate(PETSC_COMM_WORLD, &sc));
    PetscCall(GWScenarioLoad(sc, path));
    PetscCall(GWScenarioGetModel(sc, &m));
    PetscCall(CheckNetwork(&t, m));
    PetscCall(GWScenarioDestroy(&sc));
  }
  { /* the other diversion rules: a share of 30% of the flow, and the flow above 5 l/s */
    const GWDiversionRule rules[2] = {GW_DIVERSION_FRACTION, GW_DIVERSION_EXCESS};
    const PetscReal       rates[2] = {0.3, 0.005};
    for (int k = 0; k < 2; k++) {
      DivRule = rules[k];
      DivRate = rates[k];
      PetscCall(Network(&m));
      PetscCall(CheckNetwork(&t, m));
      PetscCall(GWModelDestroy(&m));
      PetscCall(Network(&m));
      PetscCall(CheckJacobian(&t, m, 600.0, 0.01, k ? "excess_network_jacobian_rel_frobenius_diff" : "fraction_network_jacobian_rel_frobenius_diff"));
      PetscCall(GWModelDestroy(&m));
    }
    DivRule = GW_DIVERSION_UPTO;
    DivRate = QD;
  }
  PetscCall(CheckSpringFed(&t, -1));
  PetscCall(CheckSpringFed(&t, 2.0));
  PetscCall(Network(&m));
  PetscCall(CheckJacobian(&t, m, 600.0, 0.01, "network_jacobian_rel_frobenius_diff"));
  PetscCall(GWModelDestroy(&m));
  PetscCall(SpringFed(&m, -1));
  PetscCall(CheckJacobian(&t, m, 100.0, 0.37, "spring_fed_jacobian_rel_frobenius_diff"));
  PetscCall(GWModelDestroy(&m));
  PetscCall(SpringFed(&m, 2.0));
  PetscCall(CheckJacobian(&t, m, 100.0, 0.37, "spring_fed_trapezoid_jacobian_rel_frobenius_diff"));
  PetscCall(GWModelDestroy(&m));
  status = GWTestFinish(&t);
  PetscCall(PetscFinalize());
  return status;
}
