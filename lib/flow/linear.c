/* The linear solver of each Newton iteration: its stopping test tied to the mass-balance tolerance
   when the Jacobian does not depend on the state (a fully saturated model), and the reuse of the
   preconditioner while the Jacobian is unchanged.

   Newton's next residual after the update y (J y = F) is F - J y + O(|y|^2): the linear residual,
   exactly so when the Jacobian does not depend on the state. Newton then converges in one
   iteration if the linear solve leaves a residual whose unbalanced volume, sum_c |r_c| V_c, is
   within the step's mass-balance tolerance (ConvergenceTest() in richards.c). A relative
   tolerance on the preconditioned norm (1e-8 by default) says nothing about that volume: with a
   saturated aquifer it left 1e-7 of the flows unbalanced and every step took a second Newton
   iteration. In such a step the linear solve therefore goes on, past its usual tolerance, until
   the residual it leaves meets a tenth of the mass-balance tolerance, or stops decreasing at the
   round-off floor. With a state-dependent Jacobian (unsaturated cells) Newton needs several
   iterations anyway and the usual tolerance applies.

   A saturated model with a constant time step has the same Jacobian at every Newton iteration of
   every step. The preconditioner (an algebraic multigrid set-up costs several linear iterations)
   is then built once: a hash of the matrix values after each assembly tells whether they changed
   (KSPSetReusePreconditioner()). */
#include <gw/private/modelimpl.h>
#include <stdint.h>

#define GW_LINEAR_TARGET 0.1 /* fraction of the mass-balance tolerance the linear residual must meet */

/* 64-bit hash of the values of the rows of P this rank owns (AIJ matrices; other types give a
   fresh value every time, so their preconditioner is never reused). */
static PetscErrorCode HashValues(Mat P, uint64_t *h)
{
  Mat       A[2] = {P, NULL};
  PetscBool seq, mpi;
  PetscInt  nb = 1;

  PetscFunctionBegin;
  PetscCall(PetscObjectTypeCompare((PetscObject)P, MATSEQAIJ, &seq));
  PetscCall(PetscObjectTypeCompare((PetscObject)P, MATMPIAIJ, &mpi));
  *h = 1469598103934665603ULL;
  if (!seq && !mpi) {
    static uint64_t fresh = 0;
    *h += ++fresh;
    PetscFunctionReturn(0);
  }
  if (mpi) {
    PetscCall(MatMPIAIJGetSeqAIJ(P, &A[0], &A[1], NULL));
    nb = 2;
  }
  for (PetscInt b = 0; b < nb; b++) {
    const PetscScalar *a;
    MatInfo            info;
    PetscCall(MatGetInfo(A[b], MAT_LOCAL, &info));
    PetscCall(MatSeqAIJGetArrayRead(A[b], &a));
    for (PetscInt i = 0; i < (PetscInt)info.nz_used; i++) {
      uint64_t bits;
      PetscCall(PetscMemcpy(&bits, &a[i], sizeof(bits)));
      *h = (*h ^ bits) * 1099511628211ULL;
      *h ^= *h >> 29;
    }
    PetscCall(MatSeqAIJRestoreArrayRead(A[b], &a));
  }
  PetscFunctionReturn(0);
}

/* Called once the Jacobian P is assembled; linear is true on every rank when no cell's Jacobian
   entries depend on the state. Decides whether the linear solve must meet the mass-balance
   tolerance and whether the preconditioner of the previous assembly still serves. Collective. */
PetscErrorCode GWModelJacobianAssembled_Private(GWModel m, Mat P, PetscBool linear)
{
  uint64_t h = 0;
  int      flags[1];

  PetscFunctionBegin;
  /* a state-dependent Jacobian changes at every iteration: no hash needed to know */
  PetscCall(MPIU_Allreduce(&linear, &m->lin_exact, 1, MPIU_BOOL, MPI_LAND, PetscObjectComm((PetscObject)m)));
  if (m->lin_exact) PetscCall(HashValues(P, &h));
  flags[0] = (m->lin_exact && m->jac_hash_set && h == m->jac_hash) ? 1 : 0;
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, flags, 1, MPI_INT, MPI_MIN, PetscObjectComm((PetscObject)m)));
  m->jac_hash     = h;
  m->jac_hash_set = m->lin_exact;
  m->pc_reuse = (PetscBool)flags[0]; /* applied by GWModelLinearSolveBegin_Private(): SNES resets the flag after this */
  /* Newton's step on a state-independent Jacobian solved to the mass-balance tolerance is exact:
     a line search has nothing to find and l2's two extra residual evaluations per iteration are
     wasted (B2: 12 evaluations for 3 steps instead of 6). The line search is the SNES's own object,
     read at each iteration, so changing its type here acts on this iteration's search. */
  if (m->auto_linesearch) {
    SNESLineSearch ls;
    PetscBool      same;
    PetscCall(SNESGetLineSearch(m->snes, &ls));
    PetscCall(PetscObjectTypeCompare((PetscObject)ls, m->ls_basic ? SNESLINESEARCHBASIC : SNESLINESEARCHL2, &same));
    if (!same)
      m->auto_linesearch = PETSC_FALSE; /* set by the caller (SNESLineSearchSetType()): theirs from now on */
    else if (m->ls_basic != m->lin_exact) {
      PetscCall(SNESLineSearchSetType(ls, m->lin_exact ? SNESLINESEARCHBASIC : SNESLINESEARCHL2));
      PetscCall(SNESLineSearchSetFromOptions(ls)); /* the -gw_snes_linesearch_* settings of the new type */
      m->ls_basic = m->lin_exact;
    }
  }
  if (flags[0]) m->npcreuse++;
  PetscCall(PetscInfo(m, "Jacobian values hash %llx (%s); state-independent: %s\n", (unsigned long long)h, flags[0] ? "unchanged: preconditioner reused" : "changed or not compared", m->lin_exact ? "yes" : "no"));
  PetscFunctionReturn(0);
}

/* Before each linear solve (KSPSetPreSolve()): the preconditioner decision of the last assembly,
   and, unless -gw_ksp_type or -gw_pc_type was given, the solver for the kind of Jacobian. A
   state-dependent Jacobian is rebuilt at every Newton iteration and needs 2-3 linear iterations
   (B1: 2.3 per Newton iteration with ILU(0)): PETSc's default, GMRES with ILU(0) (block Jacobi in
   parallel), whose set-up is cheapest. A state-independent one is solved to the mass-balance
   tolerance with a preconditioner built once: algebraic multigrid (GAMG; B2: 19 iterations per
   step against about 260 with ILU(0)), with CG when the matrix is symmetric (it is, for a
   saturated grid of equal cell volumes: the residual is a rate per unit volume). */
PetscErrorCode GWModelLinearSolveBegin_Private(GWModel m, KSP ksp, Vec b, Vec x)
{
  PC pc;

  PetscFunctionBegin;
  if (m->auto_solver && m->lin_exact != m->solver_exact) {
    PetscCall(KSPGetPC(ksp, &pc));
    if (m->lin_exact) {
      Mat       P;
      PetscBool sym = PETSC_FALSE;
      PetscCall(KSPGetOperators(ksp, NULL, &P));
      PetscCall(MatIsSymmetric(P, 0.0, &sym));
      PetscCall(KSPSetType(ksp, sym ? KSPCG : KSPGMRES));
      PetscCall(PCSetType(pc, PCGAMG));
    } else {
      PetscMPIInt size;
      PetscCallMPI(MPI_Comm_size(PetscObjectComm((PetscObject)ksp), &size));
      PetscCall(KSPSetType(ksp, KSPGMRES));
      PetscCall(PCSetType(pc, size > 1 ? PCBJACOBI : PCILU));
    }
    PetscCall(PCSetFromOptions(pc)); /* -gw_pc_gamg_* and the like */
    m->solver_exact = m->lin_exact;
    m->pc_reuse     = PETSC_FALSE;
    PetscCall(PetscInfo(m, "Jacobian %s: linear solver %s with %s\n", m->lin_exact ? "state-independent" : "state-dependent", ((PetscObject)ksp)->type_name, ((PetscObject)pc)->type_name));
  }
  PetscCall(KSPSetReusePreconditioner(ksp, m->pc_reuse));
  /* with a state-independent Jacobian the update of the last step is usually a good first guess
     of this one's (a transient changes slowly); it is kept only when it leaves a smaller residual
     than zero does: near a steady state, or after a failed attempt, it is far worse (a column that
     had just saturated: |b| 7e-14, |b - A x| 0.5, and the solve diverged at once) */
  PetscCall(KSPSetInitialGuessNonzero(ksp, PETSC_FALSE));
  if (m->lin_exact) {
    Mat       A;
    PetscReal bn, rn;
    PetscCall(KSPGetOperators(ksp, &A, NULL));
    PetscCall(MatMult(A, x, m->lres));
    PetscCall(VecAYPX(m->lres, -1.0, b));
    PetscCall(VecNorm(m->lres, NORM_2, &rn));
    PetscCall(VecNorm(b, NORM_2, &bn));
    if (rn < 0.5 * bn) PetscCall(KSPSetInitialGuessNonzero(ksp, PETSC_TRUE));
  }
  m->lin_confirmed = PETSC_FALSE;
  PetscFunctionReturn(0);
}

/* KSP stopping test: PETSc's default (relative, absolute, divergence, iteration limit); when the
   Jacobian does not depend on the state, a convergence by it is confirmed only once the unbalanced
   volume of the linear residual is within GW_LINEAR_TARGET of the Newton tolerance, or within the
   round-off floor and no longer halving. */
static PetscErrorCode LinearConverged(KSP ksp, PetscInt it, PetscReal rnorm, KSPConvergedReason *reason, void *ctx)
{
  GWModel   m = (GWModel)ctx;
  Vec       r;
  PetscReal l1;

  PetscFunctionBegin;
  PetscCall(KSPConvergedDefault(ksp, it, rnorm, reason, m->kspdefctx));
  if (it == 0) m->lin_l1_prev = PETSC_MAX_REAL;
  if (!m->lin_exact || *reason <= 0 || m->newton_tol <= 0) PetscFunctionReturn(0);
  PetscCall(KSPBuildResidual(ksp, m->lres, m->Fw, &r));
  PetscCall(VecPointwiseMult(r, r, m->wvol));
  PetscCall(VecNorm(r, NORM_1, &l1));
  if (l1 <= GW_LINEAR_TARGET * m->newton_tol || (l1 <= m->newton_floor && l1 > 0.5 * m->lin_l1_prev)) {
    m->lin_confirmed = PETSC_TRUE;
    PetscCall(PetscInfo(ksp, "it %" PetscInt_FMT ": linear residual leaves %g m^3/s unbalanced, Newton tolerance %g m^3/s: converged\n", it, (double)l1, (double)m->newton_tol));
    PetscFunctionReturn(0);
  }
  m->lin_l1_prev = l1;
  *reason        = KSP_CONVERGED_ITERATING;
  PetscFunctionReturn(0);
}

static PetscErrorCode LinearConvergedDestroy(void *ctx)
{
  GWModel m = (GWModel)ctx;

  PetscFunctionBegin;
  PetscCall(KSPConvergedDefaultDestroy(m->kspdefctx));
  m->kspdefctx = NULL;
  PetscFunctionReturn(0);
}

/* Installs the stopping test on the Newton solver's KSP; before SNESSetFromOptions(), so that
   -gw_ksp_convergence_test and friends still override it. */
PetscErrorCode GWModelSetUpLinearSolver_Private(GWModel m, KSP ksp)
{
  PetscFunctionBegin;
  PetscCall(VecDuplicate(m->X, &m->lres));
  PetscCall(KSPConvergedDefaultCreate(&m->kspdefctx));
  PetscCall(KSPSetConvergenceTest(ksp, LinearConverged, m, LinearConvergedDestroy));
  {
    PetscBool kset, pset;
    PetscCall(PetscOptionsHasName(((PetscObject)ksp)->options, "gw_", "-ksp_type", &kset));
    PetscCall(PetscOptionsHasName(((PetscObject)ksp)->options, "gw_", "-pc_type", &pset));
    m->auto_solver = (PetscBool)(!kset && !pset);
    PetscCall(PetscOptionsHasName(((PetscObject)ksp)->options, "gw_", "-snes_linesearch_type", &kset));
    m->auto_linesearch = (PetscBool)!kset;
    m->ls_basic        = PETSC_FALSE; /* l2, set by GWModelSetUpSolver_Private() */
    m->solver_exact    = PETSC_FALSE; /* PETSc's default solver is the one for a state-dependent Jacobian */
  }
  PetscFunctionReturn(0);
}
