#!/bin/sh
# Free drainage and gravity off on 2 MPI ranks: the column is split along z, the free-drainage
# face on the second rank. Same checks as 1 rank.
exec ${MPIEXEC:-mpiexec} -n 2 "${top_builddir:-.}/lib/tests/test_packages_freedrainage"
