/* FAO-56 reference evapotranspiration (Allen, Pereira, Raes and Smith 1998, FAO Irrigation and
   Drainage Paper 56): FAO Penman-Monteith for daily and hourly station weather, with the FAO-56
   rules for missing humidity, radiation and wind, and the Hargreaves equation. Equation numbers
   below are those of FAO-56. */
#include <gwfao56.h>
#include <petsc/private/petscimpl.h>
#include <gw/private/compat.h>
#include <math.h>

const char *const GWFAO56VaporPressureMethods[] = {"measured", "dewpoint (eq. 14)", "RHmax and RHmin (eq. 17)", "RHmax (eq. 18)", "mean RH (eq. 19/54)", "Tmin as dewpoint (eq. 48)", "GWFAO56VaporPressureMethod", "GW_FAO56_EA_", NULL};
const char *const GWFAO56RadiationMethods[]     = {"measured", "sunshine hours (eq. 35)", "Hargreaves temperature range (eq. 50)", "GWFAO56RadiationMethod", "GW_FAO56_RS_", NULL};
const char *const GWFAO56WindMethods[]          = {"measured (eq. 47)", "default 2 m/s", "GWFAO56WindMethod", "GW_FAO56_U2_", NULL};

#define FAO56_GSC        0.0820   /* solar constant [MJ m-2 min-1] */
#define FAO56_SIGMA_DAY  4.903e-9 /* Stefan-Boltzmann constant [MJ K-4 m-2 d-1] */
#define FAO56_SIGMA_HOUR 2.043e-10
#define FAO56_ALBEDO     0.23 /* hypothetical grass reference */
#define FAO56_KELVIN     273.16
#define FAO56_TLOW       -100.0 /* physically possible air and dewpoint temperatures [deg C] */
#define FAO56_THIGH      70.0

/* ---- input checks ------------------------------------------------------------------------ */

static PetscErrorCode CheckRange(const char where[], const char field[], PetscReal v, PetscReal lo, PetscReal hi, const char units[], const char hint[])
{
  PetscFunctionBegin;
  PetscCheck(v >= lo && v <= hi, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "FAO-56 %s: %s = %g %s is outside the possible range [%g, %g] %s; %s", where, field, (double)v, units, (double)lo, (double)hi, units, hint);
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode CheckRequired(const char where[], const char field[], PetscReal v, const char hint[])
{
  PetscFunctionBegin;
  PetscCheck(!PetscIsNanReal(v), PETSC_COMM_SELF, PETSC_ERR_ARG_WRONG, "FAO-56 %s: %s is missing (NaN) but is required; %s", where, field, hint);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* missing (NaN) is allowed; a given value must lie in [lo, hi] */
static PetscErrorCode CheckOptional(const char where[], const char field[], PetscReal v, PetscReal lo, PetscReal hi, const char units[], const char hint[])
{
  PetscFunctionBegin;
  if (!PetscIsNanReal(v)) PetscCall(CheckRange(where, field, v, lo, hi, units, hint));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode CheckDay(const char where[], PetscInt doy)
{
  PetscFunctionBegin;
  PetscCheck(doy >= 1 && doy <= 366, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "FAO-56 %s: day of the year doy = %" PetscInt_FMT " is outside [1, 366]; give J = 1 for 1 January", where, doy);
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode CheckLatitude(const GWFAO56Site *site)
{
  PetscFunctionBegin;
  PetscCall(CheckRequired("site", "latitude_deg", site->latitude_deg, "give the station latitude in decimal degrees, north positive"));
  PetscCall(CheckRange("site", "latitude_deg", site->latitude_deg, -90, 90, "deg", "give decimal degrees, north positive (50 deg 48' N = 50.8)"));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode CheckSite(const GWFAO56Site *site)
{
  PetscFunctionBegin;
  PetscCall(CheckLatitude(site));
  PetscCall(CheckRequired("site", "elevation_m", site->elevation_m, "give the station elevation above sea level in metres (it sets the air pressure, eq. 7)"));
  PetscCall(CheckRange("site", "elevation_m", site->elevation_m, -500, 9000, "m", "give metres above sea level"));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static PetscErrorCode CheckTemperatures(const char where[], PetscReal tmin, PetscReal tmax)
{
  PetscFunctionBegin;
  PetscCall(CheckRequired(where, "tmin", tmin, "FAO-56 needs the daily minimum air temperature [deg C]"));
  PetscCall(CheckRequired(where, "tmax", tmax, "FAO-56 needs the daily maximum air temperature [deg C]"));
  PetscCall(CheckRange(where, "tmin", tmin, FAO56_TLOW, FAO56_THIGH, "deg C", "temperatures are in degrees Celsius"));
  PetscCall(CheckRange(where, "tmax", tmax, FAO56_TLOW, FAO56_THIGH, "deg C", "temperatures are in degrees Celsius"));
  PetscCheck(tmax >= tmin, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "FAO-56 %s: tmax = %g deg C is below tmin = %g deg C; the columns may be swapped", where, (double)tmax, (double)tmin);
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* ---- FAO-56 chapter 3 relations --------------------------------------------------------- */

/* eq. 11, saturation vapour pressure [kPa] at T [deg C] */
static PetscReal SatVap(PetscReal T)
{
  return 0.6108 * PetscExpReal(17.27 * T / (T + 237.3));
}

/* eq. 13, slope of the saturation vapour pressure curve [kPa/deg C] */
static PetscReal SatVapSlope(PetscReal T)
{
  return 4098.0 * SatVap(T) / PetscSqr(T + 237.3);
}

/* eqs 7 and 8: pressure [kPa] at elevation z [m] and the psychrometric constant [kPa/deg C] */
static void Psychrometric(PetscReal z, PetscReal *P, PetscReal *gamma)
{
  *P     = 101.3 * PetscPowReal((293.0 - 0.0065 * z) / 293.0, 5.26);
  *gamma = 0.665e-3 * *P;
}

/* eqs 22-25: dr, declination and sunset hour angle. Poleward of the polar circles -tan(phi) tan(delta)
   leaves [-1, 1]; clamping gives omega_s = 0 in polar night and pi in polar day. */
static void SolarGeometry(PetscReal phi, PetscInt doy, PetscReal *dr, PetscReal *decl, PetscReal *ws)
{
  const PetscReal x = 2 * PETSC_PI * (PetscReal)doy / 365.0;

  *dr   = 1 + 0.033 * PetscCosReal(x);
  *decl = 0.409 * PetscSinReal(x - 1.39);
  *ws   = PetscAcosReal(PetscMin(1.0, PetscMax(-1.0, -PetscTanReal(phi) * PetscTanReal(*decl))));
}

/* eq. 21: daily extraterrestrial radiation [MJ m-2 d-1] at latitude phi [rad] (eq. 22) */
static PetscReal DailyRa(PetscReal phi, PetscInt doy, PetscReal *dr, PetscReal *decl, PetscReal *ws)
{
  SolarGeometry(phi, doy, dr, decl, ws);
  return 24.0 * 60.0 / PETSC_PI * FAO56_GSC * *dr * (*ws * PetscSinReal(phi) * PetscSinReal(*decl) + PetscCosReal(phi) * PetscCosReal(*decl) * PetscSinReal(*ws));
}

/* eq. 47: wind speed at 2 m from speed u [m/s] measured at z [m] above the ground */
static PetscErrorCode WindAt2m(const GWFAO56Site *site, const char where[], PetscReal u, PetscReal *u2, GWFAO56WindMethod *method)
{
  PetscFunctionBegin;
  if (PetscIsNanReal(u)) {
    /* FAO-56 ch. 3, "Missing wind speed data": 2 m/s, the average over 2000 stations worldwide */
    *u2     = 2.0;
    *method = GW_FAO56_U2_DEFAULT;
    PetscCall(PetscInfo(NULL, "FAO-56 %s: wind missing, u2 = 2 m/s\n", where));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  PetscCall(CheckRange(where, "u", u, 0, 100, "m/s", "wind speed is in m/s (10 km/h = 2.78 m/s)"));
  PetscCall(CheckRange("site", "wind_height_m", site->wind_height_m, 0.5, 100, "m", "give the anemometer height above the ground; eq. 47 is a log profile over short grass"));
  /* at exactly 2 m eq. 47 would scale by 1.0002; a 2 m wind is the standard and is used as is */
  *u2     = site->wind_height_m == 2.0 ? u : u * 4.87 / PetscLogReal(67.8 * site->wind_height_m - 5.42);
  *method = GW_FAO56_U2_MEASURED;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* eq. 39 without the temperature factor: humidity and cloudiness corrections, with Rs/Rso <= 1 */
static PetscReal LongwaveFactor(PetscReal ea, PetscReal rs_rso)
{
  return (0.34 - 0.14 * PetscSqrtReal(ea)) * (1.35 * PetscMin(rs_rso, 1.0) - 0.35);
}

/* everything not computed stays NaN; the enums start at their first value */
static void TermsReset(GWFAO56Terms *t)
{
  *t = (GWFAO56Terms){.pressure = NAN, .gamma = NAN, .delta = NAN, .es = NAN, .ea = NAN, .dr = NAN, .decl = NAN, .omega_s = NAN, .omega = NAN, .N = NAN, .Ra = NAN, .Rs = NAN, .Rso = NAN, .Rns = NAN, .Rnl = NAN, .Rn = NAN, .G = NAN, .u2 = NAN, .night = PETSC_FALSE};
}

/* ---- records ----------------------------------------------------------------------------- */

/*@C
  GWFAO56SiteInitialize - Sets a site record to the FAO-56 defaults, with its position missing

  Not Collective

  Output Parameter:
. site - latitude_deg, elevation_m, longitude_west_deg and lz_west_deg set to NaN (the caller must set
         those that the computation needs); wind_height_m = 2 m; krs = 0.16 deg C^-1/2 (interior
         location); angstrom_as = 0.25 and angstrom_bs = 0.50

  Notes:
  k_Rs = 0.16 for interior and 0.19 for coastal locations (FAO-56 eq. 50); a_s = 0.25 and b_s = 0.50
  are the FAO-56 values when no calibration is available (eq. 35). Allen et al. (1998), FAO Irrigation
  and Drainage Paper 56, ch. 3.

  Level: beginner

.seealso: `GWFAO56Site`, `GWFAO56ReferenceETDaily()`
@*/
PetscErrorCode GWFAO56SiteInitialize(GWFAO56Site *site)
{
  PetscFunctionBegin;
  PetscValidPointer(site, 1);
  site->latitude_deg       = NAN;
  site->elevation_m        = NAN;
  site->longitude_west_deg = NAN;
  site->lz_west_deg        = NAN;
  site->wind_height_m      = 2.0;
  site->krs                = 0.16;
  site->angstrom_as        = 0.25;
  site->angstrom_bs        = 0.50;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
  GWFAO56DailyInitialize - Marks every value of a daily weather record missing

  Not Collective

  Output Parameter:
. day - doy = 0 (must be set) and every other field NaN

  Level: beginner

.seealso: `GWFAO56Daily`, `GWFAO56ReferenceETDaily()`
@*/
PetscErrorCode GWFAO56DailyInitialize(GWFAO56Daily *day)
{
  PetscFunctionBegin;
  PetscValidPointer(day, 1);
  *day = (GWFAO56Daily){.doy = 0, .tmin = NAN, .tmax = NAN, .rhmin = NAN, .rhmax = NAN, .rhmean = NAN, .tdew = NAN, .ea = NAN, .u = NAN, .rs = NAN, .sunshine_hours = NAN};
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
  GWFAO56HourlyInitialize - Marks every value of an hourly weather record missing

  Not Collective

  Output Parameter:
. hr - doy = 0 (must be set) and every other field NaN

  Level: beginner

.seealso: `GWFAO56Hourly`, `GWFAO56ReferenceETHourly()`
@*/
PetscErrorCode GWFAO56HourlyInitialize(GWFAO56Hourly *hr)
{
  PetscFunctionBegin;
  PetscValidPointer(hr, 1);
  *hr = (GWFAO56Hourly){.doy = 0, .hour = NAN, .t = NAN, .rh = NAN, .tdew = NAN, .ea = NAN, .u = NAN, .rs = NAN, .rs_rso_night = NAN};
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* ---- daily FAO Penman-Monteith ------------------------------------------------------------- */

/* ea [kPa] by the FAO-56 order of preference (ch. 3, "Air humidity" and "Missing humidity data") */
static PetscErrorCode DailyVaporPressure(const char where[], const GWFAO56Daily *d, PetscReal *ea, GWFAO56VaporPressureMethod *method)
{
  const PetscReal emin = SatVap(d->tmin), emax = SatVap(d->tmax);

  PetscFunctionBegin;
  PetscCall(CheckOptional(where, "ea", d->ea, 0, emax, "kPa", "the actual vapour pressure is in kPa (1 kPa = 10 hPa) and cannot exceed the saturation vapour pressure at tmax"));
  PetscCall(CheckOptional(where, "tdew", d->tdew, FAO56_TLOW, d->tmax, "deg C", "the dewpoint is in deg C and cannot exceed tmax"));
  PetscCall(CheckOptional(where, "rhmax", d->rhmax, 0, 100, "%", "relative humidity is in percent"));
  PetscCall(CheckOptional(where, "rhmin", d->rhmin, 0, 100, "%", "relative humidity is in percent"));
  PetscCall(CheckOptional(where, "rhmean", d->rhmean, 0, 100, "%", "relative humidity is in percent"));
  PetscCheck(PetscIsNanReal(d->rhmax) || PetscIsNanReal(d->rhmin) || d->rhmin <= d->rhmax, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "FAO-56 %s: rhmin = %g %% exceeds rhmax = %g %%; the columns may be swapped", where, (double)d->rhmin, (double)d->rhmax);
  if (!PetscIsNanReal(d->ea)) {
    *ea     = d->ea;
    *method = GW_FAO56_EA_MEASURED;
  } else if (!PetscIsNanReal(d->tdew)) {
    *ea     = SatVap(d->tdew); /* eq. 14 */
    *method = GW_FAO56_EA_DEWPOINT;
  } else if (!PetscIsNanReal(d->rhmax) && !PetscIsNanReal(d->rhmin)) {
    *ea     = 0.5 * (emin * d->rhmax / 100 + emax * d->rhmin / 100); /* eq. 17 */
    *method = GW_FAO56_EA_RHMAXMIN;
  } else if (!PetscIsNanReal(d->rhmax)) {
    *ea     = emin * d->rhmax / 100; /* eq. 18 */
    *method = GW_FAO56_EA_RHMAX;
  } else if (!PetscIsNanReal(d->rhmean)) {
    *ea     = d->rhmean / 100 * 0.5 * (emax + emin); /* eq. 19 */
    *method = GW_FAO56_EA_RHMEAN;
  } else {
    /* ch. 3, "Missing humidity data": Tdew close to Tmin for a well-watered reference site (eq. 48) */
    *ea     = emin;
    *method = GW_FAO56_EA_TMIN;
    PetscCall(PetscInfo(NULL, "FAO-56 %s: humidity missing, ea = e0(Tmin) (eq. 48)\n", where));
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
  GWFAO56ReferenceETDaily - Daily grass-reference evapotranspiration ET0 by the FAO Penman-Monteith equation

  Not Collective

  Input Parameters:
+ site - station position: latitude_deg and elevation_m required; wind_height_m when wind is given;
         krs or angstrom_as/angstrom_bs when radiation is estimated (see `GWFAO56SiteInitialize()`)
- day  - the day's weather (`GWFAO56Daily`; NaN = missing): doy, tmin and tmax [deg C] required; ea [kPa],
         tdew [deg C], rhmax/rhmin/rhmean [%], u [m/s at site->wind_height_m], rs [MJ m-2 d-1] and
         sunshine_hours [h] optional

  Output Parameters:
+ et0   - reference evapotranspiration [mm/d]
- terms - intermediate values and the input paths taken (may be NULL); radiation in MJ m-2 d-1

  Errors:
  `PETSC_ERR_ARG_WRONG` if latitude, elevation, tmin or tmax is missing; `PETSC_ERR_ARG_OUTOFRANGE` if
  a value is physically impossible (doy outside 1-366, |latitude| > 90, tmax < tmin, RH outside 0-100 %,
  rhmin > rhmax, tdew > tmax, ea above e0(tmax), u < 0, Rs < 0 or Rs > Ra, sunshine outside [0, N + 0.1 h],
  anemometer height outside [0.5, 100] m); `PETSC_ERR_SUP` in polar night (Rso = 0, eq. 39 undefined).
  Each message names the field, its value and the expected unit.

  Notes:
  FAO-56 eq. 6, with G = 0 for a day (eq. 42),
.vb
  ET0 = [0.408 Delta (Rn - G) + gamma 900/(T + 273) u2 (es - ea)] / [Delta + gamma (1 + 0.34 u2)]
.ve
  with T = (Tmax + Tmin)/2 (eq. 9), P and gamma from the elevation (eqs 7-8), es = [e0(Tmax) + e0(Tmin)]/2
  (eqs 11-12), Delta at T (eq. 13), Ra from latitude and day (eqs 21-25), N = 24 omega_s/pi (eq. 34),
  Rso = (0.75 + 2e-5 z) Ra (eq. 37), Rns = 0.77 Rs (eq. 38), Rnl from Tmax, Tmin, ea and Rs/Rso <= 1
  (eq. 39), Rn = Rns - Rnl (eq. 40).

  Missing data follow FAO-56 ch. 3: ea from a given ea, else the dewpoint (eq. 14), else RHmax and RHmin
  (eq. 17), else RHmax (eq. 18), else RHmean (eq. 19), else Tdew = Tmin (eq. 48; in arid climates pass
  tdew = tmin - 2 instead); Rs measured, else from sunshine hours (Angstrom, eq. 35), else from the
  temperature range (Hargreaves, eq. 50, Rs = krs sqrt(Tmax - Tmin) Ra); wind measured at
  site->wind_height_m converted to 2 m (eq. 47; a 2 m wind is used as is), else 2 m/s. Each fallback
  is reported by `PetscInfo()`.
  A sunshine duration up to 0.1 h above N is accepted (records rounded to 0.1 h) and taken as n = N.

  Reference:
  Allen, R.G., Pereira, L.S., Raes, D. and Smith, M. (1998) Crop evapotranspiration: guidelines for
  computing crop water requirements. FAO Irrigation and Drainage Paper 56, FAO, Rome; eqs 6-50, Example 18.

  Level: beginner

.seealso: `GWFAO56ReferenceETHourly()`, `GWFAO56HargreavesDaily()`, `GWFAO56Terms`
@*/
PetscErrorCode GWFAO56ReferenceETDaily(const GWFAO56Site *site, const GWFAO56Daily *day, PetscReal *et0, GWFAO56Terms *terms)
{
  GWFAO56Terms t;
  char         where[64];
  PetscReal    T, rs_rso;

  PetscFunctionBegin;
  PetscValidPointer(site, 1);
  PetscValidPointer(day, 2);
  PetscValidRealPointer(et0, 3);
  TermsReset(&t);
  PetscCall(CheckSite(site));
  PetscCall(CheckDay("daily weather", day->doy));
  PetscCall(PetscSNPrintf(where, sizeof(where), "daily weather of day %" PetscInt_FMT, day->doy));
  PetscCall(CheckTemperatures(where, day->tmin, day->tmax));

  Psychrometric(site->elevation_m, &t.pressure, &t.gamma);
  T       = 0.5 * (day->tmax + day->tmin);
  t.delta = SatVapSlope(T);
  t.es    = 0.5 * (SatVap(day->tmax) + SatVap(day->tmin));
  PetscCall(DailyVaporPressure(where, day, &t.ea, &t.ea_method));

  t.Ra = DailyRa(site->latitude_deg * PETSC_PI / 180.0, day->doy, &t.dr, &t.decl, &t.omega_s);
  t.N  = 24.0 / PETSC_PI * t.omega_s; /* eq. 34 */
  PetscCall(CheckOptional(where, "rs", day->rs, 0, t.Ra, "MJ m-2 d-1", "solar radiation cannot exceed the extraterrestrial radiation Ra; a daily mean in W m-2 times 0.0864 gives MJ m-2 d-1"));
  PetscCall(CheckOptional(where, "sunshine_hours", day->sunshine_hours, 0, t.N + 0.1, "h", "bright sunshine cannot last longer than the daylight hours N (eq. 34)"));
  if (!PetscIsNanReal(day->rs)) {
    t.Rs        = day->rs;
    t.rs_method = GW_FAO56_RS_MEASURED;
  } else if (!PetscIsNanReal(day->sunshine_hours)) {
    PetscCall(CheckRange("site", "angstrom_as", site->angstrom_as, 0, 1, "-", "FAO-56 recommends a_s = 0.25 without calibration"));
    PetscCall(CheckRange("site", "angstrom_bs", site->angstrom_bs, 0, 1 - site->angstrom_as, "-", "a_s + b_s is the clear-sky fraction of Ra and cannot exceed 1; FAO-56 recommends b_s = 0.50"));
    t.Rs        = (site->angstrom_as + site->angstrom_bs * (t.N > 0 ? PetscMin(day->sunshine_hours / t.N, 1.0) : 0.0)) * t.Ra; /* eq. 35 */
    t.rs_method = GW_FAO56_RS_SUNSHINE;
  } else {
    PetscCall(CheckRange("site", "krs", site->krs, 0.1, 0.25, "deg C^-1/2", "FAO-56 eq. 50 uses 0.16 for interior and 0.19 for coastal locations"));
    t.Rs        = site->krs * PetscSqrtReal(day->tmax - day->tmin) * t.Ra; /* eq. 50 */
    t.rs_method = GW_FAO56_RS_HARGREAVES;
    PetscCall(PetscInfo(NULL, "FAO-56 %s: radiation missing, Rs from the temperature range (eq. 50)\n", where));
  }

  t.Rso = (0.75 + 2e-5 * site->elevation_m) * t.Ra; /* eq. 37 */
  PetscCheck(t.Rso > 0, PETSC_COMM_SELF, PETSC_ERR_SUP, "FAO-56 %s: polar night at latitude %g deg (Ra = 0), where the net longwave radiation formula (eq. 39) is undefined", where, (double)site->latitude_deg);
  rs_rso = t.Rs / t.Rso;
  t.Rns  = (1 - FAO56_ALBEDO) * t.Rs;                                                                                                                      /* eq. 38 */
  t.Rnl  = FAO56_SIGMA_DAY * 0.5 * (PetscPowReal(day->tmax + FAO56_KELVIN, 4) + PetscPowReal(day->tmin + FAO56_KELVIN, 4)) * LongwaveFactor(t.ea, rs_rso); /* eq. 39 */
  t.Rn   = t.Rns - t.Rnl;                                                                                                                                  /* eq. 40 */
  t.G    = 0;                                                                                                                                              /* eq. 42 */
  PetscCall(WindAt2m(site, where, day->u, &t.u2, &t.u2_method));

  *et0 = (0.408 * t.delta * (t.Rn - t.G) + t.gamma * 900.0 / (T + 273.0) * t.u2 * (t.es - t.ea)) / (t.delta + t.gamma * (1 + 0.34 * t.u2)); /* eq. 6 */
  if (terms) *terms = t;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* ---- hourly FAO Penman-Monteith ------------------------------------------------------------ */

/* eqs 28-33: hourly extraterrestrial radiation [MJ m-2 h-1] and solar time angle at the midpoint */
static void HourlyRa(PetscReal lat, PetscInt doy, PetscReal hour, PetscReal lz_minus_lm, GWFAO56Terms *t)
{
  const PetscReal b  = 2 * PETSC_PI * (PetscReal)(doy - 81) / 364.0;                                      /* eq. 33 */
  const PetscReal Sc = 0.1645 * PetscSinReal(2 * b) - 0.1255 * PetscCosReal(b) - 0.025 * PetscSinReal(b); /* eq. 32 */
  PetscReal       w  = PETSC_PI / 12.0 * ((hour + 0.06667 * lz_minus_lm + Sc) - 12.0), w1, w2;            /* eq. 31 */

  SolarGeometry(lat, doy, &t->dr, &t->decl, &t->omega_s);
  /* the angle is periodic; bring it to (-pi, pi] so that the comparison with omega_s means day or night */
  while (w > PETSC_PI) w -= 2 * PETSC_PI;
  while (w <= -PETSC_PI) w += 2 * PETSC_PI;
  t->omega = w;
  t->night = (PetscBool)(w < -t->omega_s || w > t->omega_s);
  if (t->night) { /* FAO-56 after eq. 31: the sun is below the horizon, Ra = 0 */
    t->Ra = 0;
    return;
  }
  w1 = w - PETSC_PI / 24.0; /* eqs 29-30 for a 1 h period */
  w2 = w + PETSC_PI / 24.0;
  if (t->omega_s < PETSC_PI) { /* a period that straddles sunrise or sunset counts only its daylight part (ASCE-EWRI 2005, eq. 56) */
    w1 = PetscMax(w1, -t->omega_s);
    w2 = PetscMin(w2, t->omega_s);
  }
  t->Ra = 12.0 * 60.0 / PETSC_PI * FAO56_GSC * t->dr * ((w2 - w1) * PetscSinReal(lat) * PetscSinReal(t->decl) + PetscCosReal(lat) * PetscCosReal(t->decl) * (PetscSinReal(w2) - PetscSinReal(w1))); /* eq. 28 */
}

/*@C
  GWFAO56ReferenceETHourly - Hourly grass-reference evapotranspiration ET0 by the FAO Penman-Monteith equation

  Not Collective

  Input Parameters:
+ site - station position: latitude_deg, elevation_m, longitude_west_deg (Lm) and lz_west_deg (Lz), both
         in degrees WEST of Greenwich as in FAO-56; wind_height_m
- hr   - the hour's weather (`GWFAO56Hourly`; NaN = missing): doy, hour (midpoint, local standard time [h]),
         t [deg C], u [m/s at site->wind_height_m] and rs [MJ m-2 h-1] required; one of ea [kPa], tdew
         [deg C] or rh [%] required; rs_rso_night [-] optional (0.8 when missing)

  Output Parameters:
+ et0   - reference evapotranspiration over the hour [mm/h]; it may be slightly negative at night
          (condensation)
- terms - intermediate values (may be NULL); radiation in MJ m-2 h-1

  Errors:
  `PETSC_ERR_ARG_WRONG` if a required value is missing or no humidity is given; `PETSC_ERR_ARG_OUTOFRANGE`
  if a value is physically impossible (doy outside 1-366, hour outside 0-24, |latitude| > 90, longitudes
  outside [-360, 360], RH outside 0-100 %, u < 0, Rs < 0 or above the top-of-atmosphere 5.1 MJ m-2 h-1,
  Rs/Rso at night outside [0, 1]). Each message names the field, its value and the expected unit.

  Notes:
  FAO-56 eq. 53,
.vb
  ET0 = [0.408 Delta (Rn - G) + gamma 37/(Thr + 273) u2 (e0(Thr) - ea)] / [Delta + gamma (1 + 0.34 u2)]
.ve
  with Delta at Thr (eq. 13), ea from ea, else the dewpoint (eq. 14), else ea = e0(Thr) RH/100 (eq. 54);
  Ra over the hour from the solar time angle omega = pi/12 [(t + 0.06667 (Lz - Lm) + Sc) - 12] (eqs 28-33,
  Lz - Lm taken in (-180, 180]); the sun is below the horizon when omega is outside [-omega_s, omega_s],
  then Ra = 0; an hour whose midpoint is in daylight but which contains sunrise or sunset integrates Ra
  from sunrise or to sunset only (ASCE-EWRI 2005, eq. 56; FAO-56 does not treat this case);
  Rso = (0.75 + 2e-5 z) Ra (eq. 37); Rnl by eq. 39 with sigma = 2.043e-10 MJ K-4 m-2 h-1, Thr^4 and
  Rs/Rso <= 1, or at night the ratio rs_rso_night (FAO-56: that of a period 2-3 h before sunset);
  G = 0.1 Rn in daylight and 0.5 Rn at night (eqs 45-46); u2 by eq. 47 (a 2 m wind is used as is).

  Reference:
  Allen, R.G., Pereira, L.S., Raes, D. and Smith, M. (1998) Crop evapotranspiration. FAO Irrigation and
  Drainage Paper 56, FAO, Rome; eqs 28-33, 39, 45-47, 53-54, Example 19.
  ASCE-EWRI (2005) The ASCE standardized reference evapotranspiration equation. ASCE, Reston, VA.

  Level: beginner

.seealso: `GWFAO56ReferenceETDaily()`, `GWFAO56Terms`
@*/
PetscErrorCode GWFAO56ReferenceETHourly(const GWFAO56Site *site, const GWFAO56Hourly *hr, PetscReal *et0, GWFAO56Terms *terms)
{
  GWFAO56Terms t;
  char         where[80];
  PetscReal    dlon, rs_rso;

  PetscFunctionBegin;
  PetscValidPointer(site, 1);
  PetscValidPointer(hr, 2);
  PetscValidRealPointer(et0, 3);
  TermsReset(&t);
  PetscCall(CheckSite(site));
  PetscCall(CheckRequired("site", "longitude_west_deg", site->longitude_west_deg, "hourly ET0 needs the station longitude Lm in degrees west of Greenwich (16 deg 15' W = 16.25)"));
  PetscCall(CheckRequired("site", "lz_west_deg", site->lz_west_deg, "hourly ET0 needs the longitude Lz of the time-zone centre in degrees west of Greenwich (0 for GMT, 330 for GMT+2)"));
  PetscCall(CheckRange("site", "longitude_west_deg", site->longitude_west_deg, -360, 360, "deg", "give degrees west of Greenwich"));
  PetscCall(CheckRange("site", "lz_west_deg", site->lz_west_deg, -360, 360, "deg", "give degrees west of Greenwich"));
  PetscCall(CheckDay("hourly weather", hr->doy));
  PetscCall(CheckRequired("hourly weather", "hour", hr->hour, "give the clock time at the middle of the hour, e.g. 14.5 for 14:00-15:00"));
  PetscCall(CheckRange("hourly weather", "hour", hr->hour, 0, 24, "h", "give the local standard clock time at the middle of the hour"));
  PetscCall(PetscSNPrintf(where, sizeof(where), "hourly weather of day %" PetscInt_FMT " at %g h", hr->doy, (double)hr->hour));
  PetscCall(CheckRequired(where, "t", hr->t, "hourly ET0 needs the mean air temperature of the hour [deg C]"));
  PetscCall(CheckRange(where, "t", hr->t, FAO56_TLOW, FAO56_THIGH, "deg C", "temperatures are in degrees Celsius"));
  PetscCall(CheckRequired(where, "u", hr->u, "hourly ET0 needs the measured wind speed [m/s]"));
  PetscCall(CheckRequired(where, "rs", hr->rs, "hourly ET0 needs the measured solar radiation [MJ m-2 h-1], 0 at night"));
  PetscCall(CheckRange(where, "rs", hr->rs, 0, 60 * FAO56_GSC * 1.034, "MJ m-2 h-1", "an hourly mean in W m-2 times 0.0036 gives MJ m-2 h-1"));
  PetscCall(CheckOptional(where, "rs_rso_night", hr->rs_rso_night, 0, 1, "-", "give Rs/Rso of a period 2-3 h before sunset"));
  PetscCall(CheckOptional(where, "ea", hr->ea, 0, 20, "kPa", "the actual vapour pressure is in kPa (1 kPa = 10 hPa)"));
  PetscCall(CheckOptional(where, "tdew", hr->tdew, FAO56_TLOW, FAO56_THIGH, "deg C", "the dewpoint is in degrees Celsius"));
  PetscCall(CheckOptional(where, "rh", hr->rh, 0, 100, "%", "relative humidity is in percent"));

  Psychrometric(site->elevation_m, &t.pressure, &t.gamma);
  t.delta = SatVapSlope(hr->t);
  t.es    = SatVap(hr->t);
  if (!PetscIsNanReal(hr->ea)) {
    t.ea        = hr->ea;
    t.ea_method = GW_FAO56_EA_MEASURED;
  } else if (!PetscIsNanReal(hr->tdew)) {
    t.ea        = SatVap(hr->tdew); /* eq. 14 */
    t.ea_method = GW_FAO56_EA_DEWPOINT;
  } else {
    PetscCheck(!PetscIsNanReal(hr->rh), PETSC_COMM_SELF, PETSC_ERR_ARG_WRONG, "FAO-56 %s: no humidity given; set one of ea [kPa], tdew [deg C] or rh [%%]", where);
    t.ea        = t.es * hr->rh / 100; /* eq. 54 */
    t.ea_method = GW_FAO56_EA_RHMEAN;
  }

  dlon = PetscFmodReal(site->lz_west_deg - site->longitude_west_deg, 360.0); /* in (-360, 360) */
  if (dlon > 180)
    dlon -= 360;
  else if (dlon <= -180)
    dlon += 360;
  HourlyRa(site->latitude_deg * PETSC_PI / 180.0, hr->doy, hr->hour, dlon, &t);

  t.Rs        = hr->rs;
  t.rs_method = GW_FAO56_RS_MEASURED;
  t.Rso       = (0.75 + 2e-5 * site->elevation_m) * t.Ra; /* eq. 37 */
  if (!t.night && t.Rso > 0)
    rs_rso = t.Rs / t.Rso;
  else
    rs_rso = PetscIsNanReal(hr->rs_rso_night) ? 0.8 : hr->rs_rso_night;
  t.Rns = (1 - FAO56_ALBEDO) * t.Rs;                                                               /* eq. 38 */
  t.Rnl = FAO56_SIGMA_HOUR * PetscPowReal(hr->t + FAO56_KELVIN, 4) * LongwaveFactor(t.ea, rs_rso); /* eq. 39, hourly */
  t.Rn  = t.Rns - t.Rnl;
  t.G   = (t.night ? 0.5 : 0.1) * t.Rn; /* eqs 45-46 */
  PetscCall(WindAt2m(site, where, hr->u, &t.u2, &t.u2_method));

  *et0 = (0.408 * t.delta * (t.Rn - t.G) + t.gamma * 37.0 / (hr->t + 273.0) * t.u2 * (t.es - t.ea)) / (t.delta + t.gamma * (1 + 0.34 * t.u2)); /* eq. 53 */
  if (terms) *terms = t;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* ---- Hargreaves ---------------------------------------------------------------------------- */

/*@C
  GWFAO56HargreavesDaily - Daily reference evapotranspiration from temperature alone (Hargreaves equation)

  Not Collective

  Input Parameters:
+ site - station position; only latitude_deg is used
. doy  - day of the year J, 1 to 366
. tmin - daily minimum air temperature [deg C]
- tmax - daily maximum air temperature [deg C], >= tmin

  Output Parameter:
. et0 - reference evapotranspiration [mm/d]

  Errors:
  `PETSC_ERR_ARG_WRONG` if latitude, tmin or tmax is missing; `PETSC_ERR_ARG_OUTOFRANGE` if doy is outside
  1-366, |latitude| > 90 or tmax < tmin.

  Notes:
  FAO-56 eq. 52 (Hargreaves and Samani 1985),
.vb
  ET0 = 0.0023 (Tmean + 17.8) (Tmax - Tmin)^0.5 Ra
.ve
  with Tmean = (Tmax + Tmin)/2 and Ra from eq. 21 expressed as evaporation, 0.408 Ra [mm/d]. FAO-56
  recommends the Penman-Monteith equation with estimated radiation, humidity and wind
  (`GWFAO56ReferenceETDaily()` with those fields missing) over this formula, and this formula for
  periods of 5 days or more.

  References:
  Allen, R.G., Pereira, L.S., Raes, D. and Smith, M. (1998) FAO Irrigation and Drainage Paper 56, eq. 52.
  Hargreaves, G.H. and Samani, Z.A. (1985) Reference crop evapotranspiration from temperature.
  Applied Engineering in Agriculture 1(2), 96-99.

  Level: beginner

.seealso: `GWFAO56ReferenceETDaily()`
@*/
PetscErrorCode GWFAO56HargreavesDaily(const GWFAO56Site *site, PetscInt doy, PetscReal tmin, PetscReal tmax, PetscReal *et0)
{
  PetscReal dr = 0, decl = 0, ws = 0;
  char      where[64];

  PetscFunctionBegin;
  PetscValidPointer(site, 1);
  PetscValidRealPointer(et0, 5);
  PetscCall(CheckLatitude(site));
  PetscCall(CheckDay("Hargreaves", doy));
  PetscCall(PetscSNPrintf(where, sizeof(where), "Hargreaves ET0 of day %" PetscInt_FMT, doy));
  PetscCall(CheckTemperatures(where, tmin, tmax));
  *et0 = 0.0023 * (0.5 * (tmax + tmin) + 17.8) * PetscSqrtReal(tmax - tmin) * 0.408 * DailyRa(site->latitude_deg * PETSC_PI / 180.0, doy, &dr, &decl, &ws); /* eq. 52 */
  PetscFunctionReturn(PETSC_SUCCESS);
}
