/* The transport step: after each accepted flow step, one backward-Euler finite-volume solve per
   solute of

     d(theta c + rho_b F(c))/dt + div(q c) - div(theta D grad c)
       = -lambda_l theta c - lambda_s rho_b F(c) + gamma_l theta + gamma_s rho_b + package sources

   (F the sorption isotherm, Kd c when linear; Newton iterations when not)

   with the flow step's own face fluxes (upwind advection) and water volumes, so the solute mass
   balance closes whatever the flow's Newton tolerance (doc/theory.md, "Solute transport"). */
#include <gw/private/transportimpl.h>
#include <string.h>

/* Packages whose outflow is water leaving as vapour or through roots: the solute stays behind. */
static PetscErrorCode OutflowCarriesSolute(GWPackage pkg, PetscBool *carry)
{
  GWPackageType type;

  PetscFunctionBegin;
  PetscCall(GWPackageGetType(pkg, &type));
  *carry = (PetscBool) !(type && (!strcmp(type, GWPACKAGEATMOSPHERE) || !strcmp(type, GWPACKAGEEVAPOTRANSPIRATION) || !strcmp(type, GWPACKAGEROOTUPTAKE)));
  PetscFunctionReturn(0);
}

PetscErrorCode GWModelSetUpTransport_Private(GWModel m)
{
  struct _n_GWTransport *tr   = m->transport;
  MPI_Comm               comm = PetscObjectComm((PetscObject)m);

  PetscFunctionBegin;
  PetscCall(PetscMalloc2(PetscMax(m->nmat, 1), &tr->phi, PetscMax(m->npkg, 1), &tr->carry));
  for (PetscInt z = 0; z < m->nmat; z++) PetscCall(GWMaterialGetWaterContentLimits(m->mat[z], NULL, &tr->phi[z]));
  for (PetscInt p = 0; p < m->npkg; p++) PetscCall(OutflowCarriesSolute(m->pkg[p], &tr->carry[p]));
  PetscCall(PetscCalloc1(PetscMax(m->npkg, 1), &tr->qin));
  for (PetscInt p = 0; p < m->npkg; p++) PetscCall(PetscMalloc1(PetscMax(m->pkg[p]->nentry, 1), &tr->qin[p]));
  PetscCall(DMCreateGlobalVector(m->da, &tr->W));
  PetscCall(VecDuplicate(tr->W, &tr->Wold));
  PetscCall(VecDuplicate(tr->W, &tr->b));
  PetscCall(VecDuplicate(tr->W, &tr->dW));
  PetscCall(VecDuplicate(tr->W, &tr->r));
  PetscCall(VecDuplicate(tr->W, &tr->dvec));
  PetscCall(VecDuplicate(tr->W, &tr->dc));
  PetscCall(VecDuplicate(tr->W, &tr->dp));
  PetscCall(VecDuplicate(tr->W, &tr->dn));
  PetscCall(DMCreateLocalVector(m->da, &tr->Wl));
  PetscCall(DMCreateLocalVector(m->da, &tr->cl));
  PetscCall(VecDuplicate(tr->W, &tr->corr));
  PetscCall(VecDuplicate(tr->W, &tr->Wk));
  for (PetscInt d = 0; d < 3; d++) {
    PetscCall(VecDuplicate(tr->W, &tr->fc[d]));
    PetscCall(DMCreateLocalVector(m->da, &tr->fcl[d]));
  }
  for (PetscInt d = 0; d < 3; d++) {
    PetscCall(VecDuplicate(tr->W, &tr->qc[d]));
    PetscCall(DMCreateLocalVector(m->da, &tr->qcl[d]));
  }
  PetscCall(DMCreateMatrix(m->da, &tr->A));
  PetscCall(KSPCreate(comm, &tr->ksp));
  PetscCall(KSPSetOptionsPrefix(tr->ksp, "gw_transport_"));
  PetscCall(KSPSetType(tr->ksp, KSPGMRES));
  /* the solute balance error of a step is the sum of the linear residual: solve tightly */
  PetscCall(KSPSetTolerances(tr->ksp, 1e-13, 1e-300, PETSC_DEFAULT, 10000));
  PetscCall(KSPSetFromOptions(tr->ksp));
  tr->sorp_rtol  = 1e-12;
  tr->sorp_maxit = 50;
  PetscOptionsBegin(comm, NULL, "Solute transport with nonlinear sorption", "GWSolute");
  PetscCall(PetscOptionsReal("-gw_transport_sorption_rtol", "Newton iteration of nonlinear sorption: stop when the mass residual is below rtol times that of the first iterate", "GWSoluteSetFreundlich", tr->sorp_rtol, &tr->sorp_rtol, NULL));
  PetscCall(PetscOptionsInt("-gw_transport_sorption_max_it", "Most Newton iterations of nonlinear sorption in one step", "GWSoluteSetFreundlich", tr->sorp_maxit, &tr->sorp_maxit, NULL));
  PetscOptionsEnd();
  PetscCheck(tr->sorp_rtol > 0 && tr->sorp_maxit > 0, comm, PETSC_ERR_ARG_OUTOFRANGE, "-gw_transport_sorption_rtol (%g) and -gw_transport_sorption_max_it (%" PetscInt_FMT ") must be positive", (double)tr->sorp_rtol, tr->sorp_maxit);
  for (PetscInt q = 0; q < tr->nsolute; q++) {
    PetscCall(GWSoluteSetUp_Private(tr->solute[q], m));
    PetscCall(GWSoluteSetUpSorption_Private(tr->solute[q]));
  }
  tr->wvalid = PETSC_FALSE;
  PetscFunctionReturn(0);
}

PetscErrorCode GWModelResetTransport_Private(GWModel m)
{
  struct _n_GWTransport *tr = m->transport;

  PetscFunctionBegin;
  tr->wvalid = PETSC_FALSE;
  /* porosities may have changed through GWModelSetParameter() */
  for (PetscInt z = 0; z < m->nmat; z++) PetscCall(GWMaterialGetWaterContentLimits(m->mat[z], NULL, &tr->phi[z]));
  for (PetscInt q = 0; q < tr->nsolute; q++) PetscCall(GWSoluteReset_Private(tr->solute[q]));
  PetscFunctionReturn(0);
}

PetscErrorCode GWModelDestroyTransport_Private(GWModel m)
{
  struct _n_GWTransport *tr = m->transport;

  PetscFunctionBegin;
  if (!tr) PetscFunctionReturn(0);
  for (PetscInt q = 0; q < tr->nsolute; q++) {
    PetscCall(GWSoluteDestroyData_Private(tr->solute[q]));
    PetscCall(GWSoluteDestroy(&tr->solute[q]));
  }
  PetscCall(PetscFree(tr->solute));
  if (tr->qin)
    for (PetscInt p = 0; p < m->npkg; p++) PetscCall(PetscFree(tr->qin[p]));
  PetscCall(PetscFree(tr->qin));
  PetscCall(PetscFree2(tr->phi, tr->carry));
  PetscCall(VecDestroy(&tr->W));
  PetscCall(VecDestroy(&tr->Wold));
  PetscCall(VecDestroy(&tr->Wl));
  PetscCall(VecDestroy(&tr->cl));
  PetscCall(VecDestroy(&tr->corr));
  PetscCall(VecDestroy(&tr->Wk));
  for (PetscInt d = 0; d < 3; d++) {
    PetscCall(VecDestroy(&tr->fc[d]));
    PetscCall(VecDestroy(&tr->fcl[d]));
  }
  PetscCall(VecDestroy(&tr->b));
  PetscCall(VecDestroy(&tr->dW));
  PetscCall(VecDestroy(&tr->r));
  PetscCall(VecDestroy(&tr->dvec));
  PetscCall(VecDestroy(&tr->dc));
  PetscCall(VecDestroy(&tr->dp));
  PetscCall(VecDestroy(&tr->dn));
  for (PetscInt d = 0; d < 3; d++) {
    PetscCall(VecDestroy(&tr->qc[d]));
    PetscCall(VecDestroy(&tr->qcl[d]));
  }
  PetscCall(MatDestroy(&tr->A));
  PetscCall(KSPDestroy(&tr->ksp));
  PetscCall(PetscFree(m->transport));
  PetscFunctionReturn(0);
}

/* Water volume of every cell at the end of the step [m^3]: the volume at its start plus the net
   inflow over the step through the stored face fluxes and the packages, the terms of the flow
   residual. It differs from V theta^{n+1} only by the flow step's unbalanced volume (below the
   flow's mass-balance tolerance), and with it a uniform concentration stays exactly uniform. At
   the first step after set-up or reset the start volume is V theta^n. */
static PetscErrorCode WaterVolumes(GWModel m, PetscReal dt)
{
  struct _n_GWTransport *tr = m->transport;
  PetscScalar        ****g, ****qf, ***W, ***Wo, ***dW, ***th;
  PetscInt               xs, ys, zs, xm, ym, zm;

  PetscFunctionBegin;
  PetscCall(DMDAGetCorners(m->da, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCall(GWModelGetGeometryArray_Private(m, &g));
  if (tr->wvalid)
    PetscCall(VecCopy(tr->W, tr->Wold));
  else {
    PetscCall(DMDAVecGetArrayRead(m->da, m->theta_old, &th));
    PetscCall(DMDAVecGetArray(m->da, tr->Wold, &Wo));
    for (PetscInt k = zs; k < zs + zm; k++)
      for (PetscInt j = ys; j < ys + ym; j++)
        for (PetscInt i = xs; i < xs + xm; i++) Wo[k][j][i] = th[k][j][i] * g[k][j][i][GW_GEO_DX] * g[k][j][i][GW_GEO_DY] * g[k][j][i][GW_GEO_THICK];
    PetscCall(DMDAVecRestoreArray(m->da, tr->Wold, &Wo));
    PetscCall(DMDAVecRestoreArrayRead(m->da, m->theta_old, &th));
  }
  PetscCall(GWModelGetFaceFluxArray_Private(m, &qf));
  PetscCall(DMDAVecGetArray(m->da, tr->dW, &dW));
  for (PetscInt k = zs; k < zs + zm; k++)
    for (PetscInt j = ys; j < ys + ym; j++)
      for (PetscInt i = xs; i < xs + xm; i++) {
        PetscReal in = 0;
        for (PetscInt n = 0; n < 6; n++) {
          PetscInt in_ = i + GWNeighbours_Private[n][0], jn = j + GWNeighbours_Private[n][1], kn = k + GWNeighbours_Private[n][2];
          if (in_ < 0 || in_ >= m->nx || jn < 0 || jn >= m->ny || kn < 0 || kn >= m->nz) continue;
          in += GWStoredFaceFlux_Private(qf, i, j, k, n);
        }
        dW[k][j][i] = dt * in;
      }
  for (PetscInt p = 0; p < m->npkg; p++)
    for (PetscInt e = 0; e < m->pkg[p]->nentry; e++) {
      const GWPackageEntry *en = &m->pkg[p]->entry[e];
      dW[en->k][en->j][en->i] += dt * m->pkg[p]->Q[e];
    }
  PetscCall(DMDAVecRestoreArray(m->da, tr->dW, &dW));
  PetscCall(VecWAXPY(tr->W, 1.0, tr->Wold, tr->dW));
  PetscCall(DMDAVecGetArrayRead(m->da, tr->Wold, &Wo));
  PetscCall(DMDAVecGetArray(m->da, tr->W, &W));
  for (PetscInt k = zs; k < zs + zm; k++)
    for (PetscInt j = ys; j < ys + ym; j++)
      for (PetscInt i = xs; i < xs + xm; i++)
        PetscCheck(W[k][j][i] > 0, PETSC_COMM_SELF, PETSC_ERR_NOT_CONVERGED, "Solute transport at t = %g s: the water volume of cell (i=%" PetscInt_FMT ", j=%" PetscInt_FMT ", layer=%" PetscInt_FMT ") at the end of the step is %g m^3 (start %g m^3): more water left it than it held; shorten the time step (-gw_dt_max) or tighten the flow's mass-balance tolerance", (double)m->step_t1, i, j, k, (double)W[k][j][i], (double)Wo[k][j][i]);
  PetscCall(DMDAVecRestoreArray(m->da, tr->W, &W));
  PetscCall(DMDAVecRestoreArrayRead(m->da, tr->Wold, &Wo));
  PetscFunctionReturn(0);
}

/* Dispersion-diffusion conductance theta D_nn A / (dc + dn) [m^3/s] of a face along axis dir with
   area A between the centre of cell c (geometry gc, water content thc, centre Darcy flux qcc) at
   distance dc and that of cell n (gn, thn, qcn) at dn, or a boundary face of cell c (gn NULL, dn
   = 0). Q is the flow across the face [m^3/s]. Diffusion: Millington-Quirk theta^(10/3) Dm / phi^2
   per cell, combined by the distance-weighted harmonic mean like the conductance. Mechanical
   dispersion: the normal component of Bear's tensor, theta D_nn = alphaT |q| + (alphaL - alphaT)
   q_n^2 / |q|, with q_n = Q / A and the tangential components from the cell-centre fluxes of the
   two cells (the cross terms theta D_nt dc/dt are left out: the two-point approximation). */
static PetscReal FaceDispersion(GWSolute s, const PetscReal phi[], const PetscScalar *gc, const PetscScalar *gn, PetscInt dir, PetscReal A, PetscReal dc, PetscReal dn, PetscReal Q, PetscReal thc, PetscReal thn, const PetscReal qcc[3], const PetscReal qcn[3])
{
  PetscInt         zc = (PetscInt)gc[GW_GEO_MAT], zn = gn ? (PetscInt)gn[GW_GEO_MAT] : zc;
  const PetscReal *pc = &s->mp[GW_SOL_NPROP * zc], *pn = &s->mp[GW_SOL_NPROP * zn];
  PetscReal        Dc = s->Dm * PetscPowReal(PetscMax(thc, 0), 10.0 / 3.0) / (phi[zc] * phi[zc]);
  PetscReal        Dn = s->Dm * PetscPowReal(PetscMax(thn, 0), 10.0 / 3.0) / (phi[zn] * phi[zn]);
  PetscReal        diff, qn = Q / A, q2 = qn * qn, qa, aL, aT, mech = 0;

  if (!gn)
    diff = Dc;
  else
    diff = (Dc > 0 && Dn > 0) ? (dc + dn) / (dc / Dc + dn / Dn) : 0.0;
  for (PetscInt a = 0; a < 3; a++)
    if (a != dir) {
      PetscReal qt = gn ? 0.5 * (qcc[a] + qcn[a]) : qcc[a];
      q2 += qt * qt;
    }
  qa = PetscSqrtReal(q2);
  aL = 0.5 * (pc[GW_SOL_AL] + pn[GW_SOL_AL]);
  aT = 0.5 * (pc[GW_SOL_AT] + pn[GW_SOL_AT]);
  if (qa > 0) mech = aT * qa + (aL - aT) * qn * qn / qa;
  return A * (diff + mech) / (dc + dn);
}

/* Per-cell data of the transport step, from the arrays of one rank. */
typedef struct {
  PetscScalar ****g, ****qf, ***Wn, ***Wo, ***dW, ***q[3];
} StepArrays;

static PetscErrorCode ArraysGet(GWModel m, StepArrays *a)
{
  struct _n_GWTransport *tr = m->transport;

  PetscFunctionBegin;
  PetscCall(GWModelGetGeometryArray_Private(m, &a->g));
  PetscCall(GWModelGetFaceFluxArray_Private(m, &a->qf));
  PetscCall(DMDAVecGetArrayRead(m->da, tr->Wl, &a->Wn));
  PetscCall(DMDAVecGetArrayRead(m->da, tr->Wold, &a->Wo));
  PetscCall(DMDAVecGetArrayRead(m->da, tr->dW, &a->dW));
  for (PetscInt d = 0; d < 3; d++) PetscCall(DMDAVecGetArrayRead(m->da, tr->qcl[d], &a->q[d]));
  PetscFunctionReturn(0);
}

static PetscErrorCode ArraysRestore(GWModel m, StepArrays *a)
{
  struct _n_GWTransport *tr = m->transport;

  PetscFunctionBegin;
  PetscCall(DMDAVecRestoreArrayRead(m->da, tr->Wl, &a->Wn));
  PetscCall(DMDAVecRestoreArrayRead(m->da, tr->Wold, &a->Wo));
  PetscCall(DMDAVecRestoreArrayRead(m->da, tr->dW, &a->dW));
  for (PetscInt d = 0; d < 3; d++) PetscCall(DMDAVecRestoreArrayRead(m->da, tr->qcl[d], &a->q[d]));
  PetscFunctionReturn(0);
}

static inline PetscReal CellVolume(const PetscScalar *g)
{
  return g[GW_GEO_DX] * g[GW_GEO_DY] * g[GW_GEO_THICK];
}

/* Dispersion conductance between package entry en's face at a fixed concentration and its cell. */
static PetscReal EntryDispersion(GWSolute s, GWModel m, const StepArrays *a, const GWPackageEntry *en, PetscReal Q)
{
  PetscInt     i = en->i, j = en->j, k = en->k;
  PetscInt     dir = (en->face == GW_FACE_WEST || en->face == GW_FACE_EAST) ? 0 : (en->face == GW_FACE_SOUTH || en->face == GW_FACE_NORTH) ? 1
                                                                                                                                           : 2;
  PetscScalar *gc  = a->g[k][j][i];
  PetscReal    th = a->Wn[k][j][i] / CellVolume(gc), qc[3] = {a->q[0][k][j][i], a->q[1][k][j][i], a->q[2][k][j][i]};

  if (en->area <= 0 || en->dist <= 0) return 0.0;
  return FaceDispersion(s, m->transport->phi, gc, NULL, dir, en->area, en->dist, 0.0, Q, th, th, qc, qc);
}

/* Assembles the backward-Euler system of solute s for the Newton update of the increment
   dc = c - c^n at the iterate c = c^n + dc (s->c, tr->dc; one update from dc = 0 solves the linear
   isotherm):
     [W/dt + lambda_l W + (1/dt + lambda_s) G'(c) + F] update = -r(c),
     r(c) = W dc/dt + c^n (W - W^0)/dt + (G(c) - G(c^n))/dt + lambda_l W c + lambda_s G(c) + F c - sources
   with F the advection, dispersion and package-outflow operator and G the sorbed mass of the cell
   (V rho_b Kd c when linear). It is the equation W c - W^0 c^n + G(c) - G(c^n) = dt (...), written
   so that no term holds the stored mass itself: the right side and the balance carry a round-off
   of the step's flows, not of the mass in the domain. Matrix tr->A, right side tr->b. */
static PetscErrorCode Assemble(GWModel m, GWSolute s, PetscReal dt, const StepArrays *a)
{
  struct _n_GWTransport *tr = m->transport;
  PetscScalar         ***co, ***dci, ***b, ***dg;
  PetscInt               xs, ys, zs, xm, ym, zm;

  PetscFunctionBegin;
  PetscCall(DMDAGetCorners(m->da, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCall(MatZeroEntries(tr->A));
  PetscCall(DMDAVecGetArrayRead(m->da, s->c_old, &co));
  PetscCall(DMDAVecGetArrayRead(m->da, tr->dc, &dci));
  PetscCall(DMDAVecGetArray(m->da, tr->b, &b));
  PetscCall(DMDAVecGetArray(m->da, tr->dvec, &dg));
  for (PetscInt k = zs; k < zs + zm; k++)
    for (PetscInt j = ys; j < ys + ym; j++)
      for (PetscInt i = xs; i < xs + xm; i++) {
        PetscScalar *gc = a->g[k][j][i];
        PetscInt     z = (PetscInt)gc[GW_GEO_MAT], nc = 1;
        PetscReal    V = CellVolume(gc), rho = s->mp[GW_SOL_NPROP * z + GW_SOL_RHO], c0 = co[k][j][i], d = dci[k][j][i], G, dG, G0, dG0;
        PetscReal    Wn = a->Wn[k][j][i], diag = 0, val[7];
        PetscReal    qcc[3] = {a->q[0][k][j][i], a->q[1][k][j][i], a->q[2][k][j][i]};
        MatStencil   row    = {k, j, i, 0}, col[7];
        GWSoluteSorbedMass_Private(s, z, V, c0 + d, GW_SORPTION_CMIN, &G, &dG);
        GWSoluteSorbedMass_Private(s, z, V, c0, GW_SORPTION_CMIN, &G0, &dG0);
        dg[k][j][i] = Wn / dt + s->lam_l * Wn + (1 / dt + s->lam_s) * dG;
        b[k][j][i]  = s->gam_l * Wn + s->gam_s * rho * V - a->dW[k][j][i] / dt * c0 - s->lam_l * Wn * (c0 + d) - Wn * d / dt - (G - G0) / dt - s->lam_s * G;
        col[0]      = row;
        for (PetscInt n = 0; n < 6; n++) {
          PetscInt     in = i + GWNeighbours_Private[n][0], jn = j + GWNeighbours_Private[n][1], kn = k + GWNeighbours_Private[n][2], dir = GWNeighbours_Private[n][3];
          PetscScalar *gn;
          PetscReal    A, dc, dd, Q, D, qcn[3];
          if (in < 0 || in >= m->nx || jn < 0 || jn >= m->ny || kn < 0 || kn >= m->nz) continue;
          gn = a->g[kn][jn][in];
          GWFaceGeometry_Private(gc, gn, dir, &A, &dc, &dd);
          Q = GWStoredFaceFlux_Private(a->qf, i, j, k, n);
          for (PetscInt d = 0; d < 3; d++) qcn[d] = a->q[d][kn][jn][in];
          D = FaceDispersion(s, tr->phi, gc, gn, dir, A, dc, dd, Q, Wn / V, a->Wn[kn][jn][in] / CellVolume(gn), qcc, qcn);
          /* upwind: inflow (Q > 0) brings the neighbour's concentration, outflow takes this cell's */
          diag += D + (Q < 0 ? -Q : 0.0);
          col[nc].i = in;
          col[nc].j = jn;
          col[nc].k = kn;
          col[nc].c = 0;
          val[nc++] = -D - (Q > 0 ? Q : 0.0);
        }
        val[0] = diag;
        PetscCall(MatSetValuesStencil(tr->A, 1, &row, nc, col, val, ADD_VALUES));
      }
  for (PetscInt p = 0; p < m->npkg; p++) {
    GWPackage pkg = m->pkg[p];
    for (PetscInt e = 0; e < pkg->nentry; e++) {
      const GWPackageEntry *en  = &pkg->entry[e];
      MatStencil            row = {en->k, en->j, en->i, 0};
      PetscReal             Q = pkg->Q[e], d = 0;
      b[en->k][en->j][en->i] += tr->qin[p][e] * s->pkg_c[p];
      if (Q < 0 && tr->carry[p]) d = -Q;
      if (s->pkg_kind[p] == GW_SOLUTE_FIXED) {
        PetscReal D = EntryDispersion(s, m, a, en, Q);
        d += D;
        b[en->k][en->j][en->i] += D * s->pkg_c[p];
      }
      if (d != 0) PetscCall(MatSetValuesStencil(tr->A, 1, &row, 1, &row, &d, ADD_VALUES));
    }
  }
  PetscCall(DMDAVecRestoreArray(m->da, tr->dvec, &dg));
  PetscCall(DMDAVecRestoreArray(m->da, tr->b, &b));
  PetscCall(DMDAVecRestoreArrayRead(m->da, tr->dc, &dci));
  PetscCall(DMDAVecRestoreArrayRead(m->da, s->c_old, &co));
  PetscCall(MatAssemblyBegin(tr->A, MAT_FINAL_ASSEMBLY));
  PetscCall(MatAssemblyEnd(tr->A, MAT_FINAL_ASSEMBLY));
  PetscCall(MatMult(tr->A, s->c, tr->r)); /* F c at the iterate */
  PetscCall(VecAXPY(tr->b, -1.0, tr->r));
  if (s->adv == GW_ADVECTION_TVD) { /* deferred correction: the high-order part of the flux at the iterate */
    PetscCall(DMGlobalToLocal(m->da, s->c, INSERT_VALUES, tr->cl));
    PetscCall(GWSoluteTVDCorrection_Private(m, a->qf, tr->cl));
    PetscCall(VecAXPY(tr->b, 1.0, tr->corr));
  }
  PetscCall(MatDiagonalSet(tr->A, tr->dvec, ADD_VALUES));
  PetscFunctionReturn(0);
}

/* Percent-discrepancy style error as the water budget's (lib/budget/budget.c), relative to the
   mean of IN and OUT, or to half the gross storage change G = sum over cells of |W dc| + |c^0 dW|
   + |S dc| when that is larger: in a step where evaporation concentrates salt and nothing crosses
   the boundary, IN and OUT are zero while the cells' storage terms are not. */
static void MassBalance(PetscReal in, PetscReal out, PetscReal storage, PetscReal G, PetscReal *abserr, PetscReal *relerr)
{
  PetscReal IN = in + PetscMax(-storage, 0.0), OUT = out + PetscMax(storage, 0.0), scale = 0.5 * PetscMax(IN + OUT, G);

  *abserr = IN - OUT;
  *relerr = scale > 0 ? PetscAbsReal(IN - OUT) / scale : 0.0;
}

/* Equilibrium with the solid phase after the solve (operator splitting): where the solved
   concentration c* exceeds the solubility c_sat, the excess (W + S)(c* - c_sat) precipitates; where
   it is below and solid is present, solid dissolves up to (W + S)(c_sat - c*). The mass moves
   between phases of the same cell, so the balance is unchanged; the dissolved and sorbed phases
   end at the new concentration. Fills tr->dp [kg per cell] and updates s->solid and s->c. */
static PetscErrorCode Precipitate(GWModel m, GWSolute s, const StepArrays *a)
{
  struct _n_GWTransport *tr = m->transport;
  PetscScalar         ***c, ***co, ***dc, ***dp, ***sol;
  PetscInt               xs, ys, zs, xm, ym, zm;

  PetscFunctionBegin;
  PetscCall(VecSet(tr->dp, 0.0));
  if (!s->solid) PetscFunctionReturn(0);
  PetscCall(DMDAGetCorners(m->da, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCall(DMDAVecGetArray(m->da, s->c, &c));
  PetscCall(DMDAVecGetArrayRead(m->da, s->c_old, &co));
  PetscCall(DMDAVecGetArrayRead(m->da, tr->dc, &dc));
  PetscCall(DMDAVecGetArray(m->da, tr->dp, &dp));
  PetscCall(DMDAVecGetArray(m->da, s->solid, &sol));
  for (PetscInt k = zs; k < zs + zm; k++)
    for (PetscInt j = ys; j < ys + ym; j++)
      for (PetscInt i = xs; i < xs + xm; i++) {
        PetscScalar *gc = a->g[k][j][i];
        PetscInt     z  = (PetscInt)gc[GW_GEO_MAT];
        PetscReal    V = CellVolume(gc), cap = a->Wn[k][j][i] + V * s->mp[GW_SOL_NPROP * z + GW_SOL_RHO] * s->mp[GW_SOL_NPROP * z + GW_SOL_KD];
        PetscReal    cs = co[k][j][i] + dc[k][j][i], p = 0;
        if (cs > s->csat)
          p = cap * (cs - s->csat);
        else if (sol[k][j][i] > 0)
          p = -PetscMin(sol[k][j][i] * V, cap * (s->csat - cs));
        if (p == 0) continue;
        dp[k][j][i] = p;
        sol[k][j][i] += p / V;
        c[k][j][i] = cs - p / cap;
      }
  PetscCall(DMDAVecRestoreArray(m->da, s->solid, &sol));
  PetscCall(DMDAVecRestoreArray(m->da, tr->dp, &dp));
  PetscCall(DMDAVecRestoreArrayRead(m->da, tr->dc, &dc));
  PetscCall(DMDAVecRestoreArrayRead(m->da, s->c_old, &co));
  PetscCall(DMDAVecRestoreArray(m->da, s->c, &c));
  PetscFunctionReturn(0);
}

/* Zeroes the zone budget of the (sub-)step, s->zwork, and books to it the solute flows between zones: across each
   face between cells of different zones, the advective (upwind, plus the TVD correction of the
   last iterate, which was at c*) and dispersive flow of the matrix at the solved concentration
   c* = c^n + dc, into a cell's zone from the other (GW_SZ_FROM) or out of it (GW_SZ_TO). Each rank books the faces of its own cells, so a face between ranks is booked
   once on each side, to each side's zone, as within a rank. */
static PetscErrorCode ZoneFlows(GWModel m, GWSolute s, PetscReal dt, const StepArrays *a)
{
  struct _n_GWTransport *tr = m->transport;
  PetscScalar         ***c, ***fl[3];
  PetscInt               xs, ys, zs, xm, ym, zm;

  PetscFunctionBegin;
  PetscCall(PetscArrayzero(s->zwork, GW_SZ_N * m->nmat));
  if (m->nmat < 2) PetscFunctionReturn(0);
  PetscCall(VecWAXPY(tr->r, 1.0, s->c_old, tr->dc));
  PetscCall(DMGlobalToLocal(m->da, tr->r, INSERT_VALUES, tr->cl));
  PetscCall(DMDAGetCorners(m->da, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCall(DMDAVecGetArrayRead(m->da, tr->cl, &c));
  for (PetscInt d = 0; d < 3; d++) PetscCall(DMDAVecGetArrayRead(m->da, tr->fcl[d], &fl[d]));
  for (PetscInt k = zs; k < zs + zm; k++)
    for (PetscInt j = ys; j < ys + ym; j++)
      for (PetscInt i = xs; i < xs + xm; i++) {
        PetscScalar *gc = a->g[k][j][i];
        PetscInt     z  = (PetscInt)gc[GW_GEO_MAT];
        PetscReal    V = CellVolume(gc), qcc[3] = {a->q[0][k][j][i], a->q[1][k][j][i], a->q[2][k][j][i]};
        for (PetscInt n = 0; n < 6; n++) {
          PetscInt     in = i + GWNeighbours_Private[n][0], jn = j + GWNeighbours_Private[n][1], kn = k + GWNeighbours_Private[n][2], dir = GWNeighbours_Private[n][3];
          PetscScalar *gn;
          PetscReal    A, dcc, dd, Q, D, qcn[3], f;
          if (in < 0 || in >= m->nx || jn < 0 || jn >= m->ny || kn < 0 || kn >= m->nz) continue;
          gn = a->g[kn][jn][in];
          if ((PetscInt)gn[GW_GEO_MAT] == z) continue;
          GWFaceGeometry_Private(gc, gn, dir, &A, &dcc, &dd);
          Q = GWStoredFaceFlux_Private(a->qf, i, j, k, n);
          for (PetscInt d = 0; d < 3; d++) qcn[d] = a->q[d][kn][jn][in];
          D = FaceDispersion(s, tr->phi, gc, gn, dir, A, dcc, dd, Q, a->Wn[k][j][i] / V, a->Wn[kn][jn][in] / CellVolume(gn), qcc, qcn);
          f = dt * ((Q > 0 ? Q * c[kn][jn][in] : Q * c[k][j][i]) + D * (c[kn][jn][in] - c[k][j][i])); /* into this cell [kg] */
          if (s->adv == GW_ADVECTION_TVD) f += dt * GWSoluteTVDFaceFlux_Private(fl, i, j, k, n);
          if (f > 0)
            s->zwork[GW_SZ_N * z + GW_SZ_FROM] += f;
          else
            s->zwork[GW_SZ_N * z + GW_SZ_TO] -= f;
        }
      }
  for (PetscInt d = 0; d < 3; d++) PetscCall(DMDAVecRestoreArrayRead(m->da, tr->fcl[d], &fl[d]));
  PetscCall(DMDAVecRestoreArrayRead(m->da, tr->cl, &c));
  PetscFunctionReturn(0);
}

/* Solute budget of the step just solved, from the same terms as the matrix: flows and decay at
   the solved concentration c* = c^n + dc, storage of the dissolved and sorbed phases at the
   concentration after equilibrium with the solid phase, and the solid's change. */
static PetscErrorCode Budget(GWModel m, GWSolute s, PetscReal dt, const StepArrays *a, PetscBool first)
{
  struct _n_GWTransport *tr = m->transport;
  PetscScalar         ***c, ***co, ***dc, ***dp, ***sol = NULL;
  PetscInt               xs, ys, zs, xm, ym, zm, np = m->npkg;
  PetscReal             *loc = s->work, in = 0, out = 0;

  PetscFunctionBegin;
  /* per package in, out; dissolved and sorbed storage increase, decay, production, mass dissolved,
     sorbed, gross storage change, solid increase, solid mass; the same terms by zone */
  PetscCall(PetscArrayzero(loc, 2 * np + 9));
  PetscCall(ZoneFlows(m, s, dt, a));
  PetscCall(DMDAGetCorners(m->da, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCall(DMDAVecGetArrayRead(m->da, s->c, &c));
  PetscCall(DMDAVecGetArrayRead(m->da, s->c_old, &co));
  PetscCall(DMDAVecGetArrayRead(m->da, tr->dc, &dc));
  PetscCall(DMDAVecGetArrayRead(m->da, tr->dp, &dp));
  if (s->solid) PetscCall(DMDAVecGetArrayRead(m->da, s->solid, &sol));
  for (PetscInt k = zs; k < zs + zm; k++)
    for (PetscInt j = ys; j < ys + ym; j++)
      for (PetscInt i = xs; i < xs + xm; i++) {
        PetscScalar *gc = a->g[k][j][i];
        PetscInt     z  = (PetscInt)gc[GW_GEO_MAT];
        PetscReal    V = CellVolume(gc), rho = s->mp[GW_SOL_NPROP * z + GW_SOL_RHO], S = V * rho * s->mp[GW_SOL_NPROP * z + GW_SOL_KD];
        PetscReal    Wn = a->Wn[k][j][i], ddis, dsorb, Gs, Gn, G0, dG, sdis, decay, prod, *zb;
        /* W c - W^0 c^0 = W dc + c^0 (W - W^0), without the cancellation of the stored mass */
        if (s->iso == GW_SORPTION_LINEAR) {
          ddis  = dc[k][j][i] - dp[k][j][i] / (Wn + S); /* the change of the dissolved and sorbed concentration */
          dsorb = S * ddis;
          Gs    = S * (co[k][j][i] + dc[k][j][i]);
          Gn    = S * c[k][j][i];
        } else { /* no solid phase with a nonlinear isotherm */
          ddis = dc[k][j][i];
          GWSoluteSorbedMass_Private(s, z, V, co[k][j][i] + dc[k][j][i], GW_SORPTION_CMIN, &Gs, &dG);
          GWSoluteSorbedMass_Private(s, z, V, co[k][j][i], GW_SORPTION_CMIN, &G0, &dG);
          dsorb = Gs - G0;
          Gn    = Gs;
        }
        zb    = &s->zwork[GW_SZ_N * z];
        sdis  = Wn * ddis + co[k][j][i] * a->dW[k][j][i];
        decay = dt * (s->lam_l * Wn * (co[k][j][i] + dc[k][j][i]) + s->lam_s * Gs);
        prod  = dt * (s->gam_l * Wn + s->gam_s * rho * V);
        loc[2 * np] += sdis;
        loc[2 * np + 1] += dsorb;
        loc[2 * np + 6] += PetscAbsReal(Wn * ddis) + PetscAbsReal(co[k][j][i] * a->dW[k][j][i]) + PetscAbsReal(dsorb) + PetscAbsReal(dp[k][j][i]);
        loc[2 * np + 7] += dp[k][j][i];
        if (sol) loc[2 * np + 8] += sol[k][j][i] * V;
        loc[2 * np + 2] += decay;
        loc[2 * np + 3] += prod;
        zb[GW_SZ_DISSOLVED] += sdis;
        zb[GW_SZ_SORBED] += dsorb;
        zb[GW_SZ_SOLID] += dp[k][j][i];
        zb[GW_SZ_DECAY] += decay;
        zb[GW_SZ_PROD] += prod;
        loc[2 * np + 4] += Wn * c[k][j][i];
        loc[2 * np + 5] += Gn;
      }
  for (PetscInt p = 0; p < np; p++) {
    GWPackage pkg = m->pkg[p];
    for (PetscInt e = 0; e < pkg->nentry; e++) {
      const GWPackageEntry *en = &pkg->entry[e];
      PetscReal             Q = pkg->Q[e], cc = co[en->k][en->j][en->i] + dc[en->k][en->j][en->i], f = 0; /* solute flow into the cell [kg/s] at c* */
      f = tr->qin[p][e] * s->pkg_c[p];
      if (Q < 0 && tr->carry[p]) f += Q * cc;
      if (s->pkg_kind[p] == GW_SOLUTE_FIXED) f += EntryDispersion(s, m, a, en, Q) * (s->pkg_c[p] - cc);
      if (f > 0) {
        loc[2 * p] += f * dt;
        s->zwork[GW_SZ_N * en->mat + GW_SZ_IN] += f * dt;
      } else {
        loc[2 * p + 1] -= f * dt;
        s->zwork[GW_SZ_N * en->mat + GW_SZ_OUT] -= f * dt;
      }
    }
  }
  if (s->solid) PetscCall(DMDAVecRestoreArrayRead(m->da, s->solid, &sol));
  PetscCall(DMDAVecRestoreArrayRead(m->da, tr->dp, &dp));
  PetscCall(DMDAVecRestoreArrayRead(m->da, tr->dc, &dc));
  PetscCall(DMDAVecRestoreArrayRead(m->da, s->c_old, &co));
  PetscCall(DMDAVecRestoreArrayRead(m->da, s->c, &c));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, loc, 2 * np + 9, MPIU_REAL, MPIU_SUM, PetscObjectComm((PetscObject)m)));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, s->zwork, GW_SZ_N * m->nmat, MPIU_REAL, MPIU_SUM, PetscObjectComm((PetscObject)m)));
  /* the step's terms are the sums over its sub-steps (one without a Courant limit) */
  if (first) {
    PetscCall(PetscArrayzero(s->zone, GW_SZ_N * m->nmat));
    PetscCall(PetscArrayzero(s->in, np));
    PetscCall(PetscArrayzero(s->out, np));
    s->dis = s->sorb = s->decay = s->prod = s->solid_step = s->gross_step = 0;
  }
  for (PetscInt q = 0; q < GW_SZ_N * m->nmat; q++) {
    s->zone[q] += s->zwork[q];
    s->zone_cum[q] += s->zwork[q];
  }
  for (PetscInt p = 0; p < np; p++) {
    s->in[p] += loc[2 * p];
    s->out[p] += loc[2 * p + 1];
    s->in_cum[p] += loc[2 * p];
    s->out_cum[p] += loc[2 * p + 1];
    in += s->in[p];
    out += s->out[p];
  }
  s->dis += loc[2 * np];
  s->sorb += loc[2 * np + 1];
  s->decay += loc[2 * np + 2];
  s->prod += loc[2 * np + 3];
  s->solid_step += loc[2 * np + 7];
  s->gross_step += loc[2 * np + 6];
  s->mass_dis   = loc[2 * np + 4];
  s->mass_sorb  = loc[2 * np + 5];
  s->mass_solid = loc[2 * np + 8];
  s->solid_cum += loc[2 * np + 7];
  s->dis_cum += loc[2 * np];
  s->sorb_cum += loc[2 * np + 1];
  s->decay_cum += loc[2 * np + 2];
  s->prod_cum += loc[2 * np + 3];
  MassBalance(in + s->prod, out + s->decay, s->dis + s->sorb + s->solid_step, s->gross_step, &s->mb_abs, &s->mb_rel);
  in = out = 0;
  for (PetscInt p = 0; p < np; p++) {
    in += s->in_cum[p];
    out += s->out_cum[p];
  }
  s->gross_cum += loc[2 * np + 6];
  MassBalance(in + s->prod_cum, out + s->decay_cum, s->dis_cum + s->sorb_cum + s->solid_cum, s->gross_cum, &s->mb_abs_cum, &s->mb_rel_cum);
  PetscFunctionReturn(0);
}

/* The Newton update of a nonlinear isotherm, taken in the cell's dissolved and sorbed mass
   u = W c + G(c) rather than in c: the solve gives the update tr->dn of c linearised at the iterate
   c^k, that is the mass update (W + G'(c^k)) dn; the new iterate is the c >= 0 that holds
   u(c^k) + (W + G'(c^k)) dn. Where a Freundlich dF/dc is near infinite (a cell reached by the
   front, c near 0) an update in c would barely move while the mass update does (the mixed form
   of Celia et al. 1990 for the same reason). Updates tr->dc and s->c. */
static PetscErrorCode UpdateSorbed(GWModel m, GWSolute s, const StepArrays *a)
{
  struct _n_GWTransport *tr = m->transport;
  PetscScalar         ***c, ***co, ***dc, ***dn;
  PetscInt               xs, ys, zs, xm, ym, zm;

  PetscFunctionBegin;
  PetscCall(DMDAGetCorners(m->da, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCall(DMDAVecGetArray(m->da, s->c, &c));
  PetscCall(DMDAVecGetArrayRead(m->da, s->c_old, &co));
  PetscCall(DMDAVecGetArray(m->da, tr->dc, &dc));
  PetscCall(DMDAVecGetArrayRead(m->da, tr->dn, &dn));
  for (PetscInt k = zs; k < zs + zm; k++)
    for (PetscInt j = ys; j < ys + ym; j++)
      for (PetscInt i = xs; i < xs + xm; i++) {
        PetscScalar *gc = a->g[k][j][i];
        PetscInt     z  = (PetscInt)gc[GW_GEO_MAT];
        PetscReal    V = CellVolume(gc), W = a->Wn[k][j][i], ck = co[k][j][i] + dc[k][j][i], G, dG;
        GWSoluteSorbedMass_Private(s, z, V, ck, GW_SORPTION_CMIN, &G, &dG);
        c[k][j][i]  = GWSoluteSorbedInverse_Private(s, z, V, W, W * ck + G + (W + dG) * dn[k][j][i]);
        dc[k][j][i] = c[k][j][i] - co[k][j][i];
      }
  PetscCall(DMDAVecRestoreArrayRead(m->da, tr->dn, &dn));
  PetscCall(DMDAVecRestoreArray(m->da, tr->dc, &dc));
  PetscCall(DMDAVecRestoreArrayRead(m->da, s->c_old, &co));
  PetscCall(DMDAVecRestoreArray(m->da, s->c, &c));
  PetscFunctionReturn(0);
}

/* The number of transport sub-steps of the flow step: the largest Courant number of a cell,
   Cr = dt (sum of its outflows through faces and packages) / (its smaller water volume at the
   step's start or end), over the smallest courant_max a solute asks for, rounded up (1 when none
   asks). */
static PetscErrorCode SubSteps(GWModel m, PetscReal dt, PetscInt *n)
{
  struct _n_GWTransport *tr = m->transport;
  PetscScalar        ****qf, ***o, ***W, ***Wo;
  PetscInt               xs, ys, zs, xm, ym, zm;
  PetscReal              cmax = PETSC_MAX_REAL, cr = 0;

  PetscFunctionBegin;
  *n = 1;
  for (PetscInt q = 0; q < tr->nsolute; q++)
    if (tr->solute[q]->courant_max > 0) cmax = PetscMin(cmax, tr->solute[q]->courant_max);
  if (cmax == PETSC_MAX_REAL) PetscFunctionReturn(0);
  PetscCall(DMDAGetCorners(m->da, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCall(GWModelGetFaceFluxArray_Private(m, &qf));
  PetscCall(VecSet(tr->r, 0.0));
  PetscCall(DMDAVecGetArray(m->da, tr->r, &o));
  for (PetscInt k = zs; k < zs + zm; k++)
    for (PetscInt j = ys; j < ys + ym; j++)
      for (PetscInt i = xs; i < xs + xm; i++)
        for (PetscInt nb = 0; nb < 6; nb++) {
          PetscInt in = i + GWNeighbours_Private[nb][0], jn = j + GWNeighbours_Private[nb][1], kn = k + GWNeighbours_Private[nb][2];
          if (in < 0 || in >= m->nx || jn < 0 || jn >= m->ny || kn < 0 || kn >= m->nz) continue;
          o[k][j][i] += PetscMax(-GWStoredFaceFlux_Private(qf, i, j, k, nb), 0.0);
        }
  for (PetscInt p = 0; p < m->npkg; p++)
    for (PetscInt e = 0; e < m->pkg[p]->nentry; e++) {
      const GWPackageEntry *en = &m->pkg[p]->entry[e];
      o[en->k][en->j][en->i] += PetscMax(-m->pkg[p]->Q[e], 0.0);
    }
  PetscCall(DMDAVecGetArrayRead(m->da, tr->W, &W));
  PetscCall(DMDAVecGetArrayRead(m->da, tr->Wold, &Wo));
  for (PetscInt k = zs; k < zs + zm; k++)
    for (PetscInt j = ys; j < ys + ym; j++)
      for (PetscInt i = xs; i < xs + xm; i++) cr = PetscMax(cr, dt * o[k][j][i] / PetscMin(W[k][j][i], Wo[k][j][i]));
  PetscCall(DMDAVecRestoreArrayRead(m->da, tr->Wold, &Wo));
  PetscCall(DMDAVecRestoreArrayRead(m->da, tr->W, &W));
  PetscCall(DMDAVecRestoreArray(m->da, tr->r, &o));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &cr, 1, MPIU_REAL, MPIU_MAX, PetscObjectComm((PetscObject)m)));
  *n = PetscMax(1, (PetscInt)PetscCeilReal(cr / cmax * (1 - 1e-12)));
  PetscCall(PetscInfo(m, "Transport at t = %g s: largest Courant number %g, %" PetscInt_FMT " sub-steps\n", (double)m->step_t1, (double)cr, *n));
  PetscFunctionReturn(0);
}

/* One transport (sub-)step of solute s over dt with the water volumes and flows of a. */
static PetscErrorCode SoluteStep(GWModel m, GWSolute s, PetscReal dt, StepArrays *a, PetscBool first)
{
  struct _n_GWTransport *tr = m->transport;
  KSPConvergedReason     reason;
  PetscInt               its;
  PetscReal              r0 = 0, rprev = 0;
  /* nonlinear sorption (Newton) and the TVD correction (deferred to the right side) iterate */
  PetscBool   iterate = (PetscBool)(s->iso != GW_SORPTION_LINEAR || s->adv == GW_ADVECTION_TVD);
  const char *what    = s->iso != GW_SORPTION_LINEAR ? (s->adv == GW_ADVECTION_TVD ? "nonlinear-sorption and TVD" : "nonlinear-sorption Newton") : "TVD deferred-correction";

  PetscFunctionBegin;
  PetscCall(VecCopy(s->c, s->c_old));
  PetscCall(VecSet(tr->dc, 0.0));
  /* Newton on the increment; a linear isotherm needs one update. A nonlinear one iterates until
     the mass residual of the step, sum over cells of |r(c)|, is below sorp_rtol times that at
     c^n, or stops decreasing below 1e-10 times it (round-off): a criterion on the update alone
     would pass where a Freundlich dF/dc is near infinite (c near 0) while the cell's mass is
     still off. */
  for (PetscInt it = 0;; it++) {
    PetscReal rn;
    PetscCall(Assemble(m, s, dt, a));
    if (iterate) {
      PetscCall(VecNorm(tr->b, NORM_1, &rn));
      if (!it) r0 = rn;
      PetscCall(PetscInfo(m, "Solute %s, t = %g s: %s iteration %" PetscInt_FMT ", mass residual %g kg/s (%g of the first)\n", ((PetscObject)s)->name, (double)m->step_t1, what, it, (double)rn, (double)(r0 > 0 ? rn / r0 : 0)));
      /* converged; or stalled at the round-off floor of the flux terms (which are summed over
         every cell and can exceed sorp_rtol r0 where little changes in a step) */
      if (rn <= tr->sorp_rtol * r0 || (it >= 2 && rn <= 1e-10 * r0 && rn > 0.5 * rprev)) break;
      rprev = rn;
      PetscCheck(it < tr->sorp_maxit, PetscObjectComm((PetscObject)m), PETSC_ERR_NOT_CONVERGED, "Solute %s: the %s iteration of the transport step at t = %g s (dt = %g s) did not converge in %" PetscInt_FMT " iterations (mass residual %g of the first, tolerance %g); shorten the steps with -gw_dt_max or raise -gw_transport_sorption_max_it", ((PetscObject)s)->name, what, (double)m->step_t1, (double)dt, it, (double)(rn / r0), (double)tr->sorp_rtol);
      s->nsorp++;
      s->nsorp_max = PetscMax(s->nsorp_max, it + 1);
    }
    PetscCall(KSPSetOperators(tr->ksp, tr->A, tr->A));
    PetscCall(KSPSolve(tr->ksp, tr->b, tr->dn));
    PetscCall(KSPGetConvergedReason(tr->ksp, &reason));
    PetscCall(KSPGetIterationNumber(tr->ksp, &its));
    PetscCheck(reason > 0, PetscObjectComm((PetscObject)m), PETSC_ERR_NOT_CONVERGED, "Solute %s: the transport solve at t = %g s (dt = %g s) did not converge (%s after %" PetscInt_FMT " iterations); try -gw_transport_pc_type lu on one rank or -gw_transport_ksp_type bcgs, or shorten the steps with -gw_dt_max", ((PetscObject)s)->name, (double)m->step_t1, (double)dt, KSPConvergedReasons[reason], its);
    s->nlinear += its;
    if (s->iso == GW_SORPTION_LINEAR) {
      PetscCall(VecAXPY(tr->dc, 1.0, tr->dn));
      PetscCall(VecWAXPY(s->c, 1.0, s->c_old, tr->dc));
      if (!iterate) break;
    } else
      PetscCall(UpdateSorbed(m, s, a));
  }
  PetscCall(Precipitate(m, s, a));
  PetscCall(Budget(m, s, dt, a, first));
  PetscFunctionReturn(0);
}

/* Advances every solute over the flow step just accepted, [step_t0, step_t1], in n equal
   sub-steps when a Courant limit asks for them (SubSteps()): the flows are the step's, the water
   volume goes linearly from its start to its end value, W_k = W_(k-1) + (W - W^0)/n, and the
   step's budget is the sum of the sub-steps'. */
PetscErrorCode GWModelTransportStep_Private(GWModel m)
{
  struct _n_GWTransport *tr = m->transport;
  PetscReal              dt = m->step_t1 - m->step_t0;
  PetscInt               n;
  StepArrays             a;

  PetscFunctionBegin;
  PetscCall(PetscLogEventBegin(GW_Transport, m, 0, 0, 0));
  /* face fluxes and package rates of the accepted state */
  PetscCall(GWModelComputeDarcyFlux(m, tr->qc[0], tr->qc[1], tr->qc[2]));
  PetscCall(WaterVolumes(m, dt));
  for (PetscInt d = 0; d < 3; d++) PetscCall(DMGlobalToLocal(m->da, tr->qc[d], INSERT_VALUES, tr->qcl[d]));
  for (PetscInt p = 0; p < m->npkg; p++) { /* the water that brings each package's concentration */
    GWPackage pkg = m->pkg[p];
    if (pkg->ops->soluteinflow) PetscCall(pkg->ops->soluteinflow(pkg, m, tr->qin[p]));
    else
      for (PetscInt e = 0; e < pkg->nentry; e++) tr->qin[p][e] = PetscMax(pkg->Q[e], 0.0);
  }
  PetscCall(SubSteps(m, dt, &n));
  tr->nsub     = n;
  tr->nsub_max = PetscMax(tr->nsub_max, n);
  if (!m->nsteps) /* the concentration this run starts from, for GWModelReset() */
    for (PetscInt q = 0; q < tr->nsolute; q++) {
      if (!tr->solute[q]->c_start) PetscCall(VecDuplicate(tr->solute[q]->c, &tr->solute[q]->c_start));
      PetscCall(VecCopy(tr->solute[q]->c, tr->solute[q]->c_start));
    }
  if (n > 1) {
    PetscCall(VecScale(tr->dW, 1.0 / n));
    PetscCall(VecCopy(tr->Wold, tr->Wk));
  }
  for (PetscInt k = 1; k <= n; k++) {
    if (n > 1) {
      PetscCall(VecAXPY(tr->Wk, 1.0, tr->dW));
      PetscCall(DMGlobalToLocal(m->da, tr->Wk, INSERT_VALUES, tr->Wl));
    } else
      PetscCall(DMGlobalToLocal(m->da, tr->W, INSERT_VALUES, tr->Wl));
    PetscCall(ArraysGet(m, &a));
    for (PetscInt q = 0; q < tr->nsolute; q++) PetscCall(SoluteStep(m, tr->solute[q], dt / n, &a, (PetscBool)(k == 1)));
    PetscCall(ArraysRestore(m, &a));
  }
  /* the next step starts from the sub-steps' last water volume, so their storage terms telescope */
  if (n > 1) PetscCall(VecCopy(tr->Wk, tr->W));
  tr->wvalid = PETSC_TRUE;
  PetscCall(PetscLogEventEnd(GW_Transport, m, 0, 0, 0));
  PetscFunctionReturn(0);
}
