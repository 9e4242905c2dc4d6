/* Values of the model at observation points and layers, shared by the observation file of a run
   (lib/io/run.c) and the forward runs of a calibration (lib/calib). */
#include <gw/private/ioimpl.h>
#include <gw/private/modelimpl.h>

/* GWModelSampleObservations_Private - the quantities of n observation points or layers
   (GWObsQuantities) from the current state, on rank 0.

   pz[3n]: x, y, z [m] of each point; range[2n]: depth range [d1, d2] below the land surface of a
   layer observation [m], NaN for a point; skip[n] (or NULL): nonzero for entries filled by the
   caller (reaches and springs). val[GW_OBS_NQ n]: on input the caller's rank-local contributions
   (summed over ranks like the points), on output on rank 0 the values. extent[2n] (or NULL): on
   rank 0, the land surface and the bottom elevation [m] of the column holding each point.

   Pressure head: the column holding (x, y), interpolated linearly in z between the cell centres
   that bracket z (the nearest centre above the top or below the bottom centre); hydraulic head =
   pressure head + z; water content from the material of the cell holding the point, saturation =
   water content / its value at zero pressure head. Depth to water: land surface (top face of
   layer 0) minus the elevation of the shallowest water table in the column, where the pressure
   head interpolated between cell centres from the top down first reaches 0 (above the first
   centre or below the last: the hydrostatic extrapolation z + psi of that cell). A layer
   observation records storage = sum over the cells of the column of theta times the length of the
   cell inside the range [m of water], and water_content = storage / (d2 - d1), the average of the
   piecewise-constant cell water contents over the layer. The ranks owning cells of the column
   send them to rank 0. Collective. */
PetscErrorCode GWModelSampleObservations_Private(GWModel m, PetscInt n, const PetscReal xyz[], const PetscReal range[], const PetscInt skip[], PetscReal val[], PetscReal extent[])
{
  PetscScalar ***x, ****g;
  PetscReal     *col;
  PetscInt       xs, ys, zs, xm, ym, zm, nz = m->nz, nc = 2 * m->nz + 2;
  PetscMPIInt    rank;

  PetscFunctionBegin;
  if (!n) PetscFunctionReturn(0);
  PetscCall(PetscCalloc1(nc * n, &col));
  PetscCall(DMDAGetCorners(m->da, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCall(DMGlobalToLocal(m->da, m->psi, INSERT_VALUES, m->psi_local));
  PetscCall(DMDAVecGetArrayRead(m->da, m->psi_local, &x));
  PetscCall(GWModelGetGeometryArray_Private(m, &g)); /* kept: no table of pointers built per call */
  PetscCallMPI(MPI_Comm_rank(PetscObjectComm((PetscObject)m), &rank));
  for (PetscInt o = 0; o < n; o++) {
    PetscReal px = xyz[3 * o], py = xyz[3 * o + 1], pz = xyz[3 * o + 2], xe = 0, ye = 0;
    PetscInt  i = 0, j = 0;
    if (skip && skip[o]) continue;
    while (i < m->nx - 1 && xe + m->dx[i] < px) xe += m->dx[i++];
    while (j < m->ny - 1 && ye + m->dy[j] < py) ye += m->dy[j++];
    if (i < xs || i >= xs + xm || j < ys || j >= ys + ym) continue;
    for (PetscInt k = zs; k < zs + zm; k++) {
      if (k == 0) col[o * nc + 2 * nz] = 2 * g[k][j][i][GW_GEO_ZC] - g[k][j][i][GW_GEO_ZBOT]; /* top face of layer 0 */
      if (k == nz - 1) col[o * nc + 2 * nz + 1] = g[k][j][i][GW_GEO_ZBOT];
    }
    if (!PetscIsNanReal(range[2 * o])) { /* a layer: water over the part of each cell inside it */
      for (PetscInt k = zs; k < zs + zm; k++) {
        PetscReal land = g[k][j][i][GW_GEO_ZTOP], bot = g[k][j][i][GW_GEO_ZBOT], top = 2 * g[k][j][i][GW_GEO_ZC] - bot, theta;
        PetscReal ov = PetscMin(top, land - range[2 * o]) - PetscMax(bot, land - range[2 * o + 1]);
        if (ov <= 0) continue;
        PetscCall(GWMaterialGetWaterContent(m->mat[(PetscInt)g[k][j][i][GW_GEO_MAT]], x[k][j][i], &theta, NULL));
        val[GW_OBS_NQ * o + GW_OBS_STORAGE] += theta * ov;
      }
      continue;
    }
    for (PetscInt k = zs; k < zs + zm; k++) {
      /* cell k holds pz (above the top: layer 0; below the bottom: the last layer); the face
         between k - 1 and k is the bottom of k - 1 on every rank, so one rank claims pz */
      PetscReal bot = g[k][j][i][GW_GEO_ZBOT], top = k ? g[k - 1][j][i][GW_GEO_ZBOT] : 0.0;
      PetscReal zc         = g[k][j][i][GW_GEO_ZC], psi, theta, ths;
      PetscInt  a          = -1; /* interpolate between layers a and a + 1, or take cell k when a < 0 */
      col[o * nc + k]      = x[k][j][i];
      col[o * nc + nz + k] = zc;
      if (!((k == 0 || pz <= top) && (k == nz - 1 || pz > bot))) continue;
      if (nz > 1 && pz >= zc && k > 0)
        a = k - 1;
      else if (nz > 1 && pz < zc && k < nz - 1)
        a = k;
      if (a < 0)
        psi = x[k][j][i];
      else {
        PetscReal zu = g[a][j][i][GW_GEO_ZC], zl = g[a + 1][j][i][GW_GEO_ZC];
        psi = x[a + 1][j][i] + (pz - zl) / (zu - zl) * (x[a][j][i] - x[a + 1][j][i]);
      }
      PetscCall(GWMaterialGetWaterContent(m->mat[(PetscInt)g[k][j][i][GW_GEO_MAT]], psi, &theta, NULL));
      PetscCall(GWMaterialGetWaterContent(m->mat[(PetscInt)g[k][j][i][GW_GEO_MAT]], 0.0, &ths, NULL));
      val[GW_OBS_NQ * o]     = psi;
      val[GW_OBS_NQ * o + 1] = psi + pz;
      val[GW_OBS_NQ * o + 2] = theta;
      val[GW_OBS_NQ * o + 3] = theta / ths;
    }
  }
  PetscCall(DMDAVecRestoreArrayRead(m->da, m->psi_local, &x));
  PetscCallMPI(MPI_Reduce(rank ? val : MPI_IN_PLACE, val, (PetscMPIInt)(GW_OBS_NQ * n), MPIU_REAL, MPIU_SUM, 0, PetscObjectComm((PetscObject)m)));
  PetscCallMPI(MPI_Reduce(rank ? col : MPI_IN_PLACE, col, (PetscMPIInt)(nc * n), MPIU_REAL, MPIU_SUM, 0, PetscObjectComm((PetscObject)m)));
  for (PetscInt o = 0; o < n && rank == 0; o++) {
    const PetscReal *psi = &col[o * nc], *zc = &col[o * nc + nz];
    PetscInt         k = 0;
    PetscReal        zwt;
    if (extent) {
      extent[2 * o]     = col[o * nc + 2 * nz];
      extent[2 * o + 1] = col[o * nc + 2 * nz + 1];
    }
    if (skip && skip[o]) continue;
    if (!PetscIsNanReal(range[2 * o])) {
      val[GW_OBS_NQ * o + 2] = val[GW_OBS_NQ * o + GW_OBS_STORAGE] / (range[2 * o + 1] - range[2 * o]);
      continue;
    }
    while (k < nz && psi[k] < 0) k++;
    if (k == nz)
      zwt = zc[nz - 1] + psi[nz - 1];
    else if (k == 0)
      zwt = zc[0] + psi[0];
    else
      zwt = zc[k - 1] + (zc[k] - zc[k - 1]) * (0 - psi[k - 1]) / (psi[k] - psi[k - 1]);
    val[GW_OBS_NQ * o + 4] = col[o * nc + 2 * nz] - zwt;
  }
  PetscCall(PetscFree(col));
  PetscFunctionReturn(0);
}
