/* The initial section of a scenario: a uniform pressure head, a water table (a flat elevation, a
   NetCDF surface of elevations, or a depth below the land surface of every column, each with a
   hydrostatic pressure head), or a pressure-head field from NetCDF, possibly one record of an
   earlier run's output (spin-up from a previous run). */
#include <gw/private/ioimpl.h>
#include <gw/private/modelimpl.h>

/* Reads what can be set before GWModelSetUp(); returns in *later the section when the state is
   filled after set-up (from the geometry or a NetCDF file), else NULL. */
PetscErrorCode GWScenarioReadInitial_Private(GWModel m, GWYamlNode root, GWYamlNode *later)
{
  GWYamlNode in, wt;
  PetscReal  v = 0;
  PetscBool  hp, hw = PETSC_FALSE, hd, hn;

  PetscFunctionBegin;
  *later = NULL;
  PetscCall(GWGetSection_Private(root, "initial", PETSC_TRUE, &in));
  PetscCall(GWGetQuantity_Private(in, "pressure_head", "m", PETSC_FALSE, &v, &hp));
  if (hp) PetscCall(GWModelSetInitialPressureHead(m, v));
  wt = GWYamlGet_Private(in, "water_table");
  if (wt && wt->kind == GW_YAML_SCALAR) {
    PetscCall(GWGetQuantity_Private(in, "water_table", "m", PETSC_FALSE, &v, &hw));
    if (hw) PetscCall(GWModelSetInitialWaterTable(m, v));
  } else if (wt) {
    GWInputCheck(wt->kind == GW_YAML_MAP && GWYamlGet_Private(wt, "netcdf"), wt, "expected an elevation (e.g. 12 m) or a NetCDF surface {netcdf: file, variable: name}");
    PetscCall(GWYamlCheckKeys_Private(wt, "initial.water_table"));
    hw = PETSC_TRUE;
  }
  PetscCall(GWGetQuantity_Private(in, "water_table_depth", "m", PETSC_FALSE, &v, &hd));
  GWInputCheck(!hd || v >= 0, GWYamlGet_Private(in, "water_table_depth"), "depth below the land surface must be >= 0, found %g m", (double)v);
  hn = (PetscBool)!!GWYamlGet_Private(in, "netcdf");
  GWInputCheck((hp ? 1 : 0) + (hw ? 1 : 0) + (hd ? 1 : 0) + (hn ? 1 : 0) == 1, in, "give exactly one of pressure_head, water_table, water_table_depth or netcdf (with variable)");
  GWInputCheck(!GWYamlGet_Private(in, "record") || hn, GWYamlGet_Private(in, "record"), "record goes with netcdf: the record of a (time, layer, y, x) variable to start from");
  if (hn || hd || (wt && wt->kind == GW_YAML_MAP)) *later = in;
  PetscFunctionReturn(0);
}

/* Fills the initial pressure head after set-up: from a NetCDF (layer, y, x) field or one record
   of a (time, layer, y, x) one, each rank reading its own block; or hydrostatic below a water
   table given per column (a NetCDF (y, x) surface of elevations, or a depth below the top). */
PetscErrorCode GWScenarioApplyInitial_Private(GWModel m, GWYamlNode in)
{
  PetscInt        xs, ys, zs, xm, ym, zm;
  MPI_Comm        comm = PetscObjectComm((PetscObject)m->da);
  GWYamlNode      wt   = GWYamlGet_Private(in, "water_table");
  PetscScalar ***psi, ****g;

  PetscFunctionBegin;
  PetscCall(DMDAGetCorners(m->da, &xs, &ys, &zs, &xm, &ym, &zm));
  if (GWYamlGet_Private(in, "netcdf")) {
    PetscInt     dim[3]   = {m->nz, m->ny, m->nx};
    const size_t start[3] = {(size_t)zs, (size_t)ys, (size_t)xs}, count[3] = {(size_t)zm, (size_t)ym, (size_t)xm};
    PetscScalar *a;
    PetscCall(VecGetArray(m->psi, &a));
    PetscCall(GWReadNetCDF_Private(comm, in, "netcdf", 3, dim, start, count, "m", a));
    PetscCall(VecRestoreArray(m->psi, &a));
    PetscFunctionReturn(0);
  }
  {
    PetscReal *zwt, d = 0;
    PetscCall(PetscMalloc1(xm * ym, &zwt)); /* this rank's columns, (i - xs) + xm (j - ys) */
    if (wt) {
      PetscInt     dim[2]   = {m->ny, m->nx};
      const size_t start[2] = {(size_t)ys, (size_t)xs}, count[2] = {(size_t)ym, (size_t)xm};
      PetscCall(GWReadNetCDF_Private(comm, wt, "netcdf", 2, dim, start, count, "m", zwt));
    } else PetscCall(GWGetQuantity_Private(in, "water_table_depth", "m", PETSC_TRUE, &d, NULL));
    PetscCall(DMDAVecGetArray(m->da, m->psi, &psi));
    PetscCall(DMDAVecGetArrayDOFRead(m->dageo, m->geo, &g));
    for (PetscInt k = zs; k < zs + zm; k++)
      for (PetscInt j = ys; j < ys + ym; j++)
        for (PetscInt i = xs; i < xs + xm; i++) {
          PetscReal z = wt ? zwt[(i - xs) + xm * (j - ys)] : g[k][j][i][GW_GEO_ZTOP] - d;
          psi[k][j][i] = z - g[k][j][i][GW_GEO_ZC];
        }
    PetscCall(DMDAVecRestoreArrayDOFRead(m->dageo, m->geo, &g));
    PetscCall(DMDAVecRestoreArray(m->da, m->psi, &psi));
    PetscCall(PetscFree(zwt));
  }
  PetscFunctionReturn(0);
}
