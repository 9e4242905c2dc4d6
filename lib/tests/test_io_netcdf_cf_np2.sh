#!/bin/sh
# The NetCDF output as a CF reader sees it. gw-run writes the good column scenario (start_date
# 2018-04-20, fields at 0, 1, 2 and 3 h) on 1 and on 2 MPI ranks; python3-xarray (installed by
# share/install-deps) opens each file and must:
# - decode time as dates: 2018-04-20T00:00, 01:00, 02:00, 03:00 exactly (CF "seconds since");
# - find standard_name "time" on time and "volume_fraction_of_condensed_water_in_soil" on
#   water_content, a long_name and a units attribute on every variable, units "m" on the heads,
#   "1" on water content and saturation, "m s-1" on the Darcy fluxes, "m3" on cell_volume;
# - find a _FillValue (NetCDF's default for doubles, 9.969209968386869e36) and zlib compression
#   (deflate level 1, shuffle) on every gridded variable, also when 2 ranks wrote the file in
#   parallel; with -gw_netcdf_deflate 0 no compression;
# - find water_table_elevation and depth_to_water (time, y, x) equal to an independent
#   recomputation from the record's pressure head and z (to 1e-12 m), with _FillValue in the
#   records where the bottom cell is unsaturated (t = 0) and values where it is saturated; on 2
#   ranks the single column is split over the ranks (the gathered path);
# - read the same pressure head through xarray (masked and decoded) as through netCDF4 raw, and
#   the 2-rank file equal to the 1-rank one to 1e-10 relative.
LC_ALL=C
export LC_ALL
top="${top_builddir:-.}"
src=$(cd "${srcdir:-.}" && pwd)
gw="$top/apps/gw-run"
py=/usr/bin/python3
"$py" -c "import xarray, netCDF4" 2>/dev/null || { echo "python3-xarray and python3-netcdf4 are needed: run share/install-deps"; exit 99; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gwcf.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' 0
sed -e 's|file: rain.csv|file: '"$src"'/lib/tests/scenarios/rain.csv|' -e 's|file: bottom.csv|file: '"$src"'/lib/tests/scenarios/bottom.csv|' \
  "$src/lib/tests/scenarios/good_column.yaml" >"$tmp/cf.yaml"
"$gw" "$tmp/cf.yaml" -o "$tmp/np1" >"$tmp/np1.log" 2>&1 || { cat "$tmp/np1.log"; exit 1; }
${MPIEXEC:-mpiexec} -n 2 "$gw" "$tmp/cf.yaml" -o "$tmp/np2" >"$tmp/np2.log" 2>&1 || { cat "$tmp/np2.log"; exit 1; }
"$gw" "$tmp/cf.yaml" -o "$tmp/plain" -gw_netcdf_deflate 0 >"$tmp/plain.log" 2>&1 || { cat "$tmp/plain.log"; exit 1; }
"$py" - "$tmp" <<'PY'
import sys
import numpy as np, netCDF4, xarray as xr
tmp = sys.argv[1]
fail = 0
def check(name, ok, detail=""):
    global fail
    print("CHECK netcdf_cf %s %s %s" % (name, "PASS" if ok else "FAIL", detail))
    fail += 0 if ok else 1
units = {"pressure_head": "m", "hydraulic_head": "m", "water_content": "1", "saturation": "1", "darcy_flux_x": "m s-1",
         "darcy_flux_y": "m s-1", "darcy_flux_z": "m s-1", "water_table_elevation": "m", "depth_to_water": "m", "cell_volume": "m3", "z": "m", "top": "m", "bottom": "m", "x": "m", "y": "m"}
gridded = ["z", "top", "bottom", "zone", "cell_volume", "pressure_head", "hydraulic_head", "water_content", "saturation", "darcy_flux_x", "darcy_flux_y", "darcy_flux_z", "water_table_elevation", "depth_to_water"]
def water_table(psi, z):
    """Water table of each column (y, x) of one record, recomputed from pressure head and cell
    centres: where psi crosses 0 above the saturated zone reaching the bottom; NaN if none."""
    nz, ny, nx = psi.shape
    out = np.full((ny, nx), np.nan)
    for j in range(ny):
        for i in range(nx):
            p, zc = psi[:, j, i], z[:, j, i]
            if p[-1] < 0:
                continue
            k = nz - 1
            while k > 0 and p[k - 1] >= 0:
                k -= 1
            out[j, i] = zc[0] + p[0] if k == 0 else zc[k] + p[k] / (p[k] - p[k - 1]) * (zc[k - 1] - zc[k])
    return out
for run in ("np1", "np2", "plain"):
    path = "%s/%s.nc" % (tmp, run)
    ds = xr.open_dataset(path)
    t = ds["time"].values
    want = np.array(["2018-04-20T00:00", "2018-04-20T01:00", "2018-04-20T02:00", "2018-04-20T03:00"], dtype="datetime64[ns]")
    check(run + "_time_decoded_as_dates", np.issubdtype(t.dtype, np.datetime64) and t.shape == want.shape and bool(np.all(t == want)), str(t))
    check(run + "_time_standard_name", ds["time"].attrs.get("standard_name") == "time" and ds["time"].encoding.get("units", "").startswith("seconds since 2018-04-20"), str(ds["time"].encoding.get("units")))
    check(run + "_water_content_standard_name", ds["water_content"].attrs.get("standard_name") == "volume_fraction_of_condensed_water_in_soil")
    bad = [v for v in ds.variables if v != "time" and (not ds[v].attrs.get("long_name") or "units" not in ds[v].attrs)]
    bad += [v for v, u in units.items() if ds[v].attrs.get("units") != u]
    check(run + "_long_name_and_units", not bad, "wrong: %s" % bad)
    nc = netCDF4.Dataset(path)
    bad = []
    for v in gridded:
        f = nc[v].filters()
        fill = getattr(nc[v], "_FillValue", None)
        okfill = fill is not None and (fill == netCDF4.default_fillvals["f8"] if nc[v].dtype == np.float64 else fill == netCDF4.default_fillvals["i4"])
        okz = (f["zlib"] and f["shuffle"] and f["complevel"] == 1) if run != "plain" else not f["zlib"]
        if not (okfill and okz):
            bad.append("%s fill=%s filters=%s" % (v, fill, f))
    check(run + "_fillvalue_and_" + ("no_compression" if run == "plain" else "deflate"), not bad, "; ".join(bad))
    raw = np.asarray(nc["pressure_head"][:].filled(np.nan))
    z, top = np.asarray(nc["z"][:], float), np.asarray(nc["top"][:], float)
    wte, dtw = nc["water_table_elevation"][:].filled(np.nan), nc["depth_to_water"][:].filled(np.nan)
    err, nwt, nnone = 0.0, 0, 0
    for r in range(raw.shape[0]):
        want = water_table(raw[r], z)
        same_none = np.array_equal(np.isnan(want), np.isnan(wte[r])) and np.array_equal(np.isnan(want), np.isnan(dtw[r]))
        err = max(err, 0.0 if same_none else np.inf, np.nanmax(np.abs(np.r_[wte[r] - want, dtw[r] - (top - want)].ravel()), initial=0.0))
        nwt += int(np.sum(~np.isnan(want)))
        nnone += int(np.sum(np.isnan(want)))
    check(run + "_water_table_maps", err <= 1e-12 and nwt > 0 and nnone > 0, "max_abs_err=%.3g m tol=1e-12 (%d column-records with a water table, %d without: _FillValue)" % (err, nwt, nnone))
    check(run + "_xarray_reads_raw_values", raw.shape == ds["pressure_head"].shape and bool(np.array_equal(raw, ds["pressure_head"].values)), str(raw.shape))
    ds.close()
    nc.close()
a, b = xr.open_dataset(tmp + "/np1.nc"), xr.open_dataset(tmp + "/np2.nc")
worst = max(float(np.nanmax(np.abs(a[v].values - b[v].values)) / max(float(np.nanmax(np.abs(a[v].values))), 1e-300)) for v in gridded if v != "zone")
same_fill = all(np.array_equal(np.isnan(a[v].values), np.isnan(b[v].values)) for v in ("water_table_elevation", "depth_to_water"))
check("np2_water_table_fill_equals_np1", same_fill)
check("np2_equals_np1", worst <= 1e-10, "max_rel=%.3g tol=1e-10" % worst)
sys.exit(1 if fail else 0)
PY
