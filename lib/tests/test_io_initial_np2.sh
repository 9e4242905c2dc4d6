#!/bin/sh
# Initial states for spin-up (lib/io/initial.c), on the gridded scenario (sloping column tops from
# NetCDF), each on 1 and 2 MPI ranks; the first NetCDF record of each run is compared with an
# independent computation in python3 (netCDF4) from the file's own z and top:
# - water_table_depth: 1.5 m: psi = (top - 1.5) - z in every cell, to 1e-12 m;
# - water_table as a NetCDF (y, x) surface of elevations top - 1.5 m (in cm, converted): the
#   same field, to 1e-12 m;
# - water_content as a profile {depth: [0.5 m, 2 m, 4 m], value: [0.20, 0.28, 0.33]}: the first
#   record's water content equals the profile interpolated linearly at each cell centre's depth
#   below its column top (end values beyond, with a warning), to 1e-12 (sand and loam cells:
#   each turned into a pressure head by its own retention curve and back);
# - in both (water table cases), the output maps water_table_elevation = top - 1.5 m and depth_to_water = 1.5 m in
#   every column of that record, to 1e-12 m (the hydrostatic pressure head is linear in z, so the
#   interpolation between the cell centres bracketing psi = 0 is exact);
# - netcdf with record: -1 from an earlier run's output: the first record equals that run's last
#   pressure head exactly, and record: 0 its first;
# - record: 7 of a 3-record variable: bad input, status 2, the message gives the record count.
LC_ALL=C
export LC_ALL
top="${top_builddir:-.}"
src="${srcdir:-.}"
gw="$top/apps/gw-run"
py=/usr/bin/python3
command -v ncgen >/dev/null 2>&1 || { echo "SKIP: needs ncgen"; exit 77; }
"$py" -c "import netCDF4, numpy" 2>/dev/null || { echo "python3-netcdf4 is needed: run share/install-deps"; exit 99; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gwinit.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' 0
cp "$src/lib/tests/scenarios/gridded/gridded.yaml" "$tmp/" || exit 99
ncgen -o "$tmp/grid.nc" "$src/lib/tests/scenarios/gridded/grid.cdl" || exit 99
fail=0
check() {
  echo "CHECK initial $1 $2 $3"
  [ "$2" = PASS ] || fail=$((fail + 1))
}
# the water table 1.5 m below the tops, in cm
"$py" - "$tmp" <<'PY' || exit 99
import sys, netCDF4
d = sys.argv[1]
g = netCDF4.Dataset(d + "/grid.nc")
w = netCDF4.Dataset(d + "/wt.nc", "w")
w.createDimension("y", g.dimensions["y"].size)
w.createDimension("x", g.dimensions["x"].size)
v = w.createVariable("wt", "f8", ("y", "x"))
v.units = "cm"
v[:] = (g["top"][:] - 1.5) * 100
w.close()
PY
scen() { # NAME INITIAL-LINE
  sed "s|^initial: .*|initial: $2|" "$tmp/gridded.yaml" >"$tmp/$1.yaml"
}
scen depth "{water_table_depth: 1.5 m}"
scen surface "{water_table: {netcdf: wt.nc, variable: wt}}"
scen profile "{water_content: {depth: [0.5 m, 200 cm, 4 m], value: [0.20, 0.28, 0.33]}}"
run() { # NAME NP
  if [ "$2" = 1 ]; then "$gw" "$tmp/$1.yaml" -o "$tmp/$1_np$2" >"$tmp/$1_np$2.log" 2>&1; else ${MPIEXEC:-mpiexec} -n 2 "$gw" "$tmp/$1.yaml" -o "$tmp/$1_np$2" >"$tmp/$1_np$2.log" 2>&1; fi
}
"$gw" "$tmp/gridded.yaml" -o "$tmp/prev" >"$tmp/prev.log" 2>&1 || { cat "$tmp/prev.log"; exit 1; }
scen last "{netcdf: prev.nc, variable: pressure_head, record: -1}"
scen first "{netcdf: prev.nc, variable: pressure_head, record: 0}"
scen missing "{netcdf: prev.nc, variable: pressure_head, record: 7}"
for np in 1 2; do
  for c in depth surface profile last first; do
    run $c $np
    st=$?
    res=$("$py" - "$tmp/${c}_np$np.nc" "$tmp/prev.nc" "$c" <<'PY'
import sys
import numpy as np, netCDF4
f = netCDF4.Dataset(sys.argv[1])
psi = np.asarray(f["pressure_head"][0], float)
if sys.argv[3] in ("depth", "surface"):
    want = (np.asarray(f["top"][:], float) - 1.5)[None, :, :] - np.asarray(f["z"][:], float)
    # the water-table maps of the same record: elevation top - 1.5 m and depth 1.5 m everywhere
    wte = np.asarray(f["water_table_elevation"][0].filled(np.nan), float)
    dtw = np.asarray(f["depth_to_water"][0].filled(np.nan), float)
    extra = max(np.max(np.abs(wte - (np.asarray(f["top"][:], float) - 1.5))), np.max(np.abs(dtw - 1.5)))
elif sys.argv[3] == "profile":
    # the first record's water content against the profile interpolated at each centre's depth
    depth = np.asarray(f["top"][:], float)[None, :, :] - np.asarray(f["z"][:], float)
    want = np.interp(depth, [0.5, 2.0, 4.0], [0.20, 0.28, 0.33])
    psi = np.asarray(f["water_content"][0], float)
    extra = 0.0
else:
    want = np.asarray(netCDF4.Dataset(sys.argv[2])["pressure_head"][-1 if sys.argv[3] == "last" else 0], float)
    extra = 0.0
e = max(np.max(np.abs(psi - want)), extra)
print("%.3g" % (e if np.isfinite(e) else 1e300))
PY
)
    tol=1e-12
    case $c in last | first) tol=0 ;; esac
    if [ $c = profile ]; then # cells below 4 m and above 0.5 m hold the end values, with a warning
      grep -q "warning: .*profile.yaml:[0-9]*:[0-9]*: initial.water_content: [0-9]* cells lie outside the profile's depths" "$tmp/${c}_np$np.log" || res="no-warning"
    fi
    [ $st -eq 0 ] && awk -v e="$res" -v t=$tol 'BEGIN { exit !(e != "" && e + 0 <= t) }' && s=PASS || s=FAIL
    check "${c}_np$np" $s "status=$st max_abs_diff=$res m tol=$tol"
  done
  run missing $np
  st=$?
  msg=$(grep "bad input" "$tmp/missing_np$np.log" | sort -u)
  [ $st -eq 2 ] && printf '%s' "$msg" | grep -q 'initial.record: variable "pressure_head" in .*prev.nc has 3 records (0..2, or -1 for the last): record 7 does not exist' && s=PASS || s=FAIL
  check "record_missing_np$np" $s "status=$st msg=\"$msg\""
done
[ "$fail" -eq 0 ] && echo PASS || { echo FAIL; exit 1; }
