/* Layered structured grid on a 3D DMDA: set-up of the distributed cell geometry, cell centres and volumes. */
#include <gw/private/modelimpl.h>

/* Completes the distributed geometry the setters wrote (cell widths, volumes), checks the
   material indices, and keeps it as a ghosted local vector; the global one is freed. */
PetscErrorCode GWModelSetUpGeometry_Private(GWModel m)
{
  MPI_Comm        comm = PetscObjectComm((PetscObject)m);
  PetscInt        xs, ys, zs, xm, ym, zm, bad = -1, c;
  PetscReal       badv = 0;
  PetscScalar ****g, ***v;
  Vec             gglobal;

  PetscFunctionBegin;
  PetscCheck(m->nx > 0, comm, PETSC_ERR_ARG_WRONGSTATE, "No grid: call GWModelSetGridSize() before GWModelSetUp()");
  PetscCheck(m->dx, comm, PETSC_ERR_ARG_WRONGSTATE, "No cell widths: call GWModelSetCellWidths() or GWModelSetUniformCellWidths() before GWModelSetUp()");
  PetscCheck(m->layers_set, comm, PETSC_ERR_ARG_WRONGSTATE, "No layer elevations: call GWModelSetLayerElevations() or GWModelSetUniformLayers() before GWModelSetUp()");
  PetscCheck(m->nmat > 0, comm, PETSC_ERR_ARG_WRONGSTATE, "No material: call GWModelAddMaterial() before GWModelSetUp()");
  PetscCall(GWModelGetGeometry_Private(m, &gglobal));
  PetscCall(DMCreateGlobalVector(m->da, &m->vol));
  PetscCall(DMDAGetCorners(m->da, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCall(DMDAVecGetArrayDOF(m->dageo, gglobal, &g));
  PetscCall(DMDAVecGetArray(m->da, m->vol, &v));
  for (PetscInt k = zs; k < zs + zm; k++)
    for (PetscInt j = ys; j < ys + ym; j++)
      for (PetscInt i = xs; i < xs + xm; i++) {
        PetscScalar *gc  = g[k][j][i];
        PetscReal    mat = gc[GW_GEO_MAT];
        gc[GW_GEO_DX]    = m->dx[i];
        gc[GW_GEO_DY]    = m->dy[j];
        v[k][j][i]       = m->dx[i] * m->dy[j] * gc[GW_GEO_THICK];
        if (bad < 0 && !(mat >= 0 && mat < m->nmat)) {
          bad  = i + m->nx * (j + m->ny * k);
          badv = mat;
        }
      }
  PetscCall(DMDAVecRestoreArrayDOF(m->dageo, gglobal, &g));
  PetscCall(DMDAVecRestoreArray(m->da, m->vol, &v));
  PetscCall(GWModelFirstBadCell_Private(m, bad, 1, &badv, &c));
  PetscCheck(c < 0, comm, PETSC_ERR_ARG_OUTOFRANGE, "Cell (i=%" PetscInt_FMT ", j=%" PetscInt_FMT ", layer=%" PetscInt_FMT ") has material %" PetscInt_FMT " but only materials 0..%" PetscInt_FMT " were added", c % m->nx, (c / m->nx) % m->ny, c / (m->nx * m->ny), (PetscInt)badv, m->nmat - 1);
  PetscCall(DMCreateLocalVector(m->dageo, &m->geo));
  PetscCall(DMGlobalToLocal(m->dageo, gglobal, INSERT_VALUES, m->geo));
  PetscCall(VecDestroy(&m->geoglobal));
  /* work storage of the cell loops: the ghosted iterate, its constitutive values and the face
     conductances */
  PetscCall(DMCreateLocalVector(m->da, &m->psi_local));
  {
    PetscInt gxm, gym, gzm;
    PetscCall(DMDAGetGhostCorners(m->da, NULL, NULL, NULL, &gxm, &gym, &gzm));
    PetscCall(PetscMalloc3(4 * gxm * gym * gzm, &m->cons, gxm * gym * gzm, &m->cons_psi, 3 * gxm * gym * gzm, &m->tface));
  }
  PetscFunctionReturn(0);
}

/* The ghosted geometry (dof GW_NGEO) and stored face fluxes (dof 3) as arrays [k][j][i][dof],
   fetched once and kept until the model is destroyed: DMDAVecGetArrayDOFRead() allocates and
   fills a table of pointers over every cell at each call, which the cell loops of every Newton
   iteration would otherwise repeat. Geometry is read-only after set-up; the face fluxes are
   rewritten in place (GWModelComputeFaceFluxes_Private()). */
PetscErrorCode GWModelGetGeometryArray_Private(GWModel m, PetscScalar *****g)
{
  PetscFunctionBegin;
  if (!m->geo4) PetscCall(DMDAVecGetArrayDOFRead(m->dageo, m->geo, &m->geo4));
  *g = m->geo4;
  PetscFunctionReturn(0);
}

PetscErrorCode GWModelGetFaceFluxArray_Private(GWModel m, PetscScalar *****q)
{
  PetscFunctionBegin;
  if (!m->qface4) PetscCall(DMDAVecGetArrayDOFRead(m->daq, m->qface, &m->qface4));
  *q = m->qface4;
  PetscFunctionReturn(0);
}

/*@C
  GWModelGetDM - gets the distributed grid (a 3D DMDA with one unknown per cell)

  Collective on the first call after GWModelSetGridSize() (which creates it), else not collective

  Input Parameter:
. model - the model, after GWModelSetGridSize()

  Output Parameter:
. da - the DMDA (borrowed); DMDA index (i, j, k) is the cell at column (i, j), layer k (k = 0 on top)

  Notes:
  Available before GWModelSetUp(), so inputs can be built as distributed vectors on it
  (GWModelSetLayerElevationsVec(), GWModelSetMaterialZonesVec()). Options with prefix -gw_
  (e.g. -gw_da_processors_x) are read when it is created.

  Errors:
  PETSC_ERR_ARG_WRONGSTATE before GWModelSetGridSize().

  Level: intermediate

.seealso: `GWModelGetPressureHead()`
@*/
PetscErrorCode GWModelGetDM(GWModel model, DM *da)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCall(GWModelCreateDM_Private(model));
  *da = model->da;
  PetscFunctionReturn(0);
}

/*@C
  GWModelGetCellCenters - creates vectors of the cell-centre coordinates

  Collective

  Input Parameter:
. model - the model, after GWModelSetUp()

  Output Parameters:
+ x - x of each cell centre [m], measured from the west edge of the grid (NULL to skip)
. y - y of each cell centre [m], measured from the south edge (NULL to skip)
- z - elevation of each cell centre [m], midway between its top and bottom (NULL to skip)

  Notes:
  The vectors are new global vectors of the model's DMDA; destroy them with VecDestroy().

  Level: beginner

.seealso: `GWModelGetCellVolumes()`
@*/
PetscErrorCode GWModelGetCellCenters(GWModel model, Vec *x, Vec *y, Vec *z)
{
  PetscInt       xs, ys, zs, xm, ym, zm;
  PetscScalar ***ax = NULL, ***ay = NULL, ***az = NULL, ****g;
  PetscReal     *cx, *cy;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCheck(model->geo, PetscObjectComm((PetscObject)model), PETSC_ERR_ARG_WRONGSTATE, "Call GWModelSetUp() first");
  PetscCall(PetscMalloc2(model->nx, &cx, model->ny, &cy));
  for (PetscInt i = 0; i < model->nx; i++) cx[i] = (i ? cx[i - 1] + 0.5 * model->dx[i - 1] : 0.0) + 0.5 * model->dx[i];
  for (PetscInt j = 0; j < model->ny; j++) cy[j] = (j ? cy[j - 1] + 0.5 * model->dy[j - 1] : 0.0) + 0.5 * model->dy[j];
  PetscCall(DMDAGetCorners(model->da, &xs, &ys, &zs, &xm, &ym, &zm));
  if (x) {
    PetscCall(DMCreateGlobalVector(model->da, x));
    PetscCall(DMDAVecGetArray(model->da, *x, &ax));
  }
  if (y) {
    PetscCall(DMCreateGlobalVector(model->da, y));
    PetscCall(DMDAVecGetArray(model->da, *y, &ay));
  }
  if (z) {
    PetscCall(DMCreateGlobalVector(model->da, z));
    PetscCall(DMDAVecGetArray(model->da, *z, &az));
  }
  PetscCall(DMDAVecGetArrayDOFRead(model->dageo, model->geo, &g));
  for (PetscInt k = zs; k < zs + zm; k++)
    for (PetscInt j = ys; j < ys + ym; j++)
      for (PetscInt i = xs; i < xs + xm; i++) {
        if (ax) ax[k][j][i] = cx[i];
        if (ay) ay[k][j][i] = cy[j];
        if (az) az[k][j][i] = g[k][j][i][GW_GEO_ZC];
      }
  PetscCall(DMDAVecRestoreArrayDOFRead(model->dageo, model->geo, &g));
  if (x) PetscCall(DMDAVecRestoreArray(model->da, *x, &ax));
  if (y) PetscCall(DMDAVecRestoreArray(model->da, *y, &ay));
  if (z) PetscCall(DMDAVecRestoreArray(model->da, *z, &az));
  PetscCall(PetscFree2(cx, cy));
  PetscFunctionReturn(0);
}

/*@C
  GWModelGetCellVolumes - gets the vector of cell volumes [m^3]

  Not collective

  Input Parameter:
. model - the model, after GWModelSetUp()

  Output Parameter:
. vol - global vector of cell volumes (borrowed; do not modify or destroy)

  Level: intermediate

.seealso: `GWModelGetCellCenters()`
@*/
PetscErrorCode GWModelGetCellVolumes(GWModel model, Vec *vol)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCheck(model->vol, PetscObjectComm((PetscObject)model), PETSC_ERR_ARG_WRONGSTATE, "Call GWModelSetUp() first");
  *vol = model->vol;
  PetscFunctionReturn(0);
}
