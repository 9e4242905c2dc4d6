#!/bin/sh
# Precipitation and re-dissolution of a solid phase on 2 MPI ranks (the column split along x):
# the same checks as on 1 rank.
exec ${MPIEXEC:-mpiexec} -n 2 "${top_builddir:-.}/lib/tests/test_transport_solid"
