#!/bin/sh
# The Jacobian and Newton-convergence test on 2 MPI ranks.
exec ${MPIEXEC:-mpiexec} -n 2 "${top_builddir:-.}/lib/tests/test_flow_jacobian"
