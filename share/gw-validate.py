#!/usr/bin/python3
"""Runs the validation cases of validation/ with gw-run and checks them against their references.

usage: gw-validate.py --build BUILD_DIR --source SOURCE_DIR [--jobs N]

For every case it runs apps/gw-run on the case's scenario file (outputs in BUILD_DIR/validation/out),
computes the metrics of the equivalent C test (lib/tests/test_flow_*.c) from the NetCDF and budget
CSV outputs, and prints one line per check on stdout:

    CASE METRIC VALUE TOLERANCE PASS|FAIL

A check passes when VALUE <= TOLERANCE. Every run also gets a max_step_mass_balance_rel check (the
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
    ("theis", "validation/01_theis_hantush/scenario.yaml", "validation/01_theis_hantush"),
    ("vauclin", "examples/vauclin1979/scenario.yaml", "validation/05_vauclin1979"),
    ("celia_B", "validation/04_celia1990/scenario_B.yaml", "validation/04_celia1990"),
    ("sy_wetting", "validation/03_srivastava_yeh/scenario_wetting.yaml", "validation/03_srivastava_yeh"),
    ("sy_drying", "validation/03_srivastava_yeh/scenario_drying.yaml", "validation/03_srivastava_yeh"),
    ("celia_A", "validation/04_celia1990/scenario_A.yaml", "validation/04_celia1990"),
]


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
    return {k: np.array([float(r[k]) for r in rows]) for k in rows[0]}


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
     "(B, 100 cm, 24 h), on 0.5 cm cells with arithmetic-mean relative permeability. Profiles are compared with independently computed "
     "fine-grid profiles at three times, away from the wetting front (within 2 cm), the front depth (within 1 cm) and the stored-water "
     "gain at the last time (within 0.5%). Source: M. A. Celia, E. T. Bouloutas and R. L. Zarba (1990), Water Resour. Res. 26(7), "
     "1483–1496 (validation/04_celia1990/SOURCES.md). Same set-up as the 0.5 cm runs of lib/tests/test_flow_celia.c."),
    ("vauclin", ["vauclin"], "Vauclin et al. (1979): water-table recharge in a sand box", "05_vauclin1979",
     "Rain of 14.8 cm/h on the central metre of a 6 m × 2 m sand box with outlets holding the water table at 65 cm (half the box "
     "modelled, 60 × 40 cells of 5 cm; examples/vauclin1979/scenario.yaml run unchanged). The water table of each column (where ψ "
     "crosses 0, linear between cell centres) is compared with the 15 measured points at 2, 3, 4 and 8 h by the RMS difference "
     "(tolerance 5 cm; the points were digitized with an error of 1–2 cm). Source: M. Vauclin, D. Khanji and G. Vachaud (1979), "
     "Water Resour. Res. 15(5), 1089–1101, Fig. 10 (validation/05_vauclin1979/SOURCES.md)."),
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
    out = {name: os.path.join(outdir, name) for name, _, _ in RUNS}
    refdir = {name: os.path.join(args.source, ref) for name, _, ref in RUNS}

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(lambda r: run_case(gwrun, args.source, outdir, r[0], r[1]), RUNS))
    failed = []
    for n, why in results:
        status = run_status(out[n]) if not why else None
        if status and status != "complete":
            why = "run_status of %s.nc is \"%s\"" % (out[n], status)
        if why:
            failed.append((n, why))
    ok = {n for n, _, _ in RUNS} - {n for n, _ in failed}

    checks, pngs = [], {}
    for name, runs, title, _, _ in SECTIONS:
        ncols = len(runs)
        fig, axes = plt.subplots(1, ncols, figsize=(6.5 * ncols if ncols > 1 else 8, 5), squeeze=False)
        for ax, run in zip(axes[0], runs):
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
