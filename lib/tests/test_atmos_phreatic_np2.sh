#!/bin/sh
# Phreatic evaporation laws and the closed-column water-table decline on 2 MPI ranks.
exec ${MPIEXEC:-mpiexec} -n 2 "${top_builddir:-.}/lib/tests/test_atmos_phreatic"
