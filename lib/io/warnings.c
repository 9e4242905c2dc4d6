/* Warnings about scenarios that are valid but probably not what the user meant, found once the
   model is set up: evaporation counted twice (an atmosphere and a phreatic-evapotranspiration
   package on the same columns), an elevation given where a depth seems meant (an initial water
   table or an observation point far outside the grid, where the same number read as a depth
   below the land surface would be inside it). Each is one line on stderr (rank 0),
   "warning: FILE:LINE:COL: KEY: what, why it is suspicious, what to write instead"; the run goes
   on. */
#include <gw/private/ioimpl.h>
#include <gw/private/modelimpl.h>
#include <gw/private/packageimpl.h>
#include <string.h>

static PetscErrorCode Warn(GWScenario sc, GWYamlNode node, const char msg[])
{
  PetscFunctionBegin;
  PetscCall(PetscFPrintf(PetscObjectComm((PetscObject)sc), PETSC_STDERR, "warning: %s:%" PetscInt_FMT ":%" PetscInt_FMT ": %s: %s\n", node->file, node->line, node->col, node->path, msg));
  PetscFunctionReturn(0);
}

/* The scenario node of the package named name: packages[p] with that name, else packages. */
static GWYamlNode PackageNode(GWYamlNode root, const char name[])
{
  GWYamlNode list = GWYamlGet_Private(root, "packages");

  for (PetscInt p = 0; list && list->kind == GW_YAML_SEQ && p < list->n; p++) {
    GWYamlNode n = GWYamlGet_Private(list->items[p], "name");
    if (n && n->kind == GW_YAML_SCALAR && !strcmp(n->value, name)) return list->items[p];
  }
  return list ? list : root;
}

static int CompareInt(const void *a, const void *b)
{
  PetscInt x = *(const PetscInt *)a, y = *(const PetscInt *)b;
  return x < y ? -1 : x > y;
}

/* The sorted distinct columns j nx + i of a package's cells (every rank holds the cell list). */
static PetscErrorCode Columns(GWModel m, GWPackage pkg, PetscInt *n, PetscInt **col)
{
  PetscInt k = 0;

  PetscFunctionBegin;
  PetscCall(PetscMalloc1(pkg->ncell + 1, col));
  for (PetscInt c = 0; c < pkg->ncell; c++) (*col)[c] = pkg->cell[4 * c + 1] * m->nx + pkg->cell[4 * c];
  qsort(*col, (size_t)pkg->ncell, sizeof(PetscInt), CompareInt);
  for (PetscInt c = 0; c < pkg->ncell; c++)
    if (!k || (*col)[c] != (*col)[k - 1]) (*col)[k++] = (*col)[c];
  *n = k;
  PetscFunctionReturn(0);
}

/* An atmosphere package takes soil evaporation from the top cells; a phreatic
   evapotranspiration package takes evaporation from the water table of the same columns again. */
static PetscErrorCode WarnDoubleEvaporation(GWScenario sc, GWYamlNode root)
{
  GWModel m = sc->model;

  PetscFunctionBegin;
  for (PetscInt a = 0; a < m->npkg; a++) {
    GWPackageType ta;
    PetscCall(GWPackageGetType(m->pkg[a], &ta));
    if (strcmp(ta, GWPACKAGEATMOSPHERE)) continue;
    for (PetscInt e = 0; e < m->npkg; e++) {
      GWPackageType te;
      PetscInt      na, ne, *ca, *ce, both = 0, first = -1;
      const char   *nma, *nme;
      char          msg[1024];
      PetscCall(GWPackageGetType(m->pkg[e], &te));
      if (strcmp(te, GWPACKAGEEVAPOTRANSPIRATION)) continue;
      PetscCall(Columns(m, m->pkg[a], &na, &ca));
      PetscCall(Columns(m, m->pkg[e], &ne, &ce));
      for (PetscInt p = 0, q = 0; p < na && q < ne;) {
        if (ca[p] == ce[q]) {
          if (first < 0) first = ca[p];
          both++, p++, q++;
        } else if (ca[p] < ce[q]) p++;
        else q++;
      }
      PetscCall(PetscFree(ca));
      PetscCall(PetscFree(ce));
      if (!both) continue;
      PetscCall(GWPackageGetName(m->pkg[a], &nma));
      PetscCall(GWPackageGetName(m->pkg[e], &nme));
      PetscCall(PetscSNPrintf(msg, sizeof(msg), "the atmosphere package \"%s\" and this evapotranspiration package act on the same %" PetscInt_FMT " column%s (the first i = %" PetscInt_FMT ", j = %" PetscInt_FMT "): evaporation is counted twice there, from the soil surface by \"%s\" and from the water table by \"%s\"; use one of them per column (atmosphere for a resolved unsaturated zone, evapotranspiration for coarse layers)", nma, both, both > 1 ? "s" : "", first % m->nx, first / m->nx, nma, nme));
      PetscCall(Warn(sc, PackageNode(root, nme), msg));
    }
  }
  PetscFunctionReturn(0);
}

/* Lowest bottom, lowest and highest top over the grid, and the top and bottom of the columns
   holding the observation points (ranks owning layer 0 / the last layer give them). */
static PetscErrorCode Extents(GWScenario sc, PetscReal ext[3], PetscReal *col)
{
  GWModel        m = sc->model;
  PetscScalar ****g;
  PetscInt        xs, ys, zs, xm, ym, zm;

  PetscFunctionBegin;
  ext[0] = ext[1] = PETSC_MAX_REAL;
  ext[2]          = PETSC_MIN_REAL;
  for (PetscInt o = 0; o < 2 * sc->nobs; o++) col[o] = PETSC_MIN_REAL;
  PetscCall(DMDAGetCorners(m->da, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCall(DMDAVecGetArrayDOFRead(m->dageo, m->geo, &g));
  for (PetscInt k = zs; k < zs + zm; k++)
    for (PetscInt j = ys; j < ys + ym; j++)
      for (PetscInt i = xs; i < xs + xm; i++) {
        ext[0] = PetscMin(ext[0], g[k][j][i][GW_GEO_ZBOT]);
        ext[1] = PetscMin(ext[1], g[k][j][i][GW_GEO_ZTOP]);
        ext[2] = PetscMax(ext[2], g[k][j][i][GW_GEO_ZTOP]);
      }
  for (PetscInt o = 0; o < sc->nobs; o++) {
    PetscReal px = sc->obsxyz[3 * o], py = sc->obsxyz[3 * o + 1], xe = 0, ye = 0;
    PetscInt  i = 0, j = 0;
    while (i < m->nx - 1 && xe + m->dx[i] < px) xe += m->dx[i++];
    while (j < m->ny - 1 && ye + m->dy[j] < py) ye += m->dy[j++];
    if (i < xs || i >= xs + xm || j < ys || j >= ys + ym) continue;
    if (zs == 0) col[2 * o] = g[0][j][i][GW_GEO_ZTOP];
    if (zs + zm == m->nz) col[2 * o + 1] = -g[m->nz - 1][j][i][GW_GEO_ZBOT]; /* max of -bottom */
  }
  PetscCall(DMDAVecRestoreArrayDOFRead(m->dageo, m->geo, &g));
  ext[0] = -ext[0];
  ext[1] = -ext[1];
  PetscCallMPI(MPI_Allreduce(MPI_IN_PLACE, ext, 3, MPIU_REAL, MPIU_MAX, PetscObjectComm((PetscObject)m)));
  PetscCallMPI(MPI_Allreduce(MPI_IN_PLACE, col, (PetscMPIInt)(2 * sc->nobs), MPIU_REAL, MPIU_MAX, PetscObjectComm((PetscObject)m)));
  ext[0] = -ext[0];
  ext[1] = -ext[1];
  for (PetscInt o = 0; o < sc->nobs; o++) col[2 * o + 1] = -col[2 * o + 1];
  PetscFunctionReturn(0);
}

/* An elevation z outside [bot, top] that, read as a depth below top, would lie inside. */
static PetscBool LooksLikeDepth(PetscReal z, PetscReal bot, PetscReal top)
{
  return (PetscBool)((z < bot || z > top) && z >= 0 && top - z >= bot && top - z <= top);
}

static PetscErrorCode WarnElevations(GWScenario sc, GWYamlNode root)
{
  GWYamlNode in = GWYamlGet_Private(root, "initial"), wt = in && in->kind == GW_YAML_MAP ? GWYamlGet_Private(in, "water_table") : NULL, obs = GWYamlGet_Private(root, "observations");
  PetscReal  ext[3], *col;
  char       msg[1024];

  PetscFunctionBegin;
  PetscCall(PetscMalloc1(2 * sc->nobs + 1, &col));
  PetscCall(Extents(sc, ext, col));
  if (wt && wt->kind == GW_YAML_SCALAR) {
    PetscReal z;
    PetscCall(GWReadQuantity_Private(wt, "m", &z));
    if (z < ext[0] || z > ext[2]) {
      PetscCall(PetscSNPrintf(msg, sizeof(msg), "the initial water table at elevation %g m is %s the whole grid (bottom %g m, land surface %g to %g m)", (double)z, z < ext[0] ? "below" : "above", (double)ext[0], (double)ext[1], (double)ext[2]));
      if (LooksLikeDepth(z, ext[0], ext[2])) {
        char more[256];
        PetscCall(PetscSNPrintf(more, sizeof(more), "; water_table is an elevation (same datum as grid.top), not a depth: for a water table %g m below a land surface at %g m write water_table: %g m", (double)z, (double)ext[2], (double)(ext[2] - z)));
        PetscCall(PetscStrlcat(msg, more, sizeof(msg)));
      }
      PetscCall(Warn(sc, wt, msg));
    }
  }
  for (PetscInt o = 0; o < sc->nobs && obs; o++) {
    PetscReal  z = sc->obsxyz[3 * o + 2], top = col[2 * o], bot = col[2 * o + 1];
    GWYamlNode zn;
    if (sc->obspkg && sc->obspkg[2 * o] >= 0) continue; /* a reach or a spring: no point */
    if (!PetscIsNanReal(sc->obsrange[2 * o])) {
      if (top - sc->obsrange[2 * o + 1] < bot - 1e-9 * PetscMax(1.0, PetscAbsReal(bot))) {
        PetscCall(PetscFree(col)); /* before the error returns (LeakSanitizer) */
        GWInputCheck(PETSC_FALSE, GWYamlGet_Private(obs->items[o], "depth"), "layer observation \"%s\": depth %g m reaches below the bottom of its column (%g m deep: land surface %g m, bottom %g m); give depths within the column", sc->obsname[o], (double)sc->obsrange[2 * o + 1], (double)(top - bot), (double)top, (double)bot);
      }
      continue;
    }
    if (z >= bot && z <= top) continue;
    zn = GWYamlGet_Private(obs->items[o], "z");
    PetscCall(PetscSNPrintf(msg, sizeof(msg), "observation point \"%s\" at elevation %g m is %s its column (bottom %g m, land surface %g m): the value of the nearest cell centre is recorded", sc->obsname[o], (double)z, z < bot ? "below" : "above", (double)bot, (double)top));
    if (LooksLikeDepth(z, bot, top)) {
      char more[256];
      PetscCall(PetscSNPrintf(more, sizeof(more), "; z is an elevation (same datum as grid.top), not a depth: for a point %g m below the land surface write z: %g m", (double)z, (double)(top - z)));
      PetscCall(PetscStrlcat(msg, more, sizeof(msg)));
    }
    PetscCall(Warn(sc, zn ? zn : obs->items[o], msg));
  }
  PetscCall(PetscFree(col));
  PetscFunctionReturn(0);
}

/* The warnings of this file, on a scenario whose model is set up (collective). */
PetscErrorCode GWScenarioWarn_Private(GWScenario sc, GWYamlNode root)
{
  PetscFunctionBegin;
  PetscCall(WarnDoubleEvaporation(sc, root));
  PetscCall(WarnElevations(sc, root));
  PetscFunctionReturn(0);
}
