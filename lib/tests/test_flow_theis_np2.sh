#!/bin/sh
# The Theis drawdown test on 2 MPI ranks (the plan grid split between them): same checks as 1 rank.
exec ${MPIEXEC:-mpiexec} -n 2 "${top_builddir:-.}/lib/tests/test_flow_theis"
