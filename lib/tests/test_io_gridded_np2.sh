#!/bin/sh
# Gridded NetCDF inputs (column tops, layer bottoms, initial pressure head; zones as boxes), each
# rank reading its own block: gw-run on 1 and on 2 MPI ranks must write the input top, bottom and
# first-record pressure head back unchanged, the zones of the boxes, fields agreeing to 1e-8
# relative (test_io_ranks_compare), and the same observations.
set -u
top="${top_builddir:-.}"
src="${srcdir:-.}"
command -v ncgen > /dev/null 2>&1 || { echo "SKIP: needs ncgen"; exit 77; }
out=$(mktemp -d "${TMPDIR:-/tmp}/gwrun-gridded.XXXXXX") || exit 99
trap 'rm -rf "$out"' EXIT
cp "$src/lib/tests/scenarios/gridded/gridded.yaml" "$out/" || exit 99
ncgen -o "$out/grid.nc" "$src/lib/tests/scenarios/gridded/grid.cdl" || exit 99
"$top/apps/gw-run" "$out/gridded.yaml" -o "$out/np1" > "$out/np1.log" 2>&1 || { cat "$out/np1.log"; exit 1; }
${MPIEXEC:-mpiexec} -n 2 "$top/apps/gw-run" "$out/gridded.yaml" -o "$out/np2" > "$out/np2.log" 2>&1 || { cat "$out/np2.log"; exit 1; }
fail=0
# the values of variable $2 in file $1, one per line
vals() { ncdump -v "$2" "$1" | sed -n '/^data:/,$p' | sed -n "/^ $2 =/,/;/p" | sed "s/^ $2 =//" | tr -d ' ;' | tr ',' '\n' | grep -v '^$'; }
check() { if [ "$2" = ok ]; then echo "CHECK $1 PASS"; else echo "CHECK $1 FAIL $3"; fail=$((fail + 1)); fi; }
vals "$out/grid.nc" top > "$out/top.in"
vals "$out/grid.nc" bottom > "$out/bottom.in"
vals "$out/grid.nc" psi0 > "$out/psi.in"
n=$(wc -l < "$out/psi.in")
# sand (1) in i 2..3, j 0..1, layers 1..2 of the 4 x 3 x 3 grid, loam (0) elsewhere
for k in 0 1 2; do for j in 0 1 2; do for i in 0 1 2 3; do
  if [ $i -ge 2 ] && [ $j -le 1 ] && [ $k -ge 1 ]; then echo 1; else echo 0; fi
done; done; done > "$out/zone.in"
for r in np1 np2; do
  for v in top bottom zone; do
    vals "$out/$r.nc" $v > "$out/$v.$r"
    cmp -s "$out/$v.in" "$out/$v.$r" && check "${r}_${v}_as_input" ok || check "${r}_${v}_as_input" bad "$(diff "$out/$v.in" "$out/$v.$r" | head -5)"
  done
  vals "$out/$r.nc" pressure_head | head -n "$n" > "$out/psi.$r"
  cmp -s "$out/psi.in" "$out/psi.$r" && check "${r}_initial_pressure_head_as_input" ok || check "${r}_initial_pressure_head_as_input" bad "$(diff "$out/psi.in" "$out/psi.$r" | head -5)"
done
# observations: the same values on 1 and 2 ranks (1e-8 relative)
paste -d, "$out/np1-obs.csv" "$out/np2-obs.csv" | awk -F, 'NR > 1 { h = NF / 2; for (c = 1; c <= h; c++) { a = $c + 0; b = $(c + h) + 0; d = a - b; if (d < 0) d = -d; s = (a < 0 ? -a : a); if (s < 1) s = 1; if (d / s > m) m = d / s } n++ }
  END { printf "CHECK observations_np1_np2 rows=%d max_rel=%g %s\n", n, m, (n > 0 && m < 1e-8 ? "PASS" : "FAIL"); exit !(n > 0 && m < 1e-8) }' || fail=$((fail + 1))
"$top/lib/tests/test_io_ranks_compare" "$out/np1.nc" "$out/np2.nc" || fail=$((fail + 1))
[ "$fail" -eq 0 ]
