#!/bin/sh
# Warnings where a user is likely wrong (lib/io/warnings.c): the scenario is valid, gw-run --check
# exits 0, and stderr holds exactly one "warning: FILE:LINE:COL: KEY: ..." line per mistake, on 1
# and on 2 MPI ranks (printed once, not once per rank):
# - an atmosphere package and a phreatic evapotranspiration package on the same 2 columns:
#   evaporation counted twice, naming both packages, the column count and the first column;
# - on a grid whose land surface is at 100 m (bottom 99 m): initial water_table 0.4 m (a depth
#   given as an elevation), with the hint "write water_table: 99.6 m"; an observation point at
#   z 0.5 m, with the hint "write z: 99.5 m";
# - the good column scenario gives no warning at all.
LC_ALL=C
export LC_ALL
top="${top_builddir:-.}"
src=$(cd "${srcdir:-.}" && pwd)
gw="$top/apps/gw-run"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gwwarn.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' 0
fail=0
check() {
  echo "CHECK warnings $1 $2 $3"
  [ "$2" = PASS ] || fail=$((fail + 1))
}
sed -e 's|file: rain.csv|file: '"$src"'/lib/tests/scenarios/rain.csv|' -e 's|file: bottom.csv|file: '"$src"'/lib/tests/scenarios/bottom.csv|' \
  "$src/lib/tests/scenarios/good_column.yaml" >"$tmp/good.yaml"
awk '/^  - name: bottom$/ { print "  - name: surface\n    type: atmosphere\n    cells: {k: [0, 0], face: top}\n    inputs: {precipitation: 0 mm/d, potential_evaporation: 4 mm/d}\n  - name: gw evaporation\n    type: evapotranspiration\n    cells: {k: [0, 0]}\n    value: 3 mm/d\n    parameters: {extinction_depth: 2 m}" } { print }' "$tmp/good.yaml" | sed 's/^  nx: 1$/  nx: 2/' >"$tmp/double.yaml"
sed -e 's/^  top: 1 m$/  top: 100 m/' -e 's/^  pressure_head: -1 m$/  water_table: 0.4 m/' "$tmp/good.yaml" >"$tmp/depth.yaml"
grep -q "top: 100 m" "$tmp/depth.yaml" && grep -q "water_table: 0.4 m" "$tmp/depth.yaml" && grep -q "gw evaporation" "$tmp/double.yaml" && grep -q "^  nx: 2" "$tmp/double.yaml" || { echo "could not make the scenarios"; exit 99; }
# expect NAME FILE NP NWARN PATTERN...: gw-run --check exits 0 with NWARN warning lines matching all patterns
expect() {
  name=$1 file=$2 np=$3 nw=$4
  shift 4
  if [ "$np" = 1 ]; then "$gw" --check "$file" >"$tmp/out" 2>"$tmp/err"; else ${MPIEXEC:-mpiexec} -n "$np" "$gw" --check "$file" >"$tmp/out" 2>"$tmp/err"; fi
  st=$?
  w=$(grep "^warning: " "$tmp/err")
  s=PASS
  [ $st -eq 0 ] && [ "$(printf '%s' "$w" | grep -c '^warning')" -eq "$nw" ] || s=FAIL
  for p in "$@"; do printf '%s\n' "$w" | grep -Eq -- "$p" || s=FAIL; done
  check "${name}_np$np" $s "status=$st warnings=\"$w\""
}
for np in 1 2; do
  expect double_evaporation "$tmp/double.yaml" $np 1 'double.yaml:[0-9]+:[0-9]+: packages\[2\]: the atmosphere package "surface" and this evapotranspiration package act on the same 2 columns \(the first i = 0, j = 0\): evaporation is counted twice'
  expect depth_as_elevation "$tmp/depth.yaml" $np 2 'depth.yaml:[0-9]+:[0-9]+: initial.water_table: the initial water table at elevation 0.4 m is below the whole grid .*write water_table: 99.6 m' \
    'observations\[0\].z: observation point "z50cm" at elevation 0.5 m is below its column .*write z: 99.5 m'
  expect no_warning "$tmp/good.yaml" $np 0
done
[ "$fail" -eq 0 ] && echo PASS || { echo FAIL; exit 1; }
