/* Statistics of a calibration at the optimum (linearised: covariance s^2 (J^T J)^-1 of the
   weighted Jacobian J by its singular value decomposition), their getters, and the report. */
#include <gw/private/calibimpl.h>
#include <petscblaslapack.h>
#include <math.h>

/* Two-sided 95% quantile t_{0.975, nu} of Student's t distribution with nu degrees of freedom.
   nu = 1, 2: closed forms tan(0.475 pi) and 0.95 / sqrt(2 * 0.975 * 0.025); nu = 3, 4: the table
   values; nu >= 5: the Cornish-Fisher expansion about the normal quantile z = 1.959963984540054,
   Abramowitz and Stegun (1964), Handbook of Mathematical Functions, eq. 26.7.5 (error below 2e-4
   at nu = 5, below 1e-6 from nu = 20). */
PetscReal GWStudentT975_Private(PetscInt nu)
{
  const PetscReal z = 1.959963984540054, z2 = z * z, v = (PetscReal)nu;
  PetscReal       g1, g2, g3, g4;

  if (nu < 1) return (PetscReal)INFINITY;
  if (nu == 1) return PetscTanReal(0.475 * PETSC_PI);
  if (nu == 2) return 0.95 / PetscSqrtReal(2 * 0.975 * 0.025);
  if (nu == 3) return 3.182446305284263;
  if (nu == 4) return 2.776445105197793;
  g1 = z * (z2 + 1) / 4;
  g2 = z * ((5 * z2 + 16) * z2 + 3) / 96;
  g3 = z * (((3 * z2 + 19) * z2 + 17) * z2 - 15) / 384;
  g4 = z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) / 92160;
  return z + g1 / v + g2 / (v * v) + g3 / (v * v * v) + g4 / (v * v * v * v);
}

/* Everything at the solution x of the TAO solver: residuals, Jacobian, SVD, covariance,
   estimates with standard errors and intervals, correlation, fit per group. */
PetscErrorCode GWCalibStatistics_Private(GWCalib c)
{
  PetscInt           np = c->np, m = c->nobs;
  const PetscScalar *x;
  PetscReal         *r, *J, *A, *VT, *work, *cov, wq, t;
  PetscBLASInt       bm, bn, lwork = -1, info, one = 1;

  PetscFunctionBegin;
  if (!c->est) {
    PetscCall(PetscMalloc4(np, &c->est, np, &c->se, np, &c->lo, np, &c->hi));
    PetscCall(PetscMalloc4(np, &c->sv, np * np, &c->corr, np, &c->illposed, np, &c->svsmall));
  }
  PetscCall(PetscMalloc5(m, &r, m * np, &J, m * np, &A, np * np, &VT, np * np, &cov));
  PetscCall(VecGetArrayRead(c->x, &x));
  PetscCall(GWCalibResiduals_Private(c, x, r));
  PetscCall(PetscArraycpy(A, c->sim, m)); /* the Jacobian's runs overwrite c->sim: kept for the report */
  PetscCall(GWCalibJacobian_Private(c, x, r, J));
  PetscCall(PetscArraycpy(c->sim, A, m));
  c->ssr = 0;
  for (PetscInt i = 0; i < m; i++) c->ssr += r[i] * r[i];
  c->dof = m - np;
  c->s2  = c->ssr / c->dof;
  /* J = U S V^T; only S and V^T are needed */
  PetscCall(PetscArraycpy(A, J, m * np));
  PetscCall(PetscBLASIntCast(m, &bm));
  PetscCall(PetscBLASIntCast(np, &bn));
  PetscCallBLAS("LAPACKgesvd", LAPACKgesvd_("N", "A", &bm, &bn, A, &bm, c->sv, NULL, &one, VT, &bn, &wq, &lwork, &info));
  PetscCall(PetscBLASIntCast((PetscInt)wq, &lwork));
  PetscCall(PetscMalloc1(lwork, &work));
  PetscCallBLAS("LAPACKgesvd", LAPACKgesvd_("N", "A", &bm, &bn, A, &bm, c->sv, NULL, &one, VT, &bn, work, &lwork, &info));
  PetscCall(PetscFree(work));
  PetscCheck(info == 0, PETSC_COMM_SELF, PETSC_ERR_LIB, "LAPACK gesvd failed with info %d", (int)info);
  /* covariance s^2 V S^-2 V^T over the singular values above svd_rtol * the largest; a parameter
     carried mostly (|v_ij| >= 0.5) by a smaller singular vector is ill-posed */
  PetscCall(PetscArrayzero(cov, np * np));
  for (PetscInt j = 0; j < np; j++) c->illposed[j] = PETSC_FALSE;
  for (PetscInt i = 0; i < np; i++) {
    c->svsmall[i] = (PetscBool)(c->sv[i] <= c->svd_rtol * c->sv[0]);
    for (PetscInt a = 0; a < np; a++) {
      if (c->svsmall[i]) {
        if (PetscAbsReal(VT[i + a * np]) >= 0.5) c->illposed[a] = PETSC_TRUE;
        continue;
      }
      for (PetscInt b = 0; b < np; b++) cov[a + b * np] += c->s2 * VT[i + a * np] * VT[i + b * np] / (c->sv[i] * c->sv[i]);
    }
  }
  t = GWStudentT975_Private(c->dof);
  for (PetscInt j = 0; j < np; j++) {
    PetscReal sx = c->illposed[j] ? (PetscReal)INFINITY : PetscSqrtReal(cov[j + j * np]); /* IEEE: the interval becomes (0 or -inf, inf) */
    if (c->par[j].log) {
      c->est[j] = PetscPowReal(10.0, x[j]);
      c->se[j]  = c->est[j] * PetscLogReal(10.0) * sx; /* delta method */
      c->lo[j]  = PetscPowReal(10.0, x[j] - t * sx);
      c->hi[j]  = PetscPowReal(10.0, x[j] + t * sx);
    } else {
      c->est[j] = x[j];
      c->se[j]  = sx;
      c->lo[j]  = x[j] - t * sx;
      c->hi[j]  = x[j] + t * sx;
    }
    for (PetscInt k = 0; k < np; k++) c->corr[j + k * np] = (c->illposed[j] || c->illposed[k]) ? PETSC_NAN : cov[j + k * np] / PetscSqrtReal(cov[j + j * np] * cov[k + k * np]);
  }
  PetscCall(VecRestoreArrayRead(c->x, &x));
  for (PetscInt g = 0; g < c->ng; g++) {
    GWCalibGroup *gr = &c->grp[g];
    PetscReal     s = 0, s2 = 0;
    for (PetscInt i = gr->start; i < gr->start + gr->n; i++) {
      s += c->sim[i] - c->vobs[i];
      s2 += (c->sim[i] - c->vobs[i]) * (c->sim[i] - c->vobs[i]);
    }
    gr->bias = s / gr->n;
    gr->rmse = PetscSqrtReal(s2 / gr->n);
  }
  PetscCall(PetscFree5(r, J, A, VT, cov));
  if (c->ngroups > 1) { /* runs of every group: their number, the worst budget, the longest time */
    PetscMPIInt srank;
    PetscInt    runs;
    PetscCallMPI(MPI_Comm_rank(c->sub, &srank));
    runs = srank ? 0 : c->nruns;
    PetscCallMPI(MPI_Allreduce(&runs, &c->nruns, 1, MPIU_INT, MPI_SUM, PetscObjectComm((PetscObject)c)));
    PetscCallMPI(MPI_Allreduce(MPI_IN_PLACE, &c->mb_worst, 1, MPIU_REAL, MPI_MAX, PetscObjectComm((PetscObject)c)));
    PetscCallMPI(MPI_Allreduce(MPI_IN_PLACE, &c->run_time, 1, MPIU_REAL, MPI_MAX, PetscObjectComm((PetscObject)c)));
  }
  c->solved = PETSC_TRUE;
  PetscFunctionReturn(0);
}

/*@C
  GWCalibGetEstimates - gets the estimates with their standard errors and 95% confidence intervals

  Not collective (the same on every rank)

  Input Parameter:
. calib - the calibration, after GWCalibSolve()

  Output Parameters (each [np] in SI units in the order of the file, or NULL):
+ est - the estimates
. se - standard errors: of the value (linear), or est ln(10) se(log10 value) (log, delta method);
       infinite for an ill-posed parameter
. lo - lower end of the 95% interval
- hi - upper end: x +- t_{0.975, nobs - np} se(x) in transformed space x, mapped back (so the
       interval of a log parameter is not symmetric)

  Notes:
  Linearised statistics at the optimum: Cov(x) = s^2 (J^T J)^-1 with J the forward-difference
  Jacobian of the weighted residuals in transformed space and s^2 = sum r_i^2 / (nobs - np)
  (e.g. Hill and Tiedeman 2007, Effective Groundwater Model Calibration, eqs. 7-1 and 7-4),
  computed as s^2 V S^-2 V^T from the singular value decomposition J = U S V^T (LAPACK gesvd).

  Level: beginner

.seealso: `GWCalibSolve()`, `GWCalibGetCorrelation()`, `GWCalibGetSingularValues()`
@*/
PetscErrorCode GWCalibGetEstimates(GWCalib calib, PetscReal est[], PetscReal se[], PetscReal lo[], PetscReal hi[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(calib, GWCALIB_CLASSID, 1);
  PetscCheck(calib->solved, PETSC_COMM_SELF, PETSC_ERR_ARG_WRONGSTATE, "Call GWCalibSolve() first");
  if (est) PetscCall(PetscArraycpy(est, calib->est, calib->np));
  if (se) PetscCall(PetscArraycpy(se, calib->se, calib->np));
  if (lo) PetscCall(PetscArraycpy(lo, calib->lo, calib->np));
  if (hi) PetscCall(PetscArraycpy(hi, calib->hi, calib->np));
  PetscFunctionReturn(0);
}

/*@C
  GWCalibGetSingularValues - gets the singular values of the weighted Jacobian at the optimum

  Not collective

  Input Parameter:
. calib - the calibration, after GWCalibSolve()

  Output Parameters:
+ sv - [np] singular values, decreasing (units of weighted residual per transformed unit)
- small - [np] (or NULL) true for those below -calib_svd_rtol times the largest; the parameters
          with a component >= 0.5 in their right singular vectors are reported ill-posed

  Level: intermediate

.seealso: `GWCalibGetEstimates()`
@*/
PetscErrorCode GWCalibGetSingularValues(GWCalib calib, const PetscReal *sv[], const PetscBool *small[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(calib, GWCALIB_CLASSID, 1);
  PetscCheck(calib->solved, PETSC_COMM_SELF, PETSC_ERR_ARG_WRONGSTATE, "Call GWCalibSolve() first");
  if (sv) *sv = calib->sv;
  if (small) *small = calib->svsmall;
  PetscFunctionReturn(0);
}

/*@C
  GWCalibGetCorrelation - gets the correlation matrix of the estimates (transformed space)

  Not collective

  Input Parameter:
. calib - the calibration, after GWCalibSolve()

  Output Parameter:
. corr - [np np] column-major; NaN in the rows and columns of ill-posed parameters

  Level: intermediate

.seealso: `GWCalibGetEstimates()`
@*/
PetscErrorCode GWCalibGetCorrelation(GWCalib calib, const PetscReal *corr[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(calib, GWCALIB_CLASSID, 1);
  PetscCheck(calib->solved, PETSC_COMM_SELF, PETSC_ERR_ARG_WRONGSTATE, "Call GWCalibSolve() first");
  *corr = calib->corr;
  PetscFunctionReturn(0);
}

/*@C
  GWCalibGetGroupStatistics - gets the fit of one observation group at the estimates

  Not collective

  Input Parameters:
+ calib - the calibration, after GWCalibSolve()
- g - the group, in the order of the file

  Output Parameters (each may be NULL):
+ rmse - root mean square of simulated - observed (SI unit of the quantity, unweighted)
- bias - mean of simulated - observed

  Level: intermediate

.seealso: `GWCalibGetEstimates()`
@*/
PetscErrorCode GWCalibGetGroupStatistics(GWCalib calib, PetscInt g, PetscReal *rmse, PetscReal *bias)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(calib, GWCALIB_CLASSID, 1);
  PetscCheck(calib->solved, PETSC_COMM_SELF, PETSC_ERR_ARG_WRONGSTATE, "Call GWCalibSolve() first");
  PetscCheck(g >= 0 && g < calib->ng, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "group %" PetscInt_FMT " is not in 0..%" PetscInt_FMT, g, calib->ng - 1);
  if (rmse) *rmse = calib->grp[g].rmse;
  if (bias) *bias = calib->grp[g].bias;
  PetscFunctionReturn(0);
}

/*@C
  GWCalibGetRunStatistics - gets the number of forward runs so far, the largest relative
  mass-balance error of any of them, and their wall time

  Not collective

  Input Parameter:
. calib - the calibration

  Output Parameters (each may be NULL):
+ nruns - forward runs (GWCalibEvaluate() and those of GWCalibSolve()); after GWCalibSolve()
          with -calib_jacobian_groups, the sum over the groups
. mb - the largest of the cumulative and the worst step relative mass-balance errors
       (GWModelGetMassBalanceError(), GWModelGetMassBalanceWorstStep()) over the runs [-]
- seconds - wall time spent in forward runs [s]

  Level: intermediate

.seealso: `GWCalibEvaluate()`
@*/
PetscErrorCode GWCalibGetRunStatistics(GWCalib calib, PetscInt *nruns, PetscReal *mb, PetscReal *seconds)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(calib, GWCALIB_CLASSID, 1);
  if (nruns) *nruns = calib->nruns;
  if (mb) *mb = calib->mb_worst;
  if (seconds) *seconds = calib->run_time;
  PetscFunctionReturn(0);
}

/*@C
  GWCalibView - prints the calibration: its sizes, and after GWCalibSolve() the estimates with
  standard errors and 95% intervals, the singular values, the correlation matrix and the fit per
  group

  Collective

  Input Parameters:
+ calib - the calibration
- viewer - an ASCII viewer, or NULL for stdout

  Level: beginner

.seealso: `GWCalibWriteResults()`
@*/
PetscErrorCode GWCalibView(GWCalib calib, PetscViewer viewer)
{
  GWCalib c = calib;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(calib, GWCALIB_CLASSID, 1);
  if (!viewer) PetscCall(PetscViewerASCIIGetStdout(PetscObjectComm((PetscObject)c), &viewer));
  PetscCall(PetscViewerASCIIPrintf(viewer, "Calibration %s: %" PetscInt_FMT " parameters, %" PetscInt_FMT " observations in %" PetscInt_FMT " groups at %" PetscInt_FMT " times\n", c->file ? c->file : "(not loaded)", c->np, c->nobs, c->ng, c->ntimes));
  if (!c->solved) PetscFunctionReturn(0);
  PetscCall(PetscViewerASCIIPrintf(viewer, "TAO %s: %s after %" PetscInt_FMT " iterations, %" PetscInt_FMT " forward runs (%.1f s), worst relative mass-balance error %.2e\n", ((PetscObject)c->tao)->type_name, c->reason, c->its, c->nruns, (double)c->run_time, (double)c->mb_worst));
  PetscCall(PetscViewerASCIIPrintf(viewer, "Weighted sum of squared residuals: %.6e at the start, %.6e at the estimates; s^2 = %.6e with %" PetscInt_FMT " degrees of freedom\n", (double)c->phi0, (double)c->ssr, (double)c->s2, c->dof));
  PetscCall(PetscViewerASCIIPrintf(viewer, "%-32s %-6s %14s %14s %14s %14s %14s\n", "parameter", "transf", "initial", "estimate", "std. error", "95% lower", "95% upper"));
  for (PetscInt j = 0; j < c->np; j++) PetscCall(PetscViewerASCIIPrintf(viewer, "%-32s %-6s %14.7e %14.7e %14.7e %14.7e %14.7e%s\n", c->par[j].path, c->par[j].log ? "log" : "linear", (double)c->par[j].initial, (double)c->est[j], (double)c->se[j], (double)c->lo[j], (double)c->hi[j], c->illposed[j] ? "  ILL-POSED" : ""));
  PetscCall(PetscViewerASCIIPrintf(viewer, "Singular values of the weighted Jacobian:"));
  for (PetscInt i = 0; i < c->np; i++) PetscCall(PetscViewerASCIIPrintf(viewer, " %.4e%s", (double)c->sv[i], c->svsmall[i] ? " (small)" : ""));
  PetscCall(PetscViewerASCIIPrintf(viewer, "\nCorrelation matrix:\n"));
  for (PetscInt j = 0; j < c->np; j++) {
    PetscCall(PetscViewerASCIIPrintf(viewer, "  "));
    for (PetscInt k = 0; k < c->np; k++) PetscCall(PetscViewerASCIIPrintf(viewer, " %7.4f", (double)c->corr[j + k * c->np]));
    PetscCall(PetscViewerASCIIPrintf(viewer, "\n"));
  }
  PetscCall(PetscViewerASCIIPrintf(viewer, "%-24s %-16s %6s %14s %14s\n", "group", "quantity", "n", "RMSE", "bias"));
  for (PetscInt g = 0; g < c->ng; g++) PetscCall(PetscViewerASCIIPrintf(viewer, "%-24s %-16s %6" PetscInt_FMT " %14.6e %14.6e\n", c->grp[g].name, GWObsQuantities[c->grp[g].q], c->grp[g].n, (double)c->grp[g].rmse, (double)c->grp[g].bias));
  PetscFunctionReturn(0);
}

/* A real in a YAML file: .inf, -.inf and .nan as YAML spells them. */
static const char *YamlReal(PetscReal v, char buf[], size_t len)
{
  if (PetscIsNanReal(v)) return ".nan";
  if (PetscIsInfReal(v)) return v > 0 ? ".inf" : "-.inf";
  (void)PetscSNPrintf(buf, len, "%.10e", (double)v);
  return buf;
}

/*@C
  GWCalibWriteResults - writes the results of a calibration: <prefix>-calibration.yaml
  (estimates, standard errors, 95% intervals, ill-posed flags, singular values, correlation
  matrix, fit per group, solver summary) and <prefix>-calibration-residuals.csv (group, time,
  observed, simulated, weight and weighted residual of every observation at the estimates)

  Collective (rank 0 writes)

  Input Parameters:
+ calib - the calibration, after GWCalibSolve()
- prefix - the output prefix

  Errors:
  PETSC_ERR_FILE_OPEN when a file cannot be written.

  Level: beginner

.seealso: `GWCalibView()`
@*/
PetscErrorCode GWCalibWriteResults(GWCalib calib, const char prefix[])
{
  GWCalib     c = calib;
  char        path[PETSC_MAX_PATH_LEN];
  FILE       *fp;
  PetscMPIInt rank;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(calib, GWCALIB_CLASSID, 1);
  PetscCheck(c->solved, PetscObjectComm((PetscObject)c), PETSC_ERR_ARG_WRONGSTATE, "Call GWCalibSolve() first");
  PetscCallMPI(MPI_Comm_rank(PetscObjectComm((PetscObject)c), &rank));
  if (rank) PetscFunctionReturn(0);
  PetscCall(PetscSNPrintf(path, sizeof(path), "%s-calibration.yaml", prefix));
  fp = fopen(path, "w");
  PetscCheck(fp, PETSC_COMM_SELF, PETSC_ERR_FILE_OPEN, "cannot write %s; check that the output folder exists", path);
  PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, "calibration: %s\nsolver: {type: %s, reason: %s, iterations: %" PetscInt_FMT ", forward_runs: %" PetscInt_FMT ", worst_mass_balance_rel: %.3e}\n", c->file, ((PetscObject)c->tao)->type_name, c->reason, c->its, c->nruns, (double)c->mb_worst));
  PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, "objective: {start: %.10e, final: %.10e, s2: %.10e, observations: %" PetscInt_FMT ", dof: %" PetscInt_FMT "}\nparameters:\n", (double)c->phi0, (double)c->ssr, (double)c->s2, c->nobs, c->dof));
  for (PetscInt j = 0; j < c->np; j++) {
    char b[3][32];
    PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, "  - {path: %s, transform: %s, initial: %.10e, estimate: %.10e, standard_error: %s, ci95_lower: %s, ci95_upper: %s, ill_posed: %s}\n", c->par[j].path, c->par[j].log ? "log" : "linear", (double)c->par[j].initial, (double)c->est[j], YamlReal(c->se[j], b[0], 32), YamlReal(c->lo[j], b[1], 32), YamlReal(c->hi[j], b[2], 32), c->illposed[j] ? "true" : "false"));
  }
  PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, "singular_values: ["));
  for (PetscInt i = 0; i < c->np; i++) PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, "%s%.10e", i ? ", " : "", (double)c->sv[i]));
  PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, "]\ncorrelation:\n"));
  for (PetscInt j = 0; j < c->np; j++) {
    PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, "  - ["));
    for (PetscInt k = 0; k < c->np; k++) {
      char b[32];
      PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, "%s%s", k ? ", " : "", YamlReal(c->corr[j + k * c->np], b, sizeof(b))));
    }
    PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, "]\n"));
  }
  PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, "groups:\n"));
  for (PetscInt g = 0; g < c->ng; g++) PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, "  - {name: %s, quantity: %s, n: %" PetscInt_FMT ", rmse: %.10e, bias: %.10e}\n", c->grp[g].name, GWObsQuantities[c->grp[g].q], c->grp[g].n, (double)c->grp[g].rmse, (double)c->grp[g].bias));
  fclose(fp);
  PetscCall(PetscSNPrintf(path, sizeof(path), "%s-calibration-residuals.csv", prefix));
  fp = fopen(path, "w");
  PetscCheck(fp, PETSC_COMM_SELF, PETSC_ERR_FILE_OPEN, "cannot write %s; check that the output folder exists", path);
  PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, "group,time_s,observed,simulated,weight,weighted_residual\n"));
  for (PetscInt i = 0; i < c->nobs; i++) PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, "%s,%.15g,%.10g,%.10g,%.10g,%.10g\n", c->grp[c->gobs[i]].name, (double)c->tobs[i], (double)c->vobs[i], (double)c->sim[i], (double)c->wobs[i], (double)(c->wobs[i] * (c->sim[i] - c->vobs[i]))));
  fclose(fp);
  PetscFunctionReturn(0);
}
