#!/bin/sh
# The 3D consistency test on 2 MPI ranks: the distributed solution must match the one-rank solve.
exec ${MPIEXEC:-mpiexec} -n 2 "${top_builddir:-.}/lib/tests/test_flow_parallel3d"
