#!/bin/sh
# Re-run after changing parameters by path and resetting, against a fresh model, on 2 MPI ranks.
exec ${MPIEXEC:-mpiexec} -n 2 "${top_builddir:-.}/lib/tests/test_core_rerun"
