/* Layered structured grid on a 3D DMDA: cell geometry from column tops and layer bottoms. */
#include <gw/private/modelimpl.h>

/* Top elevation of cell (i, j, k): the column top for layer 0, else the bottom of the layer above. */
static inline PetscReal CellTop(GWModel m, PetscInt i, PetscInt j, PetscInt k)
{
  return k ? m->bot[i + m->nx * (j + m->ny * (k - 1))] : m->top[i + m->nx * j];
}

static inline PetscReal CellBottom(GWModel m, PetscInt i, PetscInt j, PetscInt k)
{
  return m->bot[i + m->nx * (j + m->ny * k)];
}

/* Builds the distributed grid, the ghosted geometry vector and the cell volumes. The grid is split
   among ranks by columns only (one process along z), so every column, with its water table,
   lies on one rank: column operations (water table, recharge across it, phreatic evaporation,
   root uptake) need no communication. Only a grid with fewer columns than ranks (a 1D column on
   several ranks) is split along z. */
PetscErrorCode GWModelSetUpGeometry_Private(GWModel m)
{
  MPI_Comm        comm = PetscObjectComm((PetscObject)m);
  PetscInt        xs, ys, zs, xm, ym, zm;
  PetscScalar ****g, ***v;
  Vec             gglobal;
  PetscMPIInt     size;

  PetscFunctionBegin;
  PetscCheck(m->nx > 0, comm, PETSC_ERR_ARG_WRONGSTATE, "No grid: call GWModelSetGridSize() before GWModelSetUp()");
  PetscCheck(m->dx, comm, PETSC_ERR_ARG_WRONGSTATE, "No cell widths: call GWModelSetCellWidths() or GWModelSetUniformCellWidths() before GWModelSetUp()");
  PetscCheck(m->top && m->bot, comm, PETSC_ERR_ARG_WRONGSTATE, "No layer elevations: call GWModelSetLayerElevations() or GWModelSetUniformLayers() before GWModelSetUp()");
  PetscCheck(m->nmat > 0, comm, PETSC_ERR_ARG_WRONGSTATE, "No material: call GWModelAddMaterial() before GWModelSetUp()");
  if (m->zone) {
    for (PetscInt c = 0; c < m->nx * m->ny * m->nz; c++)
      PetscCheck(m->zone[c] >= 0 && m->zone[c] < m->nmat, comm, PETSC_ERR_ARG_OUTOFRANGE, "Cell (i=%" PetscInt_FMT ", j=%" PetscInt_FMT ", layer=%" PetscInt_FMT ") has material %" PetscInt_FMT " but only materials 0..%" PetscInt_FMT " were added", c % m->nx, (c / m->nx) % m->ny, c / (m->nx * m->ny), m->zone[c], m->nmat - 1);
  }
  PetscCallMPI(MPI_Comm_size(comm, &size));
  PetscCall(DMDACreate3d(comm, DM_BOUNDARY_NONE, DM_BOUNDARY_NONE, DM_BOUNDARY_NONE, DMDA_STENCIL_STAR, m->nx, m->ny, m->nz, PETSC_DECIDE, PETSC_DECIDE, m->nx * m->ny >= size ? 1 : PETSC_DECIDE, 1, 1, NULL, NULL, NULL, &m->da));
  PetscCall(DMSetOptionsPrefix(m->da, "gw_"));
  PetscCall(DMSetFromOptions(m->da));
  PetscCall(DMSetUp(m->da));
  PetscCall(DMDASetFieldName(m->da, 0, "pressure_head"));
  PetscCall(DMDACreateCompatibleDMDA(m->da, GW_NGEO, &m->dageo));

  PetscCall(DMCreateGlobalVector(m->dageo, &gglobal));
  PetscCall(DMCreateGlobalVector(m->da, &m->vol));
  PetscCall(DMDAGetCorners(m->da, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCall(DMDAVecGetArrayDOF(m->dageo, gglobal, &g));
  PetscCall(DMDAVecGetArray(m->da, m->vol, &v));
  for (PetscInt k = zs; k < zs + zm; k++)
    for (PetscInt j = ys; j < ys + ym; j++)
      for (PetscInt i = xs; i < xs + xm; i++) {
        PetscReal zt = CellTop(m, i, j, k), zb = CellBottom(m, i, j, k);
        g[k][j][i][GW_GEO_ZC]    = 0.5 * (zt + zb);
        g[k][j][i][GW_GEO_THICK] = zt - zb;
        g[k][j][i][GW_GEO_DX]    = m->dx[i];
        g[k][j][i][GW_GEO_DY]    = m->dy[j];
        g[k][j][i][GW_GEO_MAT]   = m->zone ? (PetscReal)m->zone[i + m->nx * (j + m->ny * k)] : 0.0;
        v[k][j][i]               = m->dx[i] * m->dy[j] * (zt - zb);
      }
  PetscCall(DMDAVecRestoreArrayDOF(m->dageo, gglobal, &g));
  PetscCall(DMDAVecRestoreArray(m->da, m->vol, &v));
  PetscCall(DMCreateLocalVector(m->dageo, &m->geo));
  PetscCall(DMGlobalToLocal(m->dageo, gglobal, INSERT_VALUES, m->geo));
  PetscCall(VecDestroy(&gglobal));
  /* work storage of the cell loops: the ghosted iterate and its constitutive values */
  PetscCall(DMCreateLocalVector(m->da, &m->psi_local));
  {
    PetscInt gxm, gym, gzm;
    PetscCall(DMDAGetGhostCorners(m->da, NULL, NULL, NULL, &gxm, &gym, &gzm));
    PetscCall(PetscMalloc1(4 * gxm * gym * gzm, &m->cons));
  }
  PetscFunctionReturn(0);
}

/*@C
  GWModelGetDM - gets the distributed grid (a 3D DMDA with one unknown per cell)

  Not collective

  Input Parameter:
. model - the model, after GWModelSetUp()

  Output Parameter:
. da - the DMDA (borrowed); DMDA index (i, j, k) is the cell at column (i, j), layer k (k = 0 on top)

  Level: intermediate

.seealso: `GWModelGetPressureHead()`
@*/
PetscErrorCode GWModelGetDM(GWModel model, DM *da)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCheck(model->da, PetscObjectComm((PetscObject)model), PETSC_ERR_ARG_WRONGSTATE, "Call GWModelSetUp() first");
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
  PetscScalar ***ax = NULL, ***ay = NULL, ***az = NULL;
  PetscReal     *cx, *cy;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCheck(model->da, PetscObjectComm((PetscObject)model), PETSC_ERR_ARG_WRONGSTATE, "Call GWModelSetUp() first");
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
  for (PetscInt k = zs; k < zs + zm; k++)
    for (PetscInt j = ys; j < ys + ym; j++)
      for (PetscInt i = xs; i < xs + xm; i++) {
        if (ax) ax[k][j][i] = cx[i];
        if (ay) ay[k][j][i] = cy[j];
        if (az) az[k][j][i] = 0.5 * (CellTop(model, i, j, k) + CellBottom(model, i, j, k));
      }
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
