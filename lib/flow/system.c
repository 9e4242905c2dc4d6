/* The Newton system: pressure head in every cell and the unknowns that packages own (head in a
   pipe, flow in a river reach), solved together in one Newton iteration.

   Choice: a DMComposite of the cells' DMDA and one DMRedundant holding every package unknown on
   rank 0 (and, in local vectors, on every rank). Package unknowns are few (reaches, wells, pipes:
   thousands at most against millions of cells) and each couples to cells anywhere in the grid, so
   a redundant block is simpler than DMNetwork and needs no partitioning of its own; the Jacobian
   is one AIJ matrix whose pattern (the cells' 7-point stencil plus every coupling the packages
   declare) is counted once at set-up with MATPREALLOCATOR. With no package unknowns the system is
   exactly the DMDA's: same vector layout, same matrix pattern, same results. */
#include <gw/private/modelimpl.h>
#include <petscdmcomposite.h>
#include <petscdmredundant.h>

/* Local (ghosted) index of cell (i, j, k) in the local vectors of the DMDA and of the composite. */
PetscErrorCode GWModelCellLocalIndex_Private(GWModel m, PetscInt i, PetscInt j, PetscInt k, PetscInt *idx)
{
  PetscInt gxs, gys, gzs, gxm, gym, gzm;

  PetscFunctionBegin;
  PetscCall(DMDAGetGhostCorners(m->da, &gxs, &gys, &gzs, &gxm, &gym, &gzm));
  PetscCheck(i >= gxs && i < gxs + gxm && j >= gys && j < gys + gym && k >= gzs && k < gzs + gzm, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE,
             "Cell (i=%" PetscInt_FMT ", j=%" PetscInt_FMT ", layer=%" PetscInt_FMT ") is neither on this rank nor next to a cell of it: a package couples only a cell with its neighbours; couple distant cells through a package unknown", i, j, k);
  *idx = (i - gxs) + gxm * ((j - gys) + gym * (k - gzs));
  PetscFunctionReturn(0);
}

/* Volume [m^3] of a cell on this rank or in its ghost layer. */
PetscReal GWModelCellVolume_Private(GWModel m, PetscInt i, PetscInt j, PetscInt k)
{
  const PetscScalar *g;
  PetscInt           idx;
  PetscReal          V;

  if (GWModelCellLocalIndex_Private(m, i, j, k, &idx)) return PETSC_NAN;
  if (VecGetArrayRead(m->geo, &g)) return PETSC_NAN;
  V = g[GW_NGEO * idx + GW_GEO_DX] * g[GW_NGEO * idx + GW_GEO_DY] * g[GW_NGEO * idx + GW_GEO_THICK];
  if (VecRestoreArrayRead(m->geo, &g)) return PETSC_NAN;
  return V;
}

/* Sub-vectors of a composite vector: cells, and package unknowns (NULL when there are none). */
PetscErrorCode GWModelGetSystemAccess_Private(GWModel m, Vec X, Vec *Xc, Vec *Xu)
{
  Vec v[2] = {NULL, NULL};

  PetscFunctionBegin;
  PetscCall(DMCompositeGetAccessArray(m->pack, X, m->dau ? 2 : 1, NULL, v));
  *Xc = v[0];
  if (Xu) *Xu = v[1];
  PetscFunctionReturn(0);
}

PetscErrorCode GWModelRestoreSystemAccess_Private(GWModel m, Vec X, Vec *Xc, Vec *Xu)
{
  Vec v[2] = {*Xc, Xu ? *Xu : NULL};

  PetscFunctionBegin;
  PetscCall(DMCompositeRestoreAccessArray(m->pack, X, m->dau ? 2 : 1, NULL, v));
  *Xc = NULL;
  if (Xu) *Xu = NULL;
  PetscFunctionReturn(0);
}

/* Copies the replicated array u [nunknown] into the unknowns' global block (owned by rank 0). */
static PetscErrorCode SetUnknowns(const PetscScalar *u, Vec Xu)
{
  PetscScalar *x;
  PetscInt     n;

  PetscFunctionBegin;
  PetscCall(VecGetLocalSize(Xu, &n));
  PetscCall(VecGetArray(Xu, &x));
  for (PetscInt i = 0; i < n; i++) x[i] = u[i];
  PetscCall(VecRestoreArray(Xu, &x));
  PetscFunctionReturn(0);
}

/* Every package's unknowns from the global block, on every rank, into u [nunknown]. */
static PetscErrorCode GetUnknowns(GWModel m, Vec Xu, PetscScalar *u)
{
  const PetscScalar *x;

  PetscFunctionBegin;
  PetscCall(DMGlobalToLocal(m->dau, Xu, INSERT_VALUES, m->u_local));
  PetscCall(VecGetArrayRead(m->u_local, &x));
  PetscCall(PetscArraycpy(u, x, m->nunknown));
  PetscCall(VecRestoreArrayRead(m->u_local, &x));
  PetscFunctionReturn(0);
}

/* First values of the package unknowns, from each type's initial guess at the current state. */
PetscErrorCode GWModelInitialUnknowns_Private(GWModel m)
{
  PetscFunctionBegin;
  for (PetscInt p = 0; p < m->npkg; p++) {
    GWPackage pkg = m->pkg[p];
    PetscCheck(pkg->nunknown == 0 || pkg->u == m->u + pkg->uoffset, PetscObjectComm((PetscObject)m), PETSC_ERR_ARG_WRONGSTATE, "Package %s changed its number of unknowns after set-up", ((PetscObject)pkg)->name);
    if (pkg->nunknown && pkg->ops->initialguess) PetscCall(pkg->ops->initialguess(pkg, m, pkg->u));
  }
  PetscFunctionReturn(0);
}

/* Counts the packages' unknowns, builds the composite DM, its vectors, and the unknowns' first
   values. Called after the packages are set up. */
PetscErrorCode GWModelSetUpSystem_Private(GWModel m)
{
  MPI_Comm comm = PetscObjectComm((PetscObject)m);
  Vec      Vc, Vu;

  PetscFunctionBegin;
  m->nunknown = 0;
  for (PetscInt p = 0; p < m->npkg; p++) {
    m->pkg[p]->uoffset = m->nunknown;
    m->nunknown += m->pkg[p]->nunknown;
  }
  PetscCall(DMCompositeCreate(comm, &m->pack));
  PetscCall(DMCompositeAddDM(m->pack, m->da));
  if (m->nunknown) {
    PetscCall(DMRedundantCreate(comm, 0, m->nunknown, &m->dau));
    PetscCall(DMCompositeAddDM(m->pack, m->dau));
    PetscCall(DMCreateLocalVector(m->dau, &m->u_local));
    PetscCall(VecDuplicate(m->u_local, &m->r_local));
  }
  PetscCall(DMSetUp(m->pack));
  PetscCall(PetscCalloc3(PetscMax(m->nunknown, 1), &m->u, PetscMax(m->nunknown, 1), &m->u_old, PetscMax(m->nunknown, 1), &m->r_work));
  for (PetscInt p = 0; p < m->npkg; p++) m->pkg[p]->u = m->u + m->pkg[p]->uoffset;
  PetscCall(GWModelInitialUnknowns_Private(m));
  PetscCall(DMCreateGlobalVector(m->pack, &m->X));
  PetscCall(VecDuplicate(m->X, &m->wvol));
  PetscCall(VecSet(m->wvol, 1.0));
  PetscCall(GWModelGetSystemAccess_Private(m, m->wvol, &Vc, &Vu));
  PetscCall(VecCopy(m->vol, Vc));
  PetscCall(GWModelRestoreSystemAccess_Private(m, m->wvol, &Vc, &Vu));
  PetscFunctionReturn(0);
}

/* The Jacobian matrix of the Newton system, preallocated and filled with zeros at its pattern: the
   star stencil of every cell, a diagonal for every package unknown, and whatever each package's
   jacobian adds at the initial state (packages add every entry they may ever add). */
PetscErrorCode GWModelCreateJacobian_Private(GWModel m, Mat *J)
{
  MPI_Comm               comm = PetscObjectComm((PetscObject)m);
  Mat                    pre;
  ISLocalToGlobalMapping l2g;
  PetscInt               xs, ys, zs, xm, ym, zm, nloc, nda;
  PetscScalar         ***x;
  PetscMPIInt            rank;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCall(VecGetLocalSize(m->X, &nloc));
  PetscCall(DMGetLocalToGlobalMapping(m->pack, &l2g));
  PetscCall(DMDAGetCorners(m->da, &xs, &ys, &zs, &xm, &ym, &zm));
  {
    PetscInt gxm, gym, gzm;
    PetscCall(DMDAGetGhostCorners(m->da, NULL, NULL, NULL, &gxm, &gym, &gzm));
    nda = gxm * gym * gzm;
  }
  PetscCall(MatCreate(comm, &pre));
  PetscCall(MatSetType(pre, MATPREALLOCATOR));
  PetscCall(MatSetSizes(pre, nloc, nloc, PETSC_DETERMINE, PETSC_DETERMINE));
  PetscCall(MatSetLocalToGlobalMapping(pre, l2g, l2g));
  PetscCall(MatSetUp(pre));
  for (PetscInt k = zs; k < zs + zm; k++)
    for (PetscInt j = ys; j < ys + ym; j++)
      for (PetscInt i = xs; i < xs + xm; i++) {
        PetscInt    row, col[7], nc = 0;
        PetscScalar zero[7] = {0, 0, 0, 0, 0, 0, 0};
        PetscCall(GWModelCellLocalIndex_Private(m, i, j, k, &row));
        col[nc++] = row;
        for (PetscInt n = 0; n < 6; n++) {
          PetscInt in = i + GWNeighbours_Private[n][0], jn = j + GWNeighbours_Private[n][1], kn = k + GWNeighbours_Private[n][2];
          if (in < 0 || in >= m->nx || jn < 0 || jn >= m->ny || kn < 0 || kn >= m->nz) continue;
          PetscCall(GWModelCellLocalIndex_Private(m, in, jn, kn, &col[nc++]));
        }
        PetscCall(MatSetValuesLocal(pre, 1, &row, nc, col, zero, ADD_VALUES));
      }
  if (rank == 0)
    for (PetscInt u = 0; u < m->nunknown; u++) {
      PetscInt    r = nda + u;
      PetscScalar z = 0;
      PetscCall(MatSetValuesLocal(pre, 1, &r, 1, &r, &z, ADD_VALUES));
    }
  PetscCall(DMGlobalToLocal(m->da, m->psi, INSERT_VALUES, m->psi_local));
  PetscCall(DMDAVecGetArrayRead(m->da, m->psi_local, &x));
  for (PetscInt p = 0; p < m->npkg; p++) {
    GWPackage      pkg = m->pkg[p];
    GWPackageState st  = {x, pkg->u, NULL};
    PetscCall(GWPackageStepValues_Private(pkg, 0.0, m->dt_init));
    st.v = pkg->vstep;
    PetscCall(GWPackageJacobian_Private(pkg, m, &st, pre));
  }
  PetscCall(DMDAVecRestoreArrayRead(m->da, m->psi_local, &x));
  PetscCall(MatAssemblyBegin(pre, MAT_FINAL_ASSEMBLY));
  PetscCall(MatAssemblyEnd(pre, MAT_FINAL_ASSEMBLY));
  PetscCall(MatCreate(comm, J));
  PetscCall(MatSetSizes(*J, nloc, nloc, PETSC_DETERMINE, PETSC_DETERMINE));
  PetscCall(MatSetType(*J, MATAIJ));
  PetscCall(MatPreallocatorPreallocate(pre, PETSC_TRUE, *J));
  PetscCall(MatSetLocalToGlobalMapping(*J, l2g, l2g));
  PetscCall(MatSetOption(*J, MAT_NEW_NONZERO_LOCATION_ERR, PETSC_TRUE));
  PetscCall(MatDestroy(&pre));
  PetscFunctionReturn(0);
}

/* Solves the step [step_t0, step_t1] from the current state; the first attempt of a step records
   the package unknowns, a retry after a cut starts from them again. On convergence psi and the
   unknowns hold the new state, and the step's linear iterations are counted. A solve the SNES
   reports converged but whose mass balance fails the gate (GWModelCheckStepBalance_Private())
   sets m->mb_rejected and leaves psi unchanged. */
PetscErrorCode GWModelSolveStep_Private(GWModel m, PetscBool first, SNESConvergedReason *reason, PetscInt *its)
{
  Vec Xc, Xu;

  PetscFunctionBegin;
  if (first)
    PetscCall(PetscArraycpy(m->u_old, m->u, m->nunknown));
  else
    PetscCall(PetscArraycpy(m->u, m->u_old, m->nunknown));
  PetscCall(GWModelGetSystemAccess_Private(m, m->X, &Xc, &Xu));
  PetscCall(VecCopy(m->psi, Xc));
  if (Xu) PetscCall(SetUnknowns(m->u, Xu));
  PetscCall(GWModelRestoreSystemAccess_Private(m, m->X, &Xc, &Xu));
  m->tvalid = m->cons_valid = PETSC_FALSE; /* a material may have changed since the last step */
  m->gate_state = 0;
  PetscCall(SNESSolve(m->snes, NULL, m->X));
  PetscCall(SNESGetConvergedReason(m->snes, reason));
  PetscCall(SNESGetIterationNumber(m->snes, its));
  m->mb_rejected = PETSC_FALSE;
  if (*reason <= 0) PetscFunctionReturn(0);
  {
    PetscBool ok;
    PetscInt  lits;
    PetscCall(GWModelCheckStepBalance_Private(m, m->X, &ok, &m->mb_l1, &m->mb_tol));
    if (!ok) {
      m->mb_rejected = PETSC_TRUE;
      PetscFunctionReturn(0);
    }
    PetscCall(SNESGetLinearSolveIterations(m->snes, &lits));
    m->nlinear += lits;
  }
  PetscCall(GWModelGetSystemAccess_Private(m, m->X, &Xc, &Xu));
  PetscCall(VecCopy(Xc, m->psi));
  if (Xu) PetscCall(GetUnknowns(m, Xu, m->u));
  PetscCall(GWModelRestoreSystemAccess_Private(m, m->X, &Xc, &Xu));
  PetscFunctionReturn(0);
}

/* The packages' rates into their cells (pkg->Q) at the state in the local vector Xl (pressure
   head) and unknowns u [nunknown] (NULL: the converged ones), and, when r is given, the residuals
   of the package unknowns, this rank's share, added into r [nunknown]. */
PetscErrorCode GWModelEvaluatePackages_Private(GWModel m, Vec Xl, const PetscScalar *u, PetscScalar *r)
{
  PetscScalar ***x;

  PetscFunctionBegin;
  if (!u) u = m->u;
  PetscCall(DMDAVecGetArrayRead(m->da, Xl, &x));
  for (PetscInt p = 0; p < m->npkg; p++) {
    GWPackage      pkg = m->pkg[p];
    GWPackageState st  = {x, u + pkg->uoffset, NULL};
    PetscScalar   *rp  = NULL;
    PetscCall(GWPackageStepValues_Private(pkg, m->step_t0, m->step_t1));
    st.v = pkg->vstep;
    if (pkg->nunknown) {
      rp = (r ? r : m->r_work) + pkg->uoffset;
      if (!r) PetscCall(PetscArrayzero(rp, pkg->nunknown));
    }
    PetscCall(GWPackageResidual_Private(pkg, m, &st, pkg->Q, rp));
  }
  PetscCall(DMDAVecRestoreArrayRead(m->da, Xl, &x));
  PetscFunctionReturn(0);
}

/*@C
  GWModelGetLinearIterations - gets the number of linear (Krylov) iterations of the accepted steps

  Not collective

  Input Parameter:
. model - the model

  Output Parameter:
. n - linear iterations summed over the Newton iterations of every accepted step since set-up
      (or the last GWModelReset())

  Level: intermediate

.seealso: `GWModelGetStepStatistics()`
@*/
PetscErrorCode GWModelGetLinearIterations(GWModel model, PetscInt *n)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  *n = model->nlinear;
  PetscFunctionReturn(0);
}
