#!/bin/sh
# gw-calibrate on data made by gw-run (an independent path: the scenario's own time loop and
# observation file, 10 significant digits; one group by its ISO dates, the others by elapsed seconds): lib/tests/scenarios/calib/column.yaml run with its
# true parameters gives water content at 10 and 30 cm and pressure head at 70 cm every 6 h; the
# calibration starts from loam Ks 6e-6 m/s, n 1.4 and sandy loam Ks 6e-6 m/s and must recover
# the scenario's values (loam Ks 0.2496 m/d, n 1.56; sandy loam Ks 1.061 m/d) to 1e-4 relative
# with TAOBRGN and with TAOPOUNDERS, write its outputs, and give the same estimates on 2 MPI
# ranks (1e-6 relative). With the Ks of a material in no zone (gravel) added, whose Jacobian
# column is zero, that parameter is reported ill-posed (singular value 0, infinite standard
# error) and the other three are still recovered.
set -u
top="${top_builddir:-.}"
src="${srcdir:-.}"
case "$src" in /*) ;; *) src="$(pwd)/$src" ;; esac
out=$(mktemp -d "${TMPDIR:-/tmp}/gwcalib-gwrun.XXXXXX") || exit 99
trap 'rm -rf "$out"' EXIT
"$top/apps/gw-run" "$src/lib/tests/scenarios/calib/column.yaml" -o "$out/truth" > "$out/run.log" 2>&1 || { cat "$out/run.log"; exit 1; }
cat > "$out/cal.yaml" <<CAL
scenario: $src/lib/tests/scenarios/calib/column.yaml
parameters:
  - {path: materials.loam.Ks, initial: 6e-6, lower: 1e-7, upper: 1e-4, transform: log}
  - {path: materials.loam.n, initial: 1.4, lower: 1.1, upper: 3}
  - {path: materials.sandy_loam.Ks, initial: 6e-6, lower: 1e-7, upper: 1e-4, transform: log}
observations:
  - {name: theta10, quantity: water_content, x: 0.5 m, z: 0.9 m, file: truth-obs.csv, time_column: time_s, time_unit: s, value_column: z10cm_water_content, unit: "1", sd: 0.01}
  - {name: theta30, quantity: water_content, x: 0.5 m, z: 0.7 m, file: truth-obs.csv, time_column: date, value_column: z30cm_water_content, unit: "1", sd: 0.01}
  - {name: psi70, quantity: pressure_head, x: 0.5 m, z: 0.3 m, file: truth-obs.csv, time_column: time_s, time_unit: s, value_column: z70cm_pressure_head_m, unit: m, sd: 5 cm}
CAL
sed 's|^observations:|  - {path: materials.gravel.Ks, initial: 1e-4, lower: 1e-6, upper: 1e-2, transform: log}\nobservations:|' "$out/cal.yaml" > "$out/ill.yaml"
status=0
# estimates of PREFIX-calibration.yaml against the truth
check() {
  awk -v run="$1" 'BEGIN { t["materials.loam.Ks"] = 0.2496 / 86400; t["materials.loam.n"] = 1.56; t["materials.sandy_loam.Ks"] = 1.061 / 86400 }
    /^  - \{path: / { p = $3; sub(/,$/, "", p); e = $0; sub(/.*estimate: /, "", e); sub(/,.*/, "", e); n++
      r = (e - t[p]) / t[p]; if (r < 0) r = -r
      printf "CHECK %s_%s value=%.10g reference=%.10g relerror=%.3e rtol=1e-04 %s\n", run, p, e, t[p], r, (r <= 1e-4 ? "PASS" : "FAIL"); bad += (r > 1e-4) }
    END { exit (bad > 0 || n != 3) }' "$out/$1-calibration.yaml"
}
"$top/apps/gw-calibrate" -o "$out/ill" "$out/ill.yaml" > "$out/ill.log" 2>&1 || { cat "$out/ill.log"; exit 1; }
grep -v gravel "$out/ill-calibration.yaml" > "$out/ill3-calibration.yaml"
check ill3 || status=1
awk '/gravel.*standard_error: \.inf.*ill_posed: true/ { g++ } /ill_posed: true/ { t++ } /^singular_values:/ { s = $NF }
  END { ok = (g == 1 && t == 1 && s == "0.0000000000e+00]"); printf "CHECK ill_posed_gravel flagged=%d total_flagged=%d last_singular_value=%s %s\n", g, t, s, ok ? "PASS" : "FAIL"; exit !ok }' "$out/ill-calibration.yaml" || status=1
for t in brgn pounders; do
  "$top/apps/gw-calibrate" -o "$out/$t" "$out/cal.yaml" -tao_type $t > "$out/$t.log" 2>&1 || { cat "$out/$t.log"; exit 1; }
  grep "^TAO" "$out/$t.log"
  check $t || status=1
  rows=$(($(wc -l < "$out/$t-calibration-residuals.csv") - 1))
  if [ "$rows" -eq 51 ]; then echo "CHECK ${t}_residual_rows value=$rows reference=51 PASS"; else echo "CHECK ${t}_residual_rows value=$rows reference=51 FAIL"; status=1; fi
done
${MPIEXEC:-mpiexec} -n 2 "$top/apps/gw-calibrate" -o "$out/np2" "$out/cal.yaml" > "$out/np2.log" 2>&1 || { cat "$out/np2.log"; exit 1; }
check np2 || status=1
paste -d' ' "$out/brgn-calibration.yaml" "$out/np2-calibration.yaml" | awk '/^  - \{path: / {
    split($0, h, "  - [{]path: "); a = h[2]; b = h[3]
    sub(/.*estimate: /, "", a); sub(/,.*/, "", a); sub(/.*estimate: /, "", b); sub(/,.*/, "", b)
    r = (a - b) / a; if (r < 0) r = -r; if (r > w) w = r; n++ }
  END { printf "CHECK np1_vs_np2_estimates relerror=%.3e rtol=1e-06 n=%d %s\n", w, n, (w <= 1e-6 && n == 3 ? "PASS" : "FAIL"); exit !(w <= 1e-6 && n == 3) }' || status=1
exit $status
