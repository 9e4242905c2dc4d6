#!/usr/bin/python3
"""Writes the scenarios of the stream-depletion case (run once; the YAML files are committed).

The strip of aquifer across the stream, 1 m wide (the depletion of a 2D well equals that of a line
well on this strip: the integral over y of the 2D solution), T = 500 m2/d, S = 0.1 (one confined
10 m layer), a well pumping 1 m3/d at L = 200 m from the stream, which is a river cell of
conductance lambda [m/d] per metre of stream. Cells: 10 m from -295 to 295 m around the stream cell
[-5, 5] m, growing by 1.2 beyond, to 15 km on each side (closed ends far beyond the cone of 1 year).
Same set-up as lib/tests/test_packages_river.c, run to 365 days."""
import os

def widths():
    side, x, w = [], 5.0, 10.0
    while x < 15000.0:
        if x >= 295.0:
            w *= 1.2
        side.append(w)
        x += w
    return side[::-1] + [10.0] + side, len(side)

dx, ir = widths()
iw = ir + 20
here = os.path.dirname(os.path.abspath(__file__))
for lam in (1, 10, 100, 1000):
    with open(os.path.join(here, "scenario_lambda%d.yaml" % lam), "w") as f:
        f.write("# Stream depletion by a well 200 m from a stream with streambed conductance %d m/d per metre of\n" % lam)
        f.write("# stream (Hunt 1999; lambda -> infinity is Glover and Balmer 1954). Made by make_scenarios.py.\n")
        f.write("title: stream depletion, lambda = %d m/d\n" % lam)
        f.write("grid:\n  nx: %d\n  ny: 1\n  nz: 1\n  dy: 1 m\n  top: 0 m\n  dz: 10 m\n" % len(dx))
        f.write("  dx: [%s]\n" % ", ".join("%.6g m" % w for w in dx))
        f.write("materials:\n  - {name: aquifer, model: van-genuchten, alpha: 3 1/m, n: 2, theta_r: 0.05, theta_s: 0.35, K: 50 m/d, Ss: 0.01 1/m}\n")
        f.write("initial: {pressure_head: 25 m}   # hydraulic head 20 m in a confined layer centred at -5 m\n")
        f.write("packages:\n")
        f.write("  - name: stream\n    type: river\n    cells: {i: [%d, %d], k: [0, 0]}\n    value: 20 m\n" % (ir, ir))
        f.write("    parameters: {bed_elevation: 19 m, conductance: %d m2/d}\n" % lam)
        f.write("  - name: well\n    type: well\n    cells: {i: [%d, %d], k: [0, 0]}\n    value: -1 m3/d\n" % (iw, iw))
        f.write("time: {end: 365 d, dt_init: 60 s, dt_max: 0.1 d}\n")
        f.write("output:\n  prefix: stream_depletion_lambda%d\n  times: [1 d, 5 d, 10 d, 30 d, 100 d]\n" % lam)
