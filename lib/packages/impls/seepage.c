/* Seepage face: outflow-only face at atmospheric pressure. */
#include <gw/private/modelimpl.h>

/* Where the cell's hydraulic head exceeds the face elevation (psi = 0 at the face), water leaves
   at Q = -T kr (H_c - z_f); elsewhere the face is closed. The max() makes this a semismooth
   complementarity condition decided inside the Newton iteration (Design notes), not a flag
   flipped between steps. */
static PetscErrorCode GWPackageEvaluate_SeepageFace(GWPackage pkg, GWModel m, const GWPackageEntry *e, PetscReal v, PetscReal psi, PetscReal *Q, PetscReal *dQ)
{
  GWMaterial mat = m->mat[e->mat];
  PetscReal  Hc = psi + e->zc, T = e->K * e->area / e->dist, kr, dkr, se, dse;

  PetscFunctionBegin;
  (void)pkg;
  (void)v;
  if (Hc <= e->zf) {
    *Q  = 0.0;
    *dQ = 0.0;
    PetscFunctionReturn(0);
  }
  PetscCall(mat->ops->evaluate(mat, psi, &se, &dse, &kr, &dkr));
  *Q  = T * kr * (e->zf - Hc);
  *dQ = T * dkr * (e->zf - Hc) - T * kr;
  PetscFunctionReturn(0);
}

/*MC
  GWPACKAGESEEPAGEFACE - "seepage-face": a face where water may leave, never enter, at
  atmospheric pressure (psi = 0 at the face centre). No value is needed.

  Outflow Q = K kr A (H_c - z_f) / d while H_c > z_f, zero otherwise (Neuman 1973, Water Resour.
  Res. 9(4); Cooley 1983, Water Resour. Res. 19(5)).

  Level: beginner

.seealso: `GWFace`
M*/
PetscErrorCode GWPackageCreate_SeepageFace(GWPackage pkg)
{
  PetscFunctionBegin;
  pkg->ops->evaluate = GWPackageEvaluate_SeepageFace;
  pkg->needs_value   = PETSC_FALSE;
  pkg->face_rule     = GW_PACKAGE_FACE_REQUIRED;
  PetscFunctionReturn(0);
}
