#!/usr/bin/python3
"""Plots a run of examples/arid_column: profiles and the cumulative three-waters terms.

    /usr/bin/python3 plot.py [PREFIX] [-o PNG]

PREFIX is the output prefix given to gw-run (default arid_column: reads arid_column.nc and
arid_column-budget.csv); the picture goes to PREFIX.png unless -o names another file.
Needs matplotlib and netCDF4 (Debian: python3-matplotlib, python3-netcdf4).
"""
import argparse
import csv
import datetime

import matplotlib
matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import netCDF4  # noqa: E402
import numpy as np  # noqa: E402

START = datetime.datetime(2019, 1, 1)   # time.start_date of scenario.yaml
PROFILE_DAYS = [0, 90, 180, 300, 365]  # output times drawn as profiles [d]
STEADY_MM_D = 0.0595                   # steady_evap.py: this loam, water table 2 m down, surface at -100 m


def read_budget(path):
    with open(path) as f:
        rows = list(csv.reader(f))
    head, data = rows[0], np.array([[float(v) for v in r] for r in rows[1:]])
    return {name: data[:, i] for i, name in enumerate(head)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("prefix", nargs="?", default="arid_column")
    ap.add_argument("-o", "--output")
    a = ap.parse_args()
    png = a.output or a.prefix + ".png"

    nc = netCDF4.Dataset(a.prefix + ".nc")
    t_d = nc["time"][:] / 86400.0
    top = float(nc["top"][:].ravel()[0])
    depth = top - nc["z"][:, 0, 0]
    psi = nc["pressure_head"][:, :, 0, 0]
    theta = nc["water_content"][:, :, 0, 0]
    b = read_budget(a.prefix + "-budget.csv")
    xb, yb = nc["x_bounds"][:], nc["y_bounds"][:]
    area = float(np.sum(xb[:, 1] - xb[:, 0]) * np.sum(yb[:, 1] - yb[:, 0]))  # model area [m^2]
    mm = 1000.0 / area  # m^3 -> mm over the model area
    date = [START + datetime.timedelta(seconds=float(s)) for s in b["time_s"]]

    fig, ax = plt.subplots(2, 2, figsize=(12, 9))
    colors = plt.cm.viridis(np.linspace(0, 0.9, len(PROFILE_DAYS)))
    for day, c in zip(PROFILE_DAYS, colors):
        n = int(np.argmin(np.abs(t_d - day)))
        label = (START + datetime.timedelta(days=float(t_d[n]))).strftime("%d %b %Y") + " (day %g)" % t_d[n]
        ax[0, 0].plot(psi[n], depth, "-", color=c, label=label)
        ax[0, 1].plot(theta[n], depth, "-", color=c, label=label)
    ax[0, 0].set_xscale("symlog", linthresh=0.1)
    ax[0, 0].set_xlim(-100, 1.5)
    ax[0, 0].set_xlabel("pressure head [m] (symmetric log scale)")
    ax[0, 0].set_title("(a) pressure head")
    ax[0, 1].set_xlabel("volumetric water content [-]")
    ax[0, 1].set_title("(b) water content")
    for p in ax[0]:
        p.axhline(2.0, color="tab:blue", lw=0.8, ls=":")
        p.set_ylim(3, 0)
        p.set_ylabel("depth below the surface [m]")
        p.grid(alpha=0.3)
    ax[0, 0].text(-90, 1.95, "water table held at 2 m", color="tab:blue", fontsize=8, va="bottom")
    ax[0, 1].legend(fontsize=8, loc="lower left")

    p = ax[1, 0]
    p.plot(date, b["cum_surface_precipitation_m3"] * mm, color="tab:blue", label="precipitation")
    p.plot(date, b["cum_surface_evaporation_m3"] * mm, color="tab:red", label="actual evaporation")
    p.plot(date, b["cum_storage_change_m3"] * mm, color="tab:green", label="storage increase")
    p.plot(date, b["cum_recharge_across_water_table_m3"] * mm, color="k", label="net recharge across the water table")
    p.set_ylabel("cumulative depth [mm]")
    p2 = p.twinx()
    p2.plot(date, b["cum_surface_potential_evaporation_m3"] * mm, color="tab:orange", ls="--", label="potential evaporation (right axis)")
    p2.set_ylabel("cumulative potential evaporation [mm]", color="tab:orange")
    lo, hi = p.get_ylim()
    k = 1.05 * float(b["cum_surface_potential_evaporation_m3"][-1]) * mm / hi
    p2.set_ylim(lo * k, hi * k)  # both zeros on one line
    h1, l1 = p.get_legend_handles_labels()
    h2, l2 = p2.get_legend_handles_labels()
    p.legend(h1 + h2, l1 + l2, fontsize=8, loc="upper left")
    p.set_title("(c) cumulative three-waters terms")
    p.grid(alpha=0.3)

    # daily flux across the water table, positive downward (recharge), negative upward (capillary rise)
    mid = (b["time_s"] - b["dt_s"] / 2) / 86400.0
    day = np.floor(mid).astype(int)
    ndays = int(day.max()) + 1
    rech = np.bincount(day, b["recharge_across_water_table_m3"] * mm, ndays)
    days = [START + datetime.timedelta(days=i + 0.5) for i in range(ndays)]
    p = ax[1, 1]
    p.plot(days, rech, color="k", lw=1, label="simulated, daily")
    p.axhline(-STEADY_MM_D, color="tab:purple", ls="--", label="steady capillary rise, analytic (%.4f mm/d up)" % STEADY_MM_D)
    p.axhline(0, color="0.5", lw=0.5)
    p.set_ylabel("flux across the water table [mm/d]\n(+ down: recharge, - up: capillary rise)")
    p.set_title("(d) exchange between soil water and groundwater")
    p.legend(fontsize=8, loc="upper right")
    p.grid(alpha=0.3)
    for q in ax[1]:
        q.xaxis.set_major_formatter(mdates.DateFormatter("%b"))
    fig.suptitle(nc.title, fontsize=11)
    fig.tight_layout()
    fig.savefig(png, dpi=110)
    print(png)


if __name__ == "__main__":
    main()
