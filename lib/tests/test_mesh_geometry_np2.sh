#!/bin/sh
# The distributed-geometry test on 2 MPI ranks: each rank holds only its cells; the 1 x 1 x 6
# column is split along z.
exec ${MPIEXEC:-mpiexec} -n 2 "${top_builddir:-.}/lib/tests/test_mesh_geometry"
