#!/bin/sh
# The synthetic-truth calibration (test_calib_synthetic) on 2 MPI ranks, with its own checks,
# and against the same calibration on 1 rank: every estimate and 95% interval end the same to
# 1e-6 relative; also on 2 ranks as 2 groups of 1 rank computing Jacobian columns concurrently
# (-calib_jacobian_groups 2).
set -u
top="${top_builddir:-.}"
out=$(mktemp -d "${TMPDIR:-/tmp}/gwcalib-np2.XXXXXX") || exit 99
trap 'rm -rf "$out"' EXIT
"$top/lib/tests/test_calib_synthetic" -calib_test_out "$out/np1.txt" > "$out/np1.log" 2>&1 || { cat "$out/np1.log"; exit 1; }
${MPIEXEC:-mpiexec} -n 2 "$top/lib/tests/test_calib_synthetic" -calib_test_out "$out/np2.txt" > "$out/np2.log" 2>&1 || { cat "$out/np2.log"; exit 1; }
${MPIEXEC:-mpiexec} -n 2 "$top/lib/tests/test_calib_synthetic" -calib_test_out "$out/groups2.txt" -calib_jacobian_groups 2 > "$out/groups2.log" 2>&1 || { cat "$out/groups2.log"; exit 1; }
grep -E "^(CHECK|PASS|FAIL)" "$out/np2.log"
grep -E "^(PASS|FAIL)" "$out/groups2.log"
status=0
for r in np2 groups2; do
paste -d' ' "$out/np1.txt" "$out/$r.txt" | awk -v run=$r '
  { n = (NF - 0) / 2; worst = 0
    for (i = 3; i <= n; i++) { a = $i; b = $(i + n); e = (a > b ? a - b : b - a) / (a > 0 ? a : -a); if (e > worst) worst = e }
    ok = worst <= 1e-6; bad += !ok
    printf "CHECK np1_vs_%s_%s_%s relerror=%.3e rtol=1e-06 %s\n", run, $1, $2, worst, ok ? "PASS" : "FAIL" }
  END { exit bad > 0 }' || status=1
done
exit $status
