/* The initial section of a scenario: a uniform pressure head, a water table (a flat elevation, a
   NetCDF surface of elevations, or a depth below the land surface of every column, each with a
   hydrostatic pressure head), or a pressure-head field from NetCDF, possibly one record of an
   earlier run's output (spin-up from a previous run). */
#include <gw/private/ioimpl.h>
#include <gw/private/modelimpl.h>

/* The water-content profile wc = {depth: [d_0 < d_1 < ...] m below the land surface, value:
   [theta_0, theta_1, ...]}: checked, and returned in *n, *d and *v (allocated; NULL to check only). */
static PetscErrorCode ReadProfile(GWYamlNode wc, PetscInt *n, PetscReal **d, PetscReal **v)
{
  GWYamlNode dn, vn;
  PetscReal *dd, *vv;

  PetscFunctionBegin;
  GWInputCheck(wc->kind == GW_YAML_MAP, wc, "expected a profile {depth: [0 cm, 30 cm, ...], value: [0.12, 0.18, ...]}: water contents at depths below the land surface");
  PetscCall(GWYamlCheckKeys_Private(wc, "initial.water_content"));
  dn = GWYamlGet_Private(wc, "depth");
  vn = GWYamlGet_Private(wc, "value");
  GWInputCheck(dn && vn, wc, "needs both depth (a list of depths below the land surface) and value (the water contents there)");
  GWInputCheck(dn->kind == GW_YAML_SEQ && dn->n > 0, dn, "expected a list of depths below the land surface, e.g. [0 cm, 30 cm, 60 cm]");
  GWInputCheck(vn->kind == GW_YAML_SEQ && vn->n == dn->n, vn, "expected a list of %" PetscInt_FMT " water contents, one per depth", dn->n);
  /* each value read and checked before the arrays exist, so no error path leaves them allocated */
  for (PetscInt i = 0; i < dn->n; i++) {
    PetscReal a, b, prev = 0;
    PetscCall(GWReadQuantity_Private(dn->items[i], "m", &a));
    PetscCall(GWReadQuantity_Private(vn->items[i], "-", &b));
    if (i) PetscCall(GWReadQuantity_Private(dn->items[i - 1], "m", &prev));
    GWInputCheck(a >= 0 && (!i || a > prev), dn->items[i], "depths must be >= 0 and increase, found %g m after %g m", (double)a, (double)prev);
    GWInputCheck(b > 0 && b < 1, vn->items[i], "a water content is a volume fraction in (0, 1), found %g (percent?)", (double)b);
  }
  PetscCall(PetscMalloc2(dn->n, &dd, dn->n, &vv));
  PetscCall(GWReadQuantityArray_Private(dn, "m", dn->n, dd));
  PetscCall(GWReadQuantityArray_Private(vn, "-", vn->n, vv));
  if (n) {
    *n = dn->n;
    *d = dd;
    *v = vv;
  } else PetscCall(PetscFree2(dd, vv));
  PetscFunctionReturn(0);
}

/* Reads what can be set before GWModelSetUp(); returns in *later the section when the state is
   filled after set-up (from the geometry or a NetCDF file), else NULL. */
PetscErrorCode GWScenarioReadInitial_Private(GWModel m, GWYamlNode root, GWYamlNode *later)
{
  GWYamlNode in, wt;
  PetscReal  v = 0;
  PetscBool  hp, hw = PETSC_FALSE, hd, hn, hc;

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
  hc = (PetscBool)!!GWYamlGet_Private(in, "water_content");
  if (hc) PetscCall(ReadProfile(GWYamlGet_Private(in, "water_content"), NULL, NULL, NULL));
  GWInputCheck((hp ? 1 : 0) + (hw ? 1 : 0) + (hd ? 1 : 0) + (hn ? 1 : 0) + (hc ? 1 : 0) == 1, in, "give exactly one of pressure_head, water_table, water_table_depth, water_content (a profile) or netcdf (with variable)");
  GWInputCheck(!GWYamlGet_Private(in, "record") || hn, GWYamlGet_Private(in, "record"), "record goes with netcdf: the record of a (time, layer, y, x) variable to start from");
  if (hn || hd || hc || (wt && wt->kind == GW_YAML_MAP)) *later = in;
  PetscFunctionReturn(0);
}

/* The pressure head of every cell from the water-content profile wc: the water content at the
   depth of the cell centre below its column's top, interpolated linearly between the profile's
   depths (held at the end values above the first and below the last, with a warning counting those
   cells), turned into a pressure head by the inverse retention curve of the cell's material. */
static PetscErrorCode ApplyProfile(GWModel m, GWYamlNode wc)
{
  PetscInt        xs, ys, zs, xm, ym, zm, n, outside = 0;
  PetscReal      *d, *v, worst = 0;
  PetscScalar ***psi, ****g;
  PetscErrorCode  ierr = 0;
  char            msg[512] = "";

  PetscFunctionBegin;
  PetscCall(ReadProfile(wc, &n, &d, &v));
  PetscCall(DMDAGetCorners(m->da, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCall(DMDAVecGetArray(m->da, m->psi, &psi));
  PetscCall(DMDAVecGetArrayDOFRead(m->dageo, m->geo, &g));
  for (PetscInt k = zs; k < zs + zm && !ierr; k++)
    for (PetscInt j = ys; j < ys + ym && !ierr; j++)
      for (PetscInt i = xs; i < xs + xm && !ierr; i++) {
        PetscReal  depth = g[k][j][i][GW_GEO_ZTOP] - g[k][j][i][GW_GEO_ZC], th, ths, thr;
        GWMaterial mat   = m->mat[(PetscInt)g[k][j][i][GW_GEO_MAT]];
        PetscInt   a     = 0;
        if (depth <= d[0] || depth >= d[n - 1]) {
          th = depth <= d[0] ? v[0] : v[n - 1];
          if (depth < d[0] || depth > d[n - 1]) outside++, worst = PetscMax(worst, depth < d[0] ? d[0] - depth : depth - d[n - 1]);
        } else {
          while (d[a + 1] < depth) a++;
          th = v[a] + (v[a + 1] - v[a]) * (depth - d[a]) / (d[a + 1] - d[a]);
        }
        PetscCall(GWMaterialGetWaterContentLimits(mat, &thr, &ths));
        if (th <= thr || th > ths) {
          PetscCall(PetscSNPrintf(msg, sizeof(msg), "water content %g at depth %g m (cell %" PetscInt_FMT ", %" PetscInt_FMT ", %" PetscInt_FMT ") is outside what material \"%s\" can hold (theta_r %g < theta <= theta_s %g); check the profile or the material", (double)th, (double)depth, i, j, k, ((PetscObject)mat)->name ? ((PetscObject)mat)->name : "?", (double)thr, (double)ths));
          ierr = 1;
          break;
        }
        PetscCall(GWMaterialGetPressureHead(mat, th, &psi[k][j][i]));
      }
  PetscCall(DMDAVecRestoreArrayDOFRead(m->dageo, m->geo, &g));
  PetscCall(DMDAVecRestoreArray(m->da, m->psi, &psi));
  PetscCall(PetscFree2(d, v));
  {
    PetscInt    bad = ierr, nout = outside;
    PetscMPIInt rank;
    PetscCallMPI(MPI_Allreduce(MPI_IN_PLACE, &bad, 1, MPIU_INT, MPI_MAX, PetscObjectComm((PetscObject)m)));
    PetscCallMPI(MPI_Allreduce(MPI_IN_PLACE, &nout, 1, MPIU_INT, MPI_SUM, PetscObjectComm((PetscObject)m)));
    PetscCallMPI(MPI_Allreduce(MPI_IN_PLACE, &worst, 1, MPIU_REAL, MPI_MAX, PetscObjectComm((PetscObject)m)));
    PetscCallMPI(MPI_Comm_rank(PetscObjectComm((PetscObject)m), &rank));
    if (bad && !ierr) PetscCall(PetscSNPrintf(msg, sizeof(msg), "a water content of the profile is outside what a cell's material can hold (theta_r < theta <= theta_s), on another rank; check the profile or the materials"));
    GWInputCheck(!bad, wc, "%s", msg);
    if (nout && !rank) PetscCall(PetscFPrintf(PETSC_COMM_SELF, PETSC_STDERR, "warning: %s:%" PetscInt_FMT ":%" PetscInt_FMT ": %s: %" PetscInt_FMT " cells lie outside the profile's depths (up to %g m beyond): they take the nearest end value; extend the profile to cover the column\n", wc->file, wc->line, wc->col, wc->path, nout, (double)worst));
  }
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
  if (GWYamlGet_Private(in, "water_content")) {
    PetscCall(ApplyProfile(m, GWYamlGet_Private(in, "water_content")));
    PetscFunctionReturn(0);
  }
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
