/* GWScenario: a YAML scenario file read into a GWModel, with its output times and observation
   points. Every value is checked where it is read; errors name file:line:column and the key. */
#include <gw/private/ioimpl.h>
#include <gw/private/modelimpl.h>
#include <netcdf.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

PetscClassId GWSCENARIO_CLASSID;

/* ---- small readers ---------------------------------------------------------------------------- */

static PetscErrorCode Quantity(GWYamlNode v, const char si[], PetscReal *value)
{
  char      err[256];
  PetscBool ok;

  PetscFunctionBegin;
  GWInputCheck(v->kind == GW_YAML_SCALAR, v, "expected a single value%s%s", strcmp(si, "-") ? " with a unit in " : "", strcmp(si, "-") ? si : "");
  PetscCall(GWUnitsConvert_Private(v->value, si, value, &ok, err, sizeof(err)));
  GWInputCheck(ok, v, "%s", err);
  PetscFunctionReturn(0);
}

/* Optional quantity key of a map: value untouched when absent. */
static PetscErrorCode GetQuantity(GWYamlNode map, const char key[], const char si[], PetscBool required, PetscReal *value, PetscBool *present)
{
  GWYamlNode v = GWYamlGet_Private(map, key);

  PetscFunctionBegin;
  if (present) *present = (PetscBool)(v != NULL);
  if (!v) {
    GWInputCheck(!required, map, "missing key \"%s\"%s%s", key, strcmp(si, "-") ? " (a value with a unit in " : "", strcmp(si, "-") ? si : "");
    if (strcmp(si, "-") && required) PetscFunctionReturn(0);
    PetscFunctionReturn(0);
  }
  PetscCall(Quantity(v, si, value));
  PetscFunctionReturn(0);
}

static PetscErrorCode GetInteger(GWYamlNode map, const char key[], PetscBool required, PetscInt lo, PetscInt *value)
{
  GWYamlNode v = GWYamlGet_Private(map, key);
  char      *end;
  long       l;

  PetscFunctionBegin;
  if (!v) {
    GWInputCheck(!required, map, "missing key \"%s\" (an integer)", key);
    PetscFunctionReturn(0);
  }
  GWInputCheck(v->kind == GW_YAML_SCALAR, v, "expected an integer");
  errno = 0;
  l     = strtol(v->value, &end, 10);
  GWInputCheck(end != v->value && !*end, v, "expected an integer, found \"%s\"", v->value);
  GWInputCheck(errno != ERANGE && l <= PETSC_MAX_INT, v, "%s is too large (at most %" PetscInt_FMT ")", v->value, (PetscInt)PETSC_MAX_INT);
  GWInputCheck(l >= lo, v, "must be at least %" PetscInt_FMT ", found %ld", lo, l);
  *value = (PetscInt)l;
  PetscFunctionReturn(0);
}

static PetscErrorCode GetString(GWYamlNode map, const char key[], PetscBool required, const char **value)
{
  GWYamlNode v = GWYamlGet_Private(map, key);

  PetscFunctionBegin;
  if (!v) {
    GWInputCheck(!required, map, "missing key \"%s\"", key);
    PetscFunctionReturn(0);
  }
  GWInputCheck(v->kind == GW_YAML_SCALAR, v, "expected a single word or text");
  *value = v->value;
  PetscFunctionReturn(0);
}

/* A quantity or a list of n quantities, into a[n]. */
static PetscErrorCode QuantityArray(GWYamlNode v, const char si[], PetscInt n, PetscReal a[])
{
  PetscFunctionBegin;
  if (v->kind == GW_YAML_SCALAR) {
    PetscCall(Quantity(v, si, &a[0]));
    for (PetscInt i = 1; i < n; i++) a[i] = a[0];
  } else {
    GWInputCheck(v->kind == GW_YAML_SEQ, v, "expected one value or a list of %" PetscInt_FMT " values", n);
    GWInputCheck(v->n == n, v, "expected %" PetscInt_FMT " values (one per cell), found %" PetscInt_FMT, n, v->n);
    for (PetscInt i = 0; i < n; i++) PetscCall(Quantity(v->items[i], si, &a[i]));
  }
  PetscFunctionReturn(0);
}

/* [first, last] inclusive index range within [0, n); the whole range when the key is absent. */
static PetscErrorCode GetRange(GWYamlNode map, const char key[], PetscInt n, PetscInt *lo, PetscInt *hi)
{
  GWYamlNode v = GWYamlGet_Private(map, key);
  PetscInt   r[2];

  PetscFunctionBegin;
  *lo = 0;
  *hi = n - 1;
  if (!v) PetscFunctionReturn(0);
  GWInputCheck(v->kind == GW_YAML_SEQ && v->n == 2, v, "expected [first, last] cell indices (from 0, inclusive)");
  for (PetscInt a = 0; a < 2; a++) {
    char *end;
    long  l;
    GWInputCheck(v->items[a]->kind == GW_YAML_SCALAR, v->items[a], "expected an integer index");
    l = strtol(v->items[a]->value, &end, 10);
    GWInputCheck(end != v->items[a]->value && !*end, v->items[a], "expected an integer index, found \"%s\"", v->items[a]->value);
    GWInputCheck(l >= 0 && l < n, v->items[a], "index %s is outside 0..%" PetscInt_FMT, v->items[a]->value, n - 1);
    r[a] = (PetscInt)l;
  }
  GWInputCheck(r[0] <= r[1], v, "first index %" PetscInt_FMT " is after last index %" PetscInt_FMT, r[0], r[1]);
  *lo = r[0];
  *hi = r[1];
  PetscFunctionReturn(0);
}

/* Reads a NetCDF variable with the expected shape (ndims sizes in dim[]) into a[] (C order). */
static PetscErrorCode ReadNetCDF(GWYamlNode ref, const char filekey[], PetscInt ndims, const PetscInt dim[], PetscReal a[])
{
  const char *name = NULL, *var = NULL, *slash;
  char        path[PETSC_MAX_PATH_LEN];
  int         nc, id, nd, dims[8], st;
  size_t      len;

  PetscFunctionBegin;
  PetscCall(GetString(ref, filekey, PETSC_TRUE, &name));
  PetscCall(GetString(ref, "variable", PETSC_TRUE, &var));
  slash = strrchr(ref->file, '/');
  if (name[0] == '/' || !slash)
    PetscCall(PetscStrncpy(path, name, sizeof(path)));
  else
    PetscCall(PetscSNPrintf(path, sizeof(path), "%.*s/%s", (int)(slash - ref->file), ref->file, name));
  st = nc_open(path, NC_NOWRITE, &nc);
  GWInputCheck(st == NC_NOERR, GWYamlGet_Private(ref, filekey), "cannot open NetCDF file %s: %s", path, nc_strerror(st));
  st = nc_inq_varid(nc, var, &id);
  if (st == NC_NOERR) st = nc_inq_varndims(nc, id, &nd);
  if (st != NC_NOERR) nc_close(nc);
  GWInputCheck(st == NC_NOERR, GWYamlGet_Private(ref, "variable"), "no variable \"%s\" in %s", var, path);
  if (nd != ndims) nc_close(nc);
  GWInputCheck(nd == ndims, GWYamlGet_Private(ref, "variable"), "variable \"%s\" in %s has %d dimensions, expected %" PetscInt_FMT, var, path, nd, ndims);
  nc_inq_vardimid(nc, id, dims);
  for (PetscInt d = 0; d < ndims; d++) {
    nc_inq_dimlen(nc, dims[d], &len);
    if ((PetscInt)len != dim[d]) nc_close(nc);
    GWInputCheck((PetscInt)len == dim[d], GWYamlGet_Private(ref, "variable"), "dimension %" PetscInt_FMT " of \"%s\" has length %zu, the grid needs %" PetscInt_FMT, d, var, len, dim[d]);
  }
  st = nc_get_var_double(nc, id, a);
  nc_close(nc);
  GWInputCheck(st == NC_NOERR, GWYamlGet_Private(ref, "variable"), "cannot read \"%s\" from %s: %s", var, path, nc_strerror(st));
  PetscFunctionReturn(0);
}

/* A required section the file lacks: the message names it as the key, at the file's first key. */
static PetscErrorCode MissingSection(GWYamlNode root, const char key[], const char hint[])
{
  PetscFunctionBegin;
  SETERRQ(PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "%s:%" PetscInt_FMT ":%" PetscInt_FMT ": %s: missing section \"%s:\"%s", root->file, root->line, root->col, key, key, hint);
}

/* A section mapping; an optional section left empty ("solver:" alone) counts as absent. */
static PetscErrorCode Section(GWYamlNode root, const char key[], PetscBool required, GWYamlNode *sec)
{
  PetscFunctionBegin;
  *sec = GWYamlGet_Private(root, key);
  if (*sec && !required && (*sec)->kind == GW_YAML_SCALAR && !(*sec)->value[0]) *sec = NULL;
  if (!*sec && required) PetscCall(MissingSection(root, key, ""));
  if (*sec) PetscCall(GWYamlCheckKeys_Private(*sec, key));
  PetscFunctionReturn(0);
}

/* ---- sections ----------------------------------------------------------------------------------- */

static PetscErrorCode ReadGrid(GWModel m, GWYamlNode root)
{
  GWYamlNode g, top, dz, bot;
  PetscInt   nx = 0, ny = 1, nz = 0;
  PetscReal *dx, *dy, *ztop, *zbot;

  PetscFunctionBegin;
  PetscCall(Section(root, "grid", PETSC_TRUE, &g));
  PetscCall(GetInteger(g, "nx", PETSC_TRUE, 1, &nx));
  PetscCall(GetInteger(g, "ny", PETSC_FALSE, 1, &ny));
  PetscCall(GetInteger(g, "nz", PETSC_TRUE, 1, &nz));
  GWInputCheck((double)nx * ny * nz <= PETSC_MAX_INT, g, "%" PetscInt_FMT " x %" PetscInt_FMT " x %" PetscInt_FMT " cells are more than this build of PETSc can index (%" PetscInt_FMT ")", nx, ny, nz, (PetscInt)PETSC_MAX_INT);
  PetscCall(GWModelSetGridSize(m, nx, ny, nz));
  PetscCall(PetscMalloc4(nx, &dx, ny, &dy, nx * ny, &ztop, nx * ny * nz, &zbot));
  GWInputCheck(GWYamlGet_Private(g, "dx"), g, "missing key \"dx\" (cell width, e.g. 5 cm)");
  GWInputCheck(GWYamlGet_Private(g, "dy"), g, "missing key \"dy\" (cell width, e.g. 1 m)");
  PetscCall(QuantityArray(GWYamlGet_Private(g, "dx"), "m", nx, dx));
  PetscCall(QuantityArray(GWYamlGet_Private(g, "dy"), "m", ny, dy));
  for (PetscInt i = 0; i < nx; i++) GWInputCheck(dx[i] > 0, GWYamlGet_Private(g, "dx"), "cell widths must be positive, found %g m", (double)dx[i]);
  for (PetscInt j = 0; j < ny; j++) GWInputCheck(dy[j] > 0, GWYamlGet_Private(g, "dy"), "cell widths must be positive, found %g m", (double)dy[j]);
  PetscCall(GWModelSetCellWidths(m, dx, dy));
  top = GWYamlGet_Private(g, "top");
  GWInputCheck(top, g, "missing key \"top\" (top elevation, e.g. 2 m)");
  if (top->kind == GW_YAML_MAP) {
    PetscInt dim[2] = {ny, nx};
    PetscCall(GWYamlCheckKeys_Private(top, "grid.top"));
    PetscCall(ReadNetCDF(top, "netcdf", 2, dim, ztop));
  } else
    PetscCall(QuantityArray(top, "m", 1, ztop));
  if (top->kind != GW_YAML_MAP)
    for (PetscInt c = 1; c < nx * ny; c++) ztop[c] = ztop[0];
  dz  = GWYamlGet_Private(g, "dz");
  bot = GWYamlGet_Private(g, "bottom");
  GWInputCheck(!dz != !bot, g, "give exactly one of \"dz\" (layer thicknesses) or \"bottom\" (layer bottom elevations)");
  if (dz) {
    PetscReal *t;
    PetscCall(PetscMalloc1(nz, &t));
    PetscCall(QuantityArray(dz, "m", nz, t));
    for (PetscInt k = 0; k < nz; k++) GWInputCheck(t[k] > 0, dz, "layer thickness must be positive, found %g m for layer %" PetscInt_FMT, (double)t[k], k);
    for (PetscInt c = 0; c < nx * ny; c++)
      for (PetscInt k = 0; k < nz; k++) zbot[c + nx * ny * k] = (k ? zbot[c + nx * ny * (k - 1)] : ztop[c]) - t[k];
    PetscCall(PetscFree(t));
  } else {
    PetscInt dim[3] = {nz, ny, nx};
    GWInputCheck(bot->kind == GW_YAML_MAP, bot, "expected {netcdf: file, variable: name}");
    PetscCall(GWYamlCheckKeys_Private(bot, "grid.bottom"));
    PetscCall(ReadNetCDF(bot, "netcdf", 3, dim, zbot));
  }
  for (PetscInt k = 0; k < nz; k++)
    for (PetscInt c = 0; c < nx * ny; c++) {
      PetscReal zt = k ? zbot[c + nx * ny * (k - 1)] : ztop[c];
      GWInputCheck(zt > zbot[c + nx * ny * k], dz ? dz : bot, "cell (i=%" PetscInt_FMT ", j=%" PetscInt_FMT ", layer=%" PetscInt_FMT ") has top %g m and bottom %g m; bottoms must decrease downward", c % nx, c / nx, k, (double)zt, (double)zbot[c + nx * ny * k]);
    }
  PetscCall(GWModelSetLayerElevations(m, ztop, zbot));
  PetscCall(PetscFree4(dx, dy, ztop, zbot));
  PetscFunctionReturn(0);
}

static PetscErrorCode ReadMaterial(MPI_Comm comm, GWYamlNode v, GWMaterial *out)
{
  GWMaterial  mat;
  const char *model = NULL, *name = NULL;
  PetscReal   thr = 0, ths = 0, K = 0, Kx = 0, Ky = 0, Kz = 0, Ss = 0;
  PetscBool   hasK, hasKx, hasKy, hasKz;
  GWYamlNode  mv;

  PetscFunctionBegin;
  PetscCall(GWYamlCheckKeys_Private(v, "materials[]"));
  PetscCall(GetString(v, "name", PETSC_TRUE, &name));
  PetscCall(GetString(v, "model", PETSC_TRUE, &model));
  mv = GWYamlGet_Private(v, "model");
  GWInputCheck(!strcmp(model, GWMATERIALVANGENUCHTEN) || !strcmp(model, GWMATERIALBROOKSCOREY) || !strcmp(model, GWMATERIALGARDNER) || !strcmp(model, GWMATERIALHAVERKAMP), mv, "unknown model \"%s\"; use van-genuchten, brooks-corey, gardner or haverkamp", model);
  PetscCall(GetQuantity(v, "theta_r", "-", PETSC_FALSE, &thr, NULL));
  PetscCall(GetQuantity(v, "theta_s", "-", PETSC_TRUE, &ths, NULL));
  GWInputCheck(thr >= 0 && thr < ths && ths <= 1, v, "need 0 <= theta_r < theta_s <= 1; found theta_r %g, theta_s %g", (double)thr, (double)ths);
  PetscCall(GetQuantity(v, "K", "m/s", PETSC_FALSE, &K, &hasK));
  PetscCall(GetQuantity(v, "Kx", "m/s", PETSC_FALSE, &Kx, &hasKx));
  PetscCall(GetQuantity(v, "Ky", "m/s", PETSC_FALSE, &Ky, &hasKy));
  PetscCall(GetQuantity(v, "Kz", "m/s", PETSC_FALSE, &Kz, &hasKz));
  GWInputCheck(hasK || hasKx, v, "missing key \"K\" (saturated hydraulic conductivity, e.g. 35 cm/h) or \"Kx\"");
  if (!hasKx) Kx = K;
  if (!hasKy) Ky = Kx;
  if (!hasKz) Kz = hasK ? K : Kx;
  GWInputCheck(Kx > 0 && Ky > 0 && Kz > 0, v, "hydraulic conductivity must be positive; found Kx %g, Ky %g, Kz %g m/s", (double)Kx, (double)Ky, (double)Kz);
  PetscCall(GetQuantity(v, "Ss", "1/m", PETSC_FALSE, &Ss, NULL));
  GWInputCheck(Ss >= 0, GWYamlGet_Private(v, "Ss"), "specific storage must not be negative, found %g 1/m", (double)Ss);
  PetscCall(GWMaterialCreate(comm, &mat));
  PetscCall(PetscObjectSetName((PetscObject)mat, name));
  PetscCall(GWMaterialSetType(mat, model));
  PetscCall(GWMaterialSetWaterContentLimits(mat, thr, ths));
  PetscCall(GWMaterialSetHydraulicConductivity(mat, Kx, Ky, Kz));
  PetscCall(GWMaterialSetSpecificStorage(mat, Ss));
  if (!strcmp(model, GWMATERIALVANGENUCHTEN) || !strcmp(model, GWMATERIALGARDNER)) {
    PetscReal alpha = 0, n = 0;
    PetscCall(GetQuantity(v, "alpha", "1/m", PETSC_TRUE, &alpha, NULL));
    GWInputCheck(alpha > 0, GWYamlGet_Private(v, "alpha"), "alpha must be positive");
    if (!strcmp(model, GWMATERIALGARDNER))
      PetscCall(GWMaterialGardnerSetParameters(mat, alpha));
    else {
      PetscCall(GetQuantity(v, "n", "-", PETSC_TRUE, &n, NULL));
      GWInputCheck(n > 1, GWYamlGet_Private(v, "n"), "van Genuchten n must be greater than 1, found %g", (double)n);
      PetscCall(GWMaterialVanGenuchtenSetParameters(mat, alpha, n));
    }
  } else if (!strcmp(model, GWMATERIALBROOKSCOREY)) {
    PetscReal psib = 0, lambda = 0;
    PetscCall(GetQuantity(v, "psi_b", "m", PETSC_TRUE, &psib, NULL));
    PetscCall(GetQuantity(v, "lambda", "-", PETSC_TRUE, &lambda, NULL));
    GWInputCheck(psib > 0 && lambda > 0, v, "psi_b and lambda must be positive, found %g m and %g", (double)psib, (double)lambda);
    PetscCall(GWMaterialBrooksCoreySetParameters(mat, psib, lambda));
  } else {
    PetscReal   A = 0, beta = 0, B = 0, gamma = 0, h = 0.01;
    const char *hu = "cm";
    char        one[64], err[256];
    PetscBool   ok;
    PetscCall(GetQuantity(v, "A", "-", PETSC_TRUE, &A, NULL));
    PetscCall(GetQuantity(v, "beta", "-", PETSC_TRUE, &beta, NULL));
    PetscCall(GetQuantity(v, "B", "-", PETSC_TRUE, &B, NULL));
    PetscCall(GetQuantity(v, "gamma", "-", PETSC_TRUE, &gamma, NULL));
    PetscCall(GetString(v, "head_unit", PETSC_FALSE, &hu));
    PetscCall(PetscSNPrintf(one, sizeof(one), "1 %s", hu));
    PetscCall(GWUnitsConvert_Private(one, "m", &h, &ok, err, sizeof(err)));
    GWInputCheck(ok, GWYamlGet_Private(v, "head_unit") ? GWYamlGet_Private(v, "head_unit") : v, "%s", err);
    GWInputCheck(A > 0 && beta > 0 && B > 0 && gamma > 0, v, "A, beta, B and gamma must be positive");
    /* A [unit^beta] -> A [m^beta] */
    PetscCall(GWMaterialHaverkampSetParameters(mat, A * PetscPowReal(h, beta), beta, B * PetscPowReal(h, gamma), gamma));
  }
  *out = mat;
  PetscFunctionReturn(0);
}

/* Index of the material called name; node is where the name was read. */
static PetscErrorCode FindMaterial(GWModel m, GWYamlNode node, const char name[], PetscInt *idx)
{
  PetscFunctionBegin;
  *idx = -1;
  for (PetscInt q = 0; q < m->nmat && *idx < 0; q++) {
    const char *mname;
    PetscCall(PetscObjectGetName((PetscObject)m->mat[q], &mname));
    if (!strcmp(mname, name)) *idx = q;
  }
  GWInputCheck(*idx >= 0, node, "no material named \"%s\"", name);
  PetscFunctionReturn(0);
}

static PetscErrorCode ReadMaterialsAndZones(GWModel m, GWYamlNode root)
{
  GWYamlNode  mats = GWYamlGet_Private(root, "materials"), zones;
  PetscInt    nx = m->nx, ny = m->ny, nz = m->nz, *zone, def = 0;
  const char *dname = NULL;
  GWYamlNode  boxes;

  PetscFunctionBegin;
  if (!mats) PetscCall(MissingSection(root, "materials", " (a list of materials)"));
  GWInputCheck(mats->kind == GW_YAML_SEQ && mats->n > 0, mats, "expected a list of materials (lines starting with '- name:')");
  for (PetscInt i = 0; i < mats->n; i++) {
    GWMaterial mat;
    PetscCall(ReadMaterial(PetscObjectComm((PetscObject)m), mats->items[i], &mat));
    for (PetscInt j = 0; j < i; j++) {
      const char *a, *b;
      PetscCall(PetscObjectGetName((PetscObject)m->mat[j], &a));
      PetscCall(PetscObjectGetName((PetscObject)mat, &b));
      GWInputCheck(strcmp(a, b), GWYamlGet_Private(mats->items[i], "name"), "material name \"%s\" is used twice", b);
    }
    PetscCall(GWModelAddMaterial(m, mat, NULL));
    PetscCall(GWMaterialDestroy(&mat));
  }
  PetscCall(Section(root, "zones", PETSC_FALSE, &zones));
  if (!zones) PetscFunctionReturn(0);
  PetscCall(PetscMalloc1(nx * ny * nz, &zone));
  PetscCall(GetString(zones, "default", PETSC_FALSE, &dname));
  if (dname) PetscCall(FindMaterial(m, GWYamlGet_Private(zones, "default"), dname, &def));
  for (PetscInt c = 0; c < nx * ny * nz; c++) zone[c] = def;
  boxes = GWYamlGet_Private(zones, "boxes");
  if (boxes) {
    GWInputCheck(boxes->kind == GW_YAML_SEQ, boxes, "expected a list of boxes");
    for (PetscInt b = 0; b < boxes->n; b++) {
      GWYamlNode  box = boxes->items[b];
      const char *mn  = NULL;
      PetscInt    id, i0, i1, j0, j1, k0, k1;
      PetscCall(GWYamlCheckKeys_Private(box, "zones.boxes[]"));
      PetscCall(GetString(box, "material", PETSC_TRUE, &mn));
      PetscCall(FindMaterial(m, GWYamlGet_Private(box, "material"), mn, &id));
      PetscCall(GetRange(box, "i", nx, &i0, &i1));
      PetscCall(GetRange(box, "j", ny, &j0, &j1));
      PetscCall(GetRange(box, "k", nz, &k0, &k1));
      for (PetscInt k = k0; k <= k1; k++)
        for (PetscInt j = j0; j <= j1; j++)
          for (PetscInt i = i0; i <= i1; i++) zone[i + nx * (j + ny * k)] = id;
    }
  }
  PetscCall(GWModelSetMaterialZones(m, zone));
  PetscCall(PetscFree(zone));
  PetscFunctionReturn(0);
}

/* A series map (file, time_column, ...) into a schedule with its interpolation. */
static PetscErrorCode ReadSeries(MPI_Comm comm, GWYamlNode ser, const char pattern[], const char si[], PetscReal start_date, PetscBool have_start, GWSeries *s, GWInterpolation *gi)
{
  const char *interp = "step";

  PetscFunctionBegin;
  GWInputCheck(ser->kind == GW_YAML_MAP, ser, "expected {file:, time_column:, value_column:, unit:}");
  PetscCall(GWSeriesRead_Private(comm, ser, pattern, si, start_date, have_start, s));
  PetscCall(GetString(ser, "interpolation", PETSC_FALSE, &interp));
  GWInputCheck(!strcmp(interp, "step") || !strcmp(interp, "linear"), GWYamlGet_Private(ser, "interpolation"), "interpolation must be step or linear, found \"%s\"", interp);
  *gi = !strcmp(interp, "linear") ? GW_INTERP_LINEAR : GW_INTERP_STEP;
  PetscFunctionReturn(0);
}

/* A slot (input, parameter or option) of a package type by name, or an input error listing them. */
static PetscErrorCode FindSlot(GWYamlNode key, const char *what, PetscInt n, const GWPackageSlot *doc, const char type[], PetscInt *idx)
{
  char list[512];

  PetscFunctionBegin;
  *idx = GWPackageSlotIndex_Private(n, doc, key->value, list, sizeof(list));
  GWInputCheck(*idx >= 0, key, "package type %s has no %s \"%s\"; its %ss: %s", type, what, key->value, what, list);
  PetscFunctionReturn(0);
}

/* inputs:, parameters:, options: and segments: of the atmosphere-side packages */
static PetscErrorCode ReadPackageSlots(GWPackage pkg, GWYamlNode v, const char type[], PetscReal start_date, PetscBool have_start)
{
  GWYamlNode sec;

  PetscFunctionBegin;
  if ((sec = GWYamlGet_Private(v, "inputs"))) {
    GWInputCheck(sec->kind == GW_YAML_MAP, sec, "expected a mapping of input names to values or series");
    for (PetscInt q = 0; q < sec->n; q++) {
      PetscInt   idx = 0;
      GWYamlNode val = sec->items[q];
      char       pattern[64];
      PetscCall(FindSlot(sec->keys[q], "input", pkg->ninput, pkg->inputdoc, type, &idx));
      if (val->kind == GW_YAML_SCALAR) {
        PetscReal x = 0;
        PetscCall(Quantity(val, pkg->inputdoc[idx].unit, &x));
        PetscCall(GWPackageSetInputValue(pkg, pkg->inputdoc[idx].name, x));
      } else {
        GWSeries        s;
        GWInterpolation gi;
        PetscCall(PetscSNPrintf(pattern, sizeof(pattern), "packages[].inputs.%s", pkg->inputdoc[idx].name));
        PetscCall(ReadSeries(PetscObjectComm((PetscObject)pkg), val, pattern, pkg->inputdoc[idx].unit, start_date, have_start, &s, &gi));
        PetscCall(GWPackageSetInput(pkg, pkg->inputdoc[idx].name, s.n, s.t, s.v, gi));
        PetscCall(GWSeriesFree_Private(&s));
      }
    }
  }
  if ((sec = GWYamlGet_Private(v, "parameters"))) {
    GWInputCheck(sec->kind == GW_YAML_MAP, sec, "expected a mapping of parameter names to values");
    for (PetscInt q = 0; q < sec->n; q++) {
      PetscInt  idx = 0;
      PetscReal x   = 0;
      PetscCall(FindSlot(sec->keys[q], "parameter", pkg->nparam, pkg->paramdoc, type, &idx));
      PetscCall(Quantity(sec->items[q], pkg->paramdoc[idx].unit, &x));
      PetscCall(GWPackageSetParameter(pkg, pkg->paramdoc[idx].name, x));
    }
  }
  if ((sec = GWYamlGet_Private(v, "options"))) {
    GWInputCheck(sec->kind == GW_YAML_MAP, sec, "expected a mapping of option names to choices");
    for (PetscInt q = 0; q < sec->n; q++) {
      PetscInt    idx = 0;
      const char *c;
      PetscBool   ok = PETSC_FALSE;
      PetscCall(FindSlot(sec->keys[q], "option", pkg->noption, pkg->optiondoc, type, &idx));
      GWInputCheck(sec->items[q]->kind == GW_YAML_SCALAR, sec->items[q], "expected one word");
      for (c = pkg->optiondoc[idx].summary; *c && *c != ':';) {
        size_t l = strcspn(c, "|:");
        if (l == strlen(sec->items[q]->value) && !strncmp(c, sec->items[q]->value, l)) ok = PETSC_TRUE;
        c += l;
        if (*c == '|') c++;
      }
      GWInputCheck(ok, sec->items[q], "\"%s\" is not a choice; use one of %.*s", sec->items[q]->value, (int)strcspn(pkg->optiondoc[idx].summary, ":"), pkg->optiondoc[idx].summary);
      PetscCall(GWPackageSetOption(pkg, pkg->optiondoc[idx].name, sec->items[q]->value));
    }
  }
  if ((sec = GWYamlGet_Private(v, "segments"))) {
    PetscReal x[16], y[16];
    GWInputCheck(!strcmp(type, GWPACKAGEEVAPOTRANSPIRATION), sec, "segments belong to evapotranspiration packages");
    GWInputCheck(sec->kind == GW_YAML_SEQ && sec->n >= 1 && sec->n <= 16, sec, "expected a list of 1 to 16 [depth_fraction, rate_fraction] pairs");
    for (PetscInt q = 0; q < sec->n; q++) {
      GWYamlNode p = sec->items[q];
      GWInputCheck(p->kind == GW_YAML_SEQ && p->n == 2, p, "expected [depth_fraction, rate_fraction]");
      PetscCall(Quantity(p->items[0], "-", &x[q]));
      PetscCall(Quantity(p->items[1], "-", &y[q]));
      GWInputCheck(x[q] > 0 && x[q] < 1 && y[q] >= 0 && y[q] <= 1 && (q == 0 || x[q] > x[q - 1]), p, "depth fractions must increase within (0, 1) and rate fractions lie in [0, 1]");
    }
    PetscCall(GWPackageEvapotranspirationSetSegments(pkg, sec->n, x, y));
  }
  PetscFunctionReturn(0);
}

static PetscErrorCode ReadPackage(GWModel m, GWYamlNode v, PetscReal start_date, PetscBool have_start)
{
  static const char *types[] = {GWPACKAGEHEAD, GWPACKAGEFLUX, GWPACKAGESEEPAGEFACE, GWPACKAGEWELL, GWPACKAGEATMOSPHERE, GWPACKAGEEVAPOTRANSPIRATION, GWPACKAGEROOTUPTAKE};
  GWPackage          pkg;
  const char        *type = NULL, *name = NULL, *kind = NULL, *face = "none";
  GWYamlNode         cells, val, ser;
  PetscInt           i0, i1, j0, j1, k0, k1, t;
  GWFace             f = GW_FACE_NONE;
  const char        *si;
  PetscBool          faced, valued;

  PetscFunctionBegin;
  PetscCall(GWYamlCheckKeys_Private(v, "packages[]"));
  PetscCall(GetString(v, "type", PETSC_TRUE, &type));
  for (t = 0; t < 7 && strcmp(type, types[t]); t++) {}
  GWInputCheck(t < 7, GWYamlGet_Private(v, "type"), "unknown package type \"%s\"; use head, flux, seepage-face, well, atmosphere, evapotranspiration or root-uptake", type);
  faced  = (PetscBool)(t <= 2 || t == 4); /* boundary packages act on a face */
  valued = (PetscBool)(t <= 1 || t == 3 || t == 5);
  PetscCall(GetString(v, "name", PETSC_FALSE, &name));
  cells = GWYamlGet_Private(v, "cells");
  GWInputCheck(cells, v, "missing key \"cells\" ({i: [first, last], j: [...], k: [...], face: top})");
  PetscCall(GWYamlCheckKeys_Private(cells, "packages[].cells"));
  PetscCall(GetRange(cells, "i", m->nx, &i0, &i1));
  PetscCall(GetRange(cells, "j", m->ny, &j0, &j1));
  PetscCall(GetRange(cells, "k", m->nz, &k0, &k1));
  PetscCall(GetString(cells, "face", faced, &face));
  {
    PetscBool found = PETSC_FALSE;
    for (PetscInt q = 0; q <= GW_FACE_BOTTOM; q++)
      if (!strcmp(face, GWFaces[q])) {
        f     = (GWFace)q;
        found = PETSC_TRUE;
      }
    GWInputCheck(found, GWYamlGet_Private(cells, "face"), "unknown face \"%s\"; use west, east, south, north, top, bottom or none", face);
    GWInputCheck(f != GW_FACE_NONE || !faced, GWYamlGet_Private(cells, "face"), "a %s package acts on a face: use west, east, south, north, top or bottom", type);
    GWInputCheck(t != 4 || f == GW_FACE_TOP, GWYamlGet_Private(cells, "face"), "an atmosphere package acts on top faces: use face: top");
  }
  PetscCall(GWPackageCreate(PetscObjectComm((PetscObject)m), &pkg));
  PetscCall(GWPackageSetType(pkg, type));
  if (name) PetscCall(GWPackageSetName(pkg, name));
  PetscCall(GWPackageAddCellRange(pkg, i0, i1, j0, j1, k0, k1, f));
  PetscCall(GetString(v, "kind", PETSC_FALSE, &kind));
  if (kind) {
    GWInputCheck(!strcmp(type, GWPACKAGEHEAD), GWYamlGet_Private(v, "kind"), "\"kind\" applies to head packages only");
    GWInputCheck(!strcmp(kind, "hydraulic") || !strcmp(kind, "pressure"), GWYamlGet_Private(v, "kind"), "kind must be hydraulic or pressure, found \"%s\"", kind);
    PetscCall(GWPackageHeadSetKind(pkg, !strcmp(kind, "pressure") ? GW_HEAD_PRESSURE : GW_HEAD_HYDRAULIC));
  }
  PetscCall(ReadPackageSlots(pkg, v, type, start_date, have_start));
  si  = (t == 0) ? "m" : (t == 1 || t == 5 || t == 6) ? "m/s"
                                                      : "m^3/s";
  val = GWYamlGet_Private(v, "value");
  ser = GWYamlGet_Private(v, "series");
  if (t == 2 || t == 4)
    GWInputCheck(!val && !ser, val ? val : ser, "%s", t == 2 ? "a seepage face takes no value" : "an atmosphere package takes no value (its rates are inputs)");
  else if (valued)
    GWInputCheck(!val != !ser, v, "give exactly one of \"value\" (e.g. %s) or \"series\" (a CSV time series)", !strcmp(si, "m") ? "0.65 m" : !strcmp(si, "m/s") ? "5 mm/d"
                                                                                                                                                                : "-0.01 m^3/s");
  else
    GWInputCheck(!(val && ser), v, "give at most one of \"value\" or \"series\"");
  if (val) {
    PetscReal x = 0;
    PetscCall(Quantity(val, si, &x));
    PetscCall(GWPackageSetValue(pkg, x));
  } else if (ser) {
    GWSeries        s;
    GWInterpolation gi;
    PetscCall(ReadSeries(PetscObjectComm((PetscObject)m), ser, "packages[].series", si, start_date, have_start, &s, &gi));
    PetscCall(GWPackageSetSchedule(pkg, s.n, s.t, s.v, gi));
    PetscCall(GWSeriesFree_Private(&s));
  }
  PetscCall(GWModelAddPackage(m, pkg));
  PetscCall(GWPackageDestroy(&pkg));
  PetscFunctionReturn(0);
}

static PetscErrorCode ReadTime(GWScenario sc, GWYamlNode root, PetscReal *start_date, PetscBool *have_start)
{
  GWYamlNode  t, out, times;
  PetscReal   dt0 = 1.0, dtmin = 1e-6, dtmax = 1e10, every = 0;
  PetscInt    cuts = 10, n = 0;
  const char *date = NULL, *prefix = NULL;
  PetscBool   ok, has_every;

  PetscFunctionBegin;
  PetscCall(Section(root, "time", PETSC_TRUE, &t));
  PetscCall(GetString(t, "start_date", PETSC_FALSE, &date));
  *have_start = PETSC_FALSE;
  if (date) {
    PetscCall(GWParseDate_Private(date, start_date, &ok));
    GWInputCheck(ok, GWYamlGet_Private(t, "start_date"), "\"%s\" is not a valid date YYYY-MM-DD[THH:MM[:SS]]", date);
    *have_start = PETSC_TRUE;
  }
  PetscCall(GetQuantity(t, "end", "s", PETSC_TRUE, &sc->tend, NULL));
  GWInputCheck(sc->tend > 0, GWYamlGet_Private(t, "end"), "end time must be positive");
  PetscCall(GetQuantity(t, "dt_init", "s", PETSC_FALSE, &dt0, NULL));
  PetscCall(GetQuantity(t, "dt_min", "s", PETSC_FALSE, &dtmin, NULL));
  PetscCall(GetQuantity(t, "dt_max", "s", PETSC_FALSE, &dtmax, NULL));
  PetscCall(GetInteger(t, "max_cuts", PETSC_FALSE, 0, &cuts));
  GWInputCheck(dtmin > 0 && dtmin <= dt0 && dt0 <= dtmax, t, "need 0 < dt_min <= dt_init <= dt_max; found %g s, %g s, %g s", (double)dtmin, (double)dt0, (double)dtmax);
  PetscCall(GWModelSetTimeStepLimits(sc->model, dt0, dtmin, dtmax));
  PetscCall(GWModelSetMaxTimeStepCuts(sc->model, cuts));

  PetscCall(Section(root, "output", PETSC_FALSE, &out));
  if (out) {
    PetscCall(GetString(out, "prefix", PETSC_FALSE, &prefix));
    if (prefix && !sc->prefix_set) PetscCall(PetscStrncpy(sc->prefix, prefix, sizeof(sc->prefix)));
  }
  times = out ? GWYamlGet_Private(out, "times") : NULL;
  PetscCall(GetQuantity(out ? out : root, "every", "s", PETSC_FALSE, &every, &has_every));
  if (!out) has_every = PETSC_FALSE;
  GWInputCheck(!(times && has_every), out ? out : root, "give \"times\" or \"every\", not both");
  if (times) {
    GWInputCheck(times->kind == GW_YAML_SEQ, times, "expected a list of times, e.g. [2 h, 3 h, 4 h]");
    n = times->n;
  } else if (has_every) {
    GWInputCheck(every > 0, GWYamlGet_Private(out, "every"), "output interval must be positive");
    n = (PetscInt)PetscFloorReal(sc->tend / every * (1 + 1e-12));
  }
  PetscCall(PetscMalloc1(n + 1, &sc->tout));
  sc->nout = 0;
  for (PetscInt i = 0; i < n; i++) {
    PetscReal ti = every * (i + 1);
    if (times) {
      PetscCall(Quantity(times->items[i], "s", &ti));
      GWInputCheck(ti > 0 && ti <= sc->tend, times->items[i], "output time %g s is outside (0, end = %g s]", (double)ti, (double)sc->tend);
      GWInputCheck(!sc->nout || ti > sc->tout[sc->nout - 1], times->items[i], "output times must increase");
    }
    if (ti < sc->tend * (1 - 1e-12)) sc->tout[sc->nout++] = ti;
  }
  sc->tout[sc->nout++] = sc->tend;
  PetscFunctionReturn(0);
}

static PetscErrorCode ReadInitial(GWModel m, GWYamlNode root, GWYamlNode *field)
{
  GWYamlNode in;
  PetscReal  v = 0;
  PetscBool  hp, hw;

  PetscFunctionBegin;
  *field = NULL;
  PetscCall(Section(root, "initial", PETSC_TRUE, &in));
  PetscCall(GetQuantity(in, "pressure_head", "m", PETSC_FALSE, &v, &hp));
  if (hp) PetscCall(GWModelSetInitialPressureHead(m, v));
  PetscCall(GetQuantity(in, "water_table", "m", PETSC_FALSE, &v, &hw));
  if (hw) PetscCall(GWModelSetInitialWaterTable(m, v));
  if (GWYamlGet_Private(in, "netcdf")) *field = in;
  GWInputCheck((hp ? 1 : 0) + (hw ? 1 : 0) + (*field ? 1 : 0) == 1, in, "give exactly one of pressure_head, water_table or netcdf (with variable)");
  PetscFunctionReturn(0);
}

/* Initial pressure head from a NetCDF (layer, y, x) variable, into the distributed state. */
static PetscErrorCode ApplyInitialField(GWModel m, GWYamlNode in)
{
  PetscInt       dim[3] = {m->nz, m->ny, m->nx}, xs, ys, zs, xm, ym, zm;
  PetscReal     *a;
  PetscScalar ***x;

  PetscFunctionBegin;
  PetscCall(PetscMalloc1(m->nx * m->ny * m->nz, &a));
  PetscCall(ReadNetCDF(in, "netcdf", 3, dim, a));
  for (PetscInt c = 0; c < m->nx * m->ny * m->nz; c++) GWInputCheck(!PetscIsInfOrNanReal(a[c]), GWYamlGet_Private(in, "variable"), "initial pressure head is not finite in cell %" PetscInt_FMT, c);
  PetscCall(DMDAGetCorners(m->da, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCall(DMDAVecGetArray(m->da, m->psi, &x));
  for (PetscInt k = zs; k < zs + zm; k++)
    for (PetscInt j = ys; j < ys + ym; j++)
      for (PetscInt i = xs; i < xs + xm; i++) x[k][j][i] = a[i + m->nx * (j + m->ny * k)];
  PetscCall(DMDAVecRestoreArray(m->da, m->psi, &x));
  PetscCall(PetscFree(a));
  PetscFunctionReturn(0);
}

static PetscErrorCode ReadObservations(GWScenario sc, GWYamlNode root)
{
  GWYamlNode obs = GWYamlGet_Private(root, "observations");
  GWModel    m   = sc->model;
  PetscReal  X = 0, Y = 0;

  PetscFunctionBegin;
  if (!obs) PetscFunctionReturn(0);
  GWInputCheck(obs->kind == GW_YAML_SEQ, obs, "expected a list of points (lines starting with '- name:')");
  for (PetscInt i = 0; i < m->nx; i++) X += m->dx[i];
  for (PetscInt j = 0; j < m->ny; j++) Y += m->dy[j];
  sc->nobs = obs->n;
  PetscCall(PetscMalloc2(obs->n, &sc->obsname, 3 * obs->n, &sc->obsxyz));
  for (PetscInt o = 0; o < obs->n; o++) {
    GWYamlNode  p    = obs->items[o];
    const char *name = NULL;
    PetscCall(GWYamlCheckKeys_Private(p, "observations[]"));
    PetscCall(GetString(p, "name", PETSC_TRUE, &name));
    PetscCall(PetscStrncpy(sc->obsname[o], name, 64));
    sc->obsxyz[3 * o + 1] = 0.5 * Y;
    PetscCall(GetQuantity(p, "x", "m", PETSC_TRUE, &sc->obsxyz[3 * o], NULL));
    PetscCall(GetQuantity(p, "y", "m", PETSC_FALSE, &sc->obsxyz[3 * o + 1], NULL));
    PetscCall(GetQuantity(p, "z", "m", PETSC_TRUE, &sc->obsxyz[3 * o + 2], NULL));
    GWInputCheck(sc->obsxyz[3 * o] >= 0 && sc->obsxyz[3 * o] <= X && sc->obsxyz[3 * o + 1] >= 0 && sc->obsxyz[3 * o + 1] <= Y, p, "point (%g, %g) m is outside the grid (0..%g, 0..%g) m", (double)sc->obsxyz[3 * o], (double)sc->obsxyz[3 * o + 1], (double)X, (double)Y);
  }
  PetscFunctionReturn(0);
}

static PetscErrorCode ReadSolver(GWModel m, GWYamlNode root)
{
  GWYamlNode  s;
  const char *w = NULL;
  PetscReal   r = 0, d = 0;
  PetscBool   has;

  PetscFunctionBegin;
  PetscCall(Section(root, "solver", PETSC_FALSE, &s));
  if (!s) PetscFunctionReturn(0);
  PetscCall(GetString(s, "kr_weighting", PETSC_FALSE, &w));
  if (w) {
    GWInputCheck(!strcmp(w, "upstream") || !strcmp(w, "arithmetic"), GWYamlGet_Private(s, "kr_weighting"), "kr_weighting must be upstream or arithmetic, found \"%s\"", w);
    PetscCall(GWModelSetRelPermWeighting(m, !strcmp(w, "arithmetic") ? GW_KR_ARITHMETIC : GW_KR_UPSTREAM));
  }
  PetscCall(GetQuantity(s, "mass_balance_rtol", "-", PETSC_FALSE, &r, &has));
  if (has) {
    GWInputCheck(r > 0 && r < 1, GWYamlGet_Private(s, "mass_balance_rtol"), "must be in (0, 1), found %g", (double)r);
    PetscCall(GWModelSetMassBalanceTolerance(m, r));
  }
  PetscCall(GetQuantity(s, "dpsi_max", "m", PETSC_FALSE, &d, &has));
  if (has) {
    GWInputCheck(d >= 0, GWYamlGet_Private(s, "dpsi_max"), "must not be negative");
    m->dpsi_max = d;
  }
  PetscFunctionReturn(0);
}

/* ---- the object ---------------------------------------------------------------------------------- */

/*@C
  GWScenarioCreate - creates an empty scenario

  Collective

  Input Parameter:
. comm - communicator the model is distributed over

  Output Parameter:
. sc - the scenario

  Level: beginner

.seealso: `GWScenarioLoad()`, `GWScenarioRun()`
@*/
PetscErrorCode GWScenarioCreate(MPI_Comm comm, GWScenario *sc)
{
  GWScenario s;

  PetscFunctionBegin;
  PetscCall(GWInitializePackage());
  if (!GWSCENARIO_CLASSID) PetscCall(PetscClassIdRegister("GW Scenario", &GWSCENARIO_CLASSID));
  PetscCall(PetscHeaderCreate(s, GWSCENARIO_CLASSID, "GWScenario", "Scenario file and run", "GW", comm, GWScenarioDestroy, GWScenarioView));
  *sc = s;
  PetscFunctionReturn(0);
}

/*@C
  GWScenarioLoad - reads a YAML scenario file and builds its model (set up, with its initial state)

  Collective

  Input Parameters:
+ sc - the scenario
- file - path of the YAML file; files it names (CSV, NetCDF) are relative to its folder

  Errors:
  PETSC_ERR_USER_INPUT with a message "file:line:column: key: what was expected and found" for
  any malformed, missing, unknown (with a did-you-mean suggestion) or out-of-range entry, bare
  numbers where a unit is needed, bad dates, gaps or unsorted times in series;
  PETSC_ERR_FILE_OPEN when the file cannot be read. Keys are listed in doc/input.md.

  Notes:
  PETSc options (-gw_snes_*, -gw_ksp_*, -gw_dt_max, ...) given on the command line override the
  file; they are read after it.

  Level: beginner

.seealso: `GWScenarioRun()`, `GWScenarioKeysView()`
@*/
PetscErrorCode GWScenarioLoad(GWScenario sc, const char file[])
{
  GWYamlDoc   doc;
  GWYamlNode  root, pk, field = NULL;
  PetscReal   start_date = 0;
  PetscBool   have_start = PETSC_FALSE;
  const char *title      = NULL;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(sc, GWSCENARIO_CLASSID, 1);
  PetscCheck(!sc->model, PetscObjectComm((PetscObject)sc), PETSC_ERR_ARG_WRONGSTATE, "A scenario loads one file");
  PetscCall(PetscStrallocpy(file, &sc->file));
  if (!sc->prefix_set) {
    const char *base = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;
    size_t      l    = strlen(base);
    if (l > 5 && !strcmp(base + l - 5, ".yaml"))
      l -= 5;
    else if (l > 4 && !strcmp(base + l - 4, ".yml"))
      l -= 4;
    PetscCall(PetscSNPrintf(sc->prefix, sizeof(sc->prefix), "%.*s", (int)l, base));
  }
  PetscCall(GWYamlLoad_Private(file, &doc));
  root = doc.root;
  PetscCall(GWYamlCheckKeys_Private(root, ""));
  PetscCall(GetString(root, "title", PETSC_FALSE, &title));
  if (title) PetscCall(PetscStrncpy(sc->title, title, sizeof(sc->title)));
  PetscCall(GWModelCreate(PetscObjectComm((PetscObject)sc), &sc->model));
  PetscCall(ReadGrid(sc->model, root));
  PetscCall(ReadMaterialsAndZones(sc->model, root));
  PetscCall(ReadInitial(sc->model, root, &field));
  PetscCall(ReadTime(sc, root, &start_date, &have_start));
  pk = GWYamlGet_Private(root, "packages");
  if (pk) {
    GWInputCheck(pk->kind == GW_YAML_SEQ, pk, "expected a list of packages (lines starting with '- type:')");
    for (PetscInt p = 0; p < pk->n; p++) PetscCall(ReadPackage(sc->model, pk->items[p], start_date, have_start));
  }
  PetscCall(ReadSolver(sc->model, root));
  PetscCall(ReadObservations(sc, root));
  PetscCall(GWModelSetFromOptions(sc->model));
  PetscCall(GWModelSetUp(sc->model));
  if (field) PetscCall(ApplyInitialField(sc->model, field));
  PetscCall(GWYamlFree_Private(&doc));
  PetscFunctionReturn(0);
}

/*@C
  GWScenarioGetModel - gets the model built from the scenario (borrowed)

  Not collective

  Input Parameter:
. sc - the scenario, after GWScenarioLoad()

  Output Parameter:
. model - the model

  Level: beginner

.seealso: `GWScenarioLoad()`
@*/
PetscErrorCode GWScenarioGetModel(GWScenario sc, GWModel *model)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(sc, GWSCENARIO_CLASSID, 1);
  *model = sc->model;
  PetscFunctionReturn(0);
}

/*@C
  GWScenarioSetOutputPrefix - sets the prefix of output files, overriding output.prefix

  Logically collective

  Input Parameters:
+ sc - the scenario (before GWScenarioLoad())
- prefix - the prefix, e.g. "out/vauclin": files out/vauclin.nc, out/vauclin-obs.csv, out/vauclin-budget.csv

  Level: beginner

.seealso: `GWScenarioGetOutputPrefix()`
@*/
PetscErrorCode GWScenarioSetOutputPrefix(GWScenario sc, const char prefix[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(sc, GWSCENARIO_CLASSID, 1);
  PetscCall(PetscStrncpy(sc->prefix, prefix, sizeof(sc->prefix)));
  sc->prefix_set = PETSC_TRUE;
  PetscFunctionReturn(0);
}

/*@C
  GWScenarioGetOutputPrefix - gets the prefix of output files

  Not collective

  Input Parameter:
. sc - the scenario

  Output Parameter:
. prefix - the prefix (borrowed)

  Level: beginner

.seealso: `GWScenarioSetOutputPrefix()`
@*/
PetscErrorCode GWScenarioGetOutputPrefix(GWScenario sc, const char *prefix[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(sc, GWSCENARIO_CLASSID, 1);
  *prefix = sc->prefix;
  PetscFunctionReturn(0);
}

/*@C
  GWScenarioSetMonitor - prints one progress line per output time to viewer

  Logically collective

  Input Parameters:
+ sc - the scenario
- viewer - an ASCII viewer (e.g. PETSC_VIEWER_STDOUT_WORLD), or NULL for no progress lines

  Level: beginner

.seealso: `GWScenarioRun()`
@*/
PetscErrorCode GWScenarioSetMonitor(GWScenario sc, PetscViewer viewer)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(sc, GWSCENARIO_CLASSID, 1);
  if (viewer) PetscCall(PetscObjectReference((PetscObject)viewer));
  PetscCall(PetscViewerDestroy(&sc->monitor));
  sc->monitor = viewer;
  PetscFunctionReturn(0);
}

/*@C
  GWScenarioView - prints the scenario's model, output times and observation points

  Collective

  Input Parameters:
+ sc - the scenario
- viewer - an ASCII viewer, or NULL for stdout

  Level: beginner

.seealso: `GWModelView()`
@*/
PetscErrorCode GWScenarioView(GWScenario sc, PetscViewer viewer)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(sc, GWSCENARIO_CLASSID, 1);
  if (!viewer) PetscCall(PetscViewerASCIIGetStdout(PetscObjectComm((PetscObject)sc), &viewer));
  PetscCall(PetscViewerASCIIPrintf(viewer, "Scenario %s: %s\n", sc->file ? sc->file : "(none)", sc->title));
  PetscCall(PetscViewerASCIIPrintf(viewer, "  end %g s, %" PetscInt_FMT " output times, %" PetscInt_FMT " observation points, output prefix %s\n", (double)sc->tend, sc->nout, sc->nobs, sc->prefix));
  if (sc->model) PetscCall(GWModelView(sc->model, viewer));
  PetscFunctionReturn(0);
}

/*@C
  GWScenarioDestroy - destroys a scenario and its model

  Collective

  Input Parameter:
. sc - the scenario; set to NULL on return

  Level: beginner

.seealso: `GWScenarioCreate()`
@*/
PetscErrorCode GWScenarioDestroy(GWScenario *sc)
{
  PetscFunctionBegin;
  if (!sc || !*sc) PetscFunctionReturn(0);
  PetscValidHeaderSpecific(*sc, GWSCENARIO_CLASSID, 1);
  if (--((PetscObject)(*sc))->refct > 0) {
    *sc = NULL;
    PetscFunctionReturn(0);
  }
  PetscCall(GWModelDestroy(&(*sc)->model));
  PetscCall(PetscFree((*sc)->file));
  PetscCall(PetscFree((*sc)->tout));
  PetscCall(PetscFree2((*sc)->obsname, (*sc)->obsxyz));
  PetscCall(PetscViewerDestroy(&(*sc)->monitor));
  PetscCall(PetscHeaderDestroy(sc));
  PetscFunctionReturn(0);
}
