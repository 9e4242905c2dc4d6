#!/bin/sh
# Surface-water observations and checkpoint/restart of the reach unknowns, through gw-run on the
# routed network of lib/tests/scenarios/routing.yaml with a spring (a drain at the far end of the
# section, 1 m above its cells' head) routed into the canal and observation rows every 0.25 d.
# Observations: the gauge at the end of reach 2 must carry 0.006491103329 m3/s, the bisection
# reference of test_packages_routing, to 1e-9; reach 0 must close inflow - leakage - diversion =
# flow; the canal's inflow must be the diversion (0.003 m3/s) plus the spring discharge; the
# observed reach flows must equal the reach columns of the budget CSV at the same step; 1 and 2
# ranks must agree to 1e-8 (10 printed digits). Restart: the run stopped at 0.5 d and restarted
# from its checkpoint to 1 d must end with the same reach unknowns as the uninterrupted run,
# bitwise on 1 rank and to 1e-10 on 2 ranks (checkpoint dataset package_unknowns, ncdump -p 17).
LC_ALL=C
export LC_ALL
gwrun=$(cd "${top_builddir:-.}/apps" && pwd)/gw-run
src="${srcdir:-.}/lib/tests/scenarios"
command -v ncdump >/dev/null 2>&1 || { echo "ncdump not found"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gwriverrs.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' 0
cp "$src/tributary_inflow.csv" "$tmp/"
# the canal is trapezoidal (side slope 1.5)
sed 's/^output: {prefix: test_packages_routing}/output: {prefix: routing, observation_every: 0.25 d}/; s/^      - {width: 1.5 m, roughness: 0.035, slope: 0.002}/      - {width: 1.5 m, roughness: 0.035, slope: 0.002, side_slope: 1.5}/' "$src/routing.yaml" > "$tmp/r.yaml"
grep -q "side_slope: 1.5" "$tmp/r.yaml" || { echo "could not make the canal trapezoidal"; exit 99; }
cat >> "$tmp/r.yaml" <<'YAML'
observations:
  - {name: top, package: river, reach: 0, quantities: [flow, inflow, leakage, diversion, depth]}
  - {name: gauge, package: river, reach: 2}
  - {name: canal0, package: canal, quantities: [flow, inflow, leakage, depth]}
  - {name: spring, package: springs}
  - {name: p1, x: 5 m, z: 0 m}
YAML
# the spring: a drain package at the bottom of the last two columns, into the canal's reach
awk '/^  - name: canal$/ { incanal = 1 } { print } incanal && /^    reaches:/ { getline; print; print "    springs:"; print "      - {package: springs, reach: 0}"; print "  - name: springs"; print "    type: drain"; print "    cells: {i: [10, 11], k: [3, 3]}"; print "    value: -9 m"; print "    parameters: {conductance: 1e-4 m2/s}"; incanal = 0 }' "$tmp/r.yaml" > "$tmp/s.yaml"
grep -q "type: drain" "$tmp/s.yaml" || { echo "could not add the spring"; exit 99; }
sed 's/^time: {end: 1 d,/time: {end: 0.5 d,/' "$tmp/s.yaml" > "$tmp/half.yaml"
grep -q "end: 0.5 d" "$tmp/half.yaml" || { echo "could not make the 0.5 d scenario"; exit 99; }
cd "$tmp" || exit 99
run() { "$@" > "$tmp/run.log" 2>&1 || { cat "$tmp/run.log"; echo "failed: $*"; exit 1; }; }
# Default solver settings. Until Newton's line search minimised the squared unbalanced volume
# rates (issue 10) this test needed -gw_ksp_rtol 1e-12: with the defaults the spring discharge of
# 1 and 2 ranks differed by 1.1e-6 relative and the canal's flow by 6.0e-8. Measured since: every
# column agrees to the 10 printed digits with the defaults.
run "$gwrun" s.yaml -o one
run ${MPIEXEC:-mpiexec} -n 2 "$gwrun" s.yaml -o two
run "$gwrun" half.yaml -o half
[ -f half-checkpoint.h5 ] || { echo "no checkpoint written at 0.5 d"; exit 1; }
run "$gwrun" --restart half-checkpoint.h5 s.yaml -o re1
run ${MPIEXEC:-mpiexec} -n 2 "$gwrun" --restart half-checkpoint.h5 s.yaml -o re2
bad=0
awk -F, -v ref=0.006491103329 '
  FNR == 1 { f++; for (i = 1; i <= NF; i++) c[f, $i] = i; nf[f] = NF; next }
  { for (i = 1; i <= NF; i++) v[f, i] = $i; rows[f]++ }
  f == 3 { m = $(c[3, "mass_balance_rel"]); if (m < 0) m = -m; if (m > mb) mb = m }
  function g(f, n) { if (!((f, n) in c)) { print "missing column " n; bad = 1; return 0 } return v[f, c[f, n]] }
  function chk(name, val, r, tol,   e) { e = val - r; if (e < 0) e = -e; e /= (r < 0 ? -r : r); printf "CHECK %s value=%.10g reference=%.10g relerror=%.3e rtol=%g %s\n", name, val, r, e, tol, e <= tol ? "PASS" : "FAIL"; if (e > tol) bad = 1 }
  END {
    # files: 1 one-obs, 2 two-obs, 3 one-budget (last rows at t = 1 d)
    if (rows[1] != 5 || rows[2] != 5) { print "expected 5 observation rows (0 to 1 d every 0.25 d), found " rows[1] " and " rows[2]; bad = 1 }
    chk("gauge_flow_vs_bisection", g(1, "gauge_flow_m3_per_s"), ref, 1e-9)
    chk("reach0_continuity_inflow_minus_leakage_minus_diversion", g(1, "top_inflow_m3_per_s") - g(1, "top_leakage_m3_per_s") - g(1, "top_diversion_m3_per_s"), g(1, "top_flow_m3_per_s"), 1e-9)
    chk("canal_inflow_is_diversion_plus_spring", g(1, "top_diversion_m3_per_s") + g(1, "spring_discharge_m3_per_s"), g(1, "canal0_inflow_m3_per_s"), 1e-9)
    chk("spring_discharge_positive", g(1, "spring_discharge_m3_per_s") > 1e-5, 1, 0)
    chk("obs_vs_budget_reach2_outflow", g(1, "gauge_flow_m3_per_s"), g(3, "river_reach2_outflow_m3_per_s"), 1e-10)
    chk("obs_vs_budget_reach2_leakage", g(1, "gauge_leakage_m3_per_s"), g(3, "river_reach2_leakage_m3_per_s"), 1e-10)
    chk("spring_discharge_vs_budget_drain_out_over_dt", g(1, "spring_discharge_m3_per_s"), g(3, "springs_out_m3") / g(3, "dt_s"), 1e-9)
    chk("spring_routed_into_canal_vs_drain_out", g(3, "canal_canal_spring_inflow_m3"), g(3, "springs_out_m3"), 1e-9)
    printf "CHECK max_step_mass_balance_rel value=%.3e limit=1e-10 %s\n", mb, mb <= 1e-10 ? "PASS" : "FAIL"; if (mb > 1e-10) bad = 1
    # normal depth of the trapezoidal canal at its observed flow, by bisection of Manning (Chow 1959)
    F = g(1, "canal0_flow_m3_per_s"); lo = 0; hi = 10
    for (it = 0; it < 200; it++) { d = 0.5 * (lo + hi); A = d * (1.5 + 1.5 * d); P = 1.5 + 2 * d * sqrt(1 + 1.5 * 1.5); q = A * exp(2 / 3 * log(A / P)) * sqrt(0.002) / 0.035; if (q > F) hi = d; else lo = d }
    chk("trapezoid_canal_depth_vs_bisection", g(1, "canal0_depth_m"), 0.5 * (lo + hi), 1e-9)
    chk("obs_vs_budget_canal_inflow", g(1, "canal0_inflow_m3_per_s"), g(3, "canal_reach0_inflow_m3_per_s"), 1e-10)
    for (i = 2; i <= nf[1]; i++) chk("one_vs_two_ranks_column" i, v[2, i], v[1, i], 1e-8)
    exit bad
  }' one-obs.csv two-obs.csv one-budget.csv || bad=1
u() { ncdump -p 17,17 -v package_unknowns "$1" | sed -n '/^data:/,$p' | tr -d ' \n;}' | sed 's/.*=//'; }
a=$(u one-checkpoint.h5); b=$(u re1-checkpoint.h5); c=$(u re2-checkpoint.h5)
[ -n "$a" ] || { echo "no package_unknowns in the checkpoint"; exit 1; }
if [ "$a" = "$b" ]; then echo "CHECK restart_1rank_reach_unknowns_bitwise PASS"; else echo "CHECK restart_1rank_reach_unknowns_bitwise FAIL: $a vs $b"; bad=1; fi
echo "$a" "$c" | awk '{ n = split($1, x, ","); split($2, y, ","); s = 0; for (i = 1; i <= n; i++) s = (x[i] < 0 ? -x[i] : x[i]) > s ? (x[i] < 0 ? -x[i] : x[i]) : s
  e = 0; for (i = 1; i <= n; i++) { d = x[i] - y[i]; if (d < 0) d = -d; if (d / s > e) e = d / s }
  printf "CHECK restart_2ranks_reach_unknowns %d values maxdiff/max=%.3e rtol=1e-10 %s\n", n, e, e <= 1e-10 ? "PASS" : "FAIL"; exit e > 1e-10 }' || bad=1
exit $bad
