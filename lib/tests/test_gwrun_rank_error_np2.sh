#!/bin/sh
# An input error seen by one rank only ends a 2-rank gw-run on every rank: exit status 2, one
# line on stderr naming the problem at the package's place in the file (file:line:column), well under 10 s (timeout 20 turns a hang into a failure).
# The scenario's evapotranspiration package names one column twice; the column lies on rank 1,
# whose set-up alone detects it. On 1 rank the same scenario must give the same message.
set -u
top="${top_builddir:-.}"
src="${srcdir:-.}"
scen="$src/lib/tests/scenarios/ranks/et_column_twice.yaml"
want="gw-run: bad input: $scen:23:5: packages[0]: Evapotranspiration package et names column (15, 0) twice; give one layer per column"
out=$(mktemp -d "${TMPDIR:-/tmp}/gwrankerr.XXXXXX") || exit 99
trap 'rm -rf "$out"' EXIT
mpiexec="${MPIEXEC:-mpiexec}"
# Open MPI's launcher adds its own notice about a non-zero exit status unless quiet
if "$mpiexec" --version 2>&1 | grep -q -e "Open MPI" -e OpenRTE; then mpiexec="$mpiexec -q --mca mpi_yield_when_idle 1"; fi
fail=0
# wall-time limits are multiplied by GW_TEST_TIME_FACTOR (make check-sanitize sets 10: sanitized
# builds run several times slower)
f=${GW_TEST_TIME_FACTOR:-1}
limit=$((10 * f))

# check NAME STATUS SECONDS: the run's status, its stderr (exactly the one expected line) and time
check() {
  line=$(cat "$out/$1.err")
  nlines=$(wc -l <"$out/$1.err" | tr -d ' ')
  ok=PASS
  [ "$2" -eq 2 ] && [ "$nlines" -eq 1 ] && [ "$line" = "$want" ] && [ "$3" -lt "$limit" ] || ok=FAIL
  echo "CHECK $1 status=$2(want 2) stderr_lines=$nlines(want 1) seconds=$3(limit $limit) $ok"
  [ $ok = PASS ] || { echo "stderr:"; cat "$out/$1.err"; fail=1; }
}

t0=$(date +%s)
timeout $((20 * f)) "$top/apps/gw-run" "$scen" -o "$out/np1" >"$out/np1.out" 2>"$out/np1.err"
st=$?
check np1 $st $(($(date +%s) - t0))

t0=$(date +%s)
timeout $((20 * f)) $mpiexec -n 2 "$top/apps/gw-run" "$scen" -o "$out/np2" >"$out/np2.out" 2>"$out/np2.err"
st=$?
check np2 $st $(($(date +%s) - t0))
exit $fail
