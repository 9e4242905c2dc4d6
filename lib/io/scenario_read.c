/* Readers of scenario values: quantities with units, integers, words, index ranges, sections and
   CSV series, each checked where it is read (errors name file:line:column and the key). Shared by
   the section readers of lib/io/scenario*.c; NetCDF arrays are in lib/io/ncinput.c. */
#include <gw/private/ioimpl.h>
#include <gw/private/modelimpl.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

PetscErrorCode GWReadQuantity_Private(GWYamlNode v, const char si[], PetscReal *value)
{
  char      err[256];
  PetscBool ok;

  PetscFunctionBegin;
  GWInputCheck(v->kind == GW_YAML_SCALAR, v, "expected a single value%s%s", strcmp(si, "-") ? " with a unit in " : "", strcmp(si, "-") ? si : "");
  PetscCall(GWUnitsConvert_Private(v->value, si, value, &ok, err, sizeof(err)));
  GWInputCheck(ok, v, "%s", err);
  PetscFunctionReturn(0);
}

/* Optional quantity key of a map: value untouched when absent. */
PetscErrorCode GWGetQuantity_Private(GWYamlNode map, const char key[], const char si[], PetscBool required, PetscReal *value, PetscBool *present)
{
  GWYamlNode v = GWYamlGet_Private(map, key);

  PetscFunctionBegin;
  if (present) *present = (PetscBool)(v != NULL);
  if (!v) {
    GWInputCheck(!required, map, "missing key \"%s\"%s%s", key, strcmp(si, "-") ? " (a value with a unit in " : "", strcmp(si, "-") ? si : "");
    if (strcmp(si, "-") && required) PetscFunctionReturn(0);
    PetscFunctionReturn(0);
  }
  PetscCall(GWReadQuantity_Private(v, si, value));
  PetscFunctionReturn(0);
}

PetscErrorCode GWGetInteger_Private(GWYamlNode map, const char key[], PetscBool required, PetscInt lo, PetscInt *value)
{
  GWYamlNode v = GWYamlGet_Private(map, key);
  char      *end;
  long       l;

  PetscFunctionBegin;
  if (!v) {
    GWInputCheck(!required, map, "missing key \"%s\" (an integer)", key);
    PetscFunctionReturn(0);
  }
  GWInputCheck(v->kind == GW_YAML_SCALAR, v, "expected an integer");
  errno = 0;
  l     = strtol(v->value, &end, 10);
  GWInputCheck(end != v->value && !*end, v, "expected an integer, found \"%s\"", v->value);
  GWInputCheck(errno != ERANGE && l <= PETSC_MAX_INT, v, "%s is too large (at most %" PetscInt_FMT ")", v->value, (PetscInt)PETSC_MAX_INT);
  GWInputCheck(l >= lo, v, "must be at least %" PetscInt_FMT ", found %ld", lo, l);
  *value = (PetscInt)l;
  PetscFunctionReturn(0);
}

/* A quantity or a list of n quantities, into a[n]. */
PetscErrorCode GWReadQuantityArray_Private(GWYamlNode v, const char si[], PetscInt n, PetscReal a[])
{
  PetscFunctionBegin;
  if (v->kind == GW_YAML_SCALAR) {
    PetscCall(GWReadQuantity_Private(v, si, &a[0]));
    for (PetscInt i = 1; i < n; i++) a[i] = a[0];
  } else {
    GWInputCheck(v->kind == GW_YAML_SEQ, v, "expected one value or a list of %" PetscInt_FMT " values", n);
    GWInputCheck(v->n == n, v, "expected %" PetscInt_FMT " values (one per cell), found %" PetscInt_FMT, n, v->n);
    for (PetscInt i = 0; i < n; i++) PetscCall(GWReadQuantity_Private(v->items[i], si, &a[i]));
  }
  PetscFunctionReturn(0);
}

/* [first, last] inclusive index range within [0, n); the whole range when the key is absent. */
PetscErrorCode GWGetRange_Private(GWYamlNode map, const char key[], PetscInt n, PetscInt *lo, PetscInt *hi)
{
  GWYamlNode v = GWYamlGet_Private(map, key);
  PetscInt   r[2];

  PetscFunctionBegin;
  *lo = 0;
  *hi = n - 1;
  if (!v) PetscFunctionReturn(0);
  GWInputCheck(v->kind == GW_YAML_SEQ && v->n == 2, v, "expected [first, last] cell indices (from 0, inclusive)");
  for (PetscInt a = 0; a < 2; a++) {
    char *end;
    long  l;
    GWInputCheck(v->items[a]->kind == GW_YAML_SCALAR, v->items[a], "expected an integer index");
    l = strtol(v->items[a]->value, &end, 10);
    GWInputCheck(end != v->items[a]->value && !*end, v->items[a], "expected an integer index, found \"%s\"", v->items[a]->value);
    GWInputCheck(l >= 0 && l < n, v->items[a], "index %s is outside 0..%" PetscInt_FMT, v->items[a]->value, n - 1);
    r[a] = (PetscInt)l;
  }
  GWInputCheck(r[0] <= r[1], v, "first index %" PetscInt_FMT " is after last index %" PetscInt_FMT, r[0], r[1]);
  *lo = r[0];
  *hi = r[1];
  PetscFunctionReturn(0);
}

/* A required section the file lacks: the message names it as the key, at the file's first key. */
PetscErrorCode GWMissingSection_Private(GWYamlNode root, const char key[], const char hint[])
{
  PetscFunctionBegin;
  SETERRQ(PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "%s:%" PetscInt_FMT ":%" PetscInt_FMT ": %s: missing section \"%s:\"%s", root->file, root->line, root->col, key, key, hint);
}

/* A section mapping; an optional section left empty ("solver:" alone) counts as absent. */
PetscErrorCode GWGetSection_Private(GWYamlNode root, const char key[], PetscBool required, GWYamlNode *sec)
{
  PetscFunctionBegin;
  *sec = GWYamlGet_Private(root, key);
  if (*sec && !required && (*sec)->kind == GW_YAML_SCALAR && !(*sec)->value[0]) *sec = NULL;
  if (!*sec && required) PetscCall(GWMissingSection_Private(root, key, ""));
  if (*sec) PetscCall(GWYamlCheckKeys_Private(*sec, key));
  PetscFunctionReturn(0);
}

static PetscErrorCode ReadSeries(MPI_Comm comm, GWYamlNode ser, const char pattern[], const char si[], PetscReal start_date, PetscBool have_start, PetscReal tend, GWSeries *s, GWInterpolation *gi)
{
  const char *interp = "step";

  PetscFunctionBegin;
  GWInputCheck(ser->kind == GW_YAML_MAP, ser, "expected {file:, time_column:, value_column:, unit:}");
  PetscCall(GWSeriesRead_Private(comm, ser, pattern, si, start_date, have_start, s));
  PetscCall(GWGetString_Private(ser, "interpolation", PETSC_FALSE, &interp));
  GWInputCheck(!strcmp(interp, "step") || !strcmp(interp, "linear"), GWYamlGet_Private(ser, "interpolation"), "interpolation must be step or linear, found \"%s\"", interp);
  *gi = !strcmp(interp, "linear") ? GW_INTERP_LINEAR : GW_INTERP_STEP;
  PetscCall(GWSeriesFill_Private(ser, *gi, tend, s));
  PetscFunctionReturn(0);
}

/* A CSV series with its interpolation, its gaps and ends checked against the run [0, tend]; on
   an error nothing of s is left allocated (the caller frees s with GWSeriesFree_Private() only
   after a success). */
PetscErrorCode GWReadSeries_Private(MPI_Comm comm, GWYamlNode ser, const char pattern[], const char si[], PetscReal start_date, PetscBool have_start, PetscReal tend, GWSeries *s, GWInterpolation *gi)
{
  PetscErrorCode ierr;

  PetscFunctionBegin;
  PetscCall(PetscMemzero(s, sizeof(*s)));
  ierr = ReadSeries(comm, ser, pattern, si, start_date, have_start, tend, s, gi);
  if (ierr) PetscCall(GWSeriesFree_Private(s)); /* bad input: nothing left allocated (check-sanitize) */
  PetscCall(ierr);
  PetscFunctionReturn(0);
}

/* A slot (input, parameter or option) of a package type by name, or an input error listing them. */

/* A name that heads CSV columns (package, observation point): not empty, at most len - 1
   characters, no control characters (commas and quotes are quoted in the CSV files). */
PetscErrorCode GWCheckName_Private(GWYamlNode node, const char name[], size_t len)
{
  PetscFunctionBegin;
  GWInputCheck(name[0], node, "a name must not be empty");
  GWInputCheck(strlen(name) < len, node, "name \"%.20s...\" is longer than %d characters", name, (int)len - 1);
  for (const char *c = name; *c; c++) GWInputCheck((unsigned char)*c >= 0x20 && *c != 0x7f, node, "the name holds a control character (a line break or tab) at character %d; names head CSV columns, use letters, digits, spaces or punctuation", (int)(c - name) + 1);
  PetscFunctionReturn(0);
}
