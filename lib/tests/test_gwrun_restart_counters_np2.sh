#!/bin/sh
# The mass-balance counters survive a restart: lib/tests/scenarios/losing_river.yaml with a
# mass-balance tolerance of 1e-13 (below the round-off floor of some steps, which are then
# accepted above it and counted), run for 730 days uninterrupted, and run to 365 days and
# continued from its checkpoint to 730 days. The restarted run's end-of-run warning must report
# the same counts as the uninterrupted run's (steps above the tolerance, steps, the worst step,
# its relative error and time; the continuation repeats the same steps), on 1 and on 2 MPI ranks.
# Before the counters were checkpointed the restarted run reported only the steps after 365 days.
set -u
LC_ALL=C
export LC_ALL
gwrun="${top_builddir:-.}/apps/gw-run"
scen="${srcdir:-.}/lib/tests/scenarios/losing_river.yaml"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gwcounters.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' 0
# outputs every 365 days, so that the uninterrupted run lands on the restart time too
sed 's/^output: {prefix: losing_river, every: 730 d}/output: {prefix: losing_river, every: 365 d}/' "$scen" > "$tmp/full.yaml"
sed 's/^time: {end: 730 d,/time: {end: 365 d,/' "$tmp/full.yaml" > "$tmp/first.yaml"
grep -q "every: 365 d" "$tmp/full.yaml" && grep -q "end: 365 d" "$tmp/first.yaml" || { echo "could not make the scenarios"; exit 99; }
scen="$tmp/full.yaml"
# "N of M steps ... (worst W at step S, t = T s)" of gw-run's end-of-run warning -> "N of M, worst W at step S, t = T s"
counts() {
  sed -n 's/^warning: \([0-9]* of [0-9]*\) steps ended with a relative mass-balance error .*(worst \([^)]*\)).*$/\1, worst \2/p' "$1"
}
fail=0
for np in 1 2; do
  run="$gwrun"
  [ "$np" = 2 ] && run="${MPIEXEC:-mpiexec} -n 2 $gwrun"
  $run "$scen" -o "$tmp/full$np" -gw_mass_balance_rtol 1e-13 > "$tmp/full$np.log" 2>&1 || { cat "$tmp/full$np.log"; echo "uninterrupted run on $np rank(s) failed"; exit 1; }
  $run "$tmp/first.yaml" -o "$tmp/part$np" -gw_mass_balance_rtol 1e-13 > "$tmp/part$np.log" 2>&1 || { cat "$tmp/part$np.log"; echo "first part on $np rank(s) failed"; exit 1; }
  $run --restart "$tmp/part$np-checkpoint.h5" "$scen" -o "$tmp/rest$np" -gw_mass_balance_rtol 1e-13 > "$tmp/rest$np.log" 2>&1 || { cat "$tmp/rest$np.log"; echo "restarted run on $np rank(s) failed"; exit 1; }
  a=$(counts "$tmp/full$np.log")
  b=$(counts "$tmp/rest$np.log")
  p=$(counts "$tmp/part$np.log")
  [ -n "$a" ] || { cat "$tmp/full$np.log"; echo "the uninterrupted run counted no step above 1e-13: the test needs some"; exit 1; }
  if [ "$a" = "$b" ]; then r=PASS; else r=FAIL; fail=1; fi
  echo "CHECK counters_after_restart_np$np value=\"$b\" reference=\"$a\" (first part: $p) $r"
done
exit $fail
