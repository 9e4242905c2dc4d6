/* Well: a scheduled volumetric rate shared among its cells by transmissivity. */
#include <gw/private/modelimpl.h>

static PetscErrorCode GWPackageEvaluate_Well(GWPackage pkg, GWModel m, const GWPackageEntry *e, PetscReal v, PetscReal psi, PetscReal *Q, PetscReal *dQ)
{
  PetscFunctionBegin;
  (void)pkg;
  (void)m;
  (void)psi;
  *Q  = v * e->weight;
  *dQ = 0.0;
  PetscFunctionReturn(0);
}

/*MC
  GWPACKAGEWELL - "well": a well screened over one or more cells with a rate schedule

  Value: rate [m^3/s], positive for injection, negative for pumping. The rate is shared among
  the well's cells in proportion to kx times cell thickness (the transmissivity weighting of
  MODFLOW's multi-node wells; Konikow et al. 2009, USGS TM 6-A30). The rate is imposed as
  given: a pumped cell that dries is not switched off.

  Level: beginner

.seealso: `GWPackageSetSchedule()`
M*/
PetscErrorCode GWPackageCreate_Well(GWPackage pkg)
{
  PetscFunctionBegin;
  pkg->ops->evaluate = GWPackageEvaluate_Well;
  pkg->needs_value   = PETSC_TRUE;
  pkg->value_unit    = "m^3/s";
  PetscFunctionReturn(0);
}
