#!/bin/sh
# NetCDF inputs are checked before they are used (lib/io/ncinput.c). From the gridded scenario
# (lib/tests/scenarios/gridded: top (y, x), bottom and psi0 (layer, y, x) in grid.cdl), files made
# with ncgen that a user could easily produce:
# - refused with status 2, one line naming scenario file:line:column, the key, the NetCDF file, the
#   variable and the fault, and no output file at all: psi0 defined but never written (36 fill
#   values, the first at cell (0, 0, 0); on 1 and 2 ranks), top with _FillValue -9999 in 2 cells
#   (first (i, j) = (2, 1)), bottom with missing_value, psi0 with a NaN, psi0 above its
#   valid_max, top stored (x, y) (on 1 and 2 ranks) and bottom stored (layer, x, y): the expected
#   order named; top with units "m s-1" and with units "m a.s.l." (not a udunits2 unit);
# - accepted and converted: top in cm (its units attribute), written back in m equal to the
#   original to 1e-12 relative, on 1 and 2 ranks; psi0 packed as short integers with
#   scale_factor 0.0625, unpacked to the original values exactly.
set -u
LC_ALL=C
export LC_ALL
top="${top_builddir:-.}"
src="${srcdir:-.}"
gw="$top/apps/gw-run"
command -v ncgen >/dev/null 2>&1 || { echo "SKIP: needs ncgen"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gwncin.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' 0
cp "$src/lib/tests/scenarios/gridded/gridded.yaml" "$src/lib/tests/scenarios/gridded/grid.cdl" "$tmp/" || exit 99
fail=0
check() { # NAME PASS|FAIL DETAIL
  echo "CHECK netcdf_inputs $1 $2 $3"
  [ "$2" = PASS ] || fail=$((fail + 1))
}
# bad NAME RANKS "SED SCRIPT" PATTERN...: grid.nc from grid.cdl edited by the sed script must be
# refused with status 2, a single stderr line matching every pattern (grep -E), and no output
bad() {
  name=$1 np=$2 ed=$3
  shift 3
  d="$tmp/$name"
  mkdir "$d"
  cp "$tmp/gridded.yaml" "$d/"
  sed "$ed" "$tmp/grid.cdl" >"$d/grid.cdl" && ncgen -o "$d/grid.nc" "$d/grid.cdl" || { check "$name" FAIL "ncgen failed"; return; }
  if [ "$np" = 1 ]; then
    "$gw" "$d/gridded.yaml" -o "$d/out/run" >"$d/log" 2>"$d/err"
  else
    ${MPIEXEC:-mpiexec} -n "$np" "$gw" "$d/gridded.yaml" -o "$d/out/run" >"$d/log" 2>"$d/err"
  fi
  st=$?
  msg=$(grep "^gw-run: bad input:" "$d/err" | sort -u)
  s=PASS
  [ $st -eq 2 ] || s=FAIL
  [ "$(printf '%s\n' "$msg" | grep -c .)" = 1 ] || s=FAIL
  for p in "$@"; do printf '%s\n' "$msg" | grep -Eq -- "$p" || s=FAIL; done
  [ -z "$(ls -A "$d/out" 2>/dev/null)" ] || s=FAIL
  check "${name}_np$np" $s "status=$st msg=\"$msg\""
}
bad never_written 1 '/^ psi0 = /d' 'gridded.yaml:21:[0-9]+: initial.variable: variable "psi0" in .*grid.nc has 36 missing values' 'never written' 'first at cell \(i, j, k\) = \(0, 0, 0\)'
bad never_written 2 '/^ psi0 = /d' 'initial.variable: variable "psi0" .* has 36 missing values' 'first at cell \(i, j, k\) = \(0, 0, 0\)'
bad fillvalue 1 's/top:units = "m" ;/top:units = "m" ; top:_FillValue = -9999. ;/; s/^ top = 10.0, 9.5, 9.0, 8.5, 10.25, 9.75, 9.25,/ top = 10.0, 9.5, 9.0, 8.5, 10.25, 9.75, -9999,/; s/10.0, 9.5, 9.0 ;$/10.0, -9999, 9.0 ;/' \
  'grid.top.variable: variable "top" .* has 2 missing values' 'first at cell \(i, j\) = \(2, 1\)'
bad missing_value 1 's/bottom:units = "m" ;/bottom:units = "m" ; bottom:missing_value = -1.e+30 ;/; s/^ bottom = 9.0,/ bottom = -1.e+30,/' \
  'grid.bottom.variable: variable "bottom" .* has 1 missing value ' 'first at cell \(i, j, k\) = \(0, 0, 0\)'
bad nan 2 's/^ psi0 = -1.5, -1.375, -1.25, -1.125, -1.5625, -1.4375, -1.3125,/ psi0 = -1.5, -1.375, -1.25, -1.125, -1.5625, -1.4375, NaN,/' \
  'initial.variable: variable "psi0" .* has 1 missing value ' 'first at cell \(i, j, k\) = \(2, 1, 0\)'
bad valid_max 1 's/psi0:units = "m" ;/psi0:units = "m" ; psi0:valid_max = 1. ;/' \
  'initial.variable: variable "psi0" .* has 2 missing values .*outside valid_min/valid_max' 'first at cell \(i, j, k\) = \(3, 0, 2\)'
bad transposed_top 1 's/double top(y, x)/double top(x, y)/' 'grid.top.variable: variable "top" in .* is stored as \(x, y\), but libgw reads \(y, x\), x varying fastest' 'read transposed' 'ncpdq -a y,x'
bad transposed_top 2 's/double top(y, x)/double top(x, y)/' 'grid.top.variable: variable "top" in .* is stored as \(x, y\), but libgw reads \(y, x\)'
bad transposed_bottom 1 's/double bottom(layer, y, x)/double bottom(layer, x, y)/' 'grid.bottom.variable: variable "bottom" in .* is stored as \(layer, x, y\), but libgw reads \(layer, y, x\)' 'ncpdq -a layer,y,x'
bad units_velocity 1 's/top:units = "m"/top:units = "m s-1"/' 'grid.top.variable: the units attribute "m s-1" of variable "top" in .*grid.nc cannot be used: .*cannot be converted to m'
bad units_unknown 1 's/top:units = "m"/top:units = "m a.s.l."/' 'grid.top.variable: the units attribute "m a.s.l." of variable "top" .* cannot be used: unknown unit'

# top in cm: converted to m
d="$tmp/cm"
mkdir "$d"
cp "$tmp/gridded.yaml" "$d/"
awk '/^ top = / { sub(/^ top = /, ""); sub(/ ;$/, ""); n = split($0, v, ", "); s = " top = "; for (q = 1; q <= n; q++) s = s sprintf("%.17g", v[q] * 100) (q < n ? ", " : " ;"); print s; next }
  { sub(/top:units = "m"/, "top:units = \"cm\""); print }' "$tmp/grid.cdl" >"$d/grid.cdl"
ncgen -o "$d/grid.nc" "$d/grid.cdl" || exit 99
vals() { ncdump -v "$2" "$1" | sed -n '/^data:/,$p' | sed -n "/^ $2 =/,/;/p" | sed "s/^ $2 =//" | tr -d ' ;' | tr ',' '\n' | grep -v '^$'; }
ncgen -o "$tmp/orig.nc" "$tmp/grid.cdl" || exit 99
vals "$tmp/orig.nc" top >"$tmp/top.in"
for np in 1 2; do
  if [ $np = 1 ]; then "$gw" "$d/gridded.yaml" -o "$d/np1" >"$d/np1.log" 2>&1; else ${MPIEXEC:-mpiexec} -n 2 "$gw" "$d/gridded.yaml" -o "$d/np2" >"$d/np2.log" 2>&1; fi
  st=$?
  vals "$d/np$np.nc" top >"$d/top.np$np" 2>/dev/null
  res=$(paste -d' ' "$tmp/top.in" "$d/top.np$np" | awk '{ d = $1 - $2; if (d < 0) d = -d; if (d / $1 > m) m = d / $1; n++ } END { printf "%d %.3g", n, m }')
  [ $st -eq 0 ] && awk -v r="$res" 'BEGIN { split(r, a, " "); exit !(a[1] == 12 && a[2] <= 1e-12) }' && s=PASS || s=FAIL
  check "top_in_cm_np$np" $s "status=$st cells,max_rel=$res"
done

# psi0 packed as short with scale_factor 0.0625
d="$tmp/packed"
mkdir "$d"
cp "$tmp/gridded.yaml" "$d/"
awk '/^ psi0 = / { sub(/^ psi0 = /, ""); sub(/ ;$/, ""); n = split($0, v, ", "); s = " psi0 = "; for (q = 1; q <= n; q++) s = s sprintf("%d", v[q] / 0.0625) (q < n ? ", " : " ;"); print s; next }
  { sub(/double psi0/, "short psi0"); sub(/psi0:units = "m" ;/, "psi0:units = \"m\" ; psi0:scale_factor = 0.0625 ;"); print }' "$tmp/grid.cdl" >"$d/grid.cdl"
ncgen -o "$d/grid.nc" "$d/grid.cdl" || exit 99
"$gw" "$d/gridded.yaml" -o "$d/np1" >"$d/np1.log" 2>&1
st=$?
vals "$tmp/orig.nc" psi0 >"$tmp/psi.in"
vals "$d/np1.nc" pressure_head 2>/dev/null | head -n "$(wc -l <"$tmp/psi.in")" >"$d/psi.out"
[ $st -eq 0 ] && cmp -s "$tmp/psi.in" "$d/psi.out" && s=PASS || s=FAIL
check packed_short_scale_factor $s "status=$st $(diff "$tmp/psi.in" "$d/psi.out" | head -3 | tr '\n' ' ')"

[ "$fail" -eq 0 ] && echo PASS || { echo FAIL; exit 1; }
