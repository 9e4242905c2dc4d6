/* gw-et0: daily FAO-56 reference evapotranspiration from a CSV file of station weather.

   gw-et0 WEATHER.csv -latitude DEG -elevation M [-wind_height M] [-krs K] [-angstrom_as A -angstrom_bs B]
          [-col_date NAME] [-col_tmin NAME] [-col_tmax NAME] [-col_rhmin NAME] [-col_rhmax NAME]
          [-col_rhmean NAME] [-col_tdew NAME] [-col_ea NAME] [-col_u NAME] [-col_rs NAME] [-col_sunshine NAME]

   The weather file comes first. Its first line (after # comments) names the columns. Dates are
   YYYY-MM-DD; values are in FAO-56 units (deg C, %, kPa, m/s at -wind_height, MJ m-2 d-1, hours).
   Each -col_X option names the column of X; without it the column called X is used when present
   (date, tmin, tmax, rhmin, rhmax, rhmean, tdew, ea, u, rs, sunshine). Empty cells, NA and NaN are missing, and GWFAO56ReferenceETDaily() applies the
   FAO-56 missing-data rules. Prints "date,et0_mm_d" lines on stdout.

   Exit status: 0 success, 2 bad input (the message names file:line), 1 other errors. */
#include <gwfao56.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NFIELD  11
#define MAXLINE 4096
#define MAXCOL  256

enum { F_DATE,
       F_TMIN,
       F_TMAX,
       F_RHMIN,
       F_RHMAX,
       F_RHMEAN,
       F_TDEW,
       F_EA,
       F_U,
       F_RS,
       F_SUN };
static const char *const FieldName[NFIELD] = {"date", "tmin", "tmax", "rhmin", "rhmax", "rhmean", "tdew", "ea", "u", "rs", "sunshine"};

static void Usage(void)
{
  fprintf(stderr, "usage: gw-et0 WEATHER.csv -latitude DEG -elevation M [-wind_height M] [-krs K] [-angstrom_as A -angstrom_bs B]\n"
                  "              [-col_date NAME] [-col_tmin NAME] [-col_tmax NAME] [-col_rhmin NAME] [-col_rhmax NAME] [-col_rhmean NAME]\n"
                  "              [-col_tdew NAME] [-col_ea NAME] [-col_u NAME] [-col_rs NAME] [-col_sunshine NAME]\n"
                  "  daily FAO-56 Penman-Monteith ET0 [mm/d]; inputs in deg C, %%, kPa, m/s, MJ m-2 d-1 and hours\n");
}

/* Splits line in place at commas; trims blanks, quotes and the line end. Returns the cell count. */
static int SplitCSV(char *line, char *cell[], int max)
{
  int   n = 0;
  char *p = line;

  while (n < max) {
    char *end = strchr(p, ',');
    char *q;
    if (end) *end = '\0';
    while (*p == ' ' || *p == '\t' || *p == '"') p++;
    q = p + strlen(p);
    while (q > p && (q[-1] == ' ' || q[-1] == '\t' || q[-1] == '"' || q[-1] == '\r' || q[-1] == '\n')) *--q = '\0';
    cell[n++] = p;
    if (!end) break;
    p = end + 1;
  }
  return n;
}

/* Day of the year of an ISO date YYYY-MM-DD, or 0 if it is not one. */
static int DayOfYear(const char *s)
{
  static const int before[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  int              y, m, d, leap, mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  char             extra;

  if (sscanf(s, "%d-%d-%d%c", &y, &m, &d, &extra) != 3 || m < 1 || m > 12) return 0;
  leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  mdays[1] += leap;
  if (d < 1 || d > mdays[m - 1]) return 0;
  return before[m - 1] + d + (m > 2 ? leap : 0);
}

/* A cell as a number: NaN when empty, NA or NaN; returns 0 if the cell is something else. */
static int CellValue(const char *s, PetscReal *v)
{
  char *end;

  if (!*s || !strcmp(s, "NA") || !strcmp(s, "NaN") || !strcmp(s, "nan")) {
    *v = NAN;
    return 1;
  }
  *v = (PetscReal)strtod(s, &end);
  return *end == '\0';
}

static int Fail(const char *file, long line, const char *text)
{
  if (line > 0)
    fprintf(stderr, "gw-et0: %s:%ld: %s\n", file, line, text);
  else
    fprintf(stderr, "gw-et0: %s: %s\n", file, text);
  return 2;
}

static int FailPetsc(const char *file, long line, PetscErrorCode ierr)
{
  char *text = NULL;

  PetscErrorMessage(ierr, NULL, &text);
  return Fail(file, line, text ? text : "unknown error");
}

static int Run(const char *file, const GWFAO56Site *site, char colname[NFIELD][MAXCOL], const PetscBool given[NFIELD])
{
  FILE     *fp = fopen(file, "r");
  char      line[MAXLINE], *cell[MAXCOL], msg[2 * MAXCOL];
  int       col[NFIELD], ncol, status = 0;
  long      lineno = 0;
  PetscBool header = PETSC_FALSE;

  if (!fp) return Fail(file, 0, "cannot open the weather file");
  for (int f = 0; f < NFIELD; f++) col[f] = -1;
  while (!header && fgets(line, sizeof(line), fp)) { /* the first line that is not a comment */
    lineno++;
    header = (PetscBool)(line[0] != '#' && line[0] != '\n' && line[0] != '\r');
  }
  if (!header) {
    fclose(fp);
    return Fail(file, 0, "no header line naming the columns");
  }
  ncol = SplitCSV(line, cell, MAXCOL);
  for (int f = 0; f < NFIELD; f++) {
    for (int c = 0; c < ncol; c++)
      if (!strcmp(cell[c], colname[f])) col[f] = c;
    if (col[f] >= 0 || (!given[f] && f > F_TMAX)) continue; /* optional columns may be absent */
    if (given[f])
      snprintf(msg, sizeof(msg), "no column '%s' (from -col_%s) in the header", colname[f], FieldName[f]);
    else
      snprintf(msg, sizeof(msg), "no column '%s' in the header; name the %s column with -col_%s", colname[f], FieldName[f], FieldName[f]);
    fclose(fp);
    return Fail(file, lineno, msg);
  }
  if (PetscPrintf(PETSC_COMM_SELF, "date,et0_mm_d\n")) status = 1;
  while (!status && fgets(line, sizeof(line), fp)) {
    GWFAO56Daily   day;
    PetscReal      v[NFIELD], et0 = 0;
    PetscErrorCode ierr;

    lineno++;
    if (!strchr(line, '\n') && !feof(fp)) {
      status = Fail(file, lineno, "line longer than 4095 characters");
      break;
    }
    if (line[0] == '#' || line[0] == '\n' || line[0] == '\r') continue;
    ncol = SplitCSV(line, cell, MAXCOL);
    for (int f = 1; f < NFIELD; f++) {
      v[f] = NAN;
      if (col[f] < 0 || col[f] >= ncol) continue;
      if (!CellValue(cell[col[f]], &v[f])) {
        snprintf(msg, sizeof(msg), "%s = '%s' in column '%s' is not a number", FieldName[f], cell[col[f]], colname[f]);
        status = Fail(file, lineno, msg);
        break;
      }
    }
    if (status) break;
    ierr = GWFAO56DailyInitialize(&day);
    if (ierr) {
      status = FailPetsc(file, lineno, ierr);
      break;
    }
    day.doy = col[F_DATE] < ncol ? DayOfYear(cell[col[F_DATE]]) : 0;
    if (!day.doy) {
      snprintf(msg, sizeof(msg), "date '%s' is not a calendar date YYYY-MM-DD", col[F_DATE] < ncol ? cell[col[F_DATE]] : "");
      status = Fail(file, lineno, msg);
      break;
    }
    day.tmin           = v[F_TMIN];
    day.tmax           = v[F_TMAX];
    day.rhmin          = v[F_RHMIN];
    day.rhmax          = v[F_RHMAX];
    day.rhmean         = v[F_RHMEAN];
    day.tdew           = v[F_TDEW];
    day.ea             = v[F_EA];
    day.u              = v[F_U];
    day.rs             = v[F_RS];
    day.sunshine_hours = v[F_SUN];
    ierr               = GWFAO56ReferenceETDaily(site, &day, &et0, NULL);
    if (ierr)
      status = FailPetsc(file, lineno, ierr);
    else if (PetscPrintf(PETSC_COMM_SELF, "%s,%.3f\n", cell[col[F_DATE]], (double)et0))
      status = 1;
  }
  fclose(fp);
  return status;
}

int main(int argc, char **argv)
{
  GWFAO56Site site;
  char        colname[NFIELD][MAXCOL], opt[32];
  PetscBool   given[NFIELD], set;
  const char *file = NULL;
  int         status;

  for (int a = 1; a < argc; a++) {
    if (!strcmp(argv[a], "-h") || !strcmp(argv[a], "--help")) {
      Usage();
      return 0;
    }
  }
  if (argc > 1 && argv[1][0] != '-') file = argv[1];
  if (!file) {
    Usage();
    return 2;
  }
  if (PetscInitialize(&argc, &argv, NULL, NULL)) return 1;
  PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
  PetscCall(GWFAO56SiteInitialize(&site));
  PetscCall(PetscOptionsGetReal(NULL, NULL, "-latitude", &site.latitude_deg, NULL));
  PetscCall(PetscOptionsGetReal(NULL, NULL, "-elevation", &site.elevation_m, NULL));
  PetscCall(PetscOptionsGetReal(NULL, NULL, "-wind_height", &site.wind_height_m, NULL));
  PetscCall(PetscOptionsGetReal(NULL, NULL, "-krs", &site.krs, NULL));
  PetscCall(PetscOptionsGetReal(NULL, NULL, "-angstrom_as", &site.angstrom_as, NULL));
  PetscCall(PetscOptionsGetReal(NULL, NULL, "-angstrom_bs", &site.angstrom_bs, NULL));
  for (int f = 0; f < NFIELD; f++) {
    PetscCall(PetscStrncpy(colname[f], FieldName[f], MAXCOL));
    PetscCall(PetscSNPrintf(opt, sizeof(opt), "-col_%s", FieldName[f]));
    PetscCall(PetscOptionsGetString(NULL, NULL, opt, colname[f], MAXCOL, &set));
    given[f] = set;
  }
  status = Run(file, &site, colname, given);
  PetscCall(PetscPopErrorHandler());
  PetscCall(PetscFinalize());
  return status;
}
