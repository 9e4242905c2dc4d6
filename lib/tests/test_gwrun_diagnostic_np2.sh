#!/bin/sh
# Diagnostics of a failed run (issue 8), forced deterministically, on 1 and 2 MPI ranks, on
# scenarios/failure/rain_column.yaml (2 m loam column, hydrostatic over a water table at 0.3 m,
# rain 2 mm/h for 1 h, then 500 mm/h; fields at 30 min, 1 h, 2 h).
# 1. Newton failure: -gw_dt_init 60 -gw_dt_min 60 -gw_snes_max_it 3. The first hour's steps
#    converge; the first step after the jump cannot (three iterations, no step below 60 s). Checks:
#    exit 3; one error line naming the step, t = 3600 s, dt, the worst cell with indices, centre,
#    pressure head, residual, packages and what to try; the worst cell within the top two layers
#    (the diagnosed attempt is the last cut, 68 s: 500 mm/h x 68 s = 0.95 cm of water cannot wet
#    deeper than about 5 cm of loam at a water-content deficit of 0.2), its centre the NetCDF centre of those indices
#    to 1e-9 m and its pressure head above that cell's at the last record (wetting); the same cell
#    and pressure head (1e-6 m) on 1 and 2 ranks. Outputs: no file looks complete (no run.nc,
#    run-budget.csv), run.nc.part opens with netCDF4, holds the records 0, 1800 and 3600 s, finite,
#    and says run_status "failed at t = 3600"; the budget .part ends at 3600 s with the rain of the
#    first hour, 2 mm x 1 m^2 = 0.002 m^3, to 1e-12 m^3 and every step's mass balance below 1e-8.
# 2. Progress guard: -gw_progress_steps 5 -gw_progress_fraction 0.5 (five steps from dt 60 s cannot
#    advance half of the 1800 s to the first output). Checks: exit 3, "The run is not advancing",
#    the worst cell by net inflow rate is the top cell (i=0, layer=0: the rain enters only there, the
#    rest is hydrostatic) with its packages "rain (flux)", the same on 1 and 2 ranks.
set -u
LC_ALL=C
export LC_ALL
top="${top_builddir:-.}"
src="${srcdir:-.}"
gw="$top/apps/gw-run"
py=/usr/bin/python3
"$py" -c "import netCDF4, numpy" 2>/dev/null || { echo "python3-netcdf4 is needed: run share/install-deps"; exit 99; }
scen="$src/lib/tests/scenarios/failure/rain_column.yaml"
out=$(mktemp -d "${TMPDIR:-/tmp}/gwdiag.XXXXXX") || exit 99
trap 'rm -rf "$out"' EXIT
fail=0
check() { if [ "$2" = ok ]; then echo "CHECK $1 PASS"; else echo "CHECK $1 FAIL ($3)"; fail=1; fi; }
run() { # NP PREFIX OPTIONS...
  np=$1 prefix=$2
  shift 2
  if [ "$np" -eq 1 ]; then "$gw" "$scen" -o "$prefix" "$@" >"$prefix.out" 2>"$prefix.err"; else ${MPIEXEC:-mpiexec} -n 2 "$gw" "$scen" -o "$prefix" "$@" >"$prefix.out" 2>"$prefix.err"; fi
}
# the worst cell of an error line: "i j layer x y z psi residual"
cell() { sed -n 's/.*worst cell (i=\([0-9]*\), j=\([0-9]*\), layer=\([0-9]*\)) at x = \([-0-9.e+]*\) m, y = \([-0-9.e+]*\) m, z = \([-0-9.e+]*\) m: pressure head \([-0-9.e+]*\) m, residual \([-0-9.e+]*\) 1\/s.*/\1 \2 \3 \4 \5 \6 \7 \8/p' "$1" | head -1; }

for np in 1 2; do
  p="$out/newton$np"
  run $np "$p" -gw_dt_init 60 -gw_dt_min 60 -gw_snes_max_it 3
  st=$?
  [ "$st" -eq 3 ] && check "np${np}_newton_exit_3" ok || check "np${np}_newton_exit_3" bad "status $st: $(cat "$p.err")"
  n=$(grep -c "^gw-run:" "$p.err")
  [ "$n" -eq 1 ] && check "np${np}_newton_one_error_line" ok || check "np${np}_newton_one_error_line" bad "$n lines"
  for word in "numerical failure: Newton's method did not converge at t = 3600" "step [0-9]" "dt = " "worst cell (i=0, j=0, layer=" "pressure head " "residual " "packages acting on it: " "Try: "; do
    grep -q "$word" "$p.err" && check "np${np}_newton_names '$word'" ok || check "np${np}_newton_names '$word'" bad "$(cat "$p.err")"
  done
  grep -q "Run complete" "$p.out" && check "np${np}_no_success_message" bad "success printed" || check "np${np}_no_success_message" ok
  [ ! -e "$p.nc" ] && [ ! -e "$p-budget.csv" ] && [ -e "$p.nc.part" ] && [ -e "$p-budget.csv.part" ] && check "np${np}_only_part_outputs" ok || check "np${np}_only_part_outputs" bad "$(ls "$out")"
  c=$(cell "$p.err")
  r=$("$py" - "$p" $c <<'PY'
import sys, csv
import numpy as np, netCDF4
p = sys.argv[1]
try:
    i, j, k = (int(v) for v in sys.argv[2:5])
    x, y, z, psi, res = (float(v) for v in sys.argv[5:10])
except ValueError:
    print("no worst cell in the error line"); sys.exit(0)
bad = []
with netCDF4.Dataset(p + ".nc.part") as f:
    t = np.asarray(f["time"][:], float)
    h = np.asarray(f["pressure_head"][:], float)
    if t.tolist() != [0.0, 1800.0, 3600.0]: bad.append("records at %s s" % t.tolist())
    if not np.all(np.isfinite(h)): bad.append("non-finite pressure heads")
    if not f.getncattr("run_status").startswith("failed at t = 3600"): bad.append("run_status %r" % f.getncattr("run_status")[:60])
    xc, zc = float(f["x"][i]), float(f["z"][k, j, i])
    if abs(x - xc) > 1e-9 or abs(z - zc) > 1e-9: bad.append("centre (%g, %g) but the NetCDF has (%g, %g)" % (x, z, xc, zc))
    if k > 1: bad.append("worst cell in layer %d, below the wetted top 5 cm" % k)
    if not psi > h[-1, k, j, i]: bad.append("pressure head %g not above the last record's %g" % (psi, h[-1, k, j, i]))
with open(p + "-budget.csv.part") as f:
    rows = list(csv.DictReader(f))
if float(rows[-1]["time_s"]) != 3600.0: bad.append("budget ends at %s s" % rows[-1]["time_s"])
if abs(float(rows[-1]["cum_rain_in_m3"]) - 0.002) > 1e-12: bad.append("cum rain %s m3, not 0.002" % rows[-1]["cum_rain_in_m3"])
mb = max(abs(float(r["mass_balance_rel"])) for r in rows)
if mb > 1e-8: bad.append("step mass balance %g" % mb)
print("; ".join(bad) if bad else "ok")
PY
)
  [ "$r" = ok ] && check "np${np}_newton_cell_and_outputs" ok || check "np${np}_newton_cell_and_outputs" bad "$r"
  eval "newton_cell$np=\"$c\""

  p="$out/guard$np"
  run $np "$p" -gw_progress_steps 5 -gw_progress_fraction 0.5
  st=$?
  [ "$st" -eq 3 ] && check "np${np}_guard_exit_3" ok || check "np${np}_guard_exit_3" bad "status $st: $(cat "$p.err")"
  for word in "The run is not advancing: 5 steps" "largest net inflow rate" "worst cell (i=0, j=0, layer=0) at x = 0.5 m, y = 0.5 m, z = 1.975 m" "packages acting on it: rain (flux)" "Try: "; do
    grep -q "$word" "$p.err" && check "np${np}_guard_names '$word'" ok || check "np${np}_guard_names '$word'" bad "$(cat "$p.err")"
  done
  [ ! -e "$p.nc" ] && [ -e "$p.nc.part" ] && check "np${np}_guard_only_part_outputs" ok || check "np${np}_guard_only_part_outputs" bad "$(ls "$out")"
  eval "guard_cell$np=\"$(cell "$p.err")\""
done
same() { # NAME "CELL1" "CELL2": same indices and pressure head within 1e-6 m
  "$py" -c "import sys; a, b = sys.argv[1].split(), sys.argv[2].split(); sys.exit(not (len(a) == 8 and a[:3] == b[:3] and abs(float(a[6]) - float(b[6])) <= 1e-6))" "$2" "$3" &&
    check "$1" ok || check "$1" bad "1 rank: $2; 2 ranks: $3"
}
same newton_same_cell_np1_np2 "$newton_cell1" "$newton_cell2"
same guard_same_cell_np1_np2 "$guard_cell1" "$guard_cell2"
[ "$fail" -eq 0 ] && echo PASS || { echo FAIL; exit 1; }
