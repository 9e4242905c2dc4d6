#!/usr/bin/python3
"""Writes the scenario files of the Gardner-strip self-convergence case (see README.md).

usage: make_scenarios.py   (in this folder; the files are committed, rerun after changing a parameter)

One 2D section, four runs: the default settings on 0.25 m cells (scenario_0.25m.yaml), the same
with the upstream and the arithmetic face k_r (scenario_0.25m_upstream.yaml, _arithmetic.yaml),
and the reference on 4x refined cells (0.0625 m) with steps of at most 15 min and a mass-balance
tolerance of 1e-12 (reference_0.0625m.yaml)."""

WIDTH, HEIGHT = 7.5, 15.0  # half section [m]: x from the strip's centre (no flow by symmetry)
STRIP = 1.5  # half width of the infiltration strip [m]

HEADER = """# 2D infiltration from a strip into a Gardner soil over a water table (issue 8, self-convergence).
# Section 15 m wide and 15 m deep, of which the half x in [0, 7.5] m is modelled (no flow across
# x = 0 by symmetry, and across x = 7.5 m). Gardner soil: Se = kr = exp(alpha psi), alpha = 0.25
# 1/m, theta 0.06-0.40, Ks = 1 m/d. Hydrostatic start over the water table at z = 0 (the bottom
# face, held at pressure head 0); 0.2 m/d enters through the top faces of the strip, the central
# 3 m of the section. 10 days, fields at 1, 2, 5 and 10 d. Written by make_scenarios.py.
# %s
"""


def scenario(path, title, cell, comment, time_extra="", solver=""):
    nx, nz = round(WIDTH / cell), round(HEIGHT / cell)
    ns = round(STRIP / cell)
    with open(path, "w") as f:
        f.write(HEADER % comment)
        f.write("title: %s\n" % title)
        f.write("grid: {nx: %d, ny: 1, nz: %d, dx: %g m, dy: 1 m, top: %g m, dz: %g m}\n" % (nx, nz, cell, HEIGHT, cell))
        f.write("materials:\n  - {name: gardner soil, model: gardner, theta_r: 0.06, theta_s: 0.40, alpha: 0.25 1/m, K: 1 m/d}\n")
        f.write("initial: {water_table: 0 m}\n")
        f.write("packages:\n")
        f.write("  - {name: strip, type: flux, cells: {i: [0, %d], k: [0, 0], face: top}, value: 0.2 m/d}\n" % (ns - 1))
        f.write("  - {name: water table, type: head, kind: pressure, cells: {k: [%d, %d], face: bottom}, value: 0 m}\n" % (nz - 1, nz - 1))
        f.write("time: {end: 10 d%s}\n" % time_extra)
        f.write("output: {times: [1 d, 2 d, 5 d]}\n")
        if solver:
            f.write("solver: {%s}\n" % solver)


scenario("scenario_0.25m.yaml", "Gardner strip, 0.25 m cells, default settings", 0.25,
         "This run: 30 x 60 cells of 0.25 m, default settings (integrated-mean kr, dt_init 1 s, no dt_max).")
for w in ("upstream", "arithmetic"):
    scenario("scenario_0.25m_%s.yaml" % w, "Gardner strip, 0.25 m cells, %s kr" % w, 0.25,
             "This run: 30 x 60 cells of 0.25 m, default settings but the %s face kr (for comparison)." % w,
             solver="kr_weighting: %s" % w)
scenario("reference_0.0625m.yaml", "Gardner strip, 0.0625 m cells, reference", 0.0625,
         "This run: the reference, 120 x 240 cells of 0.0625 m (4x refined), steps of at most 15 min, mass balance 1e-12.",
         time_extra=", dt_max: 15 min", solver="mass_balance_rtol: 1e-12")
