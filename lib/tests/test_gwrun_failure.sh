#!/bin/sh
# gw-run on a numerical failure: the default example with time-step limits that cannot work
# (dt fixed at 3 h, one Newton iteration) must end with exit status 3, a single error line naming
# the failure, no success message, and no output file left looking complete: only *.part files,
# the NetCDF one readable with run_status "failed ...".
set -u
top="${top_builddir:-.}"
src="${srcdir:-.}"
out=$(mktemp -d "${TMPDIR:-/tmp}/gwrun-fail.XXXXXX") || exit 99
trap 'rm -rf "$out"' EXIT
"$top/apps/gw-run" "$src/examples/vauclin1979/scenario.yaml" -o "$out/run" -gw_dt_init 10800 -gw_dt_min 10800 -gw_dt_max 10800 -gw_snes_max_it 1 > "$out/stdout" 2> "$out/stderr"
status=$?
fail=0
check() { if [ "$2" = ok ]; then echo "CHECK $1 PASS"; else echo "CHECK $1 FAIL ($3)"; fail=1; fi; }
[ "$status" -eq 3 ] && check exit_status_3 ok || check exit_status_3 bad "status $status"
n=$(grep -c . "$out/stderr")
[ "$n" -eq 1 ] && check one_error_line ok || check one_error_line bad "$n lines: $(cat "$out/stderr")"
grep -q "numerical failure: .*did not converge" "$out/stderr" && check message_names_failure ok || check message_names_failure bad "$(cat "$out/stderr")"
grep -q "worst cell (i=[0-9]*, j=0, layer=[0-9]*) at x = .* pressure head .* residual .* packages acting on it: .* Try: " "$out/stderr" && check message_names_worst_cell ok || check message_names_worst_cell bad "$(cat "$out/stderr")"
grep -q "Run complete" "$out/stdout" && check no_success_message bad "success printed" || check no_success_message ok
[ ! -e "$out/run.nc" ] && [ ! -e "$out/run-budget.csv" ] && check no_complete_looking_output ok || check no_complete_looking_output bad "$(ls "$out")"
[ -e "$out/run.nc.part" ] && check partial_netcdf_kept ok || check partial_netcdf_kept bad "$(ls "$out")"
if command -v ncdump > /dev/null 2>&1; then
  ncdump -h "$out/run.nc.part" | grep -q 'run_status = "failed' && check partial_netcdf_says_failed ok || check partial_netcdf_says_failed bad "$(ncdump -h "$out/run.nc.part" | grep run_status)"
fi
[ "$fail" -eq 0 ]
