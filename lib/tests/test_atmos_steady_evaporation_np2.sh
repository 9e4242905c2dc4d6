#!/bin/sh
# Steady evaporation from a water table on 2 MPI ranks (one column each).
exec ${MPIEXEC:-mpiexec} -n 2 "${top_builddir:-.}/lib/tests/test_atmos_steady_evaporation"
