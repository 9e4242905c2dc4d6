/* CF-1.8 NetCDF-4 output of model fields, written in parallel: one record per output time. */
#include <petsc/private/petscimpl.h>
#include <gw/private/ioimpl.h>
#include <netcdf.h>
#include <netcdf_par.h>
#include <string.h>
#include <time.h>

#if !defined(PETSC_USE_REAL_DOUBLE) || defined(PETSC_USE_COMPLEX)
#  error "GWOutputNetCDF writes PetscScalar arrays as NC_DOUBLE: it needs PETSc built with real double precision"
#endif

enum {
  F_PSI,
  F_HEAD,
  F_THETA,
  F_SW,
  F_QX,
  F_QY,
  F_QZ,
  NFIELD
};

/* Names, units (UDUNITS) and descriptions of the per-record fields; CF standard names only where
   the CF table has one that means the same quantity. */
static const struct {
  const char *name, *units, *long_name, *standard_name;
} Fields[NFIELD] = {
    {"pressure_head", "m", "pressure head (water pressure / (water density * g))", NULL},
    {"hydraulic_head", "m", "hydraulic head (pressure head + elevation of cell centre)", NULL},
    {"water_content", "1", "volumetric water content", "volume_fraction_of_condensed_water_in_soil"},
    {"saturation", "1", "water saturation (water content / saturated content)", NULL},
    {"darcy_flux_x", "m s-1", "Darcy flux (specific discharge) along +x", NULL},
    {"darcy_flux_y", "m s-1", "Darcy flux (specific discharge) along +y", NULL},
    {"darcy_flux_z", "m s-1", "Darcy flux (specific discharge) upward", NULL},
};

struct _p_GWOutputNetCDF {
  char        path[PETSC_MAX_PATH_LEN];
  PetscInt    deflate; /* zlib level of the gridded variables, 0 for none */
  MPI_Comm    comm;    /* private duplicate: Close may come after the model is destroyed */
  PetscMPIInt rank;
  int         ncid, timeid, fieldid[NFIELD], wtid[2]; /* + water-table elevation, depth to water (time, y, x) */
  size_t      nrec;
  PetscReal   tlast;
  PetscInt    nx, ny, nz;
  size_t      start[3], count[3]; /* this rank's DMDA block as (layer, y, x) */
  Vec         work;               /* one derived field at a time, on the model's DMDA */
  PetscReal  *ztop;               /* [xm*ym] land surface (column top) of this rank's columns */
  PetscInt    nsol;               /* solutes of the model: a concentration variable each */
  int        *solid;              /* [2 nsol] ids of their concentration and solid-mass variables (-1: no solid) */
};

/* The per-record maps (time, y, x) of the water table (GWModelComputeWaterTableVec()). */
static const struct {
  const char *name, *long_name;
} Maps[2] = {
  {"water_table_elevation", "elevation of the water table: where pressure head crosses 0 above the saturated zone that reaches the column's bottom (perched water is not the water table); _FillValue where the bottom cell is unsaturated"},
  {"depth_to_water", "depth of the water table below the land surface (top of the column); negative when water is ponded on the surface; _FillValue where the bottom cell is unsaturated"},
};

static PetscLogEvent GW_OutputNetCDF = 0;

static PetscErrorCode NCCheck(const char path[], int status, const char what[], const char name[])
{
  PetscFunctionBegin;
  PetscCheck(status == NC_NOERR, PETSC_COMM_SELF, PETSC_ERR_FILE_WRITE, "NetCDF output file %s: %s %s failed: %s", path, what, name, nc_strerror(status));
  PetscFunctionReturn(0);
}

static PetscErrorCode PutText(GWOutputNetCDF out, int varid, const char att[], const char value[])
{
  PetscFunctionBegin;
  PetscCall(NCCheck(out->path, nc_put_att_text(out->ncid, varid, att, strlen(value), value), "writing attribute", att));
  PetscFunctionReturn(0);
}

/* A variable with its long_name and units. Gridded ones (2 dimensions or more, not bounds) get
   an explicit _FillValue (the NetCDF default of their type, so CF readers mask cells never
   written) and, with out->deflate > 0, zlib compression with byte shuffling; chunks hold one
   record of the whole grid, the unit every collective write fills. */
static PetscErrorCode DefVar(GWOutputNetCDF out, const char name[], nc_type type, int ndims, const int dims[], const char long_name[], const char units[], int *varid)
{
  PetscBool grid = (PetscBool)(ndims >= 2 && !strstr(name, "_bounds"));

  PetscFunctionBegin;
  PetscCall(NCCheck(out->path, nc_def_var(out->ncid, name, type, ndims, dims, varid), "defining variable", name));
  if (grid) {
    const double fd = NC_FILL_DOUBLE;
    const int    fi = NC_FILL_INT;
    size_t       chunk[4];
    for (int d = 0; d < ndims; d++) PetscCall(NCCheck(out->path, nc_inq_dimlen(out->ncid, dims[d], &chunk[d]), "reading a dimension of", name));
    if (ndims == 4) chunk[0] = 1;
    /* at most about 4 MiB per chunk: fewer layers, then fewer rows, per chunk on large grids */
    for (int d = ndims - 3; d < ndims - 1; d++) {
      size_t rest = 8;
      if (d < 0) continue;
      for (int e = d + 1; e < ndims; e++) rest *= chunk[e];
      chunk[d] = PetscMax(1, PetscMin(chunk[d], ((size_t)4 << 20) / rest));
    }
    PetscCall(NCCheck(out->path, nc_def_var_fill(out->ncid, *varid, NC_FILL, type == NC_INT ? (const void *)&fi : (const void *)&fd), "setting _FillValue of", name));
    if (out->deflate > 0) {
      PetscCall(NCCheck(out->path, nc_def_var_chunking(out->ncid, *varid, NC_CHUNKED, chunk), "setting the chunks of", name));
      PetscCall(NCCheck(out->path, nc_def_var_deflate(out->ncid, *varid, 1, 1, (int)out->deflate), "setting compression (-gw_netcdf_deflate) of", name));
    }
  }
  PetscCall(NCCheck(out->path, nc_var_par_access(out->ncid, *varid, NC_COLLECTIVE), "setting collective access for", name));
  PetscCall(PutText(out, *varid, "long_name", long_name));
  if (units) PetscCall(PutText(out, *varid, "units", units));
  PetscFunctionReturn(0);
}

/* Data held identically on every rank: rank 0 writes it, the others join the collective call
   with zero counts. data has the variable's external type. */
static PetscErrorCode PutRoot(GWOutputNetCDF out, int varid, const char name[], const size_t start[], const size_t count[], const void *data)
{
  const size_t none[4] = {0, 0, 0, 0};

  PetscFunctionBegin;
  PetscCall(NCCheck(out->path, nc_put_vara(out->ncid, varid, start, out->rank ? none : count, data), "writing", name));
  PetscFunctionReturn(0);
}

/* This rank's block of a global vector on the model's DMDA: it is contiguous, x fastest, so it
   maps directly onto the hyperslab (layer, y, x), preceded by the record index if record. */
static PetscErrorCode PutBlock(GWOutputNetCDF out, int varid, const char name[], PetscBool record, Vec v)
{
  const PetscScalar *a;
  size_t             start[4] = {out->nrec, out->start[0], out->start[1], out->start[2]};
  size_t             count[4] = {1, out->count[0], out->count[1], out->count[2]};
  const int          skip     = record ? 0 : 1;

  PetscFunctionBegin;
  PetscCall(VecGetArrayRead(v, &a));
  PetscCall(NCCheck(out->path, nc_put_vara_double(out->ncid, varid, start + skip, count + skip, a), "writing", name));
  PetscCall(VecRestoreArrayRead(v, &a));
  PetscFunctionReturn(0);
}

/* The water-table elevation and depth-to-water maps of the current record: the first xm*ym values
   of this rank's block (layer zs) of GWModelComputeWaterTableVec() and of the column tops; ranks
   not holding layer 0 join the collective writes with zero counts. NaN (no water table) is
   written as the _FillValue. */
static PetscErrorCode PutWaterTable(GWOutputNetCDF out, GWModel model, PetscInt zs)
{
  PetscScalar *w;
  size_t       start[3] = {out->nrec, out->start[1], out->start[2]}, count[3] = {1, out->count[1], out->count[2]};
  const size_t n        = count[1] * count[2];

  PetscFunctionBegin;
  if (zs) count[0] = count[1] = count[2] = 0;
  PetscCall(GWModelComputeWaterTableVec(model, out->work));
  PetscCall(VecGetArray(out->work, &w));
  for (size_t c = 0; c < n; c++)
    if (PetscIsNanReal(w[c])) w[c] = NC_FILL_DOUBLE;
  PetscCall(NCCheck(out->path, nc_put_vara_double(out->ncid, out->wtid[0], start, count, w), "writing", Maps[0].name));
  for (size_t c = 0; c < n; c++) /* then, in place, the depth below the column top */
    if (w[c] != NC_FILL_DOUBLE) w[c] = out->ztop[c] - w[c];
  PetscCall(NCCheck(out->path, nc_put_vara_double(out->ncid, out->wtid[1], start, count, w), "writing", Maps[1].name));
  PetscCall(VecRestoreArray(out->work, &w));
  PetscFunctionReturn(0);
}

/* Cell centres c[n] and bounds b[n][2] along one axis from the cell widths w[n], origin 0. */
static void AxisFromWidths(PetscInt n, const PetscReal w[], PetscReal c[], PetscReal b[])
{
  PetscReal e = 0.0;

  for (PetscInt i = 0; i < n; i++) {
    b[2 * i]     = e;
    b[2 * i + 1] = e + w[i];
    c[i]         = e + 0.5 * w[i];
    e += w[i];
  }
}

/* The output object for model and path, before its file is created or opened. */
static PetscErrorCode NewOutput(GWModel model, const char path[], GWOutputNetCDF *out)
{
  GWOutputNetCDF o;
  DM             da;
  PetscInt       xs, ys, zs, xm, ym, zm;

  PetscFunctionBegin;
  PetscCall(GWModelGetDM(model, &da));
  PetscCall(PetscNew(&o));
  PetscCall(PetscStrncpy(o->path, path, sizeof(o->path)));
  PetscCallMPI(MPI_Comm_dup(PetscObjectComm((PetscObject)model), &o->comm));
  PetscCallMPI(MPI_Comm_rank(o->comm, &o->rank));
  PetscCall(GWModelGetGridSize(model, &o->nx, &o->ny, &o->nz));
  PetscCall(DMDAGetCorners(da, &xs, &ys, &zs, &xm, &ym, &zm));
  o->start[0] = (size_t)zs;
  o->start[1] = (size_t)ys;
  o->start[2] = (size_t)xs;
  o->count[0] = (size_t)zm;
  o->count[1] = (size_t)ym;
  o->count[2] = (size_t)xm;
  {
    Vec                top, bot;
    const PetscScalar *a;
    PetscCall(GWModelGetLayerElevationsVec(model, &top, &bot));
    PetscCall(PetscMalloc1(xm * ym, &o->ztop));
    PetscCall(VecGetArrayRead(top, &a));
    PetscCall(PetscArraycpy(o->ztop, a, xm * ym)); /* layer zs of the block: every cell holds its column's top */
    PetscCall(VecRestoreArrayRead(top, &a));
    PetscCall(VecDestroy(&top));
    PetscCall(VecDestroy(&bot));
  }
  PetscCall(GWModelGetNumSolutes(model, &o->nsol));
  PetscCall(PetscMalloc1(2 * o->nsol, &o->solid));
  *out = o;
  PetscFunctionReturn(0);
}

/*@C
  GWOutputNetCDFOpen - creates a CF-1.8 NetCDF-4 file for the model's fields, writes the grid
  geometry, and leaves it ready for records appended by GWOutputNetCDFWrite()

  Collective

  Input Parameters:
+ model - the model, after GWModelSetUp()
. path - file name, the same on every rank; an existing file is overwritten
- title - the file's title attribute, the same on every rank (NULL for "libgw model output")

  Output Parameter:
. out - the output file; close it with GWOutputNetCDFClose()

  Notes:
  Dimensions time (unlimited), layer (nz), y (ny), x (nx) and nv (2, for cell bounds); every
  field is stored in C order (time, layer, y, x), layer 0 on top. Static variables: x(x), y(y)
  [m, cell centres from the west / south edge, with x_bounds, y_bounds], layer(layer) [index],
  z(layer,y,x) [m, cell-centre elevation], top(y,x) [m], bottom(layer,y,x) [m],
  zone(layer,y,x) [material index] and cell_volume(layer,y,x) [m3]. Each record holds time [s, elapsed since the model's time 0;
  with GWModelSetStartDate() its units are "seconds since <date>" (CF) and it has standard_name time],
  pressure_head, hydraulic_head [m], water_content, saturation [1] and darcy_flux_x,
  darcy_flux_y, darcy_flux_z [m s-1] (see GWModelComputeDarcyFlux()), and the maps (time, y, x)
  water_table_elevation and depth_to_water [m] (GWModelComputeWaterTableVec(); depth = column top
  minus water-table elevation, negative when ponded; _FillValue where the column's bottom cell is
  unsaturated, i.e. the column has no water table). The global attribute
  run_status is "running" until GWOutputNetCDFClose() sets it. water_content has the CF
  standard_name volume_fraction_of_condensed_water_in_soil; the other fields have none in CF and
  carry a long_name. Gridded variables have an explicit _FillValue and are compressed with zlib
  (level 1 and shuffle by default; PETSc option -gw_netcdf_deflate <0-9>, 0 for none), in chunks of
  one record of at most about 4 MiB; parallel compressed writes need NetCDF >= 4.7.4 over
  parallel HDF5 >= 1.10.3 and collective access, which is used.

  All ranks write their own DMDA block in NetCDF's collective mode (nc_create_par() on the
  model's communicator), so the file needs parallel NetCDF-4/HDF5 and a file system shared by
  the ranks.

  Errors:
  PETSC_ERR_FILE_OPEN if the file cannot be created, naming it and NetCDF's reason;
  PETSC_ERR_FILE_WRITE naming the file, the variable or attribute and NetCDF's reason for any
  later NetCDF failure; PETSC_ERR_ARG_WRONGSTATE if the model is not set up.

  Level: beginner

.seealso: `GWOutputNetCDFWrite()`, `GWOutputNetCDFClose()`, `GWModelGetCellCenters()`
@*/
PetscErrorCode GWOutputNetCDFOpen(GWModel model, const char path[], const char title[], GWOutputNetCDF *out)
{
  GWOutputNetCDF   o;
  DM               da;
  Vec              zc = NULL, vol = NULL, top = NULL, bot = NULL, zone = NULL;
  const PetscReal *dx = NULL, *dy = NULL;
  PetscReal       *xc, *yc, *xb, *yb;
  PetscInt         xs = 0, ys = 0, zs = 0, xm = 0, ym = 0, zm = 0;
  int             *lay, status, d_t, d_l, d_y, d_x, d_nv, v_x, v_xb, v_y, v_yb, v_l, v_z, v_top, v_bot, v_zone, v_vol;
  char             history[128] = "unknown time: created by libgw GWOutputNetCDFOpen()";
  const size_t     zero[3]      = {0, 0, 0};

  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscValidCharPointer(path, 2);
  PetscValidPointer(out, 4);
  if (!GW_OutputNetCDF) PetscCall(PetscLogEventRegister("GWOutputNetCDF", GWMODEL_CLASSID, &GW_OutputNetCDF));
  {
    Vec psi;
    PetscCall(GWModelGetPressureHead(model, &psi)); /* errors before GWModelSetUp() */
  }
  PetscCall(GWModelGetDM(model, &da));
  PetscCall(PetscLogEventBegin(GW_OutputNetCDF, model, 0, 0, 0));
  PetscCall(NewOutput(model, path, &o));
  PetscCall(DMDAGetCorners(da, &xs, &ys, &zs, &xm, &ym, &zm));

  status = nc_create_par(path, NC_NETCDF4 | NC_CLOBBER, o->comm, MPI_INFO_NULL, &o->ncid);
  if (status != NC_NOERR) {
    PetscCallMPI(MPI_Comm_free(&o->comm));
    PetscCall(PetscFree(o->ztop));
    PetscCall(PetscFree(o->solid));
    PetscCall(PetscFree(o));
  }
  PetscCheck(status == NC_NOERR, PETSC_COMM_SELF, PETSC_ERR_FILE_OPEN, "Cannot create the NetCDF output file %s: %s. Check that its directory exists and is writable, and that no other program holds the file open", path, nc_strerror(status));
  PetscCall(DMCreateGlobalVector(da, &o->work));
  /* attribute values must agree on every rank, so the clock is read on rank 0 only */
  if (!o->rank) {
    time_t     now = time(NULL);
    struct tm *utc = gmtime(&now);
    if (utc) strftime(history, sizeof(history), "%Y-%m-%dT%H:%M:%SZ: created by libgw GWOutputNetCDFOpen()", utc);
  }
  PetscCallMPI(MPI_Bcast(history, sizeof(history), MPI_CHAR, 0, o->comm));
  PetscCall(PutText(o, NC_GLOBAL, "Conventions", "CF-1.8"));
  PetscCall(PutText(o, NC_GLOBAL, "title", title ? title : "libgw model output"));
  PetscCall(PutText(o, NC_GLOBAL, "source", "libgw"));
  PetscCall(PutText(o, NC_GLOBAL, "history", history));
  PetscCall(PutText(o, NC_GLOBAL, "run_status", "running"));

  o->deflate = 1;
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-gw_netcdf_deflate", &o->deflate, NULL));
  PetscCheck(o->deflate >= 0 && o->deflate <= 9, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "-gw_netcdf_deflate %" PetscInt_FMT ": the zlib level must be 0 (no compression) to 9", o->deflate);
  PetscCall(NCCheck(path, nc_def_dim(o->ncid, "time", NC_UNLIMITED, &d_t), "defining dimension", "time"));
  PetscCall(NCCheck(path, nc_def_dim(o->ncid, "layer", (size_t)o->nz, &d_l), "defining dimension", "layer"));
  PetscCall(NCCheck(path, nc_def_dim(o->ncid, "y", (size_t)o->ny, &d_y), "defining dimension", "y"));
  PetscCall(NCCheck(path, nc_def_dim(o->ncid, "x", (size_t)o->nx, &d_x), "defining dimension", "x"));
  PetscCall(NCCheck(path, nc_def_dim(o->ncid, "nv", 2, &d_nv), "defining dimension", "nv"));
  {
    const int dxnv[2] = {d_x, d_nv}, dynv[2] = {d_y, d_nv}, dyx[2] = {d_y, d_x}, dlyx[3] = {d_l, d_y, d_x}, dtlyx[4] = {d_t, d_l, d_y, d_x};

    PetscReal date;
    PetscBool dated;

    PetscCall(GWModelGetStartDate(model, &date, &dated));
    if (dated) { /* CF time: a reference date in the units, decoded to dates by CF readers */
      char iso[64], units[96];
      PetscCall(GWFormatDate_Private(date, iso, sizeof(iso)));
      iso[10]               = ' ';
      iso[strlen(iso) - 1]  = 0;
      PetscCall(PetscSNPrintf(units, sizeof(units), "seconds since %s", iso));
      PetscCall(DefVar(o, "time", NC_DOUBLE, 1, &d_t, "time", units, &o->timeid));
      PetscCall(PutText(o, o->timeid, "standard_name", "time"));
      PetscCall(PutText(o, o->timeid, "calendar", "standard"));
    } else PetscCall(DefVar(o, "time", NC_DOUBLE, 1, &d_t, "elapsed time", "s", &o->timeid));
    PetscCall(PutText(o, o->timeid, "axis", "T"));
    PetscCall(DefVar(o, "x", NC_DOUBLE, 1, &d_x, "x of cell centre, from the west edge of the grid", "m", &v_x));
    PetscCall(PutText(o, v_x, "axis", "X"));
    PetscCall(PutText(o, v_x, "bounds", "x_bounds"));
    PetscCall(DefVar(o, "x_bounds", NC_DOUBLE, 2, dxnv, "x of the west and east cell faces", "m", &v_xb));
    PetscCall(DefVar(o, "y", NC_DOUBLE, 1, &d_y, "y of cell centre, from the south edge of the grid", "m", &v_y));
    PetscCall(PutText(o, v_y, "axis", "Y"));
    PetscCall(PutText(o, v_y, "bounds", "y_bounds"));
    PetscCall(DefVar(o, "y_bounds", NC_DOUBLE, 2, dynv, "y of the south and north cell faces", "m", &v_yb));
    PetscCall(DefVar(o, "layer", NC_INT, 1, &d_l, "layer index, 0 = top", "1", &v_l));
    PetscCall(PutText(o, v_l, "axis", "Z"));
    PetscCall(PutText(o, v_l, "positive", "down"));
    PetscCall(DefVar(o, "z", NC_DOUBLE, 3, dlyx, "elevation of cell centre", "m", &v_z));
    PetscCall(PutText(o, v_z, "positive", "up"));
    PetscCall(DefVar(o, "top", NC_DOUBLE, 2, dyx, "elevation of the top of each column", "m", &v_top));
    PetscCall(DefVar(o, "bottom", NC_DOUBLE, 3, dlyx, "elevation of the bottom of each layer", "m", &v_bot));
    PetscCall(DefVar(o, "zone", NC_INT, 3, dlyx, "material index of each cell, 0 = first material", "1", &v_zone));
    PetscCall(DefVar(o, "cell_volume", NC_DOUBLE, 3, dlyx, "cell volume", "m3", &v_vol));
    for (PetscInt f = 0; f < NFIELD; f++) {
      PetscCall(DefVar(o, Fields[f].name, NC_DOUBLE, 4, dtlyx, Fields[f].long_name, Fields[f].units, &o->fieldid[f]));
      if (Fields[f].standard_name) PetscCall(PutText(o, o->fieldid[f], "standard_name", Fields[f].standard_name));
      PetscCall(PutText(o, o->fieldid[f], "coordinates", "z"));
      PetscCall(PutText(o, o->fieldid[f], "cell_measures", "volume: cell_volume"));
    }
    {
      const int dtyx[3] = {d_t, d_y, d_x};
      for (PetscInt f = 0; f < 2; f++) PetscCall(DefVar(o, Maps[f].name, NC_DOUBLE, 3, dtyx, Maps[f].long_name, "m", &o->wtid[f]));
    }
    for (PetscInt q = 0; q < o->nsol; q++) {
      GWSolute    s;
      const char *sn;
      char        name[96], lname[160];
      PetscBool   has_solid;
      PetscCall(GWModelGetSolute(model, q, &s));
      PetscCall(GWSoluteGetName(s, &sn));
      PetscCall(GWSoluteVariableName_Private(s, "concentration", name, sizeof(name)));
      PetscCall(PetscSNPrintf(lname, sizeof(lname), "mass concentration of %s in the pore water", sn));
      PetscCall(DefVar(o, name, NC_DOUBLE, 4, dtlyx, lname, "kg m-3", &o->solid[q]));
      PetscCall(PutText(o, o->solid[q], "coordinates", "z"));
      PetscCall(PutText(o, o->solid[q], "cell_measures", "volume: cell_volume"));
      o->solid[o->nsol + q] = -1;
      PetscCall(GWSoluteGetSolubility(s, NULL, &has_solid));
      if (has_solid) {
        PetscCall(GWSoluteVariableName_Private(s, "solid", name, sizeof(name)));
        PetscCall(PetscSNPrintf(lname, sizeof(lname), "mass of %s precipitated as solid per bulk volume", sn));
        PetscCall(DefVar(o, name, NC_DOUBLE, 4, dtlyx, lname, "kg m-3", &o->solid[o->nsol + q]));
        PetscCall(PutText(o, o->solid[o->nsol + q], "coordinates", "z"));
        PetscCall(PutText(o, o->solid[o->nsol + q], "cell_measures", "volume: cell_volume"));
      }
    }
  }
  PetscCall(NCCheck(path, nc_enddef(o->ncid), "leaving define mode", "(nc_enddef)"));

  PetscCall(GWModelGetCellWidths(model, &dx, &dy));
  PetscCall(PetscMalloc5(o->nx, &xc, 2 * o->nx, &xb, o->ny, &yc, 2 * o->ny, &yb, o->nz, &lay));
  AxisFromWidths(o->nx, dx, xc, xb);
  AxisFromWidths(o->ny, dy, yc, yb);
  for (PetscInt k = 0; k < o->nz; k++) lay[k] = (int)k;
  {
    const size_t nx = (size_t)o->nx, ny = (size_t)o->ny, nz = (size_t)o->nz;
    const size_t cx[2] = {nx, 2}, cy[2] = {ny, 2};

    PetscCall(PutRoot(o, v_x, "x", zero, &nx, xc));
    PetscCall(PutRoot(o, v_xb, "x_bounds", zero, cx, xb));
    PetscCall(PutRoot(o, v_y, "y", zero, &ny, yc));
    PetscCall(PutRoot(o, v_yb, "y_bounds", zero, cy, yb));
    PetscCall(PutRoot(o, v_l, "layer", zero, &nz, lay));
  }
  PetscCall(PetscFree5(xc, xb, yc, yb, lay));
  /* from the distributed geometry, each rank its block; the column tops from the ranks holding
     layer 0 (the first xm*ym values of their block), the others join with zero counts */
  PetscCall(GWModelGetLayerElevationsVec(model, &top, &bot));
  {
    const PetscScalar *a;
    const size_t       none[2] = {0, 0};
    PetscCall(VecGetArrayRead(top, &a));
    PetscCall(NCCheck(path, nc_put_vara_double(o->ncid, v_top, o->start + 1, zs ? none : o->count + 1, a), "writing", "top"));
    PetscCall(VecRestoreArrayRead(top, &a));
  }
  PetscCall(PutBlock(o, v_bot, "bottom", PETSC_FALSE, bot));
  PetscCall(VecDestroy(&top));
  PetscCall(VecDestroy(&bot));
  PetscCall(GWModelGetMaterialZonesVec(model, &zone));
  PetscCall(PutBlock(o, v_zone, "zone", PETSC_FALSE, zone));
  PetscCall(VecDestroy(&zone));
  PetscCall(GWModelGetCellCenters(model, NULL, NULL, &zc));
  PetscCall(PutBlock(o, v_z, "z", PETSC_FALSE, zc));
  PetscCall(VecDestroy(&zc));
  PetscCall(GWModelGetCellVolumes(model, &vol));
  PetscCall(PutBlock(o, v_vol, "cell_volume", PETSC_FALSE, vol));
  PetscCall(NCCheck(path, nc_sync(o->ncid), "flushing", "the grid"));
  PetscCall(PetscLogEventEnd(GW_OutputNetCDF, model, 0, 0, 0));
  *out = o;
  PetscFunctionReturn(0);
}

/*@C
  GWOutputNetCDFReopen - opens a file written by GWOutputNetCDFOpen() to continue it from time t:
  records after t are dropped (overwritten by the next writes), the others kept

  Collective

  Input Parameters:
+ model - the model, after GWModelSetUp(), on the same grid as the file (any number of ranks)
. path - the file, the same on every rank
- t - time of the state the run continues from [s], e.g. a checkpoint's

  Output Parameter:
. out - the output file; its run_status is "running" again; close it with GWOutputNetCDFClose()

  Notes:
  This is how a restarted run continues its own output: the records up to t, written before the
  interruption, stay, and the next GWOutputNetCDFWrite() goes after the last of them. The time
  dimension is not shortened, so a file whose run fails again may hold stale records after its
  last valid one; its run_status says it is not complete.

  Errors:
  PETSC_ERR_FILE_OPEN if the file cannot be opened; PETSC_ERR_FILE_UNEXPECTED if its grid differs
  from the model's or it has no variable of GWOutputNetCDFOpen(), or no record at or before t.

  Level: intermediate

.seealso: `GWOutputNetCDFOpen()`, `GWOutputNetCDFWrite()`, `GWScenarioRestart()`
@*/
PetscErrorCode GWOutputNetCDFReopen(GWModel model, const char path[], PetscReal t, GWOutputNetCDF *out)
{
  GWOutputNetCDF o;
  DM             da;
  int            status, dimid, dims[3];
  size_t         ntime = 0, len[3];
  PetscReal     *tt;
  const char    *dname[3] = {"layer", "y", "x"};

  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscValidCharPointer(path, 2);
  PetscValidPointer(out, 4);
  if (!GW_OutputNetCDF) PetscCall(PetscLogEventRegister("GWOutputNetCDF", GWMODEL_CLASSID, &GW_OutputNetCDF));
  PetscCall(GWModelGetDM(model, &da));
  PetscCall(NewOutput(model, path, &o));
  status = nc_open_par(path, NC_WRITE, o->comm, MPI_INFO_NULL, &o->ncid);
  if (status != NC_NOERR) {
    PetscCallMPI(MPI_Comm_free(&o->comm));
    PetscCall(PetscFree(o->ztop));
    PetscCall(PetscFree(o->solid));
    PetscCall(PetscFree(o));
  }
  PetscCheck(status == NC_NOERR, PETSC_COMM_SELF, PETSC_ERR_FILE_OPEN, "Cannot open the NetCDF output file %s to continue it: %s", path, nc_strerror(status));
  for (PetscInt d = 0; d < 3; d++) {
    PetscCheck(nc_inq_dimid(o->ncid, dname[d], &dims[d]) == NC_NOERR && nc_inq_dimlen(o->ncid, dims[d], &len[d]) == NC_NOERR, PETSC_COMM_SELF, PETSC_ERR_FILE_UNEXPECTED, "NetCDF output file %s has no dimension %s: it was not written by libgw", path, dname[d]);
  }
  PetscCheck(len[0] == (size_t)o->nz && len[1] == (size_t)o->ny && len[2] == (size_t)o->nx, PETSC_COMM_SELF, PETSC_ERR_FILE_UNEXPECTED, "NetCDF output file %s has a %zu x %zu x %zu grid (x, y, layer), the model %" PetscInt_FMT " x %" PetscInt_FMT " x %" PetscInt_FMT ": it belongs to another scenario; use another output prefix", path, len[2], len[1], len[0], o->nx, o->ny, o->nz);
  PetscCall(NCCheck(path, nc_inq_varid(o->ncid, "time", &o->timeid), "finding variable", "time"));
  PetscCall(NCCheck(path, nc_inq_dimid(o->ncid, "time", &dimid), "finding dimension", "time"));
  PetscCall(NCCheck(path, nc_inq_dimlen(o->ncid, dimid, &ntime), "reading the length of", "time"));
  PetscCall(NCCheck(path, nc_var_par_access(o->ncid, o->timeid, NC_COLLECTIVE), "setting collective access for", "time"));
  for (PetscInt f = 0; f < NFIELD; f++) {
    PetscCall(NCCheck(path, nc_inq_varid(o->ncid, Fields[f].name, &o->fieldid[f]), "finding variable", Fields[f].name));
    PetscCall(NCCheck(path, nc_var_par_access(o->ncid, o->fieldid[f], NC_COLLECTIVE), "setting collective access for", Fields[f].name));
  }
  for (PetscInt f = 0; f < 2; f++) {
    PetscCall(NCCheck(path, nc_inq_varid(o->ncid, Maps[f].name, &o->wtid[f]), "finding variable", Maps[f].name));
    PetscCall(NCCheck(path, nc_var_par_access(o->ncid, o->wtid[f], NC_COLLECTIVE), "setting collective access for", Maps[f].name));
  }
  for (PetscInt q = 0; q < o->nsol; q++) {
    GWSolute s;
    char     name[96];
    PetscCall(GWModelGetSolute(model, q, &s));
    PetscCall(GWSoluteVariableName_Private(s, "concentration", name, sizeof(name)));
    PetscCall(NCCheck(path, nc_inq_varid(o->ncid, name, &o->solid[q]), "finding variable", name));
    PetscCall(NCCheck(path, nc_var_par_access(o->ncid, o->solid[q], NC_COLLECTIVE), "setting collective access for", name));
    o->solid[o->nsol + q] = -1;
    PetscCall(GWSoluteVariableName_Private(s, "solid", name, sizeof(name)));
    if (nc_inq_varid(o->ncid, name, &o->solid[o->nsol + q]) == NC_NOERR) PetscCall(NCCheck(path, nc_var_par_access(o->ncid, o->solid[o->nsol + q], NC_COLLECTIVE), "setting collective access for", name));
    else o->solid[o->nsol + q] = -1;
  }
  PetscCall(PetscMalloc1(ntime + 1, &tt));
  if (ntime) {
    size_t zero = 0;
    PetscCall(NCCheck(path, nc_get_vara_double(o->ncid, o->timeid, &zero, &ntime, tt), "reading", "time"));
  }
  o->nrec = 0;
  while (o->nrec < ntime && tt[o->nrec] <= t + 1e-12 * PetscMax(PetscAbsReal(t), 1.0)) o->nrec++;
  o->tlast = o->nrec ? tt[o->nrec - 1] : 0;
  PetscCall(PetscFree(tt));
  PetscCheck(o->nrec > 0, PETSC_COMM_SELF, PETSC_ERR_FILE_UNEXPECTED, "NetCDF output file %s has no record at or before t = %g s, the time to continue from: it belongs to another run; use another output prefix", path, (double)t);
  PetscCall(NCCheck(path, nc_redef(o->ncid), "reopening the definitions of", "the file"));
  PetscCall(PutText(o, NC_GLOBAL, "run_status", "running"));
  PetscCall(NCCheck(path, nc_enddef(o->ncid), "ending the definitions of", "the file"));
  PetscCall(DMCreateGlobalVector(da, &o->work));
  *out = o;
  PetscFunctionReturn(0);
}

/*@C
  GWOutputNetCDFWrite - appends one record of the model's fields at the model time

  Collective

  Input Parameters:
+ out - the file from GWOutputNetCDFOpen()
- model - the model the file was opened for (same grid and distribution over ranks)

  Notes:
  The record holds time = GWModelGetTime() [s], pressure head (GWModelGetPressureHead()) and the
  fields of GWModelComputeHydraulicHead(), GWModelComputeWaterContent(),
  GWModelComputeSaturation() and GWModelComputeDarcyFlux(), and the water-table elevation and
  depth to water of every column (GWModelComputeWaterTableVec()). The file is flushed (nc_sync) after
  each record, so the records written so far stay readable if the run later fails.

  Errors:
  PETSC_ERR_ARG_INCOMP if the model's grid or its distribution differs from the file's;
  PETSC_ERR_ARG_OUTOFRANGE if the model time is not after the last record's (the time coordinate
  must increase); PETSC_ERR_FILE_WRITE naming the file, the variable and NetCDF's reason.

  Level: beginner

.seealso: `GWOutputNetCDFOpen()`, `GWOutputNetCDFClose()`
@*/
PetscErrorCode GWOutputNetCDFWrite(GWOutputNetCDF out, GWModel model)
{
  DM        da;
  Vec       psi = NULL;
  PetscReal t   = 0.0;
  PetscInt  nx = 0, ny = 0, nz = 0, xs = 0, ys = 0, zs = 0, xm = 0, ym = 0, zm = 0;
  size_t    rec = 0, one = 1;

  PetscFunctionBegin;
  PetscValidPointer(out, 1);
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 2);
  PetscCall(GWModelGetGridSize(model, &nx, &ny, &nz));
  PetscCall(GWModelGetDM(model, &da));
  PetscCall(DMDAGetCorners(da, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCheck(nx == out->nx && ny == out->ny && nz == out->nz && (size_t)zs == out->start[0] && (size_t)ys == out->start[1] && (size_t)xs == out->start[2] && (size_t)zm == out->count[0] && (size_t)ym == out->count[1] && (size_t)xm == out->count[2], PETSC_COMM_SELF, PETSC_ERR_ARG_INCOMP,
             "The model's grid (%" PetscInt_FMT " x %" PetscInt_FMT " x %" PetscInt_FMT " cells) or its distribution over ranks differs from the one NetCDF file %s was opened for (%" PetscInt_FMT " x %" PetscInt_FMT " x %" PetscInt_FMT "): write each file from the model passed to GWOutputNetCDFOpen()", nx, ny, nz, out->path, out->nx, out->ny, out->nz);
  PetscCall(GWModelGetTime(model, &t));
  PetscCheck(out->nrec == 0 || t > out->tlast, PetscObjectComm((PetscObject)model), PETSC_ERR_ARG_OUTOFRANGE, "NetCDF output file %s: a record at t = %g s cannot follow the one at t = %g s; output times must increase", out->path, (double)t, (double)out->tlast);
  PetscCall(PetscLogEventBegin(GW_OutputNetCDF, model, 0, 0, 0));
  rec = out->nrec;
  PetscCall(PutRoot(out, out->timeid, "time", &rec, &one, &t));
  PetscCall(GWModelGetPressureHead(model, &psi));
  PetscCall(PutBlock(out, out->fieldid[F_PSI], Fields[F_PSI].name, PETSC_TRUE, psi));
  PetscCall(GWModelComputeHydraulicHead(model, out->work));
  PetscCall(PutBlock(out, out->fieldid[F_HEAD], Fields[F_HEAD].name, PETSC_TRUE, out->work));
  PetscCall(GWModelComputeWaterContent(model, out->work));
  PetscCall(PutBlock(out, out->fieldid[F_THETA], Fields[F_THETA].name, PETSC_TRUE, out->work));
  PetscCall(GWModelComputeSaturation(model, out->work));
  PetscCall(PutBlock(out, out->fieldid[F_SW], Fields[F_SW].name, PETSC_TRUE, out->work));
  for (PetscInt d = 0; d < 3; d++) { /* one component per call: one work vector instead of three */
    PetscCall(GWModelComputeDarcyFlux(model, d == 0 ? out->work : NULL, d == 1 ? out->work : NULL, d == 2 ? out->work : NULL));
    PetscCall(PutBlock(out, out->fieldid[F_QX + d], Fields[F_QX + d].name, PETSC_TRUE, out->work));
  }
  PetscCall(PutWaterTable(out, model, zs));
  for (PetscInt q = 0; q < out->nsol; q++) {
    GWSolute s;
    Vec      c;
    PetscCall(GWModelGetSolute(model, q, &s));
    PetscCall(GWSoluteGetConcentration(s, &c));
    PetscCall(PutBlock(out, out->solid[q], "concentration", PETSC_TRUE, c));
    if (out->solid[out->nsol + q] >= 0) {
      PetscCall(GWSoluteGetSolid(s, &c));
      PetscCall(PutBlock(out, out->solid[out->nsol + q], "solid", PETSC_TRUE, c));
    }
  }
  PetscCall(NCCheck(out->path, nc_sync(out->ncid), "flushing", "the record"));
  out->nrec++;
  out->tlast = t;
  PetscCall(PetscLogEventEnd(GW_OutputNetCDF, model, 0, 0, 0));
  PetscFunctionReturn(0);
}

/*@C
  GWOutputNetCDFClose - records how the run ended in the file's run_status attribute, closes the
  file and frees the output object

  Collective

  Input Parameters:
+ out - the file from GWOutputNetCDFOpen() (NULL, or pointing to NULL, does nothing)
- status - how the run ended: "complete", or e.g. "failed: <message>"; rank 0's value is recorded

  Notes:
  The file is closed and *out freed and set to NULL even when recording the status fails, so
  this can be called on an error path; the records written before stay valid.

  Errors:
  PETSC_ERR_FILE_WRITE naming the file and NetCDF's reason if the status cannot be recorded or
  the file cannot be closed.

  Level: beginner

.seealso: `GWOutputNetCDFOpen()`, `GWOutputNetCDFWrite()`
@*/
PetscErrorCode GWOutputNetCDFClose(GWOutputNetCDF *out, const char status[])
{
  GWOutputNetCDF o;
  char           path[PETSC_MAX_PATH_LEN], *msg = NULL;
  int            len = 0, st, cst;

  PetscFunctionBegin;
  if (!out || !*out) PetscFunctionReturn(0);
  o = *out;
  PetscCheck(o->rank || status, PETSC_COMM_SELF, PETSC_ERR_ARG_NULL, "GWOutputNetCDFClose() of %s needs a run status string, e.g. \"complete\"", o->path);
  /* a collective attribute write must carry the same value on every rank */
  if (!o->rank) len = (int)strlen(status);
  PetscCallMPI(MPI_Bcast(&len, 1, MPI_INT, 0, o->comm));
  PetscCall(PetscMalloc1(len + 1, &msg));
  if (!o->rank) PetscCall(PetscArraycpy(msg, status, len + 1));
  PetscCallMPI(MPI_Bcast(msg, len + 1, MPI_CHAR, 0, o->comm));
  st = nc_redef(o->ncid);
  if (st == NC_NOERR) st = nc_put_att_text(o->ncid, NC_GLOBAL, "run_status", (size_t)len, msg);
  if (st == NC_NOERR) st = nc_enddef(o->ncid);
  cst = nc_close(o->ncid);
  PetscCall(PetscStrncpy(path, o->path, sizeof(path)));
  PetscCall(PetscFree(msg));
  PetscCall(VecDestroy(&o->work));
  PetscCall(PetscFree(o->ztop));
  PetscCall(PetscFree(o->solid));
  PetscCallMPI(MPI_Comm_free(&o->comm));
  PetscCall(PetscFree(*out));
  PetscCall(NCCheck(path, st, "recording", "run_status"));
  PetscCall(NCCheck(path, cst, "closing", "the file"));
  PetscFunctionReturn(0);
}
