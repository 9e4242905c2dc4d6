#!/bin/sh
# Layer observations (observations[].depth: water content averaged over a depth range and the
# water stored in it), on 1 and 2 MPI ranks (2 ranks split the column):
# - a 1 m loam column (10 cells of 10 cm; van Genuchten theta_r 0.078, theta_s 0.43, alpha 3.6 1/m,
#   n 1.56) at rest over a water table at 0.3 m, observed daily for 2 d over [0.25 m, 0.65 m]
#   (half of cell 2, cells 3-5, half of cell 6) and over the whole column: every row must give the
#   closed form sum_k theta(psi_k) * overlap_k with psi_k = 0.3 m - z_k at the cell centres, and
#   that sum / thickness as the average water content, to 1e-10 m;
# - the same column with a closed bottom, starting at psi = -2 m, under a constant 5 mm/h on its
#   top face for 6 h: the storage over the whole column must grow by exactly the water that came
#   in, 0.030 m (a conservation law), at 2, 4 and 6 h to 1e-9 relative (10 printed digits);
# - a depth range reaching below the column is bad input (status 2) naming the column's depth.
LC_ALL=C
export LC_ALL
top="${top_builddir:-.}"
gw="$top/apps/gw-run"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gwlay.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' 0
cat >"$tmp/rest.yaml" <<'YAML'
title: layer observations of a column at rest
grid: {nx: 1, nz: 10, dx: 1 m, dy: 1 m, top: 1 m, dz: 10 cm}
materials:
  - {name: loam, model: van-genuchten, theta_r: 0.078, theta_s: 0.43, alpha: 3.6 1/m, n: 1.56, K: 24.96 cm/d}
initial: {water_table: 0.3 m}
time: {end: 2 d, dt_init: 1 h, dt_min: 1 s, dt_max: 1 d}
output: {observation_every: 1 d}
observations:
  - {name: mid, x: 0.5 m, depth: [25 cm, 65 cm]}
  - {name: all, x: 0.5 m, depth: [0 m, 1 m], quantities: [storage, water_content]}
YAML
cat >"$tmp/rain.yaml" <<'YAML'
title: layer storage under constant infiltration
grid: {nx: 1, nz: 10, dx: 1 m, dy: 1 m, top: 1 m, dz: 10 cm}
materials:
  - {name: loam, model: van-genuchten, theta_r: 0.078, theta_s: 0.43, alpha: 3.6 1/m, n: 1.56, K: 24.96 cm/d}
initial: {pressure_head: -2 m}
packages:
  - {name: rain, type: flux, cells: {k: [0, 0], face: top}, value: 5 mm/h}
time: {end: 6 h, dt_init: 10 s, dt_min: 1e-3 s, dt_max: 10 min}
output: {times: [2 h, 4 h]}
observations:
  - {name: col, x: 0.5 m, depth: [0 m, 1 m], quantities: [storage]}
YAML
sed 's/depth: \[0 m, 1 m\]/depth: [0 m, 1.5 m]/' "$tmp/rain.yaml" >"$tmp/deep.yaml"
fail=0
for r in 1 2; do
  run=""
  [ $r = 2 ] && run="${MPIEXEC:-mpiexec} -n 2"
  $run "$gw" "$tmp/rest.yaml" -o "$tmp/rest$r" >"$tmp/rest$r.log" 2>&1 || { cat "$tmp/rest$r.log"; exit 1; }
  awk -F, -v r=$r '
    function theta(psi) { return psi >= 0 ? 0.43 : 0.078 + (0.43 - 0.078) / (1 + (3.6 * -psi) ^ 1.56) ^ (1 - 1 / 1.56) }
    function layer(a, b,   k, s, top, bot, lo, hi) { s = 0  # storage between depths a and b
      for (k = 0; k < 10; k++) { top = 1 - 0.1 * k; bot = top - 0.1; hi = top < 1 - a ? top : 1 - a; lo = bot > 1 - b ? bot : 1 - b
        if (hi > lo) s += theta(0.3 - (top - 0.05)) * (hi - lo) }
      return s }
    BEGIN { want["mid_storage_m"] = layer(0.25, 0.65); want["mid_water_content"] = layer(0.25, 0.65) / 0.4
            want["all_storage_m"] = layer(0, 1); want["all_water_content"] = layer(0, 1) }
    NR == 1 { for (i = 1; i <= NF; i++) col[i] = $i; next }
    { rows++; for (i = 1; i <= NF; i++) if (col[i] in want) { d = $i - want[col[i]]; if (d < 0) d = -d; if (d > err) err = d; n++ } }
    END { ok = rows == 3 && n == 12 && err <= 1e-10
          printf "CHECK layers at_rest_np%d rows=%d (want 3) values=%d (want 12) max_abs_err=%.3g m tol=1e-10 (mid storage %.10g m, average %.10g) %s\n", r, rows, n, err, want["mid_storage_m"], want["mid_water_content"], ok ? "PASS" : "FAIL"
          exit !ok }' "$tmp/rest$r-obs.csv" || fail=$((fail + 1))
  $run "$gw" "$tmp/rain.yaml" -o "$tmp/rain$r" >"$tmp/rain$r.log" 2>&1 || { cat "$tmp/rain$r.log"; exit 1; }
  awk -F, -v r=$r '
    NR == 1 { for (i = 1; i <= NF; i++) if ($i == "col_storage_m") c = i; next }
    NR == 2 { s0 = $c; next }
    { rows++; want = 0.005 / 3600 * $1; e = ($c - s0 - want) / want; if (e < 0) e = -e; if (e > err) err = e }
    END { ok = c > 0 && rows == 3 && err <= 1e-9
          printf "CHECK layers infiltration_np%d rows=%d (want 3) max_rel_err=%.3g tol=1e-9 (gain %.10g m of 0.030 m at 6 h) %s\n", r, rows, err, $c - s0, ok ? "PASS" : "FAIL"
          exit !ok }' "$tmp/rain$r-obs.csv" || fail=$((fail + 1))
  $run "$gw" "$tmp/deep.yaml" -o "$tmp/deep$r" >"$tmp/deep$r.log" 2>&1
  st=$?
  msg=$(grep "bad input" "$tmp/deep$r.log" | sort -u)
  [ $st -eq 2 ] && printf '%s' "$msg" | grep -q 'deep.yaml:[0-9]*:[0-9]*: .*layer observation "col": depth 1.5 m reaches below the bottom of its column (1\.* m deep' && s=PASS || s=FAIL
  echo "CHECK layers too_deep_np$r $s status=$st msg=\"$msg\""
  [ $s = PASS ] || fail=$((fail + 1))
done
[ "$fail" -eq 0 ] && echo PASS || { echo FAIL; exit 1; }
