/* Specified head on cell faces (Dirichlet boundary, MODFLOW CHD at a face rather than a cell). */
#include <gw/private/modelimpl.h>

/* Q = T kr (H_b - H_c) with T = K A / d: the two-point flux between the cell centre and the face,
   at distance d, where the head H_b is imposed; kr weighted as between two cells, the boundary
   value psi_b = H_b - z_f playing the neighbour. */
static PetscErrorCode GWPackageEvaluate_Head(GWPackage pkg, GWModel m, const GWPackageEntry *e, PetscReal v, PetscReal psi, PetscReal *Q, PetscReal *dQ)
{
  GWMaterial mat = m->mat[e->mat];
  PetscReal  Hb = pkg->headkind == GW_HEAD_HYDRAULIC ? v : v + e->zf, psib = Hb - e->zf, Hc = psi + e->zc;
  PetscReal  T = e->K * e->area / e->dist, krc, dkrc, krb, kr, dkc, dkb, se, dse;

  PetscFunctionBegin;
  PetscCall(mat->ops->evaluate(mat, psi, &se, &dse, &krc, &dkrc));
  PetscCall(mat->ops->evaluate(mat, psib, &se, &dse, &krb, &dkb));
  GWFaceRelPerm_Private(m->krweight, krc, dkrc, Hc, krb, 0.0, Hb, &kr, &dkc, &dkb);
  *Q  = T * kr * (Hb - Hc);
  *dQ = T * dkc * (Hb - Hc) - T * kr;
  PetscFunctionReturn(0);
}

/*MC
  GWPACKAGEHEAD - "head": specified pressure head or hydraulic head on cell faces

  Value: head [m], hydraulic by default (GWPackageHeadSetKind() for pressure head at the face
  centre). Flux into the cell: Q = K kr A (H_b - H_c) / d, with d the distance from the cell
  centre to the face and kr weighted as between two cells (upstream by default).

  Level: beginner

.seealso: `GWPackageHeadSetKind()`, `GWFace`
M*/
PetscErrorCode GWPackageCreate_Head(GWPackage pkg)
{
  PetscFunctionBegin;
  pkg->ops->evaluate      = GWPackageEvaluate_Head;
  pkg->needs_value        = PETSC_TRUE;
  pkg->value_unit         = "m";
  pkg->face_rule          = GW_PACKAGE_FACE_REQUIRED;
  pkg->head_kind_accepted = PETSC_TRUE;
  PetscFunctionReturn(0);
}
