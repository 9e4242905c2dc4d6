/* What a solute reports once its model runs: concentration field and mass budget. */
#include <gw/private/transportimpl.h>

static PetscErrorCode CheckSetUp(GWSolute s)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(s, GWSOLUTE_CLASSID, 1);
  PetscCheck(s->model, PetscObjectComm((PetscObject)s), PETSC_ERR_ARG_WRONGSTATE, "Solute %s: add it to a model with GWModelAddSolute() and call GWModelSetUp() first", ((PetscObject)s)->name);
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteGetConcentration - gets the concentration field of a solute

  Not collective

  Input Parameter:
. solute - the solute, after GWModelSetUp() of its model

  Output Parameter:
. c - global vector of concentration [kg/m^3] per cell on the model's DMDA (borrowed: do not
      destroy; it may be written before the first step to set an initial field)

  Level: beginner

.seealso: `GWSoluteSetInitialConcentration()`, `GWModelGetDM()`
@*/
PetscErrorCode GWSoluteGetConcentration(GWSolute solute, Vec *c)
{
  PetscFunctionBegin;
  PetscCall(CheckSetUp(solute));
  *c = solute->c;
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteGetPackageBudget - gets the solute mass a package brought in and took out

  Not collective (the values are the same on every rank)

  Input Parameters:
+ solute - the solute, after GWModelSetUp()
- p - package index in the model, in the order added

  Output Parameters:
+ in - mass into the domain over the last step [kg] (may be NULL)
. out - mass out of the domain over the last step [kg], >= 0 (may be NULL)
. in_cum - mass in since the start [kg] (may be NULL)
- out_cum - mass out since the start [kg] (may be NULL)

  Notes:
  A package's flow is Q c_in for inflow, Q c for outflow at the cell's concentration c (none for
  evaporation, evapotranspiration and root uptake), plus the dispersive flow across its faces for a
  fixed concentration; each entry counts as in or out by the sign of its own flow.

  Level: beginner

.seealso: `GWSoluteGetStorageChange()`, `GWSoluteGetMassBalanceError()`
@*/
PetscErrorCode GWSoluteGetPackageBudget(GWSolute solute, PetscInt p, PetscReal *in, PetscReal *out, PetscReal *in_cum, PetscReal *out_cum)
{
  PetscFunctionBegin;
  PetscCall(CheckSetUp(solute));
  PetscCheck(p >= 0 && p < solute->model->npkg, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "Package %" PetscInt_FMT " does not exist: the model has %" PetscInt_FMT " packages", p, solute->model->npkg);
  if (in) *in = solute->in[p];
  if (out) *out = solute->out[p];
  if (in_cum) *in_cum = solute->in_cum[p];
  if (out_cum) *out_cum = solute->out_cum[p];
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteGetStorageChange - gets the increase of dissolved and sorbed solute mass

  Not collective (the values are the same on every rank)

  Input Parameter:
. solute - the solute

  Output Parameters:
+ dissolved - increase of sum W c over the last step [kg], W the water volume of a cell (may be NULL)
. sorbed - increase of sum V rho_b Kd c over the last step [kg] (may be NULL)
. dissolved_cum - increase of the dissolved mass since the start [kg] (may be NULL)
- sorbed_cum - increase of the sorbed mass since the start [kg] (may be NULL)

  Level: beginner

.seealso: `GWSoluteGetTotalMass()`, `GWSoluteGetReactionBudget()`
@*/
PetscErrorCode GWSoluteGetStorageChange(GWSolute solute, PetscReal *dissolved, PetscReal *sorbed, PetscReal *dissolved_cum, PetscReal *sorbed_cum)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(solute, GWSOLUTE_CLASSID, 1);
  if (dissolved) *dissolved = solute->dis;
  if (sorbed) *sorbed = solute->sorb;
  if (dissolved_cum) *dissolved_cum = solute->dis_cum;
  if (sorbed_cum) *sorbed_cum = solute->sorb_cum;
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteGetReactionBudget - gets the solute mass decayed and produced

  Not collective (the values are the same on every rank)

  Input Parameter:
. solute - the solute

  Output Parameters:
+ decay - mass lost by first-order decay over the last step [kg], >= 0 (may be NULL)
. production - mass produced by zero-order production over the last step [kg] (may be NULL)
. decay_cum - decayed since the start [kg] (may be NULL)
- production_cum - produced since the start [kg] (may be NULL)

  Level: intermediate

.seealso: `GWSoluteSetDecay()`, `GWSoluteSetProduction()`
@*/
PetscErrorCode GWSoluteGetReactionBudget(GWSolute solute, PetscReal *decay, PetscReal *production, PetscReal *decay_cum, PetscReal *production_cum)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(solute, GWSOLUTE_CLASSID, 1);
  if (decay) *decay = solute->decay;
  if (production) *production = solute->prod;
  if (decay_cum) *decay_cum = solute->decay_cum;
  if (production_cum) *production_cum = solute->prod_cum;
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteGetMassBalanceError - gets the solute mass-balance error of the last step and since the start

  Not collective (the values are the same on every rank)

  Input Parameter:
. solute - the solute

  Output Parameters:
+ abs_step - IN - OUT over the last step [kg] (may be NULL)
. rel_step - |IN - OUT| / ((IN + OUT)/2) over the last step [-] (may be NULL)
. abs_cum - IN - OUT since the start [kg] (may be NULL)
- rel_cum - its relative value [-] (may be NULL)

  Notes:
  IN is package inflow plus production plus the decrease of stored (dissolved and sorbed) mass;
  OUT is package outflow plus decay plus the increase of stored mass, as the water budget
  (MODFLOW's percent discrepancy, Harbaugh 2005, without the factor 100), relative to the mean of
  IN and OUT or to half the gross storage change (the sum over cells of |W dc| + |c^0 dW| +
  |rho_b Kd V dc|) when that is larger: where evaporation concentrates salt and no solute crosses
  the boundary, IN and OUT are zero but the cells' storage terms are not. Interior faces cancel,
  so the error is the sum of the linear solve's residual.

  Level: beginner

.seealso: `GWModelGetMassBalanceError()`
@*/
PetscErrorCode GWSoluteGetMassBalanceError(GWSolute solute, PetscReal *abs_step, PetscReal *rel_step, PetscReal *abs_cum, PetscReal *rel_cum)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(solute, GWSOLUTE_CLASSID, 1);
  if (abs_step) *abs_step = solute->mb_abs;
  if (rel_step) *rel_step = solute->mb_rel;
  if (abs_cum) *abs_cum = solute->mb_abs_cum;
  if (rel_cum) *rel_cum = solute->mb_rel_cum;
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteGetTotalMass - gets the solute mass in the domain at the end of the last step

  Not collective (the values are the same on every rank)

  Input Parameter:
. solute - the solute

  Output Parameters:
+ dissolved - sum over cells of W c [kg], W the water volume (may be NULL)
- sorbed - sum over cells of V rho_b Kd c [kg] (may be NULL)

  Level: beginner

.seealso: `GWSoluteGetStorageChange()`
@*/
PetscErrorCode GWSoluteGetTotalMass(GWSolute solute, PetscReal *dissolved, PetscReal *sorbed)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(solute, GWSOLUTE_CLASSID, 1);
  if (dissolved) *dissolved = solute->mass_dis;
  if (sorbed) *sorbed = solute->mass_sorb;
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteGetLinearIterations - gets the Krylov iterations of all transport solves of a solute

  Not collective

  Input Parameter:
. solute - the solute

  Output Parameter:
. its - iterations since set-up or the last reset

  Level: intermediate

.seealso: `GWModelGetLinearIterations()`
@*/
PetscErrorCode GWSoluteGetLinearIterations(GWSolute solute, PetscInt *its)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(solute, GWSOLUTE_CLASSID, 1);
  *its = solute->nlinear;
  PetscFunctionReturn(0);
}

_Static_assert(GW_SZ_N == GW_SOLUTE_ZONE_NTERMS, "the zone terms of transportimpl.h and gwtransport.h differ");

const char *const GWSoluteZoneTerms[GW_SOLUTE_ZONE_NTERMS] = {"dissolved_storage_change", "sorbed_storage_change", "solid_storage_change", "in", "out", "decay", "production", "from_zones", "to_zones"};

/*@C
  GWSoluteGetZoneBudget - gets the solute budget of one zone (the cells of one material)

  Not collective (the values are the same on every rank)

  Input Parameters:
+ solute - the solute, after GWModelSetUp()
- zone - material index, 0 <= zone < number of materials

  Output Parameters:
+ step - [GW_SOLUTE_ZONE_NTERMS] the zone's terms over the last step [kg] (may be NULL)
- cum - [GW_SOLUTE_ZONE_NTERMS] the same since the start [kg] (may be NULL)

  Notes:
  The terms, in the order of GWSoluteZoneTerms[]: increase of the dissolved, sorbed and solid
  mass in the zone's cells; package inflow and outflow of its cells; mass decayed and produced in
  them; inflow from other zones and outflow to other zones, the advective (upwind) and dispersive
  solute flows of the transport matrix across the faces between a cell of the zone and a cell of
  another, at the solved concentration. They are the whole-model terms split cell by cell, so
  every term summed over the zones equals the model's (GWSoluteGetStorageChange(),
  GWSoluteGetSolidBudget(), GWSoluteGetPackageBudget(), GWSoluteGetReactionBudget()) to round-off,
  the flows between zones sum to zero over the zones, and each zone closes,
  dissolved + sorbed + solid = in - out + from - to - decay + production, to the transport solve's
  tolerance: the zone budget of MODFLOW's ZONEBUDGET (Harbaugh 1990, USGS OFR 90-392) for solute
  mass. Before the first step every term is 0.

  Errors:
  PETSC_ERR_ARG_OUTOFRANGE for a zone that does not exist; PETSC_ERR_ARG_WRONGSTATE before set-up.

  Level: intermediate

.seealso: `GWSoluteZoneTerms`, `GWSoluteBudgetView()`, `GWModelGetZoneBudget()`
@*/
PetscErrorCode GWSoluteGetZoneBudget(GWSolute solute, PetscInt zone, PetscReal step[], PetscReal cum[])
{
  PetscFunctionBegin;
  PetscCall(CheckSetUp(solute));
  PetscCheck(zone >= 0 && zone < solute->model->nmat, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "Zone %" PetscInt_FMT " does not exist: zones are the %" PetscInt_FMT " materials", zone, solute->model->nmat);
  for (PetscInt t = 0; t < GW_SZ_N; t++) {
    if (step) step[t] = solute->zone[GW_SZ_N * zone + t];
    if (cum) cum[t] = solute->zone_cum[GW_SZ_N * zone + t];
  }
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteBudgetView - prints the solute budget of the last step and the cumulative one

  Collective

  Input Parameters:
+ solute - the solute, after GWModelSetUp()
- viewer - an ASCII viewer, or NULL for stdout

  Level: beginner

.seealso: `GWSoluteGetPackageBudget()`, `GWModelBudgetView()`
@*/
PetscErrorCode GWSoluteBudgetView(GWSolute solute, PetscViewer viewer)
{
  GWSolute s = solute;

  PetscFunctionBegin;
  PetscCall(CheckSetUp(s));
  if (!viewer) PetscCall(PetscViewerASCIIGetStdout(PetscObjectComm((PetscObject)s), &viewer));
  PetscCall(PetscViewerASCIIPrintf(viewer, "Solute budget of %s at t = %g s [kg]\n", ((PetscObject)s)->name, (double)s->model->t));
  PetscCall(PetscViewerASCIIPrintf(viewer, "  %-24s %14s %14s %14s %14s\n", "term", "step in", "step out", "cum. in", "cum. out"));
  PetscCall(PetscViewerASCIIPrintf(viewer, "  %-24s %14.6e %14.6e %14.6e %14.6e\n", "dissolved storage", (double)PetscMax(-s->dis, 0), (double)PetscMax(s->dis, 0), (double)PetscMax(-s->dis_cum, 0), (double)PetscMax(s->dis_cum, 0)));
  PetscCall(PetscViewerASCIIPrintf(viewer, "  %-24s %14.6e %14.6e %14.6e %14.6e\n", "sorbed storage", (double)PetscMax(-s->sorb, 0), (double)PetscMax(s->sorb, 0), (double)PetscMax(-s->sorb_cum, 0), (double)PetscMax(s->sorb_cum, 0)));
  if (s->solid) PetscCall(PetscViewerASCIIPrintf(viewer, "  %-24s %14.6e %14.6e %14.6e %14.6e\n", "solid (precipitated)", (double)PetscMax(-s->solid_step, 0), (double)PetscMax(s->solid_step, 0), (double)PetscMax(-s->solid_cum, 0), (double)PetscMax(s->solid_cum, 0)));
  PetscCall(PetscViewerASCIIPrintf(viewer, "  %-24s %14.6e %14.6e %14.6e %14.6e\n", "decay and production", (double)s->prod, (double)s->decay, (double)s->prod_cum, (double)s->decay_cum));
  for (PetscInt p = 0; p < s->model->npkg; p++)
    PetscCall(PetscViewerASCIIPrintf(viewer, "  %-24s %14.6e %14.6e %14.6e %14.6e\n", ((PetscObject)s->model->pkg[p])->name, (double)s->in[p], (double)s->out[p], (double)s->in_cum[p], (double)s->out_cum[p]));
  PetscCall(PetscViewerASCIIPrintf(viewer, "  mass-balance error: step %.3e kg (relative %.3e), cumulative %.3e kg (relative %.3e)\n", (double)s->mb_abs, (double)s->mb_rel, (double)s->mb_abs_cum, (double)s->mb_rel_cum));
  if (s->model->nmat > 1) {
    PetscCall(PetscViewerASCIIPrintf(viewer, "  by zone, cumulative [kg]: %-12s %12s %12s %12s %12s %12s %12s %12s %12s %12s\n", "zone", "dissolved", "sorbed", "solid", "in", "out", "decay", "production", "from zones", "to zones"));
    for (PetscInt z = 0; z < s->model->nmat; z++) {
      const PetscReal *c = &s->zone_cum[GW_SZ_N * z];
      PetscCall(PetscViewerASCIIPrintf(viewer, "  %26s%-12s", "", ((PetscObject)s->model->mat[z])->name));
      for (PetscInt t = 0; t < GW_SZ_N; t++) PetscCall(PetscViewerASCIIPrintf(viewer, " %12.5e", (double)c[t]));
      PetscCall(PetscViewerASCIIPrintf(viewer, "\n"));
    }
  }
  PetscFunctionReturn(0);
}
