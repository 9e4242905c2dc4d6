/* FAO-56 reference evapotranspiration (lib/atmos/fao56.c) against the worked examples of
   Allen, Pereira, Raes and Smith (1998), FAO Irrigation and Drainage Paper 56, chapters 3 and 4, and
   against formulas written out here independently of the library for the missing-data paths; plus
   the error paths for impossible input.

   Published values (tolerance: half a unit in the last digit FAO prints, ET0 0.1 mm/d and 0.01 mm/h):
   - Example 2  (1800 m): P = 81.8 kPa, gamma = 0.054 kPa/degC.
   - Example 3  (Tmax 24.5, Tmin 15 degC): es = 2.39 kPa.
   - Example 5  (Tmax 25, Tmin 18 degC, RHmax 82, RHmin 54 %): ea = 1.70 (eq. 17), 1.69 (eq. 18, RHmax
                 only), 1.78 kPa (eq. 19, RHmean 68 %).
   - Example 8  (20 deg S, 3 September, J = 246): dr = 0.985, delta = 0.120 rad, omega_s = 1.527 rad,
                 Ra = 32.2 MJ m-2 d-1; Example 9: N = 11.7 h.
   - Example 10 (Rio de Janeiro, 22 deg 54' S, May, J = 135, n = 220 h / 31 d): Ra = 25.1 MJ m-2 d-1,
                 N = 10.9 h, Rs = 14.5 MJ m-2 d-1; Example 11 (Tmax 25.1, Tmin 19.1 degC, ea 2.1 kPa,
                 sea level): Rso = 18.8, Rnl = 3.5 MJ m-2 d-1; Example 12: Rns = 11.1 MJ m-2 d-1.
   - Example 14 (3.2 m/s at 10 m): u2 = 2.4 m/s.
   - Example 15 (Lyon, 45 deg 43' N, 200 m, July, J = 196, Tmax 26.6, Tmin 14.8 degC, interior):
                 Ra = 40.6, Rs = 22.3 MJ m-2 d-1 (eq. 50); Example 20 (same station, humidity missing):
                 ea = e0(Tmin) = 1.68 kPa.
   - Example 18 (Uccle/Brussels, 50 deg 48' N, 100 m, 6 July, J = 187, Tmax 21.5, Tmin 12.3 degC,
                 RHmax 84, RHmin 63 %, 10 km/h at 10 m, n = 9.25 h): P = 100.1 kPa, gamma = 0.0666,
                 Delta = 0.122 kPa/degC, es = 1.997, ea = 1.409 kPa, u2 = 2.078 m/s, Ra = 41.09, N = 16.1 h,
                 Rs = 22.07, Rso = 30.90, Rns = 17.00, Rnl = 3.71, Rn = 13.28 MJ m-2 d-1, ET0 = 3.9 mm/d.
   - Example 19 (N'Diaye, Senegal, 16 deg 13' N, 16 deg 15' W, Lz = 15 deg, 8 m, 1 October, J = 274):
                 14-15 h, T 38 degC, RH 52 %, u2 3.3 m/s, Rs 2.450 MJ m-2 h-1: e0(T) = 6.625, ea = 3.445 kPa,
                 omega = 0.682 rad, Ra = 3.543, Rso = 2.658, Rns = 1.887, Rnl = 0.137, Rn = 1.749,
                 G = 0.175 MJ m-2 h-1, ET0 = 0.63 mm/h;
                 02-03 h, T 28 degC, RH 90 %, u2 1.9 m/s, Rs 0, Rs/Rso = 0.8 from before sunset:
                 e0(T) = 3.780, ea = 3.402 kPa, omega = -2.46 rad, Ra = 0, Rnl = 0.100, Rn = -0.100,
                 G = -0.050 MJ m-2 h-1, ET0 = 0.00 mm/h.
   No FAO-56 example gives a Hargreaves (eq. 52) ET0; it is checked against the formula written out here. */
#include <gwfao56.h>
#include "gwtest.h"

static PetscErrorCode ExpectError(GWTest *t, const char name[], PetscErrorCode ierr)
{
  const char *generic;
  char       *specific = NULL;

  PetscFunctionBeginUser;
  t->nchecks++;
  if (!ierr) t->nfail++;
  if (ierr) PetscCall(PetscErrorMessage(ierr, &generic, &specific));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "CHECK %s value=%d reference=nonzero %s\n", name, (int)ierr, ierr ? "PASS" : "FAIL"));
  if (specific) PetscCall(PetscPrintf(PETSC_COMM_WORLD, "#   message: %s\n", specific));
  PetscFunctionReturn(0);
}

static PetscErrorCode ExpectTrue(GWTest *t, const char name[], PetscBool ok)
{
  PetscFunctionBeginUser;
  t->nchecks++;
  if (!ok) t->nfail++;
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "CHECK %s %s\n", name, ok ? "PASS" : "FAIL"));
  PetscFunctionReturn(0);
}

/* ---- the FAO-56 formulas, written out again for the independent checks --------------------- */

static PetscReal RefSatVap(PetscReal T)
{
  return 0.6108 * exp(17.27 * T / (T + 237.3));
}

/* daily extraterrestrial radiation [MJ m-2 d-1] at latitude lat [deg] on day J */
static PetscReal RefRa(PetscReal lat, PetscInt J)
{
  PetscReal phi = lat * PETSC_PI / 180, dr = 1 + 0.033 * cos(2 * PETSC_PI * J / 365), d = 0.409 * sin(2 * PETSC_PI * J / 365 - 1.39);
  PetscReal ws = acos(-tan(phi) * tan(d));
  return 24 * 60 / PETSC_PI * 0.082 * dr * (ws * sin(phi) * sin(d) + cos(phi) * cos(d) * sin(ws));
}

/* daily ET0 [mm/d] from Tmin/Tmax, ea [kPa], Rs [MJ m-2 d-1] and u2 [m/s] at lat [deg], z [m], day J */
static PetscReal RefET0(PetscReal lat, PetscReal z, PetscInt J, PetscReal tmin, PetscReal tmax, PetscReal ea, PetscReal Rs, PetscReal u2)
{
  PetscReal P = 101.3 * pow((293 - 0.0065 * z) / 293, 5.26), g = 0.000665 * P, T = (tmin + tmax) / 2;
  PetscReal D = 4098 * RefSatVap(T) / ((T + 237.3) * (T + 237.3)), es = (RefSatVap(tmin) + RefSatVap(tmax)) / 2;
  PetscReal Rso = (0.75 + 2e-5 * z) * RefRa(lat, J), ratio = Rs / Rso > 1 ? 1 : Rs / Rso;
  PetscReal Rnl = 4.903e-9 * (pow(tmax + 273.16, 4) + pow(tmin + 273.16, 4)) / 2 * (0.34 - 0.14 * sqrt(ea)) * (1.35 * ratio - 0.35);
  PetscReal Rn  = 0.77 * Rs - Rnl;
  return (0.408 * D * Rn + g * 900 / (T + 273) * u2 * (es - ea)) / (D + g * (1 + 0.34 * u2));
}

/* ---- examples --------------------------------------------------------------------------------- */

static PetscErrorCode Example18(GWTest *t)
{
  GWFAO56Site  site;
  GWFAO56Daily day;
  GWFAO56Terms tm;
  PetscReal    et0 = 0;

  PetscFunctionBeginUser;
  PetscCall(GWFAO56SiteInitialize(&site));
  site.latitude_deg  = 50 + 48.0 / 60;
  site.elevation_m   = 100;
  site.wind_height_m = 10;
  PetscCall(GWFAO56DailyInitialize(&day));
  day.doy            = 187;
  day.tmax           = 21.5;
  day.tmin           = 12.3;
  day.rhmax          = 84;
  day.rhmin          = 63;
  day.u              = 10.0 / 3.6;
  day.sunshine_hours = 9.25;
  PetscCall(GWFAO56ReferenceETDaily(&site, &day, &et0, &tm));
  PetscCall(GWTestAbs(t, "ex18_P_kPa", tm.pressure, 100.1, 0.05));
  PetscCall(GWTestAbs(t, "ex18_gamma", tm.gamma, 0.0666, 0.00005));
  PetscCall(GWTestAbs(t, "ex18_Delta", tm.delta, 0.122, 0.0005));
  PetscCall(GWTestAbs(t, "ex18_es", tm.es, 1.997, 0.0005));
  PetscCall(GWTestAbs(t, "ex18_ea", tm.ea, 1.409, 0.0005));
  PetscCall(GWTestAbs(t, "ex18_u2", tm.u2, 2.078, 0.0005));
  PetscCall(GWTestAbs(t, "ex18_Ra", tm.Ra, 41.09, 0.005));
  PetscCall(GWTestAbs(t, "ex18_N", tm.N, 16.1, 0.05));
  PetscCall(GWTestAbs(t, "ex18_Rs", tm.Rs, 22.07, 0.005));
  PetscCall(GWTestAbs(t, "ex18_Rso", tm.Rso, 30.90, 0.005));
  PetscCall(GWTestAbs(t, "ex18_Rns", tm.Rns, 17.00, 0.005));
  PetscCall(GWTestAbs(t, "ex18_Rnl", tm.Rnl, 3.71, 0.005));
  PetscCall(GWTestAbs(t, "ex18_Rn", tm.Rn, 13.28, 0.005));
  PetscCall(GWTestAbs(t, "ex18_G", tm.G, 0.0, 0.0));
  PetscCall(GWTestAbs(t, "ex18_ET0_mm_d", et0, 3.9, 0.1));
  PetscCall(ExpectTrue(t, "ex18_paths_rhmaxmin_sunshine_measured_wind", (PetscBool)(tm.ea_method == GW_FAO56_EA_RHMAXMIN && tm.rs_method == GW_FAO56_RS_SUNSHINE && tm.u2_method == GW_FAO56_U2_MEASURED)));
  PetscFunctionReturn(0);
}

static PetscErrorCode Example19(GWTest *t)
{
  GWFAO56Site   site;
  GWFAO56Hourly hr;
  GWFAO56Terms  tm;
  PetscReal     et0 = 0, et0wrap = 0;

  PetscFunctionBeginUser;
  PetscCall(GWFAO56SiteInitialize(&site));
  site.latitude_deg       = 16 + 13.0 / 60;
  site.longitude_west_deg = 16.25;
  site.lz_west_deg        = 15;
  site.elevation_m        = 8;
  site.wind_height_m      = 2;

  PetscCall(GWFAO56HourlyInitialize(&hr));
  hr.doy  = 274;
  hr.hour = 14.5;
  hr.t    = 38;
  hr.rh   = 52;
  hr.u    = 3.3;
  hr.rs   = 2.450;
  PetscCall(GWFAO56ReferenceETHourly(&site, &hr, &et0, &tm));
  PetscCall(GWTestAbs(t, "ex19_day_es", tm.es, 6.625, 0.0005));
  PetscCall(GWTestAbs(t, "ex19_day_ea", tm.ea, 3.445, 0.0005));
  PetscCall(GWTestAbs(t, "ex19_day_omega", tm.omega, 0.682, 0.0005));
  PetscCall(GWTestAbs(t, "ex19_day_Ra", tm.Ra, 3.543, 0.0005));
  PetscCall(GWTestAbs(t, "ex19_day_Rso", tm.Rso, 2.658, 0.0005));
  PetscCall(GWTestAbs(t, "ex19_day_Rns", tm.Rns, 1.887, 0.001)); /* 0.77 x 2.450 = 1.8865, printed 1.887 */
  PetscCall(GWTestAbs(t, "ex19_day_Rnl", tm.Rnl, 0.137, 0.0005));
  PetscCall(GWTestAbs(t, "ex19_day_Rn", tm.Rn, 1.749, 0.0005));
  PetscCall(GWTestAbs(t, "ex19_day_G", tm.G, 0.175, 0.0005));
  PetscCall(GWTestAbs(t, "ex19_day_ET0_mm_h", et0, 0.63, 0.01));
  PetscCall(ExpectTrue(t, "ex19_day_sun_up", (PetscBool)!tm.night));

  /* the same meridian written as -343.75 deg west: Lz - Lm is taken modulo 360 */
  site.longitude_west_deg = 16.25 - 360;
  PetscCall(GWFAO56ReferenceETHourly(&site, &hr, &et0wrap, NULL));
  PetscCall(GWTestAbs(t, "ex19_day_ET0_longitude_wrapped", et0wrap, et0, 1e-12));
  site.longitude_west_deg = 16.25;

  hr.hour = 2.5;
  hr.t    = 28;
  hr.rh   = 90;
  hr.u    = 1.9;
  hr.rs   = 0;
  PetscCall(GWFAO56ReferenceETHourly(&site, &hr, &et0, &tm)); /* rs_rso_night missing: 0.8 as in the example */
  PetscCall(GWTestAbs(t, "ex19_night_es", tm.es, 3.780, 0.0005));
  PetscCall(GWTestAbs(t, "ex19_night_ea", tm.ea, 3.402, 0.0005));
  PetscCall(GWTestAbs(t, "ex19_night_omega", tm.omega, -2.46, 0.005));
  PetscCall(GWTestAbs(t, "ex19_night_Ra", tm.Ra, 0.0, 0.0));
  PetscCall(GWTestAbs(t, "ex19_night_Rnl", tm.Rnl, 0.100, 0.0005));
  PetscCall(GWTestAbs(t, "ex19_night_Rn", tm.Rn, -0.100, 0.0005));
  PetscCall(GWTestAbs(t, "ex19_night_G", tm.G, -0.050, 0.0005));
  PetscCall(GWTestAbs(t, "ex19_night_ET0_mm_h", et0, 0.00, 0.01));
  PetscCall(ExpectTrue(t, "ex19_night_sun_down", tm.night));
  PetscFunctionReturn(0);
}

/* Examples 2, 3, 5, 8-12 and 14: intermediate values through the daily function */
static PetscErrorCode Chapter3Examples(GWTest *t)
{
  GWFAO56Site  site;
  GWFAO56Daily day;
  GWFAO56Terms tm;
  PetscReal    et0 = 0;

  PetscFunctionBeginUser;
  PetscCall(GWFAO56SiteInitialize(&site));
  site.latitude_deg = 45;
  site.elevation_m  = 1800;
  PetscCall(GWFAO56DailyInitialize(&day));
  day.doy  = 180;
  day.tmin = 15;
  day.tmax = 24.5;
  PetscCall(GWFAO56ReferenceETDaily(&site, &day, &et0, &tm));
  PetscCall(GWTestAbs(t, "ex2_P_kPa", tm.pressure, 81.8, 0.05));
  PetscCall(GWTestAbs(t, "ex2_gamma", tm.gamma, 0.054, 0.0005));
  PetscCall(GWTestAbs(t, "ex3_es", tm.es, 2.39, 0.005));

  day.tmin  = 18;
  day.tmax  = 25;
  day.rhmax = 82;
  day.rhmin = 54;
  PetscCall(GWFAO56ReferenceETDaily(&site, &day, &et0, &tm));
  PetscCall(GWTestAbs(t, "ex5_ea_rhmax_rhmin", tm.ea, 1.70, 0.005));
  day.rhmin = NAN;
  PetscCall(GWFAO56ReferenceETDaily(&site, &day, &et0, &tm));
  PetscCall(GWTestAbs(t, "ex5_ea_rhmax_only", tm.ea, 1.69, 0.005));
  PetscCall(ExpectTrue(t, "ex5_path_rhmax", (PetscBool)(tm.ea_method == GW_FAO56_EA_RHMAX)));
  day.rhmax  = NAN;
  day.rhmean = 68;
  PetscCall(GWFAO56ReferenceETDaily(&site, &day, &et0, &tm));
  PetscCall(GWTestAbs(t, "ex5_ea_rhmean", tm.ea, 1.78, 0.005));
  PetscCall(ExpectTrue(t, "ex5_path_rhmean", (PetscBool)(tm.ea_method == GW_FAO56_EA_RHMEAN)));

  site.latitude_deg = -20;
  site.elevation_m  = 0;
  day.doy           = 246;
  PetscCall(GWFAO56ReferenceETDaily(&site, &day, &et0, &tm));
  PetscCall(GWTestAbs(t, "ex8_dr", tm.dr, 0.985, 0.0005));
  PetscCall(GWTestAbs(t, "ex8_declination", tm.decl, 0.120, 0.0005));
  PetscCall(GWTestAbs(t, "ex8_omega_s", tm.omega_s, 1.527, 0.0005));
  PetscCall(GWTestAbs(t, "ex8_Ra", tm.Ra, 32.2, 0.05));
  PetscCall(GWTestAbs(t, "ex9_N", tm.N, 11.7, 0.05));

  site.latitude_deg  = -(22 + 54.0 / 60);
  day.doy            = 135;
  day.tmin           = 19.1;
  day.tmax           = 25.1;
  day.rhmean         = NAN;
  day.ea             = 2.1;
  day.sunshine_hours = 220.0 / 31;
  PetscCall(GWFAO56ReferenceETDaily(&site, &day, &et0, &tm));
  PetscCall(GWTestAbs(t, "ex10_Ra", tm.Ra, 25.1, 0.05));
  PetscCall(GWTestAbs(t, "ex10_N", tm.N, 10.9, 0.05));
  PetscCall(GWTestAbs(t, "ex10_Rs", tm.Rs, 14.5, 0.05));
  PetscCall(GWTestAbs(t, "ex11_Rso", tm.Rso, 18.8, 0.05));
  PetscCall(GWTestAbs(t, "ex11_Rnl", tm.Rnl, 3.5, 0.05));
  PetscCall(GWTestAbs(t, "ex12_Rns", tm.Rns, 11.1, 0.05));
  PetscCall(ExpectTrue(t, "ex11_path_ea_given", (PetscBool)(tm.ea_method == GW_FAO56_EA_MEASURED)));

  site.wind_height_m = 10;
  day.u              = 3.2;
  PetscCall(GWFAO56ReferenceETDaily(&site, &day, &et0, &tm));
  PetscCall(GWTestAbs(t, "ex14_u2", tm.u2, 2.4, 0.05));
  PetscFunctionReturn(0);
}

/* Missing humidity, radiation and wind (Examples 15 and 20, Lyon) and the other paths, each against
   the formulas written out above */
static PetscErrorCode MissingData(GWTest *t)
{
  const PetscReal lat = 45 + 43.0 / 60, z = 200, tmin = 14.8, tmax = 26.6;
  const PetscInt  J = 196;
  GWFAO56Site     site;
  GWFAO56Daily    day;
  GWFAO56Terms    tm;
  PetscReal       et0 = 0, hg = 0, Ra = RefRa(lat, J), Rs = 0.16 * sqrt(tmax - tmin) * Ra;

  PetscFunctionBeginUser;
  PetscCall(GWFAO56SiteInitialize(&site));
  site.latitude_deg = lat;
  site.elevation_m  = z;
  PetscCall(GWFAO56DailyInitialize(&day));
  day.doy  = J;
  day.tmin = tmin;
  day.tmax = tmax;
  PetscCall(GWFAO56ReferenceETDaily(&site, &day, &et0, &tm));
  PetscCall(GWTestAbs(t, "ex15_Ra", tm.Ra, 40.6, 0.05));
  PetscCall(GWTestAbs(t, "ex15_Rs_hargreaves_radiation", tm.Rs, 22.3, 0.05));
  PetscCall(GWTestAbs(t, "ex20_ea_from_tmin", tm.ea, 1.68, 0.005));
  PetscCall(GWTestAbs(t, "missing_wind_u2_default", tm.u2, 2.0, 0.0));
  PetscCall(ExpectTrue(t, "missing_paths_tmin_hargreaves_default", (PetscBool)(tm.ea_method == GW_FAO56_EA_TMIN && tm.rs_method == GW_FAO56_RS_HARGREAVES && tm.u2_method == GW_FAO56_U2_DEFAULT)));
  PetscCall(GWTestRel(t, "missing_all_ET0_vs_hand", et0, RefET0(lat, z, J, tmin, tmax, RefSatVap(tmin), Rs, 2.0), 1e-10));

  /* coastal k_Rs */
  site.krs = 0.19;
  PetscCall(GWFAO56ReferenceETDaily(&site, &day, &et0, &tm));
  PetscCall(GWTestRel(t, "coastal_krs_Rs_vs_hand", tm.Rs, 0.19 * sqrt(tmax - tmin) * Ra, 1e-12));
  site.krs = 0.16;

  /* dewpoint wins over RH; a given ea wins over the dewpoint; measured Rs wins over sunshine */
  day.tdew           = 11.0;
  day.rhmax          = 90;
  day.rhmin          = 40;
  day.sunshine_hours = 10;
  day.rs             = 25.0;
  day.u              = 1.5;
  PetscCall(GWFAO56ReferenceETDaily(&site, &day, &et0, &tm));
  PetscCall(GWTestRel(t, "dewpoint_ea_vs_hand", tm.ea, RefSatVap(11.0), 1e-12));
  PetscCall(ExpectTrue(t, "dewpoint_and_measured_rs_paths", (PetscBool)(tm.ea_method == GW_FAO56_EA_DEWPOINT && tm.rs_method == GW_FAO56_RS_MEASURED && tm.u2_method == GW_FAO56_U2_MEASURED)));
  PetscCall(GWTestRel(t, "dewpoint_measured_rs_ET0_vs_hand", et0, RefET0(lat, z, J, tmin, tmax, RefSatVap(11.0), 25.0, 1.5), 1e-10));
  day.ea = 1.2;
  PetscCall(GWFAO56ReferenceETDaily(&site, &day, &et0, &tm));
  PetscCall(GWTestAbs(t, "given_ea_wins", tm.ea, 1.2, 0.0));

  /* Hargreaves (eq. 52) */
  PetscCall(GWFAO56HargreavesDaily(&site, J, tmin, tmax, &hg));
  PetscCall(GWTestRel(t, "hargreaves_ET0_vs_hand", hg, 0.0023 * ((tmin + tmax) / 2 + 17.8) * sqrt(tmax - tmin) * 0.408 * Ra, 1e-12));
  PetscFunctionReturn(0);
}

static PetscErrorCode Errors(GWTest *t)
{
  GWFAO56Site   site, hsite;
  GWFAO56Daily  day, bad;
  GWFAO56Hourly hr, hbad;
  PetscReal     et0 = 0;

  PetscFunctionBeginUser;
  PetscCall(GWFAO56SiteInitialize(&site));
  site.latitude_deg = 50.8;
  site.elevation_m  = 100;
  PetscCall(GWFAO56DailyInitialize(&day));
  day.doy                  = 187;
  day.tmin                 = 12.3;
  day.tmax                 = 21.5;
  hsite                    = site;
  hsite.longitude_west_deg = 16.25;
  hsite.lz_west_deg        = 15;
  PetscCall(GWFAO56HourlyInitialize(&hr));
  hr.doy  = 274;
  hr.hour = 14.5;
  hr.t    = 38;
  hr.rh   = 52;
  hr.u    = 3.3;
  hr.rs   = 2.45;

  PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
  bad      = day;
  bad.tmax = 10;
  PetscCall(ExpectError(t, "error_tmax_below_tmin", GWFAO56ReferenceETDaily(&site, &bad, &et0, NULL)));
  bad       = day;
  bad.rhmax = 105;
  PetscCall(ExpectError(t, "error_rhmax_above_100", GWFAO56ReferenceETDaily(&site, &bad, &et0, NULL)));
  bad       = day;
  bad.rhmax = 40;
  bad.rhmin = 60;
  PetscCall(ExpectError(t, "error_rhmin_above_rhmax", GWFAO56ReferenceETDaily(&site, &bad, &et0, NULL)));
  bad      = day;
  bad.tmin = NAN;
  PetscCall(ExpectError(t, "error_tmin_missing", GWFAO56ReferenceETDaily(&site, &bad, &et0, NULL)));
  bad     = day;
  bad.doy = 0;
  PetscCall(ExpectError(t, "error_doy_0", GWFAO56ReferenceETDaily(&site, &bad, &et0, NULL)));
  bad   = day;
  bad.u = -1;
  PetscCall(ExpectError(t, "error_negative_wind", GWFAO56ReferenceETDaily(&site, &bad, &et0, NULL)));
  bad    = day;
  bad.rs = -1;
  PetscCall(ExpectError(t, "error_negative_rs", GWFAO56ReferenceETDaily(&site, &bad, &et0, NULL)));
  bad    = day;
  bad.rs = 250; /* a daily mean in W m-2 */
  PetscCall(ExpectError(t, "error_rs_above_Ra", GWFAO56ReferenceETDaily(&site, &bad, &et0, NULL)));
  bad                = day;
  bad.sunshine_hours = 17;
  PetscCall(ExpectError(t, "error_sunshine_above_N", GWFAO56ReferenceETDaily(&site, &bad, &et0, NULL)));
  bad      = day;
  bad.tdew = 25;
  PetscCall(ExpectError(t, "error_tdew_above_tmax", GWFAO56ReferenceETDaily(&site, &bad, &et0, NULL)));
  {
    GWFAO56Site s  = site;
    s.latitude_deg = 95;
    PetscCall(ExpectError(t, "error_latitude_95", GWFAO56ReferenceETDaily(&s, &day, &et0, NULL)));
    s             = site;
    s.elevation_m = NAN;
    PetscCall(ExpectError(t, "error_elevation_missing", GWFAO56ReferenceETDaily(&s, &day, &et0, NULL)));
    s.latitude_deg = NAN;
    PetscCall(ExpectError(t, "error_hargreaves_latitude_missing", GWFAO56HargreavesDaily(&s, 187, 12.3, 21.5, &et0)));
  }
  PetscCall(ExpectError(t, "error_hargreaves_tmax_below_tmin", GWFAO56HargreavesDaily(&site, 187, 21.5, 12.3, &et0)));
  hbad    = hr;
  hbad.rh = 120;
  PetscCall(ExpectError(t, "error_hourly_rh_above_100", GWFAO56ReferenceETHourly(&hsite, &hbad, &et0, NULL)));
  hbad    = hr;
  hbad.rh = NAN;
  PetscCall(ExpectError(t, "error_hourly_no_humidity", GWFAO56ReferenceETHourly(&hsite, &hbad, &et0, NULL)));
  hbad      = hr;
  hbad.hour = 25;
  PetscCall(ExpectError(t, "error_hourly_hour_25", GWFAO56ReferenceETHourly(&hsite, &hbad, &et0, NULL)));
  PetscCall(ExpectError(t, "error_hourly_longitude_missing", GWFAO56ReferenceETHourly(&site, &hr, &et0, NULL)));
  PetscCall(PetscPopErrorHandler());
  PetscFunctionReturn(0);
}

int main(int argc, char **argv)
{
  GWTest t = {0, 0};
  int    status;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  PetscCall(Example18(&t));
  PetscCall(Example19(&t));
  PetscCall(Chapter3Examples(&t));
  PetscCall(MissingData(&t));
  PetscCall(Errors(&t));
  status = GWTestFinish(&t);
  PetscCall(PetscFinalize());
  return status;
}
