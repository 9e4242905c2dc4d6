#!/bin/sh
# Rain and drying under the switching atmosphere boundary on 2 MPI ranks (one column each).
exec ${MPIEXEC:-mpiexec} -n 2 "${top_builddir:-.}/lib/tests/test_atmos_switching"
