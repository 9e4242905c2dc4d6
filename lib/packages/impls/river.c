/* River and canal: leakage between a channel and the aquifer through a streambed that
   disconnects when the water table falls below it, with the stage given or, for routed reaches,
   computed from the reach flows solved in the same Newton iteration (lib/packages/impls/
   rivernetwork.c). */
#include <gw/private/surfacewaterimpl.h>

static const GWPackageSlot Params[] = {
    {"bed_elevation", "m", PETSC_NAN, "elevation of the top of the streambed (the channel bottom); required, constant or per cell"},
    {"bed_thickness", "m", 1.0, "thickness of the streambed; its bottom is where the river disconnects"},
    {"bed_conductivity", "m/s", PETSC_NAN, "vertical hydraulic conductivity of the streambed; with width and length gives the conductance K w l / b"},
    {"conductance", "m^2/s", PETSC_NAN, "streambed conductance of each cell; replaces bed_conductivity, width and length"},
    {"width", "m", PETSC_NAN, "channel width in each cell (for the conductance)"},
    {"length", "m", PETSC_NAN, "channel length in each cell (for the conductance)"},
    {"smoothing_depth", "m", 0.01, "head range above the bed bottom over which the leakage blends from disconnected to connected"},
    {"flow_smoothing", "m^3/s", 1e-6, "routed reaches: flow range over which a reach dries and a diversion reaches its limit, and floor of Manning's depth"},
    {"lining_factor", "-", 1.0, "canals: conductance multiplier of the lining (1 unlined, 0.01 for a lining passing 1%)"},
};
static const char *const RiverTerms[] = {"river_leakage", "river_gain", "river_inflow", "river_outflow", "river_diversion", "river_spring_inflow", "river_runoff_inflow", "river_evaporation"};
static const char *const CanalTerms[] = {"canal_seepage", "canal_gain", "canal_inflow", "canal_outflow", "canal_diversion", "canal_spring_inflow", "canal_runoff_inflow", "canal_evaporation"};

enum { P_BED,
       P_THICK,
       P_KBED,
       P_COND,
       P_WIDTH,
       P_LENGTH,
       P_SMOOTH,
       P_QSMOOTH,
       P_LINING };

/* Leakage of entry e into its cell at pressure head psi and stage s: l = C (s - M) with
   M = max(h, bed bottom) smoothed over smoothing_depth, and dl/dpsi. */
static inline void Leakage(GWPackage pkg, const GWRiver *R, PetscInt e, PetscReal psi, PetscReal stage, PetscReal *l, PetscReal *dl)
{
  PetscReal M, dM;

  GWSmoothMax_Private(psi + pkg->entry[e].zc, R->bot[e], GWPackageEntryParameter(pkg, P_SMOOTH, e), &M, &dM);
  *l  = R->C[e] * (stage - M);
  *dl = -R->C[e] * dM;
}

/* Local (ghosted) row or column of unknown u of package p in the Newton system. */
static PetscErrorCode UnknownIndex(GWModel m, GWPackage p, PetscInt u, PetscInt *idx)
{
  PetscInt gxm, gym, gzm;

  PetscFunctionBegin;
  PetscCall(DMDAGetGhostCorners(m->da, NULL, NULL, NULL, &gxm, &gym, &gzm));
  *idx = gxm * gym * gzm + p->uoffset + u;
  PetscFunctionReturn(0);
}

/* The rates of the springs (drain packages) feeding reaches, at this rank's drain entries, and
   their derivatives (the drain's own evaluation). */
static PetscErrorCode SpringRate(GWModel m, GWPackage d, const GWPackageState *st, PetscInt e, PetscReal *Q, PetscReal *dQ)
{
  const GWPackageEntry *en = &d->entry[e];
  GWPackageState        ds = {st->psi, NULL, d->vstep};

  PetscFunctionBegin;
  PetscCall(d->ops->evaluate(d, m, en, GWPackageEntryValue(d, &ds, e), st->psi[en->k][en->j][en->i], Q, dQ));
  PetscFunctionReturn(0);
}

static PetscErrorCode GWPackageResidual_River(GWPackage pkg, GWModel m, const GWPackageState *st, PetscReal *Q, PetscScalar *r)
{
  GWRiver    *R  = (GWRiver *)pkg->data;
  PetscReal   qs = pkg->param[P_QSMOOTH];
  PetscMPIInt rank;

  PetscFunctionBegin;
  for (PetscInt e = 0; e < pkg->nentry; e++) {
    const GWPackageEntry *en = &pkg->entry[e];
    PetscReal             l, dl, stage;
    if (R->routed) {
      PetscInt  rr = R->reach[e];
      PetscReal d, dd, F = st->u[3 * rr], L = st->u[3 * rr + 1], In = st->u[3 * rr + 2], E, dE;
      GWRiverDepth_Private(R, rr, F, qs, &d, &dd);
      PetscCall(GWRiverEvaporation_Private(R, rr, m, F, qs, &E, &dE));
      stage = R->bed[e] + d;
      Leakage(pkg, R, e, st->psi[en->k][en->j][en->i], stage, &l, &dl);
      /* the cells share the reach's leakage deficit I - L - E - F (a drying reach leaks only its
         inflow) in proportion to their conductance, so sum_c Q_c = I - E - F exactly */
      Q[e] = l + R->C[e] / R->csum[rr] * (In - L - E - F);
      if (r) r[3 * rr + 1] -= l;
    } else {
      stage = GWPackageEntryValue(pkg, st, e);
      Leakage(pkg, R, e, st->psi[en->k][en->j][en->i], stage, &l, &dl);
      Q[e] = l;
    }
  }
  if (!R->routed || !r) PetscFunctionReturn(0);
  for (PetscInt s = 0; s < R->nspring; s++) {
    GWPackage d = R->spring[s];
    PetscCall(GWPackageStepValues_Private(d, m->step_t0, m->step_t1));
    for (PetscInt e = 0; e < d->nentry; e++) {
      PetscReal Qd, dQd;
      PetscCall(SpringRate(m, d, st, e, &Qd, &dQd));
      r[3 * R->springreach[s] + 2] += Qd; /* the drain's outflow Qd < 0 enters the reach */
    }
  }
  for (PetscInt s = 0; s < R->nrunoff; s++) {
    GWPackage a = R->runoff[s];
    for (PetscInt e = 0; e < a->nentry; e++) {
      const GWPackageEntry *en = &a->entry[e];
      PetscReal             Ro, dRo;
      PetscCall(GWAtmosphereRunoff_Private(a, m, e, st->psi[en->k][en->j][en->i], &Ro, &dRo));
      r[3 * R->runoffreach[s] + 2] -= Ro;
    }
  }
  PetscCallMPI(MPI_Comm_rank(PetscObjectComm((PetscObject)m), &rank));
  if (rank) PetscFunctionReturn(0);
  for (PetscInt rr = 0; rr < R->nreach; rr++) {
    PetscReal F = st->u[3 * rr], L = st->u[3 * rr + 1], In = st->u[3 * rr + 2], ramp, dramp, qin, E, dE;
    PetscCall(GWRiverEvaporation_Private(R, rr, m, F, qs, &E, &dE));
    GWSmoothRamp_Private(In - L - E, qs, &ramp, &dramp);
    r[3 * rr] += F - ramp; /* F = max(I - L - E, 0): a reach that runs dry passes nothing */
    r[3 * rr + 1] += L;
    PetscCall(GWScheduleValue_Private(&R->inflow[rr], m->step_t0, m->step_t1, &qin));
    r[3 * rr + 2] += In - qin;
  }
  for (PetscInt u = 0; u < R->nreach; u++) { /* what leaves each reach downstream, after its diversion */
    PetscReal F = st->u[3 * u], D = 0, dD;
    for (PetscInt k = 0; k < R->ndivout; k++)
      if (R->divout[k].sreach == u) GWRiverDiversionRate_Private(&R->divout[k], pkg->param[P_QSMOOTH], F, &D, &dD);
    if (R->down[u] >= 0) r[3 * R->down[u] + 2] -= F - D;
  }
  for (PetscInt k = 0; k < R->ndivin; k++) { /* diversions into this package's reaches */
    const GWRiverDiversion *dv  = &R->divin[k];
    const PetscScalar      *usr = st->u - pkg->uoffset + dv->src->uoffset; /* the source's unknowns in the same iterate */
    PetscReal               D, dD;
    GWRiverDiversionRate_Private(dv, dv->src->param[P_QSMOOTH], usr[3 * dv->sreach], &D, &dD);
    r[3 * dv->treach + 2] -= D;
  }
  PetscFunctionReturn(0);
}

static PetscErrorCode GWPackageJacobian_River(GWPackage pkg, GWModel m, const GWPackageState *st, Mat J)
{
  GWRiver    *R  = (GWRiver *)pkg->data;
  PetscReal   qs = pkg->param[P_QSMOOTH];
  PetscMPIInt rank;

  PetscFunctionBegin;
  for (PetscInt e = 0; e < pkg->nentry; e++) {
    const GWPackageEntry *en = &pkg->entry[e];
    PetscReal             l, dl;
    if (R->routed) {
      PetscInt  rr = R->reach[e];
      PetscReal d, dd, F = st->u[3 * rr], a = R->C[e] / R->csum[rr], E, dE;
      GWRiverDepth_Private(R, rr, F, qs, &d, &dd);
      PetscCall(GWRiverEvaporation_Private(R, rr, m, F, qs, &E, &dE));
      Leakage(pkg, R, e, st->psi[en->k][en->j][en->i], R->bed[e] + d, &l, &dl);
      PetscCall(GWPackageAddRateDerivative(pkg, m, J, e, en->i, en->j, en->k, dl));
      PetscCall(GWPackageAddRateUnknownDerivative(pkg, m, J, e, 3 * rr, R->C[e] * dd - a * (1 + dE)));
      PetscCall(GWPackageAddRateUnknownDerivative(pkg, m, J, e, 3 * rr + 1, -a));
      PetscCall(GWPackageAddRateUnknownDerivative(pkg, m, J, e, 3 * rr + 2, a));
      PetscCall(GWPackageAddUnknownDerivative(pkg, m, J, 3 * rr + 1, en->i, en->j, en->k, -dl));
      PetscCall(GWPackageAddUnknownUnknownDerivative(pkg, m, J, 3 * rr + 1, 3 * rr, -R->C[e] * dd));
    } else {
      Leakage(pkg, R, e, st->psi[en->k][en->j][en->i], GWPackageEntryValue(pkg, st, e), &l, &dl);
      PetscCall(GWPackageAddRateDerivative(pkg, m, J, e, en->i, en->j, en->k, dl));
    }
  }
  if (!R->routed) PetscFunctionReturn(0);
  for (PetscInt s = 0; s < R->nspring; s++) {
    GWPackage d = R->spring[s];
    PetscCall(GWPackageStepValues_Private(d, m->step_t0, m->step_t1));
    for (PetscInt e = 0; e < d->nentry; e++) {
      const GWPackageEntry *en = &d->entry[e];
      PetscReal             Qd, dQd;
      PetscCall(SpringRate(m, d, st, e, &Qd, &dQd));
      PetscCall(GWPackageAddUnknownDerivative(pkg, m, J, 3 * R->springreach[s] + 2, en->i, en->j, en->k, dQd));
    }
  }
  for (PetscInt s = 0; s < R->nrunoff; s++) {
    GWPackage a = R->runoff[s];
    for (PetscInt e = 0; e < a->nentry; e++) {
      const GWPackageEntry *en = &a->entry[e];
      PetscReal             Ro, dRo;
      PetscCall(GWAtmosphereRunoff_Private(a, m, e, st->psi[en->k][en->j][en->i], &Ro, &dRo));
      PetscCall(GWPackageAddUnknownDerivative(pkg, m, J, 3 * R->runoffreach[s] + 2, en->i, en->j, en->k, -dRo));
    }
  }
  PetscCallMPI(MPI_Comm_rank(PetscObjectComm((PetscObject)m), &rank));
  if (rank) PetscFunctionReturn(0);
  for (PetscInt rr = 0; rr < R->nreach; rr++) {
    PetscReal L = st->u[3 * rr + 1], In = st->u[3 * rr + 2], ramp, dramp, E, dE;
    PetscCall(GWRiverEvaporation_Private(R, rr, m, st->u[3 * rr], qs, &E, &dE));
    GWSmoothRamp_Private(In - L - E, qs, &ramp, &dramp);
    PetscCall(GWPackageAddUnknownUnknownDerivative(pkg, m, J, 3 * rr, 3 * rr, 1.0 + dramp * dE));
    PetscCall(GWPackageAddUnknownUnknownDerivative(pkg, m, J, 3 * rr, 3 * rr + 1, dramp));
    PetscCall(GWPackageAddUnknownUnknownDerivative(pkg, m, J, 3 * rr, 3 * rr + 2, -dramp));
    PetscCall(GWPackageAddUnknownUnknownDerivative(pkg, m, J, 3 * rr + 1, 3 * rr + 1, 1.0));
    PetscCall(GWPackageAddUnknownUnknownDerivative(pkg, m, J, 3 * rr + 2, 3 * rr + 2, 1.0));
  }
  for (PetscInt u = 0; u < R->nreach; u++) {
    PetscReal D = 0, dD = 0;
    for (PetscInt k = 0; k < R->ndivout; k++)
      if (R->divout[k].sreach == u) GWRiverDiversionRate_Private(&R->divout[k], qs, st->u[3 * u], &D, &dD);
    if (R->down[u] >= 0) PetscCall(GWPackageAddUnknownUnknownDerivative(pkg, m, J, 3 * R->down[u] + 2, 3 * u, -(1.0 - dD)));
  }
  for (PetscInt k = 0; k < R->ndivin; k++) {
    const GWRiverDiversion *dv  = &R->divin[k];
    const PetscScalar      *usr = st->u - pkg->uoffset + dv->src->uoffset;
    PetscReal               D, dD;
    PetscInt                row, col;
    PetscScalar             v;
    GWRiverDiversionRate_Private(dv, dv->src->param[P_QSMOOTH], usr[3 * dv->sreach], &D, &dD);
    PetscCall(UnknownIndex(m, pkg, 3 * dv->treach + 2, &row));
    PetscCall(UnknownIndex(m, dv->src, 3 * dv->sreach, &col));
    v = -dD;
    PetscCall(MatSetValuesLocal(J, 1, &row, 1, &col, &v, ADD_VALUES));
  }
  PetscFunctionReturn(0);
}

/* Budget terms: leakage into and gain from the aquifer by the zone of each cell; for routed
   reaches (rank 0, zone 0) the external inflow, the outflow at outlets, the diversions out of
   the package, and the spring discharge routed in (by the zone of the drain cells). */
static PetscErrorCode GWPackageTerms_River(GWPackage pkg, GWModel m, PetscReal dt, PetscReal *vals)
{
  GWRiver    *R  = (GWRiver *)pkg->data;
  PetscInt    nt = pkg->nterm;
  PetscMPIInt rank;

  PetscFunctionBegin;
  for (PetscInt e = 0; e < pkg->nentry; e++) {
    PetscReal *v = vals + nt * pkg->entry[e].mat;
    if (pkg->Q[e] > 0)
      v[0] += pkg->Q[e] * dt;
    else
      v[1] -= pkg->Q[e] * dt;
  }
  if (!R->routed) PetscFunctionReturn(0);
  for (PetscInt s = 0; s < R->nspring; s++)
    for (PetscInt e = 0; e < R->spring[s]->nentry; e++) vals[nt * R->spring[s]->entry[e].mat + 5] -= R->spring[s]->Q[e] * dt;
  if (R->nrunoff) { /* by the zone of the surface cells; m->psi_local holds the accepted state */
    PetscScalar ***x;
    PetscCall(DMDAVecGetArrayRead(m->da, m->psi_local, &x));
    for (PetscInt s = 0; s < R->nrunoff; s++)
      for (PetscInt e = 0; e < R->runoff[s]->nentry; e++) {
        const GWPackageEntry *en = &R->runoff[s]->entry[e];
        PetscReal             Ro, dRo;
        PetscCall(GWAtmosphereRunoff_Private(R->runoff[s], m, e, x[en->k][en->j][en->i], &Ro, &dRo));
        vals[nt * en->mat + 6] += Ro * dt;
      }
    PetscCall(DMDAVecRestoreArrayRead(m->da, m->psi_local, &x));
  }
  PetscCallMPI(MPI_Comm_rank(PetscObjectComm((PetscObject)m), &rank));
  if (rank) PetscFunctionReturn(0);
  for (PetscInt rr = 0; rr < R->nreach; rr++) {
    PetscReal qin, F = pkg->u[3 * rr], D = 0, dD, E, dE;
    PetscCall(GWScheduleValue_Private(&R->inflow[rr], m->step_t0, m->step_t1, &qin));
    PetscCall(GWRiverEvaporation_Private(R, rr, m, F, pkg->param[P_QSMOOTH], &E, &dE));
    vals[2] += qin * dt;
    vals[7] += E * dt;
    for (PetscInt k = 0; k < R->ndivout; k++)
      if (R->divout[k].sreach == rr) {
        GWRiverDiversionRate_Private(&R->divout[k], pkg->param[P_QSMOOTH], F, &D, &dD);
        if (R->divout[k].tgt != pkg) vals[4] += D * dt;
      }
    if (R->down[rr] < 0) vals[3] += (F - D) * dt;
  }
  PetscFunctionReturn(0);
}

static PetscErrorCode GWPackageSetUp_River(GWPackage pkg, GWModel m)
{
  GWRiver    *R = (GWRiver *)pkg->data;
  const char *name;

  PetscFunctionBegin;
  PetscCall(PetscObjectGetName((PetscObject)pkg, &name));
  PetscCall(PetscFree5(R->reach, R->C, R->bed, R->bot, R->len));
  PetscCall(PetscMalloc5(PetscMax(pkg->nentry, 1), &R->reach, PetscMax(pkg->nentry, 1), &R->C, PetscMax(pkg->nentry, 1), &R->bed, PetscMax(pkg->nentry, 1), &R->bot, PetscMax(pkg->nentry, 1), &R->len));
  for (PetscInt e = 0; e < pkg->nentry; e++) {
    const GWPackageEntry *en  = &pkg->entry[e];
    PetscReal             bed = GWPackageEntryParameter(pkg, P_BED, e), b = GWPackageEntryParameter(pkg, P_THICK, e), C = GWPackageEntryParameter(pkg, P_COND, e);
    PetscReal             K = GWPackageEntryParameter(pkg, P_KBED, e), w = GWPackageEntryParameter(pkg, P_WIDTH, e), len = GWPackageEntryParameter(pkg, P_LENGTH, e);
    PetscReal             lining = R->canal ? GWPackageEntryParameter(pkg, P_LINING, e) : 1.0;

    PetscCheck(!PetscIsNanReal(bed), PETSC_COMM_SELF, PETSC_ERR_ARG_WRONGSTATE, "%s package %s: no bed_elevation; give the elevation of the streambed top [m], constant or one per cell", R->canal ? "Canal" : "River", name);
    PetscCheck(b > 0, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "%s package %s: bed_thickness %g m of cell (%" PetscInt_FMT ", %" PetscInt_FMT ", %" PetscInt_FMT ") must be positive", R->canal ? "Canal" : "River", name, (double)b, en->i, en->j, en->k);
    if (PetscIsNanReal(C)) {
      PetscCheck(!PetscIsNanReal(K) && !PetscIsNanReal(w) && !PetscIsNanReal(len), PETSC_COMM_SELF, PETSC_ERR_ARG_WRONGSTATE, "%s package %s: give either conductance [m^2/s] or bed_conductivity [m/s], width [m] and length [m] (the conductance is K w l / bed_thickness)", R->canal ? "Canal" : "River", name);
      C = K * w * len / b;
    }
    PetscCheck(C >= 0 && lining >= 0, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "%s package %s: the conductance (%g m^2/s) and lining_factor (%g) of cell (%" PetscInt_FMT ", %" PetscInt_FMT ", %" PetscInt_FMT ") must not be negative", R->canal ? "Canal" : "River", name, (double)C, (double)lining, en->i, en->j, en->k);
    PetscCheck(GWPackageEntryParameter(pkg, P_SMOOTH, e) >= 0, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "%s package %s: smoothing_depth must not be negative", R->canal ? "Canal" : "River", name);
    R->C[e]     = C * lining;
    R->bed[e]   = bed;
    R->bot[e]   = bed - b;
    R->reach[e] = pkg->group ? pkg->group[pkg->cellof[e]] : 0;
    R->len[e]   = len;
  }
  R->model = m;
  PetscCall(GWRiverSetUpNetwork_Private(pkg, m));
  PetscFunctionReturn(0);
}

static PetscErrorCode GWPackageDestroy_River(GWPackage pkg)
{
  GWRiver *R = (GWRiver *)pkg->data;

  PetscFunctionBegin;
  if (!R) PetscFunctionReturn(0);
  PetscCall(PetscFree5(R->reach, R->C, R->bed, R->bot, R->len));
  PetscCall(GWRiverDestroyNetwork_Private(R));
  PetscCall(PetscFree(pkg->data));
  PetscFunctionReturn(0);
}

static PetscErrorCode CreateRiver(GWPackage pkg, PetscBool canal)
{
  GWRiver *R;

  PetscFunctionBegin;
  PetscCall(PetscNew(&R));
  R->canal                 = canal;
  pkg->data                = R;
  pkg->ops->setup          = GWPackageSetUp_River;
  pkg->ops->residual       = GWPackageResidual_River;
  pkg->ops->jacobian       = GWPackageJacobian_River;
  pkg->ops->terms          = GWPackageTerms_River;
  pkg->ops->destroy        = GWPackageDestroy_River;
  pkg->ops->initialguess   = GWRiverInitialGuess_Private;
  pkg->ops->nextbreakpoint = GWRiverNextBreakpoint_Private;
  pkg->needs_value         = PETSC_TRUE;
  pkg->value_unit          = "m";
  PetscCall(GWPackageDeclare_Private(pkg, 0, NULL, canal ? 9 : 8, Params, 0, NULL, 8, canal ? CanalTerms : RiverTerms));
  PetscFunctionReturn(0);
}

/*MC
  GWPACKAGERIVER - "river": leakage between a river and the aquifer through its streambed, with
  the stage given (a value or series per cell or per reach) or computed by routing the reach
  flows (GWPackageRiverSetReach())

  Parameters (constant or per cell): bed_elevation z_bed [m] (required), bed_thickness b [m] (1),
  conductance C [m^2/s], or bed_conductivity K_b [m/s], width w [m] and length l [m] giving
  C = K_b w l / b; smoothing_depth [m] (0.01); flow_smoothing [m^3/s] (1e-6).

  Rate into the cell (Harbaugh 2005, USGS TM 6-A16, eq. 8-5 to 8-7; MODFLOW RIV):
  Q = C (stage - max(h, z_bot)), z_bot = z_bed - b, h = psi + z_c the cell's hydraulic head,
  with max smoothed over smoothing_depth above the bed bottom (GWSmoothRamp_Private(): exact
  below the bed bottom and from smoothing_depth above it). Below the bed the river is
  disconnected and loses C (stage - z_bot) whatever the head. Negative Q is groundwater
  discharge into the river (gain).

  Routed reaches: see GWPackageRiverSetReach() for the flow equations (Manning's equation for a
  wide rectangular channel, reach continuity with tributaries, diversions and springs, a reach
  that dries passes nothing and leaks only its inflow).

  Budget terms [m^3]: river_leakage (river to aquifer), river_gain (aquifer to river),
  river_inflow (external inflow of routed reaches), river_outflow (at outlets), river_diversion
  (out of the package), river_spring_inflow (drain discharge routed into reaches),
  river_runoff_inflow (atmosphere runoff routed into reaches, GWPackageRiverAddRunoff()),
  river_evaporation (open-water evaporation of reaches, GWPackageRiverSetReachEvaporation()).

  Level: beginner

.seealso: `GWPackageRiverSetReach()`, `GWPACKAGECANAL`, `GWPACKAGEDRAIN`
M*/
PetscErrorCode GWPackageCreate_River(GWPackage pkg)
{
  PetscFunctionBegin;
  PetscCall(CreateRiver(pkg, PETSC_FALSE));
  PetscFunctionReturn(0);
}

/*MC
  GWPACKAGECANAL - "canal": a river package for canals. The same equations and routing as
  GWPACKAGERIVER, with parameter lining_factor [-] (1) multiplying the conductance of a lined
  bed, and seepage budgeted apart from river leakage: terms canal_seepage, canal_gain,
  canal_inflow (prescribed inflow at its head), canal_outflow, canal_diversion,
  canal_spring_inflow, canal_runoff_inflow and canal_evaporation. A canal fed by a river takes a diversion of the river's reach:
  GWPackageRiverSetReachDiversion(river, reach, canal, 0, rate).

  Level: beginner

.seealso: `GWPACKAGERIVER`, `GWPackageRiverSetReachDiversion()`
M*/
PetscErrorCode GWPackageCreate_Canal(GWPackage pkg)
{
  PetscFunctionBegin;
  PetscCall(CreateRiver(pkg, PETSC_TRUE));
  PetscFunctionReturn(0);
}
