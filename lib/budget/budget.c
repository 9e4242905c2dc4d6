/* Water budget: storage change, package inflow and outflow, mass-balance error per step and
   cumulative. Package flows come from the same per-cell rates the residual uses, so the budget
   closes to the Newton tolerance. */
#include <gw/private/modelimpl.h>
#include <string.h>

/* Percent-discrepancy style error (MODFLOW; Harbaugh 2005, USGS TM 6-A16, ch. 4): storage
   decrease counts as inflow, storage increase as outflow; error = IN - OUT, relative to
   (IN + OUT)/2. */
static void MassBalance(PetscInt n, const PetscReal in[], const PetscReal out[], PetscReal storage, PetscReal *abserr, PetscReal *relerr)
{
  PetscReal IN = PetscMax(-storage, 0.0), OUT = PetscMax(storage, 0.0);

  for (PetscInt p = 0; p < n; p++) {
    IN += in[p];
    OUT += out[p];
  }
  *abserr = IN - OUT;
  *relerr = (IN + OUT) > 0 ? PetscAbsReal(IN - OUT) / (0.5 * (IN + OUT)) : 0.0;
}

/* Budget of the step just accepted (state psi over [step_t0, step_t1]). */
PetscErrorCode GWModelComputeBudget_Private(GWModel m)
{
  PetscReal dt = m->step_t1 - m->step_t0, dS = 0, *loc, *v, *f;
  PetscInt  np = m->npkg, nz = m->nmat;

  PetscFunctionBegin;
  /* storage and flows between zones (materials) from one pass over the cells; the total storage
     is their sum, and packages are booked to the zone of their cells in the same pass below */
  if (!m->zone_step) PetscCall(PetscCalloc3(5 * nz, &m->zone_step, 5 * nz, &m->zone_cum, nz * nz, &m->zone_flow_cum));
  if (!m->budget_work) PetscCall(PetscMalloc1(2 * np + 1 + 5 * nz + nz * nz, &m->budget_work));
  PetscCall(PetscArrayzero(m->budget_work, 2 * np + 1 + 5 * nz + nz * nz));
  loc = m->budget_work;
  v   = loc + 2 * np + 1;
  f   = v + 5 * nz;
  PetscCall(GWModelComputeZoneFlows_Private(m, dt, v, f)); /* also fills psi_local */
  PetscCall(GWModelEvaluatePackages_Private(m, m->psi_local, NULL, NULL));
  for (PetscInt p = 0; p < np; p++) {
    GWPackage pkg = m->pkg[p];
    for (PetscInt e = 0; e < pkg->nentry; e++) {
      PetscInt z = pkg->entry[e].mat;
      if (pkg->Q[e] > 0) {
        loc[2 * p] += pkg->Q[e] * dt;
        v[5 * z + 1] += pkg->Q[e] * dt;
      } else {
        loc[2 * p + 1] -= pkg->Q[e] * dt;
        v[5 * z + 2] -= pkg->Q[e] * dt;
      }
    }
  }
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, loc, 2 * np + 1, MPIU_REAL, MPIU_SUM, PetscObjectComm((PetscObject)m)));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, v, 5 * nz, MPIU_REAL, MPIU_SUM, PetscObjectComm((PetscObject)m)));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, f, nz * nz, MPIU_REAL, MPIU_SUM, PetscObjectComm((PetscObject)m)));
  for (PetscInt q = 0; q < 5 * nz; q++) {
    m->zone_step[q] = v[q];
    m->zone_cum[q] += v[q];
  }
  for (PetscInt q = 0; q < nz * nz; q++) m->zone_flow_cum[q] += f[q];
  for (PetscInt z = 0; z < nz; z++) dS += v[5 * z];
  m->step.storage = dS;
  m->cum.storage += dS;
  for (PetscInt p = 0; p < np; p++) {
    m->step.in[p]  = loc[2 * p];
    m->step.out[p] = loc[2 * p + 1];
    m->cum.in[p] += loc[2 * p];
    m->cum.out[p] += loc[2 * p + 1];
  }
  for (PetscInt p = 0; p < np; p++) {
    GWPackage pkg = m->pkg[p];
    PetscInt  nt = pkg->nterm, nz = m->nmat;
    if (!pkg->ops->terms || !nt) continue;
    if (!pkg->term_zone_step) PetscCall(PetscCalloc2(nt * nz, &pkg->term_zone_step, nt * nz, &pkg->term_zone_cum));
    PetscCall(PetscArrayzero(pkg->term_zone_step, nt * nz));
    PetscCall(pkg->ops->terms(pkg, m, dt, pkg->term_zone_step));
    PetscCall(MPIU_Allreduce(MPI_IN_PLACE, pkg->term_zone_step, nt * nz, MPIU_REAL, MPIU_SUM, PetscObjectComm((PetscObject)m)));
    PetscCall(PetscArrayzero(pkg->term_step, nt));
    for (PetscInt z = 0; z < nz; z++)
      for (PetscInt q = 0; q < nt; q++) {
        pkg->term_step[q] += pkg->term_zone_step[nt * z + q];
        pkg->term_zone_cum[nt * z + q] += pkg->term_zone_step[nt * z + q];
      }
    for (PetscInt q = 0; q < nt; q++) pkg->term_cum[q] += pkg->term_step[q];
  }
  PetscCall(GWModelComputeWaterTableRecharge_Private(m, &m->recharge_step));
  m->recharge_step *= dt;
  m->recharge_cum += m->recharge_step;
  MassBalance(np, m->step.in, m->step.out, m->step.storage, &m->mb_abs, &m->mb_rel);
  /* a step whose flows (IN + OUT)/2 are themselves within the round-off floor of its residual
     (Newton's gate, richards.c) is not counted: there (a column at rest, a step of milliseconds)
     the relative error means nothing (it reads up to 2) */
  if (m->mb_rel > 0 && PetscAbsReal(m->mb_abs) / m->mb_rel <= m->gate_floor * dt) m->mb_rel_counted = 0;
  else m->mb_rel_counted = m->mb_rel;
  if (m->mb_rel_counted > m->mb_rtol) m->mb_nover++;
  if (m->mb_rel_counted > m->mb_worst) {
    m->mb_worst      = m->mb_rel_counted;
    m->mb_worst_t    = m->step_t1;
    m->mb_worst_step = m->nsteps + 1;
  }
  PetscCall(PetscInfo(m, "step %" PetscInt_FMT " t = %g s dt = %g s: mass-balance error %g m^3 (relative %g), Newton gate %g m^3/s (tolerance %g, floor %g, flow scale %g)\n", m->nsteps + 1, (double)m->step_t1, (double)dt, (double)m->mb_abs, (double)m->mb_rel, (double)m->gate_l1, (double)m->gate_tol, (double)m->gate_floor, (double)m->flow_scale));
  MassBalance(np, m->cum.in, m->cum.out, m->cum.storage, &m->mb_abs_cum, &m->mb_rel_cum);
  PetscFunctionReturn(0);
}

/*@C
  GWModelGetStorageChange - gets the increase of stored water over the last step and since the start

  Not collective (the values are the same on every rank)

  Input Parameter:
. model - the model

  Output Parameters:
+ step - storage increase over the last accepted step [m^3] (may be NULL)
- cum - storage increase since the start [m^3] (may be NULL)

  Notes:
  Storage is sum over cells of V (theta - theta^0 + Ss Sw (psi - psi^0)) per step, the
  accumulation term of the mixed-form Richards equation (Celia et al. 1990, eq. 7).

  Level: beginner

.seealso: `GWModelGetPackageBudget()`, `GWModelGetMassBalanceError()`
@*/
PetscErrorCode GWModelGetStorageChange(GWModel model, PetscReal *step, PetscReal *cum)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  if (step) *step = model->step.storage;
  if (cum) *cum = model->cum.storage;
  PetscFunctionReturn(0);
}

/*@C
  GWModelGetPackageBudget - gets the volume a package brought in and took out

  Not collective (the values are the same on every rank)

  Input Parameters:
+ model - the model, after GWModelSetUp()
- p - package index, in the order added

  Output Parameters:
+ in - volume into the domain over the last step [m^3] (may be NULL)
. out - volume out of the domain over the last step [m^3], >= 0 (may be NULL)
. in_cum - volume in since the start [m^3] (may be NULL)
- out_cum - volume out since the start [m^3] (may be NULL)

  Level: beginner

.seealso: `GWModelGetStorageChange()`
@*/
PetscErrorCode GWModelGetPackageBudget(GWModel model, PetscInt p, PetscReal *in, PetscReal *out, PetscReal *in_cum, PetscReal *out_cum)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCheck(model->setupcalled, PetscObjectComm((PetscObject)model), PETSC_ERR_ARG_WRONGSTATE, "Call GWModelSetUp() first");
  PetscCheck(p >= 0 && p < model->npkg, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "Package %" PetscInt_FMT " does not exist: the model has %" PetscInt_FMT " packages", p, model->npkg);
  if (in) *in = model->step.in[p];
  if (out) *out = model->step.out[p];
  if (in_cum) *in_cum = model->cum.in[p];
  if (out_cum) *out_cum = model->cum.out[p];
  PetscFunctionReturn(0);
}

/*@C
  GWModelGetMassBalanceError - gets the mass-balance error of the last step and since the start

  Not collective (the values are the same on every rank)

  Input Parameter:
. model - the model

  Output Parameters:
+ abs_step - IN - OUT over the last step [m^3] (may be NULL)
. rel_step - |IN - OUT| / ((IN + OUT)/2) over the last step [-] (may be NULL)
. abs_cum - IN - OUT since the start [m^3] (may be NULL)
- rel_cum - its relative value [-] (may be NULL)

  Notes:
  IN is the sum of package inflows plus storage decrease, OUT the sum of package outflows plus
  storage increase, as MODFLOW's percent discrepancy (Harbaugh 2005, USGS TM 6-A16, ch. 4)
  without the factor 100.

  Level: beginner

.seealso: `GWModelSetMassBalanceTolerance()`
@*/
PetscErrorCode GWModelGetMassBalanceError(GWModel model, PetscReal *abs_step, PetscReal *rel_step, PetscReal *abs_cum, PetscReal *rel_cum)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  if (abs_step) *abs_step = model->mb_abs;
  if (rel_step) *rel_step = model->mb_rel;
  if (abs_cum) *abs_cum = model->mb_abs_cum;
  if (rel_cum) *rel_cum = model->mb_rel_cum;
  PetscFunctionReturn(0);
}

/*@C
  GWModelGetMassBalanceWorstStep - gets how many accepted steps ended with a relative mass-balance
  error above the mass-balance tolerance, and the worst step

  Not collective (the values are the same on every rank)

  Input Parameter:
. model - the model

  Output Parameters (each may be NULL):
+ nover - accepted steps whose relative error |IN - OUT| / ((IN + OUT)/2) exceeded the tolerance
          of GWModelSetMassBalanceTolerance()
. worst - the largest relative error of a step [-]
. step - the number of that step (1 for the first; 0 before any step)
- t - the time at its end [s]

  Notes:
  Newton stops when the step's unbalanced volume is below the tolerance, or at the round-off
  floor of the residual (16 machine epsilons of the scale of its terms) once it no longer
  decreases; a step accepted at the floor may exceed the tolerance. A step whose flows are
  themselves within that floor ((IN + OUT)/2 <= floor x dt, as in a column at rest or a step of
  milliseconds, where the relative error reads up to 2) is not counted. gw-run prints a warning with these figures at the end of a run when nover > 0. Counts
  start at GWModelReset(); checkpoints keep them (GWModelCheckpointSave()), so a restarted run
  reports the whole run's.

  Level: intermediate

.seealso: `GWModelGetMassBalanceError()`, `GWModelSetMassBalanceTolerance()`
@*/
PetscErrorCode GWModelGetMassBalanceWorstStep(GWModel model, PetscInt *nover, PetscReal *worst, PetscInt *step, PetscReal *t)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  if (nover) *nover = model->mb_nover;
  if (worst) *worst = model->mb_worst;
  if (step) *step = model->mb_worst_step;
  if (t) *t = model->mb_worst_t;
  PetscFunctionReturn(0);
}

/*@C
  GWModelBudgetView - prints the budget table of the last step and the cumulative one

  Collective

  Input Parameters:
+ model - the model
- viewer - an ASCII viewer, or NULL for stdout

  Level: beginner

.seealso: `GWModelGetPackageBudget()`
@*/
PetscErrorCode GWModelBudgetView(GWModel model, PetscViewer viewer)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  if (!viewer) PetscCall(PetscViewerASCIIGetStdout(PetscObjectComm((PetscObject)model), &viewer));
  PetscCall(PetscViewerASCIIPrintf(viewer, "Water budget at t = %g s [m^3]\n", (double)model->t));
  PetscCall(PetscViewerASCIIPrintf(viewer, "  %-24s %14s %14s %14s %14s\n", "term", "step in", "step out", "cum. in", "cum. out"));
  PetscCall(PetscViewerASCIIPrintf(viewer, "  %-24s %14.6e %14.6e %14.6e %14.6e\n", "storage", (double)PetscMax(-model->step.storage, 0), (double)PetscMax(model->step.storage, 0), (double)PetscMax(-model->cum.storage, 0), (double)PetscMax(model->cum.storage, 0)));
  for (PetscInt p = 0; p < model->npkg; p++) {
    const char *name;
    PetscCall(GWPackageGetName(model->pkg[p], &name));
    PetscCall(PetscViewerASCIIPrintf(viewer, "  %-24s %14.6e %14.6e %14.6e %14.6e\n", name, (double)model->step.in[p], (double)model->step.out[p], (double)model->cum.in[p], (double)model->cum.out[p]));
  }
  PetscCall(PetscViewerASCIIPrintf(viewer, "  mass-balance error: step %.3e m^3 (relative %.3e), cumulative %.3e m^3 (relative %.3e)\n", (double)model->mb_abs, (double)model->mb_rel, (double)model->mb_abs_cum, (double)model->mb_rel_cum));
  PetscCall(PetscViewerASCIIPrintf(viewer, "  steps above the mass-balance tolerance %.1e: %" PetscInt_FMT " of %" PetscInt_FMT "; worst step %" PetscInt_FMT " (t = %g s), relative %.3e\n", (double)model->mb_rtol, model->mb_nover, model->nsteps, model->mb_worst_step, (double)model->mb_worst_t, (double)model->mb_worst));
  PetscFunctionReturn(0);
}

/* The three-waters terms: name in the summary, and the package budget term it sums. */
/* Atmosphere rows close as precipitation + irrigation - runoff - evaporation = infiltration -
   exfiltration (net flow into the soil, per step); evaporation is the actual total, from rain on the
   surface and from the soil. */
static const char *const ThreeWaters[][2] = {
    {"precipitation", "precipitation"},
    {"irrigation", "irrigation"},
    {"runoff", "runoff"},
    {"evaporation (actual)", "evaporation"},
    {"infiltration (surface to soil)", "infiltration"},
    {"exfiltration (soil to surface)", "exfiltration"},
    {"transpiration", "transpiration"},
    {"phreatic evaporation", "phreatic_evaporation"},
};

/* Surface water <-> groundwater rows, printed when a package of the model reports the term. */
static const char *const SurfaceWaters[][2] = {
    {"river leakage (river to aquifer)", "river_leakage"},
    {"river gain (aquifer to river)", "river_gain"},
    {"canal seepage (canal to aquifer)", "canal_seepage"},
    {"canal gain (aquifer to canal)", "canal_gain"},
    {"spring and drain discharge", "drain_discharge"},
    {"spring discharge routed to rivers", "river_spring_inflow"},
    {"spring discharge routed to canals", "canal_spring_inflow"},
    {"runoff routed to rivers", "river_runoff_inflow"},
    {"runoff routed to canals", "canal_runoff_inflow"},
    {"open-water evaporation of rivers", "river_evaporation"},
    {"open-water evaporation of canals", "canal_evaporation"},
    {"general-head inflow", "general_head_inflow"},
    {"general-head outflow", "general_head_outflow"},
    {"river inflow at upstream ends", "river_inflow"},
    {"river outflow at outlets", "river_outflow"},
    {"river diversions", "river_diversion"},
    {"canal inflow at heads", "canal_inflow"},
    {"canal outflow at ends", "canal_outflow"},
};

/*@C
  GWModelGetBudgetTerm - sums a named budget term over all packages that report it (e.g.
  "runoff", "evaporation", "transpiration", "phreatic_evaporation"), or gives the net recharge
  across the water table ("recharge")

  Not collective (the values are the same on every rank)

  Input Parameters:
+ model - the model
- name - the term

  Output Parameters:
+ step - volume over the last step [m^3] (may be NULL)
- cum - volume since the start [m^3] (may be NULL)

  Notes:
  "recharge" is the downward flow through the face between the top saturated cell of each column
  and the unsaturated cell above it, summed over columns (negative: capillary rise to the
  unsaturated zone). A term no package reports is 0.

  Level: beginner

.seealso: `GWModelThreeWatersView()`, `GWPackageGetBudgetTerms()`
@*/
PetscErrorCode GWModelGetBudgetTerm(GWModel model, const char name[], PetscReal *step, PetscReal *cum)
{
  PetscReal s = 0, c = 0;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  if (!strcmp(name, "recharge")) {
    s = model->recharge_step;
    c = model->recharge_cum;
  } else
    for (PetscInt p = 0; p < model->npkg; p++)
      for (PetscInt q = 0; q < model->pkg[p]->nterm; q++)
        if (!strcmp(model->pkg[p]->termname[q], name)) {
          s += model->pkg[p]->term_step[q];
          c += model->pkg[p]->term_cum[q];
        }
  if (step) *step = s;
  if (cum) *cum = c;
  PetscFunctionReturn(0);
}

/*@C
  GWModelGetZoneBudgetTerm - sums a named package budget term (e.g. "evaporation",
  "transpiration", "phreatic_evaporation", "runoff") over the cells of one zone

  Not collective (the values are the same on every rank)

  Input Parameters:
+ model - the model, after at least one step
. zone - material index
- name - the term

  Output Parameters:
+ step - volume over the last step [m^3] (may be NULL)
- cum - volume since the start [m^3] (may be NULL)

  Notes:
  A package's term is attributed to the zone of the cell each of its entries acts on (the top
  cell for the atmosphere, the water-table cell for phreatic evaporation); the zone values add up
  to GWModelGetBudgetTerm().

  Level: intermediate

.seealso: `GWModelGetBudgetTerm()`, `GWModelGetZoneBudget()`
@*/
PetscErrorCode GWModelGetZoneBudgetTerm(GWModel model, PetscInt zone, const char name[], PetscReal *step, PetscReal *cum)
{
  PetscReal s = 0, c = 0;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCheck(zone >= 0 && zone < model->nmat, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "Zone %" PetscInt_FMT " does not exist: zones are the %" PetscInt_FMT " materials", zone, model->nmat);
  for (PetscInt p = 0; p < model->npkg; p++) {
    GWPackage pkg = model->pkg[p];
    if (!pkg->term_zone_cum) continue;
    for (PetscInt q = 0; q < pkg->nterm; q++)
      if (!strcmp(pkg->termname[q], name)) {
        s += pkg->term_zone_step[pkg->nterm * zone + q];
        c += pkg->term_zone_cum[pkg->nterm * zone + q];
      }
  }
  if (step) *step = s;
  if (cum) *cum = c;
  PetscFunctionReturn(0);
}

/*@C
  GWModelThreeWatersView - prints the "three waters" summary: the exchanges between atmospheric
  water, soil water and groundwater (precipitation, irrigation, runoff, actual evaporation,
  infiltration and exfiltration through the land surface, transpiration, phreatic evaporation,
  net recharge across the water table), between surface water and groundwater (river leakage and
  gain, canal seepage, spring and drain discharge, general-head flows, routed river inflow,
  outflow and diversions, runoff routed into reaches, open-water evaporation of reaches; rows
  shown when a package reports them), the other boundary flows and
  the storage change, over the last step and since the start

  Notes:
  At the surface, precipitation + irrigation - runoff - evaporation = infiltration - exfiltration
  in every step; evaporation is the actual total (from water on the surface and from the soil).
  Infiltration and exfiltration are each step's net flow through each surface face into or out
  of the soil, so over many steps they are gross amounts.

  Collective

  Input Parameters:
+ model - the model
- viewer - an ASCII viewer, or NULL for stdout

  Level: beginner

.seealso: `GWModelGetBudgetTerm()`, `GWModelBudgetView()`
@*/
PetscErrorCode GWModelThreeWatersView(GWModel model, PetscViewer viewer)
{
  PetscReal area = 0;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  if (!viewer) PetscCall(PetscViewerASCIIGetStdout(PetscObjectComm((PetscObject)model), &viewer));
  for (PetscInt i = 0; i < model->nx; i++)
    for (PetscInt j = 0; j < model->ny; j++) area += model->dx[i] * model->dy[j];
  PetscCall(PetscViewerASCIIPrintf(viewer, "Three waters at t = %g s (volumes in m^3; cumulative depth over the %g m^2 model area in mm)\n", (double)model->t, (double)area));
  PetscCall(PetscViewerASCIIPrintf(viewer, "  %-34s %14s %14s %12s\n", "exchange", "last step", "cumulative", "cum. [mm]"));
  for (size_t r = 0; r < sizeof(ThreeWaters) / sizeof(ThreeWaters[0]); r++) {
    PetscReal s, c;
    PetscCall(GWModelGetBudgetTerm(model, ThreeWaters[r][1], &s, &c));
    PetscCall(PetscViewerASCIIPrintf(viewer, "  %-34s %14.6e %14.6e %12.4f\n", ThreeWaters[r][0], (double)s, (double)c, (double)(1000 * c / area)));
  }
  PetscCall(PetscViewerASCIIPrintf(viewer, "  %-34s %14.6e %14.6e %12.4f\n", "net recharge across the water table", (double)model->recharge_step, (double)model->recharge_cum, (double)(1000 * model->recharge_cum / area)));
  for (size_t r = 0; r < sizeof(SurfaceWaters) / sizeof(SurfaceWaters[0]); r++) {
    PetscBool reported = PETSC_FALSE;
    PetscReal s, c;
    for (PetscInt p = 0; p < model->npkg; p++)
      for (PetscInt q = 0; q < model->pkg[p]->nterm; q++) reported = (PetscBool)(reported || !strcmp(model->pkg[p]->termname[q], SurfaceWaters[r][1]));
    if (!reported) continue;
    PetscCall(GWModelGetBudgetTerm(model, SurfaceWaters[r][1], &s, &c));
    PetscCall(PetscViewerASCIIPrintf(viewer, "  %-34s %14.6e %14.6e %12.4f\n", SurfaceWaters[r][0], (double)s, (double)c, (double)(1000 * c / area)));
  }
  for (PetscInt p = 0; p < model->npkg; p++) {
    GWPackage   pkg = model->pkg[p];
    const char *name;
    char        label[64];
    if (pkg->nterm) continue; /* atmosphere-side packages are in the rows above */
    PetscCall(GWPackageGetName(pkg, &name));
    PetscCall(PetscSNPrintf(label, sizeof(label), "%s (net in)", name));
    PetscCall(PetscViewerASCIIPrintf(viewer, "  %-34s %14.6e %14.6e %12.4f\n", label, (double)(model->step.in[p] - model->step.out[p]), (double)(model->cum.in[p] - model->cum.out[p]), (double)(1000 * (model->cum.in[p] - model->cum.out[p]) / area)));
  }
  PetscCall(PetscViewerASCIIPrintf(viewer, "  %-34s %14.6e %14.6e %12.4f\n", "storage increase", (double)model->step.storage, (double)model->cum.storage, (double)(1000 * model->cum.storage / area)));
  PetscFunctionReturn(0);
}

/*@C
  GWModelGetZoneBudget - gets the water budget of one zone (the cells of one material)

  Not collective (the values are the same on every rank)

  Input Parameters:
+ model - the model, after at least one step
- zone - material index

  Output Parameters:
+ step - array [5] over the last step, or NULL: storage increase, package inflow, package
         outflow, inflow from other zones, outflow to other zones [m^3]
- cum - the same since the start, or NULL

  Notes:
  The flows between zones are the face fluxes of the residual between cells of different zones,
  so each zone's budget closes to the Newton tolerance: storage increase = package in - out + in
  from - out to other zones (as MODFLOW's ZONEBUDGET; Harbaugh 1990, USGS OFR 90-392).

  Level: intermediate

.seealso: `GWModelGetZoneFlow()`, `GWModelZoneBudgetView()`
@*/
PetscErrorCode GWModelGetZoneBudget(GWModel model, PetscInt zone, PetscReal step[], PetscReal cum[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCheck(zone >= 0 && zone < model->nmat, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "Zone %" PetscInt_FMT " does not exist: zones are the %" PetscInt_FMT " materials", zone, model->nmat);
  PetscCheck(model->zone_step, PETSC_COMM_SELF, PETSC_ERR_ARG_WRONGSTATE, "No zone budget before the first step");
  for (PetscInt q = 0; q < 5; q++) {
    if (step) step[q] = model->zone_step[5 * zone + q];
    if (cum) cum[q] = model->zone_cum[5 * zone + q];
  }
  PetscFunctionReturn(0);
}

/*@C
  GWModelGetZoneFlow - gets the cumulative flow from one zone into another [m^3]

  Not collective

  Input Parameters:
+ model - the model, after at least one step
. from - material index of the zone water leaves
- to - material index of the zone it enters

  Output Parameter:
. volume - cumulative volume since the start [m^3]

  Level: intermediate

.seealso: `GWModelGetZoneBudget()`
@*/
PetscErrorCode GWModelGetZoneFlow(GWModel model, PetscInt from, PetscInt to, PetscReal *volume)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCheck(from >= 0 && from < model->nmat && to >= 0 && to < model->nmat, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "Zones are the %" PetscInt_FMT " materials", model->nmat);
  PetscCheck(model->zone_flow_cum, PETSC_COMM_SELF, PETSC_ERR_ARG_WRONGSTATE, "No zone budget before the first step");
  *volume = model->zone_flow_cum[model->nmat * from + to];
  PetscFunctionReturn(0);
}

/*@C
  GWModelZoneBudgetView - prints the cumulative budget of every zone (material), with the
  three-waters terms by zone: precipitation, infiltration, evaporation, transpiration, phreatic
  evaporation, and the surface-water exchanges river_leakage, river_gain, canal_seepage,
  canal_gain, drain_discharge, general_head_inflow and general_head_outflow by the zone of the
  cells they cross (a column for each term some package reports)

  Collective

  Input Parameters:
+ model - the model
- viewer - an ASCII viewer, or NULL for stdout

  Level: intermediate

.seealso: `GWModelGetZoneBudget()`
@*/
PetscErrorCode GWModelZoneBudgetView(GWModel model, PetscViewer viewer)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  if (!model->zone_cum) PetscFunctionReturn(0);
  if (!viewer) PetscCall(PetscViewerASCIIGetStdout(PetscObjectComm((PetscObject)model), &viewer));
  PetscCall(PetscViewerASCIIPrintf(viewer, "Zone budgets (zones are materials), cumulative [m^3]\n"));
  PetscCall(PetscViewerASCIIPrintf(viewer, "  %-20s %13s %13s %13s %13s %13s %11s\n", "zone", "storage incr", "package in", "package out", "from zones", "to zones", "error"));
  for (PetscInt z = 0; z < model->nmat; z++) {
    const PetscReal *c = &model->zone_cum[5 * z];
    const char      *name;
    PetscCall(PetscObjectGetName((PetscObject)model->mat[z], &name));
    PetscCall(PetscViewerASCIIPrintf(viewer, "  %-20s %13.5e %13.5e %13.5e %13.5e %13.5e %11.3e\n", name, (double)c[0], (double)c[1], (double)c[2], (double)c[3], (double)c[4], (double)(c[0] - (c[1] - c[2] + c[3] - c[4]))));
  }
  {
    /* the three waters by zone: atmosphere <-> soil and groundwater, then surface water <->
       groundwater (by the zone of the cells), each column shown when a package reports it */
    static const char *terms[] = {"precipitation", "infiltration", "evaporation", "transpiration", "phreatic_evaporation", "river_leakage", "river_gain", "canal_seepage", "canal_gain", "drain_discharge", "general_head_inflow", "general_head_outflow"};
    const PetscInt     nt      = (PetscInt)(sizeof(terms) / sizeof(terms[0]));
    PetscBool          show[sizeof(terms) / sizeof(terms[0])], any = PETSC_FALSE;
    for (PetscInt q = 0; q < nt; q++) {
      show[q] = PETSC_FALSE;
      for (PetscInt p = 0; p < model->npkg; p++)
        for (PetscInt k = 0; model->pkg[p]->term_zone_cum && k < model->pkg[p]->nterm; k++) show[q] = (PetscBool)(show[q] || !strcmp(model->pkg[p]->termname[k], terms[q]));
      any = (PetscBool)(any || show[q]);
    }
    if (any) {
      PetscCall(PetscViewerASCIIPrintf(viewer, "  %-20s", "three waters by zone"));
      for (PetscInt q = 0; q < nt; q++)
        if (show[q]) PetscCall(PetscViewerASCIIPrintf(viewer, " %20s", terms[q]));
      PetscCall(PetscViewerASCIIPrintf(viewer, "\n"));
      for (PetscInt z = 0; z < model->nmat; z++) {
        const char *name;
        PetscCall(PetscObjectGetName((PetscObject)model->mat[z], &name));
        PetscCall(PetscViewerASCIIPrintf(viewer, "  %-20s", name));
        for (PetscInt q = 0; q < nt; q++) {
          PetscReal c;
          if (!show[q]) continue;
          PetscCall(GWModelGetZoneBudgetTerm(model, z, terms[q], NULL, &c));
          PetscCall(PetscViewerASCIIPrintf(viewer, " %20.6e", (double)c));
        }
        PetscCall(PetscViewerASCIIPrintf(viewer, "\n"));
      }
    }
  }
  PetscFunctionReturn(0);
}
