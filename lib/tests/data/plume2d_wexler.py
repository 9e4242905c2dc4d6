#!/usr/bin/python3
"""Reference table for lib/tests/test_transport_plume2d.c and validation/12_plume2d: Wexler's
(1992, USGS TWRI book 3 ch. B7) solution for a continuous strip source of width W centred on y = 0
on the inflow face x = 0 of a semi-infinite aquifer of infinite width in uniform flow along x
(first-type boundary: c = c0 on |y| <= W/2, 0 elsewhere on x = 0; c = 0 at t = 0):

  c/c0 = x / (2 sqrt(pi D_L)) int_0^t s^(-3/2) exp(-(x - v s)^2 / (4 D_L s))
           1/2 [erf((y + W/2) / (2 sqrt(D_T s))) - erf((y - W/2) / (2 sqrt(D_T s)))] ds

evaluated by adaptive quadrature (scipy.integrate.quad) in the original variable s, independently
of the C test (which uses Gauss-Legendre in u = s^(-1/2)). Parameters: v = 0.5 m/d, alpha_L = 5 m,
alpha_T = 0.5 m (D = alpha v), W = 22 m, t = 200 d. Writes CSV x_m,y_m,c_over_c0 on stdout."""
import math
import sys

from scipy.integrate import quad

V, AL, AT, W, T = 0.5, 5.0, 0.5, 22.0, 200.0  # m/d, m, m, m, d
DL, DT = AL * V, AT * V


def wexler(x, y):
    def f(s):
        b = 0.5 * (math.erf((y + W / 2) / (2 * math.sqrt(DT * s))) - math.erf((y - W / 2) / (2 * math.sqrt(DT * s))))
        return s ** -1.5 * math.exp(-(x - V * s) ** 2 / (4 * DL * s)) * b
    # the integrand peaks near s = x / v: split there so quad sees the peak
    smid = min(max(x / V, 1e-3), T)
    val = quad(f, 0, smid, epsabs=1e-14, epsrel=1e-12, limit=500)[0]
    if smid < T:
        val += quad(f, smid, T, epsabs=1e-14, epsrel=1e-12, limit=500)[0]
    return x / (2 * math.sqrt(math.pi * DL)) * val


def main():
    out = sys.stdout
    out.write("# Wexler (1992) strip source, v = 0.5 m/d, alpha_L = 5 m, alpha_T = 0.5 m, W = 22 m, t = 200 d (plume2d_wexler.py)\n")
    out.write("x_m,y_m,c_over_c0\n")
    for x in (1, 3, 11, 25, 51, 75, 101, 125, 151, 175):
        out.write("%g,%g,%.12e\n" % (x, 0.0, wexler(x, 0.0)))
    for y in (0, 4, 8, 10, 11, 12, 14, 18, 24, 30, 40, 50):
        out.write("%g,%g,%.12e\n" % (51.0, y, wexler(51.0, y)))
    for y in (0, 6, 10, 11, 12, 16, 22):
        out.write("%g,%g,%.12e\n" % (11.0, y, wexler(11.0, y)))
    for y in (0, 10, 20, 30, 45):
        out.write("%g,%g,%.12e\n" % (101.0, y, wexler(101.0, y)))
    for x in (3, 51, 151):
        out.write("%g,%g,%.12e\n" % (x, -7.0, wexler(x, -7.0)))


if __name__ == "__main__":
    main()
