#!/bin/sh
# Solute budget by zone through gw-run: examples/salt_column for 60 d with a sand layer (layers
# 15-24, 0.75-1.25 m, across the water table at 1 m and across the two ranks' halves of the
# column) in the loam, linear sorption (bulk density 1600 kg/m3, Kd 1e-4 m3/kg), first-order
# decay (1e-8 1/s) and the solubility of the example, so that every zone term but production is
# at work. From the solute-budget CSV, at every step:
# - each term summed over the two zones equals the model's term (dissolved, sorbed and solid
#   storage change, decay, production, package in and out summed over packages) to 1e-12 of the
#   sum of the magnitudes (round-off; the CSV prints 15 digits);
# - the flows between zones cancel: sum over zones of from_zones equals that of to_zones, 1e-12;
# - each zone closes: dissolved + sorbed + solid = in - out + from - to - decay + production to
#   1e-10 of its gross terms (conservation per zone);
# and on the last row each zone's cumulative closure (1e-10) and the cumulative decay summed over
# the zones against the model's (1e-12). The salt must cross the sand (its
# cumulative inflow from the loam above 1e-3 kg). On 1 and 2 ranks; the cumulative zone columns
# of the two agree to 1e-8. A run stopped at 30 d and continued from its checkpoint writes the
# same solute-budget CSV, zone columns included, byte for byte (1 rank). The step and end checks
# are repeated on 2 ranks with advection: tvd and courant_max: 0.05 (run "tvd": the TVD correction
# crosses the zone faces, and each step's row sums its transport sub-steps, up to SUB of them).
LC_ALL=C
export LC_ALL
top="${top_builddir:-.}"
src="${srcdir:-.}"
gw="$top/apps/gw-run"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gwsolz.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' 0
sed -e 's/^time: {end: 365 d,/time: {end: 60 d,/' -e 's/^output: {times: \[30 d, 100 d, 200 d\]}/output: {times: [10 d, 30 d]}/' \
  -e 's/^    alpha_L: 2 cm$/    alpha_L: 2 cm\n    decay: 1e-8 1\/s\n    bulk_density: 1600 kg\/m3\n    Kd: 1e-4 m3\/kg/' \
  -e 's/^initial: {water_table: -1 m}/  - {name: sand, model: van-genuchten, theta_r: 0.045, theta_s: 0.43, alpha: 14.5 1\/m, n: 2.68, K: 712.8 cm\/d}\nzones: {default: loam, boxes: [{material: sand, k: [15, 24]}]}\ninitial: {water_table: -1 m}/' \
  "$src/examples/salt_column/scenario.yaml" >"$tmp/z.yaml"
grep -q "end: 60 d" "$tmp/z.yaml" && grep -q "Kd: 1e-4" "$tmp/z.yaml" && grep -q "material: sand" "$tmp/z.yaml" || { echo "could not make the scenario"; exit 99; }
sed -e 's/^time: {end: 60 d,/time: {end: 30 d,/' -e 's/^output: {times: \[10 d, 30 d\]}/output: {times: [10 d]}/' "$tmp/z.yaml" >"$tmp/half.yaml"
grep -q "times: \[10 d\]}" "$tmp/half.yaml" || { echo "could not make the 30 d scenario"; exit 99; }
sed 's/^    alpha_L: 2 cm$/    alpha_L: 2 cm\n    advection: tvd\n    courant_max: 0.05/' "$tmp/z.yaml" >"$tmp/tvd.yaml"
grep -q "advection: tvd" "$tmp/tvd.yaml" || { echo "could not make the TVD scenario"; exit 99; }
cd "$tmp" || exit 99
run() { "$@" >run.log 2>&1 || { cat run.log; echo "failed: $*"; exit 1; }; }
run "$gw" z.yaml -o one
run ${MPIEXEC:-mpiexec} -n 2 "$gw" z.yaml -o two
run "$gw" half.yaml -o re
run ${MPIEXEC:-mpiexec} -n 2 "$gw" tvd.yaml -o tvd -info :gwmodel
nsub=$(sed -n 's/.*largest Courant number .*, \([0-9]*\) sub-steps/\1/p' run.log | sort -n | tail -1)
[ "${nsub:-0}" -gt 1 ] && s=PASS || s=FAIL
echo "CHECK tvd_courant_max_0.05_most_sub_steps_in_a_step value=${nsub:-none} min=2 $s"
[ $s = PASS ] || bad_sub=1
run "$gw" --restart re-checkpoint.h5 z.yaml -o re
bad=0
for r in one two tvd; do
  awk -F, -v run=$r '
    function abs(x) { return x < 0 ? -x : x }
    function sumcheck(name, tot, s, mag, tol,   e) { e = abs(tot - s) / (mag > 0 ? mag : 1); if (e > worst[name]) worst[name] = e; if (e > tol) fail[name] = 1 }
    NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    { last = NR
      for (cum = 0; cum < 1; cum++) {
        p = "salt_"
        split("dissolved_storage_change sorbed_storage_change solid_storage_change decay production", terms, " ")
        for (t = 1; t <= 5; t++) {
          s = 0; mag = 0
          for (z = 0; z < 2; z++) { v = $c[p "zone_" zn[z] "_" terms[t] "_kg"]; s += v; mag += abs(v) }
          tot = $c[p terms[t] "_kg"]; mag += abs(tot)
          sumcheck((cum ? "cum_" : "step_") terms[t], tot, s, mag, 1e-12)
        }
        for (d = 0; d < 2; d++) {
          dir = d ? "out" : "in"; s = 0; mag = 0; tot = 0
          for (z = 0; z < 2; z++) { v = $c[p "zone_" zn[z] "_" dir "_kg"]; s += v; mag += abs(v) }
          tot = $c[p "surface_" dir "_kg"] + $c[p "groundwater_" dir "_kg"]; mag += abs(tot)
          sumcheck((cum ? "cum_" : "step_") "packages_" dir, tot, s, mag, 1e-12)
        }
        f = $c[p "zone_loam_from_zones_kg"] + $c[p "zone_sand_from_zones_kg"]; g = $c[p "zone_loam_to_zones_kg"] + $c[p "zone_sand_to_zones_kg"]
        sumcheck((cum ? "cum_" : "step_") "from_equals_to", f, g, f + g, 1e-12)
        for (z = 0; z < 2; z++) {
          q = p "zone_" zn[z] "_"
          st = $c[q "dissolved_storage_change_kg"] + $c[q "sorbed_storage_change_kg"] + $c[q "solid_storage_change_kg"]
          rhs = $c[q "in_kg"] - $c[q "out_kg"] + $c[q "from_zones_kg"] - $c[q "to_zones_kg"] - $c[q "decay_kg"] + $c[q "production_kg"]
          mag = abs($c[q "dissolved_storage_change_kg"]) + abs($c[q "sorbed_storage_change_kg"]) + abs($c[q "solid_storage_change_kg"]) + $c[q "in_kg"] + $c[q "out_kg"] + $c[q "from_zones_kg"] + $c[q "to_zones_kg"] + $c[q "decay_kg"] + $c[q "production_kg"]
          sumcheck((cum ? "cum_" : "step_") "closure_" zn[z], st, rhs, mag, 1e-10)
        }
      }
      sandin = $c["salt_cum_zone_sand_from_zones_kg"]
    }
    BEGIN { zn[0] = "loam"; zn[1] = "sand" }
    END {
      n = 0
      for (k in worst) { printf "CHECK %s_zone_%s max_rel=%.3e tol=%g %s\n", run, k, worst[k], (k ~ /closure/ ? 1e-10 : 1e-12), (k in fail) ? "FAIL" : "PASS"; n++ }
      printf "CHECK %s_sand_cum_inflow_from_loam_kg value=%g min=1e-3 %s\n", run, sandin, (sandin > 1e-3 ? "PASS" : "FAIL")
      for (k in fail) bad = 1
      exit bad || !(sandin > 1e-3) || n < 10
    }' "$r-solute-budget.csv" || bad=1
done
# the cumulative columns of the last row
for r in one two tvd; do
  awk -F, -v run=$r 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } { row = $0 }
    END { n = split(row, v, ","); mx = 0
      split("loam sand", zn, " ")
      for (z = 1; z <= 2; z++) { q = "salt_cum_zone_" zn[z] "_"
        st = v[c[q "dissolved_storage_change_kg"]] + v[c[q "sorbed_storage_change_kg"]] + v[c[q "solid_storage_change_kg"]]
        rhs = v[c[q "in_kg"]] - v[c[q "out_kg"]] + v[c[q "from_zones_kg"]] - v[c[q "to_zones_kg"]] - v[c[q "decay_kg"]] + v[c[q "production_kg"]]
        e = st - rhs; if (e < 0) e = -e; e /= (v[c[q "from_zones_kg"]] + v[c[q "to_zones_kg"]] + v[c[q "in_kg"]] + v[c[q "decay_kg"]]); if (e > mx) mx = e }
      s = v[c["salt_cum_zone_loam_decay_kg"]] + v[c["salt_cum_zone_sand_decay_kg"]]; t = v[c["salt_cum_decay_kg"]]; d = (s - t) / t; if (d < 0) d = -d
      printf "CHECK %s_cum_zone_closure_end max_rel=%.3e tol=1e-10 %s\n", run, mx, mx <= 1e-10 ? "PASS" : "FAIL"
      printf "CHECK %s_cum_decay_sum_of_zones_end rel=%.3e tol=1e-12 %s\n", run, d, d <= 1e-12 ? "PASS" : "FAIL"
      exit !(mx <= 1e-10 && d <= 1e-12) }' "$r-solute-budget.csv" || bad=1
done
# 1 vs 2 ranks: the cumulative zone columns of the last row
awk -F, 'FNR == 1 { f++; for (i = 1; i <= NF; i++) if ($i ~ /_cum_zone_/) z[f, i] = 1; next } { row[f] = $0 }
  END { split(row[1], a, ","); n = split(row[2], b, ","); mx = 0; k = 0
    for (i = 1; i <= n; i++) if ((1, i) in z) { k++; s = a[i] < 0 ? -a[i] : a[i]; d = a[i] - b[i]; if (d < 0) d = -d; if (s > 1e-12 && d / s > mx) mx = d / s }
    printf "CHECK one_vs_two_ranks_cum_zone_columns columns=%d max_rel=%.3e tol=1e-8 %s\n", k, mx, (k == 18 && mx <= 1e-8) ? "PASS" : "FAIL"; exit !(k == 18 && mx <= 1e-8) }' one-solute-budget.csv two-solute-budget.csv || bad=1
cmp -s one-solute-budget.csv re-solute-budget.csv && s=PASS || { s=FAIL; bad=1; }
echo "CHECK restart_at_30d_solute_budget_with_zones_bitwise $s"
[ -z "${bad_sub:-}" ] || bad=1
exit $bad
