/* GWModel set-up, state and adaptive time stepping. */
#include <gw/private/modelimpl.h>

/* Fills psi from the initial state given before set-up (uniform pressure head or water table). */
static PetscErrorCode ApplyInitialState(GWModel m)
{
  PetscScalar ***x, ****g;
  PetscInt       xs, ys, zs, xm, ym, zm;

  PetscFunctionBegin;
  if (!m->initkind) PetscFunctionReturn(0);
  PetscCall(DMDAGetCorners(m->da, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCall(DMDAVecGetArray(m->da, m->psi, &x));
  PetscCall(DMDAVecGetArrayDOFRead(m->dageo, m->geo, &g));
  for (PetscInt k = zs; k < zs + zm; k++)
    for (PetscInt j = ys; j < ys + ym; j++)
      for (PetscInt i = xs; i < xs + xm; i++) x[k][j][i] = m->initkind == 1 ? m->initvalue : m->initvalue - g[k][j][i][GW_GEO_ZC];
  PetscCall(DMDAVecRestoreArrayDOFRead(m->dageo, m->geo, &g));
  PetscCall(DMDAVecRestoreArray(m->da, m->psi, &x));
  PetscFunctionReturn(0);
}

/*@C
  GWModelSetUp - builds the distributed grid, checks materials and packages, and creates the solver

  Collective

  Input Parameter:
. model - the model with grid, materials and packages given

  Errors:
  PETSC_ERR_ARG_WRONGSTATE when the grid, widths, elevations or materials are missing;
  PETSC_ERR_ARG_OUTOFRANGE for a zone naming a missing material or a package cell outside the grid;
  errors from each material's parameter check.

  Level: beginner

.seealso: `GWModelCreate()`, `GWModelStep()`
@*/
PetscErrorCode GWModelSetUp(GWModel model)
{
  GWModel m = model;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  if (m->setupcalled) PetscFunctionReturn(0);
  for (PetscInt i = 0; i < m->nmat; i++) PetscCall(GWMaterialCheck_Private(m->mat[i]));
  PetscCall(GWModelSetUpGeometry_Private(m));
  PetscCall(DMCreateGlobalVector(m->da, &m->psi));
  PetscCall(PetscObjectSetName((PetscObject)m->psi, "pressure_head"));
  PetscCall(VecDuplicate(m->psi, &m->psi_old));
  PetscCall(VecDuplicate(m->psi, &m->theta_old));
  PetscCall(ApplyInitialState(m));
  /* a package checks the cells this rank owns: agree before the next package's collective calls */
  for (PetscInt p = 0; p < m->npkg; p++) PetscCall(GWCheckAllRanks_Private(PetscObjectComm((PetscObject)m), GWPackageSetUp_Private(m->pkg[p], m)));
  /* with gravity off the elevation head is 0 everywhere: packages see H = psi at cells and faces */
  for (PetscInt p = 0; p < m->npkg; p++)
    for (PetscInt e = 0; e < m->pkg[p]->nentry; e++) {
      m->pkg[p]->entry[e].zc *= m->gravity;
      m->pkg[p]->entry[e].zf *= m->gravity;
    }
  PetscCall(GWModelSetUpSolver_Private(m));
  PetscCall(PetscCalloc2(m->npkg, &m->step.in, m->npkg, &m->step.out));
  PetscCall(PetscCalloc2(m->npkg, &m->cum.in, m->npkg, &m->cum.out));
  if (m->transport) PetscCall(GWModelSetUpTransport_Private(m));
  m->dt          = m->dt_init;
  m->setupcalled = PETSC_TRUE;
  PetscFunctionReturn(0);
}

/*@C
  GWModelSetInitialPressureHead - starts from a uniform pressure head

  Logically collective

  Input Parameters:
+ model - the model
- psi - pressure head [m] in every cell

  Notes:
  Before GWModelSetUp() the value is kept and applied at set-up; after, it overwrites the state.
  For any other initial field, fill the vector from GWModelGetPressureHead() after set-up.

  Level: beginner

.seealso: `GWModelSetInitialWaterTable()`, `GWModelGetPressureHead()`
@*/
PetscErrorCode GWModelSetInitialPressureHead(GWModel model, PetscReal psi)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCheck(!PetscIsInfOrNanReal(psi), PetscObjectComm((PetscObject)model), PETSC_ERR_ARG_OUTOFRANGE, "Initial pressure head must be finite, got %g m", (double)psi);
  model->initkind  = 1;
  model->initvalue = psi;
  if (model->setupcalled) PetscCall(ApplyInitialState(model));
  PetscFunctionReturn(0);
}

/*@C
  GWModelSetInitialWaterTable - starts from hydrostatic equilibrium with a flat water table:
  psi = z_wt - z at every cell centre (positive below the water table, negative above)

  Logically collective

  Input Parameters:
+ model - the model
- zwt - water-table elevation [m]

  Level: beginner

.seealso: `GWModelSetInitialPressureHead()`
@*/
PetscErrorCode GWModelSetInitialWaterTable(GWModel model, PetscReal zwt)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCheck(!PetscIsInfOrNanReal(zwt), PetscObjectComm((PetscObject)model), PETSC_ERR_ARG_OUTOFRANGE, "Water-table elevation must be finite, got %g m", (double)zwt);
  model->initkind  = 2;
  model->initvalue = zwt;
  if (model->setupcalled) PetscCall(ApplyInitialState(model));
  PetscFunctionReturn(0);
}

/*@C
  GWModelGetPressureHead - gets the pressure-head state vector

  Not collective

  Input Parameter:
. model - the model, after GWModelSetUp()

  Output Parameter:
. psi - global vector of pressure head [m] per cell on the model's DMDA (borrowed: do not
        destroy; it may be written to set an initial state before the first step)

  Level: beginner

.seealso: `GWModelGetDM()`, `GWModelComputeHydraulicHead()`
@*/
PetscErrorCode GWModelGetPressureHead(GWModel model, Vec *psi)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCheck(model->psi, PetscObjectComm((PetscObject)model), PETSC_ERR_ARG_WRONGSTATE, "Call GWModelSetUp() first");
  *psi = model->psi;
  PetscFunctionReturn(0);
}

typedef enum {
  FIELD_HEAD,
  FIELD_THETA,
  FIELD_SATURATION
} Field;

static PetscErrorCode ComputeField(GWModel m, Field field, Vec out)
{
  PetscScalar ***x, ***o, ****g;
  PetscInt       xs, ys, zs, xm, ym, zm;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(m, GWMODEL_CLASSID, 1);
  PetscCheck(m->psi, PetscObjectComm((PetscObject)m), PETSC_ERR_ARG_WRONGSTATE, "Call GWModelSetUp() first");
  PetscCall(DMDAGetCorners(m->da, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCall(DMDAVecGetArrayRead(m->da, m->psi, &x));
  PetscCall(DMDAVecGetArray(m->da, out, &o));
  PetscCall(GWModelGetGeometryArray_Private(m, &g));
  for (PetscInt k = zs; k < zs + zm; k++)
    for (PetscInt j = ys; j < ys + ym; j++)
      for (PetscInt i = xs; i < xs + xm; i++) {
        GWMaterial mat = m->mat[(PetscInt)g[k][j][i][GW_GEO_MAT]];
        if (field == FIELD_HEAD)
          o[k][j][i] = x[k][j][i] + g[k][j][i][GW_GEO_ZC];
        else if (field == FIELD_THETA)
          PetscCall(GWMaterialGetWaterContent(mat, x[k][j][i], &o[k][j][i], NULL));
        else
          PetscCall(GWMaterialGetSaturation(mat, x[k][j][i], &o[k][j][i], NULL));
      }
  PetscCall(DMDAVecRestoreArray(m->da, out, &o));
  PetscCall(DMDAVecRestoreArrayRead(m->da, m->psi, &x));
  PetscFunctionReturn(0);
}

/*@C
  GWModelComputeHydraulicHead - computes hydraulic head H = psi + z [m] at every cell centre

  Collective

  Input Parameter:
. model - the model, after GWModelSetUp()

  Output Parameter:
. H - global vector on the model's DMDA (from DMCreateGlobalVector()), filled

  Level: beginner

.seealso: `GWModelGetPressureHead()`
@*/
PetscErrorCode GWModelComputeHydraulicHead(GWModel model, Vec H)
{
  PetscFunctionBegin;
  PetscCall(ComputeField(model, FIELD_HEAD, H));
  PetscFunctionReturn(0);
}

/*@C
  GWModelComputeWaterContent - computes volumetric water content theta(psi) [-] of every cell

  Collective

  Input Parameter:
. model - the model, after GWModelSetUp()

  Output Parameter:
. theta - global vector on the model's DMDA, filled

  Level: beginner

.seealso: `GWMaterialGetWaterContent()`
@*/
PetscErrorCode GWModelComputeWaterContent(GWModel model, Vec theta)
{
  PetscFunctionBegin;
  PetscCall(ComputeField(model, FIELD_THETA, theta));
  PetscFunctionReturn(0);
}

/*@C
  GWModelComputeSaturation - computes water saturation Sw = theta/theta_s [-] of every cell

  Collective

  Input Parameter:
. model - the model, after GWModelSetUp()

  Output Parameter:
. sw - global vector on the model's DMDA, filled

  Level: beginner

.seealso: `GWMaterialGetSaturation()`
@*/
PetscErrorCode GWModelComputeSaturation(GWModel model, Vec sw)
{
  PetscFunctionBegin;
  PetscCall(ComputeField(model, FIELD_SATURATION, sw));
  PetscFunctionReturn(0);
}

/* Largest change of water content over the accepted step, for time-step control. */
static PetscErrorCode MaxWaterContentChange(GWModel m, PetscReal *dth)
{
  PetscFunctionBegin;
  PetscCall(GWModelComputeWaterContent(m, m->work));
  PetscCall(VecAXPY(m->work, -1.0, m->theta_old));
  PetscCall(VecNorm(m->work, NORM_INFINITY, dth));
  PetscFunctionReturn(0);
}

/* One line about a failed Newton solve: its step, time and time step, the worst cell of its last
   iterate (GWModelFindWorstCell_Private()) and what to try. */
static PetscErrorCode Diagnose(const GWWorstCell *w, PetscInt step, PetscReal t, PetscReal dt, char *buf, size_t len)
{
  PetscFunctionBegin;
  PetscCall(PetscSNPrintf(buf, len,
                          "step %" PetscInt_FMT ", t = %g s, dt = %g s; worst cell (i=%" PetscInt_FMT ", j=%" PetscInt_FMT ", layer=%" PetscInt_FMT ") at x = %g m, y = %g m, z = %g m: pressure head %g m, residual %g 1/s; packages acting on it: %s. "
                          "Try: check the boundary values and the material of that cell; for a fine soil (van Genuchten n < 2) give an air-entry head; refine the cells there; allow smaller steps with -gw_dt_min / -gw_dt_max_cuts; see Newton's history with -info",
                          step, (double)t, (double)dt, w->i, w->j, w->k, (double)w->x, (double)w->y, (double)w->z, (double)w->psi, (double)w->res, w->pkgs));
  PetscFunctionReturn(0);
}

/* Progress guard: over every window of prog_steps accepted steps the run must advance at least
   prog_frac of the time that remained to its target at the window's start (of prog_steps dt_max
   when that is less: steps held short by dt_max are the user's choice). A run whose steps keep
   succeeding at tiny dt (Newton in a 2-cycle rescued by cuts) otherwise neither advances nor
   stops. The diagnostic names the last failed Newton solve of the window, else the cell with the
   largest net inflow rate of the state (the residual of a zero-length step). */
static PetscErrorCode CheckProgress(GWModel m, PetscReal t_stop)
{
  PetscFunctionBegin;
  if (m->prog_steps <= 0) PetscFunctionReturn(0);
  if (m->nsteps < m->prog_n0) m->fail_step = 0; /* the model was reset */
  if (m->nsteps - m->prog_n0 < m->prog_steps && m->nsteps >= m->prog_n0 && m->prog_need > 0) PetscFunctionReturn(0);
  if (m->nsteps - m->prog_n0 >= m->prog_steps && m->prog_need > 0 && m->t - m->prog_t0 < m->prog_need) {
    char        diag[1024];
    const char *what = m->fail_step > m->prog_n0 ? "the last failed Newton solve" : "the largest net inflow rate of the state";
    if (m->fail_step > m->prog_n0)
      PetscCall(Diagnose(&m->fail_cell, m->fail_step, m->fail_t, m->fail_dt, diag, sizeof(diag)));
    else {
      GWWorstCell w;
      Vec         Xc, Xu;
      PetscCall(VecCopy(m->psi, m->psi_old));
      PetscCall(GWModelComputeWaterContent(m, m->theta_old));
      PetscCall(GWModelGetSystemAccess_Private(m, m->X, &Xc, &Xu));
      PetscCall(VecCopy(m->psi, Xc));
      PetscCall(GWModelRestoreSystemAccess_Private(m, m->X, &Xc, &Xu));
      PetscCall(GWModelFindWorstCell_Private(m, m->X, &w));
      PetscCall(Diagnose(&w, m->nsteps + 1, m->t, m->dt, diag, sizeof(diag)));
    }
    SETERRQ(PetscObjectComm((PetscObject)m), PETSC_ERR_NOT_CONVERGED, "The run is not advancing: %" PetscInt_FMT " steps took it from t = %g s to %g s, less than %g of the %g s that remained (-gw_progress_steps, -gw_progress_fraction). At %s: %s", m->nsteps - m->prog_n0, (double)m->prog_t0, (double)m->t, (double)m->prog_frac, (double)(t_stop - m->prog_t0), what, diag);
  }
  m->prog_n0   = m->nsteps;
  m->prog_t0   = m->t;
  m->prog_need = m->prog_frac * PetscMin(t_stop - m->t, m->prog_steps * m->dt_max);
  PetscFunctionReturn(0);
}

/* A step factor from the time-error estimate, rounded down to a power of 2^(1/8) (9% apart): the
   estimate differs in its last digits between rank counts (sums in another order), and a factor
   taken as computed would make every later step differ by as much, so that runs on 1 and 2 ranks
   drift apart by the time error itself; rounded, they take the same steps unless an estimate
   falls within round-off of a rounding boundary. */
static PetscReal QuantizeStepFactor(PetscReal fac)
{
  return PetscPowReal(2.0, PetscFloorReal(8.0 * PetscLog2Real(fac)) / 8.0);
}

/* Local time error of the backward-Euler step just solved (Kavetski, Binning and Sloan 2001, Adv.
   Water Resour. 24(6)): the difference between backward Euler and a second-order (trapezoidal)
   update is (dt/2) (dtheta/dt^{n+1} - dtheta/dt^n), estimated from the mean rates of this step
   and of the previous accepted one; its root mean square over the cells (dterr_norm NORM_2, the
   default) or its largest value (NORM_INFINITY) is compared with dterr_tol.
   fac is the factor to shorten a rejected step by (error O(dt^2): 0.9 sqrt(tol/err), in [0.2, 0.9]). */
static PetscErrorCode CheckTimeError(GWModel m, PetscBool *ok, PetscReal *fac)
{
  PetscReal dt = m->step_t1 - m->step_t0;

  PetscFunctionBegin;
  *ok          = PETSC_TRUE;
  *fac         = 1.0;
  m->dterr_est = 0;
  if (m->dterr_tol <= 0) PetscFunctionReturn(0);
  if (!m->rate_new) {
    PetscCall(VecDuplicate(m->psi, &m->rate_new));
    PetscCall(VecDuplicate(m->psi, &m->rate_old));
  }
  PetscCall(GWModelComputeWaterContent(m, m->rate_new));
  PetscCall(VecAXPY(m->rate_new, -1.0, m->theta_old));
  PetscCall(VecScale(m->rate_new, 1.0 / dt));
  if (!m->rate_valid) PetscFunctionReturn(0);
  PetscCall(VecAXPY(m->rate_old, -1.0, m->rate_new)); /* restored below */
  if (m->dterr_norm == NORM_2) {
    PetscInt N;
    PetscCall(VecGetSize(m->rate_old, &N));
    PetscCall(VecNorm(m->rate_old, NORM_2, &m->dterr_est));
    m->dterr_est /= PetscSqrtReal((PetscReal)N);
  } else PetscCall(VecNorm(m->rate_old, NORM_INFINITY, &m->dterr_est));
  PetscCall(VecAXPY(m->rate_old, 1.0, m->rate_new));
  m->dterr_est *= 0.5 * dt;
  if (m->dterr_est > m->dterr_tol) {
    *ok  = PETSC_FALSE;
    *fac = QuantizeStepFactor(PetscMin(0.9, PetscMax(0.2, 0.9 * PetscSqrtReal(m->dterr_tol / m->dterr_est))));
  }
  PetscFunctionReturn(0);
}

/*@C
  GWModelStep - advances the model by one accepted time step, not past t_stop

  Collective

  Input Parameters:
+ model - the model, after GWModelSetUp()
- t_stop - time [s] the step must not pass; the step lands exactly on it (and on every package
           schedule breakpoint) when it would otherwise step over it

  Notes:
  Each step solves the mixed-form Richards equation (Celia et al. 1990, eq. 7) by Newton's
  method, accepted only when the step's relative mass-balance error is below the tolerance of
  GWModelSetMassBalanceTolerance(). That check is made again on the solution whatever Newton
  options are given (-gw_snes_type ksponly, -gw_snes_convergence_test skip, ...): a solve the
  SNES reports converged with a larger error fails like a Newton failure. On failure the step is
  cut by 0.5 and retried. The next
  step grows by 1.25 after at most 4 Newton iterations, shrinks by 0.5 after more than 8, and
  shrinks so that no cell's water content changes by more than -gw_dtheta_max (0.05).

  Errors:
  PETSC_ERR_NOT_CONVERGED when Newton fails after the allowed cuts or at dt_min, naming the time,
  time step and Newton's reason; the state is left at the last accepted step.

  Level: beginner

.seealso: `GWModelRun()`, `GWModelSetTimeStepLimits()`
@*/
PetscErrorCode GWModelStep(GWModel model, PetscReal t_stop)
{
  GWModel             m      = model;
  PetscReal           next   = t_stop, dt, dth;
  PetscBool           landed = PETSC_FALSE;
  PetscInt            its = 0, cuts = 0, erej = 0; /* cuts after Newton failures; rejections by the time-error estimate */
  SNESConvergedReason reason;
  char                why[256];

  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCheck(m->setupcalled, PetscObjectComm((PetscObject)m), PETSC_ERR_ARG_WRONGSTATE, "Call GWModelSetUp() before GWModelStep()");
  PetscCheck(t_stop > m->t, PetscObjectComm((PetscObject)m), PETSC_ERR_ARG_OUTOFRANGE, "Step end %g s must be after the model time %g s", (double)t_stop, (double)m->t);
  PetscCall(PetscLogEventBegin(GW_Step, m, 0, 0, 0));
  if (!m->nsteps) { /* the state this run starts from, for GWModelReset() */
    m->t_start = m->t;
    if (!m->psi_init) PetscCall(VecDuplicate(m->psi, &m->psi_init));
    PetscCall(VecCopy(m->psi, m->psi_init));
  }
  for (PetscInt p = 0; p < m->npkg; p++) {
    PetscReal tb;
    PetscCall(GWPackageGetNextBreakpoint(m->pkg[p], m->t, &tb));
    next = PetscMin(next, tb);
  }
  dt = PetscMin(m->dt, m->dt_max);
  if (m->t + dt >= next - 1e-9 * dt) {
    dt     = next - m->t;
    landed = PETSC_TRUE;
  } else if (next - (m->t + dt) < 0.5 * dt)
    dt = 0.5 * (next - m->t); /* avoid a sliver step later */
  PetscCall(CheckProgress(m, t_stop));
  PetscCall(VecCopy(m->psi, m->psi_old));
  PetscCall(GWModelComputeWaterContent(m, m->theta_old));
  m->step_t0 = m->t;
  m->step_t1 = landed ? next : m->t + dt;
  for (PetscInt p = 0; p < m->npkg; p++)
    if (m->pkg[p]->ops->stepbegin) PetscCall(m->pkg[p]->ops->stepbegin(m->pkg[p], m));
  for (;;) {
    m->step_t0 = m->t;
    m->step_t1 = landed ? next : m->t + dt;
    PetscCall(GWModelSolveStep_Private(m, (PetscBool)(cuts == 0 && erej == 0), &reason, &its));
    if (reason > 0 && !m->mb_rejected) {
      PetscBool ok;
      PetscReal fac;
      PetscCall(CheckTimeError(m, &ok, &fac));
      if (ok) break;
      if (erej >= m->max_cuts || dt * fac < m->dt_min) {
        PetscCall(PetscInfo(m, "Time error %g above tolerance %g at t = %g s, but dt = %g s cannot be shortened further; step accepted\n", (double)m->dterr_est, (double)m->dterr_tol, (double)m->t, (double)dt));
        break;
      }
      PetscCall(PetscInfo(m, "Time error %g above tolerance %g at t = %g s, dt = %g s; step rejected, retried with dt x %g\n", (double)m->dterr_est, (double)m->dterr_tol, (double)m->t, (double)dt, (double)fac));
      PetscCall(VecCopy(m->psi_old, m->psi));
      dt *= fac;
      landed = PETSC_FALSE;
      erej++; /* not a cut: a step whose error was too large leaves the Newton failures their own max_cuts */
      m->ndterr++;
      continue;
    }
    PetscCall(VecCopy(m->psi_old, m->psi));
    if (m->mb_rejected)
      PetscCall(PetscSNPrintf(why, sizeof(why), "the solver reported %s but the step's unbalanced volume rate %g m^3/s exceeds its mass-balance tolerance %g m^3/s", SNESConvergedReasons[reason], (double)m->mb_l1, (double)m->mb_tol));
    else
      PetscCall(PetscSNPrintf(why, sizeof(why), "reason: %s", SNESConvergedReasons[reason]));
    PetscCall(PetscInfo(m, "Step failed (%s) at t = %g s, dt = %g s; cutting the step\n", why, (double)m->t, (double)dt));
    /* the worst cell of every failed solve, for the message below or the progress guard's */
    PetscCall(GWModelFindWorstCell_Private(m, m->X, &m->fail_cell));
    m->fail_step = m->nsteps + 1;
    m->fail_t    = m->t;
    m->fail_dt   = dt;
    if (cuts >= m->max_cuts || dt * m->dt_cut < m->dt_min) {
      char diag[1024];
      PetscCall(Diagnose(&m->fail_cell, m->fail_step, m->t, dt, diag, sizeof(diag)));
      SETERRQ(PetscObjectComm((PetscObject)m), PETSC_ERR_NOT_CONVERGED, "Newton's method did not converge at t = %g s with time step %g s (%s) after %" PetscInt_FMT " cuts of the step; the step cannot be cut further (dt_min = %g s, max cuts = %" PetscInt_FMT "). At %s", (double)m->t, (double)dt, why, cuts, (double)m->dt_min, m->max_cuts, diag);
    }
    dt *= m->dt_cut;
    landed = PETSC_FALSE;
    cuts++;
    m->ncuts++;
  }
  PetscCall(GWModelComputeBudget_Private(m));
  if (m->transport) PetscCall(GWModelTransportStep_Private(m));
  dt   = m->step_t1 - m->step_t0;
  m->t = m->step_t1;
  m->nsteps++;
  m->nnewton += its;
  if (landed && cuts == 0 && erej == 0) dt = PetscMax(dt, m->dt); /* a step shortened to land does not slow the next */
  if (its <= m->it_easy && cuts == 0 && erej == 0)
    dt *= m->dt_grow;
  else if (its > m->it_hard)
    dt *= m->dt_cut;
  if (m->dterr_tol > 0) { /* the rate of this step for the next estimate; none across a forcing breakpoint */
    PetscCall(VecCopy(m->rate_new, m->rate_old));
    m->rate_valid = (PetscBool) !(landed && next < t_stop);
    if (m->dterr_est > 0) dt = PetscMin(dt, (m->step_t1 - m->step_t0) * PetscMin(m->dt_grow, QuantizeStepFactor(0.9 * PetscSqrtReal(m->dterr_tol / m->dterr_est))));
  }
  PetscCall(MaxWaterContentChange(m, &dth));
  if (dth > m->dtheta_max) dt = PetscMin(dt, (m->step_t1 - m->step_t0) * PetscMax(0.5, m->dtheta_max / dth));
  m->dt = PetscMin(PetscMax(dt, m->dt_min), m->dt_max);
  PetscCall(PetscLogEventEnd(GW_Step, m, 0, 0, 0));
  PetscFunctionReturn(0);
}

/*@C
  GWModelRun - advances the model to time t_end with adaptive steps

  Collective

  Input Parameters:
+ model - the model, after GWModelSetUp()
- t_end - end time [s]; the last step lands on it exactly

  Errors:
  As GWModelStep(); the state is that of the last accepted step.

  Level: beginner

.seealso: `GWModelStep()`
@*/
PetscErrorCode GWModelRun(GWModel model, PetscReal t_end)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  while (t_end - model->t > 1e-12 * PetscMax(PetscAbsReal(t_end), 1.0)) PetscCall(GWModelStep(model, t_end));
  PetscFunctionReturn(0);
}
