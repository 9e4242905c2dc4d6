#!/bin/sh
# gw-run on the routed river network of lib/tests/scenarios/routing.yaml (3 reaches with a
# tributary that runs dry and a diversion into a lined canal), on 1 and 2 MPI ranks (the river
# crosses the rank boundary). The budget CSV must hold the reach-flow columns; at the last step
# the outflow of reach 2 must equal 0.006491103329 m3/s, the bisection reference of
# test_packages_routing (Manning depth, disconnected leakage), within 1e-9 relative; every reach
# column must agree between 1 and 2 ranks to 1e-8; no step may have a mass-balance error above 1e-10.
LC_ALL=C
export LC_ALL
gwrun="${top_builddir:-.}/apps/gw-run"
scen="${srcdir:-.}/lib/tests/scenarios/routing.yaml"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gwriver.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' 0
"$gwrun" "$scen" -o "$tmp/one" >"$tmp/one.log" 2>&1 || { cat "$tmp/one.log"; echo "1-rank run failed"; exit 1; }
${MPIEXEC:-mpiexec} -n 2 "$gwrun" "$scen" -o "$tmp/two" >"$tmp/two.log" 2>&1 || { cat "$tmp/two.log"; echo "2-rank run failed"; exit 1; }
awk -F, -v ref=0.006491103329 '
  FNR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; if (FILENAME ~ /one/) { n = 0; for (i = 1; i <= NF; i++) if ($i ~ /_reach[0-9]+_/) rc[++n] = i }; next }
  { last[FILENAME] = $0; if ($(col["mass_balance_rel"]) + 0 > mb) mb = $(col["mass_balance_rel"]) + 0; if (-$(col["mass_balance_rel"]) > mb) mb = -$(col["mass_balance_rel"]) }
  END {
    if (n != 12) { print "expected 12 reach columns, found " n; exit 1 }
    for (f in last) { if (f ~ /one/) a = last[f]; else b = last[f] }
    split(a, x, ","); split(b, y, ",")
    q = x[col["river_reach2_outflow_m3_per_s"]]; e = (q - ref) / ref; if (e < 0) e = -e
    printf "CHECK reach2_outflow_m3_per_s value=%.10g reference=%.10g relerror=%.3e rtol=1e-09 %s\n", q, ref, e, e <= 1e-9 ? "PASS" : "FAIL"
    bad = e > 1e-9
    for (k = 1; k <= n; k++) { d = x[rc[k]] - y[rc[k]]; if (d < 0) d = -d; s = x[rc[k]] < 0 ? -x[rc[k]] : x[rc[k]]; if (d > 1e-8 * s + 1e-15) { print "ranks differ in column " rc[k] ": " x[rc[k]] " vs " y[rc[k]]; bad = 1 } }
    printf "CHECK reach_columns_one_vs_two_ranks over %d columns %s\n", n, bad ? "FAIL" : "PASS"
    printf "CHECK max_step_mass_balance_rel value=%.3e limit=1e-10 %s\n", mb, mb <= 1e-10 ? "PASS" : "FAIL"
    exit bad || mb > 1e-10
  }' "$tmp/one-budget.csv" "$tmp/two-budget.csv"
