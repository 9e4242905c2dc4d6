/* Package level: per-entry values (value columns, per-cell parameters), the package's own
   unknowns, and the residual and Jacobian of every entry at once, with the entry-by-entry
   default for packages whose entries each act on their own cell. */
#include <gw/private/modelimpl.h>

/*@C
  GWPackageSetScheduleColumns - sets the package value as a time series with several columns, one
  per group of cells (e.g. a head per boundary cell along a face, a stage per river reach)

  Logically collective

  Input Parameters:
+ pkg - the package
. n - number of times, >= 1
. t - array [n] of strictly increasing times [s]
. ncol - number of value columns, >= 1
. v - array [n * ncol] of values, row-major by time (v[s * ncol + c] is column c at time t[s]),
      in the package's unit (see GWPackageSetSchedule())
- interp - GW_INTERP_STEP or GW_INTERP_LINEAR

  Notes:
  Cell c of the package (in the order added) takes column group[c] of GWPackageSetCellGroups(); without
  groups, ncol must be 1 (every cell the same value) or the number of cells (column c for cell c).

  Errors:
  PETSC_ERR_ARG_OUTOFRANGE naming the first time that does not increase or value that is not finite.

  Level: intermediate

.seealso: `GWPackageSetSchedule()`, `GWPackageSetCellGroups()`, `GWPackageSetValues()`
@*/
PetscErrorCode GWPackageSetScheduleColumns(GWPackage pkg, PetscInt n, const PetscReal t[], PetscInt ncol, const PetscReal v[], GWInterpolation interp)
{
  const char *name;
  MPI_Comm    comm;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(pkg, GWPACKAGE_CLASSID, 1);
  comm = PetscObjectComm((PetscObject)pkg);
  PetscCall(PetscObjectGetName((PetscObject)pkg, &name));
  PetscCheck(n >= 1, comm, PETSC_ERR_ARG_OUTOFRANGE, "Package %s: a schedule needs at least one value", name);
  PetscCheck(ncol >= 1, comm, PETSC_ERR_ARG_OUTOFRANGE, "Package %s: a schedule needs at least one column", name);
  for (PetscInt s = 0; s < n; s++) {
    PetscCheck(!PetscIsInfOrNanReal(t[s]), comm, PETSC_ERR_ARG_OUTOFRANGE, "Package %s: schedule time %" PetscInt_FMT " is not finite", name, s);
    for (PetscInt c = 0; c < ncol; c++)
      PetscCheck(!PetscIsInfOrNanReal(v[s * ncol + c]), comm, PETSC_ERR_ARG_OUTOFRANGE, "Package %s: schedule entry %" PetscInt_FMT " (t = %g s, value %g) is not finite", name, s, (double)t[s], (double)v[s * ncol + c]);
    PetscCheck(s == 0 || t[s] > t[s - 1], comm, PETSC_ERR_ARG_OUTOFRANGE, "Package %s: schedule time %g s (entry %" PetscInt_FMT ") does not increase after %g s; sort the times", name, (double)t[s], s, (double)t[s - 1]);
  }
  PetscCall(PetscFree2(pkg->tsched, pkg->vsched));
  PetscCall(PetscFree(pkg->vstep));
  PetscCall(PetscMalloc2(n, &pkg->tsched, n * ncol, &pkg->vsched));
  PetscCall(PetscMalloc1(ncol, &pkg->vstep));
  PetscCall(PetscArraycpy(pkg->tsched, t, n));
  PetscCall(PetscArraycpy(pkg->vsched, v, n * ncol));
  pkg->nsched = n;
  pkg->ncol   = ncol;
  pkg->interp = interp;
  PetscFunctionReturn(0);
}

/*@C
  GWPackageSetValues - sets a value per cell, constant in time (e.g. a head that varies along a face)

  Logically collective

  Input Parameters:
+ pkg - the package
. n - number of values: the number of cells, or the number of groups of GWPackageSetCellGroups()
- v - array [n] of values in the package's unit

  Level: intermediate

.seealso: `GWPackageSetScheduleColumns()`, `GWPackageSetValue()`
@*/
PetscErrorCode GWPackageSetValues(GWPackage pkg, PetscInt n, const PetscReal v[])
{
  PetscReal t = 0.0;

  PetscFunctionBegin;
  PetscCall(GWPackageSetScheduleColumns(pkg, 1, &t, n, v, GW_INTERP_STEP));
  PetscFunctionReturn(0);
}

/*@C
  GWPackageSetCellGroups - assigns each cell of the package to a value column (a group of cells
  sharing one value, e.g. the cells of one river reach)

  Logically collective

  Input Parameters:
+ pkg - the package, with its cells added
. n - number of cells (must equal GWPackageGetNumCells())
- group - array [n] of column indices, 0-based, in the order the cells were added

  Errors:
  PETSC_ERR_ARG_SIZ when n is not the number of cells; columns out of range are reported by
  GWModelSetUp().

  Level: intermediate

.seealso: `GWPackageSetScheduleColumns()`
@*/
PetscErrorCode GWPackageSetCellGroups(GWPackage pkg, PetscInt n, const PetscInt group[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pkg, GWPACKAGE_CLASSID, 1);
  PetscCheck(n == pkg->ncell, PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_SIZ, "Package %s: %" PetscInt_FMT " groups given for %" PetscInt_FMT " cells", ((PetscObject)pkg)->name, n, pkg->ncell);
  PetscCall(PetscFree(pkg->group));
  PetscCall(PetscMalloc1(PetscMax(n, 1), &pkg->group));
  PetscCall(PetscArraycpy(pkg->group, group, n));
  PetscFunctionReturn(0);
}

/* Storage for parameters given per cell (lists, fields) and their multipliers. */
static PetscErrorCode PerCellParameters(GWPackage pkg)
{
  PetscInt n = PetscMax(pkg->nparam, 1);

  PetscFunctionBegin;
  if (pkg->param_cell) PetscFunctionReturn(0);
  PetscCall(PetscCalloc4(n, &pkg->param_cell, n, &pkg->param_entry, n, &pkg->param_field, n, &pkg->param_mult));
  for (PetscInt i = 0; i < n; i++) pkg->param_mult[i] = 1.0;
  PetscFunctionReturn(0);
}

PetscErrorCode GWPackageFreeEntryValues_Private(GWPackage pkg)
{
  PetscFunctionBegin;
  if (pkg->param_cell)
    for (PetscInt i = 0; i < pkg->nparam; i++) {
      PetscCall(PetscFree(pkg->param_cell[i]));
      PetscCall(PetscFree(pkg->param_entry[i]));
      PetscCall(VecDestroy(&pkg->param_field[i]));
    }
  PetscCall(PetscFree4(pkg->param_cell, pkg->param_entry, pkg->param_field, pkg->param_mult));
  PetscCall(VecDestroy(&pkg->value_field));
  PetscCall(PetscFree(pkg->value_entry));
  PetscFunctionReturn(0);
}

/* The values of a field (a global vector on the model's DMDA) at this rank's entries, times mult. */
static PetscErrorCode FieldAtEntries(GWPackage pkg, GWModel m, Vec field, PetscReal mult, PetscReal **a)
{
  const PetscScalar ***f;

  PetscFunctionBegin;
  PetscCall(PetscFree(*a));
  PetscCall(PetscMalloc1(PetscMax(pkg->nentry, 1), a));
  PetscCall(DMDAVecGetArrayRead(m->da, field, &f));
  for (PetscInt e = 0; e < pkg->nentry; e++) (*a)[e] = mult * f[pkg->entry[e].k][pkg->entry[e].j][pkg->entry[e].i];
  PetscCall(DMDAVecRestoreArrayRead(m->da, field, &f));
  PetscFunctionReturn(0);
}

/* Per-entry values of the parameters given per cell (lists or fields, times their multipliers) and
   of a value given as a field; called at set-up, once the entries are this rank's cells. */
PetscErrorCode GWPackageSetUpEntryValues_Private(GWPackage pkg, GWModel m)
{
  PetscFunctionBegin;
  if (pkg->param_cell)
    for (PetscInt p = 0; p < pkg->nparam; p++) {
      if (pkg->param_field[p])
        PetscCall(FieldAtEntries(pkg, m, pkg->param_field[p], pkg->param_mult[p], &pkg->param_entry[p]));
      else if (pkg->param_cell[p]) {
        PetscCall(PetscFree(pkg->param_entry[p]));
        PetscCall(PetscMalloc1(PetscMax(pkg->nentry, 1), &pkg->param_entry[p]));
        for (PetscInt e = 0; e < pkg->nentry; e++) pkg->param_entry[p][e] = pkg->param_mult[p] * pkg->param_cell[p][pkg->cellof[e]];
      }
    }
  if (pkg->value_field) PetscCall(FieldAtEntries(pkg, m, pkg->value_field, pkg->value_mult, &pkg->value_entry));
  PetscFunctionReturn(0);
}

/*@C
  GWPackageSetValueField - sets the package value per cell from a field: a vector on the model's
  grid (e.g. read from a NetCDF variable), constant in time

  Logically collective

  Input Parameters:
+ pkg - the package, with its cells added
- field - a global vector on the model's DMDA (GWModelGetDM()) holding the value of each cell in
          the package's unit; cells the package does not name are ignored. The package keeps a
          reference; each rank reads only its own cells.

  Notes:
  The value of every entry is multiplier * field at its cell; the multiplier is 1, or set through
  GWModelSetParameter() as "packages.<name>.value_multiplier" (e.g. to calibrate a field). A
  value field replaces a schedule.

  Level: intermediate

.seealso: `GWPackageSetValues()`, `GWPackageSetParameterField()`
@*/
PetscErrorCode GWPackageSetValueField(GWPackage pkg, Vec field)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pkg, GWPACKAGE_CLASSID, 1);
  PetscValidHeaderSpecific(field, VEC_CLASSID, 2);
  PetscCall(PetscObjectReference((PetscObject)field));
  PetscCall(VecDestroy(&pkg->value_field));
  pkg->value_field = field;
  PetscFunctionReturn(0);
}

/*@C
  GWPackageSetParameterField - sets a parameter per cell from a field (e.g. a conductance per
  boundary cell read from a NetCDF variable)

  Logically collective

  Input Parameters:
+ pkg - the package, with its type set
. name - the parameter's name
- field - a global vector on the model's DMDA with the parameter's SI value at each cell; the
          package keeps a reference

  Notes:
  Entries take multiplier * field at their cell; the multiplier is 1, or set through
  GWModelSetParameter() as "packages.<name>.<parameter>_multiplier".

  Errors:
  PETSC_ERR_ARG_OUTOFRANGE for an unknown name.

  Level: intermediate

.seealso: `GWPackageSetParameterValues()`, `GWPackageSetValueField()`
@*/
PetscErrorCode GWPackageSetParameterField(GWPackage pkg, const char name[], Vec field)
{
  char     list[512];
  PetscInt idx;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(pkg, GWPACKAGE_CLASSID, 1);
  PetscValidHeaderSpecific(field, VEC_CLASSID, 3);
  idx = GWPackageSlotIndex_Private(pkg->nparam, pkg->paramdoc, name, list, sizeof(list));
  PetscCheck(idx >= 0, PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_OUTOFRANGE, "Package %s has no parameter \"%s\"; its parameters are: %s", ((PetscObject)pkg)->name, name, list);
  PetscCall(PerCellParameters(pkg));
  PetscCall(PetscObjectReference((PetscObject)field));
  PetscCall(VecDestroy(&pkg->param_field[idx]));
  PetscCall(PetscFree(pkg->param_cell[idx]));
  pkg->param_field[idx] = field;
  PetscFunctionReturn(0);
}

/*@C
  GWPackageSetParameterValues - sets a parameter per cell (e.g. a conductance per boundary cell)

  Logically collective

  Input Parameters:
+ pkg - the package, with its type set and its cells added
. name - the parameter's name (GWPackageDescribe() lists them with their SI units)
. n - number of values: the number of cells
- v - array [n] of values in the parameter's SI unit, in the order the cells were added

  Errors:
  PETSC_ERR_ARG_OUTOFRANGE for an unknown name or a value that is not finite; PETSC_ERR_ARG_SIZ
  when n is not the number of cells.

  Level: intermediate

.seealso: `GWPackageSetParameter()`
@*/
PetscErrorCode GWPackageSetParameterValues(GWPackage pkg, const char name[], PetscInt n, const PetscReal v[])
{
  char     list[512];
  PetscInt idx;
  MPI_Comm comm;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(pkg, GWPACKAGE_CLASSID, 1);
  comm = PetscObjectComm((PetscObject)pkg);
  idx  = GWPackageSlotIndex_Private(pkg->nparam, pkg->paramdoc, name, list, sizeof(list));
  PetscCheck(idx >= 0, comm, PETSC_ERR_ARG_OUTOFRANGE, "Package %s has no parameter \"%s\"; its parameters are: %s", ((PetscObject)pkg)->name, name, list);
  PetscCheck(n == pkg->ncell, comm, PETSC_ERR_ARG_SIZ, "Package %s: %" PetscInt_FMT " values of %s given for %" PetscInt_FMT " cells", ((PetscObject)pkg)->name, n, name, pkg->ncell);
  for (PetscInt c = 0; c < n; c++) PetscCheck(!PetscIsInfOrNanReal(v[c]), comm, PETSC_ERR_ARG_OUTOFRANGE, "Package %s: %s of cell %" PetscInt_FMT " is not finite", ((PetscObject)pkg)->name, name, c);
  PetscCall(PerCellParameters(pkg));
  PetscCall(PetscFree(pkg->param_cell[idx]));
  PetscCall(VecDestroy(&pkg->param_field[idx]));
  PetscCall(PetscMalloc1(PetscMax(n, 1), &pkg->param_cell[idx]));
  PetscCall(PetscArraycpy(pkg->param_cell[idx], v, n));
  PetscFunctionReturn(0);
}

/* The value of every column over the step [t0, t1] (midpoint) into pkg->vstep. */
PetscErrorCode GWPackageStepValues_Private(GWPackage pkg, PetscReal t0, PetscReal t1)
{
  PetscReal t = 0.5 * (t0 + t1), w = 0.0;
  PetscInt  n = pkg->nsched, lo = 0, hi = 0;

  PetscFunctionBegin;
  if (!n) PetscFunctionReturn(0);
  if (t >= pkg->tsched[n - 1])
    lo = hi = n - 1;
  else if (t > pkg->tsched[0]) {
    hi = n - 1; /* t[lo] <= t < t[hi] */
    while (hi - lo > 1) {
      PetscInt mid = (lo + hi) / 2;
      if (pkg->tsched[mid] <= t)
        lo = mid;
      else
        hi = mid;
    }
    if (pkg->interp == GW_INTERP_LINEAR) w = (t - pkg->tsched[lo]) / (pkg->tsched[hi] - pkg->tsched[lo]);
  }
  for (PetscInt c = 0; c < pkg->ncol; c++) {
    PetscReal a = pkg->vsched[lo * pkg->ncol + c], b = pkg->vsched[hi * pkg->ncol + c];
    pkg->vstep[c] = w > 0 ? a + (b - a) * w : a;
  }
  PetscFunctionReturn(0);
}

/*@C
  GWPackageSetNumUnknowns - declares how many unknowns the package owns (e.g. one head per pipe,
  one flow per river reach); called by a package type's set-up

  Logically collective: the same number on every rank

  Input Parameters:
+ pkg - the package
- n - number of unknowns, >= 0

  Notes:
  The unknowns are solved in the same Newton iteration as pressure head. The type's residual
  gives each unknown's residual [m^3/s] (this rank's share; shares are summed over ranks), its
  jacobian their derivatives, and its initialguess their first values.

  Level: developer

.seealso: `GWPackageGetUnknowns()`, `GWPackageAddUnknownDerivative()`
@*/
PetscErrorCode GWPackageSetNumUnknowns(GWPackage pkg, PetscInt n)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pkg, GWPACKAGE_CLASSID, 1);
  PetscCheck(n >= 0, PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_OUTOFRANGE, "A package cannot own %" PetscInt_FMT " unknowns", n);
  pkg->nunknown = n;
  PetscFunctionReturn(0);
}

/*@C
  GWPackageGetUnknowns - gets the current values of the package's own unknowns

  Not collective (the same on every rank)

  Input Parameter:
. pkg - the package, after GWModelSetUp()

  Output Parameters:
+ n - number of unknowns (may be NULL)
- u - array [n] of their values at the last accepted step, in the type's units (borrowed; may be NULL)

  Level: intermediate

.seealso: `GWPackageSetNumUnknowns()`
@*/
PetscErrorCode GWPackageGetUnknowns(GWPackage pkg, PetscInt *n, const PetscScalar *u[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pkg, GWPACKAGE_CLASSID, 1);
  if (n) *n = pkg->nunknown;
  if (u) *u = pkg->u;
  PetscFunctionReturn(0);
}

/* Local row or column of package unknown u. */
static PetscErrorCode UnknownLocalIndex(GWPackage pkg, GWModel m, PetscInt u, PetscInt *idx)
{
  PetscInt gxm, gym, gzm;

  PetscFunctionBegin;
  PetscCheck(u >= 0 && u < pkg->nunknown, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "Package %s has %" PetscInt_FMT " unknowns, not unknown %" PetscInt_FMT, ((PetscObject)pkg)->name, pkg->nunknown, u);
  PetscCall(DMDAGetGhostCorners(m->da, NULL, NULL, NULL, &gxm, &gym, &gzm));
  *idx = gxm * gym * gzm + pkg->uoffset + u;
  PetscFunctionReturn(0);
}

/* Row of the cell of entry e and its volume V (the cell residual is -Q / V). */
static PetscErrorCode EntryRow(GWPackage pkg, GWModel m, PetscInt e, PetscInt *row, PetscReal *V)
{
  const GWPackageEntry *en = &pkg->entry[e];

  PetscFunctionBegin;
  PetscCheck(e >= 0 && e < pkg->nentry, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "Package %s has %" PetscInt_FMT " entries on this rank, not entry %" PetscInt_FMT, ((PetscObject)pkg)->name, pkg->nentry, e);
  PetscCall(GWModelCellLocalIndex_Private(m, en->i, en->j, en->k, row));
  *V = GWModelCellVolume_Private(m, en->i, en->j, en->k);
  PetscFunctionReturn(0);
}

/*@C
  GWPackageAddRateDerivative - adds dQ_e/dpsi_(i,j,k) to the Jacobian: the derivative of the rate
  Q_e [m^3/s] into the cell of entry e with respect to the pressure head [m] of cell (i, j, k)

  Not collective

  Input Parameters:
+ pkg - the package
. model - the model
. J - the Jacobian being assembled (as passed to the type's jacobian)
. e - the entry, 0-based among this rank's entries
. i, j, k - a cell of this rank or a neighbour of one (the ghost layer)
- dQ - the derivative [m^2/s]

  Level: developer

.seealso: `GWPackageAddRateUnknownDerivative()`, `GWPackageAddUnknownDerivative()`
@*/
PetscErrorCode GWPackageAddRateDerivative(GWPackage pkg, GWModel model, Mat J, PetscInt e, PetscInt i, PetscInt j, PetscInt k, PetscReal dQ)
{
  PetscInt    row, col;
  PetscReal   V;
  PetscScalar v;

  PetscFunctionBegin;
  PetscCall(EntryRow(pkg, model, e, &row, &V));
  PetscCall(GWModelCellLocalIndex_Private(model, i, j, k, &col));
  v = -dQ / V;
  PetscCall(MatSetValuesLocal(J, 1, &row, 1, &col, &v, ADD_VALUES));
  PetscFunctionReturn(0);
}

/*@C
  GWPackageAddRateUnknownDerivative - adds dQ_e/du to the Jacobian: the derivative of the rate Q_e
  [m^3/s] into the cell of entry e with respect to the package's unknown u

  Not collective

  Input Parameters:
+ pkg - the package
. model - the model
. J - the Jacobian being assembled
. e - the entry, 0-based among this rank's entries
. u - the unknown, 0-based among the package's unknowns
- dQ - the derivative [m^3/s per unit of u]

  Level: developer

.seealso: `GWPackageAddRateDerivative()`
@*/
PetscErrorCode GWPackageAddRateUnknownDerivative(GWPackage pkg, GWModel model, Mat J, PetscInt e, PetscInt u, PetscReal dQ)
{
  PetscInt    row, col;
  PetscReal   V;
  PetscScalar v;

  PetscFunctionBegin;
  PetscCall(EntryRow(pkg, model, e, &row, &V));
  PetscCall(UnknownLocalIndex(pkg, model, u, &col));
  v = -dQ / V;
  PetscCall(MatSetValuesLocal(J, 1, &row, 1, &col, &v, ADD_VALUES));
  PetscFunctionReturn(0);
}

/*@C
  GWPackageAddUnknownDerivative - adds dr_u/dpsi_(i,j,k) to the Jacobian: the derivative of the
  residual r_u [m^3/s] of the package's unknown u (this rank's share) with respect to the
  pressure head of cell (i, j, k)

  Not collective

  Input Parameters:
+ pkg - the package
. model - the model
. J - the Jacobian being assembled
. u - the unknown, 0-based among the package's unknowns
. i, j, k - a cell of this rank or of its ghost layer
- dr - the derivative [m^2/s]

  Level: developer

.seealso: `GWPackageAddUnknownUnknownDerivative()`
@*/
PetscErrorCode GWPackageAddUnknownDerivative(GWPackage pkg, GWModel model, Mat J, PetscInt u, PetscInt i, PetscInt j, PetscInt k, PetscReal dr)
{
  PetscInt    row, col;
  PetscScalar v = dr;

  PetscFunctionBegin;
  PetscCall(UnknownLocalIndex(pkg, model, u, &row));
  PetscCall(GWModelCellLocalIndex_Private(model, i, j, k, &col));
  PetscCall(MatSetValuesLocal(J, 1, &row, 1, &col, &v, ADD_VALUES));
  PetscFunctionReturn(0);
}

/*@C
  GWPackageAddUnknownUnknownDerivative - adds dr_u/du_w to the Jacobian, for two unknowns u and w
  of the package (this rank's share; shares are summed over ranks)

  Not collective

  Input Parameters:
+ pkg - the package
. model - the model
. J - the Jacobian being assembled
. u - the unknown whose residual is differentiated
. w - the unknown it is differentiated by
- dr - the derivative

  Level: developer

.seealso: `GWPackageAddUnknownDerivative()`
@*/
PetscErrorCode GWPackageAddUnknownUnknownDerivative(GWPackage pkg, GWModel model, Mat J, PetscInt u, PetscInt w, PetscReal dr)
{
  PetscInt    row, col;
  PetscScalar v = dr;

  PetscFunctionBegin;
  PetscCall(UnknownLocalIndex(pkg, model, u, &row));
  PetscCall(UnknownLocalIndex(pkg, model, w, &col));
  PetscCall(MatSetValuesLocal(J, 1, &row, 1, &col, &v, ADD_VALUES));
  PetscFunctionReturn(0);
}

/* The rates Q[e] into every entry's cell and this rank's shares r of the unknowns' residuals (r
   may be NULL when the package has no unknowns): the type's residual, or entry by entry. */
PetscErrorCode GWPackageResidual_Private(GWPackage pkg, GWModel m, const GWPackageState *st, PetscReal *Q, PetscScalar *r)
{
  PetscFunctionBegin;
  if (pkg->ops->residual) {
    PetscCall(pkg->ops->residual(pkg, m, st, Q, r));
    PetscFunctionReturn(0);
  }
  for (PetscInt e = 0; e < pkg->nentry; e++) {
    const GWPackageEntry *en = &pkg->entry[e];
    PetscCall(pkg->ops->evaluate(pkg, m, en, GWPackageEntryValue(pkg, st, e), st->psi[en->k][en->j][en->i], &Q[e], &pkg->dQ[e]));
  }
  PetscFunctionReturn(0);
}

/* Adds the package's part of the Jacobian: the type's jacobian, or entry by entry on the diagonal. */
PetscErrorCode GWPackageJacobian_Private(GWPackage pkg, GWModel m, const GWPackageState *st, Mat J)
{
  PetscFunctionBegin;
  if (pkg->ops->jacobian) {
    PetscCall(pkg->ops->jacobian(pkg, m, st, J));
    PetscFunctionReturn(0);
  }
  for (PetscInt e = 0; e < pkg->nentry; e++) {
    const GWPackageEntry *en = &pkg->entry[e];
    PetscReal             Q, dQ;
    PetscCall(pkg->ops->evaluate(pkg, m, en, GWPackageEntryValue(pkg, st, e), st->psi[en->k][en->j][en->i], &Q, &dQ));
    PetscCall(GWPackageAddRateDerivative(pkg, m, J, e, en->i, en->j, en->k, dQ));
  }
  PetscFunctionReturn(0);
}
