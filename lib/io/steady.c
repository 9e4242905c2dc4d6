/* The steady-state first stage of a scenario (initial.steady: true): pseudo-transient
   continuation from the initial state to the steady state of the forcing at t = 0, before the
   run and its outputs begin. */
#include <gw/private/ioimpl.h>
#include <gw/private/modelimpl.h>
#include <string.h>

/* Longest pseudo-time step: the accumulation terms are then below 1e-10 of the flows of any
   soil, so an implicit step is a Newton solve of the steady equations. */
#define GW_STEADY_DT_CAP 1e10

/* Each iteration is one implicit time step from t = 0 with the forcing of [0, dt] (the values at
   t = 0 for constant values and step series up to the first breakpoint, which caps dt), after
   which the model is reset to t = 0 with the new state and empty budgets, and dt grows by 4x (or
   is cut by the model when Newton fails). The stage ends when, with dt at its cap
   (min(GW_STEADY_DT_CAP, first forcing breakpoint)), the largest change of pressure head
   over an iteration is at most tol [m]; after maxit iterations it is a numerical failure. */
PetscErrorCode GWScenarioSteadyStage_Private(GWScenario sc)
{
  GWModel   m = sc->model;
  Vec       prev, next;
  PetscReal dt0, dtmin, dtmax, dt, cap = GW_STEADY_DT_CAP, change = PETSC_MAX_REAL;
  PetscInt  k;

  PetscFunctionBegin;
  for (PetscInt p = 0; p < m->npkg; p++) {
    PetscReal tb;
    PetscCall(GWPackageGetNextBreakpoint(m->pkg[p], 0.0, &tb));
    cap = PetscMin(cap, tb);
  }
  PetscCall(GWModelGetTimeStepLimits(m, &dt0, &dtmin, &dtmax));
  PetscCall(GWModelSetTimeStepLimits(m, dt0, dtmin, PetscMax(cap, dtmax)));
  PetscCall(VecDuplicate(m->psi, &prev));
  PetscCall(VecDuplicate(m->psi, &next));
  dt = dt0;
  for (k = 0; k < sc->steady_maxit; k++) {
    PetscReal used;
    PetscCall(VecCopy(m->psi, prev));
    m->dt = PetscMin(dt, cap);
    PetscCall(GWModelStep(m, cap));
    used = m->t;
    PetscCall(VecCopy(m->psi, next));
    PetscCall(GWModelReset(m));
    PetscCall(VecCopy(next, m->psi));
    PetscCall(VecAXPY(prev, -1.0, next));
    PetscCall(VecNorm(prev, NORM_INFINITY, &change));
    PetscCall(PetscInfo(m, "steady stage: iteration %" PetscInt_FMT ", pseudo-time step %g s, largest pressure-head change %g m\n", k + 1, (double)used, (double)change));
    if (used >= cap * (1 - 1e-12) && change <= sc->steady_tol) break;
    dt = 4 * used;
  }
  PetscCall(VecDestroy(&prev));
  PetscCall(VecDestroy(&next));
  PetscCall(GWModelSetTimeStepLimits(m, dt0, dtmin, dtmax));
  m->dt = dt0;
  PetscCheck(k < sc->steady_maxit, PetscObjectComm((PetscObject)sc), PETSC_ERR_NOT_CONVERGED, "The steady-state stage (initial.steady) did not converge in %" PetscInt_FMT " pseudo-time steps: the last changed the pressure head by up to %g m, above initial.steady_tolerance = %g m; the forcing at t = 0 may have no steady state (e.g. more inflow than any outlet can take), or give a closer initial state", sc->steady_maxit, (double)change, (double)sc->steady_tol);
  sc->steady_iterations = k + 1;
  PetscFunctionReturn(0);
}

/* initial.steady (true/false), initial.steady_tolerance [m], initial.steady_max_iterations. */
PetscErrorCode GWScenarioReadSteady_Private(GWScenario sc, GWYamlNode root)
{
  GWYamlNode  in = GWYamlGet_Private(root, "initial");
  const char *flag = NULL;
  PetscBool   has;

  PetscFunctionBegin;
  sc->steady       = PETSC_FALSE;
  sc->steady_tol   = 1e-10;
  sc->steady_maxit = 200;
  if (!in || in->kind != GW_YAML_MAP) PetscFunctionReturn(0);
  PetscCall(GWGetString_Private(in, "steady", PETSC_FALSE, &flag));
  if (flag) {
    GWInputCheck(!strcmp(flag, "true") || !strcmp(flag, "false"), GWYamlGet_Private(in, "steady"), "expected true or false, found \"%s\"", flag);
    sc->steady = (PetscBool)!strcmp(flag, "true");
  }
  PetscCall(GWGetQuantity_Private(in, "steady_tolerance", "m", PETSC_FALSE, &sc->steady_tol, &has));
  GWInputCheck(!has || sc->steady_tol > 0, GWYamlGet_Private(in, "steady_tolerance"), "the tolerance must be positive, found %g m", (double)sc->steady_tol);
  PetscCall(GWGetInteger_Private(in, "steady_max_iterations", PETSC_FALSE, 1, &sc->steady_maxit));
  GWInputCheck(sc->steady || (!has && !GWYamlGet_Private(in, "steady_max_iterations")), in, "steady_tolerance and steady_max_iterations go with steady: true");
  PetscFunctionReturn(0);
}
