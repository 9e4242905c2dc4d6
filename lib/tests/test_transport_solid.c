/* Precipitation and re-dissolution of a solid phase: a saturated 1D column (20 cells of 1 m,
   steady flow at v = 0.24 m/d, dispersivity 1 m) starts at c = 5 kg/m3 with a solubility of
   2 kg/m3, and clean water flows in at the inlet. Checks:
   - after the first step every cell is at the solubility and the excess is solid: the solid mass
     equals the initial dissolved excess W (5 - 2) summed over the cells, less what the first step
     carried out dissolved at 2 kg/m3 (conservation, 1e-10);
   - at every step: no concentration above the solubility (1e-12 relative); every cell that still
     holds solid is at the solubility (equilibrium); dissolved + solid = initial - cumulative
     outflow (1e-10 relative); the step's solute balance below 1e-10;
   - the clean water re-dissolves the solid: it disappears from the inlet cell first, and from the
     whole column before 300 d, but not before 125 d: the 18 kg of solid can leave no faster than
     the outflow at the solubility carries it, q A csat = 0.144 kg/d (a bound from conservation);
     after it is gone no concentration is at the solubility. On 1 rank and on 2
     (test_transport_solid_np2.sh). */
#include <gw.h>
#include "gwtest.h"

#define NX  20
#define DAY 86400.0

int main(int argc, char **argv)
{
  GWTest     t = {0, 0};
  GWModel    m;
  GWMaterial sand;
  GWPackage  west, east;
  GWSolute   s;
  Vec        c, sol;
  PetscReal  dz = 1.0, theta = 0.3, q = 0.24 * 0.3 / DAY, K = 7.2 / DAY, dH = q * NX / K, csat = 2.0, c0 = 5.0, W = theta * 1.0 * 1.0 * dz; /* water per cell [m3] */
  PetscReal  tm, md, ms, out, outc, rel, cmax_over = 0, eq_worst = 0, cons_worst = 0, mb_worst = 0, first_solid = 0, t_inlet_clear = -1, t_all_clear = -1, cmax_end;
  PetscInt   steps = 0;
  int        status;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  PetscCall(GWMaterialCreate(PETSC_COMM_WORLD, &sand));
  PetscCall(GWMaterialSetType(sand, GWMATERIALVANGENUCHTEN));
  PetscCall(GWMaterialVanGenuchtenSetParameters(sand, 14.5, 2.68));
  PetscCall(GWMaterialSetWaterContentLimits(sand, 0.045, theta));
  PetscCall(GWMaterialSetHydraulicConductivity(sand, K, K, K));
  PetscCall(GWModelCreate(PETSC_COMM_WORLD, &m));
  PetscCall(GWModelSetGridSize(m, NX, 1, 1));
  PetscCall(GWModelSetUniformCellWidths(m, 1.0, 1.0));
  PetscCall(GWModelSetUniformLayers(m, 0.0, &dz));
  PetscCall(GWModelAddMaterial(m, sand, NULL));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &west));
  PetscCall(GWPackageSetType(west, GWPACKAGEHEAD));
  PetscCall(GWPackageAddCell(west, 0, 0, 0, GW_FACE_WEST));
  PetscCall(GWPackageSetValue(west, 100.0 + dH));
  PetscCall(GWModelAddPackage(m, west));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &east));
  PetscCall(GWPackageSetType(east, GWPACKAGEHEAD));
  PetscCall(GWPackageAddCell(east, NX - 1, 0, 0, GW_FACE_EAST));
  PetscCall(GWPackageSetValue(east, 100.0));
  PetscCall(GWModelAddPackage(m, east));
  PetscCall(GWSoluteCreate(PETSC_COMM_WORLD, &s));
  PetscCall(GWSoluteSetName(s, "gypsum"));
  PetscCall(GWSoluteSetDispersivity(s, -1, 1.0, 0.1));
  PetscCall(GWSoluteSetSolubility(s, csat));
  PetscCall(GWSoluteSetInitialConcentration(s, c0));
  PetscCall(GWSoluteSetPackageConcentration(s, west, 0.0, GW_SOLUTE_INFLOW));
  PetscCall(GWModelAddSolute(m, s));
  PetscCall(GWModelSetInitialWaterTable(m, 100.0));
  PetscCall(GWModelSetTimeStepLimits(m, 0.5 * DAY, 1.0, 0.5 * DAY));
  PetscCall(GWModelSetFromOptions(m));
  PetscCall(GWModelSetUp(m));
  PetscCall(GWSoluteGetConcentration(s, &c));
  PetscCall(GWSoluteGetSolid(s, &sol));
  for (;;) {
    const PetscScalar *ca, *sa;
    PetscInt           n;
    PetscReal          loc[2] = {0, 0}, inlet_solid = 0;
    PetscCall(GWModelGetTime(m, &tm));
    if (tm >= 300 * DAY * (1 - 1e-12)) break;
    PetscCall(GWModelStep(m, 300 * DAY));
    steps++;
    PetscCall(GWModelGetTime(m, &tm));
    PetscCall(GWSoluteGetTotalMass(s, &md, NULL));
    PetscCall(GWSoluteGetSolidBudget(s, NULL, NULL, &ms));
    PetscCall(GWSoluteGetPackageBudget(s, 1, NULL, &out, NULL, &outc));
    PetscCall(GWSoluteGetMassBalanceError(s, NULL, &rel, NULL, NULL));
    if (steps == 1) first_solid = ms + out; /* the solid plus what left dissolved: the initial excess */
    cons_worst = PetscMax(cons_worst, PetscAbsReal(md + ms - (c0 * W * NX - outc)) / (c0 * W * NX));
    mb_worst   = PetscMax(mb_worst, rel);
    PetscCall(VecGetLocalSize(c, &n));
    PetscCall(VecGetArrayRead(c, &ca));
    PetscCall(VecGetArrayRead(sol, &sa));
    for (PetscInt i = 0; i < n; i++) {
      loc[0] = PetscMax(loc[0], (ca[i] - csat) / csat);
      if (sa[i] > 0) loc[1] = PetscMax(loc[1], PetscAbsReal(ca[i] - csat) / csat);
    }
    PetscCall(VecRestoreArrayRead(sol, &sa));
    PetscCall(VecRestoreArrayRead(c, &ca));
    PetscCall(MPIU_Allreduce(MPI_IN_PLACE, loc, 2, MPIU_REAL, MPI_MAX, PETSC_COMM_WORLD));
    cmax_over = PetscMax(cmax_over, loc[0]);
    eq_worst  = PetscMax(eq_worst, loc[1]);
    {
      PetscInt   idx = 0;
      PetscReal  v   = 0;
      IS         is;
      Vec        one;
      VecScatter sc;
      PetscCall(ISCreateStride(PETSC_COMM_WORLD, 1, idx, 1, &is));
      PetscCall(VecCreateSeq(PETSC_COMM_SELF, 1, &one));
      PetscCall(VecScatterCreate(sol, is, one, NULL, &sc));
      PetscCall(VecScatterBegin(sc, sol, one, INSERT_VALUES, SCATTER_FORWARD));
      PetscCall(VecScatterEnd(sc, sol, one, INSERT_VALUES, SCATTER_FORWARD));
      PetscCall(VecGetValues(one, 1, &idx, &v));
      inlet_solid = v;
      PetscCall(VecScatterDestroy(&sc));
      PetscCall(VecDestroy(&one));
      PetscCall(ISDestroy(&is));
    }
    if (inlet_solid == 0 && t_inlet_clear < 0) t_inlet_clear = tm;
    if (ms == 0 && t_all_clear < 0) t_all_clear = tm;
  }
  PetscCall(VecMax(c, NULL, &cmax_end));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%" PetscInt_FMT " steps; solid after the first step %.10g kg; solid gone from the inlet cell at %g d, from the column at %g d; outflow %.10g kg; largest concentration at the end %.4g kg/m3\n", steps, (double)first_solid, (double)(t_inlet_clear / DAY), (double)(t_all_clear / DAY), (double)outc, (double)cmax_end));
  PetscCall(GWTestRel(&t, "first_step_solid_plus_outflow_equals_initial_excess_kg", first_solid, (c0 - csat) * W * NX, 1e-10));
  PetscCall(GWTestBelow(&t, "max_concentration_above_solubility_rel", cmax_over, 1e-12));
  PetscCall(GWTestBelow(&t, "cells_with_solid_off_solubility_rel", eq_worst, 1e-12));
  PetscCall(GWTestBelow(&t, "dissolved_plus_solid_equals_initial_minus_outflow_rel", cons_worst, 1e-10));
  PetscCall(GWTestBelow(&t, "max_step_solute_mass_balance_rel", mb_worst, 1e-10));
  PetscCall(GWTestBelow(&t, "solid_gone_from_inlet_cell_before_column_d", (t_inlet_clear > 0 && t_all_clear > t_inlet_clear) ? 0.0 : 1.0, 0.0));
  PetscCall(GWTestBelow(&t, "solid_redissolved_before_300d", t_all_clear > 0 ? 0.0 : 1.0, 0.0));
  PetscCall(GWTestBelow(&t, "solid_mass_over_saturated_outflow_rate_minus_clearing_time_d", (first_solid / (q * 1.0 * dz * csat) - t_all_clear) / DAY, 0.0));
  PetscCall(GWTestBelow(&t, "max_concentration_at_end_over_solubility", cmax_end / csat, 0.999));
  PetscCall(GWSoluteDestroy(&s));
  PetscCall(GWPackageDestroy(&west));
  PetscCall(GWPackageDestroy(&east));
  PetscCall(GWMaterialDestroy(&sand));
  PetscCall(GWModelDestroy(&m));
  status = GWTestFinish(&t);
  PetscCall(PetscFinalize());
  return status;
}
