#!/bin/sh
# 2D self-convergence (issue 8 acceptance, cheap version of validation/10_gardner_strip): a 15 m x
# 15 m section of Gardner soil (alpha 0.25 1/m, Ks 1 m/d, theta 0.06-0.40) over a water table, 0.2
# m/d through a 3 m strip at the top, 10 days, half the section by symmetry. The default settings
# on 0.25 m cells (validation/10_gardner_strip/scenario_0.25m.yaml, unchanged) on 1 and 2 ranks
# against the same on 2x refined cells (0.125 m, steps of at most 1 h, mass-balance tolerance
# 1e-12; 1 rank, to keep the wall time of a loaded machine down); the refined run's 2 x 2 cells
# around each coarse centre are averaged.
# Checks:
# 1. at 1, 2, 5 and 10 d the error estimate of the coarse run, (4/3) max |psi_0.25 - psi_0.125|
#    (Richardson: the coarse error of a second-order scheme is 4/3 of its difference from a 2x
#    refined run), is within 1% of the refined run's pressure-head range;
# 2. the 1- and 2-rank coarse runs agree to 1e-6 m at every output time;
# 3. every step of every run has a relative mass-balance error below 1e-8 (budget CSV).
# Measured: error estimates 0.40%, 0.42%, 0.41% and 0.25% of the 14.2-12.8 m range (58 coarse
# steps, 273 refined; about 15 s of CPU in all, minutes of wall time on 2 ranks of a loaded machine).
LC_ALL=C
export LC_ALL
top="${top_builddir:-.}"
src="${srcdir:-.}"
gw="$top/apps/gw-run"
py=/usr/bin/python3
"$py" -c "import netCDF4, numpy" 2>/dev/null || { echo "python3-netcdf4 is needed: run share/install-deps"; exit 99; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gwstrip.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' 0
coarse="$src/validation/10_gardner_strip/scenario_0.25m.yaml"
[ -r "$coarse" ] || { echo "missing $coarse"; exit 99; }
sed -e 's/nx: 30, ny: 1, nz: 60, dx: 0.25 m/nx: 60, ny: 1, nz: 120, dx: 0.125 m/' -e 's/dz: 0.25 m/dz: 0.125 m/' \
    -e 's/i: \[0, 5\]/i: [0, 11]/' -e 's/k: \[59, 59\]/k: [119, 119]/' -e 's/^time: {end: 10 d}/time: {end: 10 d, dt_max: 1 h}\nsolver: {mass_balance_rtol: 1e-12}/' \
    "$coarse" >"$tmp/fine.yaml"
grep -q "nz: 120" "$tmp/fine.yaml" && grep -q "k: \[119, 119\]" "$tmp/fine.yaml" && grep -q "i: \[0, 11\]" "$tmp/fine.yaml" && grep -q "mass_balance_rtol: 1e-12" "$tmp/fine.yaml" ||
  { echo "cannot derive the refined scenario from $coarse"; exit 99; }
mpi() { ${MPIEXEC:-mpiexec} -n 2 "$@"; }
fail=0
"$gw" "$coarse" -o "$tmp/c1" >"$tmp/c1.log" 2>&1 || { echo "coarse run, 1 rank, failed:"; tail -5 "$tmp/c1.log"; fail=1; }
mpi "$gw" "$coarse" -o "$tmp/c2" >"$tmp/c2.log" 2>&1 || { echo "coarse run, 2 ranks, failed:"; tail -5 "$tmp/c2.log"; fail=1; }
"$gw" "$tmp/fine.yaml" -o "$tmp/f" >"$tmp/f.log" 2>&1 || { echo "refined run failed:"; tail -5 "$tmp/f.log"; fail=1; }
[ "$fail" -eq 0 ] || { echo FAIL; exit 1; }
grep "Run complete" "$tmp/c1.log" "$tmp/c2.log" "$tmp/f.log"
"$py" - "$tmp" <<'PY'
import sys, csv
import numpy as np, netCDF4
d = sys.argv[1]
def load(name):
    with netCDF4.Dataset("%s/%s.nc" % (d, name)) as f:
        return np.asarray(f["time"][:], float), np.asarray(f["pressure_head"][:], float)[:, :, 0, :]
def frame(t, day):
    i = int(np.argmin(abs(t - day * 86400.0)))
    assert abs(t[i] - day * 86400.0) < 1e-3, "no output at %g d" % day
    return i
fails = 0
def check(name, value, tol, what=""):
    global fails
    ok = np.isfinite(value) and value <= tol
    fails += not ok
    print("CHECK %s value=%.4g tol=%g %s %s" % (name, value, tol, what, "PASS" if ok else "FAIL"))
t1, c1 = load("c1"); t2, c2 = load("c2"); tf, pf = load("f")
for day in (1, 2, 5, 10):
    a, b = frame(t1, day), frame(tf, day)
    fine = pf[b]
    ref = 0.25 * (fine[0::2, 0::2] + fine[0::2, 1::2] + fine[1::2, 0::2] + fine[1::2, 1::2])
    diff = np.max(np.abs(c1[a] - ref))
    rng = fine.max() - fine.min()
    check("t%dd_error_estimate_rel_range" % day, 4.0 / 3.0 * diff / rng, 0.01, "(max diff %.4g m, range %.4g m)" % (diff, rng))
    check("t%dd_np1_np2_max_diff_m" % day, np.max(np.abs(c1[a] - c2[frame(t2, day)])), 1e-6)
for name in ("c1", "c2", "f"):
    with open("%s/%s-budget.csv" % (d, name)) as f:
        rel = [abs(float(r["mass_balance_rel"])) for r in csv.DictReader(f)]
    check("%s_max_step_mass_balance_rel" % name, max(rel), 1e-8, "(%d steps)" % len(rel))
sys.exit(1 if fails else 0)
PY
[ $? -eq 0 ] && echo PASS || { echo FAIL; exit 1; }
