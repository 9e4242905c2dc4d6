#!/bin/sh
# Checkpoint and restart: the default example (Vauclin 1979) run to 4 h, then continued to 8 h
# from its checkpoint on 2 ranks, must end with the same fields (1e-8 relative) and the same
# cumulative budget as the uninterrupted 8 h run on 1 rank.
set -u
top="${top_builddir:-.}"
src="${srcdir:-.}"
out=$(mktemp -d "${TMPDIR:-/tmp}/gwrun-restart.XXXXXX") || exit 99
trap 'rm -rf "$out"' EXIT
sed 's/^  end: 8 h/  end: 4 h/; s/^  times: .*/  times: [1 h, 2 h, 3 h]/' "$src/examples/vauclin1979/scenario.yaml" > "$out/first4h.yaml"
grep -q "end: 4 h" "$out/first4h.yaml" || { echo "could not make the 4 h scenario"; exit 99; }
"$top/apps/gw-run" "$src/examples/vauclin1979/scenario.yaml" -o "$out/full" > "$out/full.log" 2>&1 || { cat "$out/full.log"; exit 1; }
"$top/apps/gw-run" "$out/first4h.yaml" -o "$out/part1" > "$out/part1.log" 2>&1 || { cat "$out/part1.log"; exit 1; }
[ -f "$out/part1-checkpoint.h5" ] || { echo "no checkpoint written"; exit 1; }
${MPIEXEC:-mpiexec} -n 2 "$top/apps/gw-run" --restart "$out/part1-checkpoint.h5" "$src/examples/vauclin1979/scenario.yaml" -o "$out/part2" > "$out/part2.log" 2>&1 || { cat "$out/part2.log"; exit 1; }
# cumulative budget at 8 h: the last row of both budget files
for col in cum_storage_change_m3 cum_rain_in_m3 cum_outlet_out_m3; do
  a=$(awk -F, -v c="$col" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) k = i; next } { v = $k } END { print v }' "$out/full-budget.csv")
  b=$(awk -F, -v c="$col" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) k = i; next } { v = $k } END { print v }' "$out/part2-budget.csv")
  awk -v a="$a" -v b="$b" -v c="$col" 'BEGIN { d = a - b; if (d < 0) d = -d; r = d / (a < 0 ? -a : a);
    printf "CHECK restart_%s value=%s reference=%s relerror=%.3e rtol=1e-08 %s\n", c, b, a, r, (r < 1e-8 ? "PASS" : "FAIL"); exit !(r < 1e-8) }' || exit 1
done
exec "$top/lib/tests/test_io_ranks_compare" "$out/full.nc" "$out/part2.nc" --last
