/* gw-calibrate: estimate model parameters from observations (a calibration file, doc/calibrate.md).

   gw-calibrate [--check] [-o PREFIX] CALIBRATION.yaml [PETSc options, e.g. -tao_type pounders]

   Exit status: 0 success, 2 bad input (the message names file:line:column and key; found before
   any forward run), 3 numerical failure of a forward run, 1 other errors. */
#include <gw.h>
#include <gwcalib.h>
#include <stdlib.h>
#include <string.h>

static void Usage(void)
{
  fprintf(stderr, "usage: gw-calibrate [--check] [-o PREFIX] CALIBRATION.yaml [PETSc options]\n"
                  "  --check     read and check the calibration and its scenario, do not run\n"
                  "  -o PREFIX   output prefix (default: the calibration file name without .yaml)\n"
                  "  options: -tao_type brgn|pounders, -tao_max_it N, -calib_monitor, -calib_fd_step H, -calib_xtol X,\n"
                  "           -calib_svd_rtol R, -calib_jacobian_groups G, and the solver options of the model (-gw_*)\n");
}

/* The ranks agree on the exit status (the largest); rank 0, or the failed rank when rank 0 did
   not fail, prints the error as one line. */
static int EndPhase(PetscErrorCode ierr, int status, const char *stage)
{
  PetscMPIInt rank;
  int         in[2], out[2];

  MPI_Comm_rank(PETSC_COMM_WORLD, &rank);
  in[0] = ierr ? status : 0;
  in[1] = ierr ? -rank : -2147483647;
  (void)MPI_Allreduce(in, out, 2, MPI_INT, MPI_MAX, PETSC_COMM_WORLD);
  if (out[0] && -out[1] == rank) {
    char *text = NULL;
    PetscErrorMessage(ierr, NULL, &text);
    fprintf(stderr, "gw-calibrate: %s: %s\n", stage, text ? text : "unknown error");
    fflush(stderr);
  }
  return out[0];
}

int main(int argc, char **argv)
{
  const char    *file = NULL, *prefix = NULL;
  char           pre[PETSC_MAX_PATH_LEN], **pargv;
  PetscBool      check = PETSC_FALSE;
  int            pargc = 0, status = 0;
  PetscErrorCode ierr;
  GWCalib        calib = NULL;

  pargv          = (char **)calloc((size_t)argc + 1, sizeof(char *));
  pargv[pargc++] = argv[0];
  for (int a = 1; a < argc; a++) {
    if (!strcmp(argv[a], "--check"))
      check = PETSC_TRUE;
    else if (!strcmp(argv[a], "-h") || !strcmp(argv[a], "--help")) {
      Usage();
      free(pargv);
      return 0;
    } else if (!strcmp(argv[a], "-o") && a + 1 < argc)
      prefix = argv[++a];
    else if (argv[a][0] != '-' && !file && (a == 1 || argv[a - 1][0] != '-' || !strncmp(argv[a - 1], "--", 2) || !strcmp(argv[a - 1], "-o")))
      file = argv[a];
    else
      pargv[pargc++] = argv[a];
  }
  if (!file) {
    Usage();
    free(pargv);
    return 2;
  }
  if (PetscInitialize(&pargc, &pargv, NULL, NULL)) return 1;
  PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
  if (!prefix) { /* the file name without folder and .yaml */
    const char *base = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;
    size_t      l    = strlen(base);
    if (l > 5 && !strcmp(base + l - 5, ".yaml")) l -= 5;
    PetscCall(PetscSNPrintf(pre, sizeof(pre), "%.*s", (int)l, base));
    prefix = pre;
  }
  ierr = GWCalibCreate(PETSC_COMM_WORLD, &calib);
  if (!ierr) ierr = GWCalibLoad(calib, file);
  status = EndPhase(ierr, 2, "bad input");
  if (status) goto done;
  if (check) {
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "gw-calibrate: %s is valid\n", file));
    PetscCall(GWCalibView(calib, PETSC_VIEWER_STDOUT_WORLD));
    goto done;
  }
  ierr   = GWCalibSolve(calib);
  status = EndPhase(ierr, ierr == PETSC_ERR_NOT_CONVERGED ? 3 : 1, ierr == PETSC_ERR_NOT_CONVERGED ? "numerical failure" : "error");
  if (status) goto done;
  PetscCall(GWCalibView(calib, PETSC_VIEWER_STDOUT_WORLD));
  ierr   = GWCalibWriteResults(calib, prefix);
  status = EndPhase(ierr, 1, "error");
  if (!status) PetscCall(PetscPrintf(PETSC_COMM_WORLD, "Outputs: %s-calibration.yaml, %s-calibration-residuals.csv\n", prefix, prefix));
done:
  PetscCall(PetscPopErrorHandler());
  PetscCall(GWCalibDestroy(&calib));
  PetscCall(PetscFinalize());
  free(pargv);
  return status;
}
