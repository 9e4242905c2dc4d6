/* libgw FAO-56 reference evapotranspiration: grass-reference ET0 from station weather by the
   FAO Penman-Monteith method (daily and hourly) and the Hargreaves equation, after Allen, Pereira,
   Raes and Smith (1998), Crop evapotranspiration, FAO Irrigation and Drainage Paper 56.

   Units at this interface are those of FAO-56, not SI: temperatures in degrees Celsius, pressures in
   kPa, wind in m/s, radiation in MJ m-2 d-1 (daily) or MJ m-2 h-1 (hourly), ET0 in mm/d or mm/h.
   The records below are plain values, not objects; a field set to NaN (NAN from <math.h>) is "missing". */
#ifndef GWFAO56_H
#define GWFAO56_H

#include <petscsys.h>

/*S
  GWFAO56Site - where the weather station is

  Fields:
+ latitude_deg       - latitude [decimal degrees], north positive, in [-90, 90]
. elevation_m        - station elevation above sea level [m]
. longitude_west_deg - Lm, station longitude [degrees WEST of Greenwich], as FAO-56 writes it (16.25 for 16 deg 15' W,
                       330 or -30 for 30 deg E); hourly ET0 only
. lz_west_deg        - Lz, longitude of the centre of the local standard time zone [degrees WEST of Greenwich]
                       (0 Greenwich, 75/90/105/120 US Eastern/Central/Mountain/Pacific, 330 Cairo); hourly ET0 only
. wind_height_m      - height of the anemometer above the ground [m]
. krs                - adjustment coefficient of the Hargreaves radiation formula [deg C^-1/2]: 0.16 interior, 0.19 coastal
. angstrom_as        - Angstrom a_s, fraction of Ra reaching the ground on overcast days [-]
- angstrom_bs        - Angstrom b_s, so that a_s + b_s is the clear-day fraction [-]

  Notes:
  Start from `GWFAO56SiteInitialize()`, which sets the FAO-56 defaults (2 m anemometer, k_Rs = 0.16,
  a_s = 0.25, b_s = 0.50) and marks the position fields missing.

  Level: beginner

.seealso: `GWFAO56SiteInitialize()`, `GWFAO56ReferenceETDaily()`, `GWFAO56ReferenceETHourly()`
S*/
typedef struct {
  PetscReal latitude_deg, elevation_m;
  PetscReal longitude_west_deg, lz_west_deg;
  PetscReal wind_height_m;
  PetscReal krs, angstrom_as, angstrom_bs;
} GWFAO56Site;

/*S
  GWFAO56Daily - one day of station weather; NaN marks a missing value

  Fields:
+ doy            - day of the year J, 1 (1 January) to 365 or 366 (31 December)
. tmin, tmax     - daily minimum and maximum air temperature at 2 m [deg C] (required)
. rhmin, rhmax   - daily minimum and maximum relative humidity [%]
. rhmean         - daily mean relative humidity [%]
. tdew           - dewpoint temperature [deg C]
. ea             - actual vapour pressure [kPa], e.g. from psychrometer readings (FAO-56 eq. 15)
. u              - mean wind speed at the anemometer height of the site [m/s]
. rs             - measured incoming solar (shortwave) radiation [MJ m-2 d-1]
- sunshine_hours - actual duration of bright sunshine n [h]

  Level: beginner

.seealso: `GWFAO56DailyInitialize()`, `GWFAO56ReferenceETDaily()`
S*/
typedef struct {
  PetscInt  doy;
  PetscReal tmin, tmax;
  PetscReal rhmin, rhmax, rhmean, tdew, ea;
  PetscReal u;
  PetscReal rs, sunshine_hours;
} GWFAO56Daily;

/*S
  GWFAO56Hourly - one hour of station weather; NaN marks a missing value

  Fields:
+ doy          - day of the year J, 1 to 366
. hour         - standard clock time at the midpoint of the hour [h], local standard time (no daylight saving),
                 e.g. 14.5 for 14:00-15:00
. t            - mean air temperature over the hour at 2 m [deg C] (required)
. rh           - mean relative humidity over the hour [%]
. tdew         - dewpoint temperature [deg C]
. ea           - actual vapour pressure [kPa]
. u            - mean wind speed at the anemometer height of the site [m/s] (required)
. rs           - incoming solar radiation over the hour [MJ m-2 h-1] (required; 0 at night)
- rs_rso_night - Rs/Rso to use while the sun is below the horizon [-]; FAO-56 takes the ratio of a period
                 2-3 h before sunset; when missing 0.8 is used

  Level: beginner

.seealso: `GWFAO56HourlyInitialize()`, `GWFAO56ReferenceETHourly()`
S*/
typedef struct {
  PetscInt  doy;
  PetscReal hour;
  PetscReal t, rh, tdew, ea;
  PetscReal u;
  PetscReal rs, rs_rso_night;
} GWFAO56Hourly;

/*E
  GWFAO56VaporPressureMethod - where the actual vapour pressure ea came from

  Level: beginner
E*/
typedef enum {
  GW_FAO56_EA_MEASURED, /* given directly */
  GW_FAO56_EA_DEWPOINT, /* eq. 14 from the dewpoint */
  GW_FAO56_EA_RHMAXMIN, /* eq. 17 from RHmax and RHmin */
  GW_FAO56_EA_RHMAX,    /* eq. 18 from RHmax */
  GW_FAO56_EA_RHMEAN,   /* eq. 19 from RHmean (daily) or eq. 54 from the hourly RH */
  GW_FAO56_EA_TMIN      /* eq. 48, dewpoint taken equal to Tmin (humidity missing) */
} GWFAO56VaporPressureMethod;
PETSC_EXTERN const char *const GWFAO56VaporPressureMethods[];

/*E
  GWFAO56RadiationMethod - where the incoming solar radiation Rs came from

  Level: beginner
E*/
typedef enum {
  GW_FAO56_RS_MEASURED,  /* given */
  GW_FAO56_RS_SUNSHINE,  /* eq. 35, Angstrom formula from sunshine hours */
  GW_FAO56_RS_HARGREAVES /* eq. 50, Hargreaves radiation formula from Tmax - Tmin (radiation missing) */
} GWFAO56RadiationMethod;
PETSC_EXTERN const char *const GWFAO56RadiationMethods[];

/*E
  GWFAO56WindMethod - where the 2 m wind speed u2 came from

  Level: beginner
E*/
typedef enum {
  GW_FAO56_U2_MEASURED, /* measured at 2 m, or converted to 2 m with eq. 47 */
  GW_FAO56_U2_DEFAULT   /* 2 m/s, the FAO-56 world average for missing wind */
} GWFAO56WindMethod;
PETSC_EXTERN const char *const GWFAO56WindMethods[];

/*S
  GWFAO56Terms - intermediate values of an ET0 computation, for checking and reporting

  Fields (radiation in MJ m-2 d-1 for daily, MJ m-2 h-1 for hourly computations):
+ pressure  - atmospheric pressure P [kPa] (eq. 7)
. gamma     - psychrometric constant [kPa/deg C] (eq. 8)
. delta     - slope of the saturation vapour pressure curve [kPa/deg C] (eq. 13)
. es, ea    - saturation and actual vapour pressure [kPa] (eqs 11-12, 14-19, 48)
. dr, decl  - inverse relative Earth-Sun distance [-] (eq. 23) and solar declination [rad] (eq. 24)
. omega_s   - sunset hour angle [rad] (eq. 25)
. omega     - solar time angle at the midpoint of the hour [rad] (eq. 31); NaN for daily
. N         - daylight hours [h] (eq. 34); NaN for hourly
. Ra        - extraterrestrial radiation (eq. 21 daily, eq. 28 hourly)
. Rs, Rso   - incoming and clear-sky solar radiation (eq. 37)
. Rns, Rnl  - net shortwave (eq. 38) and net longwave (eq. 39) radiation
. Rn, G     - net radiation (eq. 40) and soil heat flux (eq. 42 daily, eqs 45-46 hourly)
. u2        - wind speed at 2 m [m/s] (eq. 47)
. night     - whether the sun is below the horizon at the midpoint of the hour (hourly)
- ea_method, rs_method, u2_method - the input paths taken

  Level: intermediate

.seealso: `GWFAO56ReferenceETDaily()`, `GWFAO56ReferenceETHourly()`
S*/
typedef struct {
  PetscReal                  pressure, gamma, delta, es, ea;
  PetscReal                  dr, decl, omega_s, omega, N;
  PetscReal                  Ra, Rs, Rso, Rns, Rnl, Rn, G;
  PetscReal                  u2;
  PetscBool                  night;
  GWFAO56VaporPressureMethod ea_method;
  GWFAO56RadiationMethod     rs_method;
  GWFAO56WindMethod          u2_method;
} GWFAO56Terms;

PETSC_EXTERN PetscErrorCode GWFAO56SiteInitialize(GWFAO56Site *);
PETSC_EXTERN PetscErrorCode GWFAO56DailyInitialize(GWFAO56Daily *);
PETSC_EXTERN PetscErrorCode GWFAO56HourlyInitialize(GWFAO56Hourly *);
PETSC_EXTERN PetscErrorCode GWFAO56ReferenceETDaily(const GWFAO56Site *, const GWFAO56Daily *, PetscReal *, GWFAO56Terms *);
PETSC_EXTERN PetscErrorCode GWFAO56ReferenceETHourly(const GWFAO56Site *, const GWFAO56Hourly *, PetscReal *, GWFAO56Terms *);
PETSC_EXTERN PetscErrorCode GWFAO56HargreavesDaily(const GWFAO56Site *, PetscInt, PetscReal, PetscReal, PetscReal *);

#endif
