/* General-head boundary: exchange with an external water body of known head through a
   conductance (MODFLOW GHB). */
#include <gw/private/surfacewaterimpl.h>

static const GWPackageSlot Params[] = {
    {"conductance", "m^2/s", PETSC_NAN, "conductance C between the cell and the external head; required, constant or per cell"},
};
static const char *const Terms[] = {"general_head_inflow", "general_head_outflow"};

/* Q = C (H_ext - h), h = psi + z_c: linear in the cell's hydraulic head, with no relative
   permeability (MODFLOW GHB; for a face boundary weighted by kr use a head package with a
   conductance). */
static PetscErrorCode GWPackageEvaluate_GeneralHead(GWPackage pkg, GWModel m, const GWPackageEntry *e, PetscReal H, PetscReal psi, PetscReal *Q, PetscReal *dQ)
{
  PetscReal C = GWPackageEntryParameter(pkg, 0, (PetscInt)(e - pkg->entry));

  PetscFunctionBegin;
  (void)m;
  *Q  = C * (H - (psi + e->zc));
  *dQ = -C;
  PetscFunctionReturn(0);
}

static PetscErrorCode GWPackageSetUp_GeneralHead(GWPackage pkg, GWModel m)
{
  PetscFunctionBegin;
  (void)m;
  for (PetscInt e = 0; e < pkg->nentry; e++) {
    PetscReal C = GWPackageEntryParameter(pkg, 0, e);
    PetscCheck(!PetscIsNanReal(C), PETSC_COMM_SELF, PETSC_ERR_ARG_WRONGSTATE, "General-head package %s: no conductance; give parameter conductance [m^2/s], constant or one per cell", ((PetscObject)pkg)->name);
    PetscCheck(C >= 0, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "General-head package %s: conductance %g m^2/s of cell (%" PetscInt_FMT ", %" PetscInt_FMT ", %" PetscInt_FMT ") must not be negative", ((PetscObject)pkg)->name, (double)C, pkg->entry[e].i, pkg->entry[e].j, pkg->entry[e].k);
  }
  PetscFunctionReturn(0);
}

/* general_head_inflow, general_head_outflow: volumes into and out of the aquifer, by zone */
static PetscErrorCode GWPackageTerms_GeneralHead(GWPackage pkg, GWModel m, PetscReal dt, PetscReal *vals)
{
  PetscFunctionBegin;
  (void)m;
  for (PetscInt e = 0; e < pkg->nentry; e++) {
    PetscReal *v = vals + pkg->nterm * pkg->entry[e].mat;
    if (pkg->Q[e] > 0)
      v[0] += pkg->Q[e] * dt;
    else
      v[1] -= pkg->Q[e] * dt;
  }
  PetscFunctionReturn(0);
}

/*MC
  GWPACKAGEGENERALHEAD - "general-head": exchange with a water body of known head (a lake, a sea,
  an aquifer beyond the model edge) through a conductance (MODFLOW GHB; Harbaugh 2005, USGS TM
  6-A16, eq. 8-3)

  Value: the external hydraulic head H_ext [m], one for all cells, one per cell or group, a field
  or a series. Parameter: conductance C [m^2/s] (required, constant or per cell).

  Rate into the cell: Q = C (H_ext - h), h = psi + z_c the cell's hydraulic head. The cells need
  no face (a general-head cell may be anywhere); unlike a head package with a conductance, the
  flow is not weighted by relative permeability, as in MODFLOW.

  Budget terms: general_head_inflow and general_head_outflow [m^3].

  Level: beginner

.seealso: `GWPACKAGEHEAD`, `GWPACKAGEDRAIN`
M*/
PetscErrorCode GWPackageCreate_GeneralHead(GWPackage pkg)
{
  PetscFunctionBegin;
  pkg->ops->setup    = GWPackageSetUp_GeneralHead;
  pkg->ops->evaluate = GWPackageEvaluate_GeneralHead;
  pkg->ops->terms    = GWPackageTerms_GeneralHead;
  pkg->needs_value   = PETSC_TRUE;
  pkg->value_unit    = "m";
  PetscCall(GWPackageDeclare_Private(pkg, 0, NULL, 1, Params, 0, NULL, 2, Terms));
  PetscFunctionReturn(0);
}
