#!/bin/sh
# The drain and general-head test on 2 MPI ranks: the row of cells is split between the ranks (the
# west head on one, the drain on the other). Same checks and tolerances as 1 rank.
exec ${MPIEXEC:-mpiexec} -n 2 "${top_builddir:-.}/lib/tests/test_packages_drain"
