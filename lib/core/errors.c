/* Errors raised on some ranks only, made collective so that no rank is left waiting. */
#include <gw/private/modelimpl.h>

/* Call after a step in which a check may fail on some ranks only (a check on the cells a rank
   owns), before the next collective call: ierr is this rank's result of that step. When any
   rank failed, every rank returns the error of the lowest failing rank, with its code and
   message, so that the caller sees one collective error instead of ranks hanging in the next
   collective call that the failed ranks never make. Collective. */
PetscErrorCode GWCheckAllRanks_Private(MPI_Comm comm, PetscErrorCode ierr)
{
  PetscMPIInt rank, size, first, mine;
  int         code      = (int)ierr;
  char        msg[1024] = "";

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCallMPI(MPI_Comm_size(comm, &size));
  mine = ierr ? rank : size;
  PetscCallMPI(MPI_Allreduce(&mine, &first, 1, MPI_INT, MPI_MIN, comm));
  if (first == size) PetscFunctionReturn(0);
  if (rank == first) {
    char *text = NULL;
    PetscCall(PetscErrorMessage(ierr, NULL, &text));
    PetscCall(PetscStrncpy(msg, text ? text : "error", sizeof(msg)));
  }
  PetscCallMPI(MPI_Bcast(&code, 1, MPI_INT, first, comm));
  PetscCallMPI(MPI_Bcast(msg, (PetscMPIInt)sizeof(msg), MPI_CHAR, first, comm));
  SETERRQ(PETSC_COMM_SELF, (PetscErrorCode)code, "%s", msg);
}

PetscErrorCode GWTypeNamesJoin_Private(PetscErrorCode (*get)(PetscInt *, const char ***), char list[], size_t len)
{
  const char **names;
  PetscInt     n;

  PetscFunctionBegin;
  list[0] = 0;
  PetscCall(get(&n, &names));
  for (PetscInt i = 0; i < n; i++) {
    PetscCall(PetscStrlcat(list, i ? ", " : "", len));
    PetscCall(PetscStrlcat(list, names[i], len));
  }
  PetscCall(PetscFree(names));
  PetscFunctionReturn(0);
}
