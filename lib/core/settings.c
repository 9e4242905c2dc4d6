/* GWModel time-control and solver settings: time, time-step limits and cuts, mass-balance
   tolerance, progress guard, gravity, and the step statistics. */
#include <gw/private/modelimpl.h>

/*@C
  GWModelSetTime - sets the model time

  Logically collective

  Input Parameters:
+ model - the model
- t - time [s]

  Level: intermediate

.seealso: `GWModelGetTime()`
@*/
PetscErrorCode GWModelSetTime(GWModel model, PetscReal t)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  model->t = t;
  PetscFunctionReturn(0);
}

/*@C
  GWModelGetTime - gets the model time

  Not collective

  Input Parameter:
. model - the model

  Output Parameter:
. t - time [s]

  Level: beginner

.seealso: `GWModelSetTime()`
@*/
PetscErrorCode GWModelGetTime(GWModel model, PetscReal *t)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  *t = model->t;
  PetscFunctionReturn(0);
}

/*@C
  GWModelSetTimeStepLimits - sets the first, smallest and largest time step

  Logically collective

  Input Parameters:
+ model - the model
. dt_init - first time step [s]
. dt_min - a step is never cut below this [s]; Newton failure at dt_min is an error
- dt_max - largest time step [s]

  Errors:
  PETSC_ERR_ARG_OUTOFRANGE unless 0 < dt_min <= dt_init <= dt_max.

  Level: beginner

.seealso: `GWModelSetMaxTimeStepCuts()`
@*/
PetscErrorCode GWModelSetTimeStepLimits(GWModel model, PetscReal dt_init, PetscReal dt_min, PetscReal dt_max)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCheck(dt_min > 0 && dt_min <= dt_init && dt_init <= dt_max, PetscObjectComm((PetscObject)model), PETSC_ERR_ARG_OUTOFRANGE, "Time-step limits need 0 < dt_min <= dt_init <= dt_max; got dt_min %g s, dt_init %g s, dt_max %g s", (double)dt_min, (double)dt_init, (double)dt_max);
  model->dt_init = dt_init;
  model->dt_min  = dt_min;
  model->dt_max  = dt_max;
  if (!model->setupcalled || model->nsteps == 0) model->dt = dt_init;
  model->dt = PetscMin(PetscMax(model->dt, dt_min), dt_max);
  PetscFunctionReturn(0);
}

/*@C
  GWModelGetTimeStepLimits - gets the first, smallest and largest time step [s]

  Not collective

  Input Parameter:
. model - the model

  Output Parameters:
+ dt_init, dt_min, dt_max - the limits [s] (any may be NULL)

  Level: beginner

.seealso: `GWModelSetTimeStepLimits()`
@*/
PetscErrorCode GWModelGetTimeStepLimits(GWModel model, PetscReal *dt_init, PetscReal *dt_min, PetscReal *dt_max)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  if (dt_init) *dt_init = model->dt_init;
  if (dt_min) *dt_min = model->dt_min;
  if (dt_max) *dt_max = model->dt_max;
  PetscFunctionReturn(0);
}

/*@C
  GWModelSetMaxTimeStepCuts - sets how often one step may be cut (halved) after Newton failures

  Logically collective

  Input Parameters:
+ model - the model
- n - number of cuts, >= 0 (default 10)

  Level: intermediate

.seealso: `GWModelSetTimeStepLimits()`
@*/
PetscErrorCode GWModelSetMaxTimeStepCuts(GWModel model, PetscInt n)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCheck(n >= 0, PetscObjectComm((PetscObject)model), PETSC_ERR_ARG_OUTOFRANGE, "Number of time-step cuts must be >= 0, got %" PetscInt_FMT, n);
  model->max_cuts = n;
  PetscFunctionReturn(0);
}

/*@C
  GWModelGetMaxTimeStepCuts - gets how often one step may be cut

  Not collective

  Input Parameter:
. model - the model

  Output Parameter:
. n - number of cuts

  Level: intermediate

.seealso: `GWModelSetMaxTimeStepCuts()`
@*/
PetscErrorCode GWModelGetMaxTimeStepCuts(GWModel model, PetscInt *n)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  *n = model->max_cuts;
  PetscFunctionReturn(0);
}

/*@C
  GWModelSetMassBalanceTolerance - sets the relative mass-balance error each Newton solve must reach

  Logically collective

  Input Parameters:
+ model - the model
- rtol - relative error (default 1e-10): the volume left unbalanced in a step, over the step's
         storage change plus package flows

  Notes:
  Newton also accepts a step whose unbalanced volume has stopped decreasing within 16 machine
  epsilons of the rounding-error scale of the residual's terms: where round-off exceeds rtol
  times the step's flows (very short steps, heads large against their differences), the step's
  error is then at round-off level rather than below rtol.

  Level: intermediate

.seealso: `GWModelGetMassBalanceError()`
@*/
PetscErrorCode GWModelSetMassBalanceTolerance(GWModel model, PetscReal rtol)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCheck(rtol > 0 && rtol < 1, PetscObjectComm((PetscObject)model), PETSC_ERR_ARG_OUTOFRANGE, "Mass-balance tolerance must be in (0, 1), got %g", (double)rtol);
  model->mb_rtol = rtol;
  PetscFunctionReturn(0);
}

/*@C
  GWModelGetMassBalanceTolerance - gets the relative mass-balance tolerance of a Newton solve

  Not collective

  Input Parameter:
. model - the model

  Output Parameter:
. rtol - the tolerance

  Level: intermediate

.seealso: `GWModelSetMassBalanceTolerance()`
@*/
PetscErrorCode GWModelGetMassBalanceTolerance(GWModel model, PetscReal *rtol)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  *rtol = model->mb_rtol;
  PetscFunctionReturn(0);
}

/*@C
  GWModelGetTimeStep - gets the time step the next GWModelStep() will try [s]

  Not collective

  Input Parameter:
. model - the model

  Output Parameter:
. dt - time step [s]

  Level: intermediate

.seealso: `GWModelStep()`
@*/
PetscErrorCode GWModelGetTimeStep(GWModel model, PetscReal *dt)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  *dt = model->dt;
  PetscFunctionReturn(0);
}

/*@C
  GWModelGetSNES - gets the Newton solver (options prefix gw_)

  Not collective

  Input Parameter:
. model - the model, after GWModelSetUp()

  Output Parameter:
. snes - the solver (borrowed)

  Level: advanced

.seealso: `GWModelSetFromOptions()`
@*/
PetscErrorCode GWModelGetSNES(GWModel model, SNES *snes)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCheck(model->snes, PetscObjectComm((PetscObject)model), PETSC_ERR_ARG_WRONGSTATE, "Call GWModelSetUp() first");
  *snes = model->snes;
  PetscFunctionReturn(0);
}

/*@C
  GWModelGetStepStatistics - gets counts of accepted steps, step cuts and Newton iterations

  Not collective

  Input Parameter:
. model - the model

  Output Parameters:
+ nsteps - accepted time steps (may be NULL)
. ncuts - time-step cuts after Newton failures (may be NULL)
- nnewton - Newton iterations of accepted steps (may be NULL)

  Level: intermediate

.seealso: `GWModelStep()`
@*/
PetscErrorCode GWModelGetStepStatistics(GWModel model, PetscInt *nsteps, PetscInt *ncuts, PetscInt *nnewton)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  if (nsteps) *nsteps = model->nsteps;
  if (ncuts) *ncuts = model->ncuts;
  if (nnewton) *nnewton = model->nnewton;
  PetscFunctionReturn(0);
}

/*@C
  GWModelSetProgressGuard - sets the progress guard: a run that advances too little over many steps
  stops with an error instead of running on at tiny time steps

  Logically collective

  Input Parameters:
+ model - the model
. nsteps - window of accepted steps (default 500; 0 turns the guard off)
- frac - least fraction of the time remaining to the step target at the window's start that the
         window must advance (default 1e-4), in (0, 1); the remaining time is capped at nsteps
         times dt_max, so steps held short by dt_max never trip the guard

  Notes:
  When a window advances less, GWModelStep() fails with PETSC_ERR_NOT_CONVERGED (gw-run exit 3)
  and a diagnostic naming the cell with the largest net inflow rate, its pressure head and the
  packages acting on it. Options -gw_progress_steps and -gw_progress_fraction.

  Level: intermediate

.seealso: `GWModelGetProgressGuard()`, `GWModelStep()`
@*/
PetscErrorCode GWModelSetProgressGuard(GWModel model, PetscInt nsteps, PetscReal frac)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCheck(nsteps >= 0, PetscObjectComm((PetscObject)model), PETSC_ERR_ARG_OUTOFRANGE, "Progress window must be >= 0 steps, got %" PetscInt_FMT, nsteps);
  PetscCheck(frac > 0 && frac < 1, PetscObjectComm((PetscObject)model), PETSC_ERR_ARG_OUTOFRANGE, "Progress fraction must be in (0, 1), got %g", (double)frac);
  model->prog_steps = nsteps;
  model->prog_frac  = frac;
  model->prog_need  = 0; /* a new window starts at the next step */
  PetscFunctionReturn(0);
}

/*@C
  GWModelGetProgressGuard - gets the progress guard's window and fraction

  Not collective

  Input Parameter:
. model - the model

  Output Parameters:
+ nsteps - window of accepted steps (0: no guard) (may be NULL)
- frac - least fraction of the remaining time a window must advance (may be NULL)

  Level: intermediate

.seealso: `GWModelSetProgressGuard()`
@*/
PetscErrorCode GWModelGetProgressGuard(GWModel model, PetscInt *nsteps, PetscReal *frac)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  if (nsteps) *nsteps = model->prog_steps;
  if (frac) *frac = model->prog_frac;
  PetscFunctionReturn(0);
}

/*@C
  GWModelSetGravity - switches gravity on or off

  Logically collective; before GWModelSetUp()

  Input Parameters:
+ model - the model
- on - PETSC_TRUE (default): hydraulic head H = psi + z drives the flow; PETSC_FALSE: H = psi,
       for horizontal columns (horizontal infiltration, sorptivity and desorptivity experiments)

  Notes:
  With gravity off every face flux is T kr (psi_n - psi_c), packages see an elevation head of 0
  (a hydraulic head given to a head package is then a pressure head), and a free-drainage face
  passes no water. Output hydraulic head stays psi + z.

  Errors:
  PETSC_ERR_ARG_WRONGSTATE after GWModelSetUp().

  Level: intermediate

.seealso: `GWModelGetGravity()`, `GWPACKAGEFREEDRAINAGE`
@*/
PetscErrorCode GWModelSetGravity(GWModel model, PetscBool on)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCheck(!model->setupcalled, PetscObjectComm((PetscObject)model), PETSC_ERR_ARG_WRONGSTATE, "Set gravity before GWModelSetUp()");
  model->gravity = on ? 1.0 : 0.0;
  PetscFunctionReturn(0);
}

/*@C
  GWModelGetGravity - tells whether gravity is on

  Not collective

  Input Parameter:
. model - the model

  Output Parameter:
. on - PETSC_TRUE when the elevation head drives the flow

  Level: intermediate

.seealso: `GWModelSetGravity()`
@*/
PetscErrorCode GWModelGetGravity(GWModel model, PetscBool *on)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  *on = (PetscBool)(model->gravity != 0.0);
  PetscFunctionReturn(0);
}

/*@C
  GWModelSetTimeErrorTolerance - sets the tolerance of time-step control by an estimate of the local time error

  Logically collective

  Input Parameters:
+ model - the model
- tol - tolerance on the estimated local error of water content [-] per step (default 2e-5), in
        the norm of GWModelSetTimeErrorNorm() (default: root mean square over the cells); 0 turns
        the control off

  Notes:
  After each converged step the local error of backward Euler in cell c is estimated as
  e_c = (dt/2) |dtheta_c/dt^{n+1} - dtheta_c/dt^n| from the mean rates of this and the previous
  step (Kavetski, Binning and Sloan 2001, Adv. Water Resour. 24(6), 595-605: the difference
  between backward Euler and a second-order update). A step whose error norm exceeds tol is
  rejected and retried with dt shortened by 0.9 sqrt(tol/err) (at least 0.2, at most 0.9; the
  error is O(dt^2)); an accepted step limits the next to the same factor times dt (at most
  the growth factor). The first step and the first after a forcing breakpoint have no estimate.
  Option -gw_dt_error_tol; scenario key time.error_tol.

  The default (2e-5, root mean square) was chosen by measurement (doc/theory.md, time-step error
  control): with no dt_max the Srivastava and Yeh (1991) and Celia et al. (1990) benchmarks pass,
  and a wetting front in 0.25 cm cells of loam is not held to steps below 1 s; the global error
  grows about as sqrt(tol).

  Errors:
  PETSC_ERR_ARG_OUTOFRANGE when tol < 0.

  Level: intermediate

.seealso: `GWModelGetTimeErrorTolerance()`, `GWModelSetTimeErrorNorm()`, `GWModelStep()`
@*/
PetscErrorCode GWModelSetTimeErrorTolerance(GWModel model, PetscReal tol)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCheck(tol >= 0 && !PetscIsInfOrNanReal(tol), PetscObjectComm((PetscObject)model), PETSC_ERR_ARG_OUTOFRANGE, "Time-error tolerance must be >= 0 (0: off), got %g", (double)tol);
  model->dterr_tol = tol;
  PetscFunctionReturn(0);
}

/*@C
  GWModelGetTimeErrorTolerance - gets the time-error tolerance and the number of rejected steps

  Not collective

  Input Parameter:
. model - the model

  Output Parameters:
+ tol - the tolerance on water content (0: off) (may be NULL)
- nrejected - steps rejected by the time-error estimate so far (may be NULL)

  Level: intermediate

.seealso: `GWModelSetTimeErrorTolerance()`
@*/
PetscErrorCode GWModelGetTimeErrorTolerance(GWModel model, PetscReal *tol, PetscInt *nrejected)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  if (tol) *tol = model->dterr_tol;
  if (nrejected) *nrejected = model->ndterr;
  PetscFunctionReturn(0);
}

/*@C
  GWModelSetTimeErrorNorm - sets how the local time errors of the cells are combined for time-step
  control (GWModelSetTimeErrorTolerance())

  Logically collective

  Input Parameters:
+ model - the model
- type - NORM_2 (default): the root mean square over the cells, sqrt(sum_c e_c^2 / N), as PETSc's
         TSAdapt combines errors (TSErrorWeightedNorm()); NORM_INFINITY: the largest e_c

  Notes:
  The largest error binds where a wetting front crosses a thin cell, whose water content follows
  a steep S-curve in time: on 0.25 cm cells of loam it holds steps below 1 s for hours while the
  front position is already converged. The root mean square weighs such cells by their number; it
  also dilutes the error of a few active cells in a large inactive domain (e.g. a thin unsaturated
  zone above a deep aquifer), where NORM_INFINITY or a dt_max is the safer choice.
  Option -gw_dt_error_rms <bool>; scenario key time.error_norm (rms or max).

  Errors:
  PETSC_ERR_ARG_OUTOFRANGE for another norm type.

  Level: intermediate

.seealso: `GWModelSetTimeErrorTolerance()`
@*/
PetscErrorCode GWModelSetTimeErrorNorm(GWModel model, NormType type)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCheck(type == NORM_2 || type == NORM_INFINITY, PetscObjectComm((PetscObject)model), PETSC_ERR_ARG_OUTOFRANGE, "Time-error norm must be NORM_2 (root mean square) or NORM_INFINITY (largest), got %s", NormTypes[type]);
  model->dterr_norm = type;
  PetscFunctionReturn(0);
}
