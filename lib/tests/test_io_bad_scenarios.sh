#!/bin/sh
# Malformed scenarios are refused cleanly. Each lib/tests/scenarios/bad/*.yaml is the good column
# scenario with one mistake; its first line "# expect: <fragment>" holds a piece of the message it
# must produce. For each, "gw-run --check" must exit with status exactly 2 (not a crash) and print
# exactly one line on stderr, "gw-run: bad input: FILE:LINE:COL: ...", naming the file and holding
# the fragment. A few are also run in full into an empty folder, which must stay empty. The good
# scenario must pass --check and, run in full, write its output files.
LC_ALL=C
export LC_ALL
gwrun="${top_builddir:-.}/apps/gw-run"
src="${srcdir:-.}/lib/tests/scenarios"
FULLRUN="csv_gap csv_gap_long csv_ends_early unknown_material_zone output_time_outside"

[ -x "$gwrun" ] || { echo "no $gwrun; build first"; exit 99; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gwbad.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' 0
# Work on a copy: the source tree may be read-only (make distcheck), and NetCDF inputs are
# made from their CDL text here.
cp -R "$src" "$tmp/scenarios" && chmod -R u+w "$tmp/scenarios" || exit 99
work="$tmp/scenarios"
have_ncgen=no
if command -v ncgen >/dev/null 2>&1; then
  have_ncgen=yes
  for cdl in "$work"/bad/*.cdl; do
    [ -f "$cdl" ] || continue
    ncgen -o "${cdl%.cdl}.nc" "$cdl" || { echo "ncgen failed on $cdl"; exit 99; }
  done
fi

fail=0
ncase=0
nskip=0

# run NAME FILE MODE: runs gw-run on FILE (MODE check or full), into an empty output folder.
run() {
  out="$tmp/out/$1"
  rm -rf "$out"
  mkdir -p "$out"
  if [ "$3" = full ]; then
    "$gwrun" "$2" -o "$out/run" >"$tmp/stdout" 2>"$tmp/stderr"
  else
    "$gwrun" --check "$2" >"$tmp/stdout" 2>"$tmp/stderr"
  fi
  status=$?
}

# bad NAME FILE FRAGMENT MODE POSITION: checks a bad-input run (POSITION no: no line:col expected).
bad() {
  name=$1 file=$2 frag=$3 mode=$4 pos=$5
  ncase=$((ncase + 1))
  run "$name" "$file" "$mode"
  line=$(head -n 1 "$tmp/stderr")
  nlines=$(wc -l <"$tmp/stderr" | tr -d ' ')
  nout=$(ls -A "$out" | wc -l | tr -d ' ')
  base=$(basename "$file")
  why=""
  [ "$status" -ge 128 ] && why="$why crashed(status $status)"
  [ "$status" -eq 2 ] || why="$why status=$status(want 2)"
  [ "$nlines" -eq 1 ] || why="$why stderr_lines=$nlines(want 1)"
  case "$line" in "gw-run: bad input: "*) ;; *) why="$why no_prefix" ;; esac
  case "$line" in *"$base"*) ;; *) why="$why no_file_name" ;; esac
  if [ "$pos" = yes ]; then
    rx=$(printf '%s' "$base" | sed 's/[].[^$*\\]/\\&/g')
    printf '%s\n' "$line" | grep -q "$rx:[0-9][0-9]*:[0-9][0-9]*: " || why="$why no_line_col"
  fi
  case "$line" in *"$frag"*) ;; *) why="$why fragment_missing" ;; esac
  [ "$nout" -eq 0 ] || why="$why outputs_left=$nout"
  if [ -z "$why" ]; then
    echo "CHECK bad_scenario $name mode=$mode status=$status stderr_lines=$nlines outputs=$nout PASS"
  else
    echo "CHECK bad_scenario $name mode=$mode status=$status stderr_lines=$nlines outputs=$nout FAIL:$why"
    echo "  expected fragment: $frag"
    sed 's/^/  stderr: /' "$tmp/stderr"
    [ "$nout" -eq 0 ] || ls -A "$out" | sed 's/^/  left: /'
    fail=$((fail + 1))
  fi
}

# the good scenario
run good_column "$work/good_column.yaml" check
ncase=$((ncase + 1))
if [ "$status" -eq 0 ] && [ ! -s "$tmp/stderr" ]; then
  echo "CHECK good_column mode=check status=0 PASS"
else
  echo "CHECK good_column mode=check status=$status FAIL"
  cat "$tmp/stderr"
  fail=$((fail + 1))
fi
run good_column "$work/good_column.yaml" full
ncase=$((ncase + 1))
nout=0
for f in run.nc run-budget.csv run-obs.csv; do [ -f "$out/$f" ] && nout=$((nout + 1)); done
npart=$(ls -A "$out" | grep -c '\.part$')
if [ "$status" -eq 0 ] && [ "$nout" -eq 3 ] && [ "$npart" -eq 0 ]; then
  echo "CHECK good_column mode=full status=0 outputs=$nout part_files=0 PASS"
else
  echo "CHECK good_column mode=full status=$status outputs=$nout part_files=$npart FAIL (want status 0, run.nc, run-budget.csv and run-obs.csv, no .part file)"
  cat "$tmp/stderr"
  ls -A "$out"
  fail=$((fail + 1))
fi

# a scenario file that does not exist: no position to give
bad missing_file "$work/bad/no_such_scenario.yaml" "cannot open the scenario file" check no

for f in "$work"/bad/*.yaml; do
  name=$(basename "$f" .yaml)
  frag=$(sed -n '1s/^# expect: //p' "$f")
  if [ -z "$frag" ]; then
    echo "CHECK bad_scenario $name FAIL: first line is not '# expect: <fragment>'"
    fail=$((fail + 1))
    continue
  fi
  if grep -q 'netcdf:' "$f" && [ "$have_ncgen" = no ]; then
    echo "CHECK bad_scenario $name SKIP (needs ncgen to make its NetCDF input)"
    nskip=$((nskip + 1))
    continue
  fi
  bad "$name" "$f" "$frag" check yes
  case " $FULLRUN " in *" $name "*) bad "$name" "$f" "$frag" full yes ;; esac
done

echo "CHECK bad_scenarios cases=$ncase failed=$fail skipped=$nskip"
[ "$fail" -eq 0 ] && echo PASS || { echo FAIL; exit 1; }
