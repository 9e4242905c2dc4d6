/* Water table of each column: where pressure head crosses 0 above the saturated zone that reaches
   the column's bottom. */
#include <gw/private/modelimpl.h>

/* Water table of column (i, j) from the pressure heads x (a local array holding the whole
   column): the top cell k of the saturated zone that reaches the bottom of the column, and the
   elevation zwt where psi crosses 0 between the centres of k and k - 1 (for k = 0, z + psi of the
   top cell, above its centre when ponded). k = -1 and zwt = bottom elevation when the bottom cell
   is unsaturated. Perched saturated zones above an unsaturated one are not the water table. */
PetscErrorCode GWModelFindWaterTable_Private(GWModel m, PetscScalar ***x, PetscInt i, PetscInt j, PetscInt *kwt, PetscReal *zwt)
{
  PetscScalar ****g;
  PetscInt        zs, zm, k;

  PetscFunctionBegin;
  PetscCall(DMDAGetCorners(m->da, NULL, NULL, &zs, NULL, NULL, &zm));
  PetscCheck(zs == 0 && zm == m->nz, PETSC_COMM_SELF, PETSC_ERR_SUP, "Water-table operations need every column on one rank; run with at most %" PetscInt_FMT " ranks (the number of columns)", m->nx * m->ny);
  PetscCall(GWModelGetGeometryArray_Private(m, &g)); /* kept: no table of pointers built per call */
  k = m->nz - 1;
  if (x[k][j][i] < 0) {
    *kwt = -1;
    *zwt = g[k][j][i][GW_GEO_ZC] - 0.5 * g[k][j][i][GW_GEO_THICK];
  } else {
    while (k > 0 && x[k - 1][j][i] >= 0) k--;
    *kwt = k;
    if (k == 0)
      *zwt = g[0][j][i][GW_GEO_ZC] + x[0][j][i];
    else {
      PetscReal zk = g[k][j][i][GW_GEO_ZC], zu = g[k - 1][j][i][GW_GEO_ZC];
      *zwt = zk + x[k][j][i] / (x[k][j][i] - x[k - 1][j][i]) * (zu - zk);
    }
  }
  PetscFunctionReturn(0);
}

/*@C
  GWModelComputeWaterTable - computes the water-table elevation of every column

  Collective

  Input Parameter:
. model - the model, after GWModelSetUp()

  Output Parameter:
. zwt - array [nx*ny] (index i + nx*j), filled on every rank: elevation [m] where pressure head
        crosses 0 above the saturated zone that reaches the column's bottom, interpolated
        linearly between the cell centres that bracket it (Design notes); z + psi of the top cell
        when the whole column is saturated (above the top centre when ponded); NaN when the
        bottom cell is unsaturated (no water table in the column)

  Notes:
  Gathers an array of all columns on every rank (an allreduce of 2 nx ny values): meant for small
  grids and tests. Large models use GWModelComputeWaterTableVec(), which keeps each column on
  its rank.

  Errors:
  PETSC_ERR_SUP when a column is split over ranks (more ranks than columns).

  Level: beginner

.seealso: `GWModelComputeWaterTableVec()`, `GWModelComputeHydraulicHead()`
@*/
PetscErrorCode GWModelComputeWaterTable(GWModel model, PetscReal zwt[])
{
  GWModel        m = model;
  PetscScalar ***x;
  PetscInt       xs, ys, xm, ym, nc = m->nx * m->ny;
  PetscReal     *loc;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCheck(m->setupcalled, PetscObjectComm((PetscObject)m), PETSC_ERR_ARG_WRONGSTATE, "Call GWModelSetUp() first");
  PetscCall(PetscCalloc1(2 * nc, &loc)); /* value and "owned here" flag */
  PetscCall(DMDAGetCorners(m->da, &xs, &ys, NULL, &xm, &ym, NULL));
  PetscCall(DMGlobalToLocal(m->da, m->psi, INSERT_VALUES, m->psi_local));
  PetscCall(DMDAVecGetArrayRead(m->da, m->psi_local, &x));
  for (PetscInt j = ys; j < ys + ym; j++)
    for (PetscInt i = xs; i < xs + xm; i++) {
      PetscInt  k;
      PetscReal z;
      PetscCall(GWModelFindWaterTable_Private(m, x, i, j, &k, &z));
      loc[i + m->nx * j]      = k < 0 ? 0.0 : z;
      loc[nc + i + m->nx * j] = k < 0 ? 0.0 : 1.0;
    }
  PetscCall(DMDAVecRestoreArrayRead(m->da, m->psi_local, &x));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, loc, 2 * nc, MPIU_REAL, MPIU_SUM, PetscObjectComm((PetscObject)m)));
  for (PetscInt c = 0; c < nc; c++) zwt[c] = loc[nc + c] > 0 ? loc[c] : PETSC_NAN;
  PetscCall(PetscFree(loc));
  PetscFunctionReturn(0);
}

/*@C
  GWModelComputeWaterTableVec - computes the water-table elevation of every column into a
  distributed vector, each rank its own columns

  Collective

  Input Parameters:
+ model - the model, after GWModelSetUp()
- zwt - global vector of the model's DMDA (GWModelGetDM())

  Output Parameter:
. zwt - every cell holds the water-table elevation [m] of its column, as defined in
        GWModelComputeWaterTable(); NaN when the column's bottom cell is unsaturated

  Notes:
  The grid is split among ranks by columns, so this needs no communication beyond the ghost
  update of the pressure head. A 2D map is the layer-0 slice of zwt.

  Errors:
  PETSC_ERR_SUP when a column is split over ranks (more ranks than columns).

  Level: beginner

.seealso: `GWModelComputeWaterTable()`, `GWModelComputeHydraulicHead()`
@*/
PetscErrorCode GWModelComputeWaterTableVec(GWModel model, Vec zwt)
{
  GWModel        m = model;
  PetscScalar ***x, ***w;
  PetscInt       xs, ys, zs, xm, ym, zm;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscValidHeaderSpecific(zwt, VEC_CLASSID, 2);
  PetscCheck(m->setupcalled, PetscObjectComm((PetscObject)m), PETSC_ERR_ARG_WRONGSTATE, "Call GWModelSetUp() first");
  PetscCall(DMDAGetCorners(m->da, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCall(DMGlobalToLocal(m->da, m->psi, INSERT_VALUES, m->psi_local));
  PetscCall(DMDAVecGetArrayRead(m->da, m->psi_local, &x));
  PetscCall(DMDAVecGetArray(m->da, zwt, &w));
  for (PetscInt j = ys; j < ys + ym; j++)
    for (PetscInt i = xs; i < xs + xm; i++) {
      PetscInt  k;
      PetscReal z;
      PetscCall(GWModelFindWaterTable_Private(m, x, i, j, &k, &z));
      for (PetscInt l = zs; l < zs + zm; l++) w[l][j][i] = k < 0 ? PETSC_NAN : z;
    }
  PetscCall(DMDAVecRestoreArray(m->da, zwt, &w));
  PetscCall(DMDAVecRestoreArrayRead(m->da, m->psi_local, &x));
  PetscFunctionReturn(0);
}

