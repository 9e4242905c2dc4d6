#!/bin/sh
# Srivastava and Yeh (1991) wetting and drying on 2 MPI ranks (the column split along z). Same
# checks and tolerances as 1 rank: max |psi - psi_ref| below 1% of the reference head range at every
# tabulated time, and every step's relative mass-balance error below 1e-8.
exec ${MPIEXEC:-mpiexec} -n 2 "${top_builddir:-.}/lib/tests/test_flow_srivastava_yeh"
