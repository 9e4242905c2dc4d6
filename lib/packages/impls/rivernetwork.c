/* Routed river and canal reaches: the network (downstream order, tributaries, diversions, springs),
   inflow hydrographs, Manning's depth, and the reach flows reported to users. The equations are in
   GWPackageRiverSetReach(); their residual and Jacobian in lib/packages/impls/river.c. */
#include <gw/private/surfacewaterimpl.h>

static PetscErrorCode CheckRiver(GWPackage pkg, const char fn[])
{
  PetscBool match;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(pkg, GWPACKAGE_CLASSID, 1);
  PetscCall(PetscObjectTypeCompareAny((PetscObject)pkg, &match, GWPACKAGERIVER, GWPACKAGECANAL, ""));
  PetscCheck(match, PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_WRONG, "%s: package %s is of type %s, not river or canal", fn, ((PetscObject)pkg)->name, ((PetscObject)pkg)->type_name ? ((PetscObject)pkg)->type_name : "(none)");
  PetscCheck(!pkg->setup, PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_WRONGSTATE, "%s: package %s is already set up; describe its reaches before GWModelSetUp()", fn, ((PetscObject)pkg)->name);
  PetscFunctionReturn(0);
}

/* Room for reaches 0 .. n-1. */
static PetscErrorCode EnsureReaches(GWRiver *R, PetscInt n)
{
  PetscInt old = R->maxreach, cap;

  PetscFunctionBegin;
  if (n > R->maxreach) {
    cap = PetscMax(n, 2 * R->maxreach);
    PetscCall(PetscRealloc(sizeof(PetscInt) * cap, &R->down));
    PetscCall(PetscRealloc(sizeof(PetscReal) * cap, &R->width));
    PetscCall(PetscRealloc(sizeof(PetscReal) * cap, &R->n));
    PetscCall(PetscRealloc(sizeof(PetscReal) * cap, &R->slope));
    PetscCall(PetscRealloc(sizeof(PetscReal) * cap, &R->side));
    PetscCall(PetscRealloc(sizeof(PetscBool) * cap, &R->given));
    PetscCall(PetscRealloc(sizeof(GWSchedule) * cap, &R->inflow));
    PetscCall(PetscRealloc(sizeof(PetscReal) * cap, &R->csum));
    PetscCall(PetscRealloc(sizeof(GWSchedule) * cap, &R->evap));
    PetscCall(PetscRealloc(sizeof(PetscReal) * cap, &R->lsum));
    for (PetscInt r = old; r < cap; r++) {
      R->down[r]  = -1;
      R->given[r] = PETSC_FALSE;
      R->width[r] = R->n[r] = R->slope[r] = R->csum[r] = R->lsum[r] = 0;
      PetscCall(PetscMemzero(&R->evap[r], sizeof(GWSchedule)));
      R->side[r] = -1;
      PetscCall(PetscMemzero(&R->inflow[r], sizeof(GWSchedule)));
    }
    R->maxreach = cap;
  }
  R->nreach = PetscMax(R->nreach, n);
  PetscFunctionReturn(0);
}

PetscErrorCode GWRiverDestroyNetwork_Private(GWRiver *R)
{
  PetscFunctionBegin;
  for (PetscInt r = 0; r < R->maxreach; r++) {
    PetscCall(PetscFree2(R->inflow[r].t, R->inflow[r].v));
    PetscCall(PetscFree2(R->evap[r].t, R->evap[r].v));
  }
  PetscCall(PetscFree(R->evap));
  PetscCall(PetscFree(R->lsum));
  PetscCall(PetscFree(R->down));
  PetscCall(PetscFree(R->width));
  PetscCall(PetscFree(R->n));
  PetscCall(PetscFree(R->slope));
  PetscCall(PetscFree(R->side));
  PetscCall(PetscFree(R->given));
  PetscCall(PetscFree(R->inflow));
  PetscCall(PetscFree(R->csum));
  PetscCall(PetscFree(R->divout));
  PetscCall(PetscFree(R->divin));
  PetscCall(PetscFree(R->spring));
  PetscCall(PetscFree(R->springreach));
  PetscCall(PetscFree(R->runoff));
  PetscCall(PetscFree(R->runoffreach));
  R->maxreach = R->nreach = R->ndivout = R->ndivin = R->nspring = R->nrunoff = 0;
  PetscFunctionReturn(0);
}

/* Normal depth D of a trapezoidal channel (bottom width w, side slope z) carrying F > 0:
   K(D) = A^(5/3) P^(-2/3) = n F / S^(1/2), A = D (w + z D), P = w + 2 D (1 + z^2)^(1/2)
   (Chow 1959, Open-Channel Hydraulics, eq. 6-1 and table 2-1), by Newton's method kept in a
   bracket by bisection (K increases with D); returns D and dD/dF = (n / S^(1/2)) / K'(D). */
static void TrapezoidDepth(PetscReal w, PetscReal z, PetscReal n, PetscReal S, PetscReal F, PetscReal *D, PetscReal *dD)
{
  PetscReal T = n * F / PetscSqrtReal(S), lo = 0, hi = PetscPowReal(T / w, 0.6), d, K = 0, dK = 1, e = PetscSqrtReal(1 + z * z);

  for (PetscInt it = 0; it < 200; it++) { /* hi: the wide-channel depth, doubled until K(hi) >= T */
    PetscReal A = hi * (w + z * hi), P = w + 2 * hi * e;
    if (PetscPowReal(A, 5.0 / 3.0) * PetscPowReal(P, -2.0 / 3.0) >= T) break;
    lo = hi;
    hi *= 2;
  }
  d = hi;
  for (PetscInt it = 0; it < 200; it++) {
    PetscReal A = d * (w + z * d), P = w + 2 * d * e, dn;
    K  = PetscPowReal(A, 5.0 / 3.0) * PetscPowReal(P, -2.0 / 3.0);
    dK = K * (5.0 / 3.0 * (w + 2 * z * d) / A - 2.0 / 3.0 * 2 * e / P);
    if (K > T)
      hi = d;
    else
      lo = d;
    dn = d - (K - T) / dK;
    if (!(dn > lo && dn < hi)) dn = 0.5 * (lo + hi);
    if (PetscAbsReal(dn - d) <= 1e-15 * d) {
      d = dn;
      break;
    }
    d = dn;
  }
  *D  = d;
  *dD = n / PetscSqrtReal(S) / dK;
}

/* Depth of reach r at flow F [m] from Manning's equation. Wide rectangular channel (side < 0):
   F = (1/n) w d^(5/3) S^(1/2), so d = a F^(3/5) with a = (n / (w S^(1/2)))^(3/5); written
   d = a F (F + q0)^(-2/5) with the floor q0 (flow_smoothing) so that dd/dF = a (0.6 F + q0)
   (F + q0)^(-7/5) stays finite at F = 0 (a q0^(-2/5)); the depth is then low by a relative
   0.4 q0 / F at most. Trapezoid (side slope z >= 0, z = 0 a rectangle with its walls): the
   normal depth D(F) of TrapezoidDepth() times the same factor (F / (F + q0))^(2/5). Negative
   iterates of F have depth 0. */
void GWRiverDepth_Private(const GWRiver *R, PetscInt r, PetscReal F, PetscReal q0, PetscReal *d, PetscReal *dd)
{
  if (F <= 0) {
    *d  = 0;
    *dd = 0;
    return;
  }
  if (R->side[r] < 0) {
    PetscReal a = PetscPowReal(R->n[r] / (R->width[r] * PetscSqrtReal(R->slope[r])), 0.6);
    *d          = a * F * PetscPowReal(F + q0, -0.4);
    *dd         = a * (0.6 * F + q0) * PetscPowReal(F + q0, -1.4);
  } else {
    PetscReal D, dD, g = PetscPowReal(F / (F + q0), 0.4), dg = 0.4 * q0 * PetscPowReal(F, -0.6) * PetscPowReal(F + q0, -1.4);
    TrapezoidDepth(R->width[r], R->side[r], R->n[r], R->slope[r], F, &D, &dD);
    *d  = D * g;
    *dd = dD * g + D * dg;
  }
}

/* Open-water evaporation of reach r at flow F over the current step, E = e l T(F) g(F) [m^3/s],
   and dE/dF: e the rate of GWPackageRiverSetReachEvaporation() [m/s], l the reach's channel
   length, T the top width of the water surface (w; w + 2 z d(F) for a trapezoid), and
   g(F) = r(F)/F the smoothed ramp over the flow smoothing q0 (1 for F >= q0, 0 at F = 0), so a
   reach that runs dry evaporates nothing. */
PetscErrorCode GWRiverEvaporation_Private(const GWRiver *R, PetscInt r, GWModel m, PetscReal F, PetscReal q0, PetscReal *E, PetscReal *dE)
{
  PetscReal e, T = R->width[r], dT = 0, g, dg;

  PetscFunctionBegin;
  *E = *dE = 0;
  if (!R->evap[r].n) PetscFunctionReturn(0);
  PetscCall(GWScheduleValue_Private(&R->evap[r], m->step_t0, m->step_t1, &e));
  if (F <= 0 || e == 0) PetscFunctionReturn(0);
  if (R->side[r] >= 0) {
    PetscReal d, dd;
    GWRiverDepth_Private(R, r, F, q0, &d, &dd);
    T  = R->width[r] + 2 * R->side[r] * d;
    dT = 2 * R->side[r] * dd;
  }
  if (F >= q0) {
    g  = 1;
    dg = 0;
  } else {
    PetscReal s = F / q0;
    g           = s * (2 - s);
    dg          = (2 - 2 * s) / q0;
  }
  *E  = e * R->lsum[r] * T * g;
  *dE = e * R->lsum[r] * (dT * g + T * dg);
  PetscFunctionReturn(0);
}

/*@C
  GWPackageRiverSetReachEvaporation - sets the open-water evaporation rate of a routed reach

  Logically collective

  Input Parameters:
+ pkg - a river or canal package, its reach described by GWPackageRiverSetReach()
. reach - the reach
. n - number of values (1: constant)
. t - times [s] of the values
. e - evaporation rates [m/s] (depth of water per time over the water surface), >= 0
- interp - GW_INTERP_STEP or GW_INTERP_LINEAR between the values

  Notes:
  The reach loses E = e l T(F) g(F) [m^3/s] (continuity of GWPackageRiverSetReach() becomes
  F = max(I - L - E, 0)), with l the channel length of the reach (the sum of the package's length
  parameter over its cells), T the top width of the water surface, w for the default wide
  rectangle and w + 2 z d(F) for a trapezoid of side slope z, and g(F) = 1 for F >= flow_smoothing,
  falling smoothly to 0 at F = 0, so a dry reach evaporates nothing (MODFLOW 6 SFR's EVAPORATION
  times the reach's top width and length, Langevin et al. 2017, USGS TM 6-A55, ch. 7; a reach
  whose water cannot supply it evaporates what remains after leakage). Budget term
  river_evaporation (canal_evaporation).

  Errors:
  PETSC_ERR_ARG_OUTOFRANGE for a negative or non-finite rate or times that do not increase.

  Level: intermediate

.seealso: `GWPackageRiverSetReach()`, `GWPackageRiverGetReachEvaporation()`
@*/
PetscErrorCode GWPackageRiverSetReachEvaporation(GWPackage pkg, PetscInt reach, PetscInt n, const PetscReal t[], const PetscReal e[], GWInterpolation interp)
{
  GWRiver    *R;
  GWSchedule *sc;
  MPI_Comm    comm;

  PetscFunctionBegin;
  PetscCall(CheckRiver(pkg, "GWPackageRiverSetReachEvaporation"));
  comm = PetscObjectComm((PetscObject)pkg);
  R    = (GWRiver *)pkg->data;
  PetscCheck(reach >= 0 && n >= 1, comm, PETSC_ERR_ARG_OUTOFRANGE, "Package %s: an evaporation rate needs a reach >= 0 and at least one value", ((PetscObject)pkg)->name);
  for (PetscInt s = 0; s < n; s++) {
    PetscCheck((PetscIsNormalReal(e[s]) || e[s] == 0) && e[s] >= 0, comm, PETSC_ERR_ARG_OUTOFRANGE, "Package %s: evaporation rate %g m/s of reach %" PetscInt_FMT " must be finite and >= 0", ((PetscObject)pkg)->name, (double)e[s], reach);
    PetscCheck(s == 0 || t[s] > t[s - 1], comm, PETSC_ERR_ARG_OUTOFRANGE, "Package %s: evaporation time %g s of reach %" PetscInt_FMT " does not increase", ((PetscObject)pkg)->name, (double)t[s], reach);
  }
  PetscCall(EnsureReaches(R, reach + 1));
  sc = &R->evap[reach];
  PetscCall(PetscFree2(sc->t, sc->v));
  PetscCall(PetscMalloc2(n, &sc->t, n, &sc->v));
  PetscCall(PetscArraycpy(sc->t, t, n));
  PetscCall(PetscArraycpy(sc->v, e, n));
  sc->n      = n;
  sc->interp = interp;
  PetscFunctionReturn(0);
}

/*@C
  GWPackageRiverGetReachEvaporation - gets the open-water evaporation of a routed reach at the last
  accepted step

  Not collective (the same on every rank)

  Input Parameters:
+ pkg - a routed river or canal package in a model that has taken a step
- reach - the reach

  Output Parameter:
. evaporation - E [m^3/s] (0 without an evaporation rate)

  Level: intermediate

.seealso: `GWPackageRiverSetReachEvaporation()`, `GWPackageRiverGetReachFlows()`
@*/
PetscErrorCode GWPackageRiverGetReachEvaporation(GWPackage pkg, PetscInt reach, PetscReal *evaporation)
{
  GWRiver  *R;
  PetscReal dE;
  PetscBool match;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(pkg, GWPACKAGE_CLASSID, 1);
  PetscCall(PetscObjectTypeCompareAny((PetscObject)pkg, &match, GWPACKAGERIVER, GWPACKAGECANAL, ""));
  R = match ? (GWRiver *)pkg->data : NULL;
  PetscCheck(R && R->routed && pkg->setup && pkg->u, PETSC_COMM_SELF, PETSC_ERR_ARG_WRONGSTATE, "Package %s has no routed reaches set up", ((PetscObject)pkg)->name);
  PetscCheck(reach >= 0 && reach < R->nreach, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "Package %s has %" PetscInt_FMT " reaches, not reach %" PetscInt_FMT, ((PetscObject)pkg)->name, R->nreach, reach);
  PetscCall(GWRiverEvaporation_Private(R, reach, R->model, pkg->u[3 * reach], pkg->param[7], evaporation, &dE));
  PetscFunctionReturn(0);
}

/*@C
  GWPackageRiverSetReachSideSlope - makes the channel of a routed reach trapezoidal

  Logically collective

  Input Parameters:
+ pkg - a river or canal package, its reach described by GWPackageRiverSetReach()
. reach - the reach
- z - side slope [-], horizontal per vertical, >= 0 (0: a rectangle with its walls counted in the
      wetted perimeter); a negative z restores the default wide rectangular channel

  Notes:
  The depth d of the reach at flow F solves Manning's equation for a trapezoid of bottom width w
  (the reach's width),
.vb
    F = (1/n) A R^(2/3) S^(1/2),  A = d (w + z d),  R = A / P,  P = w + 2 d (1 + z^2)^(1/2)
.ve
  (Chow 1959, Open-Channel Hydraulics, eq. 6-1 and table 2-1), by Newton's method safeguarded by
  bisection to a relative 1e-15. The default wide rectangular channel takes R = d.

  Errors:
  PETSC_ERR_ARG_OUTOFRANGE for a reach not described or a z that is not finite.

  Level: intermediate

.seealso: `GWPackageRiverSetReach()`, `GWPackageRiverGetReachFlows()`
@*/
PetscErrorCode GWPackageRiverSetReachSideSlope(GWPackage pkg, PetscInt reach, PetscReal z)
{
  GWRiver *R;

  PetscFunctionBegin;
  PetscCall(CheckRiver(pkg, "GWPackageRiverSetReachSideSlope"));
  R = (GWRiver *)pkg->data;
  PetscCheck(reach >= 0 && reach < R->nreach && R->given[reach], PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_OUTOFRANGE, "Package %s: describe reach %" PetscInt_FMT " with GWPackageRiverSetReach() before its side slope", ((PetscObject)pkg)->name, reach);
  PetscCheck(!PetscIsInfOrNanReal(z), PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_OUTOFRANGE, "Package %s: side slope of reach %" PetscInt_FMT " is not finite", ((PetscObject)pkg)->name, reach);
  R->side[reach] = z < 0 ? -1 : z;
  PetscFunctionReturn(0);
}

const char *const GWDiversionRules[] = {"upto", "fraction", "excess", "GWDiversionRule", "GW_DIVERSION_", NULL};

/* Diversion D of the flow F at the end of a reach, smoothed over the flow smoothing w, and dD/dF:
   upto D = min(rate, F) = rate - r(rate - F) (never more than the flow), fraction D = rate r(F)
   (rate the share), excess D = r(F - rate) (what exceeds the rate), with r the smoothed ramp. */
void GWRiverDiversionRate_Private(const GWRiverDiversion *dv, PetscReal w, PetscReal F, PetscReal *D, PetscReal *dD)
{
  PetscReal r, dr;

  switch (dv->rule) {
  case GW_DIVERSION_FRACTION:
    GWSmoothRamp_Private(F, w, &r, &dr);
    *D  = dv->rate * r;
    *dD = dv->rate * dr;
    break;
  case GW_DIVERSION_EXCESS:
    GWSmoothRamp_Private(F - dv->rate, w, &r, &dr);
    *D  = r;
    *dD = dr;
    break;
  default:
    GWSmoothRamp_Private(dv->rate - F, w, &r, &dr);
    *D  = dv->rate - r;
    *dD = dr;
  }
}

/*@C
  GWPackageRiverSetReach - makes a river or canal package routed and describes one of its reaches

  Logically collective

  Input Parameters:
+ pkg - a package of type GWPACKAGERIVER or GWPACKAGECANAL
. reach - the reach, 0-based; its cells are the cells of group reach (GWPackageSetCellGroups(),
          or every cell when there are no groups and one reach)
. downstream - the reach its outflow enters, > reach (reaches are numbered downstream), or -1
               at an outlet; several reaches entering one are tributaries
. width - channel width w [m] of Manning's equation
. roughness - Manning's n [s/m^(1/3)]
- slope - bed slope S [-], > 0

  Notes:
  Each routed reach r owns three unknowns of the Newton system, solved with pressure head: the
  flow F_r at its downstream end before its diversion, the potential leakage L_r of its cells,
  and its inflow I_r [m^3/s]:
.vb
    I_r = Q_ext,r + sum_{u: down(u) = r} (F_u - D_u) + sum D (diversions into r) + G_r
    L_r = sum_c C_c (stage_c - max(h_c, z_bot,c)),  stage_c = z_bed,c + d(F_r)
    F_r = max(I_r - L_r, 0)
.ve
  with Q_ext the inflow hydrograph (GWPackageRiverSetReachInflow()), D_u = min(rate, F_u) the
  diversion (GWPackageRiverSetReachDiversion()), G_r the discharge of drains routed in
  (GWPackageRiverAddSpring()) and d(F) Manning's depth for a wide rectangular channel,
  d = (n F / (w S^(1/2)))^(3/5) (Chow 1959, Open-Channel Hydraulics, eq. 5-6 with R = d). The
  leakage into cell c is Q_c = C_c (stage_c - max(h_c, z_bot,c)) + (C_c / sum C)(I_r - L_r - F_r):
  the cells of a reach that dries (F_r = 0) share its inflow, so a dry reach passes no water and
  leaks only what enters it, nothing once its inflow stops. The max functions are smoothed over
  flow_smoothing (GWSmoothRamp_Private()). The reach flow equations are MODFLOW 6 SFR's
  (Langevin et al. 2017, USGS TM 6-A55, ch. 7) solved in the same Newton iteration as the
  aquifer instead of by an inner iteration.

  Errors:
  PETSC_ERR_ARG_OUTOFRANGE for a downstream reach not after reach, a width, roughness or slope
  that is not positive.

  Level: intermediate

.seealso: `GWPACKAGERIVER`, `GWPackageRiverSetReachInflow()`, `GWPackageRiverGetReachFlows()`
@*/
PetscErrorCode GWPackageRiverSetReach(GWPackage pkg, PetscInt reach, PetscInt downstream, PetscReal width, PetscReal roughness, PetscReal slope)
{
  GWRiver *R;
  MPI_Comm comm;

  PetscFunctionBegin;
  PetscCall(CheckRiver(pkg, "GWPackageRiverSetReach"));
  comm = PetscObjectComm((PetscObject)pkg);
  R    = (GWRiver *)pkg->data;
  PetscCheck(reach >= 0, comm, PETSC_ERR_ARG_OUTOFRANGE, "Package %s: reach %" PetscInt_FMT " must be >= 0", ((PetscObject)pkg)->name, reach);
  PetscCheck(downstream == -1 || downstream > reach, comm, PETSC_ERR_ARG_OUTOFRANGE, "Package %s: reach %" PetscInt_FMT " flows into reach %" PetscInt_FMT "; number reaches downstream (a reach flows into a later one) or give -1 at an outlet", ((PetscObject)pkg)->name, reach, downstream);
  PetscCheck(width > 0 && roughness > 0 && slope > 0, comm, PETSC_ERR_ARG_OUTOFRANGE, "Package %s: reach %" PetscInt_FMT " needs a positive width (%g m), Manning roughness (%g s/m^(1/3)) and slope (%g)", ((PetscObject)pkg)->name, reach, (double)width, (double)roughness, (double)slope);
  PetscCall(EnsureReaches(R, PetscMax(reach, downstream) + 1));
  R->down[reach]   = downstream;
  R->width[reach]  = width;
  R->n[reach]      = roughness;
  R->slope[reach]  = slope;
  R->given[reach]  = PETSC_TRUE;
  R->routed        = PETSC_TRUE;
  pkg->needs_value = PETSC_FALSE; /* the stage comes from the flows */
  PetscFunctionReturn(0);
}

/*@C
  GWPackageRiverSetReachInflow - sets the external inflow hydrograph of a routed reach (a gauge
  upstream, a canal head)

  Logically collective

  Input Parameters:
+ pkg - a river or canal package
. reach - the reach
. n - number of times, >= 1
. t - array [n] of strictly increasing times [s]
. q - array [n] of inflows [m^3/s], >= 0
- interp - GW_INTERP_STEP or GW_INTERP_LINEAR

  Notes:
  The times are breakpoints of the time stepping; a step uses the value at its midpoint.

  Level: intermediate

.seealso: `GWPackageRiverSetReach()`
@*/
PetscErrorCode GWPackageRiverSetReachInflow(GWPackage pkg, PetscInt reach, PetscInt n, const PetscReal t[], const PetscReal q[], GWInterpolation interp)
{
  GWRiver    *R;
  GWSchedule *sc;
  MPI_Comm    comm;

  PetscFunctionBegin;
  PetscCall(CheckRiver(pkg, "GWPackageRiverSetReachInflow"));
  comm = PetscObjectComm((PetscObject)pkg);
  R    = (GWRiver *)pkg->data;
  PetscCheck(reach >= 0 && n >= 1, comm, PETSC_ERR_ARG_OUTOFRANGE, "Package %s: an inflow needs a reach >= 0 and at least one value", ((PetscObject)pkg)->name);
  for (PetscInt s = 0; s < n; s++) {
    PetscCheck(PetscIsNormalReal(q[s]) || q[s] == 0, comm, PETSC_ERR_ARG_OUTOFRANGE, "Package %s: inflow %" PetscInt_FMT " of reach %" PetscInt_FMT " is not finite", ((PetscObject)pkg)->name, s, reach);
    PetscCheck(q[s] >= 0, comm, PETSC_ERR_ARG_OUTOFRANGE, "Package %s: inflow %g m^3/s at t = %g s into reach %" PetscInt_FMT " is negative; take water out with a diversion", ((PetscObject)pkg)->name, (double)q[s], (double)t[s], reach);
    PetscCheck(s == 0 || t[s] > t[s - 1], comm, PETSC_ERR_ARG_OUTOFRANGE, "Package %s: inflow time %g s of reach %" PetscInt_FMT " does not increase", ((PetscObject)pkg)->name, (double)t[s], reach);
  }
  PetscCall(EnsureReaches(R, reach + 1));
  sc = &R->inflow[reach];
  PetscCall(PetscFree2(sc->t, sc->v));
  PetscCall(PetscMalloc2(n, &sc->t, n, &sc->v));
  PetscCall(PetscArraycpy(sc->t, t, n));
  PetscCall(PetscArraycpy(sc->v, q, n));
  sc->n      = n;
  sc->interp = interp;
  PetscFunctionReturn(0);
}

/*@C
  GWPackageRiverSetReachDiversion - diverts water from the downstream end of a routed reach into
  a reach of the same or another river or canal package, or out of the model

  Logically collective

  Input Parameters:
+ pkg - the river or canal package water is taken from
. reach - its reach
. target - the package receiving the water (pkg itself, a canal, another river), or NULL when
           the water leaves the model (an irrigation offtake); a target must be routed too
. target_reach - the receiving reach of target (after reach when target is pkg)
- rate - the rate asked for [m^3/s], >= 0

  Notes:
  The diversion takes min(rate, F) of the flow F at the end of the reach (SFR's UPTO priority;
  Langevin et al. 2017, USGS TM 6-A55, ch. 7), smoothed over flow_smoothing: a reach carrying
  less than the rate gives all it has and passes nothing further downstream. One diversion per
  reach. Both packages must be in the same model.

  Level: intermediate

.seealso: `GWPackageRiverSetReach()`, `GWPACKAGECANAL`
@*/
PetscErrorCode GWPackageRiverSetReachDiversion(GWPackage pkg, PetscInt reach, GWPackage target, PetscInt target_reach, PetscReal rate)
{
  GWRiver         *R;
  GWRiverDiversion dv;
  MPI_Comm         comm;

  PetscFunctionBegin;
  PetscCall(CheckRiver(pkg, "GWPackageRiverSetReachDiversion"));
  if (target) PetscCall(CheckRiver(target, "GWPackageRiverSetReachDiversion"));
  comm = PetscObjectComm((PetscObject)pkg);
  R    = (GWRiver *)pkg->data;
  PetscCheck(reach >= 0 && (!target || target_reach >= 0), comm, PETSC_ERR_ARG_OUTOFRANGE, "Package %s: reaches start at 0", ((PetscObject)pkg)->name);
  PetscCheck(target != pkg || target_reach > reach, comm, PETSC_ERR_ARG_OUTOFRANGE, "Package %s: a diversion from reach %" PetscInt_FMT " must enter a later reach, not %" PetscInt_FMT " (reaches are numbered downstream)", ((PetscObject)pkg)->name, reach, target_reach);
  PetscCheck(rate >= 0 && !PetscIsInfOrNanReal(rate), comm, PETSC_ERR_ARG_OUTOFRANGE, "Package %s: diversion rate %g m^3/s of reach %" PetscInt_FMT " must be finite and >= 0", ((PetscObject)pkg)->name, (double)rate, reach);
  for (PetscInt k = 0; k < R->ndivout; k++) PetscCheck(R->divout[k].sreach != reach, comm, PETSC_ERR_ARG_WRONGSTATE, "Package %s: reach %" PetscInt_FMT " already has a diversion; divert once per reach", ((PetscObject)pkg)->name, reach);
  dv.src    = pkg;
  dv.tgt    = target;
  dv.sreach = reach;
  dv.treach = target ? target_reach : -1;
  dv.rate   = rate;
  dv.rule   = GW_DIVERSION_UPTO;
  PetscCall(EnsureReaches(R, reach + 1));
  PetscCall(PetscRealloc(sizeof(GWRiverDiversion) * (R->ndivout + 1), &R->divout));
  R->divout[R->ndivout++] = dv;
  if (target) {
    GWRiver *T = (GWRiver *)target->data;
    PetscCall(EnsureReaches(T, target_reach + 1));
    PetscCall(PetscRealloc(sizeof(GWRiverDiversion) * (T->ndivin + 1), &T->divin));
    T->divin[T->ndivin++] = dv;
  }
  PetscFunctionReturn(0);
}

/*@C
  GWPackageRiverSetReachDiversionRule - sets how the diversion of a routed reach takes its water

  Logically collective

  Input Parameters:
+ pkg - the river or canal package the water is taken from
. reach - its reach, with a diversion (GWPackageRiverSetReachDiversion())
- rule - GW_DIVERSION_UPTO (the default: min(rate, F)), GW_DIVERSION_FRACTION (the share rate of
         F; rate must then be at most 1) or GW_DIVERSION_EXCESS (max(F - rate, 0))

  Notes:
  F is the flow at the end of the reach, after its leakage; the rules are MODFLOW 6 SFR's UPTO,
  FRACTION and EXCESS priorities (Langevin et al. 2017, USGS TM 6-A55, ch. 7), smoothed over
  flow_smoothing like the drying of a reach. The diversion never exceeds F.

  Errors:
  PETSC_ERR_ARG_WRONGSTATE when the reach has no diversion; PETSC_ERR_ARG_OUTOFRANGE for a
  fraction above 1.

  Level: intermediate

.seealso: `GWPackageRiverSetReachDiversion()`, `GWDiversionRule`
@*/
PetscErrorCode GWPackageRiverSetReachDiversionRule(GWPackage pkg, PetscInt reach, GWDiversionRule rule)
{
  GWRiver *R;
  PetscInt k = 0;

  PetscFunctionBegin;
  PetscCall(CheckRiver(pkg, "GWPackageRiverSetReachDiversionRule"));
  R = (GWRiver *)pkg->data;
  while (k < R->ndivout && R->divout[k].sreach != reach) k++;
  PetscCheck(k < R->ndivout, PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_WRONGSTATE, "Package %s: reach %" PetscInt_FMT " has no diversion; call GWPackageRiverSetReachDiversion() first", ((PetscObject)pkg)->name, reach);
  PetscCheck(rule != GW_DIVERSION_FRACTION || R->divout[k].rate <= 1, PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_OUTOFRANGE, "Package %s: the diversion of reach %" PetscInt_FMT " takes a fraction %g of the flow; give a share from 0 to 1", ((PetscObject)pkg)->name, reach, (double)R->divout[k].rate);
  PetscCheck(rule >= GW_DIVERSION_UPTO && rule <= GW_DIVERSION_EXCESS, PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_OUTOFRANGE, "Package %s: unknown diversion rule %d", ((PetscObject)pkg)->name, (int)rule);
  R->divout[k].rule = rule;
  if (R->divout[k].tgt) {
    GWRiver *T = (GWRiver *)R->divout[k].tgt->data;
    for (PetscInt j = 0; j < T->ndivin; j++)
      if (T->divin[j].src == pkg && T->divin[j].sreach == reach) T->divin[j].rule = rule;
  }
  PetscFunctionReturn(0);
}

/*@C
  GWPackageRiverAddSpring - routes the discharge of a drain package (springs) into a reach

  Logically collective

  Input Parameters:
+ pkg - a routed river or canal package
. drain - a package of type GWPACKAGEDRAIN in the same model, added to it before pkg or after
- reach - the reach its discharge enters

  Notes:
  The drain keeps taking its discharge out of the aquifer (its budget term drain_discharge); the
  same volume enters the reach's inflow in the same Newton iteration (budget term
  river_spring_inflow), so a spring-fed stream carries what the springs give.

  Level: intermediate

.seealso: `GWPACKAGEDRAIN`, `GWPackageRiverSetReach()`
@*/
PetscErrorCode GWPackageRiverAddSpring(GWPackage pkg, GWPackage drain, PetscInt reach)
{
  GWRiver  *R;
  PetscBool isdrain;

  PetscFunctionBegin;
  PetscCall(CheckRiver(pkg, "GWPackageRiverAddSpring"));
  PetscValidHeaderSpecific(drain, GWPACKAGE_CLASSID, 2);
  PetscCall(PetscObjectTypeCompare((PetscObject)drain, GWPACKAGEDRAIN, &isdrain));
  PetscCheck(isdrain, PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_WRONG, "Package %s: springs routed into a reach come from a drain package, not %s (%s)", ((PetscObject)pkg)->name, ((PetscObject)drain)->name, ((PetscObject)drain)->type_name);
  PetscCheck(reach >= 0, PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_OUTOFRANGE, "Package %s: reaches start at 0", ((PetscObject)pkg)->name);
  R = (GWRiver *)pkg->data;
  PetscCall(EnsureReaches(R, reach + 1));
  PetscCall(PetscRealloc(sizeof(GWPackage) * (R->nspring + 1), &R->spring));
  PetscCall(PetscRealloc(sizeof(PetscInt) * (R->nspring + 1), &R->springreach));
  R->spring[R->nspring]      = drain;
  R->springreach[R->nspring] = reach;
  R->nspring++;
  PetscFunctionReturn(0);
}

/*@C
  GWPackageRiverAddRunoff - routes the surface runoff of an atmosphere package into a reach

  Logically collective

  Input Parameters:
+ pkg - a routed river or canal package
. atmosphere - a package of type GWPACKAGEATMOSPHERE in the same model (its cells are the
               columns whose runoff the reach collects)
- reach - the reach the runoff enters

  Notes:
  The runoff of each surface face, R = max((P + I - E_pot) A - Q, 0) with Q the flux the ponded
  surface lets into the soil (GWPACKAGEATMOSPHERE; rain beyond what the soil takes at the
  ponding limit), enters the reach's inflow in the same Newton iteration:
.vb
    I_r = Q_ext,r + sum_u (F_u - D_u) + sum D + G_r + sum_faces R_f
.ve
  as MODFLOW 6 SFR's RUNOFF term (Langevin et al. 2017, USGS TM 6-A55, ch. 7), here computed by
  the atmosphere package instead of given. The atmosphere's budget term runoff keeps counting it
  (water leaving the soil side); the river's term river_runoff_inflow (canal_runoff_inflow)
  counts the same volume entering surface water. A package can send its runoff to one reach.

  Errors:
  PETSC_ERR_ARG_WRONG when atmosphere is not an atmosphere package.

  Level: intermediate

.seealso: `GWPACKAGEATMOSPHERE`, `GWPackageRiverAddSpring()`, `GWPackageRiverSetReach()`
@*/
PetscErrorCode GWPackageRiverAddRunoff(GWPackage pkg, GWPackage atmosphere, PetscInt reach)
{
  GWRiver  *R;
  PetscBool isatm;

  PetscFunctionBegin;
  PetscCall(CheckRiver(pkg, "GWPackageRiverAddRunoff"));
  PetscValidHeaderSpecific(atmosphere, GWPACKAGE_CLASSID, 2);
  PetscCall(PetscObjectTypeCompare((PetscObject)atmosphere, GWPACKAGEATMOSPHERE, &isatm));
  PetscCheck(isatm, PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_WRONG, "Package %s: runoff routed into a reach comes from an atmosphere package, not %s (%s)", ((PetscObject)pkg)->name, ((PetscObject)atmosphere)->name, ((PetscObject)atmosphere)->type_name);
  PetscCheck(reach >= 0, PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_OUTOFRANGE, "Package %s: reaches start at 0", ((PetscObject)pkg)->name);
  R = (GWRiver *)pkg->data;
  for (PetscInt s = 0; s < R->nrunoff; s++) PetscCheck(R->runoff[s] != atmosphere, PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_WRONGSTATE, "Package %s: the runoff of %s already enters reach %" PetscInt_FMT "; route it once", ((PetscObject)pkg)->name, ((PetscObject)atmosphere)->name, R->runoffreach[s]);
  PetscCall(EnsureReaches(R, reach + 1));
  PetscCall(PetscRealloc(sizeof(GWPackage) * (R->nrunoff + 1), &R->runoff));
  PetscCall(PetscRealloc(sizeof(PetscInt) * (R->nrunoff + 1), &R->runoffreach));
  R->runoff[R->nrunoff]      = atmosphere;
  R->runoffreach[R->nrunoff] = reach;
  R->nrunoff++;
  PetscFunctionReturn(0);
}

/* Checks the network against the cells and counts the conductance of each reach (collective). */
PetscErrorCode GWRiverSetUpNetwork_Private(GWPackage pkg, GWModel m)
{
  GWRiver    *R    = (GWRiver *)pkg->data;
  MPI_Comm    comm = PetscObjectComm((PetscObject)m);
  const char *name = ((PetscObject)pkg)->name;

  PetscFunctionBegin;
  if (!R->routed) {
    PetscCheck(!R->nspring && !R->nrunoff && !R->ndivout && !R->ndivin && !R->nreach, comm, PETSC_ERR_ARG_WRONGSTATE, "Package %s: springs, runoff, diversions and inflows need routed reaches; describe every reach with GWPackageRiverSetReach()", name);
    PetscFunctionReturn(0);
  }
  for (PetscInt r = 0; r < R->nreach; r++) PetscCheck(R->given[r], comm, PETSC_ERR_ARG_WRONGSTATE, "Package %s: reach %" PetscInt_FMT " is used (by a cell group, a diversion, a spring or an inflow) but not described: call GWPackageRiverSetReach() for every reach from 0 to %" PetscInt_FMT, name, r, R->nreach - 1);
  for (PetscInt c = 0; c < pkg->ncell; c++) {
    PetscInt g = pkg->group ? pkg->group[c] : 0;
    PetscCheck(g < R->nreach, comm, PETSC_ERR_ARG_OUTOFRANGE, "Package %s: cell %" PetscInt_FMT " is in reach %" PetscInt_FMT " but the package has %" PetscInt_FMT " reaches", name, c, g, R->nreach);
  }
  for (PetscInt s = 0; s < R->nspring; s++) {
    PetscBool in = PETSC_FALSE;
    for (PetscInt p = 0; p < m->npkg; p++) in = (PetscBool)(in || m->pkg[p] == R->spring[s]);
    PetscCheck(in, comm, PETSC_ERR_ARG_WRONGSTATE, "Package %s: its spring package %s is not in the model; add it with GWModelAddPackage()", name, ((PetscObject)R->spring[s])->name);
  }
  for (PetscInt s = 0; s < R->nrunoff; s++) {
    PetscBool in = PETSC_FALSE;
    for (PetscInt p = 0; p < m->npkg; p++) in = (PetscBool)(in || m->pkg[p] == R->runoff[s]);
    PetscCheck(in, comm, PETSC_ERR_ARG_WRONGSTATE, "Package %s: the atmosphere package %s whose runoff it routes is not in the model; add it with GWModelAddPackage()", name, ((PetscObject)R->runoff[s])->name);
  }
  for (PetscInt k = 0; k < R->ndivout; k++)
    if (R->divout[k].tgt) {
      PetscBool in = PETSC_FALSE;
      for (PetscInt p = 0; p < m->npkg; p++) in = (PetscBool)(in || m->pkg[p] == R->divout[k].tgt);
      PetscCheck(in && ((GWRiver *)R->divout[k].tgt->data)->routed, comm, PETSC_ERR_ARG_WRONGSTATE, "Package %s: the diversion from reach %" PetscInt_FMT " enters package %s, which is not a routed package of this model", name, R->divout[k].sreach, ((PetscObject)R->divout[k].tgt)->name);
    }
  PetscCall(PetscArrayzero(R->csum, R->nreach));
  PetscCall(PetscArrayzero(R->lsum, R->nreach));
  for (PetscInt e = 0; e < pkg->nentry; e++) {
    R->csum[R->reach[e]] += R->C[e];
    R->lsum[R->reach[e]] += R->len[e]; /* NaN when the length is not given */
  }
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, R->csum, R->nreach, MPIU_REAL, MPIU_SUM, comm));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, R->lsum, R->nreach, MPIU_REAL, MPIU_SUM, comm));
  for (PetscInt r = 0; r < R->nreach; r++) PetscCheck(!R->evap[r].n || !PetscIsNanReal(R->lsum[r]), comm, PETSC_ERR_ARG_WRONGSTATE, "Package %s: reach %" PetscInt_FMT " evaporates over its water surface, top width times channel length: give the length parameter of its cells [m]", name, r);
  for (PetscInt e = 0; e < pkg->nentry; e++) PetscCheck(R->csum[R->reach[e]] > 0, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "Package %s: the cells of reach %" PetscInt_FMT " have no conductance", name, R->reach[e]);
  PetscCall(GWPackageSetNumUnknowns(pkg, 3 * R->nreach));
  PetscFunctionReturn(0);
}

/* First guess of the reach unknowns: the inflows passed downstream with no leakage (reaches are
   numbered downstream, so one pass gives every inflow); the same on every rank. */
PetscErrorCode GWRiverInitialGuess_Private(GWPackage pkg, GWModel m, PetscScalar *u)
{
  GWRiver *R = (GWRiver *)pkg->data;

  PetscFunctionBegin;
  for (PetscInt r = 0; r < R->nreach; r++) PetscCall(GWScheduleValue_Private(&R->inflow[r], m->t, m->t, &u[3 * r + 2]));
  for (PetscInt r = 0; r < R->nreach; r++) {
    PetscReal D  = 0, dD;
    u[3 * r]     = u[3 * r + 2];
    u[3 * r + 1] = 0;
    for (PetscInt k = 0; k < R->ndivout; k++)
      if (R->divout[k].sreach == r) {
        GWRiverDiversionRate_Private(&R->divout[k], pkg->param[7], u[3 * r], &D, &dD);
        if (R->divout[k].tgt == pkg) u[3 * R->divout[k].treach + 2] += D;
      }
    if (R->down[r] >= 0) u[3 * R->down[r] + 2] += u[3 * r] - D;
  }
  PetscFunctionReturn(0);
}

PetscErrorCode GWRiverNextBreakpoint_Private(GWPackage pkg, PetscReal t, PetscReal *tb)
{
  GWRiver *R = (GWRiver *)pkg->data;

  PetscFunctionBegin;
  *tb = PETSC_MAX_REAL;
  for (PetscInt r = 0; r < R->nreach; r++)
    for (PetscInt s = 0; s < R->inflow[r].n; s++)
      if (R->inflow[r].t[s] > t * (1 + 1e-14) + 1e-14) {
        *tb = PetscMin(*tb, R->inflow[r].t[s]);
        break;
      }
  PetscFunctionReturn(0);
}

/*@C
  GWPackageRiverGetNumReaches - gets the number of routed reaches of a river or canal package

  Not collective

  Input Parameter:
. pkg - the package

  Output Parameter:
. n - number of reaches (0 when the stage is given instead of routed)

  Level: intermediate

.seealso: `GWPackageRiverSetReach()`, `GWPackageRiverGetReachFlows()`
@*/
PetscErrorCode GWPackageRiverGetNumReaches(GWPackage pkg, PetscInt *n)
{
  PetscBool match;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(pkg, GWPACKAGE_CLASSID, 1);
  PetscCall(PetscObjectTypeCompareAny((PetscObject)pkg, &match, GWPACKAGERIVER, GWPACKAGECANAL, ""));
  *n = match && ((GWRiver *)pkg->data)->routed ? ((GWRiver *)pkg->data)->nreach : 0;
  PetscFunctionReturn(0);
}

/*@C
  GWPackageRiverGetReachFlows - gets the flows of a routed reach at the last accepted step

  Not collective (the same on every rank)

  Input Parameters:
+ pkg - a routed river or canal package in a model that has taken a step
- reach - the reach

  Output Parameters (each may be NULL):
+ inflow - I, inflow from upstream, tributaries, diversions, springs and the hydrograph [m^3/s]
. outflow - F - D, flow passed downstream (or out at an outlet) [m^3/s]
. leakage - I - F - E, net leakage into the aquifer (negative: the reach gains) [m^3/s], E the
            open-water evaporation (GWPackageRiverGetReachEvaporation())
. diversion - D, the diversion taken at its end [m^3/s]
- depth - Manning's depth d(F) [m]

  Level: intermediate

.seealso: `GWPackageRiverSetReach()`
@*/
PetscErrorCode GWPackageRiverGetReachFlows(GWPackage pkg, PetscInt reach, PetscReal *inflow, PetscReal *outflow, PetscReal *leakage, PetscReal *diversion, PetscReal *depth)
{
  GWRiver  *R;
  PetscReal F, D = 0, dD, d, dd, E, dE;
  PetscBool match;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(pkg, GWPACKAGE_CLASSID, 1);
  PetscCall(PetscObjectTypeCompareAny((PetscObject)pkg, &match, GWPACKAGERIVER, GWPACKAGECANAL, ""));
  R = match ? (GWRiver *)pkg->data : NULL;
  PetscCheck(R && R->routed && pkg->setup && pkg->u, PETSC_COMM_SELF, PETSC_ERR_ARG_WRONGSTATE, "Package %s has no routed reaches set up", ((PetscObject)pkg)->name);
  PetscCheck(reach >= 0 && reach < R->nreach, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "Package %s has %" PetscInt_FMT " reaches, not reach %" PetscInt_FMT, ((PetscObject)pkg)->name, R->nreach, reach);
  F = pkg->u[3 * reach];
  for (PetscInt k = 0; k < R->ndivout; k++)
    if (R->divout[k].sreach == reach) GWRiverDiversionRate_Private(&R->divout[k], pkg->param[7], F, &D, &dD);
  GWRiverDepth_Private(R, reach, F, pkg->param[7], &d, &dd);
  PetscCall(GWRiverEvaporation_Private(R, reach, R->model, F, pkg->param[7], &E, &dE));
  if (inflow) *inflow = pkg->u[3 * reach + 2];
  if (outflow) *outflow = F - D;
  if (leakage) *leakage = pkg->u[3 * reach + 2] - F - E;
  if (diversion) *diversion = D;
  if (depth) *depth = d;
  PetscFunctionReturn(0);
}
