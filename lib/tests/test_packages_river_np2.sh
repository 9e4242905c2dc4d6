#!/bin/sh
# The river leakage and stream-depletion test on 2 MPI ranks: the strip across the stream is split
# between the ranks (the stream cell on one, the well on the other is not required: the split falls
# where PETSc puts it). Same checks and tolerances as 1 rank.
exec ${MPIEXEC:-mpiexec} -n 2 "${top_builddir:-.}/lib/tests/test_packages_river"
