#!/bin/sh
# Ponded infiltration on 2 MPI ranks (the columns split along z). Same checks as 1 rank.
exec ${MPIEXEC:-mpiexec} -n 2 "${top_builddir:-.}/lib/tests/test_flow_ponded"
