#!/usr/bin/python3
"""Runs the validation cases of validation/ with gw-run and checks them against their references.

usage: gw-validate.py --build BUILD_DIR --source SOURCE_DIR [--jobs N]

For every case it runs apps/gw-run on the case's scenario file (outputs in BUILD_DIR/validation/out),
computes the metrics of the equivalent C test (lib/tests/test_*.c) from the NetCDF and budget
CSV outputs, and prints one line per check on stdout (the FAO-56 cases run apps/gw-et0 on weather
files instead):

    CASE METRIC VALUE TOLERANCE PASS|FAIL

A check passes when VALUE <= TOLERANCE. Every gw-run run also gets a max_step_mass_balance_rel check (the
largest relative mass-balance error of one step, from PREFIX-budget.csv). It writes
BUILD_DIR/validation/report.md (the table of checks and a paragraph per case) and one PNG per case
in BUILD_DIR/validation/out, and exits with status 1 when any check fails (2 on bad usage).

Needs /usr/bin/python3 with numpy, netCDF4 and matplotlib (Debian packages python3-numpy,
python3-netcdf4, python3-matplotlib)."""
import argparse
import concurrent.futures
import csv
import datetime
import importlib.util
import math
import os
import subprocess
import sys
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the backend)
import netCDF4  # noqa: E402
import numpy as np  # noqa: E402

MASS_BALANCE_TOL = 1e-8  # largest relative mass-balance error of one step, every run

# One run per scenario file: name (the CASE of its check lines), scenario (relative to the source
# folder), reference folder (relative to the source folder). Longest first, so that the slow run
# does not start last.
RUNS = [
    ("strip_ref_0.0625m", "validation/10_gardner_strip/reference_0.0625m.yaml", "validation/10_gardner_strip"),
    ("theis", "validation/01_theis_hantush/scenario.yaml", "validation/01_theis_hantush"),
    ("ob_dx1", "validation/11_ogata_banks/scenario_dx1.yaml", "validation/11_ogata_banks"),
    ("vga_dx1", "validation/11_ogata_banks/scenario_R5_decay_dx1.yaml", "validation/11_ogata_banks"),
    ("ob_dx2", "validation/11_ogata_banks/scenario_dx2.yaml", "validation/11_ogata_banks"),
    ("ob_dx4", "validation/11_ogata_banks/scenario_dx4.yaml", "validation/11_ogata_banks"),
    ("plume_dx0.5", "validation/12_plume2d/scenario_dx05.yaml", "validation/12_plume2d"),
    ("plume_dx1", "validation/12_plume2d/scenario_dx1.yaml", "validation/12_plume2d"),
    ("plume_dx2", "validation/12_plume2d/scenario_dx2.yaml", "validation/12_plume2d"),
    ("vauclin", "examples/vauclin1979/scenario.yaml", "validation/05_vauclin1979"),
    ("celia_B", "validation/04_celia1990/scenario_B.yaml", "validation/04_celia1990"),
    ("sy_wetting", "validation/03_srivastava_yeh/scenario_wetting.yaml", "validation/03_srivastava_yeh"),
    ("sy_drying", "validation/03_srivastava_yeh/scenario_drying.yaml", "validation/03_srivastava_yeh"),
    ("celia_A", "validation/04_celia1990/scenario_A.yaml", "validation/04_celia1990"),
    ("evap_gardner_d25", "validation/06_evaporation/scenario_gardner_d25.yaml", "validation/06_evaporation"),
    ("evap_gardner_d50", "validation/06_evaporation/scenario_gardner_d50.yaml", "validation/06_evaporation"),
    ("evap_gardner_d100", "validation/06_evaporation/scenario_gardner_d100.yaml", "validation/06_evaporation"),
    ("evap_loam_d100", "validation/06_evaporation/scenario_loam_d100.yaml", "validation/06_evaporation"),
    ("phreatic", "validation/08_phreatic/scenario.yaml", "validation/08_phreatic"),
    ("depletion_lambda1", "validation/09_stream_depletion/scenario_lambda1.yaml", "validation/09_stream_depletion"),
    ("depletion_lambda10", "validation/09_stream_depletion/scenario_lambda10.yaml", "validation/09_stream_depletion"),
    ("depletion_lambda100", "validation/09_stream_depletion/scenario_lambda100.yaml", "validation/09_stream_depletion"),
    ("depletion_lambda1000", "validation/09_stream_depletion/scenario_lambda1000.yaml", "validation/09_stream_depletion"),
    ("strip_0.25m", "validation/10_gardner_strip/scenario_0.25m.yaml", "validation/10_gardner_strip"),
    ("strip_0.25m_upstream", "validation/10_gardner_strip/scenario_0.25m_upstream.yaml", "validation/10_gardner_strip"),
    ("strip_0.25m_arithmetic", "validation/10_gardner_strip/scenario_0.25m_arithmetic.yaml", "validation/10_gardner_strip"),
]

# Runs of apps/gw-et0 instead of gw-run: name, weather file (relative to the source folder; a
# pyfao56 .wth file is converted to gw-et0's CSV first), reference folder. The station of a CSV
# file is in ET0_SITES; a .wth file names its own in its header.
ET0_RUNS = [
    ("fao56_ex18", "validation/07_fao56/fao56_example18_brussels.csv", "validation/07_fao56"),
    ("fao56_maricopa", "validation/07_fao56/AZMET_Maricopa_2019_ETo.wth", "validation/07_fao56"),
]
ET0_SITES = {"fao56_ex18": dict(latitude=50.8, elevation=100.0, wind_height=10.0)}  # 50 deg 48' N, 100 m, wind at 10 m


class Check:
    def __init__(self, case, metric, value, tol):
        self.case, self.metric, self.value, self.tol = case, metric, float(value), float(tol)
        self.ok = math.isfinite(self.value) and self.value <= self.tol

    def line(self):
        return "%s %s %.4g %g %s" % (self.case, self.metric, self.value, self.tol, "PASS" if self.ok else "FAIL")


# ---- reading outputs and references ------------------------------------------------------------


def read_table(path):
    """A reference CSV: '#' comment lines, a header, numeric rows. Returns (header, array)."""
    with open(path) as f:
        lines = [l for l in f if l.strip() and not l.startswith("#")]
    header = [h.strip() for h in lines[0].split(",")]
    return header, np.array([[float(v) for v in l.split(",")] for l in lines[1:]])


def read_budget(prefix):
    """PREFIX-budget.csv as {column: array}."""
    with open(prefix + "-budget.csv") as f:
        rows = list(csv.DictReader(f))
    return {k: np.array([float(r[k]) for r in rows]) for k in rows[0] if k != "date"}


def frame(ds, t):
    """Index of the NetCDF output frame at time t [s]."""
    times = ds["time"][:]
    it = int(np.argmin(abs(times - t)))
    if abs(times[it] - t) > 1e-6 * max(t, 1.0):
        raise RuntimeError("%s has no output at t = %g s; add it to output.times" % (ds.filepath(), t))
    return it


def mass_balance_check(case, budget):
    return Check(case, "max_step_mass_balance_rel", np.max(np.abs(budget["mass_balance_rel"])), MASS_BALANCE_TOL)


# ---- Theis (1935) ------------------------------------------------------------------------------

THEIS = dict(Q=0.01, H0=20.0, times=(3600.0, 86400.0, 864000.0), radii=(10.0, 50.0, 100.0), rtol=0.02, vol_rtol=1e-10,
             ref="theis_drawdown_Q0.01_T1e-3_S1e-4.csv")


def check_theis(out, run, refdir, source, ax):
    header, ref = read_table(os.path.join(refdir, THEIS["ref"]))
    checks, budget = [], read_budget(out[run])
    with netCDF4.Dataset(out[run] + ".nc") as ds:
        x = ds["x"][:]
        iw = len(x) // 2  # the well cell, in the middle of the symmetric grid
        for c, t in enumerate(THEIS["times"]):
            col = header.index("t=%ds" % t)
            H = ds["hydraulic_head"][frame(ds, t), 0, iw, :]
            east = x > x[iw]
            ax.plot(x[east] - x[iw], THEIS["H0"] - H[east], "-", color="C%d" % c, lw=1.2, label="libgw, t = %g s" % t)
            ax.plot(ref[:, 0], ref[:, col], "o", color="C%d" % c, mfc="none", label="Theis, t = %g s" % t)
            for r in THEIS["radii"]:
                s = THEIS["H0"] - np.interp(x[iw] + r, x, H)  # linear between the centres of the well row
                sref = ref[ref[:, 0] == r, col][0]
                checks.append(Check(run, "drawdown_r%gm_t%gs_relerr" % (r, t), abs(s - sref) / sref, THEIS["rtol"]))
            k = int(np.argmin(abs(budget["time_s"] - t)))
            pumped = budget["cum_well_out_m3"][k]
            checks.append(Check(run, "pumped_volume_t%gs_relerr" % t, abs(pumped - THEIS["Q"] * t) / (THEIS["Q"] * t), THEIS["vol_rtol"]))
    checks.append(mass_balance_check(run, budget))
    ax.set_xscale("log")
    ax.set_xlim(1, 1e4)
    ax.set_xlabel("distance from the well r [m]")
    ax.set_ylabel("drawdown [m]")
    ax.set_title("Theis (1935): drawdown east of the well")
    ax.legend(fontsize=8, ncol=2)
    ax.grid(alpha=0.3, which="both")
    return checks


# ---- Srivastava and Yeh (1991) -----------------------------------------------------------------

SY = {
    "sy_wetting": dict(ref="SY1991_homog_wetting_qA0.1_qB0.9_psi_cm.csv", title="wetting, q 0.1 -> 0.9 cm/h"),
    "sy_drying": dict(ref="SY1991_homog_drying_qA0.9_qB0.1_psi_cm.csv", title="drying, q 0.9 -> 0.1 cm/h"),
}
SY_RANGE_FRACTION = 0.01  # tolerance: 1% of the largest |psi| of the reference table


def column_profile(ds, it):
    """Depth of the cell centres below the top [cm] and pressure head [cm] of a 1D column."""
    depth = 100.0 * (ds["top"][0, 0] - ds["z"][:, 0, 0])
    return depth, 100.0 * ds["pressure_head"][it, :, 0, 0]


def interp_extrapolate(d, h, x):
    """Linear in the bracketing pair of centres, extrapolating the end pair beyond the end centres
    (as lib/tests/test_flow_srivastava_yeh.c does)."""
    k = np.clip(np.searchsorted(d, x) - 1, 0, len(d) - 2)
    return h[k] + (x - d[k]) * (h[k + 1] - h[k]) / (d[k + 1] - d[k])


def check_sy(out, run, refdir, source, ax):
    header, ref = read_table(os.path.join(refdir, SY[run]["ref"]))
    tol = SY_RANGE_FRACTION * np.max(np.abs(ref[:, 1:]))
    checks = []
    with netCDF4.Dataset(out[run] + ".nc") as ds:
        L = 100.0 * (ds["top"][0, 0] - ds["bottom"][-1, 0, 0])  # column height [cm]; z of the table is above its bottom
        for c in range(1, len(header)):
            hours = float(header[c][2:-1])  # "t=5h"
            ax.plot(ref[:, c], ref[:, 0], "o", color="C%d" % (c - 1), mfc="none", ms=4, label="t = 0 (initial)" if hours == 0 else None)
            if hours == 0:
                continue  # the initial state, given
            depth, psi = column_profile(ds, frame(ds, hours * 3600.0))
            ax.plot(psi, L - depth, "-", color="C%d" % (c - 1), lw=1, label="t = %g h" % hours)
            inside = ref[:, 0] > 0  # psi = 0 at z = 0 by the boundary condition
            err = np.abs(interp_extrapolate(depth, psi, L - ref[inside, 0]) - ref[inside, c])
            checks.append(Check(run, "psi_t%gh_max_abs_error_cm" % hours, np.max(err), tol))
    checks.append(mass_balance_check(run, read_budget(out[run])))
    ax.set_xlabel("pressure head [cm]")
    ax.set_ylabel("height above the water table [cm]")
    ax.set_title("Srivastava & Yeh (1991), %s" % SY[run]["title"], fontsize=10)
    ax.legend(fontsize=7, title="libgw (lines), analytic (circles)", title_fontsize=7)
    ax.grid(alpha=0.3)
    return checks


# ---- Celia et al. (1990) -----------------------------------------------------------------------

# h0, htop, hbot: initial and boundary pressure heads of the scenario [cm]; band: half-width of the
# band around the reference front left out of the profile check [cm]; gain: stored-water gain at
# the last time from SOURCES.md [cm].
CELIA = {
    "celia_A": dict(ref="celiaA_haverkamp_sand_h_cm.csv", times=(120.0, 240.0, 360.0), unit=("s", 1.0), h0=-61.5, htop=-20.7,
                    hbot=-61.5, band=3.0, gain=2.368, title="A: Haverkamp sand"),
    "celia_B": dict(ref="celiaB_vg_soil_h_cm.csv", times=(6 * 3600.0, 12 * 3600.0, 24 * 3600.0), unit=("h", 3600.0), h0=-1000.0,
                    htop=-75.0, hbot=-1000.0, band=5.0, gain=4.113, title="B: van Genuchten soil"),
}
CELIA_PSI_TOL, CELIA_FRONT_TOL, CELIA_GAIN_RTOL = 2.0, 1.0, 5e-3


def front_depth(d, h, hmid):
    """Depth where the profile first crosses hmid going down, linear between samples."""
    for i in range(len(d) - 1):
        if (h[i] - hmid) * (h[i + 1] - hmid) <= 0 and h[i] != h[i + 1]:
            return d[i] + (hmid - h[i]) * (d[i + 1] - d[i]) / (h[i + 1] - h[i])
    return float("nan")


def check_celia(out, run, refdir, source, ax):
    p = CELIA[run]
    header, ref = read_table(os.path.join(refdir, p["ref"]))
    dr, hmid, checks = ref[:, 0], 0.5 * (p["h0"] + p["htop"]), []
    budget = read_budget(out[run])
    with netCDF4.Dataset(out[run] + ".nc") as ds:
        L = 100.0 * (ds["top"][0, 0] - ds["bottom"][-1, 0, 0])
        area = float(np.sum(ds["cell_volume"][0]) / (ds["top"][0, 0] - ds["bottom"][0, 0, 0]))  # [m^2]
        for c, t in enumerate(p["times"]):
            when = "t%g%s" % (t / p["unit"][1], p["unit"][0])
            depth, psi = column_profile(ds, frame(ds, t))
            dm = np.concatenate(([0.0], depth, [L]))  # the boundary values at the faces, then the centres
            hm = np.concatenate(([p["htop"]], psi, [p["hbot"]]))
            hs, hr = np.interp(dr, dm, hm), ref[:, c + 1]
            fref, fmod = front_depth(dr, hr, hmid), front_depth(dr, hs, hmid)
            away = (dr > 0) & (np.abs(dr - fref) > p["band"])
            checks.append(Check(run, "psi_%s_max_abs_error_cm" % when, np.max(np.abs(hs - hr)[away]), CELIA_PSI_TOL))
            checks.append(Check(run, "front_depth_%s_abs_error_cm" % when, abs(fmod - fref), CELIA_FRONT_TOL))
            ax.plot(hr, dr, "o", color="C%d" % c, mfc="none", ms=4, label="reference, %s" % when[1:])
            ax.plot(hm, dm, "-", color="C%d" % c, lw=1, label="libgw, %s" % when[1:])
    gain = 100.0 * budget["cum_storage_change_m3"][-1] / area  # [cm of water]
    checks.append(Check(run, "storage_gain_t%g%s_relerr" % (p["times"][-1] / p["unit"][1], p["unit"][0]), abs(gain - p["gain"]) / p["gain"],
                        CELIA_GAIN_RTOL))
    checks.append(mass_balance_check(run, budget))
    ax.invert_yaxis()
    ax.set_xlabel("pressure head [cm]")
    ax.set_ylabel("depth [cm]")
    ax.set_title("Celia et al. (1990) %s" % p["title"], fontsize=10)
    ax.legend(fontsize=7)
    ax.grid(alpha=0.3)
    return checks


# ---- Vauclin et al. (1979) ---------------------------------------------------------------------

VAUCLIN_RMS_TOL = 5.0  # [cm]


def load_plot_vauclin(source):
    """share/plot-vauclin.py, whose water-table extraction and comparison `make example` uses too."""
    spec = importlib.util.spec_from_file_location("plot_vauclin", os.path.join(source, "share", "plot-vauclin.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def check_vauclin(out, run, refdir, source, ax):
    pv = load_plot_vauclin(source)
    sim, pts, rms, n = pv.compare(out[run] + ".nc", refdir)
    checks = [Check(run, "water_table_rms_error_cm", 100.0 * rms, VAUCLIN_RMS_TOL), mass_balance_check(run, read_budget(out[run]))]
    for c, hr in enumerate(pv.HOURS):
        ax.plot(100 * sim[hr][0], 100 * sim[hr][1], "-", color="C%d" % c, label="libgw %g h" % hr)
        m = np.array([(xm, hm) for h, xm, hm in pts if h == hr])
        ax.plot(100 * m[:, 0], 100 * m[:, 1], "o", color="C%d" % c, mfc="none", label="measured %g h" % hr)
    ax.set_xlabel("distance from the centre of the box x [cm]")
    ax.set_ylabel("water-table height above the bottom [cm]")
    ax.set_title("Vauclin et al. (1979): water table, RMS difference %.1f cm over %d points" % (100 * rms, n), fontsize=10)
    ax.legend(ncol=2, fontsize=8)
    ax.grid(alpha=0.3)
    return checks


# The checks of each run: f(out, run, refdir, source, ax) -> [Check], drawing on ax.
CHECKERS = {"theis": check_theis, "sy_wetting": check_sy, "sy_drying": check_sy, "celia_A": check_celia, "celia_B": check_celia,
            "vauclin": check_vauclin}

# ---- steady evaporation from a water table (Gardner 1958; Vanderborght et al. 2005) ----------------

# ref: reference table, row: the values that pick its row, col: its column [cm/d]
EVAP = {
    "evap_gardner_d25": dict(ref="steady_evap_exponential.csv", row={"d_cm": 25}, col="E_hs=-1000cm", title="Gardner soil, d = 25 cm"),
    "evap_gardner_d50": dict(ref="steady_evap_exponential.csv", row={"d_cm": 50}, col="E_hs=-1000cm", title="Gardner soil, d = 50 cm"),
    "evap_gardner_d100": dict(ref="steady_evap_exponential.csv", row={"d_cm": 100}, col="E_hs=-1000cm", title="Gardner soil, d = 100 cm"),
    "evap_loam_d100": dict(ref="steady_evap_vanGenuchten_soils.csv", row={"soil": "loam", "d_cm": 100}, col="E_hs=-1e4cm",
                           title="van Genuchten loam, d = 100 cm"),
}
EVAP_RTOL, EVAP_STEADY_RTOL = 0.02, 1e-3
CM_PER_D = 0.01 / 86400.0  # [m/s]


def read_rows(path):
    """A reference CSV with text columns: '#' comment lines, a header; rows as dicts of strings."""
    with open(path) as f:
        return list(csv.DictReader(l for l in f if l.strip() and not l.startswith("#")))


def reference_value(path, row, col):
    """The value in column col of the one row whose columns match row (numbers compared as numbers)."""
    match = [r for r in read_rows(path)
             if all((float(r[k]) == v) if isinstance(v, (int, float)) else (r[k].strip() == v) for k, v in row.items())]
    if len(match) != 1:
        raise ValueError("%s: %d rows match %s" % (path, len(match), row))
    return float(match[0][col])


def plan_area(prefix):
    """Plan area of the model [m^2], from the cell volumes of the top layer in PREFIX.nc."""
    with netCDF4.Dataset(prefix + ".nc") as ds:
        return float(np.sum(ds["cell_volume"][0] / (ds["top"][:] - ds["bottom"][0])))


def check_evap(out, run, refdir, source, ax):
    p = EVAP[run]
    ref = reference_value(os.path.join(refdir, p["ref"]), p["row"], p["col"])
    budget, area = read_budget(out[run]), plan_area(out[run])
    scale = budget["dt_s"] * area * CM_PER_D
    E = (budget["surface_out_m3"] - budget["surface_in_m3"]) / scale  # evaporation over each step [cm/d]
    Ewt = (budget["water table_in_m3"] - budget["water table_out_m3"]) / scale  # inflow at the water table
    checks = [Check(run, "steady_evaporation_relerr", abs(E[-1] - ref) / ref, EVAP_RTOL),
              Check(run, "water_table_inflow_vs_evaporation_relerr", abs(Ewt[-1] - E[-1]) / E[-1], EVAP_STEADY_RTOL),
              mass_balance_check(run, budget)]
    days = budget["time_s"] / 86400.0
    ax.loglog(days, E, "-", lw=1.2, label="libgw: evaporation at the surface")
    ax.loglog(days, np.maximum(Ewt, 1e-12), "--", lw=1, label="libgw: inflow at the water table")
    ax.axhline(ref, color="k", lw=0.8, ls=":", label="steady reference %.4g cm/d" % ref)
    ax.set_ylim(0.2 * ref, 30)
    ax.set_xlabel("time [d]")
    ax.set_ylabel("flux over the step [cm/d]")
    ax.set_title("%s: %.4g cm/d (%+.2f%%)" % (p["title"], E[-1], 100 * (E[-1] - ref) / ref), fontsize=10)
    ax.legend(fontsize=7)
    ax.grid(alpha=0.3, which="both")
    return checks


# ---- FAO-56 reference evapotranspiration (Allen et al. 1998) ---------------------------------------

FAO56_EX18 = dict(et0=3.9, tol=0.1)  # FAO-56 Example 18, ET0 [mm/d], its rounding
MARICOPA = dict(total_rtol=0.05, bias_tol=0.05, rmse_tol=0.05)  # annual total [-], mean bias and RMSE [mm/d]


def read_wth(path):
    """A pyfao56 weather file: the station (elevation, latitude, wind height) from its header and
    the daily rows as dicts keyed by the column header (Year-DOY, Srad, Tmax, ...)."""
    site, rows, header = {}, [], None
    keys = {"Weather station elevation": "elevation", "Weather station latitude": "latitude", "Wind speed measurement height": "wind_height"}
    with open(path) as f:
        for line in f:
            for text, key in keys.items():
                if text in line:
                    site[key] = float(line.split()[0])
            if line.startswith("Year-DOY"):
                header = line.split()
            elif header and line.strip():
                rows.append(dict(zip(header, line.split())))
    if len(site) != 3 or not rows:
        raise ValueError("%s: not a pyfao56 weather file (station header or daily rows missing)" % path)
    return site, rows


def run_et0(gwet0, source, outdir, name, weather):
    """Runs gw-et0 on a weather file, writing PREFIX.csv (date,et0_mm_d); a .wth file is first
    written as PREFIX-weather.csv (date, rs, tmax, tmin, tdew, u and the station's etref, the
    dewpoint being FAO-56's first choice for the vapour pressure). Returns (name, None) or
    (name, reason of the failure)."""
    prefix, path = os.path.join(outdir, name), os.path.join(source, weather)
    try:
        if path.endswith(".wth"):
            site, rows = read_wth(path)
            path = prefix + "-weather.csv"
            with open(path, "w") as f:
                f.write("date,rs,tmax,tmin,tdew,u,etref\n")
                for r in rows:
                    year, doy = (int(v) for v in r["Year-DOY"].split("-"))
                    date = datetime.date(year, 1, 1) + datetime.timedelta(days=doy - 1)
                    f.write(",".join([date.isoformat()] + [r[k] for k in ("Srad", "Tmax", "Tmin", "Tdew", "Wndsp", "ETref")]) + "\n")
        else:
            site = ET0_SITES[name]
    except (OSError, ValueError, KeyError) as e:
        return name, "cannot prepare the weather file: %s" % e
    if not os.access(gwet0, os.X_OK):
        return name, "%s not found; build first (make)" % gwet0
    args = [gwet0, path]
    for key in ("latitude", "elevation", "wind_height"):
        args += ["-" + key, repr(site[key])]
    with open(prefix + ".csv", "w") as res, open(prefix + ".log", "w") as log:
        log.write(" ".join(args) + "\n")
        log.flush()
        rc = subprocess.call(args, stdout=res, stderr=log)
    return name, ("gw-et0 exited with status %d (see %s.log)" % (rc, prefix) if rc else None)


def read_et0(prefix):
    """PREFIX.csv of gw-et0: dates and ET0 [mm/d]."""
    rows = read_rows(prefix + ".csv")
    return [r["date"] for r in rows], np.array([float(r["et0_mm_d"]) for r in rows])


def check_fao56_ex18(out, run, refdir, source, ax):
    _, et0 = read_et0(out[run])
    ax.bar([0, 1], [FAO56_EX18["et0"], et0[0]], color=["0.6", "C0"], width=0.5)
    ax.errorbar([0], [FAO56_EX18["et0"]], yerr=[FAO56_EX18["tol"]], color="k", capsize=6)
    ax.set_xticks([0, 1], ["FAO-56 Example 18\n(3.9 ± 0.1)", "gw-et0\n(%.3f)" % et0[0]])
    ax.set_ylabel("ET0 [mm/d]")
    ax.set_title("FAO-56 Example 18: Uccle (Brussels), 6 July", fontsize=10)
    return [Check(run, "et0_abs_error_mm_per_d", abs(et0[0] - FAO56_EX18["et0"]), FAO56_EX18["tol"])]


def check_fao56_maricopa(out, run, refdir, source, ax):
    dates, et0 = read_et0(out[run])
    rows = read_rows(out[run] + "-weather.csv")
    if [r["date"] for r in rows] != dates:
        raise ValueError("%s.csv does not have one ET0 per day of the weather file" % out[run])
    ref = np.array([float(r["etref"]) for r in rows])
    d = et0 - ref
    bias, rmse, total = float(np.mean(d)), float(np.sqrt(np.mean(d * d))), abs(et0.sum() - ref.sum()) / ref.sum()
    lim = [0, 1.05 * max(et0.max(), ref.max())]
    ax.plot(lim, lim, "k-", lw=0.8)
    ax.plot(ref, et0, "o", ms=3, mfc="none")
    ax.set_xlim(lim)
    ax.set_ylim(lim)
    ax.set_xlabel("AZMET ETref, ASCE short reference [mm/d]")
    ax.set_ylabel("gw-et0 FAO-56 ET0 [mm/d]")
    ax.set_title("Maricopa AZ %s: %d days, bias %+.3f, RMSE %.3f mm/d,\nannual %.0f vs %.0f mm" % (dates[0][:4], len(d), bias, rmse, et0.sum(),
                 ref.sum()), fontsize=10)
    ax.grid(alpha=0.3)
    return [Check(run, "annual_total_relerr", total, MARICOPA["total_rtol"]),
            Check(run, "mean_bias_abs_mm_per_d", abs(bias), MARICOPA["bias_tol"]),
            Check(run, "rmse_mm_per_d", rmse, MARICOPA["rmse_tol"])]


# ---- phreatic evaporation from a closed column --------------------------------------------------

# as in validation/08_phreatic/scenario.yaml: E0 [m/s], extinction depth [m], van Genuchten alpha
# [1/m], n, theta_r, theta_s, initial water-table depth [m]
PHREATIC = dict(E0=5e-3 / 86400.0, dext=2.0, alpha=10.0, n=5.0, thr=0.05, ths=0.35, d0=0.5, days=(10, 30, 60), rtol=0.02, vol_rtol=1e-8)


def phreatic_rate(d, p):
    """dd/dt = E(d) / Sy(d): linear law, Sy = theta_s - theta(-d) of a hydrostatic profile."""
    E = p["E0"] if d <= 0 else 0.0 if d >= p["dext"] else p["E0"] * (1 - d / p["dext"])
    Se = (1 + (p["alpha"] * d) ** p["n"]) ** (1 / p["n"] - 1)
    return E / ((p["ths"] - p["thr"]) * (1 - Se))


def phreatic_reference(times, p):
    """Water-table depth [m] at the given times [s] by RK4 with 10-minute steps."""
    d, t, res = p["d0"], 0.0, []
    for tend in times:
        while t < tend - 1e-9:
            h = min(600.0, tend - t)
            k1 = phreatic_rate(d, p)
            k2 = phreatic_rate(d + 0.5 * h * k1, p)
            k3 = phreatic_rate(d + 0.5 * h * k2, p)
            k4 = phreatic_rate(d + h * k3, p)
            d += h * (k1 + 2 * k2 + 2 * k3 + k4) / 6
            t += h
        res.append(d)
    return np.array(res)


def water_table(psi, z, zbottom):
    """Elevation where psi crosses 0 above the saturated zone at the bottom of a column, linear
    between the cell centres that bracket it (the bottom of the column when its lowest cell is
    unsaturated)."""
    k = len(psi) - 1
    if psi[k] < 0:
        return zbottom
    while k > 0 and psi[k - 1] >= 0:
        k -= 1
    if k == 0:
        return z[0] + psi[0]
    return z[k] + psi[k] / (psi[k] - psi[k - 1]) * (z[k - 1] - z[k])


def check_phreatic(out, run, refdir, source, ax):
    p, checks = PHREATIC, []
    budget = read_budget(out[run])
    with netCDF4.Dataset(out[run] + ".nc") as ds:
        top, z, zb = float(ds["top"][0, 0]), ds["z"][:, 0, 0], float(ds["bottom"][-1, 0, 0])
        times = np.array(ds["time"][:])
        depth = np.array([top - water_table(ds["pressure_head"][it, :, 0, 0], z, zb) for it in range(len(times))])
        for day in p["days"]:
            dmod = top - water_table(ds["pressure_head"][frame(ds, day * 86400.0), :, 0, 0], z, zb)
            dref = phreatic_reference([day * 86400.0], p)[0]
            checks.append(Check(run, "water_table_decline_t%gd_relerr" % day, abs((dmod - p["d0"]) - (dref - p["d0"])) / (dref - p["d0"]), p["rtol"]))
    evaporated = budget["cum_phreatic evaporation_out_m3"][-1] - budget["cum_phreatic evaporation_in_m3"][-1]
    lost = -budget["cum_storage_change_m3"][-1]
    checks.append(Check(run, "evaporated_volume_vs_storage_loss_relerr", abs(evaporated - lost) / lost, p["vol_rtol"]))
    checks.append(mass_balance_check(run, budget))
    tref = np.linspace(0, times[-1], 121)
    ax.plot(tref / 86400.0, phreatic_reference(tref, p), "k-", lw=1, label="RK4: dd/dt = E(d) / Sy(d)")
    ax.plot(times / 86400.0, depth, "o", mfc="none", label="libgw (ψ = 0, linear between cell centres)")
    ax.invert_yaxis()
    ax.set_xlabel("time [d]")
    ax.set_ylabel("water-table depth below the surface [m]")
    ax.set_title("Phreatic evaporation, linear law, E0 = 5 mm/d, d_ext = 2 m", fontsize=10)
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
    return checks


CHECKERS.update({"evap_gardner_d25": check_evap, "evap_gardner_d50": check_evap, "evap_gardner_d100": check_evap, "evap_loam_d100": check_evap,
                 "fao56_ex18": check_fao56_ex18, "fao56_maricopa": check_fao56_maricopa, "phreatic": check_phreatic})

# ---- stream depletion (Glover and Balmer 1954; Hunt 1999) ---------------------------------------

DEPLETION = dict(Qw=1.0, days=(5, 10, 30, 100, 365), rtol=0.03, ref="stream_depletion_fraction.csv")


def depletion_fractions(prefix, days, Qw):
    """Qs/Qw at the given days: the stream package's net inflow over the step ending there, per
    second (backward Euler: the step's mean rate is the rate at its end), over the well rate."""
    b = read_budget(prefix)
    out = []
    for day in days:
        i = int(np.argmin(abs(b["time_s"] - day * 86400.0)))
        if abs(b["time_s"][i] - day * 86400.0) > 1e-6 * day * 86400.0:
            raise RuntimeError("%s-budget.csv has no step ending at %g d" % (prefix, day))
        out.append((b["stream_in_m3"][i] - b["stream_out_m3"][i]) / b["dt_s"][i] / (Qw / 86400.0))
    return np.array(out)


def check_depletion(out, run, refdir, source, ax):
    p, checks = DEPLETION, []
    lam = int(run.replace("depletion_lambda", ""))
    header, table = read_table(os.path.join(source, refdir, p["ref"]))
    col = header.index("Hunt_lam=%d" % lam)
    frac = depletion_fractions(out[run], p["days"], p["Qw"])
    for k, day in enumerate(p["days"]):
        ref = table[list(table[:, 0]).index(day), col]
        checks.append(Check(run, "depletion_fraction_t%dd_relerr_vs_hunt" % day, abs(frac[k] - ref) / ref, p["rtol"]))
        if lam == 1000:
            ref = table[list(table[:, 0]).index(day), header.index("Glover_Balmer")]
            checks.append(Check(run, "depletion_fraction_t%dd_relerr_vs_glover" % day, abs(frac[k] - ref) / ref, p["rtol"]))
    checks.append(mass_balance_check(run, read_budget(out[run])))
    ax.plot(table[:, 0], table[:, col], "-", lw=1, label="Hunt (1999), λ = %d m/d" % lam)
    ax.plot(p["days"], frac, "o", mfc="none", label="libgw, λ = %d m/d" % lam)
    if lam == 1000:
        ax.plot(table[:, 0], table[:, header.index("Glover_Balmer")], "k--", lw=1, label="Glover and Balmer (1954)")
    ax.set_xscale("log")
    ax.set_xlabel("time [d]")
    ax.set_ylabel("depletion fraction Qs/Qw [-]")
    ax.set_title("Stream depletion, T = 500 m²/d, S = 0.1, L = 200 m", fontsize=10)
    ax.legend(fontsize=7)
    ax.grid(alpha=0.3)
    return checks


CHECKERS.update({"depletion_lambda1": check_depletion, "depletion_lambda10": check_depletion, "depletion_lambda100": check_depletion,
                 "depletion_lambda1000": check_depletion})

# ---- 2D self-convergence: Gardner strip ------------------------------------------------------------

STRIP = dict(ref="strip_ref_0.0625m", days=(1, 2, 5, 10), rtol=0.01)


def coarse_from_fine(fine, r):
    """Mean of the 2 x 2 fine cells around each coarse centre (fine refined r times, r even): second
    order, like the schemes compared. fine is (layer, x); the result is (layer / r, x / r)."""
    a, b = r // 2 - 1, r // 2
    return 0.25 * (fine[a::r, a::r] + fine[a::r, b::r] + fine[b::r, a::r] + fine[b::r, b::r])


def strip_errors(coarse, fine, days):
    """Largest |psi_coarse - psi_fine| [m] and the fine run's pressure-head range [m] at each day."""
    out = []
    with netCDF4.Dataset(coarse + ".nc") as c, netCDF4.Dataset(fine + ".nc") as f:
        for day in days:
            pc = np.asarray(c["pressure_head"][frame(c, day * 86400.0)], float)[:, 0, :]
            pf = np.asarray(f["pressure_head"][frame(f, day * 86400.0)], float)[:, 0, :]
            ref = coarse_from_fine(pf, pf.shape[1] // pc.shape[1])
            out.append((float(np.max(np.abs(pc - ref))), float(pf.max() - pf.min())))
    return out


def check_strip(out, run, refdir, source, ax):
    p, checks = STRIP, []
    if run == p["ref"]:
        with netCDF4.Dataset(out[run] + ".nc") as ds:
            x, z = np.asarray(ds["x"][:], float), np.asarray(ds["z"][:], float)[:, 0, 0]
            psi = np.asarray(ds["pressure_head"][frame(ds, p["days"][-1] * 86400.0)], float)[:, 0, :]
        pc = ax.pcolormesh(x, z, psi, shading="nearest", cmap="viridis")
        ax.contour(x, z, psi, levels=np.arange(-14, 0.1, 1.0), colors="w", linewidths=0.5)
        fig = ax.get_figure()
        fig.colorbar(pc, ax=ax, label="pressure head [m]")
        ax.set_xlabel("x from the strip's centre [m]")
        ax.set_ylabel("z [m]")
        ax.set_title("4x refined run (0.0625 m cells) at %d d" % p["days"][-1], fontsize=10)
        return [mass_balance_check(run, read_budget(out[run]))]
    errs = strip_errors(out[run], out[p["ref"]], p["days"])
    if run == "strip_0.25m":
        for day, (e, rng) in zip(p["days"], errs):
            checks.append(Check(run, "max_psi_diff_vs_4x_refined_t%dd_rel_range" % day, e / rng, p["rtol"]))
    else:  # the other face weightings are shown for comparison, not checked
        print("%s: largest difference from the 4x refined run, of the pressure-head range: %s" % (
            run, ", ".join("%.3g%% at %d d" % (100 * e / rng, d) for d, (e, rng) in zip(p["days"], errs))), file=sys.stderr)
    checks.append(mass_balance_check(run, read_budget(out[run])))
    label = {"strip_0.25m": "integrated (default)", "strip_0.25m_upstream": "upstream", "strip_0.25m_arithmetic": "arithmetic"}[run]
    ax.plot(p["days"], [100 * e / rng for e, rng in errs], "o-", label=label)
    if run == "strip_0.25m":
        ax.axhline(100 * p["rtol"], color="k", lw=1, ls="--", label="tolerance (default)")
    ax.set_xlabel("time [d]")
    ax.set_ylabel("max |ψ(0.25 m) − ψ(0.0625 m)| / head range [%]")
    ax.set_title("Gardner strip: 0.25 m cells against 4x refined", fontsize=10)
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
    return checks


# ---- Ogata-Banks and van Genuchten-Alves: 1D advection-dispersion (solute transport) ------------

ADE = dict(v=0.24 / 86400.0, alphaL=10.0, t=2000 * 86400.0, lam=0.002 / 86400.0, R=5.0, solute_rtol=1e-10,
           tol={"ob_dx4": 0.04, "ob_dx2": 0.02, "ob_dx1": 0.01, "vga_dx1": 0.01}, order=(0.8, 1.2),
           tables=("lib/tests/data/ade_first_type_inlet_mt3dms_p01_t2000d.csv", "lib/tests/data/ade_third_type_inlet_mt3dms_p01_t2000d.csv"))


def ade_analytic(x, first_type, R=1.0, lam=0.0):
    """van Genuchten and Alves (1982) for R c_t = D c_xx - v c_x - mu c, mu = lam R (decay of both
    phases), c(x, 0) = 0, first-type (c = 1) or third-type (v c - D c_x = v) inlet at x = 0; with
    mu = 0 Ogata and Banks (1961) and Lindstrom et al. (1967)."""
    v, t = ADE["v"], ADE["t"]
    D, mu = ADE["alphaL"] * v, lam * R
    u, s = v * math.sqrt(1 + 4 * mu * D / v ** 2), 2 * math.sqrt(D * R * t)
    out = []
    for xi in x:
        if first_type:
            c = 0.5 * math.exp((v - u) * xi / (2 * D)) * math.erfc((R * xi - u * t) / s) + 0.5 * math.exp((v + u) * xi / (2 * D)) * math.erfc((R * xi + u * t) / s)
        elif mu == 0:
            c = (0.5 * math.erfc((R * xi - v * t) / s) + math.sqrt(v * v * t / (math.pi * D * R)) * math.exp(-(R * xi - v * t) ** 2 / (4 * D * R * t))
                 - 0.5 * (1 + v * xi / D + v * v * t / (D * R)) * math.exp(v * xi / D) * math.erfc((R * xi + v * t) / s))
        else:
            c = (v / (v + u) * math.exp((v - u) * xi / (2 * D)) * math.erfc((R * xi - u * t) / s) + v / (v - u) * math.exp((v + u) * xi / (2 * D)) * math.erfc((R * xi + u * t) / s)
                 + v * v / (2 * mu * D) * math.exp(v * xi / D - mu * t / R) * math.erfc((R * xi + v * t) / s))
        out.append(c)
    return np.array(out)


def ade_error(prefix, first_type, R, lam):
    """Largest |c - c_analytic| over the cell centres at the last record, with x and c."""
    with netCDF4.Dataset(prefix + ".nc") as ds:
        x, c = np.array(ds["x"][:]), np.array(ds["concentration_tracer"][-1, 0, 0, :])
        if abs(ds["time"][-1] - ADE["t"]) > 1e-6 * ADE["t"]:
            raise RuntimeError("%s.nc does not end at t = 2000 d" % prefix)
    return float(np.max(np.abs(c - ade_analytic(x, first_type, R, lam)))), x, c


def check_ade(out, run, refdir, source, ax):
    first = run.startswith("ob_")
    R, lam = (1.0, 0.0) if first else (ADE["R"], ADE["lam"])
    checks = []
    # the closed form evaluated here against the independent reference table
    header, table = read_table(os.path.join(source, ADE["tables"][0 if first else 1]))
    col = header.index("p01b_alpha10_R1" if first else "p01d_alpha10_R5_lam0.002")
    checks.append(Check(run, "closed_form_vs_reference_table_max_abs", np.max(np.abs(ade_analytic(table[:, 0], first, R, lam) - table[:, col])), 1e-7))
    err, x, c = ade_error(out[run], first, R, lam)
    checks.append(Check(run, "max_abs_error_over_c0", err, ADE["tol"][run]))
    with open(out[run] + "-solute-budget.csv") as f:
        rows = list(csv.DictReader(f))
    checks.append(Check(run, "max_step_solute_mass_balance_rel", max(abs(float(r["tracer_mass_balance_rel"])) for r in rows), ADE["solute_rtol"]))
    checks.append(mass_balance_check(run, read_budget(out[run])))
    if run == "ob_dx1":  # the order of the refinement study dx = 4, 2, 1 m (dt in proportion)
        e = [ade_error(out[r], True, 1.0, 0.0)[0] for r in ("ob_dx4", "ob_dx2", "ob_dx1")]
        p = [math.log(e[0] / e[1], 2), math.log(e[1] / e[2], 2)]
        lo, hi = ADE["order"]
        for k, name in enumerate(("4_2", "2_1")):
            checks.append(Check(run, "observed_order_dx%s_distance_from_1" % name, abs(p[k] - 1.0), max(1 - lo, hi - 1)))
    xs = np.linspace(0, 1000, 401)
    ax.plot(xs, ade_analytic(xs, first, R, lam), "k-", lw=1, label="closed form")
    ax.plot(x, c, "--", lw=1.2, label="libgw, %s (max error %.2g)" % (run, err))
    ax.plot(table[:, 0], table[:, col], "o", mfc="none", ms=4, label="reference table")
    ax.set_xlabel("x [m]")
    ax.set_ylabel("c / c0 at t = 2000 d")
    ax.set_xlim(0, 1000 if first else 300)
    ax.set_title("Ogata-Banks, first-type inlet" if first else "van Genuchten-Alves, R = 5, λ = 0.002 1/d", fontsize=10)
    ax.legend(fontsize=7)
    ax.grid(alpha=0.3)
    return checks


# ---- Wexler (1992): 2D plume from a continuous strip source in uniform flow --------------------

PLUME = dict(v=0.5 / 86400.0, alphaL=5.0, alphaT=0.5, W=22.0, t=200 * 86400.0, x_section=51.0, solute_rtol=1e-10,
             tol={"plume_dx2": 0.03, "plume_dx1": 0.02, "plume_dx0.5": 0.01}, order=(0.7, 1.3),
             table="lib/tests/data/plume2d_wexler_strip_t200d.csv")


def plume_analytic(x, y):
    """Wexler's (1992) strip source of width W on x = 0 in an aquifer of infinite width, first type,
    by 8-point Gauss-Legendre on 400 panels in u = s^(-1/2):
    c/c0 = x / sqrt(pi D_L) int_{t^(-1/2)}^inf exp(-(x u - v/u)^2 / (4 D_L)) B(u) du,
    B = 1/2 [erf(u (y + W/2) / (2 sqrt(D_T))) - erf(u (y - W/2) / (2 sqrt(D_T)))]."""
    v, t, W = PLUME["v"], PLUME["t"], PLUME["W"]
    DL, DT = PLUME["alphaL"] * v, PLUME["alphaT"] * v
    gx, gw = np.polynomial.legendre.leggauss(8)
    erf = np.vectorize(math.erf)
    out = []
    for xi, yi in zip(np.atleast_1d(x), np.atleast_1d(y)):
        g = 2 * math.sqrt(40 * DL)
        u0, u1 = 1 / math.sqrt(t), (g + math.sqrt(g * g + 4 * xi * v)) / (2 * xi)
        edges = np.linspace(u0, u1, 401)
        h = edges[1] - edges[0]
        u = (edges[:-1, None] + 0.5 * h * (gx[None, :] + 1)).ravel()
        w = np.tile(0.5 * h * gw, 400)
        B = 0.5 * (erf(u * (yi + W / 2) / (2 * math.sqrt(DT))) - erf(u * (yi - W / 2) / (2 * math.sqrt(DT))))
        out.append(xi / math.sqrt(math.pi * DL) * np.sum(w * np.exp(-(xi * u - v / u) ** 2 / (4 * DL)) * B))
    return np.array(out)


def plume_errors(prefix):
    """Largest |c - c_ref| on the centreline row (y = 0) and on the section through the column
    holding x = 51 m, at the last record; with the coordinates and fields for the plot."""
    with netCDF4.Dataset(prefix + ".nc") as ds:
        x, y = np.array(ds["x"][:]), np.array(ds["y"][:])
        c = np.array(ds["concentration_tracer"][-1, 0, :, :])
        if abs(ds["time"][-1] - PLUME["t"]) > 1e-6 * PLUME["t"]:
            raise RuntimeError("%s.nc does not end at t = 200 d" % prefix)
    y = y - 0.5 * (y[0] + y[-1])  # the centreline at y = 0
    jc, isec = len(y) // 2, int(np.searchsorted(x + 0.5 * (x[1] - x[0]), PLUME["x_section"], side="right"))
    cl, sec = c[jc, :], c[:, isec]
    ecl = np.abs(cl - plume_analytic(x, np.zeros_like(x)))
    esec = np.abs(sec - plume_analytic(np.full_like(y, x[isec]), y))
    return float(np.max(ecl)), float(np.max(esec)), x, cl, x[isec], y, sec


def check_plume(out, run, refdir, source, ax):
    checks = []
    header, table = read_table(os.path.join(source, PLUME["table"]))
    checks.append(Check(run, "closed_form_vs_reference_table_max_abs", np.max(np.abs(plume_analytic(table[:, 0], table[:, 1]) - table[:, 2])), 1e-7))
    ecl, esec, x, cl, xs, y, sec = plume_errors(out[run])
    checks.append(Check(run, "centreline_max_abs_error_over_c0", ecl, PLUME["tol"][run]))
    checks.append(Check(run, "section_x51m_max_abs_error_over_c0", esec, PLUME["tol"][run]))
    with open(out[run] + "-solute-budget.csv") as f:
        rows = list(csv.DictReader(f))
    checks.append(Check(run, "max_step_solute_mass_balance_rel", max(abs(float(r["tracer_mass_balance_rel"])) for r in rows), PLUME["solute_rtol"]))
    checks.append(mass_balance_check(run, read_budget(out[run])))
    if run == "plume_dx0.5":  # the order of the centreline error, dx = 2, 1, 0.5 m (dt in proportion)
        e = [plume_errors(out[r])[0] for r in ("plume_dx2", "plume_dx1", "plume_dx0.5")]
        lo, hi = PLUME["order"]
        for k, name in enumerate(("2_1", "1_0.5")):
            checks.append(Check(run, "observed_order_centreline_dx%s_distance_from_1" % name, abs(math.log(e[k] / e[k + 1], 2) - 1.0), max(1 - lo, hi - 1)))
    xs_ref = np.linspace(1, 249, 125)
    ax.plot(xs_ref, plume_analytic(xs_ref, np.zeros_like(xs_ref)), "k-", lw=1, label="Wexler (1992), centreline")
    ax.plot(x, cl, "--", lw=1.2, label="libgw centreline (max error %.2g)" % ecl)
    ys_ref = np.linspace(-60, 60, 121)
    ax.plot(ys_ref, plume_analytic(np.full_like(ys_ref, xs), ys_ref), "k:", lw=1, label="Wexler, section x = %g m (against y)" % xs)
    ax.plot(y, sec, "o", mfc="none", ms=3, label="libgw section (max error %.2g)" % esec)
    ax.set_xlabel("x along the centreline, or y across the section [m]")
    ax.set_ylabel("c / c0 at t = 200 d")
    ax.set_title("Strip source, %s cells, Pe = %g" % (run.split("_dx")[1] + " m", float(run.split("_dx")[1]) / PLUME["alphaL"]), fontsize=10)
    ax.legend(fontsize=7)
    ax.grid(alpha=0.3)
    return checks


SECTION_PANELS = {"gardner_strip": [0, 1, 1, 1]}  # the reference's field, then the three coarse runs on one panel
CHECKERS.update({"strip_ref_0.0625m": check_strip, "strip_0.25m": check_strip, "strip_0.25m_upstream": check_strip,
                 "strip_0.25m_arithmetic": check_strip})
CHECKERS.update({"ob_dx4": check_ade, "ob_dx2": check_ade, "ob_dx1": check_ade, "vga_dx1": check_ade})
CHECKERS.update({"plume_dx2": check_plume, "plume_dx1": check_plume, "plume_dx0.5": check_plume})

# ---- the report --------------------------------------------------------------------------------

SECTIONS = [
    ("theis", ["theis"], "Theis (1935): pumping a confined aquifer", "01_theis_hantush",
     "A well pumps Q = 0.01 m³/s from a confined aquifer (T = 1e-3 m²/s, S = 1e-4) of one 10 m layer, on a plan grid telescoping by 1.15 "
     "from a 1 m well cell to more than 20 km, with the initial head held on the edges. The drawdown along the row through the well, "
     "interpolated linearly between cell centres at r = 10, 50 and 100 m, is compared with the Theis solution "
     "s = Q/(4πT) W(r²S/(4Tt)) at 3600, 86400 and 864000 s (tolerance 2% relative), and the pumped volume with Q t. "
     "Source: C. V. Theis (1935), Trans. AGU 16, 519–524; reference values computed independently with W = E1 "
     "(validation/01_theis_hantush/SOURCES.md). Same set-up as lib/tests/test_flow_theis.c; its step cap max(1 s, 0.05 t) is imposed "
     "by the schedule times of a constant well-rate series (well_schedule.csv), since a scenario file has a fixed dt_max only."),
    ("srivastava_yeh", ["sy_wetting", "sy_drying"], "Srivastava and Yeh (1991): infiltration over a water table", "03_srivastava_yeh",
     "A 100 cm column of Gardner soil (α = 0.1 1/cm, Ks = 1 cm/h) over a water table starts from the steady profile of a surface flux qA; "
     "at t = 0 the flux steps to qB (wetting 0.1 → 0.9 cm/h, drying 0.9 → 0.1 cm/h). Pressure heads at the tabulated heights are compared "
     "with the analytic series solution at 1 to 100 h (tolerance 1% of the largest |ψ| of the table). "
     "Source: R. Srivastava and T.-C. J. Yeh (1991), Water Resour. Res. 27(5), 753–762; reference re-derived and computed for this suite "
     "(validation/03_srivastava_yeh/SOURCES.md). Same set-up as lib/tests/test_flow_srivastava_yeh.c."),
    ("celia", ["celia_A", "celia_B"], "Celia et al. (1990): infiltration into a dry column", "04_celia1990",
     "Infiltration under fixed pressure heads into a dry column of Haverkamp sand (A, 40 cm, 360 s) and of a van Genuchten soil "
     "(B, 100 cm, 24 h), on 1 cm cells with the default settings (integrated-mean relative permeability). Profiles are compared with independently computed "
     "fine-grid profiles at three times, away from the wetting front (within 2 cm), the front depth (within 1 cm) and the stored-water "
     "gain at the last time (within 0.5%). Source: M. A. Celia, E. T. Bouloutas and R. L. Zarba (1990), Water Resour. Res. 26(7), "
     "1483–1496 (validation/04_celia1990/SOURCES.md). Same set-up as the 1 cm runs of lib/tests/test_flow_celia.c."),
    ("vauclin", ["vauclin"], "Vauclin et al. (1979): water-table recharge in a sand box", "05_vauclin1979",
     "Rain of 14.8 cm/h on the central metre of a 6 m × 2 m sand box with outlets holding the water table at 65 cm (half the box "
     "modelled, 60 × 40 cells of 5 cm; examples/vauclin1979/scenario.yaml run unchanged). The water table of each column (where ψ "
     "crosses 0, linear between cell centres) is compared with the 15 measured points at 2, 3, 4 and 8 h by the RMS difference "
     "(tolerance 5 cm; the points were digitized with an error of 1–2 cm). Source: M. Vauclin, D. Khanji and G. Vachaud (1979), "
     "Water Resour. Res. 15(5), 1089–1101, Fig. 10 (validation/05_vauclin1979/SOURCES.md)."),
]

SECTIONS += [
    ("evaporation", ["evap_gardner_d25", "evap_gardner_d50", "evap_gardner_d100", "evap_loam_d100"],
     "Steady evaporation from a water table", "06_evaporation",
     "A soil column over a water table held at its bottom face (ψ = 0) under an atmosphere package with potential evaporation "
     "10 cm/d, far above what the soil can carry: the surface dries to the critical pressure head and the flux settles at the "
     "soil-limited steady value. Gardner soil K = Ks exp(αh) (Ks = 1 cm/d, α = 0.05 1/cm, critical head −1000 cm) with the water "
     "table 25, 50 and 100 cm deep, 3000 days, where E = Ks (1 − exp(α(hs + d)))/(exp(αd) − 1) (Gardner 1958, Soil Sci. 85, "
     "228–232); and the van Genuchten–Mualem loam of Vanderborght et al. (2005, Vadose Zone J. 4, 206–221) 100 cm above the water "
     "table with critical head −1e4 cm, 1000 days, against the root of d = ∫ dh/(1 + E/K(h)). 80 (loam 120) layers growing by 1.06 "
     "downward, default (integrated-mean) kr. Checks: the evaporation of the last step (the atmosphere package's out − in over the step, per "
     "area) within 2% of the reference; the inflow at the water table equal to it within 0.1% (steady); mass balance. Same set-up as "
     "lib/tests/test_atmos_steady_evaporation.c (validation/06_evaporation/SOURCES.md)."),
    ("fao56", ["fao56_ex18", "fao56_maricopa"], "FAO-56 reference evapotranspiration (gw-et0)", "07_fao56",
     "apps/gw-et0 on (1) the weather of FAO-56 Example 18 (Uccle, Brussels, 6 July: Tmax 21.5, Tmin 12.3 °C, RH 63–84%, "
     "10 km/h at 10 m, 9.25 h of sunshine), ET0 = 3.9 mm/d within 0.1 mm/d (Allen et al. 1998, FAO Irrigation and Drainage Paper 56); "
     "(2) the 2019 daily record of the AZMET Maricopa station (Srad, Tmax, Tmin, dewpoint, wind at 3 m as its header says; "
     "public domain, via pyfao56), against the record's ETref (ASCE standardized short reference, the FAO-56 Penman–Monteith "
     "equation with the same constants): annual total within 5%, mean bias and RMSE of the daily values within 0.05 mm/d. "
     "The remaining differences come from ASCE-EWRI (2005) bounding Rs/Rso below at 0.3 in the net long-wave radiation, which "
     "FAO-56 does not (cloudy winter days)."),
    ("phreatic", ["phreatic"], "Phreatic evaporation from a closed column", "08_phreatic",
     "A closed 3 m column of sharp-retention coarse sand (van Genuchten α = 10 1/m, n = 5, θ 0.05–0.35, Ks = 1e-3 m/s) on 5 cm "
     "layers loses water only by linear phreatic evaporation from the cell holding the water table (evapotranspiration package, "
     "E0 = 5 mm/d, extinction depth 2 m), starting hydrostatic with the water table 0.5 m deep. The water-table depth (ψ = 0, "
     "linear between cell centres, from the NetCDF output) must follow dd/dt = E(d)/Sy(d), Sy(d) = θs − θ(−d) the specific yield "
     "of a hydrostatic profile, integrated by RK4 in the script: decline within 2% at 10, 30 and 60 days; evaporated volume = "
     "storage loss within 1e-8; mass balance. Same set-up as the column of lib/tests/test_atmos_phreatic.c."),
    ("stream_depletion", ["depletion_lambda1", "depletion_lambda10", "depletion_lambda100", "depletion_lambda1000"],
     "Stream depletion by a pumping well (Glover and Balmer 1954; Hunt 1999)", "09_stream_depletion",
     "A well pumps 1 m³/d per metre of stream 200 m from a stream in an aquifer with T = 500 m²/d and S = 0.1, modelled on the strip "
     "across the stream (10 m cells near the stream and the well, growing to 15 km each side; the depletion of a 2D well equals that of "
     "a line well on the strip). The stream is a river cell with streambed conductance λ = 1, 10, 100 and 1000 m/d per metre of stream. "
     "The fraction of the pumping taken from the stream (the river package's net inflow at the end of the step landing on each time, "
     "over the well rate) is compared with Hunt's solution at 5, 10, 30, 100 and 365 days, and for λ = 1000 m/d also with Glover and "
     "Balmer's (the fully penetrating limit, within 0.7% of Hunt's at these times), tolerance 3% relative; mass balance. "
     "Sources: R. E. Glover and G. G. Balmer (1954), Trans. AGU 35(3), 468–470; B. Hunt (1999), Ground Water 37(1), 98–102; "
     "reference values computed independently (validation/09_stream_depletion/SOURCES.md). Same set-up as lib/tests/test_packages_river.c, "
     "which runs λ = 10 and 1000 m/d to 100 days."),
]

SECTIONS += [
    ("gardner_strip", ["strip_ref_0.0625m", "strip_0.25m", "strip_0.25m_upstream", "strip_0.25m_arithmetic"],
     "Self-convergence in 2D: infiltration from a strip into a Gardner soil", "10_gardner_strip",
     "A section 15 m wide and 15 m deep of Gardner soil (Se = kr = exp(αψ), α = 0.25 1/m, θ 0.06–0.40, Ks = 1 m/d), hydrostatic "
     "over the water table held at its bottom face, takes 0.2 m/d through the central 3 m of its top for 10 days (the half "
     "x ≥ 0 modelled by symmetry). The default settings on 0.25 m cells (30 × 60) are compared with a 4x refined run "
     "(0.0625 m, 120 × 240 cells, steps of at most 15 min, mass-balance tolerance 1e-12), whose 2 × 2 cells around each coarse "
     "centre are averaged: the largest pressure-head difference at 1, 2, 5 and 10 days must be within 1% of the refined "
     "run's pressure-head range (issue 8's acceptance). The same runs with the upstream and the arithmetic face kr are shown "
     "for comparison (not checked; their figures go to standard error). No analytic reference: this is self-convergence."),
]


SECTIONS += [
    ("ade", ["ob_dx4", "ob_dx2", "ob_dx1", "vga_dx1"], "Solute transport: Ogata-Banks and van Genuchten-Alves", "11_ogata_banks",
     "MT3DMS problem 1 (Zheng and Wang 1999): steady saturated flow at v = 0.24 m/d through a 1000 m column, α_L = 10 m, no "
     "diffusion, c0 = 1 entering at x = 0 from t = 0, concentrations at 2000 d. First-type inlet (fixed concentration) without "
     "sorption or decay on 4, 2 and 1 m cells with 4, 2 and 1 d steps, against Ogata and Banks (1961, USGS Prof. Paper 411-A); "
     "third-type inlet with R = 5 and decay 0.002 1/d of both phases on 1 m cells, against van Genuchten and Alves (1982, USDA "
     "Tech. Bull. 1661). The closed forms are evaluated by the script and checked against the independent tables "
     "(lib/tests/data/SOURCES.md) to 1e-7. Tolerances on the largest error over the cells: 4%, 2%, 1% and 1% of c0; the observed "
     "order of the refinement (log2 of successive error ratios) within 0.2 of 1, the order of upwind backward Euler; every step's "
     "solute mass balance below 1e-10. The 1 m runs are those of lib/tests/test_transport_ade.c."),
]


SECTIONS += [
    ("plume2d", ["plume_dx2", "plume_dx1", "plume_dx0.5"], "Solute transport: 2D plume from a strip source (Wexler 1992)", "12_plume2d",
     "A saturated plan domain 250 m × 122 m (one layer) with uniform flow at v = 0.5 m/d along x from fixed heads, α_L = 5 m, "
     "α_T = 0.5 m, no diffusion; from t = 0 the concentration on the west face is held at c0 = 1 over the 22 m strip |y| ≤ 11 m "
     "and at 0 elsewhere. Concentrations at 200 d along the centreline row and across the section through x = 51 m against "
     "Wexler's (1992, USGS TWRI 3-B7) strip-source solution for an aquifer of infinite width, evaluated by the script "
     "(Gauss-Legendre) and checked against the independent table lib/tests/data/plume2d_wexler_strip_t200d.csv (SciPy) to 1e-7. "
     "2 m cells with 2 d steps (grid Peclet number 0.4, the run of lib/tests/test_transport_plume2d.c), 1 m and 0.5 m with 1 and "
     "0.5 d steps (Courant number 0.5): tolerances 3%, 2% and 1% of c0; the observed order of the centreline error within 0.3 "
     "of 1 (upwind backward Euler); every step's solute mass balance below 1e-10."),
]


def write_report(path, checks, pngs, wall, failed_runs):
    nfail = sum(not c.ok for c in checks) + len(failed_runs)
    with open(path, "w") as f:
        f.write("# libgw validation report\n\n")
        f.write("Written by `share/gw-validate.py` (`make validate`) on %s: %d checks, %d failed; run time %.0f s.\n"
                "A check passes when its value is at most its tolerance. See `validation/README.md` in the source tree.\n\n"
                % (datetime.datetime.now().strftime("%Y-%m-%d %H:%M"), len(checks) + len(failed_runs), nfail, wall))
        for run, why in failed_runs:
            f.write("**Run %s failed:** %s\n\n" % (run, why))
        f.write("| case | metric | value | tolerance | result |\n|---|---|---|---|---|\n")
        for c in checks:
            f.write("| %s | %s | %.4g | %g | %s |\n" % (c.case, c.metric, c.value, c.tol, "PASS" if c.ok else "**FAIL**"))
        for name, runs, title, folder, text in SECTIONS:
            f.write("\n## %s\n\n%s\n\nChecks: %s. Reference data: `validation/%s/`.\n\n" % (title, text, ", ".join(runs), folder))
            if name in pngs:
                f.write("![%s](%s)\n" % (title, os.path.relpath(pngs[name], os.path.dirname(path))))


# ---- running -----------------------------------------------------------------------------------


def run_case(gwrun, source, outdir, name, scenario):
    """Runs gw-run (in a worker thread: no NetCDF access here, HDF5's error handling is per
    thread); returns (name, None) or (name, reason of the failure)."""
    prefix = os.path.join(outdir, name)
    with open(prefix + ".log", "w") as log:
        rc = subprocess.call([gwrun, os.path.join(source, scenario), "-o", prefix], stdout=log, stderr=subprocess.STDOUT)
    return name, ("gw-run exited with status %d (see %s.log)" % (rc, prefix) if rc else None)


def run_status(prefix):
    """The run_status attribute of PREFIX.nc ("complete" after a successful run)."""
    try:
        with netCDF4.Dataset(prefix + ".nc") as ds:
            return ds.getncattr("run_status")
    except (OSError, AttributeError) as e:
        return "unreadable (%s)" % e


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", required=True, help="build folder (holds apps/gw-run)")
    ap.add_argument("--source", required=True, help="source folder (holds validation/ and examples/)")
    ap.add_argument("--jobs", type=int, default=2, help="runs at the same time (default 2)")
    args = ap.parse_args()
    start = time.time()
    gwrun = os.path.join(args.build, "apps", "gw-run")
    if not os.access(gwrun, os.X_OK):
        sys.exit("gw-validate: %s not found; build first (make)" % gwrun)
    valdir = os.path.join(args.build, "validation")
    outdir = os.path.join(valdir, "out")
    os.makedirs(outdir, exist_ok=True)
    out = {name: os.path.join(outdir, name) for name, _, _ in RUNS + ET0_RUNS}
    refdir = {name: os.path.join(args.source, ref) for name, _, ref in RUNS + ET0_RUNS}

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(lambda r: run_case(gwrun, args.source, outdir, r[0], r[1]), RUNS))
    failed = []
    for n, why in results:
        status = run_status(out[n]) if not why else None
        if status and status != "complete":
            why = "run_status of %s.nc is \"%s\"" % (out[n], status)
        if why:
            failed.append((n, why))
    gwet0 = os.path.join(args.build, "apps", "gw-et0")
    failed += [(n, why) for n, why in (run_et0(gwet0, args.source, outdir, n, w) for n, w, _ in ET0_RUNS) if why]
    ok = {n for n, _, _ in RUNS + ET0_RUNS} - {n for n, _ in failed}

    checks, pngs = [], {}
    for name, runs, title, _, _ in SECTIONS:
        panel = SECTION_PANELS.get(name, list(range(len(runs))))  # the plot panel of each run
        ncols = max(panel) + 1
        fig, axes = plt.subplots(1, ncols, figsize=(6.5 * ncols if ncols > 1 else 8, 5), squeeze=False)
        for ax, run in zip([axes[0][k] for k in panel], runs):
            if run not in ok:
                ax.set_title("%s: run failed" % run)
                continue
            try:
                checks += CHECKERS[run](out, run, refdir[run], args.source, ax)
            except (RuntimeError, OSError, KeyError, ValueError, IndexError) as e:
                failed.append((run, "cannot evaluate the outputs: %s" % e))
        fig.tight_layout()
        pngs[name] = os.path.join(outdir, name + ".png")
        fig.savefig(pngs[name], dpi=110)
        plt.close(fig)

    for c in checks:
        print(c.line())
    for run, why in failed:
        print("%s run_failed 1 0 FAIL" % run)
        print("gw-validate: %s: %s" % (run, why), file=sys.stderr)
    sys.stdout.flush()
    wall = time.time() - start
    report = os.path.join(valdir, "report.md")
    write_report(report, checks, pngs, wall, failed)
    nfail = sum(not c.ok for c in checks) + len(failed)
    print("gw-validate: %d checks, %d failed, %.0f s; report %s" % (len(checks) + len(failed), nfail, wall, report), file=sys.stderr)
    return 1 if nfail else 0


if __name__ == "__main__":
    sys.exit(main())
