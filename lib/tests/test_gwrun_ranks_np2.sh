#!/bin/sh
# The default example (Vauclin 1979) run by gw-run on 1 and on 2 MPI ranks: every NetCDF field
# must agree to 1e-8 relative (test_io_ranks_compare), and each run must close its budget.
set -u
top="${top_builddir:-.}"
src="${srcdir:-.}"
out=$(mktemp -d "${TMPDIR:-/tmp}/gwrun-ranks.XXXXXX") || exit 99
trap 'rm -rf "$out"' EXIT
"$top/apps/gw-run" "$src/examples/vauclin1979/scenario.yaml" -o "$out/np1" > "$out/np1.log" 2>&1 || { cat "$out/np1.log"; exit 1; }
${MPIEXEC:-mpiexec} -n 2 "$top/apps/gw-run" "$src/examples/vauclin1979/scenario.yaml" -o "$out/np2" > "$out/np2.log" 2>&1 || { cat "$out/np2.log"; exit 1; }
tail -n 3 "$out/np2.log"
# every step's relative mass-balance error (budget column mass_balance_rel) below 1e-8
for r in np1 np2; do
  awk -F, -v run="$r" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "mass_balance_rel") c = i; next }
    { if ($c + 0 > m) m = $c + 0 }
    END { printf "CHECK %s_max_step_mass_balance_rel value=%g limit=1e-08 %s\n", run, m, (m < 1e-8 ? "PASS" : "FAIL"); exit !(m < 1e-8) }' "$out/$r-budget.csv" || exit 1
done
exec "$top/lib/tests/test_io_ranks_compare" "$out/np1.nc" "$out/np2.nc"
