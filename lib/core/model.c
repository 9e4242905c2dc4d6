/* GWModel: creation, destruction, grid/material/package set-up and their getters. */
#include <gw/private/modelimpl.h>

PetscClassId  GWMODEL_CLASSID;
PetscLogEvent GW_Residual, GW_Jacobian, GW_LinearSolve, GW_Step;

const char *const GWRelPermWeightings[] = {"upstream", "arithmetic", "limited", "integrated", "GWRelPermWeighting", "GW_KR_", NULL};

static PetscBool GWPackageInitialized = PETSC_FALSE;

static PetscErrorCode GWFinalizePackage(void)
{
  PetscFunctionBegin;
  GWPackageInitialized = PETSC_FALSE;
  PetscFunctionReturn(0);
}

/*@C
  GWInitializePackage - registers libgw's classes, log events and implementation types.
  Called by the first GWModelCreate(), GWMaterialCreate() or GWPackageCreate(); calling it
  again does nothing.

  Not collective

  Level: developer

.seealso: `GWModelCreate()`
@*/
PetscErrorCode GWInitializePackage(void)
{
  PetscFunctionBegin;
  if (GWPackageInitialized) PetscFunctionReturn(0);
  GWPackageInitialized = PETSC_TRUE;
  PetscCall(PetscRegisterFinalize(GWFinalizePackage));
  PetscCall(PetscClassIdRegister("GW Model", &GWMODEL_CLASSID));
  PetscCall(PetscLogEventRegister("GWResidual", GWMODEL_CLASSID, &GW_Residual));
  PetscCall(PetscLogEventRegister("GWJacobian", GWMODEL_CLASSID, &GW_Jacobian));
  PetscCall(PetscLogEventRegister("GWLinearSolve", GWMODEL_CLASSID, &GW_LinearSolve));
  PetscCall(PetscLogEventRegister("GWStep", GWMODEL_CLASSID, &GW_Step));
  PetscCall(GWMaterialRegisterAll_Private());
  PetscCall(GWPackageRegisterAll_Private());
  PetscFunctionReturn(0);
}

/*@C
  GWModelCreate - creates an empty flow model

  Collective

  Input Parameter:
. comm - MPI communicator over which the grid is distributed

  Output Parameter:
. model - the new model

  Notes:
  Then give the grid (GWModelSetGridSize(), GWModelSetCellWidths(), GWModelSetLayerElevations()),
  materials (GWModelAddMaterial(), GWModelSetMaterialZones()), packages (GWModelAddPackage()) and
  an initial state, call GWModelSetUp(), then GWModelStep() or GWModelRun().
  Default time control: dt_init = 1 s, dt_min = 1e-6 s, dt_max = 1e10 s, at most 10 cuts of one
  step; dt grows by 1.25 after steps of at most 4 Newton iterations and shrinks by 0.5 after
  steps of more than 8 (Design notes; cf. Paniconi and Putti 1994, Water Resour. Res. 30(12));
  time-step error control: root mean square over the cells of the estimated local error of water
  content at most 2e-5 per step (GWModelSetTimeErrorTolerance(), GWModelSetTimeErrorNorm()).

  Level: beginner

.seealso: `GWModelDestroy()`, `GWModelSetUp()`
@*/
PetscErrorCode GWModelCreate(MPI_Comm comm, GWModel *model)
{
  GWModel m;

  PetscFunctionBegin;
  PetscValidPointer(model, 2);
  PetscCall(GWInitializePackage());
  PetscCall(PetscHeaderCreate(m, GWMODEL_CLASSID, "GWModel", "Variably saturated flow model", "GW", comm, GWModelDestroy, GWModelView));
  m->krweight   = GW_KR_INTEGRATED;
  m->gravity    = 1.0;
  m->dt_init    = 1.0;
  m->dt_min     = 1e-6;
  m->dt_max     = 1e10;
  m->dt_grow    = 1.25;
  m->dt_cut     = 0.5;
  m->dtheta_max = 0.05;
  m->dterr_tol  = 2e-5;
  m->dterr_norm = NORM_2;
  m->it_easy    = 4;
  m->it_hard    = 8;
  m->max_cuts   = 10;
  m->mb_rtol    = 1e-10;
  m->dpsi_max   = 5.0;
  m->prog_steps = 500;
  m->prog_frac  = 1e-4;
  *model        = m;
  PetscFunctionReturn(0);
}

/*@C
  GWModelDestroy - destroys a model and releases its materials and packages

  Collective

  Input Parameter:
. model - the model; set to NULL on return

  Level: beginner

.seealso: `GWModelCreate()`
@*/
PetscErrorCode GWModelDestroy(GWModel *model)
{
  GWModel m;

  PetscFunctionBegin;
  if (!model || !*model) PetscFunctionReturn(0);
  m = *model;
  PetscValidHeaderSpecific(m, GWMODEL_CLASSID, 1);
  if (--((PetscObject)m)->refct > 0) {
    *model = NULL;
    PetscFunctionReturn(0);
  }
  PetscCall(PetscFree2(m->dx, m->dy));
  PetscCall(VecDestroy(&m->geoglobal));
  for (PetscInt i = 0; i < m->nmat; i++) PetscCall(GWMaterialDestroy(&m->mat[i]));
  for (PetscInt i = 0; i < m->npkg; i++) PetscCall(GWPackageDestroy(&m->pkg[i]));
  PetscCall(GWModelDestroyTransport_Private(m));
  PetscCall(PetscFree(m->mat));
  PetscCall(PetscFree(m->pkg));
  PetscCall(PetscFree3(m->cons, m->cons_psi, m->tface));
  PetscCall(PetscFree(m->kface));
  PetscCall(PetscFree2(m->step.in, m->step.out));
  PetscCall(PetscFree2(m->cum.in, m->cum.out));
  PetscCall(PetscFree3(m->zone_step, m->zone_cum, m->zone_flow_cum));
  if (m->geo4) PetscCall(DMDAVecRestoreArrayDOFRead(m->dageo, m->geo, &m->geo4));
  if (m->qface4) PetscCall(DMDAVecRestoreArrayDOFRead(m->daq, m->qface, &m->qface4));
  PetscCall(VecDestroy(&m->geo));
  PetscCall(VecDestroy(&m->psi));
  PetscCall(VecDestroy(&m->psi_old));
  PetscCall(VecDestroy(&m->psi_init));
  PetscCall(VecDestroy(&m->theta_old));
  PetscCall(VecDestroy(&m->vol));
  PetscCall(VecDestroy(&m->psi_local));
  PetscCall(VecDestroy(&m->work));
  PetscCall(VecDestroy(&m->rate_old));
  PetscCall(VecDestroy(&m->rate_new));
  PetscCall(SNESDestroy(&m->snes));
  PetscCall(VecDestroy(&m->X));
  PetscCall(VecDestroy(&m->wvol));
  PetscCall(VecDestroy(&m->Fw));
  PetscCall(VecDestroy(&m->lres));
  PetscCall(VecDestroy(&m->qface));
  PetscCall(DMDestroy(&m->daq));
  PetscCall(VecDestroy(&m->u_local));
  PetscCall(VecDestroy(&m->r_local));
  PetscCall(PetscFree3(m->u, m->u_old, m->r_work));
  PetscCall(PetscFree(m->budget_work));
  PetscCall(PetscFree(m->col_work));
  PetscCall(DMDestroy(&m->dau));
  PetscCall(DMDestroy(&m->pack));
  PetscCall(DMDestroy(&m->dageo));
  PetscCall(DMDestroy(&m->da));
  PetscCall(PetscHeaderDestroy(model));
  PetscFunctionReturn(0);
}

/*@C
  GWModelSetGridSize - sets the number of cells along x, y and layers (z)

  Collective

  Input Parameters:
+ model - the model
. nx, ny - columns along x and y (ny = 1 for a 2D cross-section; nx = ny = 1 for a 1D column)
- nz - number of layers; layer 0 is the top layer

  Notes:
  The distributed grid (GWModelGetDM()) exists from here on, created on first need, so layer
  elevations and zones are stored only for the cells each rank owns. Changing the size discards
  the layer elevations, zones and cell widths given before.

  Errors:
  PETSC_ERR_ARG_OUTOFRANGE if a size is below 1; PETSC_ERR_ARG_WRONGSTATE after GWModelSetUp().

  Level: beginner

.seealso: `GWModelSetCellWidths()`, `GWModelSetLayerElevations()`, `GWModelGetDM()`
@*/
PetscErrorCode GWModelSetGridSize(GWModel model, PetscInt nx, PetscInt ny, PetscInt nz)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCheck(!model->setupcalled, PetscObjectComm((PetscObject)model), PETSC_ERR_ARG_WRONGSTATE, "Grid size cannot change after GWModelSetUp()");
  PetscCheck(nx >= 1 && ny >= 1 && nz >= 1, PetscObjectComm((PetscObject)model), PETSC_ERR_ARG_OUTOFRANGE, "Grid size %" PetscInt_FMT " x %" PetscInt_FMT " x %" PetscInt_FMT " is invalid: every count must be at least 1", nx, ny, nz);
  if (model->nx != nx || model->ny != ny || model->nz != nz) {
    PetscCall(PetscFree2(model->dx, model->dy));
    PetscCall(VecDestroy(&model->geoglobal));
    PetscCall(DMDestroy(&model->dageo));
    PetscCall(DMDestroy(&model->da));
    model->layers_set = PETSC_FALSE;
  }
  model->nx = nx;
  model->ny = ny;
  model->nz = nz;
  PetscFunctionReturn(0);
}

/*@C
  GWModelGetGridSize - gets the number of cells along x, y and layers

  Not collective

  Input Parameter:
. model - the model

  Output Parameters:
+ nx, ny, nz - cell counts (any may be NULL)

  Level: beginner

.seealso: `GWModelSetGridSize()`
@*/
PetscErrorCode GWModelGetGridSize(GWModel model, PetscInt *nx, PetscInt *ny, PetscInt *nz)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  if (nx) *nx = model->nx;
  if (ny) *ny = model->ny;
  if (nz) *nz = model->nz;
  PetscFunctionReturn(0);
}

/* The grid size is set and the model not yet set up: grid inputs may be given. */
PetscErrorCode GWModelCheckSized_Private(GWModel model)
{
  PetscFunctionBegin;
  PetscCheck(model->nx > 0, PetscObjectComm((PetscObject)model), PETSC_ERR_ARG_WRONGSTATE, "Call GWModelSetGridSize() first");
  PetscCheck(!model->setupcalled, PetscObjectComm((PetscObject)model), PETSC_ERR_ARG_WRONGSTATE, "The grid cannot change after GWModelSetUp()");
  PetscFunctionReturn(0);
}

/*@C
  GWModelSetCellWidths - sets cell widths along x (per column) and y (per row)

  Logically collective; the same arrays on every rank

  Input Parameters:
+ model - the model
. dx - array [nx] of widths along x [m], each > 0
- dy - array [ny] of widths along y [m], each > 0

  Errors:
  PETSC_ERR_ARG_OUTOFRANGE naming the first width that is not positive and finite.

  Level: beginner

.seealso: `GWModelSetUniformCellWidths()`, `GWModelSetGridSize()`
@*/
PetscErrorCode GWModelSetCellWidths(GWModel model, const PetscReal dx[], const PetscReal dy[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCall(GWModelCheckSized_Private(model));
  for (PetscInt i = 0; i < model->nx; i++) PetscCheck(dx[i] > 0 && PetscIsNormalReal(dx[i]), PetscObjectComm((PetscObject)model), PETSC_ERR_ARG_OUTOFRANGE, "Cell width dx[%" PetscInt_FMT "] = %g m must be positive and finite", i, (double)dx[i]);
  for (PetscInt j = 0; j < model->ny; j++) PetscCheck(dy[j] > 0 && PetscIsNormalReal(dy[j]), PetscObjectComm((PetscObject)model), PETSC_ERR_ARG_OUTOFRANGE, "Cell width dy[%" PetscInt_FMT "] = %g m must be positive and finite", j, (double)dy[j]);
  if (!model->dx) PetscCall(PetscMalloc2(model->nx, &model->dx, model->ny, &model->dy));
  PetscCall(PetscArraycpy(model->dx, dx, model->nx));
  PetscCall(PetscArraycpy(model->dy, dy, model->ny));
  PetscFunctionReturn(0);
}

/*@C
  GWModelSetUniformCellWidths - sets the same width for every column along x and every row along y

  Logically collective

  Input Parameters:
+ model - the model
. dx - width along x [m], > 0
- dy - width along y [m], > 0

  Level: beginner

.seealso: `GWModelSetCellWidths()`
@*/
PetscErrorCode GWModelSetUniformCellWidths(GWModel model, PetscReal dx, PetscReal dy)
{
  PetscReal *ax, *ay;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCall(GWModelCheckSized_Private(model));
  PetscCall(PetscMalloc2(model->nx, &ax, model->ny, &ay));
  for (PetscInt i = 0; i < model->nx; i++) ax[i] = dx;
  for (PetscInt j = 0; j < model->ny; j++) ay[j] = dy;
  PetscCall(GWModelSetCellWidths(model, ax, ay));
  PetscCall(PetscFree2(ax, ay));
  PetscFunctionReturn(0);
}

/*@C
  GWModelGetCellWidths - gets the cell widths along x and y

  Not collective

  Input Parameter:
. model - the model

  Output Parameters:
+ dx - array [nx] of widths [m] (borrowed; may be NULL)
- dy - array [ny] of widths [m] (borrowed; may be NULL)

  Level: beginner

.seealso: `GWModelSetCellWidths()`
@*/
PetscErrorCode GWModelGetCellWidths(GWModel model, const PetscReal *dx[], const PetscReal *dy[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  if (dx) *dx = model->dx;
  if (dy) *dy = model->dy;
  PetscFunctionReturn(0);
}

/*@C
  GWModelAddMaterial - adds a material; the model keeps a reference

  Logically collective

  Input Parameters:
+ model - the model
- mat - the material

  Output Parameter:
. id - its index, to use in GWModelSetMaterialZones() (may be NULL); the first is 0

  Level: beginner

.seealso: `GWModelSetMaterialZones()`, `GWMaterialCreate()`
@*/
PetscErrorCode GWModelAddMaterial(GWModel model, GWMaterial mat, PetscInt *id)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCheck(!model->setupcalled, PetscObjectComm((PetscObject)model), PETSC_ERR_ARG_WRONGSTATE, "Add materials before GWModelSetUp()");
  PetscCall(PetscObjectReference((PetscObject)mat));
  PetscCall(PetscRealloc(sizeof(GWMaterial) * (model->nmat + 1), &model->mat));
  model->mat[model->nmat] = mat;
  if (id) *id = model->nmat;
  model->nmat++;
  PetscFunctionReturn(0);
}

/*@C
  GWModelGetMaterial - gets material number id (borrowed reference)

  Not collective

  Input Parameters:
+ model - the model
- id - index in [0, number of materials)

  Output Parameter:
. mat - the material

  Level: beginner

.seealso: `GWModelAddMaterial()`
@*/
PetscErrorCode GWModelGetMaterial(GWModel model, PetscInt id, GWMaterial *mat)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCheck(id >= 0 && id < model->nmat, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "Material %" PetscInt_FMT " does not exist: the model has %" PetscInt_FMT " materials", id, model->nmat);
  *mat = model->mat[id];
  PetscFunctionReturn(0);
}

/*@C
  GWModelGetNumMaterials - gets the number of materials

  Not collective

  Input Parameter:
. model - the model

  Output Parameter:
. n - number of materials

  Level: beginner

.seealso: `GWModelAddMaterial()`
@*/
PetscErrorCode GWModelGetNumMaterials(GWModel model, PetscInt *n)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  *n = model->nmat;
  PetscFunctionReturn(0);
}

/*@C
  GWModelSetRelPermWeighting - chooses how relative permeability is evaluated at faces

  Logically collective

  Input Parameters:
+ model - the model
- w - GW_KR_INTEGRATED (default), GW_KR_ARITHMETIC, GW_KR_UPSTREAM or GW_KR_LIMITED

  Options Database:
. -gw_kr_weighting <integrated,arithmetic,upstream,limited> - the weighting

  Notes:
  Upstream weighting (by the sign of the hydraulic-head difference) is monotone and keeps dry
  cells from locking up (Forsyth et al. 1995, Adv. Water Resour. 18(1)) but is first order; the
  arithmetic mean is second order where the solution is smooth and is the default of HYDRUS and
  SWAP and of many finite-difference references (e.g. Celia et al. 1990), but lets a nearly dry
  cell drain into a wetter one at half its neighbour's conductivity. Limited weighting takes
  kr_f = min((kr_c + kr_n)/2, kr_up) (smoothed): the arithmetic mean wherever water flows from
  the wetter cell, the upstream value where it flows out of the drier one. The integrated (Kirchhoff) mean, the
  default, is kr_f = (1/(psi_n - psi_c)) int kr dpsi between the two cells' pressure heads
  (Haverkamp and Vauclin 1979, Water Resour. Res. 15(1); Szymkiewicz 2009, Water Resour. Res. 45,
  W10403), by Simpson's rule (one extra constitutive evaluation per face): on Celia's problems on
  1 cm cells it halves the profile errors of the arithmetic mean and brings the stored-water gain
  within 0.25%. See doc/theory.md for the comparison and figures.

  Level: intermediate

.seealso: `GWRelPermWeighting`
@*/
PetscErrorCode GWModelSetRelPermWeighting(GWModel model, GWRelPermWeighting w)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  model->krweight    = w;
  model->kface_valid = PETSC_FALSE;
  PetscFunctionReturn(0);
}

/*@C
  GWModelGetRelPermWeighting - gets the face weighting of relative permeability

  Not collective

  Input Parameter:
. model - the model

  Output Parameter:
. w - the weighting

  Level: intermediate

.seealso: `GWModelSetRelPermWeighting()`
@*/
PetscErrorCode GWModelGetRelPermWeighting(GWModel model, GWRelPermWeighting *w)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  *w = model->krweight;
  PetscFunctionReturn(0);
}

/*@C
  GWModelAddPackage - adds a boundary or source package; the model keeps a reference

  Logically collective

  Input Parameters:
+ model - the model
- pkg - the package, with its type, cells and schedule set

  Level: beginner

.seealso: `GWPackageCreate()`, `GWModelGetPackageBudget()`
@*/
PetscErrorCode GWModelAddPackage(GWModel model, GWPackage pkg)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscValidHeaderSpecific(pkg, GWPACKAGE_CLASSID, 2);
  PetscCheck(!model->setupcalled, PetscObjectComm((PetscObject)model), PETSC_ERR_ARG_WRONGSTATE, "Add packages before GWModelSetUp()");
  PetscCall(PetscObjectReference((PetscObject)pkg));
  PetscCall(PetscRealloc(sizeof(GWPackage) * (model->npkg + 1), &model->pkg));
  model->pkg[model->npkg++] = pkg;
  PetscFunctionReturn(0);
}

/*@C
  GWModelGetNumPackages - gets the number of packages

  Not collective

  Input Parameter:
. model - the model

  Output Parameter:
. n - number of packages

  Level: beginner

.seealso: `GWModelAddPackage()`
@*/
PetscErrorCode GWModelGetNumPackages(GWModel model, PetscInt *n)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  *n = model->npkg;
  PetscFunctionReturn(0);
}

/*@C
  GWModelGetPackage - gets package number id (borrowed reference), in the order added

  Not collective

  Input Parameters:
+ model - the model
- id - index in [0, number of packages)

  Output Parameter:
. pkg - the package

  Level: beginner

.seealso: `GWModelAddPackage()`
@*/
PetscErrorCode GWModelGetPackage(GWModel model, PetscInt id, GWPackage *pkg)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCheck(id >= 0 && id < model->npkg, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "Package %" PetscInt_FMT " does not exist: the model has %" PetscInt_FMT " packages", id, model->npkg);
  *pkg = model->pkg[id];
  PetscFunctionReturn(0);
}

/*@C
  GWModelSetFromOptions - reads time-control and discretisation options

  Collective

  Input Parameter:
. model - the model

  Options Database:
+ -gw_dt_init <s> - first time step [s]
. -gw_dt_min <s> - smallest time step before giving up [s]
. -gw_dt_max <s> - largest time step [s]
. -gw_dt_max_cuts <n> - cuts of one step before giving up
. -gw_dtheta_max <f> - largest change of water content in any cell per step before dt shrinks
. -gw_mass_balance_rtol <r> - relative mass-balance error a Newton step must reach
. -gw_dpsi_max <m> - largest Newton update of pressure head in any cell [m] (default 5; 0 for none)
. -gw_dt_error_tol <f> - time-step error control: tolerance on the estimated local error of water content per step (default 2e-5; 0: off)
. -gw_dt_error_rms <bool> - that error as the root mean square over the cells (default true) or the largest (false)
. -gw_progress_steps <n> - steps of the progress guard's window (default 500; 0 for no guard)
. -gw_progress_fraction <f> - least fraction of the remaining time a window must advance (default 1e-4)
- -gw_kr_weighting <upstream,arithmetic> - face weighting of relative permeability

  Solver options use the prefix gw_: -gw_snes_*, -gw_ksp_*, -gw_pc_*.

  Level: beginner

.seealso: `GWModelSetTimeStepLimits()`
@*/
PetscErrorCode GWModelSetFromOptions(GWModel model)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscObjectOptionsBegin((PetscObject)model);
  PetscCall(PetscOptionsReal("-gw_dt_init", "First time step [s]", "GWModelSetTimeStepLimits", model->dt_init, &model->dt_init, NULL));
  PetscCall(PetscOptionsReal("-gw_dt_min", "Smallest time step [s]", "GWModelSetTimeStepLimits", model->dt_min, &model->dt_min, NULL));
  PetscCall(PetscOptionsReal("-gw_dt_max", "Largest time step [s]", "GWModelSetTimeStepLimits", model->dt_max, &model->dt_max, NULL));
  PetscCall(PetscOptionsInt("-gw_dt_max_cuts", "Cuts of one step before giving up", "GWModelSetMaxTimeStepCuts", model->max_cuts, &model->max_cuts, NULL));
  PetscCall(PetscOptionsReal("-gw_dtheta_max", "Largest water-content change per step", "GWModelSetFromOptions", model->dtheta_max, &model->dtheta_max, NULL));
  PetscCall(PetscOptionsReal("-gw_mass_balance_rtol", "Relative mass-balance error a Newton step must reach", "GWModelSetMassBalanceTolerance", model->mb_rtol, &model->mb_rtol, NULL));
  PetscCall(PetscOptionsReal("-gw_dpsi_max", "Largest Newton update of pressure head in a cell [m] (0: no limit)", "GWModelSetFromOptions", model->dpsi_max, &model->dpsi_max, NULL));
  {
    PetscBool rms = (PetscBool)(model->dterr_norm == NORM_2);
    PetscCall(PetscOptionsBool("-gw_dt_error_rms", "Time error as the root mean square over the cells (true, default) or the largest (false)", "GWModelSetTimeErrorNorm", rms, &rms, NULL));
    model->dterr_norm = rms ? NORM_2 : NORM_INFINITY;
  }
  PetscCall(PetscOptionsReal("-gw_dt_error_tol", "Largest estimated local time error of water content per step (default 2e-5; 0: off)", "GWModelSetTimeErrorTolerance", model->dterr_tol, &model->dterr_tol, NULL));
  PetscCall(PetscOptionsInt("-gw_progress_steps", "Steps of the progress guard's window (0: no guard)", "GWModelSetProgressGuard", model->prog_steps, &model->prog_steps, NULL));
  PetscCall(PetscOptionsReal("-gw_progress_fraction", "Least fraction of the remaining time a window of steps must advance", "GWModelSetProgressGuard", model->prog_frac, &model->prog_frac, NULL));
  PetscCall(PetscOptionsEnum("-gw_kr_weighting", "Face weighting of relative permeability", "GWModelSetRelPermWeighting", GWRelPermWeightings, (PetscEnum)model->krweight, (PetscEnum *)&model->krweight, NULL));
  PetscOptionsEnd();
  PetscCall(GWModelSetTimeStepLimits(model, model->dt_init, model->dt_min, model->dt_max));
  if (model->snes) PetscCall(SNESSetFromOptions(model->snes));
  PetscFunctionReturn(0);
}

/*@C
  GWModelView - prints the grid, materials, packages and time control

  Collective

  Input Parameters:
+ model - the model
- viewer - an ASCII viewer, or NULL for stdout

  Level: beginner

.seealso: `GWModelBudgetView()`
@*/
PetscErrorCode GWModelView(GWModel model, PetscViewer viewer)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  if (!viewer) PetscCall(PetscViewerASCIIGetStdout(PetscObjectComm((PetscObject)model), &viewer));
  PetscCall(PetscViewerASCIIPrintf(viewer, "GWModel: %" PetscInt_FMT " x %" PetscInt_FMT " x %" PetscInt_FMT " cells, %" PetscInt_FMT " materials, %" PetscInt_FMT " packages, kr weighting %s\n", model->nx, model->ny, model->nz, model->nmat, model->npkg, GWRelPermWeightings[model->krweight]));
  PetscCall(PetscViewerASCIIPrintf(viewer, "  time %g s, dt limits [%g, %g] s, first dt %g s, max cuts %" PetscInt_FMT ", mass-balance rtol %g\n", (double)model->t, (double)model->dt_min, (double)model->dt_max, (double)model->dt_init, model->max_cuts, (double)model->mb_rtol));
  PetscCall(PetscViewerASCIIPushTab(viewer));
  for (PetscInt i = 0; i < model->nmat; i++) PetscCall(GWMaterialView(model->mat[i], viewer));
  for (PetscInt i = 0; i < model->npkg; i++) {
    const char   *name;
    GWPackageType type;
    PetscInt      n;
    PetscCall(GWPackageGetName(model->pkg[i], &name));
    PetscCall(GWPackageGetType(model->pkg[i], &type));
    PetscCall(GWPackageGetNumCells(model->pkg[i], &n));
    PetscCall(PetscViewerASCIIPrintf(viewer, "package %s (%s): %" PetscInt_FMT " cells\n", name, type, n));
  }
  PetscCall(PetscViewerASCIIPopTab(viewer));
  PetscFunctionReturn(0);
}

/*@C
  GWModelSetStartDate - sets the calendar date of model time 0, so that outputs carry dates

  Logically collective

  Input Parameters:
+ model - the model
- date - the date of t = 0 [s since 1970-01-01T00:00:00 UTC, Gregorian calendar, no leap seconds]

  Notes:
  Time inside the model stays the elapsed time in seconds; the date only labels outputs: the
  NetCDF time units become "seconds since <date>" (CF), CSV outputs get a date column and
  progress lines show dates.

  Level: intermediate

.seealso: `GWModelGetStartDate()`, `GWModelSetTime()`
@*/
PetscErrorCode GWModelSetStartDate(GWModel model, PetscReal date)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCheck(PetscIsNormalReal(date) || date == 0, PetscObjectComm((PetscObject)model), PETSC_ERR_ARG_OUTOFRANGE, "start date %g s since 1970-01-01 is not a finite number", (double)date);
  model->start_date     = date;
  model->has_start_date = PETSC_TRUE;
  PetscFunctionReturn(0);
}

/*@C
  GWModelGetStartDate - gets the calendar date of model time 0

  Not collective

  Input Parameter:
. model - the model

  Output Parameters:
+ date - the date of t = 0 [s since 1970-01-01T00:00:00 UTC], 0 when none was set
- set - whether GWModelSetStartDate() was called

  Level: intermediate

.seealso: `GWModelSetStartDate()`
@*/
PetscErrorCode GWModelGetStartDate(GWModel model, PetscReal *date, PetscBool *set)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  if (date) *date = model->has_start_date ? model->start_date : 0;
  if (set) *set = model->has_start_date;
  PetscFunctionReturn(0);
}
