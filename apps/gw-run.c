/* gw-run: run a libgw scenario file.

   gw-run [--check] [-o PREFIX] [--restart CHECKPOINT.h5] SCENARIO.yaml [PETSc options]
   gw-run --list-keys

   Exit status: 0 success, 2 bad input (the message names file:line:column and key),
   3 numerical failure (Newton did not converge after the allowed time-step cuts), 1 other errors. */
#include <gw.h>
#include <gwio.h>
#include <string.h>

static void Usage(void)
{
  fprintf(stderr, "usage: gw-run [--check] [-o PREFIX] [--restart CHECKPOINT.h5] SCENARIO.yaml [PETSc options]\n"
                  "       gw-run --list-keys\n"
                  "  --check      read and check the scenario, build the model, do not run\n"
                  "  -o PREFIX    output prefix (default: output.prefix, else the scenario name)\n"
                  "  --restart F  continue from checkpoint F (PREFIX-checkpoint.h5 of an earlier run)\n"
                  "  --list-keys  print every scenario key: path | type | unit | default | summary\n");
}

/* One line on stderr from rank 0 with the error's own message. */
static int Fail(PetscErrorCode ierr, int status, const char *stage)
{
  const char *text = NULL;
  PetscMPIInt rank = 0;

  PetscErrorMessage(ierr, NULL, (char **)&text);
  MPI_Comm_rank(PETSC_COMM_WORLD, &rank);
  if (!rank) fprintf(stderr, "gw-run: %s: %s\n", stage, text ? text : "unknown error");
  return status;
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
  if (PetscInitialize(&pargc, &pargv, NULL, NULL)) return 1;
  PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
  if (listkeys) {
    ierr = GWScenarioKeysView(PETSC_VIEWER_STDOUT_WORLD);
    if (ierr) status = Fail(ierr, 1, "error");
    goto done;
  }
  ierr = GWScenarioCreate(PETSC_COMM_WORLD, &sc);
  if (!ierr && prefix) ierr = GWScenarioSetOutputPrefix(sc, prefix);
  if (!ierr) ierr = GWScenarioLoad(sc, file);
  if (!ierr && restart) ierr = GWScenarioRestart(sc, restart);
  if (ierr) {
    status = Fail(ierr, 2, "bad input");
    goto done;
  }
  if (check) {
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "gw-run: %s is valid\n", file));
    PetscCall(GWScenarioView(sc, PETSC_VIEWER_STDOUT_WORLD));
    goto done;
  }
  PetscCall(GWScenarioSetMonitor(sc, PETSC_VIEWER_STDOUT_WORLD));
  ierr = GWScenarioRun(sc);
  if (ierr) status = Fail(ierr, ierr == PETSC_ERR_NOT_CONVERGED ? 3 : 1, ierr == PETSC_ERR_NOT_CONVERGED ? "numerical failure" : "error");
done:
  PetscCall(PetscPopErrorHandler());
  if (!status) PetscCall(GWScenarioDestroy(&sc));
  PetscCall(PetscFinalize());
  free(pargv);
  return status;
}
