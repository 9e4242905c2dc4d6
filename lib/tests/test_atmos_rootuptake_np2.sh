#!/bin/sh
# Root water uptake (Feddes reduction, root distributions, LAI split, drying) on 2 MPI ranks (one column each).
exec ${MPIEXEC:-mpiexec} -n 2 "${top_builddir:-.}/lib/tests/test_atmos_rootuptake"
