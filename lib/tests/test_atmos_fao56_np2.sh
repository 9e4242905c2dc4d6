#!/bin/sh
# The FAO-56 checks on 2 MPI ranks (each rank computes the same pure functions; output from rank 0).
exec ${MPIEXEC:-mpiexec} -n 2 "${top_builddir:-.}/lib/tests/test_atmos_fao56"
