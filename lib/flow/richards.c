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
#include <petsc/private/snesimpl.h> /* KSPPreSolve_SNESEW(), KSPPostSolve_SNESEW() */

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
   stencil are never read, but are evaluated harmlessly). A cell whose pressure head is the one its
   values were last evaluated at keeps them: the Jacobian, the mass-balance gate and the budget
   see the iterate of the residual before them, so the constitutive functions are evaluated once
   per cell and Newton iteration. The cache is dropped at every step and parameter change. */
static PetscErrorCode EvaluateConstitutive(GWModel m, const Box *b, PetscScalar ***x, PetscScalar ****g)
{
  PetscBool changed = PETSC_FALSE, unsat = PETSC_FALSE;

  PetscFunctionBegin;
  for (PetscInt k = b->gzs; k < b->gzs + b->gzm; k++)
    for (PetscInt j = b->gys; j < b->gys + b->gym; j++)
      for (PetscInt i = b->gxs; i < b->gxs + b->gxm; i++) {
        PetscInt   c   = GhostIndex(b, i, j, k);
        PetscReal *v   = &m->cons[4 * c];
        GWMaterial mat = m->mat[(PetscInt)g[k][j][i][GW_GEO_MAT]];
        if (x[k][j][i] < 0) unsat = PETSC_TRUE;
        if (m->cons_valid && m->cons_psi[c] == x[k][j][i]) continue;
        PetscCall(mat->ops->evaluate(mat, x[k][j][i], &v[0], &v[1], &v[2], &v[3]));
        m->cons_psi[c] = x[k][j][i];
        changed        = PETSC_TRUE;
      }
  m->cons_valid = PETSC_TRUE;
  /* the integrated kr of a face costs a constitutive evaluation: once per face and iterate, kept
     while no cell changed; with every cell saturated it is 1 without one (facekr.c) */
  if (changed) m->kface_valid = PETSC_FALSE;
  m->kface_on = (PetscBool)(m->krweight == GW_KR_INTEGRATED && unsat);
  if (m->kface_on && !m->kface_valid) {
    const PetscInt box[6] = {b->gxs, b->gys, b->gzs, b->gxm, b->gym, b->gzm};
    PetscCall(GWModelComputeFaceRelPerm_Private(m, box, &x[b->gzs][b->gys][b->gxs], &g[b->gzs][b->gys][b->gxs][0]));
  }
  PetscFunctionReturn(0);
}

/* Conductance T = A / (d_c/K_c + d_n/K_n) of the +x, +y and lower face of every ghosted cell whose
   neighbour there is in the grid and in the ghosted box (0 otherwise), computed once per step: the
   same value, bit for bit, as from either side of the face. */
static PetscErrorCode ComputeConductances(GWModel m, const Box *b, PetscScalar ****g)
{
  PetscFunctionBegin;
  for (PetscInt k = b->gzs; k < b->gzs + b->gzm; k++)
    for (PetscInt j = b->gys; j < b->gys + b->gym; j++)
      for (PetscInt i = b->gxs; i < b->gxs + b->gxm; i++) {
        PetscScalar *gc = g[k][j][i];
        PetscReal   *t  = &m->tface[3 * GhostIndex(b, i, j, k)];
        for (PetscInt d = 0; d < 3; d++) {
          const PetscInt *o  = GWNeighbours_Private[2 * d + 1];
          PetscInt        in = i + o[0], jn = j + o[1], kn = k + o[2];
          PetscReal       A, dc, dn;
          t[d] = 0.0;
          if (in >= b->gxs + b->gxm || jn >= b->gys + b->gym || kn >= b->gzs + b->gzm || in >= m->nx || jn >= m->ny || kn >= m->nz) continue;
          GWFaceGeometry_Private(gc, g[kn][jn][in], d, &A, &dc, &dn);
          t[d] = GWFaceConductance_Private(A, dc, m->mat[(PetscInt)gc[GW_GEO_MAT]]->K[d], dn, m->mat[(PetscInt)g[kn][jn][in][GW_GEO_MAT]]->K[d]);
        }
      }
  m->tvalid = PETSC_TRUE;
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
  PetscCall(GWModelGetGeometryArray_Private(m, &st->g));
  PetscCall(DMDAVecGetArrayRead(m->da, m->psi_old, &st->xo));
  PetscCall(DMDAVecGetArrayRead(m->da, m->theta_old, &st->tho));
  if (!m->tvalid) PetscCall(ComputeConductances(m, &st->b, st->g));
  PetscCall(EvaluateConstitutive(m, &st->b, st->x, st->g));
  PetscFunctionReturn(0);
}

static PetscErrorCode StateRestore(GWModel m, State *st)
{
  PetscFunctionBegin;
  PetscCall(DMDAVecRestoreArrayRead(m->da, m->theta_old, &st->tho));
  PetscCall(DMDAVecRestoreArrayRead(m->da, m->psi_old, &st->xo));
  PetscCall(DMDAVecRestoreArrayRead(m->da, m->psi_local, &st->x));
  PetscFunctionReturn(0);
}

/* Darcy flux into cell c from neighbour n across their shared face, and its derivatives. */
static inline PetscErrorCode FaceFlux(GWModel m, const Box *b, PetscScalar ***x, PetscScalar ****g, PetscInt i, PetscInt j, PetscInt k, PetscInt f, PetscReal *Q, PetscReal *dQc, PetscReal *dQn, PetscReal *noise)
{
  PetscInt         in = i + GWNeighbours_Private[f][0], jn = j + GWNeighbours_Private[f][1], kn = k + GWNeighbours_Private[f][2], dir = GWNeighbours_Private[f][3];
  PetscInt         c = GhostIndex(b, i, j, k), n = GhostIndex(b, in, jn, kn);
  const PetscReal *cc = &m->cons[4 * c], *cn = &m->cons[4 * n];
  PetscReal        T  = m->tface[3 * (f & 1 ? c : n) + dir]; /* stored on the face's -side cell */
  GWMaterial       mc = m->mat[(PetscInt)g[k][j][i][GW_GEO_MAT]], mn = m->mat[(PetscInt)g[kn][jn][in][GW_GEO_MAT]];
  PetscReal        dp, dz, dH, kr, dkrc, dkrn;

  PetscFunctionBegin;
  /* the hydraulic-head difference from the pressure-head and elevation differences, never from
     H = psi + z itself: H rounds to eps |H|, and with heads of 100 m and more above the datum that
     round-off (T eps |H| per face) exceeded 1e-10 of the flows (GWHeadDifference_Private()) */
  GWHeadDifference_Private(x[k][j][i], x[kn][jn][in], m->gravity * g[k][j][i][GW_GEO_ZC], m->gravity * g[kn][jn][in][GW_GEO_ZC], &dp, &dz, &dH);
  PetscCall(GWFaceRelPermEvaluate_Private(m->krweight, mc, x[k][j][i], cc[2], cc[3], 0.0, mn, x[kn][jn][in], cn[2], cn[3], dH, &kr, &dkrc, &dkrn));
  *Q   = T * kr * dH;
  *dQc = T * dkrc * dH - T * kr;
  *dQn = T * dkrn * dH + T * kr;
  if (noise) *noise = T * kr * (PetscAbsReal(x[k][j][i]) + PetscAbsReal(x[kn][jn][in]) + PetscAbsReal(dz)); /* scale of its round-off */
  PetscFunctionReturn(0);
}

static inline PetscBool InDomain(GWModel m, PetscInt i, PetscInt j, PetscInt k)
{
  return (PetscBool)(i >= 0 && i < m->nx && j >= 0 && j < m->ny && k >= 0 && k < m->nz);
}

/* Flat views of the ghosted arrays of the iterate and the geometry, and the offsets of the six
   neighbours (GWNeighbours_Private order) in them: the cell loops of the residual and the
   Jacobian address a neighbour by one addition. */
typedef struct {
  const PetscScalar *x, *g;
  PetscInt           off[6];
} Flat;

static void FlatGet(const State *st, Flat *fl)
{
  const Box *b = &st->b;
  PetscInt   sx = 1, sy = b->gxm, sz = b->gxm * b->gym;

  fl->x      = &st->x[b->gzs][b->gys][b->gxs];
  fl->g      = &st->g[b->gzs][b->gys][b->gxs][0];
  fl->off[0] = -sx;
  fl->off[1] = sx;
  fl->off[2] = -sy;
  fl->off[3] = sy;
  fl->off[4] = -sz;
  fl->off[5] = sz;
}

/* The faces of cell (i, j, k), ghosted index c, whose neighbours are in the grid: the flow into the
   cell summed over them and the scale of its round-off (residual), or, with jac, d(flow)/d(psi_c)
   over V subtracted from *diag face by face and -d(flow)/d(psi_n) / V in offd[n] (Jacobian). The
   arithmetic of FaceFlux(), in the same order, with the cell's own values read once. The in-grid
   neighbours as bits 1 << n in *inmask (if not NULL). */
static inline PetscErrorCode CellFaces(GWModel m, const Flat *fl, PetscInt i, PetscInt j, PetscInt k, PetscInt c, PetscBool jac, PetscReal V, PetscReal *sumQ, PetscReal *noise, PetscReal *diag, PetscReal offd[6], PetscInt *inmask)
{
  const PetscBool  inside[6] = {i > 0, i < m->nx - 1, j > 0, j < m->ny - 1, k > 0, k < m->nz - 1};
  const PetscReal *cons = m->cons, *tf = m->tface, grav = m->gravity;
  const PetscReal  zc = grav * fl->g[GW_NGEO * c + GW_GEO_ZC], krc = cons[4 * c + 2], dkrc = cons[4 * c + 3];
  PetscInt         mask = 0;

  PetscFunctionBegin;
  for (PetscInt n = 0; n < 6; n++) {
    PetscInt  nb = c + fl->off[n];
    PetscReal T, dp, dz, dH, kr, dkc, dkn;
    if (!inside[n]) continue;
    mask |= 1 << n;
    T = tf[3 * ((n & 1) ? c : nb) + (n >> 1)];
    GWHeadDifference_Private(fl->x[c], fl->x[nb], zc, grav * fl->g[GW_NGEO * nb + GW_GEO_ZC], &dp, &dz, &dH);
    if (m->kface_on) { /* stored on the face's -side cell, derivatives by its own and its + neighbour's head */
      const PetscReal *kf = &m->kface[9 * ((n & 1) ? c : nb) + 3 * (n >> 1)];
      kr                  = kf[0];
      dkc                 = (n & 1) ? kf[1] : kf[2];
      dkn                 = (n & 1) ? kf[2] : kf[1];
    } else if (m->krweight == GW_KR_INTEGRATED) {
      GWMaterial mc = m->mat[(PetscInt)fl->g[GW_NGEO * c + GW_GEO_MAT]], mn = m->mat[(PetscInt)fl->g[GW_NGEO * nb + GW_GEO_MAT]];
      PetscCall(GWFaceRelPermIntegrated_Private(mc, mn, fl->x[c], krc, dkrc, fl->x[nb], cons[4 * nb + 2], cons[4 * nb + 3], &kr, &dkc, &dkn));
    } else GWFaceRelPerm_Private(m->krweight, krc, dkrc, 0.0, cons[4 * nb + 2], cons[4 * nb + 3], dH, &kr, &dkc, &dkn);
    if (jac) {
      *diag -= (T * dkc * dH - T * kr) / V;
      offd[n] = -(T * dkn * dH + T * kr) / V;
    } else {
      *sumQ += T * kr * dH;
      *noise += T * kr * (PetscAbsReal(fl->x[c]) + PetscAbsReal(fl->x[nb]) + PetscAbsReal(dz));
    }
  }
  if (inmask) *inmask = mask;
  PetscFunctionReturn(0);
}

/* Storage per unit volume over the step, S = theta - theta^n + Ss Sw (psi - psi^n), and dS/dpsi.
   theta - theta^n is (theta_s - theta_r) (Se(psi) - Se(psi^n)) from the material's
   cancellation-free form where it has one (GWMaterialGetSaturationChange()): subtracting theta^n
   loses eps theta, which over a short step (V theta / dt: 1e5 m^3/s for a 10 m cell over 0.38 s)
   left more than 1e-10 of the flows unbalanced in examples/arid_fan_river. */
static inline PetscErrorCode Storage(GWMaterial mat, PetscReal psi, PetscReal psio, PetscReal thetao, const PetscReal *c, PetscReal *S, PetscReal *dS)
{
  PetscReal dth   = mat->theta_s - mat->theta_r;
  PetscReal theta = mat->theta_r + dth * c[0], dtheta = dth * c[1];
  PetscReal Sw = theta / mat->theta_s, dSw = dtheta / mat->theta_s, change = theta - thetao;

  PetscFunctionBegin;
  if (mat->ops->sechange && psi != psio) {
    PetscReal dSe;
    PetscCall((*mat->ops->sechange)(mat, psi, psio, &dSe));
    change = dth * dSe;
  }
  *S  = change + mat->Ss * Sw * (psi - psio);
  *dS = dtheta + mat->Ss * (dSw * (psi - psio) + Sw);
  PetscFunctionReturn(0);
}

/* Residual of the Newton system: F_c [1/s] of every cell (above), and the package unknowns'
   residuals [m^3/s] (each rank's shares summed onto the unknowns' owner). */
static PetscErrorCode FormResidual(SNES snes, Vec X, Vec F, void *ctx)
{
  GWModel            m = (GWModel)ctx;
  State              st;
  PetscScalar     ***f, *r = NULL;
  const PetscScalar *u  = NULL;
  PetscReal          dt = m->step_t1 - m->step_t0, flow = 0.0, net = 0.0, face = 0.0, store = 0.0;
  PetscBool          bad = PETSC_FALSE;
  Vec                Xc, Xu, Fc, Fu;
  Flat               fl;

  PetscFunctionBegin;
  PetscCall(PetscLogEventBegin(GW_Residual, snes, X, F, 0));
  PetscCall(GWModelGetSystemAccess_Private(m, X, &Xc, &Xu));
  PetscCall(GWModelGetSystemAccess_Private(m, F, &Fc, &Fu));
  PetscCall(StateGet(m, Xc, &st));
  FlatGet(&st, &fl);
  PetscCall(DMDAVecGetArray(m->da, Fc, &f));
  for (PetscInt k = st.b.zs; k < st.b.zs + st.b.zm; k++)
    for (PetscInt j = st.b.ys; j < st.b.ys + st.b.ym; j++)
      for (PetscInt i = st.b.xs; i < st.b.xs + st.b.xm; i++) {
        PetscScalar *gc  = st.g[k][j][i];
        GWMaterial   mat = m->mat[(PetscInt)gc[GW_GEO_MAT]];
        PetscReal    V = gc[GW_GEO_DX] * gc[GW_GEO_DY] * gc[GW_GEO_THICK], S = 0.0, dS = 0.0, acc, sumQ = 0.0;

        if (PetscIsInfOrNanReal(st.x[k][j][i])) bad = PETSC_TRUE;
        PetscCall(Storage(mat, st.x[k][j][i], st.xo[k][j][i], st.tho[k][j][i], &m->cons[4 * GhostIndex(&st.b, i, j, k)], &S, &dS));
        acc = V * S / dt;
        net += acc;
        /* round-off scale of the storage term: theta where it varies (Se < 1); psi - psi^n is exact
           when the two are close (Sterbenz), so the specific-storage term adds none */
        if (m->cons[4 * GhostIndex(&st.b, i, j, k)] < 1.0) store += V * st.tho[k][j][i] / dt;
        PetscCall(CellFaces(m, &fl, i, j, k, GhostIndex(&st.b, i, j, k), PETSC_FALSE, V, &sumQ, &face, NULL, NULL, NULL));
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
  m->obj_valid    = PETSC_FALSE;
  m->flow_scale   = flow;
  m->storage_rate = net;
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
  PetscBool          linear = PETSC_TRUE; /* no cell's entries depend on the state (all saturated) */
  Flat               fl;

  PetscFunctionBegin;
  PetscCall(PetscLogEventBegin(GW_Jacobian, snes, X, P, 0));
  PetscCall(MatZeroEntries(P));
  PetscCall(GWModelGetSystemAccess_Private(m, X, &Xc, &Xu));
  PetscCall(StateGet(m, Xc, &st));
  FlatGet(&st, &fl);
  for (PetscInt k = st.b.zs; k < st.b.zs + st.b.zm; k++)
    for (PetscInt j = st.b.ys; j < st.b.ys + st.b.ym; j++)
      for (PetscInt i = st.b.xs; i < st.b.xs + st.b.xm; i++) {
        PetscScalar *gc  = st.g[k][j][i];
        GWMaterial   mat = m->mat[(PetscInt)gc[GW_GEO_MAT]];
        PetscReal    V   = gc[GW_GEO_DX] * gc[GW_GEO_DY] * gc[GW_GEO_THICK], S = 0.0, dS = 0.0;
        PetscInt     row = GhostIndex(&st.b, i, j, k), col[7], mask, nc = 0;
        PetscScalar  val[7];
        PetscReal    diag, offd[6];
        /* columns in ascending local index (the layer above, -y, -x, the cell, +x, +y, below): the
           matrix finds each in its row by a forward scan */
        static const PetscInt order[7] = {4, 2, 0, -1, 1, 3, 5};

        PetscCall(Storage(mat, st.x[k][j][i], st.xo[k][j][i], st.tho[k][j][i], &m->cons[4 * row], &S, &dS));
        if (m->cons[4 * row + 1] != 0 || m->cons[4 * row + 3] != 0) linear = PETSC_FALSE;
        diag = dS / dt;
        PetscCall(CellFaces(m, &fl, i, j, k, row, PETSC_TRUE, V, NULL, NULL, &diag, offd, &mask));
        for (PetscInt o = 0; o < 7; o++) {
          PetscInt n = order[o];
          if (n < 0) {
            col[nc]   = row;
            val[nc++] = diag;
          } else if (mask & (1 << n)) {
            col[nc]   = row + fl.off[n];
            val[nc++] = offd[n];
          }
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
  PetscCall(GWModelJacobianAssembled_Private(m, P, linear));
  PetscCall(PetscLogEventEnd(GW_Jacobian, snes, X, P, 0));
  PetscFunctionReturn(0);
}

/* Newton converges when the volume the residual leaves unbalanced, sum_c |F_c| V_c, is below
   mb_rtol times the flows of the step (net storage change and package rates, the budget's
   (IN + OUT)/2): the step's mass-balance
   error is then below mb_rtol whatever the grid. Round-off can keep it above that when the flows
   are tiny against the terms of the residual (very short steps, heads large against their
   differences): a step is also accepted when the unbalanced volume is within 16 machine epsilons
   of the scale of the terms' rounding errors (T kr (|psi_c| + |psi_n| + |z_n - z_c|) per face: the iterate itself
   holds psi only to eps |psi|; V theta / dt per cell
   where theta varies) and Newton has stopped reducing it (less than 10x in the last iteration). */
/* Unbalanced volume rate of the residual F, l1 = sum_c |F_c| V_c (package unknowns: |F_u|) [m^3/s],
   its tolerance 0.5 mb_rtol (flows of the step) and the round-off floor (see ConvergenceTest()),
   from the scales of the residual evaluation that produced F. Collective. */
static PetscErrorCode UnbalancedVolume(GWModel m, Vec F, PetscReal *l1, PetscReal *tol, PetscReal *floor, PetscReal *l2)
{
  PetscReal scale[3], nrm[2];

  PetscFunctionBegin;
  PetscCall(VecPointwiseMult(m->Fw, F, m->wvol)); /* cells: F V; package unknowns: already m^3/s */
  PetscCall(VecNorm(m->Fw, NORM_1_AND_2, nrm));
  *l1 = nrm[0];
  if (l2) *l2 = nrm[1];
  scale[0] = m->flow_scale;
  scale[1] = m->face_scale;
  scale[2] = m->storage_rate;
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, scale, 3, MPIU_REAL, MPIU_SUM, PetscObjectComm((PetscObject)m)));
  /* the budget's IN + OUT over dt: |net storage change| + sum of |package rates| (not the sum of
     |storage change| of the cells, which counts cells filling and draining at once and let steps
     through at 3.5e-10 of the budget's flows) */
  *tol   = 0.5 * m->mb_rtol * (PetscAbsReal(scale[2]) + scale[0]) + PETSC_SMALL * PETSC_SMALL; /* the budget divides by (IN + OUT)/2 */
  *floor = 16.0 * PETSC_MACHINE_EPSILON * scale[1];
  PetscFunctionReturn(0);
}

/* Newton converges when the volume the residual leaves unbalanced, sum_c |F_c| V_c, is below
   mb_rtol times the flows of the step (storage change and package rates): the step's mass-balance
   error is then below mb_rtol whatever the grid. Round-off can keep it above that when the flows
   are tiny against the terms of the residual (very short steps, heads large against their
   differences): a step is also accepted when the unbalanced volume is within 16 machine epsilons
   of the scale of the terms' rounding errors (T kr (|psi_c| + |psi_n| + |z_n - z_c|) per face: the iterate itself
   holds psi only to eps |psi|; V theta / dt per cell
   where theta varies) and Newton has stopped reducing it (less than 10x in the last iteration), or
   the Jacobian was state-independent and the linear solve met the mass-balance target (linear.c):
   another iteration would then only solve for the rounding errors of the residual. */
static PetscErrorCode ConvergenceTest(SNES snes, PetscInt it, PetscReal xnorm, PetscReal ynorm, PetscReal fnorm, SNESConvergedReason *reason, void *ctx)
{
  GWModel   m = (GWModel)ctx;
  Vec       F;
  PetscReal l1, tol, floor, l2;
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
  PetscCall(UnbalancedVolume(m, F, &l1, &tol, &floor, &l2));
  m->obj_val      = l2 * l2; /* F is the residual of the SNES's solution: the line search starts here */
  m->obj_valid    = PETSC_TRUE;
  m->newton_tol   = tol;
  m->newton_floor = floor;
  PetscCall(SNESGetTolerances(snes, NULL, NULL, NULL, &maxit, NULL));
  if (l1 <= tol)
    *reason = SNES_CONVERGED_FNORM_ABS;
  else if (it > 0 && l1 <= floor && (l1 > 0.1 * m->l1_prev || m->lin_confirmed))
    *reason = SNES_CONVERGED_FNORM_ABS;
  else if (it >= maxit)
    *reason = SNES_DIVERGED_MAX_IT;
  m->l1_prev = l1;
  if (*reason > 0) {
    Vec X;
    PetscCall(SNESGetSolution(snes, &X));
    PetscCall(PetscObjectStateGet((PetscObject)X, &m->gate_state));
    m->gate_l1    = l1;
    m->gate_tol   = tol;
    m->gate_floor = floor;
  }
  PetscCall(PetscInfo(snes, "it %" PetscInt_FMT ": unbalanced volume rate %g m^3/s, tolerance %g m^3/s, round-off floor %g m^3/s\n", it, (double)l1, (double)tol, (double)floor));
  PetscFunctionReturn(0);
}

/* The gate every step passes whatever solver the user configured (-gw_snes_type ksponly,
   -gw_snes_convergence_test skip, a custom test): the residual is evaluated afresh at the solution
   X the solver returned and the step is accepted only when its unbalanced volume rate is within
   the tolerance of ConvergenceTest() or at its round-off floor. Collective. */
PetscErrorCode GWModelCheckStepBalance_Private(GWModel m, Vec X, PetscBool *ok, PetscReal *l1, PetscReal *tol)
{
  PetscReal        floor;
  PetscObjectState s;

  PetscFunctionBegin;
  PetscCall(PetscObjectStateGet((PetscObject)X, &s));
  if (X == m->X && m->gate_state && s == m->gate_state) { /* ConvergenceTest() evaluated this very iterate */
    *l1   = m->gate_l1;
    *tol  = m->gate_tol;
    floor = m->gate_floor;
  } else {
    PetscCall(FormResidual(m->snes, X, m->Fw, m));
    PetscCall(UnbalancedVolume(m, m->Fw, l1, tol, &floor, NULL));
  }
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

/* The KSP's pre- and post-solve hooks are libgw's, so PETSc's own Eisenstat-Walker hooks, which
   -gw_snes_ksp_ew would install there, are called from them (else the option does nothing). */
static PetscErrorCode LinearSolveBegin(KSP ksp, Vec b, Vec x, void *ctx)
{
  GWModel   m = (GWModel)ctx;
  PetscBool ew;

  PetscFunctionBegin;
  PetscCall(PetscLogEventBegin(GW_LinearSolve, ksp, b, x, 0));
  PetscCall(SNESKSPGetUseEW(m->snes, &ew));
  if (ew) PetscCall(KSPPreSolve_SNESEW(ksp, b, x, m->snes));
  PetscCall(GWModelLinearSolveBegin_Private(m, ksp, b, x));
  PetscFunctionReturn(0);
}

static PetscErrorCode LinearSolveEnd(KSP ksp, Vec b, Vec x, void *ctx)
{
  GWModel   m = (GWModel)ctx;
  PetscBool ew;

  PetscFunctionBegin;
  PetscCall(SNESKSPGetUseEW(m->snes, &ew));
  if (ew) PetscCall(KSPPostSolve_SNESEW(ksp, b, x, m->snes));
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

/* Merit function of the line search (SNESSetObjective(); the l2 search minimises it along the
   Newton step instead of ||F||_2^2): the sum of squared unbalanced volume rates, sum_c (F_c V_c)^2
   + sum_u F_u^2 [m^6/s^2], in the units of Newton's acceptance test. ||F||_2 mixes rows of cells in
   1/s (a volume rate over the cell volume, 1e3-1e5 m^3) with rows of package unknowns in m^3/s,
   whose round-off (C eps |H|: 3e-15 m^3/s for a reach's leakage at heads of 120 m) then outweighs
   cells still 1e-10 of the flows from balance: the search fitted noise and took steps of 0.3-2
   times Newton's (examples/arid_fan_river: 989 of 6015 steps stopped by the round-off floor above
   the mass-balance tolerance, each Newton iteration reducing it only by 1 - lambda). At the
   SNES's own iterate the value of ConvergenceTest() is used: no residual evaluation more. Set
   only when the line search is l2 after the options (bt reads an objective's gradient as F);
   the automatic switch to basic (linear.c) ignores it. */
static PetscErrorCode Objective(SNES snes, Vec X, PetscReal *obj, void *ctx)
{
  GWModel   m = (GWModel)ctx;
  Vec       sol;
  PetscReal l2;

  PetscFunctionBegin;
  PetscCall(SNESGetSolution(snes, &sol));
  if (X == sol && m->obj_valid) {
    *obj = m->obj_val;
    PetscFunctionReturn(0);
  }
  PetscCall(FormResidual(snes, X, m->Fw, m));
  PetscCall(VecPointwiseMult(m->Fw, m->Fw, m->wvol));
  PetscCall(VecNorm(m->Fw, NORM_2, &l2));
  *obj = l2 * l2;
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
     backtracking on ||F|| stalls at the kinks, the secant l2 search does not. The full limited
     step (-gw_snes_linesearch_type basic or bt) takes about the same Newton iterations on B1 for
     1.25 instead of 3.25 residual evaluations each, but more on sharp infiltration fronts, which
     changes the steps of an uncontrolled run (see doc/performance.md). A state-independent
     Jacobian (every cell saturated) takes the full step: GWModelJacobianAssembled_Private() */
  PetscCall(SNESLineSearchSetType(ls, SNESLINESEARCHL2));
  PetscCall(SNESLineSearchSetPreCheck(ls, LimitUpdate, m));
  PetscCall(SNESGetKSP(m->snes, &ksp));
  PetscCall(KSPSetTolerances(ksp, 1e-8, PETSC_DEFAULT, PETSC_DEFAULT, PETSC_DEFAULT));
  PetscCall(KSPSetPreSolve(ksp, LinearSolveBegin, m));
  PetscCall(KSPSetPostSolve(ksp, LinearSolveEnd, m));
  PetscCall(GWModelSetUpLinearSolver_Private(m, ksp));
  PetscCall(SNESSetFromOptions(m->snes));
  { /* l2 minimises an objective if there is one; bt would take F for its gradient (not so here) */
    PetscBool l2;
    PetscCall(PetscObjectTypeCompare((PetscObject)ls, SNESLINESEARCHL2, &l2));
    if (l2) PetscCall(SNESSetObjective(m->snes, Objective, m));
  }
  PetscCall(MatDestroy(&J));
  PetscFunctionReturn(0);
}

/* Face fluxes of the current state, stored once (Design notes: budget terms from the same face
   fluxes the residual uses): per ghosted cell the flow [m^3/s] across its +x face (to i + 1), its
   +y face (to j + 1) and its lower face (to layer k + 1), in m->qface; 0 where that neighbour is
   outside the grid or the ghosted box. Each rank computes the faces of its ghost cells itself, from
   the same ghosted values as their owner (the same bits), rather than scattering the owner's: no
   global vector of 3 values per cell and no scatter. Recomputed only when pressure head or a
   parameter changed. */
PetscErrorCode GWModelComputeFaceFluxes_Private(GWModel m)
{
  PetscObjectState s;
  State            st;
  PetscScalar     *q;

  PetscFunctionBegin;
  PetscCall(PetscObjectStateGet((PetscObject)m->psi, &s));
  if (m->qvalid && s == m->qstate) PetscFunctionReturn(0);
  if (!m->daq) {
    PetscCall(DMDACreateCompatibleDMDA(m->da, 3, &m->daq));
    PetscCall(DMCreateLocalVector(m->daq, &m->qface));
  }
  PetscCall(StateGet(m, m->psi, &st));
  PetscCall(VecGetArray(m->qface, &q)); /* ghosted cells in x-fastest order, 3 values each */
  for (PetscInt k = st.b.gzs, c = 0; k < st.b.gzs + st.b.gzm; k++)
    for (PetscInt j = st.b.gys; j < st.b.gys + st.b.gym; j++)
      for (PetscInt i = st.b.gxs; i < st.b.gxs + st.b.gxm; i++, c++)
        for (PetscInt d = 0; d < 3; d++) {
          PetscInt  n = 2 * d + 1, in = i + GWNeighbours_Private[n][0], jn = j + GWNeighbours_Private[n][1], kn = k + GWNeighbours_Private[n][2]; /* the +x, +y and lower neighbours */
          PetscReal Q = 0, dQc, dQn;
          if (InDomain(m, in, jn, kn) && in < st.b.gxs + st.b.gxm && jn < st.b.gys + st.b.gym && kn < st.b.gzs + st.b.gzm) PetscCall(FaceFlux(m, &st.b, st.x, st.g, i, j, k, n, &Q, &dQc, &dQn, NULL));
          q[3 * c + d] = -Q; /* FaceFlux is into (i, j, k) */
        }
  PetscCall(VecRestoreArray(m->qface, &q));
  PetscCall(StateRestore(m, &st));
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
  PetscCall(GWModelGetFaceFluxArray_Private(m, &q));
  for (PetscInt k = st.b.zs; k < st.b.zs + st.b.zm; k++)
    for (PetscInt j = st.b.ys; j < st.b.ys + st.b.ym; j++)
      for (PetscInt i = st.b.xs; i < st.b.xs + st.b.xm; i++) {
        PetscScalar *gc = st.g[k][j][i];
        PetscInt     z  = (PetscInt)gc[GW_GEO_MAT];
        PetscReal    S = 0.0, dS = 0.0;
        PetscCall(Storage(m->mat[z], st.x[k][j][i], st.xo[k][j][i], st.tho[k][j][i], &m->cons[4 * GhostIndex(&st.b, i, j, k)], &S, &dS));
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
  PetscCall(StateRestore(m, &st));
  PetscFunctionReturn(0);
}
