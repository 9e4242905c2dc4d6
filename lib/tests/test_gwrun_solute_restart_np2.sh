#!/bin/sh
# Checkpoint and restart with solutes: examples/salt_column (salt left by evaporation, solid salt
# from 4.4 d on) run for a year uninterrupted (ref), and stopped at 100 d (its checkpoint holds
# the concentration, the solid salt, the solute budget and the water volumes of the transport
# step) then continued from that checkpoint to 365 d into the same prefix. The continued run's
# NetCDF records (ncdump -p 9,17, every variable, concentration_salt and solid_salt included), its
# budget CSV and its solute-budget CSV must equal ref's byte for byte on 1 rank; on 2 ranks (stopped
# and continued on 2) every number must equal the uninterrupted 2-rank run's to 1e-10 of the
# variable's or column's largest magnitude (python3 netCDF4). A 1-rank checkpoint continued on 2
# ranks (continuing the 1-rank outputs to 100 d) must match ref to 1e-8 (the agreement of 1 and 2
# ranks, test_gwrun_salt_np2), all but the mass-balance-error columns (round-off, 1e-18 kg). Physics
# checks on the continued runs: solid salt present at the checkpoint, and at the end the cumulative
# solute mass balance below 1e-10 relative. A checkpoint restarted with a scenario whose solute
# has another name is refused (status 2, the message names the missing solute).
LC_ALL=C
export LC_ALL
top="${top_builddir:-.}"
src="${srcdir:-.}"
gw="$top/apps/gw-run"
py=/usr/bin/python3
[ -x "$py" ] || py=python3
command -v ncdump >/dev/null 2>&1 || { echo "no ncdump"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gwsolrs.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' 0
cp "$src/examples/salt_column/scenario.yaml" "$tmp/full.yaml"
sed -e 's/^time: {end: 365 d,/time: {end: 100 d,/' -e 's/^output: {times: \[30 d, 100 d, 200 d\]}/output: {times: [30 d]}/' "$tmp/full.yaml" >"$tmp/half.yaml"
grep -q "end: 100 d" "$tmp/half.yaml" && grep -q "times: \[30 d\]" "$tmp/half.yaml" || { echo "could not make the 100 d scenario"; exit 99; }
sed 's/^  - name: salt$/  - name: chloride/' "$tmp/full.yaml" >"$tmp/renamed.yaml"
grep -q "name: chloride" "$tmp/renamed.yaml" || { echo "could not rename the solute"; exit 99; }
cd "$tmp" || exit 99
fail=0
check() { # NAME PASS|FAIL DETAIL
  echo "CHECK solute_restart $1 $3 $2"
  [ "$2" = PASS ] || fail=$((fail + 1))
}
run() { "$@" >"$tmp/run.log" 2>&1 || { cat "$tmp/run.log"; echo "failed: $*"; exit 1; }; }
ncdata() { ncdump -p 9,17 "$1" | sed -e '1d' -e '/:history = /d'; }
mpi="${MPIEXEC:-mpiexec} -n 2"

run "$gw" full.yaml -o ref
run "$gw" half.yaml -o one
cp one-checkpoint.h5 one-at-100d.h5
for f in .nc -budget.csv -solute-budget.csv; do cp "one$f" "cross$f"; done # the 1-rank records to 100 d
run "$gw" --restart one-checkpoint.h5 full.yaml -o one
run $mpi "$gw" full.yaml -o ref2
run $mpi "$gw" half.yaml -o two
run $mpi "$gw" --restart two-checkpoint.h5 full.yaml -o two
run $mpi "$gw" --restart one-at-100d.h5 full.yaml -o cross

# 1 rank: byte for byte
ncdata ref.nc >ref.cdl
ncdata one.nc >one.cdl
cmp -s ref.cdl one.cdl && s=PASS || s=FAIL
check 1rank_netcdf_records_bitwise $s "records=$(ncdump -h one.nc | sed -n 's/.*time = UNLIMITED ; \/\/ (\([0-9]*\) currently)/\1/p')/$(ncdump -h ref.nc | sed -n 's/.*time = UNLIMITED ; \/\/ (\([0-9]*\) currently)/\1/p')"
for f in budget solute-budget; do
  cmp -s "ref-$f.csv" "one-$f.csv" && s=PASS || s=FAIL
  check "1rank_${f}_csv_bitwise" $s "rows=$(wc -l <"one-$f.csv" | tr -d ' ')/$(wc -l <"ref-$f.csv" | tr -d ' ')"
done

# physics of the continued runs: solid salt at the checkpoint; every step's and the cumulative
# solute balance at the end
for r in one two cross; do
  awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    $1 == 8640000 { sol = $c["salt_solid_mass_kg"] }
    { m = $c["salt_mass_balance_rel"]; if (m < 0) m = -m; if (m > mx) mx = m; mb = $c["salt_cum_mass_balance_rel"]; if (mb < 0) mb = -mb }
    END { printf "solid_at_100d=%g kg max_step_rel=%g end_cum_rel=%g limits: solid>0.01 rel<1e-10", sol, mx, mb; exit !(sol > 0.01 && mx < 1e-10 && mb < 1e-10) }' "$r-solute-budget.csv" >phys.txt && s=PASS || s=FAIL
  check "${r}_solid_and_solute_mass_balance" $s "$(cat phys.txt)"
done

# 2 ranks: every number, relative to the largest magnitude of its variable or column
compare() { # A B TOL NAME [SKIP]: SKIP, a part of the column names left out
  if ! "$py" -c "import netCDF4, numpy" 2>/dev/null; then
    echo "CHECK solute_restart $4 SKIP (no python3 netCDF4)"
    return
  fi
  res=$("$py" - "$1" "$2" "${5:-}" <<'PY'
import csv, sys
import numpy as np, netCDF4
a, b, skip = sys.argv[1], sys.argv[2], sys.argv[3]
worst, where = 0.0, ""
def upd(x, y, name):
    global worst, where
    x, y = np.asarray(x, float), np.asarray(y, float)
    e = float("inf") if x.shape != y.shape else float(np.max(np.abs(x - y), initial=0.0) / max(np.max(np.abs(x), initial=0.0), 1e-300))
    if e > worst:
        worst, where = e, name
A, B = netCDF4.Dataset(a + ".nc"), netCDF4.Dataset(b + ".nc")
for v in A.variables:
    upd(A[v][:], B[v][:] if v in B.variables else [], v)
for f in ("-budget.csv", "-solute-budget.csv"):
    ra, rb = list(csv.reader(open(a + f))), list(csv.reader(open(b + f)))
    if len(ra) != len(rb) or ra[0] != rb[0]:
        worst, where = float("inf"), f + " rows or header"
        continue
    for i, h in enumerate(ra[0]):
        if h != "date" and not (skip and skip in h):
            upd([float(r[i]) for r in ra[1:]], [float(r[i]) for r in rb[1:]], f + ":" + h)
print("%.3g %s" % (worst, where))
PY
)
  awk -v w="${res%% *}" -v t="$3" 'BEGIN { exit !(w != "" && w + 0 <= t) }' && s=PASS || s=FAIL
  check "$4" $s "max_rel_diff=${res%% *} (at ${res#* }) tol=$3"
}
compare ref2 two 1e-10 2ranks_stopped_and_continued_vs_uninterrupted_2ranks
# (the mass-balance errors, round-off of 1e-18 kg, are bounded above instead of compared)
compare ref cross 1e-8 1rank_checkpoint_continued_on_2ranks_vs_1rank mass_balance

# a checkpoint whose solute the scenario does not have
mkdir other
"$gw" --restart one-at-100d.h5 renamed.yaml -o other/run >other.log 2>other.err
st=$?
[ $st -eq 2 ] && grep -q "holds no solute chloride" other.err && s=PASS || s=FAIL
check checkpoint_with_other_solute_refused $s "status=$st stderr=\"$(cat other.err)\""

[ "$fail" -eq 0 ] && echo PASS || { echo FAIL; exit 1; }
