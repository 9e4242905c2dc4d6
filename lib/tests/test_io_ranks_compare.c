/* Compares every field of two gw-run NetCDF outputs of the same scenario (e.g. run on 1 and on 2
   MPI ranks): the largest |a - b| / max(|b|) over all records of pressure_head, hydraulic_head,
   saturation, water_content, the Darcy flux components and every solute field
   (concentration_*, solid_*) must be below 1e-8, with the same
   record times and run_status "complete" in both. With --last, only the last record of each file
   is compared (a restarted run against an uninterrupted one).
   Usage: test_io_ranks_compare A.nc B.nc [--last] */
#include <petscsys.h>
#include <netcdf.h>
#include "gwtest.h"

static PetscErrorCode ReadVar(int nc, const char *name, size_t *n, double **a)
{
  int    id, nd, dims[8];
  size_t len;

  PetscFunctionBeginUser;
  PetscCheck(nc_inq_varid(nc, name, &id) == NC_NOERR, PETSC_COMM_SELF, PETSC_ERR_FILE_READ, "no variable %s", name);
  PetscCheck(nc_inq_varndims(nc, id, &nd) == NC_NOERR && nc_inq_vardimid(nc, id, dims) == NC_NOERR, PETSC_COMM_SELF, PETSC_ERR_FILE_READ, "cannot read %s", name);
  *n = 1;
  for (int d = 0; d < nd; d++) {
    nc_inq_dimlen(nc, dims[d], &len);
    *n *= len;
  }
  PetscCall(PetscMalloc1(*n, a));
  PetscCheck(nc_get_var_double(nc, id, *a) == NC_NOERR, PETSC_COMM_SELF, PETSC_ERR_FILE_READ, "cannot read %s", name);
  PetscFunctionReturn(0);
}

int main(int argc, char **argv)
{
  static const char *fixed[] = {"time", "pressure_head", "hydraulic_head", "saturation", "water_content", "darcy_flux_x", "darcy_flux_y", "darcy_flux_z"};
  char               fields[32][NC_MAX_NAME + 1];
  size_t             nfield = 0;
  GWTest             t      = {0, 0};
  int                nc[2], status;
  char               st[2][64];
  PetscBool          last    = PETSC_FALSE;
  size_t             nrec[2] = {1, 1};

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  PetscCheck(argc >= 3, PETSC_COMM_SELF, PETSC_ERR_ARG_WRONG, "usage: %s A.nc B.nc [--last]", argv[0]);
  last = (PetscBool)(argc > 3 && !strcmp(argv[3], "--last"));
  for (int f = 0; f < 2; f++) {
    size_t len = 0;
    PetscCheck(nc_open(argv[1 + f], NC_NOWRITE, &nc[f]) == NC_NOERR, PETSC_COMM_SELF, PETSC_ERR_FILE_OPEN, "cannot open %s", argv[1 + f]);
    st[f][0] = 0;
    if (nc_inq_attlen(nc[f], NC_GLOBAL, "run_status", &len) == NC_NOERR && len < sizeof(st[f])) {
      nc_get_att_text(nc[f], NC_GLOBAL, "run_status", st[f]);
      st[f][len] = 0;
    }
    PetscCall(GWTestBelow(&t, f ? "b_run_status_complete" : "a_run_status_complete", strcmp(st[f], "complete") ? 1.0 : 0.0, 0.0));
    if (last) {
      int dim;
      PetscCheck(nc_inq_dimid(nc[f], "time", &dim) == NC_NOERR && nc_inq_dimlen(nc[f], dim, &nrec[f]) == NC_NOERR, PETSC_COMM_SELF, PETSC_ERR_FILE_READ, "no time dimension in %s", argv[1 + f]);
    }
  }
  for (size_t q = 0; q < sizeof(fixed) / sizeof(fixed[0]); q++) PetscCall(PetscStrncpy(fields[nfield++], fixed[q], sizeof(fields[0])));
  { /* the solutes' concentrations of file A; file B must have them too */
    int nv = 0;
    nc_inq_nvars(nc[0], &nv);
    for (int v = 0; v < nv && nfield < 32; v++) {
      char name[NC_MAX_NAME + 1];
      if (nc_inq_varname(nc[0], v, name) == NC_NOERR && (!strncmp(name, "concentration_", 14) || !strncmp(name, "solid_", 6))) PetscCall(PetscStrncpy(fields[nfield++], name, sizeof(fields[0])));
    }
  }
  for (size_t q = 0; q < nfield; q++) {
    double *a, *b, diff = 0, scale = 0;
    size_t  na, nb;
    char    name[128];
    PetscCall(ReadVar(nc[0], fields[q], &na, &a));
    PetscCall(ReadVar(nc[1], fields[q], &nb, &b));
    {
      /* with --last: the last record only, i.e. the last na/nrec values */
      size_t  ra = na / nrec[0], rb = nb / nrec[1];
      double *la = a + (na - ra), *lb = b + (nb - rb);
      PetscCall(PetscSNPrintf(name, sizeof(name), "%s_values", fields[q]));
      PetscCall(GWTestAbs(&t, name, (PetscReal)ra, (PetscReal)rb, 0));
      for (size_t i = 0; i < PetscMin(ra, rb); i++) {
        diff  = PetscMax(diff, PetscAbsReal(la[i] - lb[i]));
        scale = PetscMax(scale, PetscAbsReal(lb[i]));
      }
    }
    PetscCall(PetscSNPrintf(name, sizeof(name), "%s_max_rel_diff", fields[q]));
    PetscCall(GWTestBelow(&t, name, scale > 0 ? diff / scale : diff, 1e-8));
    PetscCall(PetscFree(a));
    PetscCall(PetscFree(b));
  }
  nc_close(nc[0]);
  nc_close(nc[1]);
  status = GWTestFinish(&t);
  PetscCall(PetscFinalize());
  return status;
}
