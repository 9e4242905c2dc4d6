/* Surface water with every package active: atmosphere runoff routed into a reach, open-water
   evaporation of reaches, and the mass balance of the whole system.

   A cross-section of 12 columns of 10 m (5 m wide), 4 layers of 5 m below 10 m, a silt (K 1e-6 m/s)
   with its water table at -8 m. Packages: an atmosphere package on every top face (rain 2e-5 m/s
   for 2 h, then none; no ponding allowed, so rain the silt cannot take runs off), a routed river
   (reach 0: columns 0-3, inflow 0.01 m^3/s, the runoff of the atmosphere package, a diversion of
   0.002 m^3/s into a canal; reach 1: columns 4-7, downstream of reach 0, open-water evaporation
   1e-6 m/s; reach 2: columns 8-11, its own outlet, no inflow, the same evaporation rate), a canal
   (columns 0-1) fed by the diversion, a drain (springs, bottom layer of column 11, 12 m below the
   bed of the river) routed into reach 1, a general head at the bottom of column 0 and a pumping
   well at the bottom of column 6. Run to 0.25 d in fixed steps of 600 s (so that 1 and 2 ranks,
   whose Newton iteration counts differ, take the same steps) with the default solver settings.
   Checks:
   - the runoff routed into reach 0 (river_runoff_inflow) equals the atmosphere's runoff term, per
     step and cumulative, to 1e-10, and is positive (the rain exceeds what the silt takes);
   - reach 1 evaporates E = e l w (e 1e-6 m/s, l 40 m its channel length, w 5 m its width), by
     GWPackageRiverGetReachEvaporation() and by the budget term river_evaporation over the last
     step, to 1e-10; reach 2, dry (no inflow), evaporates nothing and passes nothing (1e-16 m^3/s);
   - the network closes: inflow + spring inflow + runoff = outflow + diversion + leakage - gain +
     evaporation (cumulative, 1e-10 of the inflow), and the canal passes on what the diversion
     brings minus its seepage;
   - every step's aquifer mass balance is below 1e-10 (GWModelGetMassBalanceWorstStep());
   - the Jacobian with the runoff and evaporation terms against finite differences (1e-6), also
     with reach 1 trapezoidal (side slope 1.5), whose evaporating top width grows with the flow;
   - the same model read from lib/tests/scenarios/surface.yaml (keys runoff: and evaporation:)
     passes the same checks and routes the same runoff (1e-10). */
#include <gw.h>
#include <gw/private/modelimpl.h>
#include "gwtest.h"
#include <string.h>

#define DAY 86400.0
#define NX  12
#define DX  10.0
#define DY  5.0
#define EV  1e-6 /* open-water evaporation rate [m/s] */

static const PetscInt reach_of[NX] = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2};

static PetscErrorCode Build(GWModel *model, PetscReal side)
{
  GWModel    m;
  GWMaterial silt;
  GWPackage  atm, riv, can, drn, ghb, well;
  PetscReal  dz[4] = {5, 5, 5, 5}, t0 = 0, tr[2] = {0, 7200}, rain[2] = {2e-5, 0}, ev = EV;

  PetscFunctionBeginUser;
  PetscCall(GWMaterialCreate(PETSC_COMM_WORLD, &silt));
  PetscCall(GWMaterialSetType(silt, GWMATERIALVANGENUCHTEN));
  PetscCall(GWMaterialVanGenuchtenSetParameters(silt, 2.0, 2.0));
  PetscCall(GWMaterialSetWaterContentLimits(silt, 0.05, 0.40));
  PetscCall(GWMaterialSetHydraulicConductivity(silt, 1e-6, 1e-6, 1e-6));
  PetscCall(GWMaterialSetSpecificStorage(silt, 1e-5));
  PetscCall(GWModelCreate(PETSC_COMM_WORLD, &m));
  PetscCall(GWModelSetGridSize(m, NX, 1, 4));
  PetscCall(GWModelSetUniformCellWidths(m, DX, DY));
  PetscCall(GWModelSetUniformLayers(m, 10.0, dz));
  PetscCall(GWModelAddMaterial(m, silt, NULL));
  PetscCall(GWMaterialDestroy(&silt));

  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &atm));
  PetscCall(GWPackageSetType(atm, GWPACKAGEATMOSPHERE));
  PetscCall(GWPackageSetName(atm, "rain"));
  PetscCall(GWPackageAddCellRange(atm, 0, NX - 1, 0, 0, 0, 0, GW_FACE_TOP));
  PetscCall(GWPackageSetInput(atm, "precipitation", 2, tr, rain, GW_INTERP_STEP));
  PetscCall(GWModelAddPackage(m, atm));

  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &riv));
  PetscCall(GWPackageSetType(riv, GWPACKAGERIVER));
  PetscCall(GWPackageSetName(riv, "river"));
  PetscCall(GWPackageAddCellRange(riv, 0, NX - 1, 0, 0, 0, 0, GW_FACE_NONE));
  PetscCall(GWPackageSetCellGroups(riv, NX, reach_of));
  PetscCall(GWPackageSetParameter(riv, "bed_elevation", 9.5));
  PetscCall(GWPackageSetParameter(riv, "bed_conductivity", 1e-6));
  PetscCall(GWPackageSetParameter(riv, "width", DY));
  PetscCall(GWPackageSetParameter(riv, "length", DX));
  PetscCall(GWPackageRiverSetReach(riv, 0, 1, DY, 0.035, 0.002));
  PetscCall(GWPackageRiverSetReach(riv, 1, -1, DY, 0.035, 0.002));
  PetscCall(GWPackageRiverSetReach(riv, 2, -1, DY, 0.035, 0.002));
  PetscCall(GWPackageRiverSetReachInflow(riv, 0, 1, &t0, (PetscReal[]){0.01}, GW_INTERP_STEP));
  PetscCall(GWPackageRiverSetReachEvaporation(riv, 1, 1, &t0, &ev, GW_INTERP_STEP));
  PetscCall(GWPackageRiverSetReachEvaporation(riv, 2, 1, &t0, &ev, GW_INTERP_STEP));
  PetscCall(GWPackageRiverAddRunoff(riv, atm, 0));
  if (side >= 0) PetscCall(GWPackageRiverSetReachSideSlope(riv, 1, side)); /* evaporation then depends on the flow */

  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &can));
  PetscCall(GWPackageSetType(can, GWPACKAGECANAL));
  PetscCall(GWPackageSetName(can, "canal"));
  PetscCall(GWPackageAddCellRange(can, 0, 1, 0, 0, 0, 0, GW_FACE_NONE));
  PetscCall(GWPackageSetParameter(can, "bed_elevation", 9.5));
  PetscCall(GWPackageSetParameter(can, "bed_conductivity", 1e-6));
  PetscCall(GWPackageSetParameter(can, "width", 1.5));
  PetscCall(GWPackageSetParameter(can, "length", DX));
  PetscCall(GWPackageSetParameter(can, "lining_factor", 0.1));
  PetscCall(GWPackageRiverSetReach(can, 0, -1, 1.5, 0.015, 0.002));
  PetscCall(GWPackageRiverSetReachDiversion(riv, 0, can, 0, 0.002));

  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &drn));
  PetscCall(GWPackageSetType(drn, GWPACKAGEDRAIN));
  PetscCall(GWPackageSetName(drn, "springs"));
  PetscCall(GWPackageAddCell(drn, NX - 1, 0, 3, GW_FACE_NONE));
  PetscCall(GWPackageSetValue(drn, -12.5));
  PetscCall(GWPackageSetParameter(drn, "conductance", 1e-4));
  PetscCall(GWPackageRiverAddSpring(riv, drn, 1));

  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &ghb));
  PetscCall(GWPackageSetType(ghb, GWPACKAGEGENERALHEAD));
  PetscCall(GWPackageSetName(ghb, "lake"));
  PetscCall(GWPackageAddCell(ghb, 0, 0, 3, GW_FACE_NONE));
  PetscCall(GWPackageSetValue(ghb, -6.0));
  PetscCall(GWPackageSetParameter(ghb, "conductance", 1e-4));

  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &well));
  PetscCall(GWPackageSetType(well, GWPACKAGEWELL));
  PetscCall(GWPackageSetName(well, "well"));
  PetscCall(GWPackageAddCell(well, 6, 0, 3, GW_FACE_NONE));
  PetscCall(GWPackageSetValue(well, -2e-5));

  PetscCall(GWModelAddPackage(m, riv));
  PetscCall(GWModelAddPackage(m, can));
  PetscCall(GWModelAddPackage(m, drn));
  PetscCall(GWModelAddPackage(m, ghb));
  PetscCall(GWModelAddPackage(m, well));
  PetscCall(GWPackageDestroy(&atm));
  PetscCall(GWPackageDestroy(&riv));
  PetscCall(GWPackageDestroy(&can));
  PetscCall(GWPackageDestroy(&drn));
  PetscCall(GWPackageDestroy(&ghb));
  PetscCall(GWPackageDestroy(&well));
  PetscCall(GWModelSetInitialWaterTable(m, -8.0));
  PetscCall(GWModelSetTimeStepLimits(m, 600.0, 1e-3, 600.0)); /* fixed steps: 1 and 2 ranks take the same */
  PetscCall(GWModelSetFromOptions(m));
  PetscCall(GWModelSetUp(m));
  *model = m;
  PetscFunctionReturn(0);
}

/* the package term of package pkg named name, over the last step and cumulative */
static PetscErrorCode Term(GWModel m, PetscInt p, const char name[], PetscReal *step, PetscReal *cum)
{
  GWPackage pkg = m->pkg[p];

  PetscFunctionBeginUser;
  *step = *cum = PETSC_NAN;
  for (PetscInt q = 0; q < pkg->nterm; q++)
    if (!strcmp(pkg->termname[q], name)) {
      *step = pkg->term_step[q];
      *cum  = pkg->term_cum[q];
    }
  PetscCheck(!PetscIsNanReal(*step), PETSC_COMM_SELF, PETSC_ERR_PLIB, "no term %s", name);
  PetscFunctionReturn(0);
}

static PetscErrorCode Check(GWTest *t, GWModel m, PetscReal *runoff)
{
  PetscReal   ros, roc, rrs, rrc, es, ec, v[9], dum, E1, E2, in2, out2, leak2, c[5];
  PetscReal   dt, worst, tw;
  PetscInt    nover, wstep;
  const char *names[9] = {"river_inflow", "river_spring_inflow", "river_runoff_inflow", "river_outflow", "river_diversion", "river_leakage", "river_gain", "river_evaporation", NULL};

  PetscFunctionBeginUser;
  /* m->pkg: 0 rain, 1 river, 2 canal, 3 springs, 4 lake, 5 well */
  PetscCall(GWModelRun(m, 3600.0)); /* during the rain */
  PetscCall(Term(m, 0, "runoff", &ros, &roc));
  PetscCall(Term(m, 1, "river_runoff_inflow", &rrs, &rrc));
  PetscCall(GWTestBelow(t, "t1h_step_runoff_happened_negated_m3", -ros, -1e-3));
  PetscCall(GWTestRel(t, "t1h_routed_runoff_equals_atmosphere_runoff_step_m3", rrs, ros, 1e-10));
  PetscCall(GWModelRun(m, 0.25 * DAY));
  dt = m->step_t1 - m->step_t0;
  PetscCall(Term(m, 0, "runoff", &ros, &roc));
  PetscCall(Term(m, 1, "river_runoff_inflow", &rrs, &rrc));
  PetscCall(GWTestRel(t, "routed_runoff_equals_atmosphere_runoff_cum_m3", rrc, roc, 1e-10));
  PetscCall(GWPackageRiverGetReachEvaporation(m->pkg[1], 1, &E1));
  PetscCall(GWPackageRiverGetReachEvaporation(m->pkg[1], 2, &E2));
  PetscCall(GWTestRel(t, "reach1_evaporation_e_l_w_m3_per_s", E1, EV * 4 * DX * DY, 1e-10));
  PetscCall(Term(m, 1, "river_evaporation", &es, &ec));
  PetscCall(GWTestRel(t, "reach1_evaporation_budget_last_step_m3", es, EV * 4 * DX * DY * dt, 1e-10));
  PetscCall(GWTestAbs(t, "dry_reach2_evaporation_m3_per_s", E2, 0.0, 1e-16));
  PetscCall(GWPackageRiverGetReachFlows(m->pkg[1], 2, &in2, &out2, &leak2, NULL, NULL));
  PetscCall(GWTestAbs(t, "dry_reach2_outflow_m3_per_s", out2, 0.0, 1e-16));
  for (PetscInt q = 0; names[q]; q++) PetscCall(Term(m, 1, names[q], &dum, &v[q]));
  /* in: inflow + springs + runoff; out: outflow + diversion + leakage - gain + evaporation */
  PetscCall(GWTestBelow(t, "river_network_cumulative_balance_rel", PetscAbsReal(v[0] + v[1] + v[2] - (v[3] + v[4] + v[5] - v[6] + v[7])) / v[0], 1e-10));
  {
    const char *cn[5] = {"canal_inflow", "canal_outflow", "canal_seepage", "canal_gain", "canal_evaporation"};
    for (PetscInt q = 0; q < 5; q++) PetscCall(Term(m, 2, cn[q], &dum, &c[q]));
    /* the canal's inflow is the river's diversion (canal_inflow counts only hydrographs) */
    PetscCall(GWTestBelow(t, "canal_network_cumulative_balance_rel", PetscAbsReal(v[4] + c[0] - (c[1] + c[2] - c[3] + c[4])) / v[4], 1e-10));
  }
  PetscCall(GWModelGetMassBalanceWorstStep(m, &nover, &worst, &wstep, &tw));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "# %" PetscInt_FMT " steps; runoff %.6e m^3, reach 1 evaporation %.6e m^3/s; worst step mass balance %.3e (step %" PetscInt_FMT ")\n", m->nsteps, (double)roc, (double)E1, (double)worst, wstep));
  PetscCall(GWTestBelow(t, "steps_above_mass_balance_tolerance", (PetscReal)nover, 0.0));
  PetscCall(GWTestBelow(t, "worst_step_mass_balance_rel", worst, 1e-10));
  *runoff = roc;
  PetscFunctionReturn(0);
}

/* the analytic Jacobian against finite differences at a state shifted from a solution, during the
   rain (runoff active) */
static PetscErrorCode CheckJacobian(GWTest *t, PetscReal side, const char *name)
{
  GWModel   m;
  SNES      snes;
  Mat       J, Jfd;
  Vec       X;
  PetscReal nJ, nD;

  PetscFunctionBeginUser;
  PetscCall(Build(&m, side));
  PetscCall(GWModelStep(m, 600.0));
  PetscCall(GWModelGetSNES(m, &snes));
  PetscCall(SNESGetSolution(snes, &X));
  PetscCall(VecShift(X, 0.013));
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
  PetscCall(GWModelDestroy(&m));
  PetscFunctionReturn(0);
}

int main(int argc, char **argv)
{
  GWTest    t = {0, 0};
  GWModel   m;
  int       status;
  PetscReal r_api, r_file;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  PetscCall(Build(&m, -1));
  PetscCall(Check(&t, m, &r_api));
  PetscCall(GWModelDestroy(&m));
  { /* the same model from lib/tests/scenarios/surface.yaml: keys runoff: and evaporation: */
    GWScenario sc;
    char       path[PETSC_MAX_PATH_LEN];
    PetscCall(GWTestSourcePath("lib/tests/scenarios/surface.yaml", path, sizeof(path)));
    PetscCall(GWScenarioCreate(PETSC_COMM_WORLD, &sc));
    PetscCall(GWScenarioLoad(sc, path));
    PetscCall(GWScenarioGetModel(sc, &m));
    PetscCall(Check(&t, m, &r_file));
    PetscCall(GWTestRel(&t, "scenario_runoff_equals_api_runoff_m3", r_file, r_api, 1e-10));
    PetscCall(GWScenarioDestroy(&sc));
  }
  PetscCall(CheckJacobian(&t, -1, "surface_jacobian_rel_frobenius_diff"));
  PetscCall(CheckJacobian(&t, 1.5, "surface_trapezoid_jacobian_rel_frobenius_diff"));
  status = GWTestFinish(&t);
  PetscCall(PetscFinalize());
  return status;
}
