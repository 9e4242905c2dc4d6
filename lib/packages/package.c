/* GWPackage: the common part of every boundary and source package (cells, schedule, set-up). */
#include <gw/private/modelimpl.h>
#include <gw/private/surfacewaterimpl.h>

PetscClassId GWPACKAGE_CLASSID;

const char *const GWFaces[]          = {"none", "west", "east", "south", "north", "top", "bottom", "GWFace", "GW_FACE_", NULL};
const char *const GWHeadKinds[]      = {"pressure", "hydraulic", "GWHeadKind", "GW_HEAD_", NULL};
const char *const GWInterpolations[] = {"step", "linear", "GWInterpolation", "GW_INTERP_", NULL};

static PetscFunctionList GWPackageList              = NULL;
static PetscBool         GWPackageRegisterAllCalled = PETSC_FALSE;

static PetscErrorCode GWPackageFinalize_Private(void)
{
  PetscFunctionBegin;
  PetscCall(PetscFunctionListDestroy(&GWPackageList));
  GWPackageRegisterAllCalled = PETSC_FALSE;
  PetscFunctionReturn(0);
}

PetscErrorCode GWPackageRegisterAll_Private(void)
{
  PetscFunctionBegin;
  if (GWPackageRegisterAllCalled) PetscFunctionReturn(0);
  GWPackageRegisterAllCalled = PETSC_TRUE;
  PetscCall(PetscRegisterFinalize(GWPackageFinalize_Private));
  PetscCall(PetscClassIdRegister("GW Package", &GWPACKAGE_CLASSID));
  PetscCall(GWPackageRegister(GWPACKAGEHEAD, GWPackageCreate_Head));
  PetscCall(GWPackageRegister(GWPACKAGEFLUX, GWPackageCreate_Flux));
  PetscCall(GWPackageRegister(GWPACKAGESEEPAGEFACE, GWPackageCreate_SeepageFace));
  PetscCall(GWPackageRegister(GWPACKAGEWELL, GWPackageCreate_Well));
  PetscCall(GWPackageRegister(GWPACKAGEATMOSPHERE, GWPackageCreate_Atmosphere));
  PetscCall(GWPackageRegister(GWPACKAGEEVAPOTRANSPIRATION, GWPackageCreate_Evapotranspiration));
  PetscCall(GWPackageRegister(GWPACKAGEROOTUPTAKE, GWPackageCreate_RootUptake));
  PetscCall(GWPackageRegister(GWPACKAGEFREEDRAINAGE, GWPackageCreate_FreeDrainage));
  PetscCall(GWPackageRegister(GWPACKAGEDRAIN, GWPackageCreate_Drain));
  PetscCall(GWPackageRegister(GWPACKAGEGENERALHEAD, GWPackageCreate_GeneralHead));
  PetscCall(GWPackageRegister(GWPACKAGERIVER, GWPackageCreate_River));
  PetscCall(GWPackageRegister(GWPACKAGECANAL, GWPackageCreate_Canal));
  PetscFunctionReturn(0);
}

/*@C
  GWPackageRegister - adds a package implementation

  Not collective

  Input Parameters:
+ name - type name, as used in GWPackageSetType() and scenario files
- create - function that fills the package's ops

  Level: advanced

.seealso: `GWPackageSetType()`
@*/
PetscErrorCode GWPackageRegister(const char name[], PetscErrorCode (*create)(GWPackage))
{
  PetscFunctionBegin;
  PetscCall(PetscFunctionListAdd(&GWPackageList, name, create));
  PetscFunctionReturn(0);
}

static PetscErrorCode GWPackageFreeDeclared(GWPackage pkg)
{
  PetscFunctionBegin;
  if (pkg->ops->destroy) PetscCall(pkg->ops->destroy(pkg));
  pkg->data = NULL;
  for (PetscInt i = 0; i < pkg->ninput; i++) PetscCall(PetscFree2(pkg->input[i].t, pkg->input[i].v));
  for (PetscInt i = 0; i < pkg->noption; i++) PetscCall(PetscFree(pkg->option[i]));
  PetscCall(PetscFree(pkg->input));
  PetscCall(PetscFree(pkg->param));
  PetscCall(GWPackageFreeEntryValues_Private(pkg));
  PetscCall(PetscFree(pkg->option));
  PetscCall(PetscFree2(pkg->term_step, pkg->term_cum));
  PetscCall(PetscFree2(pkg->term_zone_step, pkg->term_zone_cum));
  pkg->ninput = pkg->nparam = pkg->noption = pkg->nterm = 0;
  PetscFunctionReturn(0);
}

static PetscErrorCode GWPackageDestroy_Private(GWPackage pkg)
{
  PetscFunctionBegin;
  PetscCall(GWPackageFreeDeclared(pkg));
  PetscCall(PetscFree(pkg->cell));
  PetscCall(PetscFree(pkg->group));
  PetscCall(PetscFree(pkg->entry));
  PetscCall(PetscFree2(pkg->Q, pkg->dQ));
  PetscCall(PetscFree2(pkg->col, pkg->cellof));
  PetscCall(PetscFree2(pkg->tsched, pkg->vsched));
  PetscCall(PetscFree(pkg->vstep));
  PetscFunctionReturn(0);
}

/*@C
  GWPackageGetTypeNames - gets the names of the registered package types, built-in and added by
  GWPackageRegister()

  Not collective

  Output Parameters:
+ n - number of types
- names - array [n] of the names, in order of registration; free the array (not the names)
          with PetscFree()

  Level: intermediate

.seealso: `GWPackageRegister()`, `GWPackageSetType()`
@*/
PetscErrorCode GWPackageGetTypeNames(PetscInt *n, const char **names[])
{
  const char **all;
  int          nall;

  PetscFunctionBegin;
  PetscValidIntPointer(n, 1);
  PetscValidPointer(names, 2);
  PetscCall(GWInitializePackage());
  PetscCall(PetscFunctionListGet(GWPackageList, &all, &nall));
  *n = 0;
  for (int i = 0; i < nall; i++) /* PETSc 3.18 ends the array with a NULL entry */
    if (all[i]) all[(*n)++] = all[i];
  *names = all;
  PetscFunctionReturn(0);
}

/*@C
  GWPackageCreate - creates a package with no type, cells or schedule

  Collective

  Input Parameter:
. comm - the model's communicator

  Output Parameter:
. pkg - the package

  Level: beginner

.seealso: `GWPackageSetType()`, `GWPackageAddCell()`, `GWModelAddPackage()`
@*/
PetscErrorCode GWPackageCreate(MPI_Comm comm, GWPackage *pkg)
{
  GWPackage p;

  PetscFunctionBegin;
  PetscValidPointer(pkg, 2);
  PetscCall(GWInitializePackage());
  PetscCall(PetscHeaderCreate(p, GWPACKAGE_CLASSID, "GWPackage", "Boundary or source package", "GW", comm, GWPackageDestroy, NULL));
  p->interp   = GW_INTERP_STEP;
  p->value_mult = 1.0;
  p->headkind = GW_HEAD_HYDRAULIC;
  *pkg        = p;
  PetscFunctionReturn(0);
}

/*@C
  GWPackageDestroy - releases a package

  Collective

  Input Parameter:
. pkg - the package; set to NULL on return

  Level: beginner

.seealso: `GWPackageCreate()`
@*/
PetscErrorCode GWPackageDestroy(GWPackage *pkg)
{
  PetscFunctionBegin;
  if (!pkg || !*pkg) PetscFunctionReturn(0);
  PetscValidHeaderSpecific(*pkg, GWPACKAGE_CLASSID, 1);
  if (--((PetscObject)(*pkg))->refct > 0) {
    *pkg = NULL;
    PetscFunctionReturn(0);
  }
  PetscCall(GWPackageDestroy_Private(*pkg));
  PetscCall(PetscHeaderDestroy(pkg));
  PetscFunctionReturn(0);
}

/*@C
  GWPackageSetType - sets the package type; its default name is the type name

  Collective

  Input Parameters:
+ pkg - the package
- type - GWPACKAGEHEAD, GWPACKAGEFLUX, GWPACKAGESEEPAGEFACE, GWPACKAGEWELL or a registered type

  Errors:
  PETSC_ERR_ARG_UNKNOWN_TYPE naming the valid types.

  Level: beginner

.seealso: `GWPackageType`
@*/
PetscErrorCode GWPackageSetType(GWPackage pkg, GWPackageType type)
{
  PetscErrorCode (*create)(GWPackage);
  PetscBool match;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(pkg, GWPACKAGE_CLASSID, 1);
  PetscCall(PetscObjectTypeCompare((PetscObject)pkg, type, &match));
  if (match) PetscFunctionReturn(0);
  PetscCall(PetscFunctionListFind(GWPackageList, type, &create));
  if (!create) {
    char list[512];

    PetscCall(GWTypeNamesJoin_Private(GWPackageGetTypeNames, list, sizeof(list)));
    SETERRQ(PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_UNKNOWN_TYPE, "Unknown package type \"%s\": use one of %s", type, list);
  }
  PetscCall(GWPackageFreeDeclared(pkg));
  PetscCall(PetscMemzero(pkg->ops, sizeof(struct _GWPackageOps)));
  pkg->needs_value        = PETSC_TRUE;
  pkg->face_rule          = GW_PACKAGE_FACE_OPTIONAL;
  pkg->value_unit         = NULL;
  pkg->head_kind_accepted = PETSC_FALSE;
  PetscCall((*create)(pkg));
  PetscCall(PetscObjectChangeTypeName((PetscObject)pkg, type));
  if (!((PetscObject)pkg)->name) PetscCall(PetscObjectSetName((PetscObject)pkg, type));
  PetscFunctionReturn(0);
}

/*@C
  GWPackageGetType - gets the package type

  Not collective

  Input Parameter:
. pkg - the package

  Output Parameter:
. type - the type name (NULL if not set)

  Level: beginner

.seealso: `GWPackageSetType()`
@*/
PetscErrorCode GWPackageGetType(GWPackage pkg, GWPackageType *type)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pkg, GWPACKAGE_CLASSID, 1);
  *type = ((PetscObject)pkg)->type_name;
  PetscFunctionReturn(0);
}

/*@C
  GWPackageSetName - names the package for budgets and messages (e.g. "inflow", "pumping well 3")

  Not collective

  Input Parameters:
+ pkg - the package
- name - the name

  Level: beginner

.seealso: `GWPackageGetName()`
@*/
PetscErrorCode GWPackageSetName(GWPackage pkg, const char name[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pkg, GWPACKAGE_CLASSID, 1);
  PetscCall(PetscObjectSetName((PetscObject)pkg, name));
  PetscFunctionReturn(0);
}

/*@C
  GWPackageGetName - gets the package name

  Not collective

  Input Parameter:
. pkg - the package

  Output Parameter:
. name - the name (borrowed)

  Level: beginner

.seealso: `GWPackageSetName()`
@*/
PetscErrorCode GWPackageGetName(GWPackage pkg, const char *name[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pkg, GWPACKAGE_CLASSID, 1);
  PetscCall(PetscObjectGetName((PetscObject)pkg, name));
  PetscFunctionReturn(0);
}

/*@C
  GWPackageAddCell - adds one cell (and the face of it the package acts on)

  Logically collective: every rank adds the same cells

  Input Parameters:
+ pkg - the package
. i, j, k - global cell indices, 0-based; k = 0 is the top layer
- face - the boundary face (GW_FACE_NONE for wells)

  Notes:
  Indices are checked against the grid in GWModelSetUp().

  Level: beginner

.seealso: `GWPackageAddCellRange()`, `GWFace`
@*/
PetscErrorCode GWPackageAddCell(GWPackage pkg, PetscInt i, PetscInt j, PetscInt k, GWFace face)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pkg, GWPACKAGE_CLASSID, 1);
  PetscCheck(!pkg->setup, PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_WRONGSTATE, "Cells cannot be added after the model is set up");
  if (pkg->ncell == pkg->maxcell) {
    pkg->maxcell = PetscMax(16, 2 * pkg->maxcell);
    PetscCall(PetscRealloc(sizeof(PetscInt) * 4 * pkg->maxcell, &pkg->cell));
  }
  pkg->cell[4 * pkg->ncell + 0] = i;
  pkg->cell[4 * pkg->ncell + 1] = j;
  pkg->cell[4 * pkg->ncell + 2] = k;
  pkg->cell[4 * pkg->ncell + 3] = (PetscInt)face;
  pkg->ncell++;
  PetscFunctionReturn(0);
}

/*@C
  GWPackageAddCellRange - adds the box of cells i0 <= i <= i1, j0 <= j <= j1, k0 <= k <= k1

  Logically collective

  Input Parameters:
+ pkg - the package
. i0, i1, j0, j1, k0, k1 - inclusive global index ranges
- face - the boundary face of every cell

  Level: beginner

.seealso: `GWPackageAddCell()`
@*/
PetscErrorCode GWPackageAddCellRange(GWPackage pkg, PetscInt i0, PetscInt i1, PetscInt j0, PetscInt j1, PetscInt k0, PetscInt k1, GWFace face)
{
  PetscFunctionBegin;
  for (PetscInt k = k0; k <= k1; k++)
    for (PetscInt j = j0; j <= j1; j++)
      for (PetscInt i = i0; i <= i1; i++) PetscCall(GWPackageAddCell(pkg, i, j, k, face));
  PetscFunctionReturn(0);
}

/*@C
  GWPackageGetNumCells - gets the number of cells the package acts on (on all ranks)

  Not collective

  Input Parameter:
. pkg - the package

  Output Parameter:
. n - number of cells

  Level: beginner

.seealso: `GWPackageAddCell()`
@*/
PetscErrorCode GWPackageGetNumCells(GWPackage pkg, PetscInt *n)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pkg, GWPACKAGE_CLASSID, 1);
  *n = pkg->ncell;
  PetscFunctionReturn(0);
}

/*@C
  GWPackageSetSchedule - sets the package value as a time series

  Logically collective

  Input Parameters:
+ pkg - the package
. n - number of points, >= 1
. t - array [n] of strictly increasing times [s]
. v - array [n] of values, in the package's unit: head [m], flux [m/s] into the domain,
      well rate [m^3/s] (positive injection, negative pumping)
- interp - GW_INTERP_STEP (value holds until the next time) or GW_INTERP_LINEAR

  Notes:
  Schedule times are breakpoints: time steps land on them. Over a step the package uses the
  schedule's value at the step midpoint, which is the exact step average for both interpolations
  because no breakpoint falls inside a step.

  Errors:
  PETSC_ERR_ARG_OUTOFRANGE naming the first time that does not increase or value that is not finite.

  Level: beginner

.seealso: `GWPackageSetValue()`, `GWInterpolation`
@*/
PetscErrorCode GWPackageSetSchedule(GWPackage pkg, PetscInt n, const PetscReal t[], const PetscReal v[], GWInterpolation interp)
{
  PetscFunctionBegin;
  PetscCall(GWPackageSetScheduleColumns(pkg, n, t, 1, v, interp));
  PetscFunctionReturn(0);
}

/*@C
  GWPackageSetValue - sets a value constant in time (see GWPackageSetSchedule() for units)

  Logically collective

  Input Parameters:
+ pkg - the package
- v - the value

  Level: beginner

.seealso: `GWPackageSetSchedule()`
@*/
PetscErrorCode GWPackageSetValue(GWPackage pkg, PetscReal v)
{
  PetscReal t = 0.0;

  PetscFunctionBegin;
  PetscCall(GWPackageSetSchedule(pkg, 1, &t, &v, GW_INTERP_STEP));
  PetscFunctionReturn(0);
}

/*@C
  GWPackageGetSchedule - gets the package's schedule

  Not collective

  Input Parameter:
. pkg - the package

  Output Parameters:
+ n - number of points (0 if none)
. t - times [s] (borrowed; may be NULL)
. v - values (borrowed; may be NULL), [n * ncol] row-major by time when the schedule has ncol
      columns (GWPackageSetScheduleColumns())
- interp - interpolation (may be NULL)

  Level: intermediate

.seealso: `GWPackageSetSchedule()`
@*/
PetscErrorCode GWPackageGetSchedule(GWPackage pkg, PetscInt *n, const PetscReal *t[], const PetscReal *v[], GWInterpolation *interp)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pkg, GWPACKAGE_CLASSID, 1);
  *n = pkg->nsched;
  if (t) *t = pkg->tsched;
  if (v) *v = pkg->vsched;
  if (interp) *interp = pkg->interp;
  PetscFunctionReturn(0);
}

/*@C
  GWPackageGetValue - gets the schedule's value for the step [t0, t1]: its value at the midpoint
  (of the first column, when the schedule has several: GWPackageSetScheduleColumns())

  Not collective

  Input Parameters:
+ pkg - the package
. t0 - step start [s]
- t1 - step end [s]

  Output Parameter:
. v - the value (0 when no schedule is set)

  Level: intermediate

.seealso: `GWPackageSetSchedule()`
@*/
PetscErrorCode GWPackageGetValue(GWPackage pkg, PetscReal t0, PetscReal t1, PetscReal *v)
{
  PetscFunctionBegin;
  *v = 0.0;
  if (!pkg->nsched) PetscFunctionReturn(0);
  PetscCall(GWPackageStepValues_Private(pkg, t0, t1));
  *v = pkg->vstep[0];
  PetscFunctionReturn(0);
}

/* Value of a schedule over the step [t0, t1]: its value at the midpoint (0 when empty). */
PetscErrorCode GWScheduleValue_Private(const GWSchedule *sc, PetscReal t0, PetscReal t1, PetscReal *v)
{
  PetscReal t = 0.5 * (t0 + t1);
  PetscInt  n = sc->n, lo = 0, hi;

  PetscFunctionBegin;
  if (!n) {
    *v = 0.0;
    PetscFunctionReturn(0);
  }
  if (t <= sc->t[0]) {
    *v = sc->v[0];
    PetscFunctionReturn(0);
  }
  if (t >= sc->t[n - 1]) {
    *v = sc->v[n - 1];
    PetscFunctionReturn(0);
  }
  hi = n - 1; /* t[lo] <= t < t[hi] */
  while (hi - lo > 1) {
    PetscInt mid = (lo + hi) / 2;
    if (sc->t[mid] <= t)
      lo = mid;
    else
      hi = mid;
  }
  if (sc->interp == GW_INTERP_STEP)
    *v = sc->v[lo];
  else
    *v = sc->v[lo] + (sc->v[hi] - sc->v[lo]) * (t - sc->t[lo]) / (sc->t[hi] - sc->t[lo]);
  PetscFunctionReturn(0);
}

/*@C
  GWPackageGetNextBreakpoint - gets the first schedule time after t

  Not collective

  Input Parameters:
+ pkg - the package
- t - time [s]

  Output Parameter:
. tb - the first schedule time > t [s], or PETSC_MAX_REAL if none

  Level: developer

.seealso: `GWModelStep()`
@*/
PetscErrorCode GWPackageGetNextBreakpoint(GWPackage pkg, PetscReal t, PetscReal *tb)
{
  PetscFunctionBegin;
  *tb = PETSC_MAX_REAL;
  for (PetscInt s = 0; s < pkg->nsched; s++)
    if (pkg->tsched[s] > t * (1 + 1e-14) + 1e-14) {
      *tb = pkg->tsched[s];
      break;
    }
  for (PetscInt i = 0; i < pkg->ninput; i++)
    for (PetscInt s = 0; s < pkg->input[i].n; s++)
      if (pkg->input[i].t[s] > t * (1 + 1e-14) + 1e-14) {
        *tb = PetscMin(*tb, pkg->input[i].t[s]);
        break;
      }
  if (pkg->ops->nextbreakpoint) {
    PetscReal tt = PETSC_MAX_REAL;
    PetscCall(pkg->ops->nextbreakpoint(pkg, t, &tt));
    *tb = PetscMin(*tb, tt);
  }
  PetscFunctionReturn(0);
}

/*@C
  GWPackageHeadSetKind - says whether a head package's value is pressure head or hydraulic head

  Logically collective

  Input Parameters:
+ pkg - a package of type GWPACKAGEHEAD
- kind - GW_HEAD_HYDRAULIC (default) or GW_HEAD_PRESSURE (pressure head at the face centre)

  Level: beginner

.seealso: `GWPACKAGEHEAD`
@*/
PetscErrorCode GWPackageHeadSetKind(GWPackage pkg, GWHeadKind kind)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pkg, GWPACKAGE_CLASSID, 1);
  pkg->headkind = kind;
  PetscFunctionReturn(0);
}

/*@C
  GWPackageHeadGetKind - gets whether a head package's value is pressure or hydraulic head

  Not collective

  Input Parameter:
. pkg - the package

  Output Parameter:
. kind - the kind

  Level: beginner

.seealso: `GWPackageHeadSetKind()`
@*/
PetscErrorCode GWPackageHeadGetKind(GWPackage pkg, GWHeadKind *kind)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pkg, GWPACKAGE_CLASSID, 1);
  *kind = pkg->headkind;
  PetscFunctionReturn(0);
}

/* Whether a face of cell (i, j, k) lies on the boundary of the grid (a face between two cells
   would be a second flow path beside the cells' own face flux). */
static PetscBool FaceOnBoundary(GWModel m, PetscInt i, PetscInt j, PetscInt k, GWFace face)
{
  switch (face) {
  case GW_FACE_WEST:
    return (PetscBool)(i == 0);
  case GW_FACE_EAST:
    return (PetscBool)(i == m->nx - 1);
  case GW_FACE_SOUTH:
    return (PetscBool)(j == 0);
  case GW_FACE_NORTH:
    return (PetscBool)(j == m->ny - 1);
  case GW_FACE_TOP:
    return (PetscBool)(k == 0);
  case GW_FACE_BOTTOM:
    return (PetscBool)(k == m->nz - 1);
  default:
    return PETSC_TRUE;
  }
}

/* Value column of every cell: its group, else one column for all or one per cell. */
static PetscErrorCode CheckColumns(GWPackage pkg, const char name[])
{
  MPI_Comm comm = PetscObjectComm((PetscObject)pkg);
  PetscInt ncol = pkg->nsched ? pkg->ncol : 1;

  PetscFunctionBegin;
  if (pkg->group) {
    for (PetscInt c = 0; c < pkg->ncell; c++)
      PetscCheck(pkg->group[c] >= 0 && pkg->group[c] < ncol, comm, PETSC_ERR_ARG_OUTOFRANGE, "Package %s: cell %" PetscInt_FMT " is in group %" PetscInt_FMT " but the value has %" PetscInt_FMT " columns (groups start at 0)", name, c, pkg->group[c], ncol);
  } else
    PetscCheck(ncol == 1 || ncol == pkg->ncell, comm, PETSC_ERR_ARG_SIZ, "Package %s has %" PetscInt_FMT " value columns for %" PetscInt_FMT " cells: give one column, one per cell, or assign cells to columns with GWPackageSetCellGroups()", name, ncol, pkg->ncell);
  PetscFunctionReturn(0);
}

/* Keeps the cells this rank owns, with their face geometry, and checks the cell list. */
PetscErrorCode GWPackageSetUp_Private(GWPackage pkg, GWModel m)
{
  MPI_Comm        comm = PetscObjectComm((PetscObject)m);
  PetscInt        xs, ys, zs, xm, ym, zm, nx = m->nx, ny = m->ny;
  const char     *name;
  PetscScalar ****g;

  PetscFunctionBegin;
  PetscCall(PetscObjectGetName((PetscObject)pkg, &name));
  PetscCheck(pkg->ops->evaluate || pkg->ops->residual, comm, PETSC_ERR_ARG_WRONGSTATE, "Package %s has no type: call GWPackageSetType()", name);
  PetscCheck(!pkg->ops->residual == !pkg->ops->jacobian, comm, PETSC_ERR_ARG_WRONGSTATE, "Package %s (%s): a type with a package-level residual needs its jacobian too", name, ((PetscObject)pkg)->type_name);
  PetscCheck(!pkg->needs_value || pkg->nsched > 0 || pkg->value_field, comm, PETSC_ERR_ARG_WRONGSTATE, "Package %s (%s) has no value: call GWPackageSetValue() or GWPackageSetSchedule()", name, ((PetscObject)pkg)->type_name);
  if (!pkg->value_field && (pkg->needs_value || pkg->nsched)) PetscCall(CheckColumns(pkg, name)); /* groups may also be reaches of a type needing no value */
  PetscCall(DMDAGetCorners(m->da, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCall(PetscFree(pkg->entry));
  PetscCall(PetscFree2(pkg->col, pkg->cellof));
  PetscCall(PetscMalloc1(pkg->ncell, &pkg->entry));
  PetscCall(PetscMalloc2(PetscMax(pkg->ncell, 1), &pkg->col, PetscMax(pkg->ncell, 1), &pkg->cellof));
  pkg->nentry = 0;
  /* the cells are checked before the geometry is borrowed, so that an error returns nothing held */
  for (PetscInt c = 0; c < pkg->ncell; c++) {
    PetscInt i = pkg->cell[4 * c], j = pkg->cell[4 * c + 1], k = pkg->cell[4 * c + 2];
    GWFace   face = (GWFace)pkg->cell[4 * c + 3];
    PetscCheck(i >= 0 && i < nx && j >= 0 && j < ny && k >= 0 && k < m->nz, comm, PETSC_ERR_ARG_OUTOFRANGE, "Package %s: cell (i=%" PetscInt_FMT ", j=%" PetscInt_FMT ", layer=%" PetscInt_FMT ") is outside the %" PetscInt_FMT " x %" PetscInt_FMT " x %" PetscInt_FMT " grid (indices start at 0)", name, i, j, k, nx, ny, m->nz);
    PetscCheck((PetscInt)face >= GW_FACE_NONE && face <= GW_FACE_BOTTOM, comm, PETSC_ERR_ARG_OUTOFRANGE, "Package %s: cell %" PetscInt_FMT " has an invalid face code %d", name, c, (int)face);
    PetscCheck(FaceOnBoundary(m, i, j, k, face), comm, PETSC_ERR_ARG_OUTOFRANGE, "Package %s: cell (i=%" PetscInt_FMT ", j=%" PetscInt_FMT ", layer=%" PetscInt_FMT ") has its %s face inside the grid, where it meets another cell; a boundary package acts on the outer faces of the grid (top: layer 0, bottom: the last layer, west/east: i = 0 / nx - 1, south/north: j = 0 / ny - 1), or use face none for a source in the cell", name, i, j, k, GWFaces[face]);
  }
  PetscCall(DMDAVecGetArrayDOFRead(m->dageo, m->geo, &g));
  for (PetscInt c = 0; c < pkg->ncell; c++) {
    PetscInt        i = pkg->cell[4 * c], j = pkg->cell[4 * c + 1], k = pkg->cell[4 * c + 2];
    GWFace          face = (GWFace)pkg->cell[4 * c + 3];
    GWPackageEntry *e;
    PetscReal       b;
    GWMaterial      mat;
    PetscScalar    *gc;

    if (i < xs || i >= xs + xm || j < ys || j >= ys + ym || k < zs || k >= zs + zm) continue;
    pkg->col[pkg->nentry]    = pkg->group ? pkg->group[c] : (pkg->nsched && pkg->ncol > 1 ? c : 0);
    pkg->cellof[pkg->nentry] = c;
    e                        = &pkg->entry[pkg->nentry++];
    e->i                     = i;
    e->j                     = j;
    e->k                     = k;
    e->face                  = face;
    gc                       = g[k][j][i];
    e->mat                   = (PetscInt)gc[GW_GEO_MAT];
    mat                      = m->mat[e->mat];
    b                        = gc[GW_GEO_THICK];
    e->zc                    = gc[GW_GEO_ZC];
    e->zf                    = e->zc;
    e->weight                = mat->K[0] * b; /* transmissivity share, normalised below */
    if (face == GW_FACE_NONE) {
      e->area = 0.0;
      e->dist = 0.0;
      e->K    = mat->K[0];
    } else {
      PetscInt  dir = face == GW_FACE_WEST || face == GW_FACE_EAST ? 0 : (face == GW_FACE_SOUTH || face == GW_FACE_NORTH ? 1 : 2);
      PetscReal dn;
      GWFaceGeometry_Private(gc, NULL, dir, &e->area, &e->dist, &dn);
      e->K = mat->K[dir];
      if (dir == 2) e->zf = face == GW_FACE_TOP ? gc[GW_GEO_ZTOP] : gc[GW_GEO_ZBOT]; /* the top face is in layer 0 */
    }
  }
  PetscCall(DMDAVecRestoreArrayDOFRead(m->dageo, m->geo, &g));
  {
    PetscReal wsum = 0.0;
    for (PetscInt e = 0; e < pkg->nentry; e++) wsum += pkg->entry[e].weight;
    PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &wsum, 1, MPIU_REAL, MPIU_SUM, comm));
    for (PetscInt e = 0; e < pkg->nentry; e++) pkg->entry[e].weight = wsum > 0 ? pkg->entry[e].weight / wsum : 0.0;
  }
  PetscCall(PetscFree2(pkg->Q, pkg->dQ));
  PetscCall(PetscCalloc2(pkg->nentry, &pkg->Q, pkg->nentry, &pkg->dQ));
  PetscCall(GWPackageSetUpEntryValues_Private(pkg, m));
  if (pkg->ops->setup) PetscCall(pkg->ops->setup(pkg, m));
  pkg->setup = PETSC_TRUE;
  PetscFunctionReturn(0);
}
