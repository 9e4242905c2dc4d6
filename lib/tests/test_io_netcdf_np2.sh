#!/bin/sh
# The NetCDF output test on 2 MPI ranks: each rank writes its own block of the file collectively.
exec ${MPIEXEC:-mpiexec} -n 2 "${top_builddir:-.}/lib/tests/test_io_netcdf" -o test_io_netcdf_np2.out.nc
