#!/bin/sh
# The steady-state first stage (initial.steady: true, lib/io/steady.c) against an analytic
# steady profile: a saturated confined column 2 m high of two layers (K = 1e-5 m/s over the upper
# metre, 1e-6 m/s below), hydraulic head 5 m on its top face and 3 m on its bottom face, 20
# cells, started from a uniform pressure head of 1 m (far from steady). Darcy's law in series
# gives q = 2 m / (1 m / K1 + 1 m / K2) and a head linear in each layer, H = 5 - q (2 - z) / K1
# above z = 1 m and H = 3 + q z / K2 below; two-point fluxes with harmonic K at the faces are
# exact for it, so the pressure head psi = H - z of the t = 0 record (the state the run starts
# from) must match at every cell centre to 1e-8 m, on 1 and 2 MPI ranks, and the last record
# (1 d later, forcing unchanged) too. Without steady: true the t = 0 record is the 1 m start.
# A tolerance given without steady: true is bad input (status 2).
LC_ALL=C
export LC_ALL
top="${top_builddir:-.}"
gw="$top/apps/gw-run"
py=/usr/bin/python3
"$py" -c "import netCDF4, numpy" 2>/dev/null || { echo "python3-netcdf4 is needed: run share/install-deps"; exit 99; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gwsteady.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' 0
cat >"$tmp/steady.yaml" <<'Y'
title: two-layer saturated column, steady
grid: {nx: 1, nz: 20, dx: 1 m, dy: 1 m, top: 2 m, dz: 10 cm}
materials:
  - {name: upper, model: van-genuchten, theta_r: 0.05, theta_s: 0.4, alpha: 3 1/m, n: 2, K: 1e-5 m/s, Ss: 1e-4 1/m}
  - {name: lower, model: van-genuchten, theta_r: 0.05, theta_s: 0.35, alpha: 2 1/m, n: 1.8, K: 1e-6 m/s, Ss: 1e-4 1/m}
zones:
  default: upper
  boxes:
    - {material: lower, k: [10, 19]}
initial: {pressure_head: 1 m, steady: true, steady_tolerance: 1e-11 m}
packages:
  - {name: top, type: head, kind: hydraulic, cells: {k: [0, 0], face: top}, value: 5 m}
  - {name: bottom, type: head, kind: hydraulic, cells: {k: [19, 19], face: bottom}, value: 3 m}
time: {end: 1 d, dt_init: 1 s, dt_max: 1 d}
Y
sed 's/, steady: true, steady_tolerance: 1e-11 m//' "$tmp/steady.yaml" >"$tmp/plain.yaml"
sed 's/, steady: true, steady_tolerance/, steady_tolerance/' "$tmp/steady.yaml" >"$tmp/bad.yaml"
fail=0
check() {
  echo "CHECK steady $1 $2 $3"
  [ "$2" = PASS ] || fail=$((fail + 1))
}
compare() { # FILE.nc RECORD
  "$py" - "$1" "$2" <<'PY'
import sys
import numpy as np, netCDF4
f = netCDF4.Dataset(sys.argv[1])
z = np.asarray(f["z"][:], float).ravel()
psi = np.asarray(f["pressure_head"][int(sys.argv[2])], float).ravel()
K1, K2 = 1e-5, 1e-6
q = 2.0 / (1.0 / K1 + 1.0 / K2)
H = np.where(z > 1.0, 5.0 - q * (2.0 - z) / K1, 3.0 + q * z / K2)
print("%.3g" % np.max(np.abs(psi - (H - z))))
PY
}
for np in 1 2; do
  if [ $np = 1 ]; then "$gw" "$tmp/steady.yaml" -o "$tmp/np1" >"$tmp/np1.log" 2>&1; else ${MPIEXEC:-mpiexec} -n 2 "$gw" "$tmp/steady.yaml" -o "$tmp/np2" >"$tmp/np2.log" 2>&1; fi
  st=$?
  it=$(sed -n 's/^Steady-state stage: converged in \([0-9]*\) pseudo-time steps.*/\1/p' "$tmp/np$np.log")
  for r in 0 -1; do
    e=$(compare "$tmp/np$np.nc" $r 2>/dev/null)
    [ $st -eq 0 ] && awk -v e="$e" 'BEGIN { exit !(e != "" && e + 0 <= 1e-8) }' && s=PASS || s=FAIL
    check "np${np}_record_${r}_analytic" $s "status=$st iterations=$it max_abs_err=$e m tol=1e-8"
  done
done
"$gw" "$tmp/plain.yaml" -o "$tmp/plain" >"$tmp/plain.log" 2>&1
e=$("$py" -c "import netCDF4, numpy; print('%.3g' % numpy.max(numpy.abs(numpy.asarray(netCDF4.Dataset('$tmp/plain.nc')['pressure_head'][0]) - 1.0)))")
[ "$e" = 0 ] && s=PASS || s=FAIL
check without_steady_starts_from_initial $s "max_abs_diff_from_1m=$e"
"$gw" --check "$tmp/bad.yaml" >"$tmp/bad.log" 2>&1
st=$?
[ $st -eq 2 ] && grep -q "initial: steady_tolerance and steady_max_iterations go with steady: true" "$tmp/bad.log" && s=PASS || s=FAIL
check tolerance_without_steady_refused $s "status=$st $(grep 'bad input' "$tmp/bad.log")"
[ "$fail" -eq 0 ] && echo PASS || { echo FAIL; exit 1; }
