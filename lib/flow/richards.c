/* Mixed-form Richards equation: cell-centred finite-volume residual, analytic Jacobian, and the
   Newton acceptance test on mass balance.

   For cell c with volume V, over a step t^n -> t^{n+1} = t^n + dt (backward Euler), Celia et al.
   (1990, Water Resour. Res. 26(7), eq. 7) with the specific-storage term of the design notes:

     F_c = [ V (theta(psi) - theta(psi^n) + Ss Sw(psi) (psi - psi^n)) / dt
             - sum_faces Q_f - sum_packages Q_p ] / V                                [1/s]

   Q_f = T_f kr_f (H_n - H_c) is the two-point Darcy flux into c across face f [m^3/s], with
   H = psi + z, T_f = A / (d_c/K_c + d_n/K_n) (harmonic Ks weighted by distance) and kr_f upstream
   (or arithmetic); with gravity off (GWModelSetGravity()) H = psi. Dividing by V makes the residual a rate per unit volume, so tolerances mean the
   same on any grid. */
#include <gw/private/modelimpl.h>

typedef struct {
  PetscInt xs, ys, zs, xm, ym, zm;       /* owned corners */
  PetscInt gxs, gys, gzs, gxm, gym, gzm; /* ghosted corners */
} Box;

static inline PetscInt GhostIndex(const Box *b, PetscInt i, PetscInt j, PetscInt k)
{
  return (i - b->gxs) + b->gxm * ((j - b->gys) + b->gym * (k - b->gzs));
}

static PetscErrorCode GetBox(DM da, Box *b)
{
  PetscFunctionBegin;
  PetscCall(DMDAGetCorners(da, &b->xs, &b->ys, &b->zs, &b->xm, &b->ym, &b->zm));
  PetscCall(DMDAGetGhostCorners(da, &b->gxs, &b->gys, &b->gzs, &b->gxm, &b->gym, &b->gzm));
  PetscFunctionReturn(0);
}

/* Se, dSe, kr, dkr at every ghosted cell for the current iterate (corner ghosts of the star
   stencil are never read, but are evaluated harmlessly). */
static PetscErrorCode EvaluateConstitutive(GWModel m, const Box *b, PetscScalar ***x, PetscScalar ****g)
{
  PetscFunctionBegin;
  for (PetscInt k = b->gzs; k < b->gzs + b->gzm; k++)
    for (PetscInt j = b->gys; j < b->gys + b->gym; j++)
      for (PetscInt i = b->gxs; i < b->gxs + b->gxm; i++) {
        PetscReal *c   = &m->cons[4 * GhostIndex(b, i, j, k)];
        GWMaterial mat = m->mat[(PetscInt)g[k][j][i][GW_GEO_MAT]];
        PetscCall(mat->ops->evaluate(mat, x[k][j][i], &c[0], &c[1], &c[2], &c[3]));
      }
  PetscFunctionReturn(0);
}

/* The arrays every cell loop reads: the iterate (ghosted), the geometry, the state at the start of
   the step, with the constitutive values of the iterate evaluated. */
typedef struct {
  Box            b;
  PetscScalar ***x, ****g, ***xo, ***tho;
} State;

static PetscErrorCode StateGet(GWModel m, Vec X, State *st)
{
  PetscFunctionBegin;
  PetscCall(GetBox(m->da, &st->b));
  PetscCall(DMGlobalToLocal(m->da, X, INSERT_VALUES, m->psi_local));
  PetscCall(DMDAVecGetArrayRead(m->da, m->psi_local, &st->x));
  PetscCall(DMDAVecGetArrayDOFRead(m->dageo, m->geo, &st->g));
  PetscCall(DMDAVecGetArrayRead(m->da, m->psi_old, &st->xo));
  PetscCall(DMDAVecGetArrayRead(m->da, m->theta_old, &st->tho));
  PetscCall(EvaluateConstitutive(m, &st->b, st->x, st->g));
  PetscFunctionReturn(0);
}

static PetscErrorCode StateRestore(GWModel m, State *st)
{
  PetscFunctionBegin;
  PetscCall(DMDAVecRestoreArrayRead(m->da, m->theta_old, &st->tho));
  PetscCall(DMDAVecRestoreArrayRead(m->da, m->psi_old, &st->xo));
  PetscCall(DMDAVecRestoreArrayDOFRead(m->dageo, m->geo, &st->g));
  PetscCall(DMDAVecRestoreArrayRead(m->da, m->psi_local, &st->x));
  PetscFunctionReturn(0);
}

/* Darcy flux into cell c from neighbour n across their shared face, and its derivatives. */
static inline PetscErrorCode FaceFlux(GWModel m, const Box *b, PetscScalar ***x, PetscScalar ****g, PetscInt i, PetscInt j, PetscInt k, PetscInt f, PetscReal *Q, PetscReal *dQc, PetscReal *dQn, PetscReal *noise)
{
  PetscInt         in = i + GWNeighbours_Private[f][0], jn = j + GWNeighbours_Private[f][1], kn = k + GWNeighbours_Private[f][2], dir = GWNeighbours_Private[f][3];
  const PetscReal *cc = &m->cons[4 * GhostIndex(b, i, j, k)], *cn = &m->cons[4 * GhostIndex(b, in, jn, kn)];
  PetscScalar     *gc = g[k][j][i], *gn = g[kn][jn][in];
  GWMaterial       mc = m->mat[(PetscInt)gc[GW_GEO_MAT]], mn = m->mat[(PetscInt)gn[GW_GEO_MAT]];
  PetscReal        A, dc, dn, T, Hc, Hn, kr, dkrc, dkrn;

  PetscFunctionBegin;
  GWFaceGeometry_Private(gc, gn, dir, &A, &dc, &dn);
  T  = GWFaceConductance_Private(A, dc, mc->K[dir], dn, mn->K[dir]);
  Hc = x[k][j][i] + m->gravity * gc[GW_GEO_ZC];
  Hn = x[kn][jn][in] + m->gravity * gn[GW_GEO_ZC];
  PetscCall(GWFaceRelPermEvaluate_Private(m->krweight, mc, x[k][j][i], cc[2], cc[3], Hc, mn, x[kn][jn][in], cn[2], cn[3], Hn, &kr, &dkrc, &dkrn));
  *Q   = T * kr * (Hn - Hc);
  *dQc = T * dkrc * (Hn - Hc) - T * kr;
  *dQn = T * dkrn * (Hn - Hc) + T * kr;
  if (noise) *noise = T * kr * (PetscAbsReal(Hc) + PetscAbsReal(Hn)); /* scale of its round-off */
  PetscFunctionReturn(0);
}

static inline PetscBool InDomain(GWModel m, PetscInt i, PetscInt j, PetscInt k)
{
  return (PetscBool)(i >= 0 && i < m->nx && j >= 0 && j < m->ny && k >= 0 && k < m->nz);
}

/* Storage per unit volume over the step, S = theta - theta^n + Ss Sw (psi - psi^n), and dS/dpsi. */
static inline void Storage(GWMaterial mat, PetscReal psi, PetscReal psio, PetscReal thetao, const PetscReal *c, PetscReal *S, PetscReal *dS)
{
  PetscReal dth   = mat->theta_s - mat->theta_r;
  PetscReal theta = mat->theta_r + dth * c[0], dtheta = dth * c[1];
  PetscReal Sw = theta / mat->theta_s, dSw = dtheta / mat->theta_s;

  *S  = theta - thetao + mat->Ss * Sw * (psi - psio);
  *dS = dtheta + mat->Ss * (dSw * (psi - psio) + Sw);
}

/* Residual of the Newton system: F_c [1/s] of every cell (above), and the package unknowns'
   residuals [m^3/s] (each rank's shares summed onto the unknowns' owner). */
static PetscErrorCode FormResidual(SNES snes, Vec X, Vec F, void *ctx)
{
  GWModel            m = (GWModel)ctx;
  State              st;
  PetscScalar     ***f, *r = NULL;
  const PetscScalar *u  = NULL;
  PetscReal          dt = m->step_t1 - m->step_t0, flow = 0.0, face = 0.0, store = 0.0;
  PetscBool          bad = PETSC_FALSE;
  Vec                Xc, Xu, Fc, Fu;

  PetscFunctionBegin;
  PetscCall(PetscLogEventBegin(GW_Residual, snes, X, F, 0));
  PetscCall(GWModelGetSystemAccess_Private(m, X, &Xc, &Xu));
  PetscCall(GWModelGetSystemAccess_Private(m, F, &Fc, &Fu));
  PetscCall(StateGet(m, Xc, &st));
  PetscCall(DMDAVecGetArray(m->da, Fc, &f));
  for (PetscInt k = st.b.zs; k < st.b.zs + st.b.zm; k++)
    for (PetscInt j = st.b.ys; j < st.b.ys + st.b.ym; j++)
      for (PetscInt i = st.b.xs; i < st.b.xs + st.b.xm; i++) {
        PetscScalar *gc  = st.g[k][j][i];
        GWMaterial   mat = m->mat[(PetscInt)gc[GW_GEO_MAT]];
        PetscReal    V = gc[GW_GEO_DX] * gc[GW_GEO_DY] * gc[GW_GEO_THICK], S, dS, acc, sumQ = 0.0;

        if (PetscIsInfOrNanReal(st.x[k][j][i])) bad = PETSC_TRUE;
        Storage(mat, st.x[k][j][i], st.xo[k][j][i], st.tho[k][j][i], &m->cons[4 * GhostIndex(&st.b, i, j, k)], &S, &dS);
        acc = V * S / dt;
        flow += PetscAbsReal(acc);
        /* round-off scale of the storage term: theta where it varies (Se < 1); psi - psi^n is exact
           when the two are close (Sterbenz), so the specific-storage term adds none */
        if (m->cons[4 * GhostIndex(&st.b, i, j, k)] < 1.0) store += V * st.tho[k][j][i] / dt;
        for (PetscInt n = 0; n < 6; n++) {
          PetscReal Q, dQc, dQn, noise;
          if (!InDomain(m, i + GWNeighbours_Private[n][0], j + GWNeighbours_Private[n][1], k + GWNeighbours_Private[n][2])) continue;
          PetscCall(FaceFlux(m, &st.b, st.x, st.g, i, j, k, n, &Q, &dQc, &dQn, &noise));
          sumQ += Q;
          face += noise;
        }
        f[k][j][i] = (acc - sumQ) / V;
      }
  if (Xu) {
    PetscCall(DMGlobalToLocal(m->dau, Xu, INSERT_VALUES, m->u_local));
    PetscCall(VecGetArrayRead(m->u_local, &u));
    PetscCall(VecSet(m->r_local, 0.0));
    PetscCall(VecGetArray(m->r_local, &r));
  }
  PetscCall(GWModelEvaluatePackages_Private(m, m->psi_local, Xu ? u : NULL, r));
  for (PetscInt p = 0; p < m->npkg; p++) {
    GWPackage pkg = m->pkg[p];
    for (PetscInt e = 0; e < pkg->nentry; e++) {
      const GWPackageEntry *en = &pkg->entry[e];
      PetscScalar          *gc = st.g[en->k][en->j][en->i];
      f[en->k][en->j][en->i] -= pkg->Q[e] / (gc[GW_GEO_DX] * gc[GW_GEO_DY] * gc[GW_GEO_THICK]);
      flow += PetscAbsReal(pkg->Q[e]);
    }
  }
  if (Xu) {
    PetscCall(VecRestoreArray(m->r_local, &r));
    PetscCall(VecRestoreArrayRead(m->u_local, &u));
    PetscCall(VecSet(Fu, 0.0));
    PetscCall(DMLocalToGlobal(m->dau, m->r_local, ADD_VALUES, Fu));
  }
  PetscCall(DMDAVecRestoreArray(m->da, Fc, &f));
  PetscCall(StateRestore(m, &st));
  PetscCall(GWModelRestoreSystemAccess_Private(m, F, &Fc, &Fu));
  PetscCall(GWModelRestoreSystemAccess_Private(m, X, &Xc, &Xu));
  m->flow_scale = flow;
  m->face_scale = face + store;
  if (bad) PetscCall(SNESSetFunctionDomainError(snes));
  PetscCall(PetscLogEventEnd(GW_Residual, snes, X, F, 0));
  PetscFunctionReturn(0);
}

static PetscErrorCode FormJacobian(SNES snes, Vec X, Mat J, Mat P, void *ctx)
{
  GWModel            m = (GWModel)ctx;
  State              st;
  PetscReal          dt = m->step_t1 - m->step_t0;
  const PetscScalar *u = m->u, *ul = NULL;
  PetscScalar     ***x;
  Vec                Xc, Xu;

  PetscFunctionBegin;
  PetscCall(PetscLogEventBegin(GW_Jacobian, snes, X, P, 0));
  PetscCall(MatZeroEntries(P));
  PetscCall(GWModelGetSystemAccess_Private(m, X, &Xc, &Xu));
  PetscCall(StateGet(m, Xc, &st));
  for (PetscInt k = st.b.zs; k < st.b.zs + st.b.zm; k++)
    for (PetscInt j = st.b.ys; j < st.b.ys + st.b.ym; j++)
      for (PetscInt i = st.b.xs; i < st.b.xs + st.b.xm; i++) {
        PetscScalar *gc  = st.g[k][j][i];
        GWMaterial   mat = m->mat[(PetscInt)gc[GW_GEO_MAT]];
        PetscReal    V   = gc[GW_GEO_DX] * gc[GW_GEO_DY] * gc[GW_GEO_THICK], S, dS;
        PetscInt     row = GhostIndex(&st.b, i, j, k), col[7];
        PetscScalar  val[7];
        PetscInt     nc = 1;

        Storage(mat, st.x[k][j][i], st.xo[k][j][i], st.tho[k][j][i], &m->cons[4 * row], &S, &dS);
        col[0] = row;
        val[0] = dS / dt;
        for (PetscInt n = 0; n < 6; n++) {
          PetscReal Q, dQc, dQn;
          if (!InDomain(m, i + GWNeighbours_Private[n][0], j + GWNeighbours_Private[n][1], k + GWNeighbours_Private[n][2])) continue;
          PetscCall(FaceFlux(m, &st.b, st.x, st.g, i, j, k, n, &Q, &dQc, &dQn, NULL));
          val[0] -= dQc / V;
          col[nc]   = GhostIndex(&st.b, i + GWNeighbours_Private[n][0], j + GWNeighbours_Private[n][1], k + GWNeighbours_Private[n][2]);
          val[nc++] = -dQn / V;
        }
        PetscCall(MatSetValuesLocal(P, 1, &row, nc, col, val, INSERT_VALUES));
      }
  PetscCall(MatAssemblyBegin(P, MAT_FLUSH_ASSEMBLY)); /* switch from inserting to adding */
  PetscCall(MatAssemblyEnd(P, MAT_FLUSH_ASSEMBLY));
  if (Xu) {
    PetscCall(DMGlobalToLocal(m->dau, Xu, INSERT_VALUES, m->u_local));
    PetscCall(VecGetArrayRead(m->u_local, &ul));
    u = ul;
  }
  PetscCall(DMDAVecGetArrayRead(m->da, m->psi_local, &x));
  for (PetscInt p = 0; p < m->npkg; p++) {
    GWPackage      pkg = m->pkg[p];
    GWPackageState ps  = {x, u + pkg->uoffset, NULL};
    PetscCall(GWPackageStepValues_Private(pkg, m->step_t0, m->step_t1));
    ps.v = pkg->vstep;
    PetscCall(GWPackageJacobian_Private(pkg, m, &ps, P));
  }
  PetscCall(DMDAVecRestoreArrayRead(m->da, m->psi_local, &x));
  if (Xu) PetscCall(VecRestoreArrayRead(m->u_local, &ul));
  PetscCall(StateRestore(m, &st));
  PetscCall(GWModelRestoreSystemAccess_Private(m, X, &Xc, &Xu));
  PetscCall(MatAssemblyBegin(P, MAT_FINAL_ASSEMBLY));
  PetscCall(MatAssemblyEnd(P, MAT_FINAL_ASSEMBLY));
  if (J != P) {
    PetscCall(MatAssemblyBegin(J, MAT_FINAL_ASSEMBLY));
    PetscCall(MatAssemblyEnd(J, MAT_FINAL_ASSEMBLY));
  }
  PetscCall(PetscLogEventEnd(GW_Jacobian, snes, X, P, 0));
  PetscFunctionReturn(0);
}

/* Newton converges when the volume the residual leaves unbalanced, sum_c |F_c| V_c, is below
   mb_rtol times the flows of the step (storage change and package rates): the step's mass-balance
   error is then below mb_rtol whatever the grid. Round-off can keep it above that when the flows
   are tiny against the terms of the residual (very short steps, heads large against their
   differences): a step is also accepted when the unbalanced volume is within 16 machine epsilons
   of the scale of the terms' rounding errors (T kr (|H_c| + |H_n|) per face, V theta / dt per cell
   where theta varies) and Newton has stopped reducing it (less than 10x in the last iteration). */
/* Unbalanced volume rate of the residual F, l1 = sum_c |F_c| V_c (package unknowns: |F_u|) [m^3/s],
   its tolerance 0.5 mb_rtol (flows of the step) and the round-off floor (see ConvergenceTest()),
   from the scales of the residual evaluation that produced F. Collective. */
static PetscErrorCode UnbalancedVolume(GWModel m, Vec F, PetscReal *l1, PetscReal *tol, PetscReal *floor)
{
  PetscReal scale[2];

  PetscFunctionBegin;
  PetscCall(VecPointwiseMult(m->Fw, F, m->wvol)); /* cells: F V; package unknowns: already m^3/s */
  PetscCall(VecNorm(m->Fw, NORM_1, l1));
  scale[0] = m->flow_scale;
  scale[1] = m->face_scale;
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, scale, 2, MPIU_REAL, MPIU_SUM, PetscObjectComm((PetscObject)m)));
  *tol   = 0.5 * m->mb_rtol * scale[0] + PETSC_SMALL * PETSC_SMALL; /* the budget divides by (IN + OUT)/2 */
  *floor = 16.0 * PETSC_MACHINE_EPSILON * scale[1];
  PetscFunctionReturn(0);
}

/* Newton converges when the volume the residual leaves unbalanced, sum_c |F_c| V_c, is below
   mb_rtol times the flows of the step (storage change and package rates): the step's mass-balance
   error is then below mb_rtol whatever the grid. Round-off can keep it above that when the flows
   are tiny against the terms of the residual (very short steps, heads large against their
   differences): a step is also accepted when the unbalanced volume is within 16 machine epsilons
   of the scale of the terms' rounding errors (T kr (|H_c| + |H_n|) per face, V theta / dt per cell
   where theta varies) and Newton has stopped reducing it (less than 10x in the last iteration). */
static PetscErrorCode ConvergenceTest(SNES snes, PetscInt it, PetscReal xnorm, PetscReal ynorm, PetscReal fnorm, SNESConvergedReason *reason, void *ctx)
{
  GWModel   m = (GWModel)ctx;
  Vec       F;
  PetscReal l1, tol, floor;
  PetscInt  maxit;

  PetscFunctionBegin;
  (void)xnorm;
  (void)ynorm;
  *reason = SNES_CONVERGED_ITERATING;
  if (PetscIsInfOrNanReal(fnorm)) {
    *reason = SNES_DIVERGED_FNORM_NAN;
    PetscFunctionReturn(0);
  }
  PetscCall(SNESGetFunction(snes, &F, NULL, NULL));
  PetscCall(UnbalancedVolume(m, F, &l1, &tol, &floor));
  PetscCall(SNESGetTolerances(snes, NULL, NULL, NULL, &maxit, NULL));
  if (l1 <= tol)
    *reason = SNES_CONVERGED_FNORM_ABS;
  else if (it > 0 && l1 <= floor && l1 > 0.1 * m->l1_prev)
    *reason = SNES_CONVERGED_FNORM_ABS;
  else if (it >= maxit)
    *reason = SNES_DIVERGED_MAX_IT;
  m->l1_prev = l1;
  PetscCall(PetscInfo(snes, "it %" PetscInt_FMT ": unbalanced volume rate %g m^3/s, tolerance %g m^3/s, round-off floor %g m^3/s\n", it, (double)l1, (double)tol, (double)floor));
  PetscFunctionReturn(0);
}

/* The gate every step passes whatever solver the user configured (-gw_snes_type ksponly,
   -gw_snes_convergence_test skip, a custom test): the residual is evaluated afresh at the solution
   X the solver returned and the step is accepted only when its unbalanced volume rate is within
   the tolerance of ConvergenceTest() or at its round-off floor. Collective. */
PetscErrorCode GWModelCheckStepBalance_Private(GWModel m, Vec X, PetscBool *ok, PetscReal *l1, PetscReal *tol)
{
  PetscReal floor;

  PetscFunctionBegin;
  PetscCall(FormResidual(m->snes, X, m->Fw, m));
  PetscCall(UnbalancedVolume(m, m->Fw, l1, tol, &floor));
  *ok = (PetscBool)(!PetscIsInfOrNanReal(*l1) && (*l1 <= *tol || *l1 <= floor));
  PetscFunctionReturn(0);
}

/* The cell with the largest unbalanced volume rate |F_c| V_c at the system state X (residual of
   the step [step_t0, step_t1] from psi_old), with its position, pressure head, residual and the
   packages acting on it; the same on every rank. Collective. */
PetscErrorCode GWModelFindWorstCell_Private(GWModel m, Vec X, GWWorstCell *w)
{
  Vec                Fc, Fu, Xc, Xu;
  const PetscScalar *f, *x, *v;
  PetscInt           xs, ys, zs, xm, ym, zm, best = -1;
  PetscMPIInt        rank;
  struct {
    double val;
    int    rank;
  } loc = {-1.0, 0}, glob;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_rank(PetscObjectComm((PetscObject)m), &rank));
  PetscCall(FormResidual(m->snes, X, m->Fw, m));
  PetscCall(GWModelGetSystemAccess_Private(m, m->Fw, &Fc, &Fu));
  PetscCall(GWModelGetSystemAccess_Private(m, X, &Xc, &Xu));
  PetscCall(DMDAGetCorners(m->da, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCall(VecGetArrayRead(Fc, &f));
  PetscCall(VecGetArrayRead(m->vol, &v));
  for (PetscInt c = 0; c < xm * ym * zm; c++) {
    PetscReal r = PetscAbsReal(f[c] * v[c]);
    if (PetscIsInfOrNanReal(f[c])) r = PETSC_MAX_REAL;
    if (r > loc.val) {
      loc.val = r;
      best    = c;
    }
  }
  loc.rank = rank;
  PetscCall(PetscMemzero(w, sizeof(*w)));
  if (best >= 0) {
    PetscInt i = xs + best % xm, j = ys + (best / xm) % ym, k = zs + best / (xm * ym);
    size_t   len;
    w->i   = i;
    w->j   = j;
    w->k   = k;
    w->res = f[best];
    PetscCall(VecGetArrayRead(Xc, &x));
    w->psi = x[best];
    PetscCall(VecRestoreArrayRead(Xc, &x));
    for (PetscInt a = 0; a < i; a++) w->x += m->dx[a];
    for (PetscInt a = 0; a < j; a++) w->y += m->dy[a];
    w->x += 0.5 * m->dx[i];
    w->y += 0.5 * m->dy[j];
    {
      const PetscScalar *g;
      PetscInt           gxs, gys, gzs, gxm, gym, gzm;
      PetscCall(DMDAGetGhostCorners(m->da, &gxs, &gys, &gzs, &gxm, &gym, &gzm));
      PetscCall(VecGetArrayRead(m->geo, &g));
      w->z = g[GW_NGEO * ((i - gxs) + gxm * ((j - gys) + gym * (k - gzs))) + GW_GEO_ZC];
      PetscCall(VecRestoreArrayRead(m->geo, &g));
    }
    for (PetscInt p = 0; p < m->npkg; p++) {
      GWPackage   pkg = m->pkg[p];
      const char *name;
      for (PetscInt e = 0; e < pkg->nentry; e++) {
        if (pkg->entry[e].i != i || pkg->entry[e].j != j || pkg->entry[e].k != k) continue;
        PetscCall(PetscObjectGetName((PetscObject)pkg, &name));
        PetscCall(PetscStrlen(w->pkgs, &len));
        PetscCall(PetscSNPrintf(w->pkgs + len, sizeof(w->pkgs) - len, "%s%s (%s)", len ? ", " : "", name, ((PetscObject)pkg)->type_name));
        break;
      }
    }
    PetscCall(PetscStrlen(w->pkgs, &len));
    if (!len) PetscCall(PetscStrncpy(w->pkgs, "none", sizeof(w->pkgs)));
  }
  PetscCall(VecRestoreArrayRead(m->vol, &v));
  PetscCall(VecRestoreArrayRead(Fc, &f));
  PetscCall(GWModelRestoreSystemAccess_Private(m, X, &Xc, &Xu));
  PetscCall(GWModelRestoreSystemAccess_Private(m, m->Fw, &Fc, &Fu));
  PetscCallMPI(MPI_Allreduce(&loc, &glob, 1, MPI_DOUBLE_INT, MPI_MAXLOC, PetscObjectComm((PetscObject)m)));
  PetscCallMPI(MPI_Bcast(w, (PetscMPIInt)sizeof(*w), MPI_BYTE, glob.rank, PetscObjectComm((PetscObject)m)));
  PetscFunctionReturn(0);
}

static PetscErrorCode LinearSolveBegin(KSP ksp, Vec b, Vec x, void *ctx)
{
  PetscFunctionBegin;
  (void)ctx;
  PetscCall(PetscLogEventBegin(GW_LinearSolve, ksp, b, x, 0));
  PetscFunctionReturn(0);
}

static PetscErrorCode LinearSolveEnd(KSP ksp, Vec b, Vec x, void *ctx)
{
  PetscFunctionBegin;
  (void)ctx;
  PetscCall(PetscLogEventEnd(GW_LinearSolve, ksp, b, x, 0));
  PetscFunctionReturn(0);
}

#define GW_PSI_CHOP 1e-3 /* [m] */

/* Limits the Newton update of pressure head in any cell to max(dpsi_max, |psi|/2) (Design notes: Newton on very
   dry or desaturating soil overshoots where the storage derivative is small, e.g. a saturated
   cell with small specific storage that is about to drain; cf. the pressure-change limits of
   PFLOTRAN and the head-change damping of MODFLOW-NWT). The update Y is the Newton step to be
   subtracted, so its components are clipped to [-lim, lim]. The relative part lets a very dry cell
   wetted by rain (psi = -100 m to 0) get there in a few halvings rather than in 5 m steps. */
static PetscErrorCode LimitUpdate(SNESLineSearch ls, Vec X, Vec Y, PetscBool *changed, void *ctx)
{
  GWModel            m = (GWModel)ctx;
  PetscScalar       *y;
  const PetscScalar *x;
  PetscInt           n;

  PetscFunctionBegin;
  (void)ls;
  *changed = PETSC_FALSE;
  if (m->dpsi_max <= 0) PetscFunctionReturn(0);
  PetscCall(VecGetLocalSize(m->psi, &n)); /* the cells come first in the system's local block */
  PetscCall(VecGetArrayRead(X, &x));
  PetscCall(VecGetArray(Y, &y));
  for (PetscInt i = 0; i < n; i++) {
    PetscReal xn = x[i] - y[i], lim;
    /* Appleyard chop: an update crossing saturation (psi = 0) stops just past it, so the next
       iteration sees the derivatives of the side it entered (the storage derivative jumps there) */
    if (x[i] > GW_PSI_CHOP && xn < -GW_PSI_CHOP) {
      y[i]     = x[i] + GW_PSI_CHOP;
      *changed = PETSC_TRUE;
    } else if (x[i] < -GW_PSI_CHOP && xn > GW_PSI_CHOP) {
      y[i]     = x[i] - GW_PSI_CHOP;
      *changed = PETSC_TRUE;
    }
    lim = PetscMax(m->dpsi_max, 0.5 * PetscAbsReal(x[i]));
    if (y[i] > lim) {
      y[i]     = lim;
      *changed = PETSC_TRUE;
    } else if (y[i] < -lim) {
      y[i]     = -lim;
      *changed = PETSC_TRUE;
    }
  }
  PetscCall(VecRestoreArray(Y, &y));
  PetscCall(VecRestoreArrayRead(X, &x));
  PetscFunctionReturn(0);
}

/* Creates the Newton system, its solver with prefix gw_ and the Jacobian matrix (packages set up). */
PetscErrorCode GWModelSetUpSolver_Private(GWModel m)
{
  Mat            J;
  KSP            ksp;
  SNESLineSearch ls;

  PetscFunctionBegin;
  PetscCall(GWModelSetUpSystem_Private(m));
  PetscCall(DMCreateGlobalVector(m->da, &m->work));
  PetscCall(VecDuplicate(m->X, &m->Fw));
  PetscCall(GWModelCreateJacobian_Private(m, &J));
  PetscCall(SNESCreate(PetscObjectComm((PetscObject)m), &m->snes));
  PetscCall(SNESSetOptionsPrefix(m->snes, "gw_"));
  PetscCall(SNESSetDM(m->snes, m->pack));
  PetscCall(SNESSetFunction(m->snes, NULL, FormResidual, m));
  PetscCall(SNESSetJacobian(m->snes, J, J, FormJacobian, m));
  PetscCall(SNESSetConvergenceTest(m->snes, ConvergenceTest, m, NULL));
  PetscCall(SNESSetTolerances(m->snes, PETSC_DEFAULT, PETSC_DEFAULT, PETSC_DEFAULT, 20, PETSC_DEFAULT));
  PetscCall(SNESGetLineSearch(m->snes, &ls));
  /* the residual is only piecewise smooth (upstream kr, seepage faces, switching boundaries):
     backtracking on ||F|| stalls at the kinks, the secant l2 search does not */
  PetscCall(SNESLineSearchSetType(ls, SNESLINESEARCHL2));
  PetscCall(SNESLineSearchSetPreCheck(ls, LimitUpdate, m));
  PetscCall(SNESGetKSP(m->snes, &ksp));
  PetscCall(KSPSetTolerances(ksp, 1e-8, PETSC_DEFAULT, PETSC_DEFAULT, PETSC_DEFAULT));
  PetscCall(KSPSetPreSolve(ksp, LinearSolveBegin, m));
  PetscCall(KSPSetPostSolve(ksp, LinearSolveEnd, m));
  PetscCall(SNESSetFromOptions(m->snes));
  PetscCall(MatDestroy(&J));
  PetscFunctionReturn(0);
}

/* Water table of column (i, j) from the pressure heads x (a local array holding the whole
   column): the top cell k of the saturated zone that reaches the bottom of the column, and the
   elevation zwt where psi crosses 0 between the centres of k and k - 1 (for k = 0, z + psi of the
   top cell, above its centre when ponded). k = -1 and zwt = bottom elevation when the bottom cell
   is unsaturated. Perched saturated zones above an unsaturated one are not the water table. */
PetscErrorCode GWModelFindWaterTable_Private(GWModel m, PetscScalar ***x, PetscInt i, PetscInt j, PetscInt *kwt, PetscReal *zwt)
{
  PetscScalar ****g;
  PetscInt        zs, zm, k;

  PetscFunctionBegin;
  PetscCall(DMDAGetCorners(m->da, NULL, NULL, &zs, NULL, NULL, &zm));
  PetscCheck(zs == 0 && zm == m->nz, PETSC_COMM_SELF, PETSC_ERR_SUP, "Water-table operations need every column on one rank; run with at most %" PetscInt_FMT " ranks (the number of columns)", m->nx * m->ny);
  PetscCall(DMDAVecGetArrayDOFRead(m->dageo, m->geo, &g));
  k = m->nz - 1;
  if (x[k][j][i] < 0) {
    *kwt = -1;
    *zwt = g[k][j][i][GW_GEO_ZC] - 0.5 * g[k][j][i][GW_GEO_THICK];
  } else {
    while (k > 0 && x[k - 1][j][i] >= 0) k--;
    *kwt = k;
    if (k == 0)
      *zwt = g[0][j][i][GW_GEO_ZC] + x[0][j][i];
    else {
      PetscReal zk = g[k][j][i][GW_GEO_ZC], zu = g[k - 1][j][i][GW_GEO_ZC];
      *zwt = zk + x[k][j][i] / (x[k][j][i] - x[k - 1][j][i]) * (zu - zk);
    }
  }
  PetscCall(DMDAVecRestoreArrayDOFRead(m->dageo, m->geo, &g));
  PetscFunctionReturn(0);
}

/*@C
  GWModelComputeWaterTable - computes the water-table elevation of every column

  Collective

  Input Parameter:
. model - the model, after GWModelSetUp()

  Output Parameter:
. zwt - array [nx*ny] (index i + nx*j), filled on every rank: elevation [m] where pressure head
        crosses 0 above the saturated zone that reaches the column's bottom, interpolated
        linearly between the cell centres that bracket it (Design notes); z + psi of the top cell
        when the whole column is saturated (above the top centre when ponded); NaN when the
        bottom cell is unsaturated (no water table in the column)

  Notes:
  Gathers an array of all columns on every rank (an allreduce of 2 nx ny values): meant for small
  grids and tests. Large models use GWModelComputeWaterTableVec(), which keeps each column on
  its rank.

  Errors:
  PETSC_ERR_SUP when a column is split over ranks (more ranks than columns).

  Level: beginner

.seealso: `GWModelComputeWaterTableVec()`, `GWModelComputeHydraulicHead()`
@*/
PetscErrorCode GWModelComputeWaterTable(GWModel model, PetscReal zwt[])
{
  GWModel        m = model;
  PetscScalar ***x;
  PetscInt       xs, ys, xm, ym, nc = m->nx * m->ny;
  PetscReal     *loc;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCheck(m->setupcalled, PetscObjectComm((PetscObject)m), PETSC_ERR_ARG_WRONGSTATE, "Call GWModelSetUp() first");
  PetscCall(PetscCalloc1(2 * nc, &loc)); /* value and "owned here" flag */
  PetscCall(DMDAGetCorners(m->da, &xs, &ys, NULL, &xm, &ym, NULL));
  PetscCall(DMGlobalToLocal(m->da, m->psi, INSERT_VALUES, m->psi_local));
  PetscCall(DMDAVecGetArrayRead(m->da, m->psi_local, &x));
  for (PetscInt j = ys; j < ys + ym; j++)
    for (PetscInt i = xs; i < xs + xm; i++) {
      PetscInt  k;
      PetscReal z;
      PetscCall(GWModelFindWaterTable_Private(m, x, i, j, &k, &z));
      loc[i + m->nx * j]      = k < 0 ? 0.0 : z;
      loc[nc + i + m->nx * j] = k < 0 ? 0.0 : 1.0;
    }
  PetscCall(DMDAVecRestoreArrayRead(m->da, m->psi_local, &x));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, loc, 2 * nc, MPIU_REAL, MPIU_SUM, PetscObjectComm((PetscObject)m)));
  for (PetscInt c = 0; c < nc; c++) zwt[c] = loc[nc + c] > 0 ? loc[c] : PETSC_NAN;
  PetscCall(PetscFree(loc));
  PetscFunctionReturn(0);
}

/*@C
  GWModelComputeWaterTableVec - computes the water-table elevation of every column into a
  distributed vector, each rank its own columns

  Collective

  Input Parameters:
+ model - the model, after GWModelSetUp()
- zwt - global vector of the model's DMDA (GWModelGetDM())

  Output Parameter:
. zwt - every cell holds the water-table elevation [m] of its column, as defined in
        GWModelComputeWaterTable(); NaN when the column's bottom cell is unsaturated

  Notes:
  The grid is split among ranks by columns, so this needs no communication beyond the ghost
  update of the pressure head. A 2D map is the layer-0 slice of zwt.

  Errors:
  PETSC_ERR_SUP when a column is split over ranks (more ranks than columns).

  Level: beginner

.seealso: `GWModelComputeWaterTable()`, `GWModelComputeHydraulicHead()`
@*/
PetscErrorCode GWModelComputeWaterTableVec(GWModel model, Vec zwt)
{
  GWModel        m = model;
  PetscScalar ***x, ***w;
  PetscInt       xs, ys, zs, xm, ym, zm;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscValidHeaderSpecific(zwt, VEC_CLASSID, 2);
  PetscCheck(m->setupcalled, PetscObjectComm((PetscObject)m), PETSC_ERR_ARG_WRONGSTATE, "Call GWModelSetUp() first");
  PetscCall(DMDAGetCorners(m->da, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCall(DMGlobalToLocal(m->da, m->psi, INSERT_VALUES, m->psi_local));
  PetscCall(DMDAVecGetArrayRead(m->da, m->psi_local, &x));
  PetscCall(DMDAVecGetArray(m->da, zwt, &w));
  for (PetscInt j = ys; j < ys + ym; j++)
    for (PetscInt i = xs; i < xs + xm; i++) {
      PetscInt  k;
      PetscReal z;
      PetscCall(GWModelFindWaterTable_Private(m, x, i, j, &k, &z));
      for (PetscInt l = zs; l < zs + zm; l++) w[l][j][i] = k < 0 ? PETSC_NAN : z;
    }
  PetscCall(DMDAVecRestoreArray(m->da, zwt, &w));
  PetscCall(DMDAVecRestoreArrayRead(m->da, m->psi_local, &x));
  PetscFunctionReturn(0);
}

/* Face fluxes of the current state, stored once (Design notes: budget terms from the same face
   fluxes the residual uses): per cell of this rank the flow [m^3/s] across its +x face (to i + 1),
   its +y face (to j + 1) and its lower face (to layer k + 1), 0 on the grid's boundary, in
   m->qface with the ghost layer. Recomputed only when pressure head or a parameter changed. */
PetscErrorCode GWModelComputeFaceFluxes_Private(GWModel m)
{
  PetscObjectState s;
  State            st;
  Vec              qg;
  PetscScalar  ****q;

  PetscFunctionBegin;
  PetscCall(PetscObjectStateGet((PetscObject)m->psi, &s));
  if (m->qvalid && s == m->qstate) PetscFunctionReturn(0);
  if (!m->daq) {
    PetscCall(DMDACreateCompatibleDMDA(m->da, 3, &m->daq));
    PetscCall(DMCreateLocalVector(m->daq, &m->qface));
  }
  PetscCall(DMGetGlobalVector(m->daq, &qg));
  PetscCall(StateGet(m, m->psi, &st));
  PetscCall(DMDAVecGetArrayDOF(m->daq, qg, &q));
  for (PetscInt k = st.b.zs; k < st.b.zs + st.b.zm; k++)
    for (PetscInt j = st.b.ys; j < st.b.ys + st.b.ym; j++)
      for (PetscInt i = st.b.xs; i < st.b.xs + st.b.xm; i++)
        for (PetscInt d = 0; d < 3; d++) {
          PetscInt  n = 2 * d + 1; /* the +x, +y and lower neighbours */
          PetscReal Q = 0, dQc, dQn;
          if (InDomain(m, i + GWNeighbours_Private[n][0], j + GWNeighbours_Private[n][1], k + GWNeighbours_Private[n][2])) PetscCall(FaceFlux(m, &st.b, st.x, st.g, i, j, k, n, &Q, &dQc, &dQn, NULL));
          q[k][j][i][d] = -Q; /* FaceFlux is into (i, j, k) */
        }
  PetscCall(DMDAVecRestoreArrayDOF(m->daq, qg, &q));
  PetscCall(StateRestore(m, &st));
  PetscCall(DMGlobalToLocal(m->daq, qg, INSERT_VALUES, m->qface));
  PetscCall(DMRestoreGlobalVector(m->daq, &qg));
  m->qstate = s;
  m->qvalid = PETSC_TRUE;
  PetscFunctionReturn(0);
}

/* Per-zone (material) storage increase and flows between zones over the accepted step [m^3], added
   into vals[5 * zone + q] for q = 0 storage, 3 inflow from other zones, 4 outflow to them, and
   into mat[nzone * from + to] for the zone-to-zone flows; this rank's cells only. Uses the stored
   face fluxes, so zone budgets close to the Newton tolerance. Leaves the state in psi_local. */
PetscErrorCode GWModelComputeZoneFlows_Private(GWModel m, PetscReal dt, PetscReal *vals, PetscReal *mat)
{
  State           st;
  PetscScalar ****q;

  PetscFunctionBegin;
  PetscCall(GWModelComputeFaceFluxes_Private(m));
  PetscCall(StateGet(m, m->psi, &st));
  PetscCall(DMDAVecGetArrayDOFRead(m->daq, m->qface, &q));
  for (PetscInt k = st.b.zs; k < st.b.zs + st.b.zm; k++)
    for (PetscInt j = st.b.ys; j < st.b.ys + st.b.ym; j++)
      for (PetscInt i = st.b.xs; i < st.b.xs + st.b.xm; i++) {
        PetscScalar *gc = st.g[k][j][i];
        PetscInt     z  = (PetscInt)gc[GW_GEO_MAT];
        PetscReal    S, dS;
        Storage(m->mat[z], st.x[k][j][i], st.xo[k][j][i], st.tho[k][j][i], &m->cons[4 * GhostIndex(&st.b, i, j, k)], &S, &dS);
        vals[5 * z] += S * gc[GW_GEO_DX] * gc[GW_GEO_DY] * gc[GW_GEO_THICK];
        for (PetscInt n = 0; n < 6; n++) {
          PetscInt  in = i + GWNeighbours_Private[n][0], jn = j + GWNeighbours_Private[n][1], kn = k + GWNeighbours_Private[n][2], zn;
          PetscReal Q;
          if (!InDomain(m, in, jn, kn)) continue;
          zn = (PetscInt)st.g[kn][jn][in][GW_GEO_MAT];
          if (zn == z) continue;
          Q = GWStoredFaceFlux_Private(q, i, j, k, n);
          if (Q > 0) {
            vals[5 * z + 3] += Q * dt;
            mat[m->nmat * zn + z] += Q * dt;
          } else
            vals[5 * z + 4] -= Q * dt;
        }
      }
  PetscCall(DMDAVecRestoreArrayDOFRead(m->daq, m->qface, &q));
  PetscCall(StateRestore(m, &st));
  PetscFunctionReturn(0);
}
