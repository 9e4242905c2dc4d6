#!/bin/sh
# Names and prefixes that used to corrupt outputs, on 1 and 2 MPI ranks:
# - a package named 'rain, "east"' and an observation point named 'well,1' give CSV headers that
#   an RFC 4180 reader (Python's csv) splits into the intended columns, with as many fields in
#   every row as in the header;
# - "-o DIR/" and "-o DIR" (an existing folder) write DIR/good_column.nc, -budget.csv, -obs.csv;
# - an option nobody reads (-gw_snes_rtoll, a misspelt -gw_snes_rtol) gives exactly one warning
#   line on stderr naming it, also on 2 ranks.
LC_ALL=C
export LC_ALL
top="${top_builddir:-.}"
src=$(cd "${srcdir:-.}" && pwd)
gw="$top/apps/gw-run"
py=/usr/bin/python3
[ -x "$py" ] || py=python3
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gwnames.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' 0
fail=0
check() {
  echo "CHECK names $1 $3 $2"
  [ "$2" = PASS ] || fail=$((fail + 1))
}
sed -e "s|  - name: rain|  - name: 'rain, \"east\"'|" -e "s|{name: z50cm,|{name: 'well,1',|" \
  -e "s|file: rain.csv|file: $src/lib/tests/scenarios/rain.csv|" -e "s|file: bottom.csv|file: $src/lib/tests/scenarios/bottom.csv|" \
  "$src/lib/tests/scenarios/good_column.yaml" >"$tmp/names.yaml"
for r in 1 2; do
  run=""
  [ $r = 2 ] && run="${MPIEXEC:-mpiexec} -n 2"
  $run "$gw" "$tmp/names.yaml" -o "$tmp/np$r" >"$tmp/np$r.log" 2>&1 || { cat "$tmp/np$r.log"; exit 1; }
  res=$("$py" - "$tmp/np$r" <<'PY'
import csv, sys
ok = True
want = {"-budget.csv": ['rain, "east"_in_m3', 'cum_rain, "east"_out_m3'], "-obs.csv": ["well,1_pressure_head_m", "well,1_water_content"]}
for f, cols in want.items():
    rows = list(csv.reader(open(sys.argv[1] + f, newline="")))
    ok = ok and all(c in rows[0] for c in cols) and all(len(x) == len(rows[0]) for x in rows)
print("ok" if ok else "bad")
PY
)
  [ "$res" = ok ] && s=PASS || s=FAIL
  check np${r}_csv_headers_rfc4180 $s "result=$res"
done

mkdir "$tmp/slash" "$tmp/dir"
"$gw" "$src/lib/tests/scenarios/good_column.yaml" -o "$tmp/slash/" >"$tmp/slash.log" 2>&1
"$gw" "$src/lib/tests/scenarios/good_column.yaml" -o "$tmp/dir" >"$tmp/dir.log" 2>&1
for d in slash dir; do
  [ -f "$tmp/$d/good_column.nc" ] && [ -f "$tmp/$d/good_column-budget.csv" ] && [ -f "$tmp/$d/good_column-obs.csv" ] && [ ! -e "$tmp/$d/.nc" ] && s=PASS || s=FAIL
  check prefix_folder_$d $s "files=\"$(ls -A "$tmp/$d" | tr '\n' ' ')\""
done

for r in 1 2; do
  run=""
  [ $r = 2 ] && run="${MPIEXEC:-mpiexec} -n 2"
  $run "$gw" "$src/lib/tests/scenarios/good_column.yaml" -o "$tmp/opt$r" -gw_snes_rtoll 1e-9 >"$tmp/opt$r.log" 2>"$tmp/opt$r.err"
  st=$?
  n=$(grep -c "warning: option -gw_snes_rtoll 1e-9 was not used" "$tmp/opt$r.err")
  [ $st = 0 ] && [ "$n" = 1 ] && [ "$(wc -l <"$tmp/opt$r.err" | tr -d ' ')" = 1 ] && s=PASS || s=FAIL
  check np${r}_unused_option_warned_once $s "status=$st warnings=$n stderr=\"$(cat "$tmp/opt$r.err")\""
done
[ "$fail" -eq 0 ] && echo PASS || { echo FAIL; exit 1; }
