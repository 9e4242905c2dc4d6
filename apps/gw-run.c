/* gw-run: run a libgw scenario file.

   gw-run [--check] [-o PREFIX] [--restart CHECKPOINT.h5] SCENARIO.yaml [PETSc options]
   gw-run --list-keys

   Exit status: 0 success, 2 bad input (the message names file:line:column and key),
   3 numerical failure (Newton did not converge after the allowed time-step cuts), 4 stopped by
   SIGTERM, SIGINT or SIGUSR1 after writing a checkpoint, 1 other errors.
   An error on any MPI rank ends the run on every rank with that status and one line on stderr. */
#define _POSIX_C_SOURCE 200809L /* setenv() under -std=c11 */
#include <gw.h>
#include <gwio.h>
#include <stdlib.h>
#include <string.h>

static void Usage(void)
{
  fprintf(stderr, "usage: gw-run [--check] [-o PREFIX] [--restart CHECKPOINT.h5] SCENARIO.yaml [PETSc options]\n"
                  "       gw-run --list-keys\n"
                  "  --check      read and check the scenario, build the model, do not run\n"
                  "  -o PREFIX    output prefix (default: output.prefix, else the scenario name)\n"
                  "  --restart F  continue from checkpoint F (PREFIX-checkpoint.h5 of an earlier run);\n"
                  "               into the same PREFIX it continues that run's output files\n"
                  "  --list-keys  print every scenario key: path | type | unit | default | summary\n");
}

/* Seconds a failed rank waits for the others to reach the end of the phase before it ends the
   run itself: the library makes the errors it knows to be rank-local collective, so the others
   normally arrive at once; a rank that never arrives is waiting for the failed one. */
#define GW_RUN_GRACE 5.0

static void PrintError(PetscErrorCode ierr, const char *stage)
{
  char *text = NULL;

  PetscErrorMessage(ierr, NULL, &text);
  fprintf(stderr, "gw-run: %s: %s\n", stage, text ? text : "unknown error");
  fflush(stderr);
}

/* Ends a phase on every rank: the ranks agree on the exit status (the largest), and the lowest
   failed rank prints its error as one line on stderr. A failed rank whose partners do not arrive
   within GW_RUN_GRACE prints its error and aborts the run with its status. */
static int EndPhase(PetscErrorCode ierr, int status, const char *stage)
{
  PetscMPIInt rank, size;
  int         in[2], out[2], done = 0;
  MPI_Request req;
  double      t0;

  MPI_Comm_rank(PETSC_COMM_WORLD, &rank);
  MPI_Comm_size(PETSC_COMM_WORLD, &size);
  in[0] = ierr ? status : 0;
  in[1] = ierr ? size - rank : 0; /* the maximum names the lowest failed rank */
  (void)MPI_Iallreduce(in, out, 2, MPI_INT, MPI_MAX, PETSC_COMM_WORLD, &req);
  if (!ierr) (void)MPI_Wait(&req, MPI_STATUS_IGNORE);
  for (t0 = MPI_Wtime(); ierr && !done;) {
    (void)MPI_Test(&req, &done, MPI_STATUS_IGNORE);
    if (done) break;
    if (MPI_Wtime() - t0 > GW_RUN_GRACE) {
      PrintError(ierr, stage);
      MPI_Abort(PETSC_COMM_WORLD, status);
    }
    PetscSleep(0.001);
  }
  if (out[0] && size - out[1] == rank) PrintError(ierr, stage);
  return out[0];
}

/* After a run, the PETSc options nobody read (a misspelt -gw_snes_rtoll), one warning line each
   on stderr, from rank 0. */
static PetscErrorCode WarnUnusedOptions(void)
{
  PetscInt    n;
  char      **names, **values;
  PetscMPIInt rank;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_rank(PETSC_COMM_WORLD, &rank));
  PetscCall(PetscOptionsLeftGet(NULL, &n, &names, &values));
  for (PetscInt i = 0; i < n && !rank; i++) {
    if (!strcmp(names[i], "options_left") || !strncmp(names[i], "log_view", 8)) continue;
    fprintf(stderr, "gw-run: warning: option -%s%s%s was not used (misspelt? see gw-run -help)\n", names[i], values[i] ? " " : "", values[i] ? values[i] : "");
  }
  fflush(stderr);
  PetscCall(PetscOptionsLeftRestore(NULL, &n, &names, &values));
  PetscFunctionReturn(0);
}

int main(int argc, char **argv)
{
  const char    *file = NULL, *prefix = NULL, *restart = NULL;
  PetscBool      check = PETSC_FALSE, listkeys = PETSC_FALSE;
  char         **pargv;
  int            pargc = 0, status = 0;
  PetscErrorCode ierr;
  GWScenario     sc = NULL;

  /* our own arguments are taken out before PETSc sees the rest */
  pargv          = (char **)calloc((size_t)argc + 1, sizeof(char *));
  pargv[pargc++] = argv[0];
  for (int a = 1; a < argc; a++) {
    if (!strcmp(argv[a], "--check"))
      check = PETSC_TRUE;
    else if (!strcmp(argv[a], "--list-keys"))
      listkeys = PETSC_TRUE;
    else if (!strcmp(argv[a], "-h") || !strcmp(argv[a], "--help")) {
      Usage();
      free(pargv);
      return 0;
    } else if (!strcmp(argv[a], "-o") && a + 1 < argc)
      prefix = argv[++a];
    else if (!strcmp(argv[a], "--restart") && a + 1 < argc)
      restart = argv[++a];
    else if (argv[a][0] != '-' && !file && (a == 1 || argv[a - 1][0] != '-' || !strncmp(argv[a - 1], "--", 2) || !strcmp(argv[a - 1], "-o") || !strcmp(argv[a - 1], "--restart")))
      file = argv[a];
    else
      pargv[pargc++] = argv[a];
  }
  if (!file && !listkeys) {
    Usage();
    free(pargv);
    return 2;
  }
  /* Open MPI's "lockedfile" shared-file-pointer component writes the file name into a fixed
     buffer and aborts on output paths over about 234 characters (MPI_File_open under NetCDF and
     HDF5); nothing here uses shared file pointers, so it is left out unless the user chose */
  setenv("OMPI_MCA_sharedfp", "^lockedfile", 0);
  if (PetscInitialize(&pargc, &pargv, NULL, NULL)) return 1;
  PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
  if (listkeys) {
    ierr   = GWScenarioKeysView(PETSC_VIEWER_STDOUT_WORLD);
    status = EndPhase(ierr, 1, "error");
    goto done;
  }
  ierr = GWScenarioCreate(PETSC_COMM_WORLD, &sc);
  if (!ierr && !check) ierr = GWScenarioSetCatchSignals(sc, PETSC_TRUE);
  if (!ierr && prefix) ierr = GWScenarioSetOutputPrefix(sc, prefix);
  if (!ierr) ierr = GWScenarioLoad(sc, file);
  if (!ierr && restart) ierr = GWScenarioRestart(sc, restart);
  status = EndPhase(ierr, 2, "bad input");
  if (status) goto done;
  if (check) {
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "gw-run: %s is valid\n", file));
    PetscCall(GWScenarioView(sc, PETSC_VIEWER_STDOUT_WORLD));
    goto done;
  }
  PetscCall(GWScenarioSetMonitor(sc, PETSC_VIEWER_STDOUT_WORLD));
  ierr   = GWScenarioRun(sc);
  status = EndPhase(ierr, ierr == PETSC_ERR_NOT_CONVERGED ? 3 : ierr == PETSC_ERR_SIG ? 4 : 1, ierr == PETSC_ERR_NOT_CONVERGED ? "numerical failure" : ierr == PETSC_ERR_SIG ? "stopped" : "error");
  if (!status) PetscCall(WarnUnusedOptions());
done:
  if (sc) PetscCall(GWScenarioSetCatchSignals(sc, PETSC_FALSE));
  PetscCall(PetscPopErrorHandler());
  /* every rank has the same status (EndPhase()), so every rank frees its part, also after an
     error: nothing is left for PetscFinalize() to find (check-sanitize) */
  PetscCall(GWScenarioDestroy(&sc));
  PetscCall(PetscFinalize());
  free(pargv);
  return status;
}
