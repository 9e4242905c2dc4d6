#!/usr/bin/python3
"""Writes the scenario files of the steady-evaporation case: run once, by hand, after a change here.

Each scenario is one soil column (1 m x 1 m) over a water table held at its bottom face (a
pressure-head package, psi = 0), under an atmosphere package whose potential evaporation far
exceeds what the soil can carry, so that the surface dries to the critical pressure head and the
flux settles at the soil-limited steady value of steady_evap_*.csv. The grid is that of
lib/tests/test_atmos_steady_evaporation.c: 80 layers whose thickness grows by 1.06 from the surface
down (the head falls steeply near the dry surface), summing to the water-table depth d; the run
starts hydrostatic (water table at the bottom) and lasts long enough to be steady.

- scenario_gardner_d25.yaml, _d50, _d100: Gardner soil K = Ks exp(alpha h), Ks = 1 cm/d,
  alpha = 0.05 1/cm (theta 0.05-0.40), critical head -1000 cm, 3000 days (the C test).
- scenario_loam_d100.yaml: the van Genuchten-Mualem loam of Vanderborght et al. (2005)
  (theta_r 0.08, theta_s 0.43, alpha 0.04 1/cm, n 1.6, Ks 50 cm/d), d = 100 cm, critical head
  -1e4 cm (Vanderborght's h_crit), 1000 days, 120 layers graded by 1.06 (the head falls to -100 m
  at the surface).

Usage: /usr/bin/python3 make_scenarios.py   (writes the scenario files next to this file)
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

GARDNER = """  - name: Gardner soil
    model: gardner
    theta_r: 0.05
    theta_s: 0.40
    alpha: 0.05 1/cm
    K: 1 cm/d"""

LOAM = """  - name: loam (Vanderborght et al. 2005)
    model: van-genuchten
    theta_r: 0.08
    theta_s: 0.43
    alpha: 0.04 1/cm
    n: 1.6
    K: 50 cm/d"""

# name: (title, material, d [cm], layers, critical head [cm], days, reference)
CASES = {
    "gardner_d25": ("Gardner soil, water table 25 cm deep", GARDNER, 25, 80, -1000, 3000, "steady_evap_exponential.csv, d = 25 cm, E_hs=-1000cm"),
    "gardner_d50": ("Gardner soil, water table 50 cm deep", GARDNER, 50, 80, -1000, 3000, "steady_evap_exponential.csv, d = 50 cm, E_hs=-1000cm"),
    "gardner_d100": ("Gardner soil, water table 100 cm deep", GARDNER, 100, 80, -1000, 3000, "steady_evap_exponential.csv, d = 100 cm, E_hs=-1000cm"),
    "loam_d100": ("van Genuchten loam, water table 100 cm deep", LOAM, 100, 120, -10000, 1000, "steady_evap_vanGenuchten_soils.csv, loam, d = 100 cm, E_hs=-1e4cm"),
}
GROWTH = 1.06


def layers(depth_m, n):
    """Thicknesses growing by GROWTH from the top, summing to depth_m (as the C test computes them)."""
    w, dz = 1.0, []
    for _ in range(n):
        dz.append(w)
        w *= GROWTH
    s = sum(dz)
    return [x * depth_m / s for x in dz]


def yaml_list(key, items, width=100):
    """A YAML flow list `  key: [a, b, ...]` wrapped between items."""
    lines, line = [], "  %s: [" % key
    for n, item in enumerate(items):
        text = item + ("]" if n == len(items) - 1 else ",")
        if len(line) + len(text) + 1 > width:
            lines.append(line.rstrip())
            line = "    "
        line += text + " "
    lines.append(line.rstrip())
    return "\n".join(lines)


def scenario(name, title, material, d_cm, nz, hcrit_cm, days, ref):
    dz = layers(d_cm / 100.0, nz)
    return f"""# Steady evaporation from a water table ({title}), written by make_scenarios.py.
# Potential evaporation 10 cm/d, far above what the soil can carry: the surface dries to the
# critical pressure head {hcrit_cm} cm and the flux settles at the soil-limited steady value
# ({ref}).
# share/gw-validate.py takes the evaporation of the last step from the budget CSV.
title: Steady evaporation, {title}
grid:
  nx: 1
  ny: 1
  nz: {nz}
  dx: 1 m
  dy: 1 m
  top: {d_cm} cm
{yaml_list("dz", ["%.12g m" % x for x in dz])}
materials:
{material}
initial:
  water_table: 0 m
packages:
  - name: surface
    type: atmosphere
    cells: {{k: [0, 0], face: top}}
    inputs:
      potential_evaporation: 10 cm/d
    parameters:
      critical_pressure_head: {hcrit_cm} cm
  - name: water table
    type: head
    kind: pressure
    cells: {{k: [{nz - 1}, {nz - 1}], face: bottom}}
    value: 0 m
time:
  end: {days} d
  dt_init: 1 s
  dt_min: 1e-6 s
  dt_max: 5 d
output:
  prefix: evap_{name}
"""


def main():
    for name, (title, material, d_cm, nz, hcrit, days, ref) in CASES.items():
        with open(os.path.join(HERE, "scenario_%s.yaml" % name), "w") as f:
            f.write(scenario(name, title, material, d_cm, nz, hcrit, days, ref))


if __name__ == "__main__":
    main()
