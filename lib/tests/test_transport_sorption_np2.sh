#!/bin/sh
# Nonlinear sorption on 2 MPI ranks: the batch and the travelling waves with the same checks as on
# 1 rank (the column split along x), and rank 0 reruns each column alone to compare to 1e-8.
exec ${MPIEXEC:-mpiexec} -n 2 "${top_builddir:-.}/lib/tests/test_transport_sorption"
