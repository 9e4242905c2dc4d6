#!/bin/sh
# Interrupted runs continue into the same prefix with no record lost or written twice. The good
# column scenario, with 10 s steps at most and fields every 10 min (1100 steps, 19 records), is run
# uninterrupted (ref) with a checkpoint every 50 steps (-gw_checkpoint_steps 50). Then:
# - 5 runs killed with SIGKILL: 3 from outside once their budget file has 1, 350 and 850 rows, and
#   2 late ones that kill themselves (-gw_debug_kill_at, moments too short to hit from outside):
#   right after the checkpoint at the end time (all records written, outputs still .part), and
#   between the final renames (the CSV files renamed, the NetCDF file not). Each is continued with
#   "gw-run --restart P-checkpoint.h5 ... -o P" (or run again when killed before its first
#   checkpoint): the NetCDF records (ncdump -p 9,17, all variables) and both CSV files must equal
#   ref's byte for byte, and the killed run must leave no P.nc (the mark of a complete run) and,
#   unless killed during the renames, no P-budget.csv or P-obs.csv;
# - 1 run stopped with SIGTERM at 500 rows: exit status 4, one line on stderr, only .part outputs
#   with run_status "interrupted ...", then continued as above: equal to ref byte for byte;
# - on 2 MPI ranks, runs killed with SIGKILL at 500 rows (every rank, from outside) and during
#   the final renames (rank 0 kills itself, mpiexec ends the other), each continued on 2 ranks:
#   every number of their NetCDF and CSV outputs equal to an uninterrupted 2-rank run's to 1e-10
#   relative (python3 netCDF4), no P.nc left by the killed run;
# - a restart from that checkpoint with another material (K changed) is refused: status 2, the
#   message names the checkpoint as written by another model.
LC_ALL=C
export LC_ALL
top="${top_builddir:-.}"
src=$(cd "${srcdir:-.}" && pwd) # absolute: the scenario made here names the CSV files
gw="$top/apps/gw-run"
py=/usr/bin/python3
[ -x "$py" ] || py=python3
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gwkill.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' 0
opts="-gw_checkpoint_steps 50"
sed -e 's/^  dt_max: 10 min/  dt_max: 10 s/' -e 's/^  dt_init: 10 s/  dt_init: 1 s/' -e 's/^  times: \[1 h, 2 h\]/  every: 10 min/' \
  -e 's|file: rain.csv|file: '"$src"'/lib/tests/scenarios/rain.csv|' -e 's|file: bottom.csv|file: '"$src"'/lib/tests/scenarios/bottom.csv|' \
  "$src/lib/tests/scenarios/good_column.yaml" >"$tmp/long.yaml"
grep -q "every: 10 min" "$tmp/long.yaml" || { echo "could not make the scenario"; exit 99; }
fail=0
check() { # NAME PASS|FAIL DETAIL
  echo "CHECK kill_restart $1 $3 $2"
  [ "$2" = PASS ] || fail=$((fail + 1))
}
ncdata() { ncdump -p 9,17 "$1" | sed -e '1d' -e '/:history = /d'; }

mkdir "$tmp/ref"
"$gw" "$tmp/long.yaml" -o "$tmp/ref/run" $opts >"$tmp/ref.log" 2>&1 || { cat "$tmp/ref.log"; exit 1; }
ncdata "$tmp/ref/run.nc" >"$tmp/ref.cdl"

# same NAME DIR: DIR/run.* equal to ref's byte for byte
same() {
  ncdata "$2/run.nc" >"$tmp/$1.cdl" 2>/dev/null
  for f in ref.cdl; do cmp -s "$tmp/ref.cdl" "$tmp/$1.cdl" && s=PASS || s=FAIL; done
  check "${1}_netcdf_records_bitwise" $s "records=$(ncdump -h "$2/run.nc" 2>/dev/null | sed -n 's/.*time = UNLIMITED ; \/\/ (\([0-9]*\) currently)/\1/p')"
  for f in budget obs; do
    cmp -s "$tmp/ref/run-$f.csv" "$2/run-$f.csv" && s=PASS || s=FAIL
    check "${1}_${f}_csv_bitwise" $s "rows=$(wc -l <"$2/run-$f.csv" 2>/dev/null | tr -d ' ')/$(wc -l <"$tmp/ref/run-$f.csv" | tr -d ' ')"
  done
}

# continue NAME DIR [launcher]: restart from the checkpoint into the same prefix, or run again
continue_() {
  if [ -f "$2/run-checkpoint.h5" ]; then
    $3 "$gw" --restart "$2/run-checkpoint.h5" "$tmp/long.yaml" -o "$2/run" $opts >"$tmp/$1.log" 2>&1
  else
    $3 "$gw" "$tmp/long.yaml" -o "$2/run" $opts >"$tmp/$1.log" 2>&1
  fi || { echo "continuing $1 failed:"; cat "$tmp/$1.log"; }
}

# rows DIR N PID: waits until DIR/run-budget.csv.part has N rows or process PID has ended
rows() {
  while kill -0 $3 2>/dev/null; do
    [ "$(cat "$1/run-budget.csv.part" 2>/dev/null | wc -l)" -gt "$2" ] && return 0
    sleep 0.01
  done
}

n=0
for r in 1 350 850 final_checkpoint renames; do
  n=$((n + 1))
  dir="$tmp/kill$n"
  mkdir "$dir"
  case $r in
  [0-9]*)
    d="${r}_rows"
    "$gw" "$tmp/long.yaml" -o "$dir/run" $opts >"$tmp/kill$n.first.log" 2>&1 &
    pid=$!
    rows "$dir" $r $pid
    kill -KILL $pid 2>/dev/null
    wait $pid
    st=$?
    ;;
  *)
    d=$r
    "$gw" "$tmp/long.yaml" -o "$dir/run" $opts -gw_debug_kill_at $r >"$tmp/kill$n.first.log" 2>&1
    st=$?
    ;;
  esac
  if [ $st -ne 0 ]; then
    [ ! -e "$dir/run.nc" ] && [ -f "$dir/run.nc.part" ] && { [ $r = renames ] || { [ ! -e "$dir/run-budget.csv" ] && [ ! -e "$dir/run-obs.csv" ]; }; } && s=PASS || s=FAIL
    check "kill${n}_at_${d}_no_final_outputs" $s "status=$st checkpoint=$([ -f "$dir/run-checkpoint.h5" ] && echo yes || echo no) files=$(ls "$dir" | tr '\n' ' ')"
  else
    echo "CHECK kill_restart kill${n}_at_${d} the run ended before the kill (status 0)"
  fi
  continue_ "kill$n" "$dir"
  same "kill$n" "$dir"
done

# SIGTERM: a checkpoint, status 4, one line, .part outputs marked interrupted
dir="$tmp/term"
mkdir "$dir"
"$gw" "$tmp/long.yaml" -o "$dir/run" $opts >"$tmp/term.first.log" 2>"$tmp/term.err" &
pid=$!
rows "$dir" 500 $pid
kill -TERM $pid
wait $pid
st=$?
status_attr=$(ncdump -h "$dir/run.nc.part" 2>/dev/null | sed -n 's/.*:run_status = "\(.*\)" ;/\1/p')
[ $st -eq 4 ] && [ "$(wc -l <"$tmp/term.err" | tr -d ' ')" = 1 ] && grep -q "interrupted by signal 15" "$tmp/term.err" && [ -f "$dir/run-checkpoint.h5" ] \
  && [ ! -e "$dir/run.nc" ] && [ -f "$dir/run.nc.part" ] && case "$status_attr" in interrupted*) true ;; *) false ;; esac && s=PASS || s=FAIL
check sigterm_checkpoint_status4_interrupted $s "status=$st stderr=\"$(cat "$tmp/term.err")\" run_status=\"$status_attr\""
continue_ term "$dir"
same term "$dir"

# on 2 ranks: the ranks (found by their output prefix) killed with SIGKILL, continued on 2 ranks
mkdir "$tmp/ref2"
${MPIEXEC:-mpiexec} -n 2 "$gw" "$tmp/long.yaml" -o "$tmp/ref2/run" $opts >"$tmp/ref2.log" 2>&1 || { cat "$tmp/ref2.log"; exit 1; }
# compare2 NAME DIR: every number of DIR/run.* against ref2's, relative to 1e-10
compare2() {
  if ! "$py" -c "import netCDF4, numpy" 2>/dev/null; then
    echo "CHECK kill_restart $1_continued SKIP (no python3 netCDF4)"
    return
  fi
  res=$("$py" - "$tmp/ref2/run" "$2/run" <<'PY'
import csv, sys
import numpy as np, netCDF4
a, b = sys.argv[1], sys.argv[2]
worst = 0.0
def rel(x, y):
    x, y = np.asarray(x, float), np.asarray(y, float)
    if x.shape != y.shape:
        return float("inf")
    return float(np.max(np.abs(x - y) / np.maximum(np.maximum(np.abs(x), np.abs(y)), 1e-300), initial=0.0))
A, B = netCDF4.Dataset(a + ".nc"), netCDF4.Dataset(b + ".nc")
for v in A.variables:
    d = np.abs(np.asarray(A[v][:], float))
    worst = max(worst, float(np.max(np.abs(np.asarray(A[v][:], float) - np.asarray(B[v][:], float)) / np.maximum(np.max(d), 1e-300), initial=0.0)) if A[v].shape == B[v].shape else float("inf"))
for f in ("-budget.csv", "-obs.csv"):
    ra, rb = list(csv.reader(open(a + f))), list(csv.reader(open(b + f)))
    if len(ra) != len(rb) or ra[0] != rb[0]:
        worst = float("inf")
        continue
    cols = [i for i, h in enumerate(ra[0]) if h != "date"]
    for x, y in zip(ra[1:], rb[1:]):
        worst = max(worst, rel([float(x[i]) for i in cols], [float(y[i]) for i in cols]) if len(x) == len(y) else float("inf"))
print("%.3g" % worst)
PY
)
  awk -v w="$res" 'BEGIN { exit !(w != "" && w + 0 <= 1e-10) }' && s=PASS || s=FAIL
  check $1_continued_max_rel_diff $s "value=$res tol=1e-10"
}

dir="$tmp/np2"
mkdir "$dir"
${MPIEXEC:-mpiexec} -n 2 "$gw" "$tmp/long.yaml" -o "$dir/run" $opts >"$tmp/np2.first.log" 2>&1 &
pid=$!
rows "$dir" 500 $pid
for p in $(ps -eo pid=,args= | awk -v d="$dir/run" 'index($0, d) && !/mpiexec|mpirun|awk/ { print $1 }'); do kill -KILL $p 2>/dev/null; done
wait $pid
[ ! -e "$dir/run.nc" ] && s=PASS || s=FAIL
check np2_at_500_rows_no_final_outputs $s "files=$(ls "$dir" | tr '\n' ' ')"
continue_ np2 "$dir" "${MPIEXEC:-mpiexec} -n 2"
compare2 np2 "$dir"

dir="$tmp/np2late"
mkdir "$dir"
${MPIEXEC:-mpiexec} -n 2 "$gw" "$tmp/long.yaml" -o "$dir/run" $opts -gw_debug_kill_at renames >"$tmp/np2late.first.log" 2>&1
st=$?
[ $st -ne 0 ] && [ ! -e "$dir/run.nc" ] && [ -f "$dir/run.nc.part" ] && s=PASS || s=FAIL
check np2late_at_renames_no_final_outputs $s "status=$st files=$(ls "$dir" | tr '\n' ' ')"
continue_ np2late "$dir" "${MPIEXEC:-mpiexec} -n 2"
compare2 np2late "$dir"

# a checkpoint of another model (same grid, another K) is refused as bad input
sed 's/^    K: 24.96 cm\/d/    K: 30 cm\/d/' "$tmp/long.yaml" >"$tmp/otherK.yaml"
mkdir "$tmp/other"
"$gw" --restart "$tmp/term/run-checkpoint.h5" "$tmp/otherK.yaml" -o "$tmp/other/run" >"$tmp/other.log" 2>"$tmp/other.err"
st=$?
[ $st -eq 2 ] && grep -q "was written by another model" "$tmp/other.err" && [ -z "$(ls -A "$tmp/other")" ] && s=PASS || s=FAIL
check checkpoint_of_another_model_refused $s "status=$st stderr=\"$(cat "$tmp/other.err")\""

[ "$fail" -eq 0 ] && echo PASS || { echo FAIL; exit 1; }
