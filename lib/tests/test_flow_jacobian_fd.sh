#!/bin/sh
# PETSc's own Jacobian check (-snes_test_jacobian) on every Newton iteration of the Jacobian test
# program: each reported ||J - Jfd||_F/||J||_F must be below 1e-5 (PETSc: O(1e-8) means correct).
# Run with the default face weighting (integrated) and again with -gw_kr_weighting arithmetic,
# limited and upstream (the cross-section reads the options).
prog="${top_builddir:-.}/lib/tests/test_flow_jacobian"
out=$("$prog" -gw_snes_test_jacobian 2>&1) || { echo "$out"; echo "test program failed"; exit 1; }
for w in arithmetic limited upstream; do
  o=$("$prog" -gw_snes_test_jacobian -gw_kr_weighting $w 2>&1) || { echo "$o"; echo "test program failed with -gw_kr_weighting $w"; exit 1; }
  out="$out
$o"
done
ratios=$(echo "$out" | sed -n 's/.*||J - Jfd||_F\/||J||_F = \([0-9.eE+-]*\),.*/\1/p')
n=$(echo "$ratios" | grep -c .)
[ "$n" -gt 0 ] || { echo "no -snes_test_jacobian output found"; exit 1; }
worst=$(echo "$ratios" | sort -g | tail -n 1)
echo "CHECK snes_test_jacobian_worst_ratio value=$worst limit=1e-05 over $n Jacobians"
awk -v w="$worst" 'BEGIN { exit !(w + 0 < 1e-5) }' && echo PASS || { echo FAIL; exit 1; }
