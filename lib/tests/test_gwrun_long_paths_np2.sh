#!/bin/sh
# Output paths of 300+ characters work (Open MPI's lockedfile component used to abort on paths
# over about 234 characters inside MPI_File_open; gw-run leaves it out). The good column
# scenario is run into a short prefix and into a 330-character one (and a 530-character one on 2
# ranks), and the long one also killed during its final renames and restarted from its
# checkpoint: every run must exit 0 and write P.nc and the CSV files, with the budget CSV equal
# byte for byte to the short-prefix run's on as many ranks and the NetCDF records equal (ncdump).
LC_ALL=C
export LC_ALL
top="${top_builddir:-.}"
src=$(cd "${srcdir:-.}" && pwd)
gw="$top/apps/gw-run"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gwlong.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' 0
sed -e 's|file: rain.csv|file: '"$src"'/lib/tests/scenarios/rain.csv|' -e 's|file: bottom.csv|file: '"$src"'/lib/tests/scenarios/bottom.csv|' \
  "$src/lib/tests/scenarios/good_column.yaml" >"$tmp/g.yaml"
a=$(printf '%0120d' 0 | tr 0 a)
b=$(printf '%0120d' 0 | tr 0 b)
c=$(printf '%0200d' 0 | tr 0 c)
long="$tmp/$a/$b/$a"
longer="$tmp/$a/$b/$c"
fail=0
check() {
  echo "CHECK long_paths $1 $2 $3"
  [ "$2" = PASS ] || fail=$((fail + 1))
}
ncdata() { ncdump "$1" 2>/dev/null | sed -e '1d' -e '/:history = /d'; }
"$gw" "$tmp/g.yaml" -o "$tmp/short/run" >"$tmp/short.log" 2>&1 || { cat "$tmp/short.log"; exit 1; }
ncdata "$tmp/short/run.nc" >"$tmp/short.cdl"
${MPIEXEC:-mpiexec} -n 2 "$gw" "$tmp/g.yaml" -o "$tmp/short2/run" >"$tmp/short2.log" 2>&1 || { cat "$tmp/short2.log"; exit 1; }
ncdata "$tmp/short2/run.nc" >"$tmp/short2.cdl"
# same NAME PREFIX STATUS [2]: equal to the short-prefix run (on 2 ranks with 2)
same() {
  ncdata "$2.nc" >"$tmp/$1.cdl"
  [ "$3" -eq 0 ] && [ -f "$2.nc" ] && [ -f "$2-obs.csv" ] && cmp -s "$tmp/short$4/run-budget.csv" "$2-budget.csv" && cmp -s "$tmp/short$4.cdl" "$tmp/$1.cdl" && s=PASS || s=FAIL
  check "$1" $s "status=$3 path_length=$(printf '%s' "$2.nc" | wc -c | tr -d ' ') $(tail -n 1 "$tmp/$1.log" | cut -c1-200)"
}
"$gw" "$tmp/g.yaml" -o "$long/run" >"$tmp/np1.log" 2>&1
same np1 "$long/run" $?
${MPIEXEC:-mpiexec} -n 2 "$gw" "$tmp/g.yaml" -o "$longer/run" >"$tmp/np2.log" 2>&1
same np2 "$longer/run" $? 2
"$gw" "$tmp/g.yaml" -o "$long/killed" -gw_debug_kill_at renames >"$tmp/killed.first.log" 2>&1
"$gw" --restart "$long/killed-checkpoint.h5" "$tmp/g.yaml" -o "$long/killed" >"$tmp/restart.log" 2>&1
same restart "$long/killed" $?
[ "$fail" -eq 0 ] && echo PASS || { echo FAIL; exit 1; }
