/* Quantities with units ("0.5 m/d", "35 cm/h", "1e-5 1/m") converted to SI by udunits2, and
   calendar dates for time series. */
#include <gw/private/ioimpl.h>
#include <udunits2.h>
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static ut_system *GWUnitSystem = NULL;

static PetscErrorCode GetSystem(ut_system **sys)
{
  PetscFunctionBegin;
  if (!GWUnitSystem) {
    ut_set_error_message_handler(ut_ignore);
    GWUnitSystem = ut_read_xml(NULL);
    PetscCheck(GWUnitSystem, PETSC_COMM_SELF, PETSC_ERR_LIB, "udunits2 could not read its unit database (status %d); is the Debian package libudunits2-data installed? UDUNITS2_XML_PATH may point to udunits2.xml", (int)ut_get_status());
    PetscCall(PetscRegisterFinalize(GWUnitsFinalize_Private));
  }
  *sys = GWUnitSystem;
  PetscFunctionReturn(0);
}

PetscErrorCode GWUnitsFinalize_Private(void)
{
  PetscFunctionBegin;
  if (GWUnitSystem) ut_free_system(GWUnitSystem);
  GWUnitSystem = NULL;
  PetscFunctionReturn(0);
}

/* Converts text "<number> [unit]" to the SI unit si ("m/s", "1/m", "-" for dimensionless).
   On failure returns ok = false and a message in err (no PETSc error), so the caller can name
   the file, line and key. A bare number is accepted only where si is "-". */
PetscErrorCode GWUnitsConvert_Private(const char text[], const char si[], PetscReal *value, PetscBool *ok, char err[], size_t errlen)
{
  char         *end;
  double        num;
  const char   *u;
  ut_system    *sys  = NULL;
  ut_unit      *from = NULL, *to = NULL;
  cv_converter *cv;
  PetscBool     dimless = (PetscBool)(!strcmp(si, "-") || !strcmp(si, "1"));

  PetscFunctionBegin;
  *ok   = PETSC_FALSE;
  errno = 0;
  num   = strtod(text, &end);
  if (end == text || errno) {
    PetscCall(PetscSNPrintf(err, errlen, "expected a number%s%s, found \"%s\"", dimless ? "" : " with a unit like ", dimless ? "" : si, text));
    PetscFunctionReturn(0);
  }
  if (!isfinite(num)) {
    PetscCall(PetscSNPrintf(err, errlen, "value \"%s\" is not a finite number", text));
    PetscFunctionReturn(0);
  }
  for (u = end; *u && isspace((unsigned char)*u); u++) {}
  if (dimless) {
    if (*u) {
      PetscCall(PetscSNPrintf(err, errlen, "expected a plain number without a unit, found \"%s\"", text));
      PetscFunctionReturn(0);
    }
    *value = (PetscReal)num;
    *ok    = PETSC_TRUE;
    PetscFunctionReturn(0);
  }
  if (!*u) {
    PetscCall(PetscSNPrintf(err, errlen, "\"%s\" has no unit: write it with one, e.g. \"%s %s\"", text, text, si));
    PetscFunctionReturn(0);
  }
  PetscCall(GetSystem(&sys));
  from = ut_parse(sys, u, UT_ASCII);
  if (!from) {
    PetscCall(PetscSNPrintf(err, errlen, "unknown unit \"%s\" (udunits2 syntax, e.g. m, cm/h, m/d, 1/m, m^3/s)", u));
    PetscFunctionReturn(0);
  }
  to = ut_parse(sys, si, UT_ASCII);
  PetscCheck(to, PETSC_COMM_SELF, PETSC_ERR_PLIB, "internal unit \"%s\" not understood by udunits2", si);
  {
    /* udunits2 also converts reciprocal units (s/m to m/s, Hz to s): accept only units of the
       same dimension, whose quotient is dimensionless */
    ut_unit  *q    = ut_divide(from, to);
    PetscBool same = (PetscBool)(q && ut_is_dimensionless(q));
    if (q) ut_free(q);
    if (!same || !ut_are_convertible(from, to)) {
      PetscCall(PetscSNPrintf(err, errlen, "unit \"%s\" cannot be converted to %s", u, si));
      ut_free(from);
      ut_free(to);
      PetscFunctionReturn(0);
    }
  }
  cv     = ut_get_converter(from, to);
  *value = (PetscReal)cv_convert_double(cv, num);
  cv_free(cv);
  ut_free(from);
  ut_free(to);
  if (!isfinite(*value) || (num != 0 && *value == 0)) { /* overflow or underflow in the conversion */
    PetscCall(PetscSNPrintf(err, errlen, "value \"%s\" is %s after conversion to %s; check the number and its unit", text, isfinite(*value) ? "zero (too small for a double)" : "not finite (too large for a double)", si));
    PetscFunctionReturn(0);
  }
  *ok = PETSC_TRUE;
  PetscFunctionReturn(0);
}

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (Hinnant's algorithm). */
static long DaysFromCivil(long y, long m, long d)
{
  long era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/* Parses "YYYY-MM-DD[(T| )HH:MM[:SS]]" (UTC) into seconds since 1970-01-01; ok = false if the
   text is not such a date or names an impossible day or time. */
PetscErrorCode GWParseDate_Private(const char text[], PetscReal *t, PetscBool *ok)
{
  int              y = 0, mo = 0, d = 0, h = 0, mi = 0, n = 0;
  double           s       = 0;
  static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const char      *p;

  PetscFunctionBegin;
  *ok = PETSC_FALSE;
  if (sscanf(text, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3 || n != 10) PetscFunctionReturn(0);
  p = text + n;
  if (*p == 'T' || *p == ' ') {
    int n2 = 0;
    if (sscanf(p + 1, "%2d:%2d%n", &h, &mi, &n2) != 2) PetscFunctionReturn(0);
    p += 1 + n2;
    if (*p == ':') {
      char *end;
      s = strtod(p + 1, &end);
      if (end == p + 1) PetscFunctionReturn(0);
      p = end;
    }
    if (*p == 'Z') p++;
  }
  while (*p && isspace((unsigned char)*p)) p++;
  if (*p) PetscFunctionReturn(0);
  if (mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] || h > 23 || mi > 59 || s < 0 || s >= 61) PetscFunctionReturn(0);
  if (mo == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) PetscFunctionReturn(0);
  *t  = (PetscReal)DaysFromCivil(y, mo, d) * 86400.0 + h * 3600.0 + mi * 60.0 + s;
  *ok = PETSC_TRUE;
  PetscFunctionReturn(0);
}

/* Writes date t [s since 1970-01-01 UTC] as ISO 8601 "YYYY-MM-DDTHH:MM:SS[.fff]Z" (Hinnant's
   civil-from-days; milliseconds only when the time has them). */
PetscErrorCode GWFormatDate_Private(PetscReal t, char buf[], size_t len)
{
  PetscReal day = PetscFloorReal(t / 86400.0), sod = t - day * 86400.0, ms = PetscFloorReal(sod * 1000.0 + 0.5);
  long      z = (long)day + 719468, era, doe, yoe, doy, mp, y, m, d, isod;
  int       frac;

  PetscFunctionBegin;
  if (ms >= 86400000.0) { /* rounding reached midnight */
    z++;
    ms = 0;
  }
  era  = (z >= 0 ? z : z - 146096) / 146097;
  doe  = z - era * 146097;
  yoe  = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y    = yoe + era * 400;
  doy  = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp   = (5 * doy + 2) / 153;
  d    = doy - (153 * mp + 2) / 5 + 1;
  m    = mp < 10 ? mp + 3 : mp - 9;
  y   += m <= 2;
  isod = (long)(ms / 1000.0);
  frac = (int)(ms - 1000.0 * isod);
  if (frac) PetscCall(PetscSNPrintf(buf, len, "%04ld-%02ld-%02ldT%02ld:%02ld:%02ld.%03dZ", y, m, d, isod / 3600, isod / 60 % 60, isod % 60, frac));
  else PetscCall(PetscSNPrintf(buf, len, "%04ld-%02ld-%02ldT%02ld:%02ld:%02ldZ", y, m, d, isod / 3600, isod / 60 % 60, isod % 60));
  PetscFunctionReturn(0);
}
