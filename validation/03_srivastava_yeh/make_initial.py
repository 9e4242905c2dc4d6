#!/usr/bin/python3
"""Writes initial_steady.nc, the initial pressure heads of scenario_wetting.yaml and
scenario_drying.yaml: run once, by hand (/usr/bin/python3 with Debian's python3-netcdf4).

Srivastava and Yeh (1991) start from the steady profile for the flux qA applied before t = 0.
With Gardner's K = Ks exp(alpha psi) and the water table at z = 0, Darcy's law
K (dpsi/dz + 1) = q (q downward) integrates to
    exp(alpha psi) = q/Ks + (1 - q/Ks) exp(-alpha z),
evaluated at the cell centres z = L - (k + 1/2) dz of the 100 one-centimetre layers (layer 0 at
the top), as lib/tests/test_flow_srivastava_yeh.c does. Variables (layer, y, x) in m:
pressure_head_qA_0.1 (wetting, qA = 0.1 cm/h) and pressure_head_qA_0.9 (drying, qA = 0.9 cm/h).
"""
import os

import netCDF4
import numpy as np

L, NZ = 1.0, 100  # column height [m], layers
ALPHA, KS = 10.0, 0.01 / 3600.0  # Gardner alpha [1/m], Ks [m/s]
CASES = {"pressure_head_qA_0.1": (0.1, "wetting"), "pressure_head_qA_0.9": (0.9, "drying")}


def steady_psi(z, q):
    return np.log(q / KS + (1.0 - q / KS) * np.exp(-ALPHA * z)) / ALPHA


def main():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "initial_steady.nc")
    dz = L / NZ
    zc = L - (np.arange(NZ) + 0.5) * dz
    with netCDF4.Dataset(path, "w", format="NETCDF4") as ds:
        ds.title = "Srivastava and Yeh (1991) steady initial pressure heads, Gardner soil, water table at the column bottom"
        ds.source = "validation/03_srivastava_yeh/make_initial.py"
        ds.createDimension("layer", NZ)
        ds.createDimension("y", 1)
        ds.createDimension("x", 1)
        z = ds.createVariable("z", "f8", ("layer",))
        z.long_name = "elevation of cell centre above the water table"
        z.units = "m"
        z[:] = zc
        for name, (q_cm_h, run) in CASES.items():
            v = ds.createVariable(name, "f8", ("layer", "y", "x"))
            v.long_name = f"steady pressure head for a surface flux of {q_cm_h} cm/h (initial state of the {run} run)"
            v.units = "m"
            v[:] = steady_psi(zc, q_cm_h * 0.01 / 3600.0).reshape(NZ, 1, 1)


if __name__ == "__main__":
    main()
