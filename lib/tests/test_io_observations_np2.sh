#!/bin/sh
# Observations on their own schedule, on 1 and 2 MPI ranks (2 ranks split the column). A 1 m
# column of loam (van Genuchten theta_r 0.078, theta_s 0.43, alpha 3.6 1/m, n 1.56) in
# hydrostatic equilibrium with a water table at 0.3 m and no boundary flow, run for 365 d with
# output.observation_every: 1 d and no field output times: the NetCDF file must hold only t = 0 and
# the end (2 records), the observation file 366 rows (t = 0 and every day), and at the point
# z = 0.45 m every row must give the closed-form values to 1e-8: pressure head -0.15 m, hydraulic
# head 0.3 m, water content theta(-0.15 m) and saturation theta / theta_s from the van Genuchten
# formula, depth to water 0.7 m.
LC_ALL=C
export LC_ALL
top="${top_builddir:-.}"
gw="$top/apps/gw-run"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gwobs.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' 0
cat >"$tmp/year.yaml" <<'YAML'
title: daily observations of a column at rest
grid: {nx: 1, nz: 10, dx: 1 m, dy: 1 m, top: 1 m, dz: 10 cm}
materials:
  - {name: loam, model: van-genuchten, theta_r: 0.078, theta_s: 0.43, alpha: 3.6 1/m, n: 1.56, K: 24.96 cm/d}
initial: {water_table: 0.3 m}
time: {end: 365 d, dt_init: 1 h, dt_min: 1 s, dt_max: 30 d}
output: {observation_every: 1 d}
observations:
  - {name: p45, x: 0.5 m, z: 0.45 m, quantities: [pressure_head, hydraulic_head, water_content, saturation, depth_to_water]}
YAML
fail=0
for r in 1 2; do
  run=""
  [ $r = 2 ] && run="${MPIEXEC:-mpiexec} -n 2"
  $run "$gw" "$tmp/year.yaml" -o "$tmp/np$r" >"$tmp/np$r.log" 2>&1 || { cat "$tmp/np$r.log"; exit 1; }
  nrec=$(ncdump -h "$tmp/np$r.nc" | sed -n 's/.*time = UNLIMITED ; \/\/ (\([0-9]*\) currently)/\1/p')
  awk -F, -v r=$r -v nrec="$nrec" '
    BEGIN { psi = -0.15; m = 1 - 1 / 1.56; th = 0.078 + (0.43 - 0.078) / (1 + (3.6 * 0.15) ^ 1.56) ^ m
            want["p45_pressure_head_m"] = psi; want["p45_hydraulic_head_m"] = 0.3; want["p45_water_content"] = th
            want["p45_saturation"] = th / 0.43; want["p45_depth_to_water_m"] = 0.7 }
    NR == 1 { for (i = 1; i <= NF; i++) col[i] = $i; next }
    { rows++; if ($1 != (NR - 2) * 86400) badt++
      for (i = 2; i <= NF; i++) { d = $i - want[col[i]]; if (d < 0) d = -d; if (d > err) err = d; n++ } }
    END { ok = rows == 366 && !badt && n == 5 * 366 && err <= 1e-8 && nrec == 2
          printf "CHECK observations np%d rows=%d (want 366) daily_times_wrong=%d values=%d max_abs_err=%.3g tol=1e-8 netcdf_records=%s (want 2) %s\n", r, rows, badt, n, err, nrec, ok ? "PASS" : "FAIL"
          exit !ok }' "$tmp/np$r-obs.csv" || fail=$((fail + 1))
done
[ "$fail" -eq 0 ] && echo PASS || { echo FAIL; exit 1; }
