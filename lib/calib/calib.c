/* GWCalib: the calibration object and its input file (scenario, parameters with bounds and
   transforms, observation groups from CSV), checked completely before any forward run. */
#include <gw/private/calibimpl.h>
#include <gw/private/modelimpl.h>
#include <string.h>

PetscClassId GWCALIB_CLASSID;

/* Every key of a calibration file (doc/calibrate.md documents them). */
const GWKeyDoc GWCalibKeys[] = {
    {"scenario", "string", "-", "required", "scenario file of the model (relative to the calibration file)"},
    {"parameters[].path", "string", "-", "required", "registry path of the parameter, e.g. materials.loam.Ks (GWModelSetParameter())"},
    {"parameters[].initial", "number", "SI", "the scenario's value", "starting value"},
    {"parameters[].lower", "number", "SI", "required", "lower bound"},
    {"parameters[].upper", "number", "SI", "required", "upper bound"},
    {"parameters[].transform", "string", "-", "linear", "log (estimate log10 of the value; bounds > 0) or linear"},
    {"observations[].name", "string", "-", "required", "name of the group"},
    {"observations[].quantity", "string", "-", "required", "pressure_head, hydraulic_head, water_content, saturation or depth_to_water at a point; water_content or storage of a layer"},
    {"observations[].x", "quantity", "m", "required", "x of the point or column"},
    {"observations[].y", "quantity", "m", "centre of the grid", "y of the point or column"},
    {"observations[].z", "quantity", "m", "required for a point", "elevation of the point"},
    {"observations[].depth", "list of 2 quantities", "m", "none (a point)", "a layer from depth[0] to depth[1] below the land surface"},
    {"observations[].file", "string", "-", "required", "CSV file of the observations (relative to the calibration file)"},
    {"observations[].time_column", "string", "-", "required", "header of the time column: dates (with time.start_date in the scenario) or elapsed times"},
    {"observations[].time_unit", "string", "-", "none (dates)", "unit of elapsed times, e.g. s, h, d"},
    {"observations[].value_column", "string", "-", "required", "header of the value column"},
    {"observations[].unit", "string", "-", "required", "unit of the values (1 for water content and saturation)"},
    {"observations[].sd", "quantity", "the quantity's", "none", "standard deviation of an observation; weight = 1/sd"},
    {"observations[].weight", "number", "1/the quantity's unit", "1", "weight of every residual of the group (instead of sd)"},
    {NULL, NULL, NULL, NULL, NULL}};

/*@C
  GWCalibCreate - creates an empty calibration

  Collective

  Input Parameter:
. comm - the communicator of the forward model (each forward run uses all its ranks)

  Output Parameter:
. calib - the calibration

  Level: beginner

.seealso: `GWCalibLoad()`, `GWCalibSolve()`, `GWCalibDestroy()`
@*/
PetscErrorCode GWCalibCreate(MPI_Comm comm, GWCalib *calib)
{
  GWCalib c;

  PetscFunctionBegin;
  PetscValidPointer(calib, 2);
  PetscCall(GWInitializePackage());
  if (!GWCALIB_CLASSID) PetscCall(PetscClassIdRegister("GW Calibration", &GWCALIB_CLASSID));
  PetscCall(PetscHeaderCreate(c, GWCALIB_CLASSID, "GWCalib", "Calibration", "GW", comm, GWCalibDestroy, GWCalibView));
  c->sub      = MPI_COMM_NULL;
  c->ngroups  = 1;
  c->fd_step  = 1e-6;
  c->svd_rtol = 1e-6;
  c->xtol     = 1e-7;
  *calib      = c;
  PetscFunctionReturn(0);
}

/*@C
  GWCalibDestroy - destroys a calibration and its scenario

  Collective

  Input Parameter:
. calib - the calibration (set to NULL)

  Level: beginner

.seealso: `GWCalibCreate()`
@*/
PetscErrorCode GWCalibDestroy(GWCalib *calib)
{
  GWCalib c;

  PetscFunctionBegin;
  if (!calib || !*calib) PetscFunctionReturn(0);
  c = *calib;
  PetscValidHeaderSpecific(c, GWCALIB_CLASSID, 1);
  if (--((PetscObject)c)->refct > 0) {
    *calib = NULL;
    PetscFunctionReturn(0);
  }
  PetscCall(GWScenarioDestroy(&c->sc));
  if (c->sub != MPI_COMM_NULL) PetscCallMPI(MPI_Comm_free(&c->sub));
  PetscCall(PetscFree(c->file));
  PetscCall(PetscFree2(c->par, c->grp));
  PetscCall(PetscFree5(c->tobs, c->vobs, c->wobs, c->gobs, c->kobs));
  PetscCall(PetscFree5(c->times, c->sim, c->sample, c->gxyz, c->grange));
  PetscCall(PetscFree4(c->est, c->se, c->lo, c->hi));
  PetscCall(PetscFree4(c->sv, c->corr, c->illposed, c->svsmall));
  PetscCall(TaoDestroy(&c->tao));
  PetscCall(VecDestroy(&c->x));
  PetscCall(VecDestroy(&c->r));
  PetscCall(VecDestroy(&c->xl));
  PetscCall(VecDestroy(&c->xu));
  PetscCall(VecDestroy(&c->xlast));
  PetscCall(VecDestroy(&c->rlast));
  PetscCall(VecDestroy(&c->xjac));
  PetscCall(VecDestroy(&c->xprev));
  PetscCall(MatDestroy(&c->J));
  PetscCall(PetscHeaderDestroy(calib));
  PetscFunctionReturn(0);
}

/* A plain number (SI units of the registry) of key in map. */
static PetscErrorCode GetNumber(GWYamlNode map, const char key[], PetscBool required, PetscReal *value, PetscBool *present)
{
  PetscFunctionBegin;
  PetscCall(GWGetQuantity_Private(map, key, "-", required, value, present));
  PetscFunctionReturn(0);
}

/* One entry of parameters: its path checked against the registry of the loaded model, bounds in
   order, the initial value inside them. */
static PetscErrorCode ReadParameter(GWCalib c, GWYamlNode p, GWCalibParameter *par)
{
  GWModel        m    = c->sc->model;
  const char    *path = NULL, *tr = "linear";
  PetscReal      current;
  PetscBool      given;
  PetscErrorCode ierr;
  GWYamlNode     pn, tn;

  PetscFunctionBegin;
  PetscCall(GWYamlCheckKeysIn_Private(p, "parameters[]", GWCalibKeys));
  PetscCall(GWGetString_Private(p, "path", PETSC_TRUE, &path));
  pn = GWYamlGet_Private(p, "path");
  GWInputCheck(strlen(path) < sizeof(par->path), pn, "path longer than %d characters", (int)sizeof(par->path) - 1);
  PetscCall(PetscStrncpy(par->path, path, sizeof(par->path)));
  PetscCall(PetscSNPrintf(par->where, sizeof(par->where), "%s:%" PetscInt_FMT ":%" PetscInt_FMT, p->file, p->line, p->col));
  /* the registry's message lists the valid names; it is given here with the calibration file's position */
  PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
  ierr = GWModelGetParameter(m, path, &current);
  PetscCall(PetscPopErrorHandler());
  if (ierr) {
    char *msg = NULL;
    PetscCall(PetscErrorMessage(ierr, NULL, &msg));
    GWInputCheck(PETSC_FALSE, pn, "%s; give a path the scenario has (fix the name or the parameter)", msg ? msg : "unknown parameter path");
  }
  par->initial = current;
  PetscCall(GetNumber(p, "initial", PETSC_FALSE, &par->initial, NULL));
  PetscCall(GetNumber(p, "lower", PETSC_TRUE, &par->lower, NULL));
  PetscCall(GetNumber(p, "upper", PETSC_TRUE, &par->upper, NULL));
  PetscCall(GWGetString_Private(p, "transform", PETSC_FALSE, &tr));
  tn = GWYamlGet_Private(p, "transform");
  GWInputCheck(!strcmp(tr, "log") || !strcmp(tr, "linear"), tn, "unknown transform \"%s\"; use log or linear", tr);
  par->log = (PetscBool)!strcmp(tr, "log");
  GWInputCheck(par->lower < par->upper, GWYamlGet_Private(p, "upper"), "bounds of %s are reversed or equal (lower %g, upper %g); give lower < upper", path, (double)par->lower, (double)par->upper);
  GWInputCheck(!par->log || par->lower > 0, GWYamlGet_Private(p, "lower"), "a log transform needs positive bounds, lower of %s is %g; give lower > 0 or transform: linear", path, (double)par->lower);
  given = (PetscBool)(GWYamlGet_Private(p, "initial") != NULL);
  GWInputCheck(par->initial >= par->lower && par->initial <= par->upper, given ? GWYamlGet_Private(p, "initial") : pn, "initial value %g of %s%s is outside its bounds [%g, %g]; give an initial value inside them or widen the bounds", (double)par->initial, path, given ? "" : " (the scenario's value)", (double)par->lower, (double)par->upper);
  for (PetscInt q = 0; q < (PetscInt)(par - c->par); q++) GWInputCheck(strcmp(c->par[q].path, path), pn, "%s is already estimated by parameters[%" PetscInt_FMT "]; give each path once", path, q);
  PetscFunctionReturn(0);
}

/* The location and quantity of one observation group; its CSV is read by ReadGroupData(). */
static PetscErrorCode ReadGroup(GWCalib c, GWYamlNode o, GWCalibGroup *g)
{
  GWModel     m    = c->sc->model;
  const char *name = NULL, *q = NULL;
  GWYamlNode  d = GWYamlGet_Private(o, "depth"), qn;
  PetscReal   X = 0, Y = 0;

  PetscFunctionBegin;
  PetscCall(GWYamlCheckKeysIn_Private(o, "observations[]", GWCalibKeys));
  PetscCall(GWGetString_Private(o, "name", PETSC_TRUE, &name));
  PetscCall(GWCheckName_Private(GWYamlGet_Private(o, "name"), name, sizeof(g->name)));
  PetscCall(PetscStrncpy(g->name, name, sizeof(g->name)));
  PetscCall(GWGetString_Private(o, "quantity", PETSC_TRUE, &q));
  qn = GWYamlGet_Private(o, "quantity");
  for (g->q = 0; g->q < GW_OBS_NQ && strcmp(q, GWObsQuantities[g->q]); g->q++) {}
  for (PetscInt i = 0; i < m->nx; i++) X += m->dx[i];
  for (PetscInt j = 0; j < m->ny; j++) Y += m->dy[j];
  g->xyz[1] = 0.5 * Y;
  PetscCall(GWGetQuantity_Private(o, "x", "m", PETSC_TRUE, &g->xyz[0], NULL));
  PetscCall(GWGetQuantity_Private(o, "y", "m", PETSC_FALSE, &g->xyz[1], NULL));
  g->range[0] = g->range[1] = PETSC_NAN;
  if (d) {
    GWInputCheck(d->kind == GW_YAML_SEQ && d->n == 2, d, "expected [d1, d2], the top and bottom depth of the layer below the land surface");
    PetscCall(GWReadQuantity_Private(d->items[0], "m", &g->range[0]));
    PetscCall(GWReadQuantity_Private(d->items[1], "m", &g->range[1]));
    GWInputCheck(g->range[0] >= 0 && g->range[1] > g->range[0], d, "expected 0 <= d1 < d2, found [%g, %g] m", (double)g->range[0], (double)g->range[1]);
    GWInputCheck(g->q == 2 || g->q == GW_OBS_STORAGE, qn, "a layer (depth:) has the quantities water_content and storage, not \"%s\"", q);
  } else {
    GWInputCheck(GWYamlGet_Private(o, "z"), o, "group \"%s\" needs z (elevation of a point) or depth: [d1, d2] (a layer)", name);
    PetscCall(GWGetQuantity_Private(o, "z", "m", PETSC_TRUE, &g->xyz[2], NULL));
    GWInputCheck(g->q < GW_OBS_NPOINT, qn, "unknown quantity \"%s\" of a point; use pressure_head, hydraulic_head, water_content, saturation or depth_to_water", q);
  }
  GWInputCheck(g->xyz[0] >= 0 && g->xyz[0] <= X && g->xyz[1] >= 0 && g->xyz[1] <= Y, o, "group \"%s\": point (%g, %g) m is outside the grid (0..%g, 0..%g) m; give x and y inside it", name, (double)g->xyz[0], (double)g->xyz[1], (double)X, (double)Y);
  PetscFunctionReturn(0);
}

/* The CSV of group g: values in SI, times within the run, weights. */
static PetscErrorCode ReadGroupData(GWCalib c, GWYamlNode o, PetscInt gi, GWSeries *s, PetscReal *w)
{
  GWModel       m     = c->sc->model;
  PetscReal     start = 0, sd = 0;
  PetscBool     dated, hassd, hasw;
  GWCalibGroup *g = &c->grp[gi];

  PetscFunctionBegin;
  PetscCall(GWModelGetStartDate(m, &start, &dated));
  PetscCall(GWSeriesRead_Private(PetscObjectComm((PetscObject)c), o, NULL, (g->q == 2 || g->q == 3) ? "-" : "m", start, dated, s));
  for (PetscInt i = 0; i < s->n; i++) {
    GWInputCheck(s->t[i] >= m->t && s->t[i] <= c->sc->tend * (1 + 1e-12), GWYamlGet_Private(o, "file"), "%s:%" PetscInt_FMT ": observation time %g s is outside the run (%g to %g s of the scenario); remove the row or extend time.end", s->path, s->line[i], (double)s->t[i], (double)m->t, (double)c->sc->tend);
  }
  *w = 1;
  PetscCall(GWGetQuantity_Private(o, "sd", (g->q == 2 || g->q == 3) ? "-" : "m", PETSC_FALSE, &sd, &hassd));
  PetscCall(GWGetQuantity_Private(o, "weight", "-", PETSC_FALSE, w, &hasw));
  GWInputCheck(!(hassd && hasw), o, "give sd or weight, not both");
  if (hassd) {
    GWInputCheck(sd > 0, GWYamlGet_Private(o, "sd"), "sd must be positive, found %g", (double)sd);
    *w = 1 / sd;
  }
  GWInputCheck(*w > 0, GWYamlGet_Private(o, "weight") ? GWYamlGet_Private(o, "weight") : o, "weight must be positive, found %g", (double)*w);
  PetscFunctionReturn(0);
}

static int CompareReal(const void *a, const void *b)
{
  PetscReal x = *(const PetscReal *)a, y = *(const PetscReal *)b;
  return (x > y) - (x < y);
}

/* Points inside the columns: z between the column's bottom and land surface, a layer above the
   bottom. The sampler gives the column extents; the error names the group's entry. */
static PetscErrorCode CheckVertical(GWCalib c, GWYamlNode obs)
{
  PetscReal *ext;
  PetscInt   bad = -1;

  PetscFunctionBegin;
  PetscCall(PetscCalloc1(2 * c->ng, &ext));
  PetscCall(PetscArrayzero(c->sample, GW_OBS_NQ * c->ng));
  PetscCall(GWModelSampleObservations_Private(c->sc->model, c->ng, c->gxyz, c->grange, NULL, c->sample, ext));
  PetscCallMPI(MPI_Bcast(ext, (PetscMPIInt)(2 * c->ng), MPIU_REAL, 0, PetscObjectComm((PetscObject)c)));
  for (PetscInt g = 0; g < c->ng && bad < 0; g++) {
    GWCalibGroup *gr = &c->grp[g];
    if (PetscIsNanReal(gr->range[0]) ? (gr->xyz[2] > ext[2 * g] || gr->xyz[2] < ext[2 * g + 1]) : (gr->range[1] > ext[2 * g] - ext[2 * g + 1] + 1e-12)) bad = g;
  }
  if (bad >= 0) {
    GWCalibGroup *gr  = &c->grp[bad];
    PetscReal     top = ext[2 * bad], bot = ext[2 * bad + 1];
    PetscCall(PetscFree(ext));
    if (PetscIsNanReal(gr->range[0])) GWInputCheck(PETSC_FALSE, GWYamlGet_Private(obs->items[bad], "z"), "group \"%s\": z = %g m is outside its column (bottom %g m, land surface %g m); give z inside the grid", gr->name, (double)gr->xyz[2], (double)bot, (double)top);
    GWInputCheck(PETSC_FALSE, GWYamlGet_Private(obs->items[bad], "depth"), "group \"%s\": the layer reaches %g m below the land surface, below the bottom of its column (%g m deep); give a shallower depth", gr->name, (double)gr->range[1], (double)(top - bot));
  }
  PetscCall(PetscFree(ext));
  PetscFunctionReturn(0);
}

/* Reads everything of the calibration document into c. */
static PetscErrorCode LoadDocument(GWCalib c, GWYamlDoc *doc)
{
  GWYamlNode     root = doc->root, pars, obs;
  const char    *scen = NULL;
  char           path[PETSC_MAX_PATH_LEN];
  GWSeries      *ser;
  PetscReal     *w;
  PetscErrorCode ierr = 0;

  PetscFunctionBegin;
  PetscCall(GWYamlCheckKeysIn_Private(root, "", GWCalibKeys));
  PetscCall(GWGetString_Private(root, "scenario", PETSC_TRUE, &scen));
  if (scen[0] != '/' && strrchr(c->file, '/'))
    PetscCall(PetscSNPrintf(path, sizeof(path), "%.*s/%s", (int)(strrchr(c->file, '/') - c->file), c->file, scen));
  else
    PetscCall(PetscStrncpy(path, scen, sizeof(path)));
  PetscCall(GWScenarioCreate(c->sub, &c->sc));
  PetscCall(GWScenarioLoad(c->sc, path));
  GWInputCheck(!c->sc->steady, GWYamlGet_Private(root, "scenario"), "scenario %s starts with a steady-state stage (initial.steady), which gw-calibrate does not run yet; give the initial state directly", path);
  pars = GWYamlGet_Private(root, "parameters");
  obs  = GWYamlGet_Private(root, "observations");
  GWInputCheck(pars && pars->kind == GW_YAML_SEQ && pars->n > 0, pars ? pars : root, "expected parameters: a list of {path, initial, lower, upper, transform}");
  GWInputCheck(obs && obs->kind == GW_YAML_SEQ && obs->n > 0, obs ? obs : root, "expected observations: a list of groups {name, quantity, x, z or depth, file, time_column, value_column, unit, sd or weight}");
  c->np = pars->n;
  c->ng = obs->n;
  PetscCall(PetscCalloc2(c->np, &c->par, c->ng, &c->grp));
  for (PetscInt p = 0; p < c->np; p++) PetscCall(ReadParameter(c, pars->items[p], &c->par[p]));
  PetscCall(PetscCalloc2(c->ng, &ser, c->ng, &w));
  for (PetscInt g = 0; g < c->ng; g++) {
    PetscCall(ReadGroup(c, obs->items[g], &c->grp[g]));
    for (PetscInt h = 0; h < g; h++) GWInputCheck(strcmp(c->grp[h].name, c->grp[g].name), GWYamlGet_Private(obs->items[g], "name"), "name \"%s\" is already used by observations[%" PetscInt_FMT "]; give each group its own name", c->grp[g].name, h);
  }
  for (PetscInt g = 0; g < c->ng && !ierr; g++) {
    ierr            = ReadGroupData(c, obs->items[g], g, &ser[g], &w[g]);
    c->grp[g].start = c->nobs;
    c->grp[g].n     = ser[g].n;
    c->nobs += ser[g].n;
  }
  if (ierr) { /* the series read so far are freed before the input error returns */
    for (PetscInt g = 0; g < c->ng; g++) PetscCall(GWSeriesFree_Private(&ser[g]));
    PetscCall(PetscFree2(ser, w));
    PetscCall(ierr);
  }
  PetscCall(PetscMalloc5(c->nobs, &c->tobs, c->nobs, &c->vobs, c->nobs, &c->wobs, c->nobs, &c->gobs, c->nobs, &c->kobs));
  PetscCall(PetscMalloc5(c->nobs, &c->times, c->nobs, &c->sim, GW_OBS_NQ * c->ng, &c->sample, 3 * c->ng, &c->gxyz, 2 * c->ng, &c->grange));
  for (PetscInt g = 0; g < c->ng; g++) {
    for (PetscInt i = 0; i < ser[g].n; i++) {
      PetscInt k  = c->grp[g].start + i;
      c->tobs[k]  = ser[g].t[i];
      c->vobs[k]  = ser[g].v[i];
      c->wobs[k]  = w[g];
      c->gobs[k]  = g;
      c->times[k] = ser[g].t[i];
    }
    PetscCall(PetscArraycpy(&c->gxyz[3 * g], c->grp[g].xyz, 3));
    PetscCall(PetscArraycpy(&c->grange[2 * g], c->grp[g].range, 2));
    PetscCall(GWSeriesFree_Private(&ser[g]));
  }
  PetscCall(PetscFree2(ser, w));
  GWInputCheck(c->nobs > c->np, obs, "%" PetscInt_FMT " observations for %" PetscInt_FMT " parameters; a least-squares fit needs more observations than parameters", c->nobs, c->np);
  qsort(c->times, (size_t)c->nobs, sizeof(PetscReal), CompareReal);
  c->ntimes = 0;
  for (PetscInt k = 0; k < c->nobs; k++)
    if (!c->ntimes || c->times[k] > c->times[c->ntimes - 1]) c->times[c->ntimes++] = c->times[k];
  for (PetscInt k = 0; k < c->nobs; k++) {
    PetscInt lo = 0, hi = c->ntimes - 1;
    while (lo < hi) {
      PetscInt mid = (lo + hi) / 2;
      if (c->times[mid] < c->tobs[k])
        lo = mid + 1;
      else
        hi = mid;
    }
    c->kobs[k] = lo;
  }
  PetscCall(CheckVertical(c, obs));
  PetscFunctionReturn(0);
}

/*@C
  GWCalibLoad - reads a calibration file: the scenario, the parameters to estimate and the
  observation groups, and checks them all before any forward run

  Collective

  Input Parameters:
+ calib - the calibration
- file - the calibration YAML file (keys in doc/calibrate.md)

  Notes:
  Parameters: registry paths (GWModelSetParameter()) with initial value (default: the scenario's),
  lower and upper bound in SI units and transform log (log10 of the value is estimated) or linear.
  Observation groups: a quantity at a point (x, y, z) or of a layer (x, y, depth [d1, d2]), its
  CSV file (time column of dates or elapsed times, value column and unit, as scenario series),
  and sd (weight 1/sd) or weight. The residual of observation i of group g is
  r_i = w_g (simulated_i - observed_i).

  Errors:
  PETSC_ERR_USER_INPUT with file:line:column and key for: an unknown key, an unknown parameter
  path (with the registry's list of valid names), reversed bounds, an initial value outside its
  bounds, a log transform with a bound <= 0, an unknown quantity, a point outside the grid (x, y
  or z) or a layer below the bottom of its column, an observation time before the start or after
  the end of the run (with the CSV file and line), unreadable CSV data, fewer observations than
  parameters; the scenario's own errors.

  Level: beginner

.seealso: `GWCalibSolve()`, `GWCalibEvaluate()`
@*/
PetscErrorCode GWCalibLoad(GWCalib calib, const char file[])
{
  GWYamlDoc      doc;
  PetscErrorCode ierr;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(calib, GWCALIB_CLASSID, 1);
  PetscCheck(!calib->sc, PetscObjectComm((PetscObject)calib), PETSC_ERR_ARG_WRONGSTATE, "A calibration loads one file");
  PetscCall(PetscStrallocpy(file, &calib->file));
  {
    MPI_Comm    comm = PetscObjectComm((PetscObject)calib);
    PetscMPIInt size, rank;
    PetscCallMPI(MPI_Comm_size(comm, &size));
    PetscCallMPI(MPI_Comm_rank(comm, &rank));
    PetscCall(PetscOptionsGetInt(NULL, NULL, "-calib_jacobian_groups", &calib->ngroups, NULL));
    PetscCheck(calib->ngroups >= 1 && size % calib->ngroups == 0, comm, PETSC_ERR_ARG_OUTOFRANGE, "-calib_jacobian_groups %" PetscInt_FMT ": give a divisor of the number of ranks, %d", calib->ngroups, (int)size);
    calib->group = rank / (size / calib->ngroups);
    PetscCallMPI(MPI_Comm_split(comm, (PetscMPIInt)calib->group, rank, &calib->sub));
  }
  PetscCall(GWYamlLoad_Private(file, &doc));
  ierr = LoadDocument(calib, &doc);
  PetscCall(GWYamlFree_Private(&doc));
  PetscCall(ierr);
  PetscCall(GWCalibSetFromOptions(calib));
  PetscFunctionReturn(0);
}

/*@C
  GWCalibSetFromOptions - reads the options of the calibration

  Collective

  Input Parameter:
. calib - the calibration

  Options Database Keys:
+ -calib_fd_step <1e-6> - forward-difference step h of the Jacobian in transformed space:
                         x_j + h max(|x_j|, 1) (backward when that leaves the upper bound)
- -calib_svd_rtol <1e-6> - singular values of the weighted Jacobian below this times the largest
                          mark the parameters of their singular vectors as ill-posed

  Level: intermediate

.seealso: `GWCalibSolve()`
@*/
PetscErrorCode GWCalibSetFromOptions(GWCalib calib)
{
  PetscInt groups = calib->ngroups;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(calib, GWCALIB_CLASSID, 1);
  PetscOptionsBegin(PetscObjectComm((PetscObject)calib), NULL, "Calibration options", "GWCalib");
  PetscCall(PetscOptionsReal("-calib_fd_step", "forward-difference step (relative, transformed space)", "GWCalibSetFromOptions", calib->fd_step, &calib->fd_step, NULL));
  PetscCall(PetscOptionsInt("-calib_jacobian_groups", "groups of ranks computing Jacobian columns concurrently (read by GWCalibLoad())", "GWCalibSetFromOptions", calib->ngroups, &groups, NULL));
  PetscCheck(groups == calib->ngroups, PetscObjectComm((PetscObject)calib), PETSC_ERR_ARG_WRONGSTATE, "-calib_jacobian_groups is read once, by GWCalibLoad() (%" PetscInt_FMT " groups), not changed after it", calib->ngroups);
  PetscCall(PetscOptionsReal("-calib_xtol", "largest parameter change (transformed) of an iteration that ends the calibration", "GWCalibSetFromOptions", calib->xtol, &calib->xtol, NULL));
  PetscCall(PetscOptionsReal("-calib_svd_rtol", "relative singular value below which parameters are ill-posed", "GWCalibSetFromOptions", calib->svd_rtol, &calib->svd_rtol, NULL));
  PetscOptionsEnd();
  PetscCheck(calib->fd_step > 0 && calib->fd_step < 0.1, PetscObjectComm((PetscObject)calib), PETSC_ERR_ARG_OUTOFRANGE, "-calib_fd_step %g: give a step between 0 and 0.1", (double)calib->fd_step);
  PetscFunctionReturn(0);
}

/*@C
  GWCalibGetModel - gets the model of the calibration's scenario

  Not collective

  Input Parameter:
. calib - the calibration, after GWCalibLoad()

  Output Parameter:
. model - the model (owned by the calibration)

  Level: intermediate

.seealso: `GWCalibLoad()`
@*/
PetscErrorCode GWCalibGetModel(GWCalib calib, GWModel *model)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(calib, GWCALIB_CLASSID, 1);
  PetscCheck(calib->sc, PETSC_COMM_SELF, PETSC_ERR_ARG_WRONGSTATE, "Call GWCalibLoad() first");
  *model = calib->sc->model;
  PetscFunctionReturn(0);
}

/*@C
  GWCalibGetSizes - gets the numbers of parameters, observations and observation groups

  Not collective

  Input Parameter:
. calib - the calibration, after GWCalibLoad()

  Output Parameters (each may be NULL):
+ np - parameters
. nobs - observations (all groups, in the order of the groups and of their CSV rows)
- ng - groups

  Level: intermediate

.seealso: `GWCalibEvaluate()`
@*/
PetscErrorCode GWCalibGetSizes(GWCalib calib, PetscInt *np, PetscInt *nobs, PetscInt *ng)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(calib, GWCALIB_CLASSID, 1);
  if (np) *np = calib->np;
  if (nobs) *nobs = calib->nobs;
  if (ng) *ng = calib->ng;
  PetscFunctionReturn(0);
}

/*@C
  GWCalibGetInitialValues - gets the initial values of the parameters

  Not collective

  Input Parameter:
. calib - the calibration, after GWCalibLoad()

  Output Parameter:
. p - [np] initial values in SI units, in the order of the file

  Level: intermediate

.seealso: `GWCalibGetEstimates()`
@*/
PetscErrorCode GWCalibGetInitialValues(GWCalib calib, PetscReal p[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(calib, GWCALIB_CLASSID, 1);
  for (PetscInt j = 0; j < calib->np; j++) p[j] = calib->par[j].initial;
  PetscFunctionReturn(0);
}
