/* Forward runs of a calibration in memory (parameters through the registry, GWModelReset(),
   steps landing on every observation time), the residuals, their forward-difference Jacobian,
   and the TAO solve. */
#include <gw/private/calibimpl.h>
#include <gw/private/modelimpl.h>

/* Natural parameter values (SI) of transformed values x (log10 for log parameters). */
PetscErrorCode GWCalibToNatural_Private(GWCalib c, const PetscReal x[], PetscReal p[])
{
  PetscFunctionBegin;
  for (PetscInt j = 0; j < c->np; j++) p[j] = c->par[j].log ? PetscPowReal(10.0, x[j]) : x[j];
  PetscFunctionReturn(0);
}

/* One forward run with parameters p on the model of this rank's group (every rank of the group
   uses the values of the group's first rank): c->sim on every rank of the group. */
static PetscErrorCode Forward(GWCalib c, const PetscReal p_in[])
{
  GWModel        m = c->sc->model;
  PetscReal     *p, worst = 0, cum = 0;
  PetscLogDouble t0, t1;
  PetscMPIInt    rank;
  MPI_Comm       comm = PetscObjectComm((PetscObject)m);

  PetscFunctionBegin;
  PetscCall(PetscTime(&t0));
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCall(PetscMalloc1(c->np, &p));
  PetscCall(PetscArraycpy(p, p_in, c->np));
  PetscCallMPI(MPI_Bcast(p, (PetscMPIInt)c->np, MPIU_REAL, 0, comm));
  for (PetscInt j = 0; j < c->np; j++) PetscCall(GWModelSetParameter(m, c->par[j].path, p[j]));
  PetscCall(PetscFree(p));
  PetscCall(GWModelReset(m));
  for (PetscInt k = 0; k < c->ntimes; k++) {
    PetscCall(GWModelRun(m, c->times[k]));
    PetscCall(PetscArrayzero(c->sample, GW_OBS_NQ * c->ng));
    PetscCall(GWModelSampleObservations_Private(m, c->ng, c->gxyz, c->grange, NULL, c->sample, NULL));
    if (rank) continue;
    for (PetscInt i = 0; i < c->nobs; i++)
      if (c->kobs[i] == k) c->sim[i] = c->sample[GW_OBS_NQ * c->gobs[i] + c->grp[c->gobs[i]].q];
  }
  PetscCallMPI(MPI_Bcast(c->sim, (PetscMPIInt)c->nobs, MPIU_REAL, 0, comm));
  PetscCall(GWModelGetMassBalanceError(m, NULL, NULL, NULL, &cum));
  PetscCall(GWModelGetMassBalanceWorstStep(m, NULL, &worst, NULL, NULL));
  c->mb_worst = PetscMax(c->mb_worst, PetscMax(PetscAbsReal(cum), worst));
  c->nruns++;
  PetscCall(PetscTime(&t1));
  c->run_time += t1 - t0;
  PetscFunctionReturn(0);
}

/* A forward run on every group with the same parameters; with several groups the values of the
   first group go to all, so every rank holds the same numbers whatever the groups' rounding. */
static PetscErrorCode ForwardAll(GWCalib c, const PetscReal p[])
{
  PetscFunctionBegin;
  PetscCall(Forward(c, p));
  if (c->ngroups > 1) PetscCallMPI(MPI_Bcast(c->sim, (PetscMPIInt)c->nobs, MPIU_REAL, 0, PetscObjectComm((PetscObject)c)));
  PetscFunctionReturn(0);
}

/*@C
  GWCalibEvaluate - runs the model once with the given parameter values and returns the simulated
  value of every observation

  Collective

  Input Parameters:
+ calib - the calibration, after GWCalibLoad()
- p - [np] parameter values in SI units, in the order of the file (rank 0's values are used)

  Output Parameter:
. sim - [nobs] simulated values (SI), in the order of the groups and of their CSV rows, on every rank

  Notes:
  The run sets each parameter with GWModelSetParameter(), resets the model (GWModelReset()) and
  runs it with GWModelRun() to each observation time in turn, so that a step lands on every one,
  and samples the state there (points: linear interpolation in z between cell centres, as the
  observation file of gw-run; layers: the average water content or the storage over the depth
  range). Nothing is written to files.

  Errors:
  Those of GWModelSetParameter() for a value it refuses and of GWModelRun(), e.g.
  PETSC_ERR_NOT_CONVERGED when a step fails after its allowed cuts.

  Level: intermediate

.seealso: `GWCalibLoad()`, `GWCalibSolve()`, `GWModelReset()`, `GWModelSetParameter()`
@*/
PetscErrorCode GWCalibEvaluate(GWCalib calib, const PetscReal p[], PetscReal sim[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(calib, GWCALIB_CLASSID, 1);
  PetscCheck(calib->sc, PetscObjectComm((PetscObject)calib), PETSC_ERR_ARG_WRONGSTATE, "Call GWCalibLoad() first");
  PetscCall(ForwardAll(calib, p));
  PetscCall(PetscArraycpy(sim, calib->sim, calib->nobs));
  PetscFunctionReturn(0);
}

/* Weighted residuals r_i = w_i (sim_i - obs_i) at transformed parameters x, from the run of this
   rank's group alone (all false) or the same on every rank (all true). */
static PetscErrorCode Residuals(GWCalib c, const PetscReal x[], PetscReal r[], PetscBool all)
{
  PetscReal *p;

  PetscFunctionBegin;
  PetscCall(PetscMalloc1(c->np, &p));
  PetscCall(GWCalibToNatural_Private(c, x, p));
  if (all)
    PetscCall(ForwardAll(c, p));
  else
    PetscCall(Forward(c, p));
  PetscCall(PetscFree(p));
  for (PetscInt i = 0; i < c->nobs; i++) r[i] = c->wobs[i] * (c->sim[i] - c->vobs[i]);
  PetscFunctionReturn(0);
}

PetscErrorCode GWCalibResiduals_Private(GWCalib c, const PetscReal x[], PetscReal r[])
{
  PetscFunctionBegin;
  PetscCall(Residuals(c, x, r, PETSC_TRUE));
  PetscFunctionReturn(0);
}

/* Forward-difference Jacobian J[nobs x np] (column-major) of the residuals at x, whose residuals
   are r0: column j from x_j + h, h = fd_step max(|x_j|, 1), or x_j - h when x_j + h is above the
   upper bound. With -calib_jacobian_groups G the ranks form G groups, each with its own copy of
   the model, and group j mod G computes column j; the first rank of that group sends it to all. */
PetscErrorCode GWCalibJacobian_Private(GWCalib c, const PetscReal x[], const PetscReal r0[], PetscReal J[])
{
  PetscReal  *xp;
  PetscMPIInt size;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_size(PetscObjectComm((PetscObject)c), &size));
  PetscCall(PetscMalloc1(c->np, &xp));
  for (PetscInt j = 0; j < c->np; j++) {
    PetscReal h  = c->fd_step * PetscMax(PetscAbsReal(x[j]), 1.0);
    PetscReal up = c->par[j].log ? PetscLog10Real(c->par[j].upper) : c->par[j].upper;
    if (j % c->ngroups != c->group) continue;
    PetscCall(PetscArraycpy(xp, x, c->np));
    if (x[j] + h > up) h = -h;
    xp[j] += h;
    h = xp[j] - x[j]; /* the step as represented */
    PetscCall(Residuals(c, xp, &J[j * c->nobs], PETSC_FALSE));
    for (PetscInt i = 0; i < c->nobs; i++) J[j * c->nobs + i] = (J[j * c->nobs + i] - r0[i]) / h;
  }
  if (c->ngroups > 1)
    for (PetscInt j = 0; j < c->np; j++) PetscCallMPI(MPI_Bcast(&J[j * c->nobs], (PetscMPIInt)c->nobs, MPIU_REAL, (PetscMPIInt)((j % c->ngroups) * (size / c->ngroups)), PetscObjectComm((PetscObject)c)));
  PetscCall(PetscFree(xp));
  PetscFunctionReturn(0);
}

/* TAO asks for the residuals and the Jacobian at the same point several times (objective,
   gradient, Hessian of BRGN): the last of each is kept, so that a point costs 1 + np forward runs. */
static PetscErrorCode FormResidual(Tao tao, Vec X, Vec F, void *ctx)
{
  GWCalib            c = (GWCalib)ctx;
  const PetscScalar *x;
  PetscScalar       *f;
  PetscBool          same = PETSC_FALSE;

  PetscFunctionBegin;
  (void)tao;
  if (c->rlast_valid) PetscCall(VecEqual(X, c->xlast, &same));
  if (same) {
    if (F != c->rlast) PetscCall(VecCopy(c->rlast, F));
    PetscFunctionReturn(0);
  }
  PetscCall(VecGetArrayRead(X, &x));
  PetscCall(VecGetArray(F, &f));
  PetscCall(GWCalibResiduals_Private(c, x, f));
  PetscCall(VecRestoreArray(F, &f));
  PetscCall(VecRestoreArrayRead(X, &x));
  PetscCall(VecCopy(X, c->xlast));
  if (F != c->rlast) PetscCall(VecCopy(F, c->rlast));
  c->rlast_valid = PETSC_TRUE;
  PetscFunctionReturn(0);
}

static PetscErrorCode FormJacobian(Tao tao, Vec X, Mat J, Mat Jpre, void *ctx)
{
  GWCalib            c = (GWCalib)ctx;
  const PetscScalar *x, *r0;
  PetscScalar       *a;
  PetscBool          same = PETSC_FALSE;
  PetscInt           lda;

  PetscFunctionBegin;
  (void)Jpre;
  if (c->jlast_valid) PetscCall(VecEqual(X, c->xjac, &same));
  if (same) PetscFunctionReturn(0);
  PetscCall(FormResidual(tao, X, c->rlast, c));
  PetscCall(MatDenseGetLDA(J, &lda));
  PetscCheck(lda == c->nobs, PETSC_COMM_SELF, PETSC_ERR_PLIB, "Jacobian leading dimension %" PetscInt_FMT " is not the number of observations", lda);
  PetscCall(VecGetArrayRead(X, &x));
  PetscCall(VecGetArrayRead(c->rlast, &r0));
  PetscCall(MatDenseGetArrayWrite(J, &a));
  PetscCall(GWCalibJacobian_Private(c, x, r0, a));
  PetscCall(MatDenseRestoreArrayWrite(J, &a));
  PetscCall(VecRestoreArrayRead(c->rlast, &r0));
  PetscCall(VecRestoreArrayRead(X, &x));
  PetscCall(MatAssemblyBegin(J, MAT_FINAL_ASSEMBLY));
  PetscCall(MatAssemblyEnd(J, MAT_FINAL_ASSEMBLY));
  PetscCall(VecCopy(X, c->xjac));
  c->jlast_valid = PETSC_TRUE;
  PetscFunctionReturn(0);
}

/* One line per iteration on rank 0 of the calibration's communicator (-calib_monitor). */
static PetscErrorCode Monitor(Tao tao, void *ctx)
{
  GWCalib            c = (GWCalib)ctx;
  PetscInt           its;
  PetscReal          f, gnorm;
  const PetscScalar *x;
  MPI_Comm           comm = PetscObjectComm((PetscObject)c);

  PetscFunctionBegin;
  PetscCall(TaoGetSolutionStatus(tao, &its, &f, &gnorm, NULL, NULL, NULL));
  PetscCall(PetscPrintf(comm, "calibration iteration %3" PetscInt_FMT ": objective %.6e, gradient norm %.3e, forward runs %" PetscInt_FMT ", parameters", its, (double)f, (double)gnorm, c->nruns));
  PetscCall(VecGetArrayRead(c->x, &x));
  for (PetscInt j = 0; j < c->np; j++) PetscCall(PetscPrintf(comm, " %.8g", (double)(c->par[j].log ? PetscPowReal(10.0, x[j]) : x[j])));
  PetscCall(VecRestoreArrayRead(c->x, &x));
  PetscCall(PetscPrintf(comm, "\n"));
  PetscFunctionReturn(0);
}

/* TAO's default tests, and a step test: the forward runs carry noise at the level of Newton's
   tolerances (and on several ranks, of the parallel linear solves), which can keep the gradient
   above -tao_grtol when the parameters no longer move; stop when no transformed parameter moved
   by more than -calib_xtol in the last iteration. */
static PetscErrorCode ConvergenceTest(Tao tao, void *ctx)
{
  GWCalib            c = (GWCalib)ctx;
  TaoConvergedReason reason;
  PetscInt           its;
  PetscReal          dx = 0;
  const PetscScalar *x, *xp;
  Vec                X;

  PetscFunctionBegin;
  PetscCall(TaoDefaultConvergenceTest(tao, NULL));
  PetscCall(TaoGetConvergedReason(tao, &reason));
  PetscCall(TaoGetIterationNumber(tao, &its));
  PetscCall(TaoGetSolution(tao, &X));
  PetscCall(VecGetArrayRead(X, &x));
  PetscCall(VecGetArrayRead(c->xprev, &xp));
  for (PetscInt j = 0; j < c->np; j++) dx = PetscMax(dx, PetscAbsReal(x[j] - xp[j]));
  PetscCall(VecRestoreArrayRead(c->xprev, &xp));
  PetscCall(VecRestoreArrayRead(X, &x));
  PetscCall(VecCopy(X, c->xprev));
  if (reason == TAO_CONTINUE_ITERATING && its > 0 && dx < c->xtol) PetscCall(TaoSetConvergedReason(tao, TAO_CONVERGED_STEPTOL));
  PetscFunctionReturn(0);
}

/*@C
  GWCalibGetTao - gets the TAO solver of the calibration, created on first use

  Not collective

  Input Parameter:
. calib - the calibration, after GWCalibLoad()

  Output Parameter:
. tao - the solver: TAOBRGN by default, on PETSC_COMM_SELF of every rank (every rank runs the
        same iterations on the same numbers; each forward run uses all ranks of the calibration)

  Level: advanced

.seealso: `GWCalibSolve()`
@*/
PetscErrorCode GWCalibGetTao(GWCalib calib, Tao *tao)
{
  GWCalib      c = calib;
  PetscScalar *x, *xl, *xu;
  PetscBool    mon = PETSC_FALSE, isbrgn;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(calib, GWCALIB_CLASSID, 1);
  PetscCheck(c->sc, PetscObjectComm((PetscObject)c), PETSC_ERR_ARG_WRONGSTATE, "Call GWCalibLoad() first");
  if (!c->tao) {
    PetscCall(VecCreateSeq(PETSC_COMM_SELF, c->np, &c->x));
    PetscCall(VecDuplicate(c->x, &c->xl));
    PetscCall(VecDuplicate(c->x, &c->xu));
    PetscCall(VecDuplicate(c->x, &c->xlast));
    PetscCall(VecDuplicate(c->x, &c->xjac));
    PetscCall(VecDuplicate(c->x, &c->xprev));
    PetscCall(VecCreateSeq(PETSC_COMM_SELF, c->nobs, &c->r));
    PetscCall(VecDuplicate(c->r, &c->rlast));
    PetscCall(MatCreateSeqDense(PETSC_COMM_SELF, c->nobs, c->np, NULL, &c->J));
    PetscCall(VecGetArray(c->x, &x));
    PetscCall(VecGetArray(c->xl, &xl));
    PetscCall(VecGetArray(c->xu, &xu));
    for (PetscInt j = 0; j < c->np; j++) {
      GWCalibParameter *p = &c->par[j];
      x[j]                = p->log ? PetscLog10Real(p->initial) : p->initial;
      xl[j]               = p->log ? PetscLog10Real(p->lower) : p->lower;
      xu[j]               = p->log ? PetscLog10Real(p->upper) : p->upper;
    }
    PetscCall(VecRestoreArray(c->x, &x));
    PetscCall(VecRestoreArray(c->xl, &xl));
    PetscCall(VecRestoreArray(c->xu, &xu));
    PetscCall(VecCopy(c->x, c->xprev));
    PetscCall(TaoCreate(PETSC_COMM_SELF, &c->tao));
    PetscCall(TaoSetType(c->tao, TAOBRGN));
    PetscCall(TaoSetSolution(c->tao, c->x));
    PetscCall(TaoSetResidualRoutine(c->tao, c->r, FormResidual, c));
    PetscCall(TaoSetJacobianResidualRoutine(c->tao, c->J, c->J, FormJacobian, c));
    PetscCall(TaoSetVariableBounds(c->tao, c->xl, c->xu));
    PetscCall(TaoSetMaximumIterations(c->tao, 50));
    PetscCall(TaoSetConvergenceTest(c->tao, ConvergenceTest, c));
    PetscCall(PetscOptionsGetBool(NULL, NULL, "-calib_monitor", &mon, NULL));
    if (mon) PetscCall(TaoSetMonitor(c->tao, Monitor, c, NULL));
    PetscCall(TaoSetFromOptions(c->tao));
    PetscCall(PetscObjectTypeCompare((PetscObject)c->tao, TAOBRGN, &isbrgn));
    if (isbrgn) { /* BRGN iterates in its subsolver, whose tests end the solve */
      Tao sub;
      PetscCall(TaoBRGNGetSubsolver(c->tao, &sub));
      PetscCall(TaoSetConvergenceTest(sub, ConvergenceTest, c));
    }
  }
  *tao = c->tao;
  PetscFunctionReturn(0);
}

/*@C
  GWCalibSolve - estimates the parameters: minimises the sum of squared weighted residuals
  r_i = w_i (sim_i - obs_i) over the transformed parameters within their bounds, then computes
  the statistics at the optimum

  Collective

  Input Parameter:
. calib - the calibration, after GWCalibLoad()

  Options Database Keys:
+ -tao_type <brgn> - brgn (bounded regularised Gauss-Newton, with the forward-difference
                     Jacobian) or pounders (derivative-free, model-based; Wild 2017), or any TAO
                     type for bound-constrained least squares
. -tao_max_it <50> - iterations
. -tao_gatol, -tao_grtol - TAO's gradient tests; besides them the calibration stops when no
                  transformed parameter moved by more than -calib_xtol in the last iteration
. -calib_monitor - one line per iteration
- -calib_fd_step, -calib_svd_rtol - see GWCalibSetFromOptions()

  Notes:
  TAO runs on PETSC_COMM_SELF on every rank with the same numbers; each forward run
  (GWCalibEvaluate()) is parallel on the calibration's communicator and every rank uses rank 0's
  parameter values, so the ranks take the same path. With -calib_jacobian_groups G (a divisor of
  the number of ranks) the ranks form G groups of consecutive ranks, each with its own copy of the
  model, and the columns of the Jacobian are computed concurrently, column j by group j mod G;
  other forward runs are repeated by every group and the first group's values are used. The statistics (GWCalibGetEstimates()) come from the weighted
  Jacobian at the optimum, which is recomputed there whatever the solver.

  Errors:
  Those of GWCalibEvaluate() (a forward run that fails ends the calibration); TAO's.

  Level: beginner

.seealso: `GWCalibLoad()`, `GWCalibGetEstimates()`, `GWCalibView()`, `GWCalibWriteResults()`
@*/
PetscErrorCode GWCalibSolve(GWCalib calib)
{
  Tao                tao;
  TaoConvergedReason reason;

  PetscFunctionBegin;
  PetscCall(GWCalibGetTao(calib, &tao));
  {
    const PetscScalar *x;
    PetscCall(VecGetArrayRead(calib->x, &x));
    PetscCall(GWCalibResiduals_Private(calib, x, calib->sim)); /* the objective at the start */
    PetscCall(VecRestoreArrayRead(calib->x, &x));
    calib->phi0 = 0;
    for (PetscInt i = 0; i < calib->nobs; i++) calib->phi0 += calib->sim[i] * calib->sim[i];
  }
  PetscCall(TaoSolve(tao));
  PetscCall(TaoGetConvergedReason(tao, &reason));
  PetscCall(TaoGetIterationNumber(tao, &calib->its));
  PetscCall(PetscStrncpy(calib->reason, TaoConvergedReasons[reason], sizeof(calib->reason)));
  PetscCall(GWCalibStatistics_Private(calib));
  PetscFunctionReturn(0);
}
