#!/bin/sh
# Bad calibration input (lib/tests/scenarios/calib/bad/*.yaml, each the valid good.yaml with one
# mistake): gw-calibrate ends with status 2 and one line "gw-calibrate: bad input: FILE:LINE:COL:
# KEY: ..." naming the file, the line, the key and the expected words, before any forward run
# (-calib_monitor prints no iteration). The unknown path also on 2 MPI ranks: one line, status 2.
set -u
top="${top_builddir:-.}"
dir="${srcdir:-.}/lib/tests/scenarios/calib"
out=$(mktemp -d "${TMPDIR:-/tmp}/gwcalib-bad.XXXXXX") || exit 99
trap 'rm -rf "$out"' EXIT
status=0
"$top/apps/gw-calibrate" --check "$dir/good.yaml" > "$out/good.log" 2>&1 || { cat "$out/good.log"; echo "CHECK good.yaml valid FAIL"; exit 1; }
echo "CHECK good.yaml valid PASS"
# file | line:col | key | words the message must hold
while IFS='|' read -r f pos key words; do
  "$top/apps/gw-calibrate" -o "$out/run" "$dir/bad/$f" -calib_monitor > "$out/$f.out" 2> "$out/$f.err"
  rc=$?
  msg=$(cat "$out/$f.err")
  ok=1
  [ $rc -eq 2 ] || ok=0
  [ "$(wc -l < "$out/$f.err")" -eq 1 ] || ok=0
  case "$msg" in *"bad/$f:$pos: $key: "*"$words"*) ;; *) ok=0 ;; esac
  grep -q "calibration iteration" "$out/$f.out" && ok=0
  [ -e "$out/run-calibration.yaml" ] && ok=0
  if [ $ok -eq 1 ]; then echo "CHECK $f exit=$rc PASS"; else echo "CHECK $f exit=$rc FAIL: $msg"; status=1; fi
done <<'LIST'
unknown_path.yaml|4:12|parameters[0].path|has no material named "lome"; its materials are: loam, sandy_loam
unknown_parameter.yaml|4:12|parameters[0].path|has no parameter "Kss"
reversed_bounds.yaml|4:66|parameters[0].upper|reversed
initial_outside.yaml|4:40|parameters[0].initial|outside its bounds
below_grid.yaml|6:57|observations[0].z|outside its column
outside_x.yaml|6:5|observations[0]|outside the grid
after_end.yaml|6:70|observations[0].file|obs_late.csv:4: observation time
LIST
${MPIEXEC:-mpiexec} -n 2 "$top/apps/gw-calibrate" -o "$out/run" "$dir/bad/unknown_path.yaml" > "$out/np2.out" 2> "$out/np2.err"
rc=$?
n=$(grep -c "bad input" "$out/np2.err")
if [ $rc -eq 2 ] && [ "$n" -eq 1 ]; then echo "CHECK np2_unknown_path exit=$rc lines=$n PASS"; else echo "CHECK np2_unknown_path exit=$rc lines=$n FAIL"; cat "$out/np2.err"; status=1; fi
exit $status
