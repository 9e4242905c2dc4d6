/* Gridded inputs from NetCDF variables (grid.top, grid.bottom, initial.netcdf, package fields),
   each rank reading its own block. Before a value is used the reader checks what a NetCDF file
   can get silently wrong: the order of the dimensions (a (x, y) variable would be read
   transposed), their lengths, the units attribute (converted with udunits2 to the unit the key
   needs) and missing data (_FillValue, missing_value, valid_min/valid_max/valid_range, the
   type's default fill of a variable defined but never written, NaN). CF packing (scale_factor,
   add_offset) is applied. Errors name the scenario key, the file and the variable. */
#include <gw/private/ioimpl.h>
#include <gw/private/modelimpl.h>
#include <netcdf.h>
#include <ctype.h>
#include <limits.h>
#include <string.h>

/* Opens the NetCDF file named by ref[filekey] (relative to the scenario) and finds ref.variable:
   its id and number of dimensions; input errors name the key. */
static PetscErrorCode OpenVariable(GWYamlNode ref, const char filekey[], char path[], size_t len, int *nc, int *id, int *nd)
{
  const char *name = NULL, *var = NULL, *slash;
  int         st;

  PetscFunctionBegin;
  PetscCall(GWGetString_Private(ref, filekey, PETSC_TRUE, &name));
  PetscCall(GWGetString_Private(ref, "variable", PETSC_TRUE, &var));
  slash = strrchr(ref->file, '/');
  if (name[0] == '/' || !slash)
    PetscCall(PetscStrncpy(path, name, len));
  else
    PetscCall(PetscSNPrintf(path, len, "%.*s/%s", (int)(slash - ref->file), ref->file, name));
  st = nc_open(path, NC_NOWRITE, nc);
  GWInputCheck(st == NC_NOERR, GWYamlGet_Private(ref, filekey), "cannot open NetCDF file %s: %s", path, nc_strerror(st));
  st = nc_inq_varid(*nc, var, id);
  if (st == NC_NOERR) st = nc_inq_varndims(*nc, *id, nd);
  if (st != NC_NOERR) nc_close(*nc);
  GWInputCheck(st == NC_NOERR, GWYamlGet_Private(ref, "variable"), "no variable \"%s\" in %s", var, path);
  PetscFunctionReturn(0);
}

/* The number of dimensions of the NetCDF variable ref refers to. */
PetscErrorCode GWNetCDFVariableRank_Private(GWYamlNode ref, const char filekey[], PetscInt *ndims)
{
  char path[PETSC_MAX_PATH_LEN];
  int  nc, id, nd;

  PetscFunctionBegin;
  PetscCall(OpenVariable(ref, filekey, path, sizeof(path), &nc, &id, &nd));
  nc_close(nc);
  *ndims = nd;
  PetscFunctionReturn(0);
}

/* The axis a dimension stands for, 'x', 'y', 'z' (layer), or 0 when its name and its coordinate
   variable's axis attribute do not say: by the CF axis attribute first, then by common names. */
static char DimensionAxis(int nc, int dimid)
{
  static const char *const xs[] = {"x", "lon", "longitude", "easting", "i", "col", "column", "columns", "nx", "west_east", NULL};
  static const char *const ys[] = {"y", "lat", "latitude", "northing", "j", "row", "rows", "ny", "south_north", NULL};
  static const char *const zs[] = {"layer", "layers", "z", "k", "lev", "level", "nz", "depth", "bottom_top", NULL};
  char                     name[NC_MAX_NAME + 1], low[NC_MAX_NAME + 1], axis[8] = "";
  int                      cv;
  size_t                   n = 0;

  if (nc_inq_dimname(nc, dimid, name) != NC_NOERR) return 0;
  if (nc_inq_varid(nc, name, &cv) == NC_NOERR && nc_inq_attlen(nc, cv, "axis", &n) == NC_NOERR && n > 0 && n < sizeof(axis) && nc_get_att_text(nc, cv, "axis", axis) == NC_NOERR) {
    axis[n] = 0;
    if (!strcmp(axis, "X")) return 'x';
    if (!strcmp(axis, "Y")) return 'y';
    if (!strcmp(axis, "Z")) return 'z';
  }
  for (size_t c = 0; c <= strlen(name); c++) low[c] = (char)tolower((unsigned char)name[c]);
  for (int q = 0; xs[q]; q++)
    if (!strcmp(low, xs[q])) return 'x';
  for (int q = 0; ys[q]; q++)
    if (!strcmp(low, ys[q])) return 'y';
  for (int q = 0; zs[q]; q++)
    if (!strcmp(low, zs[q])) return 'z';
  return 0;
}

/* Checks the dimensions of variable id against the grid: (y, x) or (layer, y, x), x varying
   fastest, with the lengths dim[]. A dimension whose name (or axis attribute) marks it as another
   axis than the one its position needs is an error: the data would be read transposed. */
static PetscErrorCode CheckDimensions(GWYamlNode ref, const char path[], const char var[], int nc, int id, PetscInt ndims, const PetscInt dim[], PetscInt skip)
{
  const char *expect = ndims == 3 ? "zyx" : "yx", *order = ndims == 3 ? "(layer, y, x)" : "(y, x)";
  const char *axisname[3] = {"layer", "y", "x"};
  int         all[NC_MAX_VAR_DIMS], *dims = all + skip;
  char        names[NC_MAX_VAR_DIMS][NC_MAX_NAME + 1], stored[4 * (NC_MAX_NAME + 2) + 8] = "(";
  size_t      len[NC_MAX_VAR_DIMS];

  PetscFunctionBegin;
  PetscCheck(nc_inq_vardimid(nc, id, all) == NC_NOERR, PETSC_COMM_SELF, PETSC_ERR_FILE_READ, "cannot read the dimensions of %s in %s", var, path);
  for (PetscInt d = 0; d < skip; d++) {
    char n[NC_MAX_NAME + 1];
    nc_inq_dimname(nc, all[d], n);
    PetscCall(PetscStrlcat(stored, n, sizeof(stored)));
    PetscCall(PetscStrlcat(stored, ", ", sizeof(stored)));
  }
  for (PetscInt d = 0; d < ndims; d++) {
    nc_inq_dimname(nc, dims[d], names[d]);
    nc_inq_dimlen(nc, dims[d], &len[d]);
    PetscCall(PetscStrlcat(stored, names[d], sizeof(stored)));
    PetscCall(PetscStrlcat(stored, d + 1 < ndims ? ", " : ")", sizeof(stored)));
  }
  for (PetscInt d = 0; d < ndims; d++) {
    char a = DimensionAxis(nc, dims[d]);
    if (a && a != expect[d]) nc_close(nc);
    GWInputCheck(!a || a == expect[d], GWYamlGet_Private(ref, "variable"), "variable \"%s\" in %s is stored as %s, but libgw reads %s, x varying fastest: its dimension \"%s\" (position %" PetscInt_FMT ") is the %s axis where the %s axis belongs, so the data would be read transposed; reorder it, e.g. ncpdq -a %s in.nc out.nc", var, path, stored, order, names[d], d + 1, a == 'z' ? "layer" : a == 'y' ? "y" : "x", axisname[3 - ndims + d], ndims == 3 ? "layer,y,x" : "y,x");
  }
  for (PetscInt d = 0; d < ndims; d++) {
    const char *gridn[3] = {"nz", "ny", "nx"};
    char        lens[96] = "";
    for (PetscInt e = 0; e < ndims; e++) {
      char one[32];
      PetscCall(PetscSNPrintf(one, sizeof(one), "%s%zu", e ? " x " : "", len[e]));
      PetscCall(PetscStrlcat(lens, one, sizeof(lens)));
    }
    if ((PetscInt)len[d] != dim[d]) nc_close(nc);
    GWInputCheck((PetscInt)len[d] == dim[d], GWYamlGet_Private(ref, "variable"), "variable \"%s\" in %s is stored as %s = %s: dimension \"%s\" has length %zu where the grid has %s = %" PetscInt_FMT, var, path, stored, lens, names[d], len[d], gridn[3 - ndims + d], dim[d]);
  }
  PetscFunctionReturn(0);
}

/* The conversion v_si = off + fac v of the values to the unit si: from the scenario's unit key
   when it has one, else from the variable's units attribute, else the values are taken in si.
   When both are given they must agree. */
static PetscErrorCode UnitConversion(GWYamlNode ref, const char path[], const char var[], int nc, int id, const char si[], PetscReal *fac, PetscReal *off)
{
  const char *key = NULL, *use;
  char        att[256] = "", one[300], err[256];
  size_t      n        = 0;
  PetscReal   f[2] = {1, 1}, z[2] = {0, 0};
  PetscBool   ok;

  PetscFunctionBegin;
  *fac = 1;
  *off = 0;
  if (!strcmp(si, "-") || !strcmp(si, "1")) PetscFunctionReturn(0);
  PetscCall(GWGetString_Private(ref, "unit", PETSC_FALSE, &key));
  if (nc_inq_attlen(nc, id, "units", &n) == NC_NOERR && n > 0 && n < sizeof(att) && nc_get_att_text(nc, id, "units", att) == NC_NOERR) att[n] = 0;
  else att[0] = 0;
  for (size_t c = strlen(att); c > 0 && isspace((unsigned char)att[c - 1]); c--) att[c - 1] = 0;
  use = key ? key : att[0] ? att : NULL;
  if (!use) PetscFunctionReturn(0);
  for (int u = 0; u < 2; u++) {
    const char *text = u ? att : use;
    if (u && (!key || !att[0])) break;
    PetscCall(PetscSNPrintf(one, sizeof(one), "1 %s", text));
    PetscCall(GWUnitsConvert_Private(one, si, &f[u], &ok, err, sizeof(err)));
    if (ok) {
      PetscCall(PetscSNPrintf(one, sizeof(one), "0 %s", text));
      PetscCall(GWUnitsConvert_Private(one, si, &z[u], &ok, err, sizeof(err)));
    }
    if (!ok) nc_close(nc);
    if (u || !key) GWInputCheck(ok, GWYamlGet_Private(ref, "variable"), "the units attribute \"%s\" of variable \"%s\" in %s cannot be used: %s; the key needs values in %s (fix the attribute, or give the unit key to override it)", att, var, path, err, si);
    else GWInputCheck(ok, GWYamlGet_Private(ref, "unit"), "%s", err);
  }
  if (key && att[0] && !(PetscAbsReal(f[0] - f[1]) <= 1e-12 * PetscAbsReal(f[1]) && PetscAbsReal(z[0] - z[1]) <= 1e-12 * PetscMax(PetscAbsReal(z[1]), PetscAbsReal(f[1])))) {
    nc_close(nc);
    GWInputCheck(PETSC_FALSE, GWYamlGet_Private(ref, "unit"), "unit \"%s\" disagrees with the units attribute \"%s\" of variable \"%s\" in %s; remove the key to use the file's units, or fix the file", key, att, var, path);
  }
  *fac = f[0] - z[0];
  *off = z[0];
  PetscFunctionReturn(0);
}

/* The values that mean "no data" in variable id, as read into doubles: its _FillValue (or the
   default fill of its type when it has none: the content of a variable never written), up to 8
   missing_value entries, and the valid range [lo, hi]. */
typedef struct {
  double    fill[10], lo, hi;
  int       nfill;
  PetscBool packed;
  double    scale, offset;
} Missing;

static void MissingValues(int nc, int id, Missing *mv)
{
  nc_type t   = NC_DOUBLE;
  size_t  n   = 0;
  double  r[2], v;
  int     has = 0;

  memset(mv, 0, sizeof(*mv));
  mv->lo    = -PETSC_MAX_REAL;
  mv->hi    = PETSC_MAX_REAL;
  mv->scale = 1;
  nc_inq_vartype(nc, id, &t);
  if (nc_get_att_double(nc, id, "_FillValue", &v) == NC_NOERR) mv->fill[mv->nfill++] = v, has = 1;
  if (!has) {
    switch (t) {
    case NC_BYTE: mv->fill[mv->nfill++] = NC_FILL_BYTE; break;
    case NC_SHORT: mv->fill[mv->nfill++] = NC_FILL_SHORT; break;
    case NC_INT: mv->fill[mv->nfill++] = NC_FILL_INT; break;
    case NC_FLOAT: mv->fill[mv->nfill++] = NC_FILL_FLOAT; break;
    case NC_DOUBLE: mv->fill[mv->nfill++] = NC_FILL_DOUBLE; break;
    case NC_UBYTE: mv->fill[mv->nfill++] = NC_FILL_UBYTE; break;
    case NC_USHORT: mv->fill[mv->nfill++] = NC_FILL_USHORT; break;
    case NC_UINT: mv->fill[mv->nfill++] = NC_FILL_UINT; break;
    default: break;
    }
  }
  if (nc_inq_attlen(nc, id, "missing_value", &n) == NC_NOERR && n >= 1 && n <= 8) {
    double mvs[8];
    if (nc_get_att_double(nc, id, "missing_value", mvs) == NC_NOERR)
      for (size_t q = 0; q < n; q++) mv->fill[mv->nfill++] = mvs[q];
  }
  if (nc_inq_attlen(nc, id, "valid_range", &n) == NC_NOERR && n == 2 && nc_get_att_double(nc, id, "valid_range", r) == NC_NOERR) {
    mv->lo = r[0];
    mv->hi = r[1];
  }
  if (nc_get_att_double(nc, id, "valid_min", &v) == NC_NOERR) mv->lo = v;
  if (nc_get_att_double(nc, id, "valid_max", &v) == NC_NOERR) mv->hi = v;
  if (nc_get_att_double(nc, id, "scale_factor", &v) == NC_NOERR) mv->scale = v, mv->packed = PETSC_TRUE;
  if (nc_get_att_double(nc, id, "add_offset", &v) == NC_NOERR) mv->offset = v, mv->packed = PETSC_TRUE;
}

static PetscBool IsMissing(const Missing *mv, double v)
{
  if (v != v || v < mv->lo || v > mv->hi) return PETSC_TRUE;
  for (int q = 0; q < mv->nfill; q++)
    if (v == mv->fill[q]) return PETSC_TRUE; /* read in the variable's type, both convert exactly */
  return PETSC_FALSE;
}

/* Reads a NetCDF variable with the expected shape (ndims sizes in dim[], C order (layer, y, x)
   or (y, x)) into a[], converted to the unit si ("-" for numbers without a unit): the hyperslab at
   start[] of count[] values per dimension, or the whole variable if start is NULL. Each rank
   opens the file and reads its own block (a rank's DMDA block is a hyperslab); collective on
   comm, so that missing values found by one rank stop every rank with one message naming their
   number and the first cell. */
PetscErrorCode GWReadNetCDF_Private(MPI_Comm comm, GWYamlNode ref, const char filekey[], PetscInt ndims, const PetscInt dim[], const size_t start[], const size_t count[], const char si[], PetscReal a[])
{
  const char *var = NULL;
  char        path[PETSC_MAX_PATH_LEN];
  int         nc, id, nd, st;
  size_t      loc = 1, full[3] = {0, 0, 0}, cnt[3] = {1, 1, 1};
  PetscReal   fac, off;
  Missing     mv;
  long long   nbad[2] = {0, 0}, first[2] = {LLONG_MAX, LLONG_MAX}; /* missing; not finite after conversion */

  PetscFunctionBegin;
  PetscCall(OpenVariable(ref, filekey, path, sizeof(path), &nc, &id, &nd));
  PetscCall(GWGetString_Private(ref, "variable", PETSC_TRUE, &var));
  if (nd != ndims && !(nd == ndims + 1 && GWYamlGet_Private(ref, "record"))) nc_close(nc);
  GWInputCheck(nd == ndims || (nd == ndims + 1 && GWYamlGet_Private(ref, "record")), GWYamlGet_Private(ref, "variable"), "variable \"%s\" in %s has %d dimensions, expected %" PetscInt_FMT " %s%s", var, path, nd, ndims, ndims == 3 ? "(layer, y, x)" : "(y, x)", nd == ndims + 1 ? ", or give record: N to read one record of a (time, ...) variable" : "");
  PetscCall(CheckDimensions(ref, path, var, nc, id, ndims, dim, nd - ndims));
  PetscCall(UnitConversion(ref, path, var, nc, id, si, &fac, &off));
  MissingValues(nc, id, &mv);
  if (nd > ndims) { /* one record of an output file: (time, layer, y, x) */
    int      dims[NC_MAX_VAR_DIMS];
    size_t   nrec = 0, s4[4], c4[4];
    PetscInt r    = -1;
    nc_inq_vardimid(nc, id, dims);
    nc_inq_dimlen(nc, dims[0], &nrec);
    PetscCall(GWGetInteger_Private(ref, "record", PETSC_FALSE, PETSC_MIN_INT, &r));
    if (r < 0) r += (PetscInt)nrec;
    if (r < 0 || r >= (PetscInt)nrec) nc_close(nc);
    GWInputCheck(r >= 0 && r < (PetscInt)nrec, GWYamlGet_Private(ref, "record"), "variable \"%s\" in %s has %zu records (0..%zu, or -1 for the last): record %s does not exist", var, path, nrec, nrec ? nrec - 1 : 0, GWYamlGet_Private(ref, "record")->value);
    s4[0] = (size_t)r;
    c4[0] = 1;
    for (PetscInt d = 0; d < ndims; d++) {
      s4[d + 1] = start ? start[d] : 0;
      c4[d + 1] = start ? count[d] : (size_t)dim[d];
    }
    st = nc_get_vara_double(nc, id, s4, c4, a);
  } else st = start ? nc_get_vara_double(nc, id, start, count, a) : nc_get_var_double(nc, id, a);
  nc_close(nc);
  GWInputCheck(st == NC_NOERR, GWYamlGet_Private(ref, "variable"), "cannot read \"%s\" from %s: %s", var, path, nc_strerror(st));
  for (PetscInt d = 0; d < ndims; d++) {
    cnt[3 - ndims + d]  = start ? count[d] : (size_t)dim[d];
    full[3 - ndims + d] = start ? start[d] : 0;
    loc *= cnt[3 - ndims + d];
  }
  for (size_t q = 0; q < loc; q++) {
    int kind = IsMissing(&mv, a[q]) ? 0 : -1;
    if (kind < 0) {
      a[q] = off + fac * (mv.packed ? mv.offset + mv.scale * a[q] : a[q]);
      if (PetscIsInfOrNanReal(a[q])) kind = 1;
    }
    if (kind >= 0) {
      /* global index in the variable, C order */
      long long i = (long long)(full[2] + q % cnt[2]), j = (long long)(full[1] + (q / cnt[2]) % cnt[1]), k = (long long)(full[0] + q / (cnt[2] * cnt[1]));
      long long g = i + (long long)dim[ndims - 1] * (j + (ndims > 1 ? (long long)dim[ndims - 2] : 1) * k);
      nbad[kind]++;
      first[kind] = PetscMin(first[kind], g);
    }
  }
  PetscCallMPI(MPI_Allreduce(MPI_IN_PLACE, nbad, 2, MPI_LONG_LONG, MPI_SUM, comm));
  PetscCallMPI(MPI_Allreduce(MPI_IN_PLACE, first, 2, MPI_LONG_LONG, MPI_MIN, comm));
  if (nbad[0] || nbad[1]) {
    long long g = first[nbad[0] ? 0 : 1], nx = dim[ndims - 1], ny = ndims > 1 ? dim[ndims - 2] : 1;
    char      cell[96];
    if (ndims == 3) PetscCall(PetscSNPrintf(cell, sizeof(cell), "(i, j, k) = (%lld, %lld, %lld)", g % nx, g / nx % ny, g / (nx * ny)));
    else PetscCall(PetscSNPrintf(cell, sizeof(cell), "(i, j) = (%lld, %lld)", g % nx, g / nx));
    GWInputCheck(!nbad[0], GWYamlGet_Private(ref, "variable"), "variable \"%s\" in %s has %lld missing value%s (_FillValue, missing_value, outside valid_min/valid_max, or NaN; a variable defined but never written holds only fill values), the first at cell %s; every cell needs a value", var, path, nbad[0], nbad[0] > 1 ? "s" : "", cell);
    GWInputCheck(!nbad[1], GWYamlGet_Private(ref, "variable"), "variable \"%s\" in %s has %lld value%s that are not finite numbers after conversion to %s, the first at cell %s", var, path, nbad[1], nbad[1] > 1 ? "s" : "", si, cell);
  }
  PetscFunctionReturn(0);
}

/* A field {netcdf: file, variable: name, unit: u} as a new global vector on the model's DMDA, in
   the SI unit si: a (layer, y, x) variable, or a (y, x) one that holds for every layer of a
   column. Each rank reads its own block (collective). */
PetscErrorCode GWReadNetCDFField_Private(GWModel m, GWYamlNode ref, const char si[], Vec *field)
{
  PetscInt     nd, xs, ys, zs, xm, ym, zm;
  PetscScalar *a;
  DM           da;
  MPI_Comm     comm;

  PetscFunctionBegin;
  GWInputCheck(ref->kind == GW_YAML_MAP && GWYamlGet_Private(ref, "netcdf"), ref, "expected a quantity, a list, or a NetCDF field {netcdf: file, variable: name, unit: %s}", si);
  PetscCall(GWModelGetDM(m, &da));
  PetscCall(PetscObjectGetComm((PetscObject)da, &comm));
  PetscCall(DMDAGetCorners(da, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCall(DMCreateGlobalVector(da, field));
  PetscCall(GWNetCDFVariableRank_Private(ref, "netcdf", &nd));
  GWInputCheck(nd == 2 || nd == 3, GWYamlGet_Private(ref, "variable"), "a field is a (layer, y, x) or (y, x) variable; this one has %" PetscInt_FMT " dimensions", nd);
  PetscCall(VecGetArray(*field, &a));
  if (nd == 3) {
    PetscInt     dim[3]   = {m->nz, m->ny, m->nx};
    const size_t start[3] = {(size_t)zs, (size_t)ys, (size_t)xs}, count[3] = {(size_t)zm, (size_t)ym, (size_t)xm};
    PetscCall(GWReadNetCDF_Private(comm, ref, "netcdf", 3, dim, start, count, si, a));
  } else {
    PetscInt     dim[2]   = {m->ny, m->nx};
    const size_t start[2] = {(size_t)ys, (size_t)xs}, count[2] = {(size_t)ym, (size_t)xm};
    PetscCall(GWReadNetCDF_Private(comm, ref, "netcdf", 2, dim, start, count, si, a));
    for (PetscInt q = xm * ym * zm - 1; q >= 0; q--) a[q] = a[q % (xm * ym)]; /* every layer of a column */
  }
  PetscCall(VecRestoreArray(*field, &a));
  PetscFunctionReturn(0);
}
