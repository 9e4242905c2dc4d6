/* Specified head on cell faces (Dirichlet boundary, MODFLOW CHD at a face rather than a cell). */
#include <gw/private/modelimpl.h>

static const GWPackageSlot Params[] = {
    {"conductance", "m^2/s", PETSC_NAN, "conductance between the cell centre and the boundary (MODFLOW GHB's C); default K A / d from the cell's conductivity normal to the face; may be given per cell"}};

/* Q = T kr (H_b - H_c) with T = K A / d: the two-point flux between the cell centre and the face,
   at distance d, where the head H_b is imposed; kr weighted as between two cells, the boundary
   value psi_b = H_b - z_f playing the neighbour. A given conductance C replaces K A / d (a
   general-head boundary, MODFLOW GHB: Harbaugh 2005, USGS TM 6-A16, eq. 8-3, here with kr). */
static PetscErrorCode GWPackageEvaluate_Head(GWPackage pkg, GWModel m, const GWPackageEntry *e, PetscReal v, PetscReal psi, PetscReal *Q, PetscReal *dQ)
{
  GWMaterial mat = m->mat[e->mat];
  PetscReal  Hb = pkg->headkind == GW_HEAD_HYDRAULIC ? v : v + e->zf, psib = Hb - e->zf, Hc = psi + e->zc;
  PetscReal  C = GWPackageEntryParameter(pkg, 0, e - pkg->entry), T = PetscIsNanReal(C) ? e->K * e->area / e->dist : C;
  PetscReal  krc, dkrc, krb, kr, dkc, dkb, se, dse;

  PetscFunctionBegin;
  PetscCall(mat->ops->evaluate(mat, psi, &se, &dse, &krc, &dkrc));
  PetscCall(mat->ops->evaluate(mat, psib, &se, &dse, &krb, &dkb));
  PetscCall(GWFaceRelPermEvaluate_Private(m->krweight, mat, psi, krc, dkrc, Hc, mat, psib, krb, 0.0, Hb, &kr, &dkc, &dkb));
  *Q  = T * kr * (Hb - Hc);
  *dQ = T * dkc * (Hb - Hc) - T * kr;
  PetscFunctionReturn(0);
}

static PetscErrorCode GWPackageSetUp_Head(GWPackage pkg, GWModel m)
{
  PetscFunctionBegin;
  (void)m;
  for (PetscInt e = 0; e < pkg->nentry; e++) {
    PetscReal C = GWPackageEntryParameter(pkg, 0, e);
    PetscCheck(PetscIsNanReal(C) || C > 0, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "Head package %s: conductance %g m^2/s of cell (%" PetscInt_FMT ", %" PetscInt_FMT ", %" PetscInt_FMT ") must be positive", ((PetscObject)pkg)->name, (double)C, pkg->entry[e].i, pkg->entry[e].j, pkg->entry[e].k);
  }
  PetscFunctionReturn(0);
}

/*MC
  GWPACKAGEHEAD - "head": specified pressure head or hydraulic head on cell faces

  Value: head [m], hydraulic by default (GWPackageHeadSetKind() for pressure head at the face
  centre), one for all cells or one per cell (GWPackageSetValues(), GWPackageSetScheduleColumns()).
  Flux into the cell: Q = K kr A (H_b - H_c) / d, with d the distance from the cell centre to the
  face and kr weighted as between two cells (upstream by default). Parameter conductance C
  [m^2/s], constant or per cell (GWPackageSetParameterValues()), replaces K A / d when given.

  Level: beginner

.seealso: `GWPackageHeadSetKind()`, `GWFace`
M*/
PetscErrorCode GWPackageCreate_Head(GWPackage pkg)
{
  PetscFunctionBegin;
  pkg->ops->setup         = GWPackageSetUp_Head;
  pkg->ops->evaluate      = GWPackageEvaluate_Head;
  pkg->needs_value        = PETSC_TRUE;
  pkg->value_unit         = "m";
  pkg->face_rule          = GW_PACKAGE_FACE_REQUIRED;
  pkg->head_kind_accepted = PETSC_TRUE;
  PetscCall(GWPackageDeclare_Private(pkg, 0, NULL, 1, Params, 0, NULL, 0, NULL));
  PetscFunctionReturn(0);
}
