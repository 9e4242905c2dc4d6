/* Free drainage (unit gradient) across cell faces. */
#include <gw/private/modelimpl.h>

/* Zero gradient of pressure head normal to the face, so the hydraulic gradient there is that of
   the elevation head alone: Q = -K kr(psi_c) A g (e_z . n), n the outward normal of the face and
   g the model's gravity switch (1 on, 0 off). On a bottom face e_z . n = -1: the outflow is
   K kr(psi_c) A, the unit-gradient lower boundary of soil columns; on a top face the same flow
   enters; on side faces (and with gravity off) no water crosses. */
static PetscErrorCode GWPackageEvaluate_FreeDrainage(GWPackage pkg, GWModel m, const GWPackageEntry *e, PetscReal v, PetscReal psi, PetscReal *Q, PetscReal *dQ)
{
  GWMaterial mat = m->mat[e->mat];
  PetscReal  se, dse, kr, dkr, down = 0.0;

  PetscFunctionBegin;
  (void)pkg;
  (void)v;
  if (e->face == GW_FACE_BOTTOM)
    down = m->gravity;
  else if (e->face == GW_FACE_TOP)
    down = -m->gravity;
  PetscCall(mat->ops->evaluate(mat, psi, &se, &dse, &kr, &dkr));
  *Q  = -down * e->K * kr * e->area;
  *dQ = -down * e->K * dkr * e->area;
  PetscFunctionReturn(0);
}

/*MC
  GWPACKAGEFREEDRAINAGE - "free-drainage": a face where the pressure-head gradient is zero, so
  water crosses it at the unit hydraulic gradient of gravity alone. No value is needed.

  Flow into the cell Q = -K kr(psi_c) A (e_z . n) [m^3/s], with K the cell's saturated
  conductivity normal to the face, kr at the cell's pressure head, A the face area and n the
  face's outward normal: outflow K kr A through a bottom face (the free-drainage lower boundary
  of lysimeters and soil columns; e.g. Simunek et al. 2008, HYDRUS-1D manual, sec. 2.5.4), inflow
  K kr A through a top face, none through side faces or with gravity off (GWModelSetGravity()).
  dQ/dpsi = -K A (e_z . n) dkr/dpsi enters the Jacobian.

  Level: beginner

.seealso: `GWFace`, `GWPACKAGESEEPAGEFACE`, `GWModelSetGravity()`
M*/
PetscErrorCode GWPackageCreate_FreeDrainage(GWPackage pkg)
{
  PetscFunctionBegin;
  pkg->ops->evaluate = GWPackageEvaluate_FreeDrainage;
  pkg->needs_value   = PETSC_FALSE;
  pkg->face_rule     = GW_PACKAGE_FACE_REQUIRED;
  PetscFunctionReturn(0);
}
