#!/usr/bin/python3
"""Generates the inputs of scenario.yaml that are too long to type: run once, by hand.

1. The telescoping plan grid of lib/tests/test_flow_theis.c: a 1 m well cell in the middle and, on
   each side, widths 1.15, 1.15^2, ... m until the outer edge is at least 20 km from the well-cell
   centre (57 cells a side, 115 in all, the same along x and y). Printed as the `dx:` and `dy:`
   lines to paste into scenario.yaml.
2. well_schedule.csv: the constant pumping rate -0.01 m^3/s, one row per step end of the C test's
   time-step rule dt_max = max(1 s, 0.05 t). The scenario reader has a fixed dt_max only; the model
   lands a step on every schedule time of a package, so these rows cap the steps as the C test does.

Usage: /usr/bin/python3 make_inputs.py   (writes well_schedule.csv next to this file, prints the grid)
"""
import os

D0, GROWTH, EXTENT = 1.0, 1.15, 20000.0  # well cell [m], growth factor, minimum extent [m]
Q, T_END = 0.01, 864000.0  # pumping rate [m^3/s], end of the run [s]
DT0, DT_RATIO = 1.0, 0.05  # the C test's dt_max = max(DT0, DT_RATIO t)


def telescoping_widths():
    """Widths, computed by repeated products as the C test does."""
    nside, edge, d = 0, 0.5 * D0, D0
    while edge < EXTENT:
        d *= GROWTH
        edge += d
        nside += 1
    w = [0.0] * (2 * nside + 1)
    w[nside] = D0
    for s in range(1, nside + 1):
        w[nside + s] = w[nside - s] = w[nside + s - 1] * GROWTH
    return w


def yaml_list(key, items, width=100):
    """A YAML flow list `  key: [a, b, ...]` wrapped between items."""
    lines, line = [], f"  {key}: ["
    for n, item in enumerate(items):
        text = item + ("]" if n == len(items) - 1 else ",")
        if len(line) + len(text) + 1 > width:
            lines.append(line.rstrip())
            line = "    "
        line += text + " "
    lines.append(line.rstrip())
    return "\n".join(lines)


def schedule_times():
    t, times = 0.0, [0.0]
    while t < T_END:
        t = min(t + max(DT0, DT_RATIO * t), T_END)
        times.append(t)
    return times


def main():
    w = telescoping_widths()
    print(f"# {len(w)} cells, well cell index {len(w) // 2}")
    for key in ("dx", "dy"):
        print(yaml_list(key, [f"{x:.10g} m" for x in w]))
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "well_schedule.csv"), "w") as f:
        f.write(f"# pumping rate, constant; rows at the step ends of dt_max = max({DT0:g} s, {DT_RATIO:g} t) (see make_inputs.py)\n")
        f.write("time_s,rate_m3_per_s\n")
        for t in schedule_times():
            f.write(f"{t:.10g},{-Q:g}\n")


if __name__ == "__main__":
    main()
