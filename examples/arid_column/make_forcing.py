#!/usr/bin/python3
"""Builds the forcing of the arid_column example from the AZMET Maricopa daily weather record.

    /usr/bin/python3 make_forcing.py [--wth FILE] [--gw-et0 PROGRAM] [--year 2019]

1. Reads the pyfao56 weather file AZMET_Maricopa_daily_ETo.wth (AZMET station Maricopa, Arizona;
   see data/SOURCES.md), takes the rows of one year and writes them unchanged, except for the date
   (Year-DOY -> YYYY-MM-DD) and the column names, to data/azmet_maricopa_YEAR.csv.
2. Runs apps/gw-et0 on that file (FAO-56 Penman-Monteith grass-reference ET0) with the station
   latitude, elevation and anemometer height read from the .wth header (3 m at AZMET).
3. Writes data/forcing.csv: date, rain_mm_d (the station rain), et0_mm_d (from gw-et0).

The station's own ETref column (ASCE short reference) is kept in the weather CSV for comparison
only; it is not used. Standard library only.
"""
import argparse
import csv
import datetime
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_WTH = "/work/shared/data/maricopa_az_cotton_swc/AZMET_Maricopa_daily_ETo.wth"
DEFAULT_ET0 = os.path.join(HERE, "..", "..", "apps", "gw-et0")

# .wth column -> (CSV column named as gw-et0 expects it, unit)
COLUMNS = [("Srad", "rs"), ("Tmax", "tmax"), ("Tmin", "tmin"), ("Tdew", "tdew"), ("RHmax", "rhmax"),
           ("RHmin", "rhmin"), ("Wndsp", "u"), ("Rain", "rain_mm"), ("ETref", "etref_azmet_mm")]


def read_wth(path):
    """Returns (site dict, header list, rows as lists of strings) of a pyfao56 .wth file."""
    site, header, rows = {}, None, []
    with open(path) as f:
        for line in f:
            words = line.split()
            if not words:
                continue
            if header is None:
                text = line.lower()
                if "station elevation" in text:
                    site["elevation"] = float(words[0])
                elif "station latitude" in text:
                    site["latitude"] = float(words[0])
                elif "measurement height" in text:
                    site["wind_height"] = float(words[0])
                elif words[0] == "Year-DOY":
                    header = words
            else:
                rows.append(words)
    if header is None or len(site) != 3:
        sys.exit("make_forcing.py: %s: no Year-DOY header or no elevation/latitude/wind height lines" % path)
    return site, header, rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wth", default=DEFAULT_WTH)
    ap.add_argument("--gw-et0", default=DEFAULT_ET0)
    ap.add_argument("--year", type=int, default=2019)
    a = ap.parse_args()

    site, header, rows = read_wth(a.wth)
    idx = {name: header.index(name) for name, _ in COLUMNS}
    weather = os.path.join(HERE, "data", "azmet_maricopa_%d.csv" % a.year)
    days = []
    with open(weather, "w", newline="") as f:
        f.write("# AZMET Maricopa (lat %.4f N, elev %.1f m, anemometer %.1f m) daily weather, %d;\n"
                % (site["latitude"], site["elevation"], site["wind_height"], a.year))
        f.write("# from pyfao56 tests/test02/AZMET_Maricopa_ETo.wth (see SOURCES.md); units: rs MJ m-2 d-1,\n"
                "# tmax/tmin/tdew deg C, rhmax/rhmin %, u m/s at the anemometer, rain_mm and etref_azmet_mm mm/d\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["date"] + [c for _, c in COLUMNS])
        for r in rows:
            year, doy = (int(v) for v in r[0].split("-"))
            if year != a.year:
                continue
            date = datetime.date(year, 1, 1) + datetime.timedelta(days=doy - 1)
            vals = [r[idx[name]] for name, _ in COLUMNS]
            if any(v.lower() == "nan" for v in vals):
                sys.exit("make_forcing.py: %s: missing value on %s" % (a.wth, r[0]))
            w.writerow([date.isoformat()] + vals)
            days.append((date.isoformat(), float(r[idx["Rain"]])))
    if not days:
        sys.exit("make_forcing.py: no rows of year %d in %s" % (a.year, a.wth))

    out = subprocess.run([a.gw_et0, weather, "-latitude", repr(site["latitude"]), "-elevation", repr(site["elevation"]),
                          "-wind_height", repr(site["wind_height"])], check=True, capture_output=True, text=True).stdout
    et0 = dict(line.split(",") for line in out.split()[1:])
    forcing = os.path.join(HERE, "data", "forcing.csv")
    with open(forcing, "w", newline="") as f:
        f.write("# AZMET Maricopa %d: station rain and FAO-56 ET0 from apps/gw-et0 (-latitude %g -elevation %g -wind_height %g)\n"
                % (a.year, site["latitude"], site["elevation"], site["wind_height"]))
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["date", "rain_mm_d", "et0_mm_d"])
        for date, rain in days:
            w.writerow([date, "%.2f" % rain, et0[date]])
    print("%s: %d days, rain %.1f mm, ET0 %.1f mm" % (forcing, len(days), sum(r for _, r in days),
                                                       sum(float(et0[d]) for d, _ in days)))


if __name__ == "__main__":
    main()
