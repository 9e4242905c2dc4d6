/* Shared assertions for libgw tests: each check prints one line
     CHECK <name> value=<v> reference=<r> error=<e> tol=<t> PASS|FAIL
   and the test exits 0 when all passed, 1 otherwise (99 on a hard error). */
#ifndef GWTEST_H
#define GWTEST_H

#include <petscsys.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  PetscInt nchecks, nfail;
} GWTest;

/* Compare value against reference with an absolute tolerance. */
static inline PetscErrorCode GWTestAbs(GWTest *t, const char name[], PetscReal value, PetscReal reference, PetscReal tol)
{
  PetscReal err  = PetscAbsReal(value - reference);
  PetscBool pass = (PetscBool)(err <= tol && !PetscIsNanReal(value));

  PetscFunctionBeginUser;
  t->nchecks++;
  if (!pass) t->nfail++;
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "CHECK %s value=%.10g reference=%.10g error=%.3e tol=%.3e %s\n", name, (double)value, (double)reference, (double)err, (double)tol, pass ? "PASS" : "FAIL"));
  PetscFunctionReturn(0);
}

/* Compare value against reference with a tolerance relative to |reference|. */
static inline PetscErrorCode GWTestRel(GWTest *t, const char name[], PetscReal value, PetscReal reference, PetscReal rtol)
{
  PetscReal err  = PetscAbsReal(value - reference) / PetscMax(PetscAbsReal(reference), PETSC_SMALL);
  PetscBool pass = (PetscBool)(err <= rtol && !PetscIsNanReal(value));

  PetscFunctionBeginUser;
  t->nchecks++;
  if (!pass) t->nfail++;
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "CHECK %s value=%.10g reference=%.10g relerror=%.3e rtol=%.3e %s\n", name, (double)value, (double)reference, (double)err, (double)rtol, pass ? "PASS" : "FAIL"));
  PetscFunctionReturn(0);
}

/* Assert value <= limit (e.g. an error norm below its tolerance). */
static inline PetscErrorCode GWTestBelow(GWTest *t, const char name[], PetscReal value, PetscReal limit)
{
  PetscBool pass = (PetscBool)(value <= limit && !PetscIsNanReal(value));

  PetscFunctionBeginUser;
  t->nchecks++;
  if (!pass) t->nfail++;
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "CHECK %s value=%.6e limit=%.3e %s\n", name, (double)value, (double)limit, pass ? "PASS" : "FAIL"));
  PetscFunctionReturn(0);
}

/* Path of a file under the source tree: $srcdir/rel when the test harness sets srcdir, else rel. */
static inline PetscErrorCode GWTestSourcePath(const char rel[], char path[], size_t len)
{
  const char *srcdir = getenv("srcdir");

  PetscFunctionBeginUser;
  PetscCall(PetscSNPrintf(path, len, "%s/%s", srcdir ? srcdir : ".", rel));
  PetscFunctionReturn(0);
}

/* Reads a numeric CSV table: lines starting with '#' and the first other line (the header) are
   skipped; cells that do not parse as numbers become NaN. data is [nrow][ncol] row-major, to be
   freed with PetscFree(). */
static inline PetscErrorCode GWTestReadTable(const char path[], PetscInt *nrow, PetscInt *ncol, PetscReal **data)
{
  FILE      *fp;
  char       line[4096];
  PetscBool  header = PETSC_TRUE;
  PetscInt   n = 0, nc = 0, cap = 0;
  PetscReal *d = NULL;

  PetscFunctionBeginUser;
  fp = fopen(path, "r");
  PetscCheck(fp, PETSC_COMM_SELF, PETSC_ERR_FILE_OPEN, "Cannot open reference table %s", path);
  while (fgets(line, sizeof(line), fp)) {
    char    *p = line, *end;
    PetscInt c = 0;
    if (line[0] == '#' || line[0] == '\n') continue;
    if (header) {
      header = PETSC_FALSE;
      for (char *q = line; *q; q++)
        if (*q == ',') nc++;
      nc++;
      continue;
    }
    if (n + 1 > cap) {
      cap = PetscMax(64, 2 * cap);
      PetscCall(PetscRealloc(sizeof(PetscReal) * cap * nc, &d));
    }
    for (c = 0; c < nc; c++) {
      double v      = strtod(p, &end);
      d[n * nc + c] = (end == p) ? (PetscReal)NAN : (PetscReal)v;
      p             = strchr(end, ',');
      if (!p) break;
      p++;
    }
    for (c = c + 1; c < nc; c++) d[n * nc + c] = (PetscReal)NAN;
    n++;
  }
  fclose(fp);
  *nrow = n;
  *ncol = nc;
  *data = d;
  PetscFunctionReturn(0);
}

/* Print the summary; returns the exit status for main(). */
static inline int GWTestFinish(GWTest *t)
{
  if (PetscPrintf(PETSC_COMM_WORLD, "%" PetscInt_FMT " checks, %" PetscInt_FMT " failed\n", t->nchecks, t->nfail)) return 99;
  return t->nfail ? 1 : 0;
}

#endif
