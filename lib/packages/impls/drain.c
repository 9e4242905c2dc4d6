/* Drain: springs, ditches and tile drains that take water out of the aquifer while its head is
   above their elevation (MODFLOW DRN). */
#include <gw/private/surfacewaterimpl.h>

static const GWPackageSlot Params[] = {
    {"conductance", "m^2/s", PETSC_NAN, "conductance C between the aquifer and the drain; required, constant or per cell"},
    {"smoothing_depth", "m", 0.01, "head range above the elevation over which the discharge blends from 0 into C (h - z), so that Newton sees a continuous derivative; 0 for the plain switch"},
};
static const char *const Terms[] = {"drain_discharge"};

/* Q = -C r(h - z), r the smoothed ramp of GWSmoothRamp_Private(): outflow only, zero while the
   cell's hydraulic head h = psi + z_c is at or below the drain elevation z, exactly C (h - z) once
   h >= z + w. */
static PetscErrorCode GWPackageEvaluate_Drain(GWPackage pkg, GWModel m, const GWPackageEntry *e, PetscReal z, PetscReal psi, PetscReal *Q, PetscReal *dQ)
{
  PetscInt  ie = (PetscInt)(e - pkg->entry);
  PetscReal C = GWPackageEntryParameter(pkg, 0, ie), w = GWPackageEntryParameter(pkg, 1, ie), r, dr;

  PetscFunctionBegin;
  (void)m;
  GWSmoothRamp_Private(psi + e->zc - z, w, &r, &dr);
  *Q  = -C * r;
  *dQ = -C * dr;
  PetscFunctionReturn(0);
}

static PetscErrorCode GWPackageSetUp_Drain(GWPackage pkg, GWModel m)
{
  PetscFunctionBegin;
  (void)m;
  for (PetscInt e = 0; e < pkg->nentry; e++) {
    PetscReal C = GWPackageEntryParameter(pkg, 0, e), w = GWPackageEntryParameter(pkg, 1, e);
    PetscCheck(!PetscIsNanReal(C), PETSC_COMM_SELF, PETSC_ERR_ARG_WRONGSTATE, "Drain package %s: no conductance; give parameter conductance [m^2/s] (e.g. K of the drain's surroundings times its length, over the distance to it), constant or one per cell", ((PetscObject)pkg)->name);
    PetscCheck(C >= 0, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "Drain package %s: conductance %g m^2/s of cell (%" PetscInt_FMT ", %" PetscInt_FMT ", %" PetscInt_FMT ") must not be negative", ((PetscObject)pkg)->name, (double)C, pkg->entry[e].i, pkg->entry[e].j, pkg->entry[e].k);
    PetscCheck(w >= 0, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "Drain package %s: smoothing_depth %g m of cell (%" PetscInt_FMT ", %" PetscInt_FMT ", %" PetscInt_FMT ") must not be negative", ((PetscObject)pkg)->name, (double)w, pkg->entry[e].i, pkg->entry[e].j, pkg->entry[e].k);
  }
  PetscFunctionReturn(0);
}

/* drain_discharge: volume taken out of the aquifer, booked to the zone of each cell */
static PetscErrorCode GWPackageTerms_Drain(GWPackage pkg, GWModel m, PetscReal dt, PetscReal *vals)
{
  PetscFunctionBegin;
  (void)m;
  for (PetscInt e = 0; e < pkg->nentry; e++) vals[pkg->nterm * pkg->entry[e].mat] -= pkg->Q[e] * dt;
  PetscFunctionReturn(0);
}

/*MC
  GWPACKAGEDRAIN - "drain": springs, ditches and tile drains. Water leaves the aquifer where its
  head is above the drain elevation and never enters (MODFLOW DRN; Harbaugh 2005, USGS TM 6-A16,
  eq. 8-8).

  Value: the drain elevation z [m], one for all cells, one per cell or group, a field, or a series.
  Parameters: conductance C [m^2/s] (required, constant or per cell); smoothing_depth w [m]
  (0.01 m).

  Rate into the cell: Q = -C r(h - z) with h = psi + z_c the cell's hydraulic head and r the
  smoothed ramp: r = 0 for h <= z, r = 2 x^2/w - x^3/w^2 for x = h - z in (0, w), r = x beyond,
  so the discharge is exactly C (h - z) once the head is w above the drain and exactly 0 at or
  below it, with a continuous derivative in between (Newton keeps its quadratic convergence when
  a spring switches on or off). w = 0 gives MODFLOW's sharp switch.

  Budget term: drain_discharge [m^3], the volume the drains took out (the package outflow).
  Discharge can feed a river reach: GWPackageRiverAddSpring().

  Level: beginner

.seealso: `GWPACKAGERIVER`, `GWPACKAGEGENERALHEAD`, `GWPackageRiverAddSpring()`
M*/
PetscErrorCode GWPackageCreate_Drain(GWPackage pkg)
{
  PetscFunctionBegin;
  pkg->ops->setup    = GWPackageSetUp_Drain;
  pkg->ops->evaluate = GWPackageEvaluate_Drain;
  pkg->ops->terms    = GWPackageTerms_Drain;
  pkg->needs_value   = PETSC_TRUE;
  pkg->value_unit    = "m";
  PetscCall(GWPackageDeclare_Private(pkg, 0, NULL, 2, Params, 0, NULL, 1, Terms));
  PetscFunctionReturn(0);
}
