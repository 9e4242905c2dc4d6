#!/bin/sh
# The zone budget table at the end of a run shows the surface-water terms: examples/arid_fan_river
# on 1 and 2 ranks (a losing river and a lined canal on the fan gravel, springs and a playa general head in the
# plain silt) through gw-run. For each surface-water column of "three waters by zone" (river_leakage,
# river_gain, canal_seepage, canal_gain, drain_discharge, general_head_outflow) the sum over the
# zones must equal the cumulative term of the budget CSV's last row (summed over packages) to
# 1e-6 relative (the table prints 7 digits); the river must leak into the gravel zone, the springs
# drain the silt zone; the cumulative mass-balance error must stay below 1e-10. The largest single
# step is printed for information (INFO): it was 1.07e-8 before the head differences of issue 10,
# 2.2e-9 before the line search minimised the unbalanced volume rates, 2.5e-10 on 1 rank before
# the storage term took theta - theta^n without cancellation (GWMaterialGetSaturationChange()),
# 9.1e-11 on 1 and 2 ranks without time-error control; with the default time-error control
# (2026-12-02) one step of 0.24 s on 1 rank, left after Newton cuts where the water table crosses
# a 10 m cell, is accepted at the round-off floor of its residual with 1.2e-10 (2 ranks: 9.4e-11).
# Issue 10's "1e-10 with every package active" is checked step by step in test_packages_surface
# and test_gwrun_river_linesearch_np2; for this example it stays open.
LC_ALL=C
export LC_ALL
gwrun="${top_builddir:-.}/apps/gw-run"
src="${srcdir:-.}/examples/arid_fan_river"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gwzones.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' 0
status=0
for np in 1 2; do
if [ $np = 1 ]; then run="$gwrun"; else run="${MPIEXEC:-mpiexec} -n 2 $gwrun"; fi
echo "-- $np rank(s)"
$run "$src/scenario.yaml" -o "$tmp/fan" >"$tmp/log" 2>&1 || { cat "$tmp/log"; echo "run failed"; exit 1; }
grep -q "three waters by zone" "$tmp/log" || { cat "$tmp/log"; echo "no zone table"; exit 1; }
awk -F, '
  FILENAME ~ /log$/ { if ($0 ~ /three waters by zone/) { split($0, h, " +"); inz = 1; nz = 0; next }
    if (inz && $0 ~ /^  [a-z]/ && $0 !~ /^Outputs/) { n = split($0, f, "  +"); nz++; zname[nz] = f[2]; for (i = 3; i <= n; i++) zv[nz, i - 2] = f[i]; ncol = n - 2; next }
    inz = 0; next }
  FNR == 1 { for (i = 1; i <= NF; i++) col[i] = $i; nc = NF; next }
  { for (i = 1; i <= NF; i++) last[i] = $i; m = $0 ~ /./ ? 0 : 0 }
  FNR > 1 { for (i = 1; i <= nc; i++) if (col[i] == "mass_balance_rel") { e = $i < 0 ? -$i : $i; if (e > mb) mb = e }
    for (i = 1; i <= nc; i++) if (col[i] == "cum_mass_balance_rel") cm = $i < 0 ? -$i : $i }
  END {
    split("river_leakage river_gain canal_seepage canal_gain drain_discharge general_head_outflow", terms, " ")
    # header fields after "three waters by zone": the term names in order
    hn = 0; for (i = 1; i <= length(h); i++) if (h[i] ~ /^[a-z_]+$/ && h[i] != "three" && h[i] != "waters" && h[i] != "by" && h[i] != "zone") hdr[++hn] = h[i]
    bad = 0
    for (t = 1; t <= 6; t++) {
      k = 0; for (i = 1; i <= hn; i++) if (hdr[i] == terms[t]) k = i
      if (!k) { print "CHECK zone_table_has_" terms[t] " FAIL"; bad = 1; continue }
      z = 0; for (j = 1; j <= nz; j++) z += zv[j, k]
      c = 0; for (i = 1; i <= nc; i++) if (col[i] ~ "^cum_.*_" terms[t] "_m3$") c += last[i]
      d = z - c; if (d < 0) d = -d; r = c != 0 ? d / (c < 0 ? -c : c) : d
      printf "CHECK zone_sum_%s value=%.7e reference=%.10e relerror=%.3e rtol=1e-06 %s\n", terms[t], z, c, r, r <= 1e-6 ? "PASS" : "FAIL"
      if (r > 1e-6) bad = 1
      if (terms[t] == "river_leakage") { g = zv[1, k]; printf "CHECK river_leaks_into_%s value=%.7e %s\n", zname[1], g, (g > 0 ? "PASS" : "FAIL"); if (g <= 0) bad = 1 }
      if (terms[t] == "drain_discharge") { g = zv[2, k]; printf "CHECK springs_drain_%s value=%.7e %s\n", zname[2], g, (g > 0 ? "PASS" : "FAIL"); if (g <= 0) bad = 1 }
    }
    printf "INFO max_step_mass_balance_rel value=%.3e (1e-10 not reached in every step: see above)\n", mb
    printf "CHECK cumulative_mass_balance_rel value=%.3e limit=1e-10 %s\n", cm, cm <= 1e-10 ? "PASS" : "FAIL"
    exit bad || cm > 1e-10
  }' "$tmp/log" "$tmp/fan-budget.csv" || status=1
done
exit $status
