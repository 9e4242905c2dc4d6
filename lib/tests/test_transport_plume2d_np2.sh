#!/bin/sh
# The 2D strip-source plume on 2 MPI ranks: the same checks as on 1 rank, and rank 0 reruns the
# case alone to compare the fields to 1e-8.
exec ${MPIEXEC:-mpiexec} -n 2 "${top_builddir:-.}/lib/tests/test_transport_plume2d"
