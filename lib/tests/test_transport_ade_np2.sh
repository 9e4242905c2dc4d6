#!/bin/sh
# Ogata-Banks and van Genuchten-Alves transport on 2 MPI ranks (the column split along x): the same
# checks as on 1 rank, and rank 0 reruns each case alone to compare the fields to 1e-8.
exec ${MPIEXEC:-mpiexec} -n 2 "${top_builddir:-.}/lib/tests/test_transport_ade"
