#!/usr/bin/python3
"""Water-table positions of a Vauclin et al. (1979) run against the measurements.

usage: plot-vauclin.py RUN.nc REFERENCE_FOLDER OUT.png

The water table of each column is the elevation where pressure head crosses 0, interpolated
linearly between the cell centres that bracket it. Prints the RMS difference from the measured
points (Vauclin et al. 1979, Fig. 10) at 2, 3, 4 and 8 h and plots both."""
import csv
import os
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import netCDF4
import numpy as np

HOURS = (2, 3, 4, 8)


def water_table(psi, z):
    """Water-table elevation per column from psi[layer, x] and z[layer, x] (layer 0 on top)."""
    nz, nx = psi.shape
    h = np.full(nx, np.nan)
    for i in range(nx):
        for k in range(nz - 1, 0, -1):
            if psi[k, i] >= 0 > psi[k - 1, i]:
                h[i] = z[k, i] + psi[k, i] / (psi[k, i] - psi[k - 1, i]) * (z[k - 1, i] - z[k, i])
                break
        else:
            if psi[0, i] >= 0:
                h[i] = z[0, i] + psi[0, i]
    return h


def read_points(path):
    rows = [r for r in csv.DictReader(l for l in open(path) if not l.startswith("#"))]
    return [(float(r["t_hr"]), float(r["x_cm"]) / 100, float(r["height_cm"]) / 100) for r in rows]


def compare(ncfile, refdir):
    """Returns simulated water tables {hour: (x, h)}, measured points and the RMS difference [m]."""
    ds = netCDF4.Dataset(ncfile)
    t, x = ds["time"][:], ds["x"][:]
    psi, z = ds["pressure_head"][:, :, 0, :], ds["z"][:, 0, :]
    sim = {}
    for hr in HOURS:
        it = int(np.argmin(abs(t - hr * 3600.0)))
        if abs(t[it] - hr * 3600.0) > 1.0:
            sys.exit("%s has no output at %g h; the scenario must write 2, 3, 4 and 8 h" % (ncfile, hr))
        sim[hr] = (x, water_table(psi[it], z))
    pts = read_points(os.path.join(refdir, "vauclin1979_fig10_measured_points.csv"))
    err = [np.interp(xm, *sim[hr]) - hm for hr, xm, hm in pts if hr in sim]
    return sim, pts, float(np.sqrt(np.mean(np.square(err)))), len(err)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    ncfile, refdir, png = sys.argv[1:]
    sim, pts, rms, n = compare(ncfile, refdir)
    fig, ax = plt.subplots(figsize=(7, 4.5))
    for c, hr in zip(("C0", "C1", "C2", "C3"), HOURS):
        ax.plot(sim[hr][0], 100 * sim[hr][1], color=c, label="libgw %g h" % hr)
        m = [(xm, hm) for h, xm, hm in pts if h == hr]
        ax.plot([p[0] for p in m], [100 * p[1] for p in m], "o", color=c, mfc="none", label="measured %g h" % hr)
    ax.set_xlabel("distance from the centre of the box x [m]")
    ax.set_ylabel("water-table height above the bottom [cm]")
    ax.set_title("Vauclin et al. (1979): RMS difference %.1f cm over %d points" % (100 * rms, n))
    ax.legend(ncol=2, fontsize=8)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(png, dpi=120)
    print("vauclin water_table_rms_cm %.2f over %d measured points; plot %s" % (100 * rms, n, png))


if __name__ == "__main__":
    main()
