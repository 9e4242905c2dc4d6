#!/usr/bin/python3
"""make bench: the project's benchmarks B1, B2 and B3 (bench/README.md), timed as whole processes
with /usr/bin/time -v, on 1 and 2 MPI ranks. Writes bench/results.csv and bench/results.md in the
build folder. Figures per run: steps, Newton and linear iterations (gw-run's summary), wall time,
microseconds per cell per Newton iteration, peak resident memory per rank and bytes per cell,
cumulative mass-balance error, and the case's key output against its reference value."""
import argparse
import csv
import os
import re
import subprocess
import sys
import time

import netCDF4
import numpy as np

# reference values agreed by the peers (bench/README.md, from the project's shared bench notes)
B1_VOLUME_DAY10 = 32868.26  # m3, sum(theta V) at day 10 (ParFlow 32868.2-32868.3, PFLOTRAN 32868.5)
B1_FRONT_DAY10 = 13.295     # m, lowest z in the centre column with S(10 d) - S(0) > 0.05
B2_HEAD_DAY30 = 95.5742     # m, hydraulic head of the cell centred at (5025, 5025, -95) m


def b3_scenario(src, factor, out):
    """B1's physics for one day on a grid with factor times the cells (factor 1/8, 1 or 8)."""
    text = open(src).read()
    s = {0.125: 0.5, 1: 1, 8: 2}[factor]  # cells along each axis
    nx, nz = int(50 * s), int(40 * s)
    dx, dz = 2.0 / s, 0.5 / s
    text = text.replace("grid: {nx: 50, ny: 50, nz: 40, dx: 2 m, dy: 2 m, top: 20 m, dz: 0.5 m}",
                        "grid: {nx: %d, ny: %d, nz: %d, dx: %g m, dy: %g m, top: 20 m, dz: %g m}" % (nx, nx, nz, dx, dx, dz))
    text = text.replace("{material: sand, k: [20, 39]}", "{material: sand, k: [%d, %d]}" % (nz // 2, nz - 1))
    text = text.replace("cells: {k: [39, 39], face: bottom}", "cells: {k: [%d, %d], face: bottom}" % (nz - 1, nz - 1))
    lo, hi = int(round(30 / dx)), int(round(70 / dx)) - 1
    text = text.replace("cells: {i: [15, 34], j: [15, 34], k: [0, 0], face: top}",
                        "cells: {i: [%d, %d], j: [%d, %d], k: [0, 0], face: top}" % (lo, hi, lo, hi))
    text = text.replace("time: {end: 10 d, dt_init: 60 s, dt_max: 1 h}", "time: {end: 1 d, dt_init: 60 s, dt_max: 1 h}")
    text = text.replace("output: {prefix: b1, times: [1 d, 5 d]}", "output: {prefix: b3, times: []}")
    assert text.count("%d" % nx) >= 1
    with open(out, "w") as f:
        f.write(text)
    return nx * nx * nz


def run(build, scenario, prefix, ranks, extra):
    """Runs gw-run under /usr/bin/time -v; returns (stdout, stderr, wall s, peak MB per rank)."""
    env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
    cmd = ["/usr/bin/time", "-v"]
    if ranks > 1:
        cmd += [os.environ.get("MPIEXEC", "mpiexec"), "--mca", "mpi_yield_when_idle", "1", "-n", str(ranks)]
    cmd += [os.path.join(build, "apps", "gw-run"), scenario, "-o", prefix] + extra
    t0 = time.time()
    p = subprocess.run(cmd, env=env, capture_output=True, text=True)
    wall = time.time() - t0
    if p.returncode != 0:
        sys.stderr.write(p.stdout[-2000:] + p.stderr[-4000:])
        raise SystemExit("gw-bench: %s failed (exit %d)" % (" ".join(cmd), p.returncode))
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    el = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", p.stderr)
    if el:  # the whole process, as /usr/bin/time measured it
        parts = [float(x) for x in el.group(1).split(":")]
        wall = sum(v * 60 ** (len(parts) - 1 - i) for i, v in enumerate(parts))
    return p.stdout, p.stderr, wall, (int(rss.group(1)) / 1024.0 if rss else float("nan"))


def summary(stdout):
    m = re.search(r"(\d+) steps, (\d+) Newton iterations, (\d+) linear iterations", stdout)
    mb = re.findall(r"cumulative [-+0-9.e]+ m\^3 \(relative ([-+0-9.e]+)\)", stdout)
    return (int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else (0, 0, 0), float(mb[-1]) if mb else float("nan")


def b1_outputs(nc):
    """Day-end water volume sum(theta V) and the wetting-front height in the centre column: where the
    rise of saturation S = theta/theta_s since t = 0 falls through 0.05, interpolated linearly
    between cell centres (the peers' definition, which gives their 13.295 m)."""
    d = netCDF4.Dataset(nc)
    theta, vol, sat = d["water_content"][:], d["cell_volume"][:], d["saturation"][:]
    z, x, y = d["z"][:], d["x"][:], d["y"][:]
    volume = float(np.sum(theta[-1] * vol))
    i, j = int(np.argmin(abs(x - 51.0))), int(np.argmin(abs(y - 51.0)))
    dS = sat[-1, :, j, i] - sat[0, :, j, i]
    zc = z[:, j, i] if np.ndim(z) == 3 else z
    wet = [k for k in range(len(dS)) if dS[k] > 0.05]  # layers, k = 0 on top
    if not wet:
        return volume, float("nan")
    k = max(wet)  # the lowest wetted cell; the front lies where dS falls through 0.05 below it
    if k + 1 >= len(dS):
        return volume, float(zc[k])
    w = (dS[k] - 0.05) / (dS[k] - dS[k + 1])
    return volume, float(zc[k] + w * (zc[k + 1] - zc[k]))


def b2_output(nc):
    d = netCDF4.Dataset(nc)
    x, y = d["x"][:], d["y"][:]
    i, j = int(np.argmin(abs(x - 5025.0))), int(np.argmin(abs(y - 5025.0)))
    return float(d["hydraulic_head"][-1, -1, j, i])


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--build", default=".")
    ap.add_argument("--source", default=".")
    ap.add_argument("--cases", default="B1,B2,B3", help="comma-separated: B1, B2, B3")
    ap.add_argument("--ranks", default="1,2")
    ap.add_argument("--options", default="", help="extra PETSc options for every run")
    ap.add_argument("--b3", default="1/8,1,8", help="B3 grid factors to run")
    a = ap.parse_args()
    out = os.path.join(a.build, "bench")
    os.makedirs(os.path.join(out, "runs"), exist_ok=True)
    rows = []
    cases = a.cases.split(",")
    ranks = [int(r) for r in a.ranks.split(",")]
    extra = a.options.split()
    plan = []
    if "B1" in cases:
        plan += [("B1", os.path.join(a.source, "bench", "b1.yaml"), 100000)]
    if "B2" in cases:
        plan += [("B2", os.path.join(a.source, "bench", "b2.yaml"), 400000)]
    if "B3" in cases:
        for f, tag in ((0.125, "1/8"), (1, "1"), (8, "8")):
            if tag not in a.b3.split(","):
                continue
            scen = os.path.join(out, "runs", "b3_%s.yaml" % tag.replace("/", "_"))
            n = b3_scenario(os.path.join(a.source, "bench", "b1.yaml"), f, scen)
            plan += [("B3 x%s" % tag, scen, n)]
    for case, scen, cells in plan:
        for r in ranks:
            prefix = os.path.join(out, "runs", "%s_np%d" % (case.replace(" ", "_").replace("/", "_"), r))
            stdout, stderr, wall, mb = run(a.build, os.path.abspath(scen), prefix, r, extra)
            (steps, newton, linear), mbe = summary(stdout)
            if case == "B1":
                vol, front = b1_outputs(prefix + ".nc")
                key, val, ref = "day-10 volume m3 / front m", "%.2f / %.3f" % (vol, front), "%.2f / %.3f" % (B1_VOLUME_DAY10, B1_FRONT_DAY10)
                err = "%.2f m3 / %.3f m" % (vol - B1_VOLUME_DAY10, front - B1_FRONT_DAY10)
            elif case == "B2":
                h = b2_output(prefix + ".nc")
                key, val, ref, err = "day-30 head m", "%.5f" % h, "%.4f" % B2_HEAD_DAY30, "%.2e m" % (h - B2_HEAD_DAY30)
            else:
                vol, front = b1_outputs(prefix + ".nc")
                key, val, ref, err = "day-1 volume m3", "%.2f" % vol, "", ""
            row = dict(case=case, cells=cells, ranks=r, steps=steps, newton_its=newton, linear_its=linear,
                       wall_s="%.1f" % wall, us_per_cell_newton="%.3f" % (1e6 * wall / max(cells * newton, 1) * r),
                       peak_mb_per_rank="%.0f" % mb, bytes_per_cell="%.0f" % (mb * 2 ** 20 * r / cells),
                       mass_balance_rel="%.1e" % mbe, key_output=key, value=val, reference=ref, error=err)
            rows.append(row)
            print("BENCH " + " ".join("%s=%s" % (k, str(v).replace(" ", "_")) for k, v in row.items()), flush=True)
    with open(os.path.join(out, "results.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        w.writerows(rows)
    with open(os.path.join(out, "results.md"), "w") as f:
        f.write("| case | cells | ranks | steps | Newton | linear | wall s | us/cell/Newton (core) | MB/rank | B/cell | mass balance | %s |\n" % "key output (value; reference; error)")
        f.write("|---|---|---|---|---|---|---|---|---|---|---|---|\n")
        for r in rows:
            f.write("| %s | %d | %d | %d | %d | %d | %s | %s | %s | %s | %s | %s: %s; %s; %s |\n" % (
                r["case"], r["cells"], r["ranks"], r["steps"], r["newton_its"], r["linear_its"], r["wall_s"],
                r["us_per_cell_newton"], r["peak_mb_per_rank"], r["bytes_per_cell"], r["mass_balance_rel"],
                r["key_output"], r["value"], r["reference"] or "-", r["error"] or "-"))
    print("gw-bench: %d runs; %s" % (len(rows), os.path.join(out, "results.md")))


if __name__ == "__main__":
    main()
