/* Time series from CSV files: a date or elapsed-time column and a value column with a unit. */
#include <gw/private/ioimpl.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Splits a CSV line in place, trimming blanks and double quotes; keeps at most max fields and
   returns how many there are. */
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
    if (n < max) field[n] = start;
    n++;
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
   column, an empty cell (a gap), an unreadable number or date, or times that do not increase.
   The rows read before an error stay in s for the caller to free (GWReadSeries_Private() does). */
PetscErrorCode GWSeriesRead_Private(MPI_Comm comm, GWYamlNode node, const char pattern[], const char si[], PetscReal start_date, PetscBool have_start, GWSeries *s)
{
  const char *file = NULL, *tcol = NULL, *tunit = NULL, *vcol = NULL, *vunit = NULL, *vname[256];
  char        path[PETSC_MAX_PATH_LEN], line[8192], err[256], *field[256], one[128];
  FILE       *fp;
  PetscInt    lineno = 0, it = -1, iv[256], nf, nh = 0, cap = 0, nc;
  PetscReal   tfac = 1, vfac = 1, voff = 0, zero;
  GWYamlNode  fnode, vcols;
  PetscBool   ok, header = PETSC_TRUE, dates = PETSC_FALSE;

  PetscFunctionBegin;
  (void)comm;
  PetscCall(PetscMemzero(s, sizeof(*s)));
  if (pattern) PetscCall(GWYamlCheckKeys_Private(node, pattern)); /* NULL: checked by the caller against its own keys */
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
    if (lineno == 1 && !strncmp(line, "\xEF\xBB\xBF", 3)) memmove(line, line + 3, strlen(line + 3) + 1); /* UTF-8 byte-order mark */
    if (line[0] == '#' || line[0] == 0) continue;
    nf = SplitCSV(line, field, 256);
    if (header) {
      if (nf > 256) {
        fclose(fp);
        GWInputCheck(PETSC_FALSE, fnode, "%s:%" PetscInt_FMT ": %" PetscInt_FMT " columns in the header, at most 256 are read", path, lineno, nf);
      }
      nh = nf;
      for (PetscInt f = 0; f < nf; f++) {
        if (!strcmp(field[f], tcol)) it = f;
        for (PetscInt c = 0; c < nc; c++)
          if (!strcmp(field[f], vname[c])) iv[c] = f;
      }
      if (it < 0) {
        fclose(fp);
        GWInputCheck(PETSC_FALSE, GWYamlGet_Private(node, "time_column"), "%s:%" PetscInt_FMT ": no column named \"%s\" in the header%s", path, lineno, tcol, nf == 1 && strchr(field[0], ';') ? " (the file is separated by semicolons: use commas between fields and a point as decimal mark)" : "");
      }
      for (PetscInt c = 0; c < nc; c++)
        if (iv[c] < 0) {
          fclose(fp);
          GWInputCheck(PETSC_FALSE, vcols ? vcols->items[c] : GWYamlGet_Private(node, "value_column"), "%s:%" PetscInt_FMT ": no column named \"%s\" in the header", path, lineno, vname[c]);
        }
      header = PETSC_FALSE;
      continue;
    }
    if (nf != nh) {
      fclose(fp);
      GWInputCheck(PETSC_FALSE, fnode, "%s:%" PetscInt_FMT ": %" PetscInt_FMT " fields where the header has %" PetscInt_FMT "%s; every row needs one value per header column", path, lineno, nf, nh, nf > nh ? " (a decimal comma? write 1.5, not 1,5)" : "");
    }
    if (!field[it][0]) {
      fclose(fp);
      GWInputCheck(PETSC_FALSE, fnode, "%s:%" PetscInt_FMT ": empty value in column \"%s\" (a gap in the series); fill it or remove the row", path, lineno, tcol);
    }
    for (PetscInt c = 0; c < nc; c++)
      if (!field[iv[c]][0]) {
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
      PetscCall(PetscRealloc(sizeof(PetscInt) * cap, &s->line));
    }
    for (PetscInt c = 0; c < nc; c++) {
      v = strtod(field[iv[c]], &end);
      if (end == field[iv[c]] || *end || PetscIsInfOrNanReal(v)) {
        fclose(fp);
        GWInputCheck(PETSC_FALSE, fnode, "%s:%" PetscInt_FMT ": column \"%s\": \"%s\" is not a finite number", path, lineno, vname[c], field[iv[c]]);
      }
      s->v[s->n * nc + c] = voff + vfac * v;
      if (PetscIsInfOrNanReal(s->v[s->n * nc + c])) {
        fclose(fp);
        GWInputCheck(PETSC_FALSE, fnode, "%s:%" PetscInt_FMT ": column \"%s\": %s %s is not finite in SI units", path, lineno, vname[c], field[iv[c]], vunit);
      }
    }
    s->line[s->n] = lineno;
    s->t[s->n++]  = t;
  }
  fclose(fp);
  GWInputCheck(s->n > 0, fnode, "time-series file %s has no data rows", path);
  PetscCall(PetscStrncpy(s->path, path, sizeof(s->path)));
  PetscFunctionReturn(0);
}

PetscErrorCode GWSeriesFree_Private(GWSeries *s)
{
  PetscFunctionBegin;
  PetscCall(PetscFree(s->t));
  PetscCall(PetscFree(s->v));
  PetscCall(PetscFree(s->line));
  s->n = 0;
  PetscFunctionReturn(0);
}

/* A duration in the largest unit that keeps it readable, for messages. */
static PetscErrorCode FormatDuration(PetscReal sec, char buf[], size_t len)
{
  PetscReal a = PetscAbsReal(sec);

  PetscFunctionBegin;
  if (a >= 86400) PetscCall(PetscSNPrintf(buf, len, "%.6g d", (double)(sec / 86400)));
  else if (a >= 3600) PetscCall(PetscSNPrintf(buf, len, "%.6g h", (double)(sec / 3600)));
  else if (a >= 60) PetscCall(PetscSNPrintf(buf, len, "%.6g min", (double)(sec / 60)));
  else PetscCall(PetscSNPrintf(buf, len, "%.6g s", (double)sec));
  PetscFunctionReturn(0);
}

static int CompareReal(const void *a, const void *b)
{
  PetscReal x = *(const PetscReal *)a, y = *(const PetscReal *)b;
  return (x > y) - (x < y);
}

/* Appends row (t, v[ncol]) to arrays t, v, line at position *n, growing them; v NULL gives zeros. */
static PetscErrorCode Push(PetscInt ncol, PetscReal t, const PetscReal v[], PetscInt line, PetscInt *n, PetscInt *cap, PetscReal **tt, PetscReal **vv, PetscInt **ll)
{
  PetscFunctionBegin;
  if (*n == *cap) {
    *cap = PetscMax(64, 2 * *cap);
    PetscCall(PetscRealloc(sizeof(PetscReal) * *cap, tt));
    PetscCall(PetscRealloc(sizeof(PetscReal) * *cap * ncol, vv));
    PetscCall(PetscRealloc(sizeof(PetscInt) * *cap, ll));
  }
  for (PetscInt c = 0; c < ncol; c++) (*vv)[*n * ncol + c] = v ? v[c] : 0;
  (*tt)[*n]   = t;
  (*ll)[*n] = line;
  (*n)++;
  PetscFunctionReturn(0);
}

/* The rows of series s with its gaps and ends filled, into f (zeroed by the caller, which frees it
   also on error). */
static PetscErrorCode FillRows(GWYamlNode node, GWInterpolation gi, PetscReal tend, const GWSeries *s, GWSeries *f)
{
  const char *gaps = "error", *extend = "error";
  GWYamlNode  fnode = GWYamlGet_Private(node, "file");
  PetscReal   h = 0, maxgap = 0, limit, cover0, cover1, *tmp;
  PetscInt    cap = 0, nc = s->ncol;
  PetscBool   has_max, linear = (PetscBool)(gi == GW_INTERP_LINEAR);
  char        a[64], b[64];

  PetscFunctionBegin;
  PetscCall(GWGetString_Private(node, "gaps", PETSC_FALSE, &gaps));
  GWInputCheck(!strcmp(gaps, "error") || !strcmp(gaps, "hold") || !strcmp(gaps, "interpolate") || !strcmp(gaps, "zero"), GWYamlGet_Private(node, "gaps"), "gaps must be error, hold, interpolate or zero, found \"%s\"", gaps);
  PetscCall(GWGetString_Private(node, "extend", PETSC_FALSE, &extend));
  GWInputCheck(!strcmp(extend, "error") || !strcmp(extend, "hold") || !strcmp(extend, "zero"), GWYamlGet_Private(node, "extend"), "extend must be error, hold or zero, found \"%s\"", extend);
  PetscCall(GWGetQuantity_Private(node, "max_gap", "s", PETSC_FALSE, &maxgap, &has_max));
  GWInputCheck(!has_max || maxgap > 0, GWYamlGet_Private(node, "max_gap"), "max_gap must be a positive duration");
  if (s->n > 1) {
    PetscCall(PetscMalloc1(s->n - 1, &tmp));
    for (PetscInt i = 0; i < s->n - 1; i++) tmp[i] = s->t[i + 1] - s->t[i];
    qsort(tmp, (size_t)(s->n - 1), sizeof(PetscReal), CompareReal);
    h = tmp[(s->n - 1) / 2];
    PetscCall(PetscFree(tmp));
  } else h = tend > s->t[0] ? tend - s->t[0] : tend;
  limit  = has_max ? maxgap : 1.5 * h;
  cover0 = s->t[0];
  cover1 = s->t[s->n - 1] + (linear || s->n == 1 ? 0 : h);
  if (cover0 > 0) {
    PetscCall(FormatDuration(cover0, a, sizeof(a)));
    GWInputCheck(strcmp(extend, "error"), fnode, "%s:%" PetscInt_FMT ": the series starts %s after the run start; add rows from the start, or give extend: hold or extend: zero", s->path, s->line[0], a);
    if (!strcmp(extend, "zero")) PetscCall(Push(nc, linear ? PetscMax(0, cover0 - h) : 0, NULL, s->line[0], &f->n, &cap, &f->t, &f->v, &f->line));
  }
  for (PetscInt i = 0; i < s->n; i++) {
    PetscCall(Push(nc, s->t[i], &s->v[i * nc], s->line[i], &f->n, &cap, &f->t, &f->v, &f->line));
    if (i + 1 < s->n && s->t[i + 1] - s->t[i] > limit * (1 + 1e-9)) {
      PetscReal d = s->t[i + 1] - s->t[i], hh = PetscMin(h, d / 2);
      PetscCall(FormatDuration(d, a, sizeof(a)));
      PetscCall(FormatDuration(limit, b, sizeof(b)));
      GWInputCheck(strcmp(gaps, "error"), fnode, "%s:%" PetscInt_FMT ": %s since the row at line %" PetscInt_FMT ", a gap longer than %s (%s); fill the missing rows, or give gaps: hold, interpolate or zero", s->path, s->line[i + 1], a, s->line[i], b, has_max ? "max_gap" : "1.5 times the series' median spacing");
      if (!strcmp(gaps, "hold") && linear) PetscCall(Push(nc, s->t[i + 1] - hh, &s->v[i * nc], s->line[i], &f->n, &cap, &f->t, &f->v, &f->line));
      else if (!strcmp(gaps, "zero")) {
        PetscCall(Push(nc, s->t[i] + hh, NULL, s->line[i], &f->n, &cap, &f->t, &f->v, &f->line));
        if (linear && s->t[i + 1] - hh > s->t[i] + hh * (1 + 1e-9)) PetscCall(Push(nc, s->t[i + 1] - hh, NULL, s->line[i], &f->n, &cap, &f->t, &f->v, &f->line));
      } else if (!strcmp(gaps, "interpolate") && !linear) {
        PetscReal row[256];
        GWInputCheck(d / hh < 1e7, fnode, "%s:%" PetscInt_FMT ": a gap of %s is too long to fill at the series' spacing", s->path, s->line[i + 1], a);
        for (PetscInt k = 1; s->t[i] + k * hh < s->t[i + 1] - 1e-9 * hh; k++) {
          PetscReal w = k * hh / d;
          for (PetscInt c = 0; c < nc; c++) row[c] = (1 - w) * s->v[i * nc + c] + w * s->v[(i + 1) * nc + c];
          PetscCall(Push(nc, s->t[i] + k * hh, row, s->line[i], &f->n, &cap, &f->t, &f->v, &f->line));
        }
      }
    }
  }
  if (cover1 < tend * (1 - 1e-12)) {
    PetscCall(FormatDuration(cover1, a, sizeof(a)));
    PetscCall(FormatDuration(tend, b, sizeof(b)));
    GWInputCheck(strcmp(extend, "error"), fnode, "%s:%" PetscInt_FMT ": the series ends at %s%s, before the run end at %s; add rows up to the end, or give extend: hold or extend: zero", s->path, s->line[s->n - 1], a, linear ? "" : " (its last row plus one interval)", b);
    if (!strcmp(extend, "zero")) PetscCall(Push(nc, s->t[s->n - 1] + h, NULL, s->line[s->n - 1], &f->n, &cap, &f->t, &f->v, &f->line));
  }
  PetscFunctionReturn(0);
}

/* GWSeriesFill_Private - checks a series read by GWSeriesRead_Private() for gaps and for ends
   inside the run [0, tend], and fills them as the keys gaps, max_gap and extend of node ask.

   Notes:
   The spacing h of a series is the median of its intervals. An interval longer than max_gap, or
   without max_gap longer than 1.5 h, is a gap. A step series covers [t_0, t_{n-1} + h] (its last
   row stands for one interval), a linear one [t_0, t_{n-1}]. Filling inserts rows: gaps hold
   keeps the value before the gap (linear: until h before the next row), zero sets 0 from h after
   the row before the gap to h before the next, interpolate (step) adds rows every h on the line
   between the two rows. extend hold keeps the first and last values outside the series, zero sets
   0 beyond one interval h. On an error s is unchanged (the caller frees it). */
PetscErrorCode GWSeriesFill_Private(GWYamlNode node, GWInterpolation gi, PetscReal tend, GWSeries *s)
{
  GWSeries       f;
  PetscErrorCode ierr;

  PetscFunctionBegin;
  PetscCall(PetscMemzero(&f, sizeof(f)));
  ierr = FillRows(node, gi, tend, s, &f);
  if (ierr) PetscCall(GWSeriesFree_Private(&f)); /* bad input: nothing left allocated (check-sanitize) */
  PetscCall(ierr);
  PetscCall(PetscFree(s->t));
  PetscCall(PetscFree(s->v));
  PetscCall(PetscFree(s->line));
  s->t    = f.t;
  s->v    = f.v;
  s->line = f.line;
  s->n    = f.n;
  PetscFunctionReturn(0);
}
