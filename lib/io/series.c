/* Time series from CSV files: a date or elapsed-time column and a value column with a unit. */
#include <gw/private/ioimpl.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Splits a CSV line in place into at most max fields, trimming blanks and double quotes. */
static PetscInt SplitCSV(char *line, char **field, PetscInt max)
{
  PetscInt n = 0;
  char    *p = line;

  for (;;) {
    char *start, *end, *comma = strchr(p, ',');
    if (comma) *comma = 0;
    start = p;
    while (*start && isspace((unsigned char)*start)) start++;
    end = start + strlen(start);
    while (end > start && isspace((unsigned char)end[-1])) *--end = 0;
    if (*start == '"' && end > start + 1 && end[-1] == '"') {
      start++;
      end[-1] = 0;
    }
    if (n < max) field[n++] = start;
    if (!comma) break;
    p = comma + 1;
  }
  return n;
}

/* Path of a file named in a scenario: relative names are relative to the scenario's folder. */
static PetscErrorCode ResolvePath(const char scenario[], const char name[], char path[], size_t len)
{
  const char *slash = strrchr(scenario, '/');

  PetscFunctionBegin;
  if (name[0] == '/' || !slash)
    PetscCall(PetscStrncpy(path, name, len));
  else
    PetscCall(PetscSNPrintf(path, len, "%.*s/%s", (int)(slash - scenario), scenario, name));
  PetscFunctionReturn(0);
}

/* Reads the series described by node (keys file, time_column, time_unit, value_column or
   value_columns (one column per cell or group of cells), unit) into
   SI values; times are seconds since the scenario start (start_date when the column holds dates).
   Errors give the scenario position of the key at fault, then the CSV file and line: a missing
   column, an empty cell (a gap), an unreadable number or date, or times that do not increase. */
PetscErrorCode GWSeriesRead_Private(MPI_Comm comm, GWYamlNode node, const char pattern[], const char si[], PetscReal start_date, PetscBool have_start, GWSeries *s)
{
  const char *file = NULL, *tcol = NULL, *tunit = NULL, *vcol = NULL, *vunit = NULL, *vname[256];
  char        path[PETSC_MAX_PATH_LEN], line[8192], err[256], *field[256], one[128];
  FILE       *fp;
  PetscInt    lineno = 0, it = -1, iv[256], nf, cap = 0, nc;
  PetscReal   tfac = 1, vfac = 1, voff = 0, zero;
  GWYamlNode  fnode, vcols;
  PetscBool   ok, header = PETSC_TRUE, dates = PETSC_FALSE;

  PetscFunctionBegin;
  (void)comm;
  PetscCall(PetscMemzero(s, sizeof(*s)));
  PetscCall(GWYamlCheckKeys_Private(node, pattern));
  PetscCall(GWGetString_Private(node, "file", PETSC_TRUE, &file));
  PetscCall(GWGetString_Private(node, "time_column", PETSC_TRUE, &tcol));
  PetscCall(GWGetString_Private(node, "time_unit", PETSC_FALSE, &tunit));
  PetscCall(GWGetString_Private(node, "value_column", PETSC_FALSE, &vcol));
  vcols = GWYamlGet_Private(node, "value_columns");
  GWInputCheck(!vcol != !vcols, node, "give exactly one of \"value_column\" (a header) or \"value_columns\" (a list of headers, one per cell or group)");
  if (vcols) {
    GWInputCheck(vcols->kind == GW_YAML_SEQ && vcols->n >= 1 && vcols->n <= 255, vcols, "expected a list of 1 to 255 column headers");
    for (PetscInt c = 0; c < vcols->n; c++) {
      GWInputCheck(vcols->items[c]->kind == GW_YAML_SCALAR, vcols->items[c], "expected a column header");
      vname[c] = vcols->items[c]->value;
    }
    nc = vcols->n;
  } else {
    vname[0] = vcol;
    nc       = 1;
  }
  s->ncol = nc;
  for (PetscInt c = 0; c < nc; c++) iv[c] = -1;
  PetscCall(GWGetString_Private(node, "unit", PETSC_TRUE, &vunit));
  if (tunit) {
    PetscCall(PetscSNPrintf(one, sizeof(one), "1 %s", tunit));
    PetscCall(GWUnitsConvert_Private(one, "s", &tfac, &ok, err, sizeof(err)));
    GWInputCheck(ok, GWYamlGet_Private(node, "time_unit"), "%s", err);
  } else
    dates = PETSC_TRUE;
  if (strcmp(si, "-")) {
    PetscCall(PetscSNPrintf(one, sizeof(one), "1 %s", vunit));
    PetscCall(GWUnitsConvert_Private(one, si, &vfac, &ok, err, sizeof(err)));
    GWInputCheck(ok, GWYamlGet_Private(node, "unit"), "%s", err);
    PetscCall(PetscSNPrintf(one, sizeof(one), "0 %s", vunit));
    PetscCall(GWUnitsConvert_Private(one, si, &zero, &ok, err, sizeof(err)));
    voff = zero;
    vfac -= zero;
  }
  GWInputCheck(!dates || have_start, node, "the time column holds dates, so give time.start_date (e.g. 2018-04-20), or give time_unit for elapsed times");
  PetscCall(ResolvePath(node->file, file, path, sizeof(path)));
  fnode = GWYamlGet_Private(node, "file");
  fp    = fopen(path, "r");
  GWInputCheck(fp, fnode, "cannot open time-series file %s", path);
  while (fgets(line, sizeof(line), fp)) {
    PetscReal t, v;
    char     *end;
    lineno++;
    if (!strchr(line, '\n') && !feof(fp)) {
      fclose(fp);
      GWInputCheck(PETSC_FALSE, fnode, "%s:%" PetscInt_FMT ": line longer than %d characters", path, lineno, (int)sizeof(line));
    }
    line[strcspn(line, "\r\n")] = 0;
    if (line[0] == '#' || line[0] == 0) continue;
    nf = SplitCSV(line, field, 256);
    if (header) {
      for (PetscInt f = 0; f < nf; f++) {
        if (!strcmp(field[f], tcol)) it = f;
        for (PetscInt c = 0; c < nc; c++)
          if (!strcmp(field[f], vname[c])) iv[c] = f;
      }
      if (it < 0) {
        fclose(fp);
        GWInputCheck(PETSC_FALSE, GWYamlGet_Private(node, "time_column"), "%s:%" PetscInt_FMT ": no column named \"%s\" in the header", path, lineno, tcol);
      }
      for (PetscInt c = 0; c < nc; c++)
        if (iv[c] < 0) {
          fclose(fp);
          GWInputCheck(PETSC_FALSE, vcols ? vcols->items[c] : GWYamlGet_Private(node, "value_column"), "%s:%" PetscInt_FMT ": no column named \"%s\" in the header", path, lineno, vname[c]);
        }
      header = PETSC_FALSE;
      continue;
    }
    if (it >= nf || !field[it][0]) {
      fclose(fp);
      GWInputCheck(PETSC_FALSE, fnode, "%s:%" PetscInt_FMT ": empty value in column \"%s\" (a gap in the series); fill it or remove the row", path, lineno, tcol);
    }
    for (PetscInt c = 0; c < nc; c++)
      if (iv[c] >= nf || !field[iv[c]][0]) {
        fclose(fp);
        GWInputCheck(PETSC_FALSE, fnode, "%s:%" PetscInt_FMT ": empty value in column \"%s\" (a gap in the series); fill it or remove the row", path, lineno, vname[c]);
      }
    if (dates) {
      PetscCall(GWParseDate_Private(field[it], &t, &ok));
      if (!ok) {
        fclose(fp);
        GWInputCheck(PETSC_FALSE, fnode, "%s:%" PetscInt_FMT ": column \"%s\": \"%s\" is not a valid date YYYY-MM-DD[THH:MM[:SS]]", path, lineno, tcol, field[it]);
      }
      t -= start_date;
    } else {
      t = strtod(field[it], &end) * tfac;
      if (end == field[it] || *end || PetscIsInfOrNanReal(t)) {
        fclose(fp);
        GWInputCheck(PETSC_FALSE, fnode, "%s:%" PetscInt_FMT ": column \"%s\": \"%s\" is not a finite number (elapsed time in %s)", path, lineno, tcol, field[it], tunit);
      }
    }
    if (s->n && t <= s->t[s->n - 1]) {
      fclose(fp);
      GWInputCheck(PETSC_FALSE, fnode, "%s:%" PetscInt_FMT ": time \"%s\" does not come after the previous row; sort the series and remove duplicates", path, lineno, field[it]);
    }
    if (s->n == cap) {
      cap = PetscMax(64, 2 * cap);
      PetscCall(PetscRealloc(sizeof(PetscReal) * cap, &s->t));
      PetscCall(PetscRealloc(sizeof(PetscReal) * cap * nc, &s->v));
    }
    for (PetscInt c = 0; c < nc; c++) {
      v = strtod(field[iv[c]], &end);
      if (end == field[iv[c]] || *end || PetscIsInfOrNanReal(v)) {
        fclose(fp);
        GWInputCheck(PETSC_FALSE, fnode, "%s:%" PetscInt_FMT ": column \"%s\": \"%s\" is not a finite number", path, lineno, vname[c], field[iv[c]]);
      }
      s->v[s->n * nc + c] = voff + vfac * v;
    }
    s->t[s->n++] = t;
  }
  fclose(fp);
  GWInputCheck(s->n > 0, fnode, "time-series file %s has no data rows", path);
  PetscFunctionReturn(0);
}

PetscErrorCode GWSeriesFree_Private(GWSeries *s)
{
  PetscFunctionBegin;
  PetscCall(PetscFree(s->t));
  PetscCall(PetscFree(s->v));
  s->n = 0;
  PetscFunctionReturn(0);
}
