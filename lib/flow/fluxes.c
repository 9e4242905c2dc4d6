/* Quantities derived from the stored face fluxes of the current state: the Darcy flux at cell
   centres and the recharge across the water table. */
#include <gw/private/modelimpl.h>

/*@C
  GWModelComputeDarcyFlux - computes the Darcy flux (specific discharge) at every cell centre

  Collective

  Input Parameter:
. model - the model, after GWModelSetUp()

  Output Parameters:
+ qx - flux along +x [m/s] (global vector on the model's DMDA; NULL to skip)
. qy - flux along +y [m/s] (NULL to skip)
- qz - flux upward [m/s] (NULL to skip)

  Notes:
  The stored face fluxes of the current state (the same two-point fluxes as the residual),
  q = Q / A on each face, averaged over the two
  faces of the cell along each axis; a boundary face without a package counts as no flow, and a
  package's flux enters through the face it acts on (wells have no face and are left out).

  Level: beginner

.seealso: `GWModelComputeHydraulicHead()`
@*/
PetscErrorCode GWModelComputeDarcyFlux(GWModel model, Vec qx, Vec qy, Vec qz)
{
  GWModel         m = model;
  PetscScalar ****g, ****qf, ***q[3] = {NULL, NULL, NULL};
  Vec             out[3] = {qx, qy, qz};
  PetscInt        xs, ys, zs, xm, ym, zm;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCheck(m->setupcalled, PetscObjectComm((PetscObject)m), PETSC_ERR_ARG_WRONGSTATE, "Call GWModelSetUp() first");
  PetscCall(GWModelComputeFaceFluxes_Private(m));
  PetscCall(DMDAGetCorners(m->da, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCall(GWModelGetGeometryArray_Private(m, &g));
  PetscCall(GWModelGetFaceFluxArray_Private(m, &qf));
  for (PetscInt d = 0; d < 3; d++)
    if (out[d]) {
      PetscCall(VecSet(out[d], 0.0));
      PetscCall(DMDAVecGetArray(m->da, out[d], &q[d]));
    }
  for (PetscInt k = zs; k < zs + zm; k++)
    for (PetscInt j = ys; j < ys + ym; j++)
      for (PetscInt i = xs; i < xs + xm; i++)
        for (PetscInt n = 0; n < 6; n++) {
          PetscInt  in = i + GWNeighbours_Private[n][0], jn = j + GWNeighbours_Private[n][1], kn = k + GWNeighbours_Private[n][2], dir = n / 2;
          PetscReal A, dc, dn, sgn;
          if (!q[dir] || in < 0 || in >= m->nx || jn < 0 || jn >= m->ny || kn < 0 || kn >= m->nz) continue;
          GWFaceGeometry_Private(g[k][j][i], g[kn][jn][in], dir, &A, &dc, &dn);
          /* the flow into the cell is along +axis when the neighbour is on the minus side; for z
             the +axis is upward while layer index k grows downward */
          sgn = (GWNeighbours_Private[n][0] + GWNeighbours_Private[n][1] - GWNeighbours_Private[n][2]) < 0 ? 1.0 : -1.0;
          q[dir][k][j][i] += 0.5 * sgn * GWStoredFaceFlux_Private(qf, i, j, k, n) / A;
        }
  /* boundary packages: flux through their face, counted like a neighbour face */
  PetscCall(DMGlobalToLocal(m->da, m->psi, INSERT_VALUES, m->psi_local));
  PetscCall(GWModelEvaluatePackages_Private(m, m->psi_local, NULL, NULL));
  for (PetscInt p = 0; p < m->npkg; p++) {
    GWPackage pkg = m->pkg[p];
    for (PetscInt e = 0; e < pkg->nentry; e++) {
      const GWPackageEntry *en = &pkg->entry[e];
      PetscInt              dir;
      PetscReal             sgn;
      if (en->face == GW_FACE_NONE || en->area <= 0) continue;
      dir = (en->face == GW_FACE_WEST || en->face == GW_FACE_EAST) ? 0 : (en->face == GW_FACE_SOUTH || en->face == GW_FACE_NORTH) ? 1
                                                                                                                                  : 2;
      if (!q[dir]) continue;
      /* inflow through a west/south/bottom face runs along +axis; through east/north/top, against it */
      sgn = (en->face == GW_FACE_WEST || en->face == GW_FACE_SOUTH || en->face == GW_FACE_BOTTOM) ? 1.0 : -1.0;
      q[dir][en->k][en->j][en->i] += 0.5 * sgn * pkg->Q[e] / en->area;
    }
  }
  for (PetscInt d = 0; d < 3; d++)
    if (out[d]) PetscCall(DMDAVecRestoreArray(m->da, out[d], &q[d]));
  PetscFunctionReturn(0);
}

/* Net recharge rate across the water table [m^3/s], summed over all columns: the downward flow
   across the face between the top saturated cell k of the saturated zone that reaches the column's
   bottom and the unsaturated cell k - 1 above it, the stored face flux the residual used (Design
   notes: recharge is the vertical flux at the water table). k is one below the lowest unsaturated
   cell (psi < 0) of the column; columns with no unsaturated cell, or an unsaturated bottom cell,
   contribute nothing. When columns are split over ranks (fewer columns than ranks), the lowest
   unsaturated cell of each column is agreed over the ranks (an array over the columns, which are
   then fewer than the ranks). */
PetscErrorCode GWModelComputeWaterTableRecharge_Private(GWModel m, PetscReal *rate)
{
  PetscScalar ***x, ****qf;
  PetscInt       xs, ys, zs, xm, ym, zm, *kun;
  PetscReal      sum = 0.0;

  PetscFunctionBegin;
  PetscCall(GWModelComputeFaceFluxes_Private(m));
  PetscCall(DMDAGetCorners(m->da, &xs, &ys, &zs, &xm, &ym, &zm));
  if (!m->col_work) PetscCall(PetscMalloc1(PetscMax(xm * ym, 1), &m->col_work));
  kun = m->col_work;
  PetscCall(DMDAVecGetArrayRead(m->da, m->psi, &x));
  for (PetscInt j = ys; j < ys + ym; j++)
    for (PetscInt i = xs; i < xs + xm; i++) {
      PetscInt k = zs + zm - 1;
      while (k >= zs && x[k][j][i] >= 0) k--;
      kun[(i - xs) + xm * (j - ys)] = k >= zs ? k : -1;
    }
  PetscCall(DMDAVecRestoreArrayRead(m->da, m->psi, &x));
  if (zm != m->nz) { /* columns split along z: the lowest unsaturated cell of each column over all ranks */
    PetscInt *all, nc = m->nx * m->ny;
    PetscCall(PetscMalloc1(nc, &all));
    for (PetscInt c = 0; c < nc; c++) all[c] = -1;
    for (PetscInt j = ys; j < ys + ym; j++)
      for (PetscInt i = xs; i < xs + xm; i++) all[i + m->nx * j] = kun[(i - xs) + xm * (j - ys)];
    PetscCall(MPIU_Allreduce(MPI_IN_PLACE, all, nc, MPIU_INT, MPI_MAX, PetscObjectComm((PetscObject)m)));
    for (PetscInt j = ys; j < ys + ym; j++)
      for (PetscInt i = xs; i < xs + xm; i++) kun[(i - xs) + xm * (j - ys)] = all[i + m->nx * j];
    PetscCall(PetscFree(all));
  }
  PetscCall(GWModelGetFaceFluxArray_Private(m, &qf));
  for (PetscInt j = ys; j < ys + ym; j++)
    for (PetscInt i = xs; i < xs + xm; i++) {
      PetscInt k = kun[(i - xs) + xm * (j - ys)] + 1;                 /* the water-table cell */
      if (k < 1 || k > m->nz - 1 || k < zs || k >= zs + zm) continue; /* none, or on another rank */
      sum += GWStoredFaceFlux_Private(qf, i, j, k, 4);
    }
  PetscCall(MPIU_Allreduce(&sum, rate, 1, MPIU_REAL, MPIU_SUM, PetscObjectComm((PetscObject)m)));
  PetscFunctionReturn(0);
}
