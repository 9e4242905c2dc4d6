#!/usr/bin/python3
"""Steady evaporation from a water table through a uniform van Genuchten-Mualem soil (numpy only).

    /usr/bin/python3 steady_evap.py

With the water table (h = 0) at depth d below the surface and the surface held at pressure head
hs, a steady upward flux E satisfies  d = int_hs^0 dh / (1 + E/K(h))  (Gardner 1958; the
formula of the benchmark of Vanderborght et al. 2005, Vadose Zone J. 4, 206-221). E is found by
bisection on log E; the integral is a trapezoid rule in s = ln|h| on 200 001 points.

Prints E for the Carsel and Parrish (1988) loam of this example and, as a check of this script,
for the Vanderborght et al. (2005) loam of validation/06_evaporation/steady_evap_vanGenuchten_soils.csv
(reference there: 7.392155e-03 cm/d at d = 200 cm, hs = -1e4 cm).
"""
import numpy as np


def kr(h, alpha, n):
    """Mualem (l = 1/2) relative conductivity of van Genuchten (1980) for h < 0 [h in cm, alpha in 1/cm]."""
    m = 1 - 1 / n
    se = (1 + (alpha * np.abs(h)) ** n) ** (-m)
    return np.sqrt(se) * (1 - (1 - se ** (1 / m)) ** m) ** 2


def depth(E, hs, alpha, n, Ks):
    """Height above the water table [cm] where the steady profile with upward flux E [cm/d] reaches hs [cm]."""
    s = np.linspace(np.log(1e-8), np.log(-hs), 200001)
    h = -np.exp(s)
    f = np.exp(s) / (1 + E / (Ks * kr(h, alpha, n)))
    return np.trapz(f, s) + 1e-8  # the last 1e-8 cm next to the water table, where K = Ks


def steady_evaporation(d, hs, alpha, n, Ks):
    lo, hi = 1e-12, 1e3  # cm/d; depth() decreases as E grows
    for _ in range(100):
        mid = np.sqrt(lo * hi)
        if depth(mid, hs, alpha, n, Ks) > d:
            lo = mid
        else:
            hi = mid
    return np.sqrt(lo * hi)


if __name__ == "__main__":
    soils = [("Carsel-Parrish 1988 loam (this example)", 0.036, 1.56, 24.96),
             ("Vanderborght 2005 loam (validation table)", 0.04, 1.6, 50.0)]
    print("soil, alpha [1/cm], n, Ks [cm/d], d [cm], hs [cm], E [cm/d], E [mm/yr]")
    for name, alpha, n, Ks in soils:
        for hs in (-1e4, -1e6):
            E = steady_evaporation(200.0, hs, alpha, n, Ks)
            print("%s, %g, %g, %g, 200, %g, %.6e, %.2f" % (name, alpha, n, Ks, hs, E, E * 3652.5))
