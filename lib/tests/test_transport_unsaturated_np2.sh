#!/bin/sh
# Tracer breakthrough under steady unsaturated flow on 2 MPI ranks (the column split along z): the
# same checks as on 1 rank, and rank 0 reruns the column alone to compare the curves to 1e-8.
exec ${MPIEXEC:-mpiexec} -n 2 "${top_builddir:-.}/lib/tests/test_transport_unsaturated"
