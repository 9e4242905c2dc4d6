/* NetCDF output (GWOutputNetCDFOpen/Write/Close) on any number of ranks; test_io_netcdf_np2.sh
   runs it on 2. A 5 x 4 x 3 van Genuchten model with layers following a sloping terrain, the
   water table at mid-depth and recharge on top is written at t = 0 and after a 2-day run, closed
   as "complete", and read back with serial NetCDF on rank 0. Checks against the model and its
   input arrays: dimension sizes, the Conventions and run_status attributes, 2 records at the
   right times, pressure head of both records equal to the model's (gathered to natural
   ordering) to 1e-12 m, hydraulic_head - z = pressure_head to 1e-12 m, z midway between the
   input top and bottom elevations, top and bottom equal to the input arrays, saturation and
   water content in range, the units attribute of every variable, and the per-step relative
   mass-balance error of the run below 1e-8. Option -o <file> names the output file. */
#include <gw.h>
#include <netcdf.h>
#include "gwtest.h"

#define NX 5
#define NY 4
#define NZ 3
#define NC (NX * NY * NZ)

#define THETA_R 0.078
#define THETA_S 0.43

/* every NetCDF call of the read-back is checked */
#define NCCall(call)                                                                                                                    \
  do {                                                                                                                                  \
    int st_ = (call);                                                                                                                   \
    PetscCheck(st_ == NC_NOERR, PETSC_COMM_SELF, PETSC_ERR_FILE_READ, "Reading back %s: %s failed: %s", path, #call, nc_strerror(st_)); \
  } while (0)

/* read-back results, computed on rank 0 and broadcast */
enum {
  R_NTIME,
  R_NLAYER,
  R_NY,
  R_NX,
  R_CONVENTIONS,
  R_STATUS,
  R_T0,
  R_T1,
  R_PSI0,
  R_PSI1,
  R_HEAD,
  R_Z,
  R_TOP,
  R_BOTTOM,
  R_SWOUT,
  R_THETA,
  R_UNITS,
  NR
};

static PetscErrorCode BuildModel(PetscReal top[], PetscReal bot[], GWModel *model)
{
  PetscReal  dx[NX] = {10, 12, 15, 12, 10}, dy[NY] = {8, 11, 11, 8};
  GWMaterial loam;
  GWPackage  rech;
  GWModel    m;

  PetscFunctionBeginUser;
  for (PetscInt j = 0; j < NY; j++)
    for (PetscInt i = 0; i < NX; i++) {
      PetscInt c           = i + NX * j;
      top[c]               = 10.0 - 0.3 * i + 0.1 * j; /* terrain sloping east */
      bot[c]               = top[c] - 1.5 - 0.05 * i;  /* top layer thickens eastward */
      bot[c + NX * NY]     = bot[c] - 2.0 + 0.1 * j;
      bot[c + 2 * NX * NY] = 2.0; /* flat base */
    }
  PetscCall(GWMaterialCreate(PETSC_COMM_WORLD, &loam));
  PetscCall(GWMaterialSetType(loam, GWMATERIALVANGENUCHTEN));
  PetscCall(GWMaterialVanGenuchtenSetParameters(loam, 3.6, 1.56)); /* Carsel and Parrish (1988) loam */
  PetscCall(GWMaterialSetWaterContentLimits(loam, THETA_R, THETA_S));
  PetscCall(GWMaterialSetHydraulicConductivity(loam, 2.9e-6, 2.9e-6, 1.0e-6));
  PetscCall(GWMaterialSetSpecificStorage(loam, 1e-4));
  PetscCall(GWModelCreate(PETSC_COMM_WORLD, &m));
  PetscCall(GWModelSetGridSize(m, NX, NY, NZ));
  PetscCall(GWModelSetCellWidths(m, dx, dy));
  PetscCall(GWModelSetLayerElevations(m, top, bot));
  PetscCall(GWModelAddMaterial(m, loam, NULL));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &rech));
  PetscCall(GWPackageSetType(rech, GWPACKAGEFLUX));
  PetscCall(GWPackageSetName(rech, "recharge"));
  PetscCall(GWPackageAddCellRange(rech, 0, NX - 1, 0, NY - 1, 0, 0, GW_FACE_TOP));
  PetscCall(GWPackageSetValue(rech, 5e-8));
  PetscCall(GWModelAddPackage(m, rech));
  PetscCall(GWModelSetInitialWaterTable(m, 6.0));
  PetscCall(GWModelSetTimeStepLimits(m, 10.0, 1e-3, 86400.0));
  PetscCall(GWModelSetFromOptions(m));
  PetscCall(GWModelSetUp(m));
  PetscCall(GWMaterialDestroy(&loam));
  PetscCall(GWPackageDestroy(&rech));
  *model = m;
  PetscFunctionReturn(0);
}

/* Pressure head in natural (i fastest, then j, then layer) ordering, complete on every rank. */
static PetscErrorCode GatherNatural(GWModel m, Vec *all)
{
  DM         da;
  Vec        psi, nat;
  VecScatter sc;

  PetscFunctionBeginUser;
  PetscCall(GWModelGetDM(m, &da));
  PetscCall(GWModelGetPressureHead(m, &psi));
  PetscCall(DMDACreateNaturalVector(da, &nat));
  PetscCall(DMDAGlobalToNaturalBegin(da, psi, INSERT_VALUES, nat));
  PetscCall(DMDAGlobalToNaturalEnd(da, psi, INSERT_VALUES, nat));
  PetscCall(VecScatterCreateToAll(nat, &sc, all));
  PetscCall(VecScatterBegin(sc, nat, *all, INSERT_VALUES, SCATTER_FORWARD));
  PetscCall(VecScatterEnd(sc, nat, *all, INSERT_VALUES, SCATTER_FORWARD));
  PetscCall(VecScatterDestroy(&sc));
  PetscCall(VecDestroy(&nat));
  PetscFunctionReturn(0);
}

/* Global text attribute att equals value: 1 or 0. */
static PetscErrorCode TextEquals(const char path[], int ncid, int varid, const char att[], const char value[], PetscReal *eq)
{
  char   buf[256] = "";
  size_t len      = 0;

  PetscFunctionBeginUser;
  NCCall(nc_inq_attlen(ncid, varid, att, &len));
  PetscCheck(len < sizeof(buf), PETSC_COMM_SELF, PETSC_ERR_FILE_UNEXPECTED, "Attribute %s of %s is %zu characters long", att, path, len);
  NCCall(nc_get_att_text(ncid, varid, att, buf));
  buf[len] = 0;
  *eq      = strcmp(buf, value) ? 0.0 : 1.0;
  if (*eq == 0.0) PetscCall(PetscPrintf(PETSC_COMM_SELF, "# attribute %s = \"%s\", expected \"%s\"\n", att, buf, value));
  PetscFunctionReturn(0);
}

/* Reads one (layer, y, x) record of a variable (rec < 0: a static variable). */
static PetscErrorCode GetField(const char path[], int ncid, const char name[], int rec, double v[])
{
  int          varid    = 0;
  const size_t start[4] = {(size_t)PetscMax(rec, 0), 0, 0, 0}, count[4] = {1, NZ, NY, NX};

  PetscFunctionBeginUser;
  NCCall(nc_inq_varid(ncid, name, &varid));
  NCCall(nc_get_vara_double(ncid, varid, rec < 0 ? start + 1 : start, rec < 0 ? count + 1 : count, v));
  PetscFunctionReturn(0);
}

/* Rank 0: opens the file with serial NetCDF and fills r[NR]. */
static PetscErrorCode ReadBack(const char path[], const PetscScalar psi0[], const PetscScalar psi1[], const PetscReal top[], const PetscReal bot[], PetscReal r[])
{
  static const char *units[][2] = {
      {"time", "s"},
      {"x", "m"},
      {"y", "m"},
      {"z", "m"},
      {"top", "m"},
      {"bottom", "m"},
      {"cell_volume", "m3"},
      {"pressure_head", "m"},
      {"hydraulic_head", "m"},
      {"water_content", "1"},
      {"saturation", "1"},
      {"darcy_flux_x", "m s-1"},
      {"darcy_flux_y", "m s-1"},
      {"darcy_flux_z", "m s-1"}};
  const char *dims[4] = {"time", "layer", "y", "x"};
  int         ncid = 0, id = 0;
  size_t      len = 0, two = 2, zero = 0;
  double      t[2] = {0, 0}, z[NC], f[NC], g[NC], topf[NX * NY];

  PetscFunctionBeginUser;
  NCCall(nc_open(path, NC_NOWRITE, &ncid));
  for (PetscInt d = 0; d < 4; d++) {
    NCCall(nc_inq_dimid(ncid, dims[d], &id));
    NCCall(nc_inq_dimlen(ncid, id, &len));
    r[R_NTIME + d] = (PetscReal)len;
  }
  PetscCall(TextEquals(path, ncid, NC_GLOBAL, "Conventions", "CF-1.8", &r[R_CONVENTIONS]));
  PetscCall(TextEquals(path, ncid, NC_GLOBAL, "run_status", "complete", &r[R_STATUS]));
  NCCall(nc_inq_varid(ncid, "time", &id));
  NCCall(nc_get_vara_double(ncid, id, &zero, r[R_NTIME] >= 2 ? &two : &zero, t));
  r[R_T0]    = t[0];
  r[R_T1]    = t[1];
  r[R_UNITS] = 0;
  for (size_t v = 0; v < sizeof(units) / sizeof(units[0]); v++) {
    PetscReal eq = 0;
    NCCall(nc_inq_varid(ncid, units[v][0], &id));
    PetscCall(TextEquals(path, ncid, id, "units", units[v][1], &eq));
    r[R_UNITS] += 1 - eq;
  }

  PetscCall(GetField(path, ncid, "z", -1, z));
  PetscCall(GetField(path, ncid, "bottom", -1, g));
  NCCall(nc_inq_varid(ncid, "top", &id));
  NCCall(nc_get_var_double(ncid, id, topf));
  r[R_Z] = r[R_TOP] = r[R_BOTTOM] = 0;
  for (PetscInt c = 0; c < NC; c++) {
    PetscReal zt = c < NX * NY ? top[c] : bot[c - NX * NY];
    r[R_Z]       = PetscMax(r[R_Z], PetscAbsReal(z[c] - 0.5 * (zt + bot[c])));
    r[R_BOTTOM]  = PetscMax(r[R_BOTTOM], PetscAbsReal(g[c] - bot[c]));
    if (c < NX * NY) r[R_TOP] = PetscMax(r[R_TOP], PetscAbsReal(topf[c] - top[c]));
  }

  r[R_PSI0] = r[R_PSI1] = r[R_HEAD] = r[R_THETA] = 0;
  r[R_SWOUT]                                     = 0;
  for (int rec = 0; rec < 2; rec++) {
    const PetscScalar *psi = rec ? psi1 : psi0;
    PetscCall(GetField(path, ncid, "pressure_head", rec, f));
    PetscCall(GetField(path, ncid, "hydraulic_head", rec, g));
    for (PetscInt c = 0; c < NC; c++) {
      r[rec ? R_PSI1 : R_PSI0] = PetscMax(r[rec ? R_PSI1 : R_PSI0], PetscAbsReal(f[c] - psi[c]));
      r[R_HEAD]                = PetscMax(r[R_HEAD], PetscAbsReal(g[c] - z[c] - f[c]));
    }
    PetscCall(GetField(path, ncid, "saturation", rec, f));
    PetscCall(GetField(path, ncid, "water_content", rec, g));
    for (PetscInt c = 0; c < NC; c++) {
      if (!(f[c] >= 0 && f[c] <= 1)) r[R_SWOUT] += 1;
      /* one material: theta must lie in [theta_r, theta_s] and equal Sw * theta_s */
      r[R_THETA] = PetscMax(r[R_THETA], PetscMax(PetscMax(THETA_R - g[c], g[c] - THETA_S), PetscAbsReal(g[c] - f[c] * THETA_S)));
    }
  }
  NCCall(nc_close(ncid));
  PetscFunctionReturn(0);
}

int main(int argc, char **argv)
{
  GWTest             t = {0, 0};
  GWModel            m;
  GWOutputNetCDF     out = NULL;
  PetscReal          top[NX * NY], bot[NC], tend = 2 * 86400.0, tnow = 0, rel = 0, mbmax = 0, r[NR];
  Vec                all0 = NULL, all1 = NULL;
  const PetscScalar *psi0, *psi1;
  PetscMPIInt        rank, size;
  char               path[PETSC_MAX_PATH_LEN] = "test_io_netcdf.out.nc";
  int                status;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  PetscCall(PetscOptionsGetString(NULL, NULL, "-o", path, sizeof(path), NULL));
  PetscCallMPI(MPI_Comm_rank(PETSC_COMM_WORLD, &rank));
  PetscCallMPI(MPI_Comm_size(PETSC_COMM_WORLD, &size));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "# %d ranks, grid %d x %d x %d, output %s\n", size, NX, NY, NZ, path));
  PetscCall(BuildModel(top, bot, &m));

  PetscCall(GWOutputNetCDFOpen(m, path, "libgw test_io_netcdf: recharge on a sloping 3-layer model", &out));
  PetscCall(GWOutputNetCDFWrite(out, m));
  PetscCall(GatherNatural(m, &all0));
  while (tend - tnow > 1e-6) {
    PetscCall(GWModelStep(m, tend));
    PetscCall(GWModelGetMassBalanceError(m, NULL, &rel, NULL, NULL));
    mbmax = PetscMax(mbmax, rel);
    PetscCall(GWModelGetTime(m, &tnow));
  }
  PetscCall(GWOutputNetCDFWrite(out, m));
  PetscCall(GWOutputNetCDFClose(&out, "complete"));
  PetscCall(GatherNatural(m, &all1));

  PetscCall(VecGetArrayRead(all0, &psi0));
  PetscCall(VecGetArrayRead(all1, &psi1));
  if (!rank) PetscCall(ReadBack(path, psi0, psi1, top, bot, r));
  PetscCall(VecRestoreArrayRead(all0, &psi0));
  PetscCall(VecRestoreArrayRead(all1, &psi1));
  PetscCallMPI(MPI_Bcast(r, NR, MPIU_REAL, 0, PETSC_COMM_WORLD));

  PetscCall(GWTestAbs(&t, "dim_time", r[R_NTIME], 2, 0));
  PetscCall(GWTestAbs(&t, "dim_layer", r[R_NLAYER], NZ, 0));
  PetscCall(GWTestAbs(&t, "dim_y", r[R_NY], NY, 0));
  PetscCall(GWTestAbs(&t, "dim_x", r[R_NX], NX, 0));
  PetscCall(GWTestAbs(&t, "Conventions_is_CF-1.8", r[R_CONVENTIONS], 1, 0));
  PetscCall(GWTestAbs(&t, "run_status_is_complete", r[R_STATUS], 1, 0));
  PetscCall(GWTestAbs(&t, "time_record_0_s", r[R_T0], 0, 0));
  PetscCall(GWTestAbs(&t, "time_record_1_s", r[R_T1], tend, 1e-6));
  PetscCall(GWTestBelow(&t, "pressure_head_record_0_vs_model_m", r[R_PSI0], 1e-12));
  PetscCall(GWTestBelow(&t, "pressure_head_record_1_vs_model_m", r[R_PSI1], 1e-12));
  PetscCall(GWTestBelow(&t, "hydraulic_head_minus_z_vs_pressure_head_m", r[R_HEAD], 1e-12));
  PetscCall(GWTestBelow(&t, "z_vs_midpoint_of_input_elevations_m", r[R_Z], 1e-12));
  PetscCall(GWTestBelow(&t, "top_vs_input_m", r[R_TOP], 0));
  PetscCall(GWTestBelow(&t, "bottom_vs_input_m", r[R_BOTTOM], 0));
  PetscCall(GWTestAbs(&t, "saturation_values_outside_0_1", r[R_SWOUT], 0, 0));
  PetscCall(GWTestBelow(&t, "water_content_range_and_Sw_theta_s", r[R_THETA], 1e-12));
  PetscCall(GWTestAbs(&t, "variables_with_wrong_units", r[R_UNITS], 0, 0));
  PetscCall(GWTestBelow(&t, "max_step_mass_balance_rel", mbmax, 1e-8));

  PetscCall(VecDestroy(&all0));
  PetscCall(VecDestroy(&all1));
  PetscCall(GWModelDestroy(&m));
  status = GWTestFinish(&t);
  PetscCall(PetscFinalize());
  return status;
}
