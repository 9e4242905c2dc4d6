#!/bin/sh
# The surface-water test (runoff routed into a reach, open-water evaporation, every package active)
# on 2 MPI ranks, where the river's reaches and the atmosphere's columns cross the rank boundary
# and the runoff of one rank's columns enters a reach whose unknowns rank 0 owns. Passes when the
# 2-rank run passes every check (mass balance of every step below 1e-10 included) and its values
# agree with the 1-rank run to 1e-8 relative (1e-15 absolute near zero); the Jacobian and the
# round-off measures (mass-balance errors, step counts) are only checked against their limits.
prog="${top_builddir:-.}/lib/tests/test_packages_surface"
one=$("$prog" 2>&1) || { echo "$one"; echo "1-rank run failed"; exit 1; }
two=$(${MPIEXEC:-mpiexec} -n 2 "$prog" 2>&1) || { echo "$two"; echo "2-rank run failed"; exit 1; }
echo "$two"
v1=$(echo "$one" | sed -n 's/^CHECK \([^ ]*\) value=\([^ ]*\) .*/\1 \2/p' | grep -v -e jacobian -e balance_rel -e steps_above)
v2=$(echo "$two" | sed -n 's/^CHECK \([^ ]*\) value=\([^ ]*\) .*/\1 \2/p' | grep -v -e jacobian -e balance_rel -e steps_above)
[ -n "$v1" ] || { echo "no checks printed"; exit 1; }
printf '%s\n' "$v1" >"${TMPDIR:-/tmp}/surface1.$$"
printf '%s\n' "$v2" >"${TMPDIR:-/tmp}/surface2.$$"
paste -d' ' "${TMPDIR:-/tmp}/surface1.$$" "${TMPDIR:-/tmp}/surface2.$$" | awk '
  { if ($1 != $3) { print "check order differs: " $1 " vs " $3; bad = 1; next }
    a = $2 + 0; b = $4 + 0; d = a - b; if (d < 0) d = -d; s = (a < 0 ? -a : a); if ((b < 0 ? -b : b) > s) s = (b < 0 ? -b : b)
    if (d > 1e-8 * s + 1e-15) { print "ranks differ: " $1 " 1 rank " a " 2 ranks " b; bad = 1 }
    if (s > 1e-15 && d / s > worst) worst = d / s; n++ }
  END { printf "CHECK one_vs_two_ranks_worst_rel_diff value=%.3e over %d values limit=1e-08 %s\n", worst, n, bad ? "FAIL" : "PASS"; exit bad }'
status=$?
rm -f "${TMPDIR:-/tmp}/surface1.$$" "${TMPDIR:-/tmp}/surface2.$$"
exit $status
