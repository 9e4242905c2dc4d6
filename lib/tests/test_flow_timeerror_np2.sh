#!/bin/sh
# Time-step error control on 2 MPI ranks (the column split along z). Same checks as 1 rank.
exec ${MPIEXEC:-mpiexec} -n 2 "${top_builddir:-.}/lib/tests/test_flow_timeerror"
