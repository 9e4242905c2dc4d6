#!/bin/sh
# Recharge across the water table on 2 MPI ranks: the single column is split along z, so the
# water table's cell and the cell above it may lie on different ranks. Same checks as 1 rank.
exec ${MPIEXEC:-mpiexec} -n 2 "${top_builddir:-.}/lib/tests/test_flow_recharge"
