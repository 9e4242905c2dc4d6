/* GWScenario: a YAML scenario file read into a GWModel, with its output times and observation
   points. Every value is checked where it is read; errors name file:line:column and the key. */
#include <gw/private/ioimpl.h>
#include <gw/private/modelimpl.h>
#include <netcdf.h>
#include <errno.h>
#include <stdint.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

PetscClassId GWSCENARIO_CLASSID;

/* ---- sections ----------------------------------------------------------------------------------- */

/* Layer elevations into vt (cell tops) and vb (cell bottoms), global vectors of the model's DMDA,
   with ztop [xm * ym] and t [nz] as work space (all the caller's, also on error). */
static PetscErrorCode ReadElevations(GWModel m, GWYamlNode g, Vec vt, Vec vb, PetscReal ztop[], PetscReal t[])
{
  GWYamlNode           top = GWYamlGet_Private(g, "top"), dz, bot;
  PetscInt             nx = m->nx, ny = m->ny, nz = m->nz, xs, ys, zs, xm, ym, zm, bad = -1, c;
  PetscReal            badv[2] = {0, 0};
  DM                   da;
  Vec                  bl;
  PetscScalar       ***at, ***ab;
  const PetscScalar ***b;

  PetscFunctionBegin;
  PetscCall(GWModelGetDM(m, &da));
  PetscCall(DMDAGetCorners(da, &xs, &ys, &zs, &xm, &ym, &zm));
  /* ztop: this rank's columns, (i - xs) + xm (j - ys) */
  if (top->kind == GW_YAML_MAP) {
    PetscInt     dim[2]   = {ny, nx};
    const size_t start[2] = {(size_t)ys, (size_t)xs}, count[2] = {(size_t)ym, (size_t)xm};
    PetscCall(GWYamlCheckKeys_Private(top, "grid.top"));
    PetscCall(GWReadNetCDF_Private(PetscObjectComm((PetscObject)da), top, "netcdf", 2, dim, start, count, "m", ztop));
  } else {
    PetscCall(GWReadQuantityArray_Private(top, "m", 1, ztop));
    for (PetscInt q = 1; q < xm * ym; q++) ztop[q] = ztop[0];
  }
  dz  = GWYamlGet_Private(g, "dz");
  bot = GWYamlGet_Private(g, "bottom");
  GWInputCheck(!dz != !bot, g, "give exactly one of \"dz\" (layer thicknesses) or \"bottom\" (layer bottom elevations)");
  if (dz) {
    PetscCall(GWReadQuantityArray_Private(dz, "m", nz, t));
    for (PetscInt k = 0; k < nz; k++) GWInputCheck(t[k] > 0, dz, "layer thickness must be positive, found %g m for layer %" PetscInt_FMT, (double)t[k], k);
  } else {
    PetscInt       dim[3]   = {nz, ny, nx};
    const size_t   start[3] = {(size_t)zs, (size_t)ys, (size_t)xs}, count[3] = {(size_t)zm, (size_t)ym, (size_t)xm};
    PetscScalar   *a;
    PetscErrorCode ierr;
    GWInputCheck(bot->kind == GW_YAML_MAP, bot, "expected {netcdf: file, variable: name}");
    PetscCall(GWYamlCheckKeys_Private(bot, "grid.bottom"));
    PetscCall(VecGetArray(vb, &a)); /* a rank's block of a DMDA vector is its hyperslab, x fastest */
    ierr = GWReadNetCDF_Private(PetscObjectComm((PetscObject)da), bot, "netcdf", 3, dim, start, count, "m", a);
    PetscCall(VecRestoreArray(vb, &a));
    PetscCall(ierr);
  }
  PetscCall(DMDAVecGetArray(da, vt, &at));
  PetscCall(DMDAVecGetArray(da, vb, &ab));
  for (PetscInt j = ys; j < ys + ym; j++)
    for (PetscInt i = xs; i < xs + xm; i++) {
      PetscReal zc = ztop[(i - xs) + xm * (j - ys)], z = zc;
      for (PetscInt k = 0; k < zs + zm; k++) {
        if (dz) z -= t[k]; /* the bottoms from dz in the same order of operations on every rank */
        if (k < zs) continue;
        at[k][j][i] = zc;
        if (dz) ab[k][j][i] = z;
      }
    }
  PetscCall(DMDAVecRestoreArray(da, vb, &ab));
  PetscCall(DMDAVecRestoreArray(da, vt, &at));
  /* the top of a cell below layer 0 is the bottom of the layer above, perhaps on another rank */
  PetscCall(DMGetLocalVector(da, &bl));
  PetscCall(DMGlobalToLocal(da, vb, INSERT_VALUES, bl));
  PetscCall(DMDAVecGetArrayRead(da, bl, &b));
  for (PetscInt k = zs; k < zs + zm; k++)
    for (PetscInt j = ys; j < ys + ym; j++)
      for (PetscInt i = xs; i < xs + xm; i++) {
        PetscReal zt = k ? PetscRealPart(b[k - 1][j][i]) : ztop[(i - xs) + xm * (j - ys)], zb = PetscRealPart(b[k][j][i]);
        if (bad < 0 && !(zt > zb)) {
          bad     = i + nx * (j + ny * k);
          badv[0] = zt;
          badv[1] = zb;
        }
      }
  PetscCall(DMDAVecRestoreArrayRead(da, bl, &b));
  PetscCall(DMRestoreLocalVector(da, &bl));
  PetscCall(GWModelFirstBadCell_Private(m, bad, 2, badv, &c));
  GWInputCheck(c < 0, dz ? dz : bot, "cell (i=%" PetscInt_FMT ", j=%" PetscInt_FMT ", layer=%" PetscInt_FMT ") has top %g m and bottom %g m; bottoms must decrease downward", c % nx, (c / nx) % ny, c / (nx * ny), (double)badv[0], (double)badv[1]);
  PetscFunctionReturn(0);
}

/* Layer elevations: the column tops (one value, or a NetCDF (y, x) variable) and either layer
   thicknesses dz or a NetCDF (layer, y, x) variable of layer bottoms. Each rank reads only the
   block of its own cells, into vectors of the model's DMDA. */
static PetscErrorCode ReadLayers(GWModel m, GWYamlNode g)
{
  PetscInt       xm, ym;
  PetscReal     *ztop, *t;
  DM             da;
  Vec            vt, vb;
  PetscErrorCode ierr;

  PetscFunctionBegin;
  PetscCall(GWModelGetDM(m, &da));
  PetscCall(DMDAGetCorners(da, NULL, NULL, NULL, &xm, &ym, NULL));
  GWInputCheck(GWYamlGet_Private(g, "top"), g, "missing key \"top\" (top elevation, e.g. 2 m)");
  PetscCall(PetscMalloc2(xm * ym, &ztop, m->nz, &t));
  PetscCall(DMCreateGlobalVector(da, &vt));
  PetscCall(VecDuplicate(vt, &vb));
  ierr = ReadElevations(m, g, vt, vb, ztop, t);
  if (!ierr) ierr = GWModelSetLayerElevationsVec(m, vt, vb);
  PetscCall(VecDestroy(&vt)); /* also on bad input (check-sanitize) */
  PetscCall(VecDestroy(&vb));
  PetscCall(PetscFree2(ztop, t));
  PetscCall(ierr);
  PetscFunctionReturn(0);
}

/* Bytes one cell needs in a run (state, geometry, Jacobian, the default preconditioner and
   Krylov vectors), measured with gw-run on 20^3 and 60^3 cell grids: 655 bytes, rounded up. */
#define GW_BYTES_PER_CELL 700.0

/* Before anything is allocated: a grid whose cells would need more memory than the nodes the
   run is on have is an input error giving the memory it needs, so that a typing slip (nz: 1000
   for 100) is not found by the out-of-memory killer. The ranks on one node share its physical
   memory; -gw_memory_check false skips the check. */
static PetscErrorCode CheckGridMemory(GWModel m, GWYamlNode g, PetscInt nx, PetscInt ny, PetscInt nz)
{
  MPI_Comm    comm = PetscObjectComm((PetscObject)m), node;
  PetscMPIInt size, local;
  PetscBool   check = PETSC_TRUE;
  double      need, have, cells = (double)nx * ny * nz;
  long        pages = sysconf(_SC_PHYS_PAGES), psize = sysconf(_SC_PAGESIZE);

  PetscFunctionBegin;
  PetscCall(PetscOptionsGetBool(NULL, NULL, "-gw_memory_check", &check, NULL));
  if (!check) PetscFunctionReturn(0);
  PetscCallMPI(MPI_Comm_size(comm, &size));
  PetscCallMPI(MPI_Comm_split_type(comm, MPI_COMM_TYPE_SHARED, 0, MPI_INFO_NULL, &node));
  PetscCallMPI(MPI_Comm_size(node, &local));
  PetscCallMPI(MPI_Comm_free(&node));
  have = pages > 0 && psize > 0 ? (double)pages * (double)psize / local : 1e300; /* per rank */
  PetscCallMPI(MPI_Allreduce(MPI_IN_PLACE, &have, 1, MPI_DOUBLE, MPI_MIN, comm));
  need = GW_BYTES_PER_CELL * cells / size;
  GWInputCheck(need <= have, g, "%" PetscInt_FMT " x %" PetscInt_FMT " x %" PetscInt_FMT " = %.4g cells need about %.3g GB of memory (%.0f bytes per cell), %.3g GB per rank on %d rank%s, but a rank has %.3g GB (its node's memory shared by its ranks); check nx, ny, nz, or run on more nodes (-gw_memory_check false skips this check)", nx, ny, nz, cells, GW_BYTES_PER_CELL * cells / 1e9, GW_BYTES_PER_CELL, need / 1e9, size, size > 1 ? "s" : "", have / 1e9);
  PetscFunctionReturn(0);
}

/* Limits on the number of outputs, far above any sensible run: beyond them the unit is wrong */
#define GW_MAX_FIELD_OUTPUTS 1e6
#define GW_MAX_OBS_ROWS      1e8

static PetscErrorCode ReadWidths(GWYamlNode g, PetscInt nx, PetscInt ny, PetscReal dx[], PetscReal dy[])
{
  PetscFunctionBegin;
  PetscCall(GWReadQuantityArray_Private(GWYamlGet_Private(g, "dx"), "m", nx, dx));
  PetscCall(GWReadQuantityArray_Private(GWYamlGet_Private(g, "dy"), "m", ny, dy));
  for (PetscInt i = 0; i < nx; i++) GWInputCheck(dx[i] > 0, GWYamlGet_Private(g, "dx"), "cell widths must be positive, found %g m", (double)dx[i]);
  for (PetscInt j = 0; j < ny; j++) GWInputCheck(dy[j] > 0, GWYamlGet_Private(g, "dy"), "cell widths must be positive, found %g m", (double)dy[j]);
  PetscFunctionReturn(0);
}

static PetscErrorCode ReadGrid(GWModel m, GWYamlNode root)
{
  GWYamlNode g;
  PetscInt   nx = 0, ny = 1, nz = 0;
  PetscReal *dx, *dy;

  PetscFunctionBegin;
  PetscCall(GWGetSection_Private(root, "grid", PETSC_TRUE, &g));
  PetscCall(GWGetInteger_Private(g, "nx", PETSC_TRUE, 1, &nx));
  PetscCall(GWGetInteger_Private(g, "ny", PETSC_FALSE, 1, &ny));
  PetscCall(GWGetInteger_Private(g, "nz", PETSC_TRUE, 1, &nz));
  GWInputCheck((double)nx * ny * nz <= PETSC_MAX_INT, g, "%" PetscInt_FMT " x %" PetscInt_FMT " x %" PetscInt_FMT " cells are more than this build of PETSc can index (%" PetscInt_FMT ")", nx, ny, nz, (PetscInt)PETSC_MAX_INT);
  PetscCall(CheckGridMemory(m, g, nx, ny, nz));
  PetscCall(GWModelSetGridSize(m, nx, ny, nz));
  GWInputCheck(GWYamlGet_Private(g, "dx"), g, "missing key \"dx\" (cell width, e.g. 5 cm)");
  GWInputCheck(GWYamlGet_Private(g, "dy"), g, "missing key \"dy\" (cell width, e.g. 1 m)");
  PetscCall(PetscMalloc2(nx, &dx, ny, &dy));
  {
    PetscErrorCode ierr = ReadWidths(g, nx, ny, dx, dy);
    if (!ierr) ierr = GWModelSetCellWidths(m, dx, dy);
    PetscCall(PetscFree2(dx, dy)); /* also on bad input (check-sanitize) */
    PetscCall(ierr);
  }
  PetscCall(ReadLayers(m, g));
  PetscFunctionReturn(0);
}

/* A time of the run from node v: a duration since t = 0 with its unit (e.g. 30 d), or a date
   (YYYY-MM-DD[THH:MM[:SS]], UTC) when time.start_date is given, as seconds since that date. */
static PetscErrorCode ReadTimeOrDate(GWYamlNode v, PetscBool have_start, PetscReal start, PetscReal *t)
{
  PetscReal d;
  PetscBool isdate = PETSC_FALSE;

  PetscFunctionBegin;
  if (v->kind == GW_YAML_SCALAR && v->value) PetscCall(GWParseDate_Private(v->value, &d, &isdate));
  if (!isdate) {
    PetscCall(GWReadQuantity_Private(v, "s", t));
    PetscFunctionReturn(0);
  }
  GWInputCheck(have_start, v, "the date %s needs time.start_date (the date of t = 0); or give a duration since the start, e.g. 30 d", v->value);
  *t = d - start;
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
  PetscCall(GWGetSection_Private(root, "time", PETSC_TRUE, &t));
  PetscCall(GWGetString_Private(t, "start_date", PETSC_FALSE, &date));
  *have_start = PETSC_FALSE;
  if (date) {
    PetscCall(GWParseDate_Private(date, start_date, &ok));
    GWInputCheck(ok, GWYamlGet_Private(t, "start_date"), "\"%s\" is not a valid date YYYY-MM-DD[THH:MM[:SS]]", date);
    *have_start = PETSC_TRUE;
  }
  GWInputCheck(GWYamlGet_Private(t, "end"), t, "missing required key \"end\" (the end of the run, e.g. end: 30 d, or a date with start_date)");
  PetscCall(ReadTimeOrDate(GWYamlGet_Private(t, "end"), *have_start, *start_date, &sc->tend));
  GWInputCheck(sc->tend > 0, GWYamlGet_Private(t, "end"), "end time must be after t = 0 (start_date), found %g s", (double)sc->tend);
  PetscCall(GWGetQuantity_Private(t, "dt_init", "s", PETSC_FALSE, &dt0, NULL));
  PetscCall(GWGetQuantity_Private(t, "dt_min", "s", PETSC_FALSE, &dtmin, NULL));
  PetscCall(GWGetQuantity_Private(t, "dt_max", "s", PETSC_FALSE, &dtmax, NULL));
  PetscCall(GWGetInteger_Private(t, "max_cuts", PETSC_FALSE, 0, &cuts));
  GWInputCheck(dtmin > 0 && dtmin <= dt0 && dt0 <= dtmax, t, "need 0 < dt_min <= dt_init <= dt_max; found %g s, %g s, %g s", (double)dtmin, (double)dt0, (double)dtmax);
  PetscCall(GWModelSetTimeStepLimits(sc->model, dt0, dtmin, dtmax));
  PetscCall(GWModelSetMaxTimeStepCuts(sc->model, cuts));
  {
    PetscReal tol = 0;
    PetscBool has;
    PetscCall(GWGetQuantity_Private(t, "error_tol", "-", PETSC_FALSE, &tol, &has));
    if (has) {
      GWInputCheck(tol >= 0, GWYamlGet_Private(t, "error_tol"), "the time-error tolerance is a water content: must be >= 0 (0: off), found %g", (double)tol);
      PetscCall(GWModelSetTimeErrorTolerance(sc->model, tol));
    }
  }
  {
    const char *norm = NULL;
    PetscCall(GWGetString_Private(t, "error_norm", PETSC_FALSE, &norm));
    if (norm) {
      GWInputCheck(!strcmp(norm, "rms") || !strcmp(norm, "max"), GWYamlGet_Private(t, "error_norm"), "error_norm must be rms (root mean square over the cells) or max (largest), found \"%s\"", norm);
      PetscCall(GWModelSetTimeErrorNorm(sc->model, !strcmp(norm, "rms") ? NORM_2 : NORM_INFINITY));
    }
  }

  PetscCall(GWGetSection_Private(root, "output", PETSC_FALSE, &out));
  if (out) {
    PetscCall(GWGetString_Private(out, "prefix", PETSC_FALSE, &prefix));
    if (prefix && !sc->prefix_set) PetscCall(PetscStrncpy(sc->prefix, prefix, sizeof(sc->prefix)));
  }
  if (out) {
    PetscBool has;
    PetscCall(GWGetQuantity_Private(out, "observation_every", "s", PETSC_FALSE, &sc->obs_every, &has));
    GWInputCheck(!has || (sc->obs_every > 0 && sc->obs_every <= sc->tend), GWYamlGet_Private(out, "observation_every"), "observation interval must be positive and at most the run's end");
    /* every observation time is a step end: more than that many is a slip of the unit */
    GWInputCheck(!has || sc->tend / sc->obs_every <= GW_MAX_OBS_ROWS, GWYamlGet_Private(out, "observation_every"), "an observation every %g s over %g s makes %.3g rows (and as many time steps), more than %g; check the unit (e.g. 1 h, not 1 us)", (double)sc->obs_every, (double)sc->tend, (double)(sc->tend / sc->obs_every), GW_MAX_OBS_ROWS);
  }
  times = out ? GWYamlGet_Private(out, "times") : NULL;
  PetscCall(GWGetQuantity_Private(out ? out : root, "every", "s", PETSC_FALSE, &every, &has_every));
  if (!out) has_every = PETSC_FALSE;
  GWInputCheck(!(times && has_every), out ? out : root, "give \"times\" or \"every\", not both");
  if (times) {
    GWInputCheck(times->kind == GW_YAML_SEQ, times, "expected a list of times, e.g. [2 h, 3 h, 4 h]");
    n = times->n;
  } else if (has_every) {
    GWInputCheck(every > 0, GWYamlGet_Private(out, "every"), "output interval must be positive");
    GWInputCheck(sc->tend / every <= GW_MAX_FIELD_OUTPUTS, GWYamlGet_Private(out, "every"), "an output every %g s over %g s makes %.3g NetCDF records of every field, more than %g; check the unit (e.g. 1 d, not 1 us), or use output.observation_every for time series", (double)every, (double)sc->tend, (double)(sc->tend / every), GW_MAX_FIELD_OUTPUTS);
    n = (PetscInt)PetscFloorReal(sc->tend / every * (1 + 1e-12));
  }
  PetscCall(PetscMalloc1(n + 1, &sc->tout));
  sc->nout = 0;
  for (PetscInt i = 0; i < n; i++) {
    PetscReal ti = every * (i + 1);
    if (times) {
      PetscCall(ReadTimeOrDate(times->items[i], *have_start, *start_date, &ti));
      GWInputCheck(ti > 0 && ti <= sc->tend, times->items[i], "output time %g s is outside (0, end = %g s]", (double)ti, (double)sc->tend);
      GWInputCheck(!sc->nout || ti > sc->tout[sc->nout - 1], times->items[i], "output times must increase");
    }
    if (ti < sc->tend * (1 - 1e-12)) sc->tout[sc->nout++] = ti;
  }
  sc->tout[sc->nout++] = sc->tend;
  PetscFunctionReturn(0);
}

const char *const GWObsQuantities[GW_OBS_NQ] = {"pressure_head", "hydraulic_head", "water_content", "saturation", "depth_to_water", "flow", "inflow", "leakage", "diversion", "depth", "discharge", "storage"};

/* A layer observation (depth: [d1, d2] below the land surface instead of z): its range and
   quantities, water_content (average over the range) and storage (water over the range). */
static PetscErrorCode ReadLayerObservation(GWScenario sc, GWYamlNode p, PetscInt o)
{
  GWYamlNode d = GWYamlGet_Private(p, "depth"), q = GWYamlGet_Private(p, "quantities");
  PetscReal *r = &sc->obsrange[2 * o];

  PetscFunctionBegin;
  GWInputCheck(!GWYamlGet_Private(p, "z"), GWYamlGet_Private(p, "z"), "give either z (a point) or depth (a layer from depth[0] to depth[1] below the land surface), not both");
  GWInputCheck(d->kind == GW_YAML_SEQ && d->n == 2, d, "expected two depths below the land surface, e.g. depth: [0 cm, 30 cm]");
  PetscCall(GWReadQuantityArray_Private(d, "m", 2, r));
  GWInputCheck(r[0] >= 0 && r[1] > r[0], d, "depths must satisfy 0 <= depth[0] < depth[1] (below the land surface), found [%g, %g] m", (double)r[0], (double)r[1]);
  sc->obsq[o]           = 1 << 2 | 1 << GW_OBS_STORAGE;
  sc->obsxyz[3 * o + 2] = PETSC_NAN;
  if (q) {
    GWInputCheck(q->kind == GW_YAML_SEQ && q->n > 0, q, "expected a list, e.g. [water_content, storage]");
    sc->obsq[o] = 0;
    for (PetscInt i = 0; i < q->n; i++) {
      PetscBool conc = PETSC_FALSE;
      if (q->items[i]->kind == GW_YAML_SCALAR) PetscCall(GWScenarioReadConcentrationQuantity_Private(sc, q->items[i], o, &conc));
      if (conc) continue;
      GWInputCheck(q->items[i]->kind == GW_YAML_SCALAR && (!strcmp(q->items[i]->value, "water_content") || !strcmp(q->items[i]->value, "storage")), q->items[i], "unknown quantity \"%s\" of a layer (depth range); use water_content (the average over the layer), storage (the water over it) or, with solutes, concentration", q->items[i]->kind == GW_YAML_SCALAR ? q->items[i]->value : "(not a name)");
      sc->obsq[o] |= 1 << (!strcmp(q->items[i]->value, "water_content") ? 2 : GW_OBS_STORAGE);
    }
  }
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
  PetscCall(PetscMalloc3(obs->n, &sc->obsname, 3 * obs->n, &sc->obsxyz, 2 * obs->n, &sc->obsrange));
  PetscCall(PetscMalloc2(obs->n, &sc->obsq, 2 * obs->n, &sc->obspkg));
  for (PetscInt o = 0; o < obs->n; o++) {
    GWYamlNode  p    = obs->items[o];
    const char *name = NULL;
    PetscCall(GWYamlCheckKeys_Private(p, "observations[]"));
    PetscCall(GWGetString_Private(p, "name", PETSC_TRUE, &name));
    PetscCall(GWCheckName_Private(GWYamlGet_Private(p, "name"), name, sizeof(sc->obsname[o])));
    for (PetscInt q = 0; q < o; q++) GWInputCheck(strcmp(sc->obsname[q], name), GWYamlGet_Private(p, "name"), "name \"%s\" is already used by observations[%" PetscInt_FMT "]; observation names must be unique (they head the columns of the observation file)", name, q);
    PetscCall(PetscStrncpy(sc->obsname[o], name, sizeof(sc->obsname[o])));
    sc->obspkg[2 * o] = sc->obspkg[2 * o + 1] = -1;
    sc->obsrange[2 * o] = sc->obsrange[2 * o + 1] = PETSC_NAN;
    if (GWYamlGet_Private(p, "package")) { /* a reach or spring package, not a point */
      PetscCall(GWScenarioReadSurfaceObservation_Private(sc, p, o));
      continue;
    }
    sc->obsxyz[3 * o + 1] = 0.5 * Y;
    PetscCall(GWGetQuantity_Private(p, "x", "m", PETSC_TRUE, &sc->obsxyz[3 * o], NULL));
    PetscCall(GWGetQuantity_Private(p, "y", "m", PETSC_FALSE, &sc->obsxyz[3 * o + 1], NULL));
    GWInputCheck(GWYamlGet_Private(p, "z") || GWYamlGet_Private(p, "depth"), p, "observation \"%s\" needs z (elevation of a point) or depth: [d1, d2] (a layer below the land surface)", name);
    if (GWYamlGet_Private(p, "depth")) PetscCall(ReadLayerObservation(sc, p, o));
    else PetscCall(GWGetQuantity_Private(p, "z", "m", PETSC_TRUE, &sc->obsxyz[3 * o + 2], NULL));
    if (!GWYamlGet_Private(p, "depth")) sc->obsq[o] = 1 << 0 | 1 << 2; /* pressure head and water content */
    if (!GWYamlGet_Private(p, "depth") && GWYamlGet_Private(p, "quantities")) {
      GWYamlNode q = GWYamlGet_Private(p, "quantities");
      GWInputCheck(q->kind == GW_YAML_SEQ && q->n > 0, q, "expected a list, e.g. [pressure_head, depth_to_water]");
      sc->obsq[o] = 0;
      for (PetscInt i = 0; i < q->n; i++) {
        PetscInt  k    = 0;
        PetscBool conc = PETSC_FALSE;
        GWInputCheck(q->items[i]->kind == GW_YAML_SCALAR, q->items[i], "expected a quantity name");
        PetscCall(GWScenarioReadConcentrationQuantity_Private(sc, q->items[i], o, &conc));
        if (conc) continue;
        while (k < GW_OBS_NPOINT && strcmp(q->items[i]->value, GWObsQuantities[k])) k++;
        GWInputCheck(k < GW_OBS_NPOINT, q->items[i], "unknown quantity \"%s\" of a point; use pressure_head, hydraulic_head, water_content, saturation, depth_to_water or, with solutes, concentration (flows of reaches and springs: give package: instead of x, y, z)", q->items[i]->value);
        sc->obsq[o] |= 1 << k;
      }
    }
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
  PetscCall(GWGetSection_Private(root, "solver", PETSC_FALSE, &s));
  if (!s) PetscFunctionReturn(0);
  PetscCall(GWGetString_Private(s, "kr_weighting", PETSC_FALSE, &w));
  if (w) {
    GWInputCheck(!strcmp(w, "upstream") || !strcmp(w, "arithmetic") || !strcmp(w, "limited") || !strcmp(w, "integrated"), GWYamlGet_Private(s, "kr_weighting"), "kr_weighting must be integrated, arithmetic, upstream or limited, found \"%s\"", w);
    PetscCall(GWModelSetRelPermWeighting(m, !strcmp(w, "arithmetic") ? GW_KR_ARITHMETIC : (!strcmp(w, "upstream") ? GW_KR_UPSTREAM : (!strcmp(w, "limited") ? GW_KR_LIMITED : GW_KR_INTEGRATED))));
  }
  w = NULL;
  PetscCall(GWGetString_Private(s, "gravity", PETSC_FALSE, &w));
  if (w) {
    GWInputCheck(!strcmp(w, "on") || !strcmp(w, "off"), GWYamlGet_Private(s, "gravity"), "gravity must be on or off, found \"%s\"", w);
    PetscCall(GWModelSetGravity(m, (PetscBool)!strcmp(w, "on")));
  }
  PetscCall(GWGetQuantity_Private(s, "mass_balance_rtol", "-", PETSC_FALSE, &r, &has));
  if (has) {
    GWInputCheck(r > 0 && r < 1, GWYamlGet_Private(s, "mass_balance_rtol"), "must be in (0, 1), found %g", (double)r);
    PetscCall(GWModelSetMassBalanceTolerance(m, r));
  }
  PetscCall(GWGetQuantity_Private(s, "dpsi_max", "m", PETSC_FALSE, &d, &has));
  if (has) {
    GWInputCheck(d >= 0, GWYamlGet_Private(s, "dpsi_max"), "must not be negative");
    m->dpsi_max = d;
  }
  PetscFunctionReturn(0);
}

/* Sets the model up; an error a package's set-up finds (a check only the cells of the whole
   package reveal, e.g. a column named twice) is reported at that package's place in the file. */
static PetscErrorCode SetUpAt(GWModel m, GWYamlNode root)
{
  PetscErrorCode ierr;
  const char    *text = NULL;
  GWYamlNode     pk   = GWYamlGet_Private(root, "packages");

  PetscFunctionBegin;
  PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
  ierr = GWModelSetUp(m);
  PetscCall(PetscPopErrorHandler());
  if (!ierr) PetscFunctionReturn(0);
  PetscCall(PetscErrorMessage(ierr, NULL, (char **)&text));
  for (PetscInt p = 0; text && pk && pk->kind == GW_YAML_SEQ && p < m->npkg && p < pk->n; p++) {
    const char *name;
    char        pat[300];
    PetscCall(PetscObjectGetName((PetscObject)m->pkg[p], &name));
    PetscCall(PetscSNPrintf(pat, sizeof(pat), "ackage %s ", name)); /* "Package name ..." or "... package name ..." */
    if (strstr(text, pat)) SETERRQ(PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "%s:%" PetscInt_FMT ":%" PetscInt_FMT ": packages[%" PetscInt_FMT "]: %s", pk->items[p]->file, pk->items[p]->line, pk->items[p]->col, p, text);
  }
  SETERRQ(PETSC_COMM_SELF, ierr, "%s", text ? text : "set-up failed");
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

/* An output prefix that names a folder ("out/" or an existing directory "out") gets the scenario's
   base name inside it ("out/case1"), not hidden files "out/.nc". */
static PetscErrorCode PrefixInFolder(GWScenario sc)
{
  size_t      l = strlen(sc->prefix);
  struct stat st;

  PetscFunctionBegin;
  if (l && sc->prefix[l - 1] != '/' && !(stat(sc->prefix, &st) == 0 && S_ISDIR(st.st_mode))) PetscFunctionReturn(0);
  PetscCheck(l + strlen(sc->basename) + 2 < sizeof(sc->prefix), PETSC_COMM_SELF, PETSC_ERR_ARG_SIZ, "output prefix %s%s is too long", sc->prefix, sc->basename);
  if (l && sc->prefix[l - 1] != '/') PetscCall(PetscStrlcat(sc->prefix, "/", sizeof(sc->prefix)));
  PetscCall(PetscStrlcat(sc->prefix, sc->basename, sizeof(sc->prefix)));
  PetscFunctionReturn(0);
}

/* FNV-1a hash of a YAML subtree: kinds, keys and scalar texts in order. */
static uint64_t HashBytes(uint64_t h, const char *p, size_t n)
{
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)p[i];
    h *= 1099511628211ULL;
  }
  return h;
}

static uint64_t HashNode(uint64_t h, GWYamlNode n)
{
  char kind = (char)('0' + (int)n->kind);

  h = HashBytes(h, &kind, 1);
  if (n->kind == GW_YAML_SCALAR) return HashBytes(h, n->value, strlen(n->value) + 1);
  for (PetscInt i = 0; i < n->n; i++) {
    if (n->kind == GW_YAML_MAP) h = HashNode(h, n->keys[i]);
    h = HashNode(h, n->items[i]);
  }
  return h;
}

/* The model's input hash, kept in its checkpoints: the scenario text of the sections that define
   the model (grid, materials, zones, packages), not the time, output or solver settings. */
static PetscErrorCode SetInputHash(GWModel m, GWYamlNode root)
{
  const char *sec[] = {"grid", "materials", "zones", "packages"};
  uint64_t    h     = 14695981039346656037ULL;

  PetscFunctionBegin;
  for (size_t i = 0; i < sizeof(sec) / sizeof(sec[0]); i++) {
    GWYamlNode n = GWYamlGet_Private(root, sec[i]);
    h            = HashBytes(h, sec[i], strlen(sec[i]) + 1);
    if (n) h = HashNode(h, n);
  }
  PetscCall(PetscSNPrintf(m->input_hash, sizeof(m->input_hash), "%016llx", (unsigned long long)h));
  PetscFunctionReturn(0);
}

/* The sections of the scenario document, read into sc (GWScenarioLoad() frees the document on
   every path). */
static PetscErrorCode LoadSections(GWScenario sc, GWYamlNode root)
{
  GWYamlNode  field      = NULL;
  PetscReal   start_date = 0;
  PetscBool   have_start = PETSC_FALSE;
  const char *title      = NULL;

  PetscFunctionBegin;
  PetscCall(GWYamlCheckKeys_Private(root, ""));
  PetscCall(GWGetString_Private(root, "title", PETSC_FALSE, &title));
  if (title) PetscCall(PetscStrncpy(sc->title, title, sizeof(sc->title)));
  PetscCall(GWModelCreate(PetscObjectComm((PetscObject)sc), &sc->model));
  PetscCall(ReadGrid(sc->model, root));
  PetscCall(GWScenarioReadMaterials_Private(sc->model, root));
  PetscCall(GWScenarioReadInitial_Private(sc->model, root, &field));
  PetscCall(ReadTime(sc, root, &start_date, &have_start));
  PetscCall(PrefixInFolder(sc));
  if (have_start) PetscCall(GWModelSetStartDate(sc->model, start_date));
  PetscCall(SetInputHash(sc->model, root));
  PetscCall(GWScenarioReadPackages_Private(sc->model, root, start_date, have_start, sc->tend));
  PetscCall(GWScenarioReadSolutes_Private(sc->model, root));
  PetscCall(ReadSolver(sc->model, root));
  PetscCall(ReadObservations(sc, root));
  PetscCall(GWModelSetFromOptions(sc->model));
  PetscCall(SetUpAt(sc->model, root));
  if (field) PetscCall(GWScenarioApplyInitial_Private(sc->model, field));
  PetscCall(GWScenarioReadSteady_Private(sc, root));
  PetscCall(GWScenarioWarn_Private(sc, root));
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
  GWYamlDoc      doc;
  PetscErrorCode ierr;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(sc, GWSCENARIO_CLASSID, 1);
  PetscCheck(!sc->model, PetscObjectComm((PetscObject)sc), PETSC_ERR_ARG_WRONGSTATE, "A scenario loads one file");
  PetscCall(PetscStrallocpy(file, &sc->file));
  {
    const char *base = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;
    size_t      l    = strlen(base);
    if (l > 5 && !strcmp(base + l - 5, ".yaml"))
      l -= 5;
    else if (l > 4 && !strcmp(base + l - 4, ".yml"))
      l -= 4;
    PetscCall(PetscSNPrintf(sc->basename, sizeof(sc->basename), "%.*s", (int)l, base));
  }
  if (!sc->prefix_set) PetscCall(PetscStrncpy(sc->prefix, sc->basename, sizeof(sc->prefix)));
  PetscCall(GWYamlLoad_Private(file, &doc));
  ierr = LoadSections(sc, doc.root);
  PetscCall(GWYamlFree_Private(&doc));
  PetscCall(ierr);
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
- prefix - the prefix, e.g. "out/vauclin": files out/vauclin.nc, out/vauclin-obs.csv, out/vauclin-budget.csv;
           a folder ("out/", or an existing directory "out") gets the scenario's base name in it

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
  PetscCall(PetscFree3((*sc)->obsname, (*sc)->obsxyz, (*sc)->obsrange));
  PetscCall(PetscFree2((*sc)->obsq, (*sc)->obspkg));
  PetscCall(PetscFree((*sc)->obssol));
  PetscCall(PetscViewerDestroy(&(*sc)->monitor));
  PetscCall(PetscHeaderDestroy(sc));
  PetscFunctionReturn(0);
}
