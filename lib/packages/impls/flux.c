/* Specified flux per area across cell faces (Neumann boundary). */
#include <gw/private/modelimpl.h>

static PetscErrorCode GWPackageSetUp_Flux(GWPackage pkg, GWModel m)
{
  const char *name;

  PetscFunctionBegin;
  PetscCall(PetscObjectGetName((PetscObject)pkg, &name));
  for (PetscInt e = 0; e < pkg->nentry; e++)
    PetscCheck(pkg->entry[e].face != GW_FACE_NONE, PETSC_COMM_SELF, PETSC_ERR_ARG_WRONGSTATE, "Flux package %s: cell (%" PetscInt_FMT ", %" PetscInt_FMT ", %" PetscInt_FMT ") needs a face (west, east, south, north, top or bottom)", name, pkg->entry[e].i, pkg->entry[e].j, pkg->entry[e].k);
  (void)m;
  PetscFunctionReturn(0);
}

static PetscErrorCode GWPackageEvaluate_Flux(GWPackage pkg, GWModel m, const GWPackageEntry *e, PetscReal v, PetscReal psi, PetscReal *Q, PetscReal *dQ)
{
  PetscFunctionBegin;
  (void)pkg;
  (void)m;
  (void)psi;
  *Q  = v * e->area;
  *dQ = 0.0;
  PetscFunctionReturn(0);
}

/*MC
  GWPACKAGEFLUX - "flux": specified Darcy flux per unit face area, positive into the domain

  Value: flux [m/s]; Q = q A over each face (e.g. 5 mm/d of recharge on the top faces).

  Level: beginner

.seealso: `GWFace`, `GWPackageSetSchedule()`
M*/
PetscErrorCode GWPackageCreate_Flux(GWPackage pkg)
{
  PetscFunctionBegin;
  pkg->ops->setup    = GWPackageSetUp_Flux;
  pkg->ops->evaluate = GWPackageEvaluate_Flux;
  pkg->needs_value   = PETSC_TRUE;
  pkg->value_unit    = "m/s";
  pkg->face_rule     = GW_PACKAGE_FACE_REQUIRED;
  PetscFunctionReturn(0);
}
