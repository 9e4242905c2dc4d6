/* The atmosphere package's switching boundary over alternating rain and drying: a 1 m loam column
   (Carsel and Parrish 1988 van Genuchten loam) over a water table, three cycles of 3 h of rain at
   5 cm/h (five times Ks, so the surface ponds and water runs off) followed by 3 days of potential
   evaporation at 1 cm/d with a critical surface pressure head of -20 m (so evaporation becomes
   soil-limited). Two identical columns, for 2 ranks.
   Checks (conservation laws and the boundary's own constraints):
   - per-step relative mass balance below 1e-8;
   - the pressure head of the surface cells never below the critical head (the head boundary is
     reached from the flux side, never passed);
   - the surface water balance closes: precipitation - actual evaporation - runoff = net flow into
     the soil, to 1e-10 relative, and actual evaporation never exceeds potential;
   - both switches happened: runoff > 0 and actual evaporation < potential during drying;
   - the two columns are two zones (the same loam twice): each holds half of every term. */
#include <gw.h>
#include "gwtest.h"

#define NZ 50

int main(int argc, char **argv)
{
  const PetscReal cmh = 0.01 / 3600.0, cmd = 0.01 / 86400.0, hcrit = -20.0;
  GWTest          t = {0, 0};
  GWModel         m;
  GWMaterial      loam;
  GWPackage       atm, wt;
  PetscReal       dz[NZ], tp[7], vp[7], te[7], ve[7], tnow = 0, tend, maxmb = 0, minpsi = 0, maxEratio = 0, minEratio = 1;
  int             status;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  for (PetscInt k = 0; k < NZ; k++) dz[k] = 1.0 / NZ;
  for (PetscInt c = 0; c < 3; c++) { /* rain from the start of each 3.125-day cycle, for 3 h */
    PetscReal t0  = c * (3 * 86400.0 + 3 * 3600.0);
    tp[2 * c]     = t0;
    vp[2 * c]     = 5 * cmh;
    tp[2 * c + 1] = t0 + 3 * 3600.0;
    vp[2 * c + 1] = 0.0;
    te[2 * c]     = t0;
    ve[2 * c]     = 0.0;
    te[2 * c + 1] = t0 + 3 * 3600.0;
    ve[2 * c + 1] = 1 * cmd;
  }
  tend = 3 * (3 * 86400.0 + 3 * 3600.0);
  PetscCall(GWMaterialCreate(PETSC_COMM_WORLD, &loam));
  PetscCall(GWMaterialSetType(loam, GWMATERIALVANGENUCHTEN));
  PetscCall(GWMaterialVanGenuchtenSetParameters(loam, 3.6, 1.56));
  PetscCall(GWMaterialSetWaterContentLimits(loam, 0.078, 0.43));
  PetscCall(GWMaterialSetHydraulicConductivity(loam, 2.89e-6, 2.89e-6, 2.89e-6));
  PetscCall(GWModelCreate(PETSC_COMM_WORLD, &m));
  PetscCall(GWModelSetGridSize(m, 2, 1, NZ));
  PetscCall(GWModelSetUniformCellWidths(m, 1.0, 1.0));
  PetscCall(GWModelSetUniformLayers(m, 1.0, dz));
  PetscCall(GWModelAddMaterial(m, loam, NULL));
  PetscCall(GWModelAddMaterial(m, loam, NULL)); /* the same loam again as zone 1 for column 1 */
  {
    PetscInt zone[2 * NZ];
    for (PetscInt k = 0; k < NZ; k++) {
      zone[2 * k]     = 0;
      zone[2 * k + 1] = 1;
    }
    PetscCall(GWModelSetMaterialZones(m, zone));
  }
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &atm));
  PetscCall(GWPackageSetType(atm, GWPACKAGEATMOSPHERE));
  PetscCall(GWPackageAddCellRange(atm, 0, 1, 0, 0, 0, 0, GW_FACE_TOP));
  PetscCall(GWPackageSetInput(atm, "precipitation", 6, tp, vp, GW_INTERP_STEP));
  PetscCall(GWPackageSetInput(atm, "potential_evaporation", 6, te, ve, GW_INTERP_STEP));
  PetscCall(GWPackageSetParameter(atm, "critical_pressure_head", hcrit));
  PetscCall(GWPackageSetParameter(atm, "max_ponding_depth", 0.005));
  PetscCall(GWModelAddPackage(m, atm));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &wt));
  PetscCall(GWPackageSetType(wt, GWPACKAGEHEAD));
  PetscCall(GWPackageHeadSetKind(wt, GW_HEAD_PRESSURE));
  PetscCall(GWPackageAddCellRange(wt, 0, 1, 0, 0, NZ - 1, NZ - 1, GW_FACE_BOTTOM));
  PetscCall(GWPackageSetValue(wt, 0.0));
  PetscCall(GWModelAddPackage(m, wt));
  PetscCall(GWModelSetInitialWaterTable(m, 0.0));
  PetscCall(GWModelSetTimeStepLimits(m, 1.0, 1e-6, 3600.0));
  PetscCall(GWModelSetFromOptions(m));
  PetscCall(GWModelSetUp(m));
  while (tend - tnow > 1e-3) {
    PetscReal          rel, E = 0, Ep = 0;
    PetscInt           n;
    const char *const *names;
    const PetscReal   *step;
    DM                 da;
    Vec                psi;
    PetscScalar     ***x;
    PetscInt           xs, ys, zs, xm, ym, zm;
    PetscCall(GWModelStep(m, tend));
    PetscCall(GWModelGetTime(m, &tnow));
    PetscCall(GWModelGetMassBalanceError(m, NULL, &rel, NULL, NULL));
    maxmb = PetscMax(maxmb, rel);
    PetscCall(GWModelGetDM(m, &da));
    PetscCall(GWModelGetPressureHead(m, &psi));
    PetscCall(DMDAGetCorners(da, &xs, &ys, &zs, &xm, &ym, &zm));
    PetscCall(DMDAVecGetArrayRead(da, psi, &x));
    if (zs == 0)
      for (PetscInt i = xs; i < xs + xm; i++) minpsi = PetscMin(minpsi, x[0][0][i]);
    PetscCall(DMDAVecRestoreArrayRead(da, psi, &x));
    PetscCall(GWPackageGetBudgetTerms(atm, &n, &names, &step, NULL));
    for (PetscInt q = 0; q < n; q++) {
      if (!strcmp(names[q], "evaporation")) E = step[q];
      if (!strcmp(names[q], "potential_evaporation")) Ep = step[q];
    }
    if (Ep > 0) {
      maxEratio = PetscMax(maxEratio, E / Ep);
      minEratio = PetscMin(minEratio, E / Ep);
    }
  }
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &minpsi, 1, MPIU_REAL, MPIU_MIN, PETSC_COMM_WORLD));
  PetscCall(GWTestBelow(&t, "max_step_mass_balance_rel", maxmb, 1e-8));
  PetscCall(GWTestBelow(&t, "critical_head_minus_min_surface_cell_psi_m", hcrit - minpsi, 0.0));
  {
    PetscInt           n;
    const char *const *names;
    const PetscReal   *cum;
    PetscReal          P = 0, E = 0, R = 0, in, out;
    PetscCall(GWPackageGetBudgetTerms(atm, &n, &names, NULL, &cum));
    for (PetscInt q = 0; q < n; q++) {
      if (!strcmp(names[q], "precipitation")) P = cum[q];
      if (!strcmp(names[q], "evaporation")) E = cum[q];
      if (!strcmp(names[q], "runoff")) R = cum[q];
    }
    PetscCall(GWModelGetPackageBudget(m, 0, NULL, NULL, &in, &out));
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "# cumulative per column [mm]: precipitation %.3f, actual evaporation %.3f, runoff %.3f, into the soil %.3f\n", 500 * P, 500 * E, 500 * R, 500 * (in - out)));
    PetscCall(GWTestRel(&t, "surface_balance_P_minus_E_minus_R_vs_soil_inflow_m3", P - E - R, in - out, 1e-10));
    PetscCall(GWTestBelow(&t, "runoff_happened_negated_m3", -R, -1e-6));
    PetscCall(GWTestBelow(&t, "max_actual_over_potential_evaporation_minus_1", maxEratio - 1.0, 1e-12));
    PetscCall(GWTestBelow(&t, "min_actual_over_potential_evaporation_soil_limited", minEratio, 0.9));
    /* the two identical columns are zones 0 and 1: each zone holds half of every term */
    {
      PetscReal e0, e1, r0;
      PetscCall(GWModelGetZoneBudgetTerm(m, 0, "evaporation", NULL, &e0));
      PetscCall(GWModelGetZoneBudgetTerm(m, 1, "evaporation", NULL, &e1));
      PetscCall(GWModelGetZoneBudgetTerm(m, 0, "runoff", NULL, &r0));
      PetscCall(GWTestRel(&t, "zone0_evaporation_half_of_total_m3", e0, 0.5 * E, 1e-10));
      PetscCall(GWTestRel(&t, "zone1_evaporation_half_of_total_m3", e1, 0.5 * E, 1e-10));
      PetscCall(GWTestRel(&t, "zone0_runoff_half_of_total_m3", r0, 0.5 * R, 1e-10));
    }
  }
  PetscCall(GWPackageDestroy(&atm));
  PetscCall(GWPackageDestroy(&wt));
  PetscCall(GWMaterialDestroy(&loam));
  PetscCall(GWModelDestroy(&m));
  status = GWTestFinish(&t);
  PetscCall(PetscFinalize());
  return status;
}
