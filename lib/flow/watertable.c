/* Water table of each column: where pressure head crosses 0 above the saturated zone that reaches
   the column's bottom. */
#include <gw/private/modelimpl.h>

/* Water table of one column from its pressure heads psi[k * sp] and cell-centre elevations
   zc[k * sz], k = 0 (top) .. nz - 1, and the elevation zbot of its bottom face: the top cell k of
   the saturated zone that reaches the bottom, and the elevation zwt where psi crosses 0 between the
   centres of k and k - 1 (for k = 0, z + psi of the top cell, above its centre when ponded).
   k = -1 and zwt = zbot when the bottom cell is unsaturated. Perched saturated zones above an
   unsaturated one are not the water table. */
static void ColumnWaterTable(PetscInt nz, const PetscScalar *psi, PetscInt sp, const PetscScalar *zc, PetscInt sz, PetscReal zbot, PetscInt *kwt, PetscReal *zwt)
{
  PetscInt k = nz - 1;

  if (psi[k * sp] < 0) {
    *kwt = -1;
    *zwt = zbot;
    return;
  }
  while (k > 0 && psi[(k - 1) * sp] >= 0) k--;
  *kwt = k;
  if (k == 0) *zwt = zc[0] + psi[0];
  else {
    PetscReal pk = psi[k * sp], pu = psi[(k - 1) * sp], zk = zc[k * sz], zu = zc[(k - 1) * sz];
    *zwt = zk + pk / (pk - pu) * (zu - zk);
  }
}

/* Water table of column (i, j) from the pressure heads x (a local array holding the whole
   column), as ColumnWaterTable(). */
PetscErrorCode GWModelFindWaterTable_Private(GWModel m, PetscScalar ***x, PetscInt i, PetscInt j, PetscInt *kwt, PetscReal *zwt)
{
  PetscScalar ****g;
  PetscInt        zs, zm, nz = m->nz;

  PetscFunctionBegin;
  PetscCall(DMDAGetCorners(m->da, NULL, NULL, &zs, NULL, NULL, &zm));
  PetscCheck(zs == 0 && zm == m->nz, PETSC_COMM_SELF, PETSC_ERR_SUP, "Water-table operations need every column on one rank; run with at most %" PetscInt_FMT " ranks (the number of columns)", m->nx * m->ny);
  PetscCall(GWModelGetGeometryArray_Private(m, &g)); /* kept: no table of pointers built per call */
  {
    /* the local arrays are contiguous: layer k of a column lies a fixed stride after layer 0 */
    const PetscInt sp = nz > 1 ? (PetscInt)(&x[1][j][i] - &x[0][j][i]) : 0, sz = nz > 1 ? (PetscInt)(&g[1][j][i][0] - &g[0][j][i][0]) : 0;
    ColumnWaterTable(nz, &x[0][j][i], sp, &g[0][j][i][GW_GEO_ZC], sz, g[nz - 1][j][i][GW_GEO_ZC] - 0.5 * g[nz - 1][j][i][GW_GEO_THICK], kwt, zwt);
  }
  PetscFunctionReturn(0);
}

/* Water table of every column when columns are split over ranks (fewer columns than ranks):
   the pressure heads and centre elevations of all columns are summed over the ranks (each cell
   is owned once), then every rank computes every column. zwt[c] (c = i + nx j) is NaN when the
   column has no water table. */
static PetscErrorCode SplitColumnsWaterTable(GWModel m, PetscReal zwt[])
{
  PetscScalar ***x, ****g;
  PetscReal     *a;
  PetscInt       xs, ys, zs, xm, ym, zm, nz = m->nz, nc = m->nx * m->ny;

  PetscFunctionBegin;
  PetscCall(PetscCalloc1(3 * nc * nz, &a)); /* psi, zc, bottom face per cell, column by column */
  PetscCall(DMDAGetCorners(m->da, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCall(DMDAVecGetArrayRead(m->da, m->psi, &x));
  PetscCall(DMDAVecGetArrayDOFRead(m->dageo, m->geo, &g));
  for (PetscInt k = zs; k < zs + zm; k++)
    for (PetscInt j = ys; j < ys + ym; j++)
      for (PetscInt i = xs; i < xs + xm; i++) {
        PetscInt c = (i + m->nx * j) * nz + k;
        a[c]               = x[k][j][i];
        a[nc * nz + c]     = g[k][j][i][GW_GEO_ZC];
        a[2 * nc * nz + c] = g[k][j][i][GW_GEO_ZC] - 0.5 * g[k][j][i][GW_GEO_THICK];
      }
  PetscCall(DMDAVecRestoreArrayDOFRead(m->dageo, m->geo, &g));
  PetscCall(DMDAVecRestoreArrayRead(m->da, m->psi, &x));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, a, 3 * nc * nz, MPIU_REAL, MPIU_SUM, PetscObjectComm((PetscObject)m)));
  for (PetscInt c = 0; c < nc; c++) {
    PetscInt k;
    ColumnWaterTable(nz, &a[c * nz], 1, &a[nc * nz + c * nz], 1, a[2 * nc * nz + c * nz + nz - 1], &k, &zwt[c]);
    if (k < 0) zwt[c] = PETSC_NAN;
  }
  PetscCall(PetscFree(a));
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

  When columns are split over ranks (more ranks than columns, e.g. one soil column on two ranks),
  the column values are gathered first; the result is the same.

  Level: beginner

.seealso: `GWModelComputeWaterTableVec()`, `GWModelComputeHydraulicHead()`
@*/
PetscErrorCode GWModelComputeWaterTable(GWModel model, PetscReal zwt[])
{
  GWModel        m = model;
  PetscScalar ***x;
  PetscInt       xs, ys, zs, xm, ym, zm, nc = m->nx * m->ny;
  PetscReal     *loc;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCheck(m->setupcalled, PetscObjectComm((PetscObject)m), PETSC_ERR_ARG_WRONGSTATE, "Call GWModelSetUp() first");
  PetscCall(DMDAGetCorners(m->da, &xs, &ys, &zs, &xm, &ym, &zm));
  if (zm != m->nz) {
    PetscCall(SplitColumnsWaterTable(m, zwt));
    PetscFunctionReturn(0);
  }
  PetscCall(PetscCalloc1(2 * nc, &loc)); /* value and "owned here" flag */
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
  When the grid is split among ranks by columns this needs no communication beyond the ghost
  update of the pressure head. When columns are split over ranks (more ranks than columns), the
  columns (then fewer than the ranks) are gathered by GWModelComputeWaterTable(). A 2D map is the
  layer-0 slice of zwt.

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
  if (zm != m->nz) {
    PetscReal *all;
    PetscCall(PetscMalloc1(m->nx * m->ny, &all));
    PetscCall(SplitColumnsWaterTable(m, all));
    PetscCall(DMDAVecGetArray(m->da, zwt, &w));
    for (PetscInt l = zs; l < zs + zm; l++)
      for (PetscInt j = ys; j < ys + ym; j++)
        for (PetscInt i = xs; i < xs + xm; i++) w[l][j][i] = all[i + m->nx * j];
    PetscCall(DMDAVecRestoreArray(m->da, zwt, &w));
    PetscCall(PetscFree(all));
    PetscFunctionReturn(0);
  }
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

