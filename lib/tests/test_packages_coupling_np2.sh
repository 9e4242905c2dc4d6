#!/bin/sh
# The pipe coupling test on 2 MPI ranks: the pipe's two cells lie on different ranks, so its
# unknown's residual and Jacobian row are summed from both. Same checks as 1 rank.
exec ${MPIEXEC:-mpiexec} -n 2 "${top_builddir:-.}/lib/tests/test_packages_coupling"
