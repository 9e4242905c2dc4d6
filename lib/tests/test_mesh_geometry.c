/* The distributed grid geometry against the inputs it was built from (run on 1 rank and, by
   test_mesh_geometry_np2.sh, on 2). A 7 x 5 x 3 grid with a sloping terrain, thinning layers and
   three zones is built twice: from full arrays (GWModelSetLayerElevations(),
   GWModelSetMaterialZones()) that are overwritten with NaN right after the calls, so the model
   cannot be holding them, and from distributed vectors (GWModelSetLayerElevationsVec(),
   GWModelSetMaterialZonesVec()) filled on each rank for its own cells only. Checks: cell centres
   z = (top + bottom) / 2 and volumes dx dy (top - bottom) from the inputs; the elevation and zone
   vectors read back exactly; the two models agree; a 1 x 1 x 6 column (split along z on 2 ranks)
   reads back its column top in every layer; a cell with zero thickness on the last rank is
   refused on every rank; the water-table vector matches the gathered water table. */
#include <gw.h>
#include "gwtest.h"

#define NX 7
#define NY 5
#define NZ 3

static const PetscReal DX[NX] = {10, 12, 14, 16, 14, 12, 10}, DY[NY] = {8, 10, 12, 10, 8};

static PetscReal Top(PetscInt i, PetscInt j)
{
  return 20.0 - 0.5 * i + 0.2 * j;
}

/* bottom of layer k in column (i, j) */
static PetscReal Bot(PetscInt i, PetscInt j, PetscInt k)
{
  PetscReal b0 = Top(i, j) - 2.0 - 0.1 * i, b1 = b0 - 3.0 + 0.05 * j;
  return k == 0 ? b0 : k == 1 ? b1
                              : 5.0;
}

static PetscInt Zone(PetscInt i, PetscInt j, PetscInt k)
{
  return (i == 4 && j == 1) ? 2 : k == 0 ? 0
                                         : 1;
}

static PetscErrorCode AddMaterials(GWModel m, PetscInt n)
{
  PetscFunctionBeginUser;
  for (PetscInt q = 0; q < n; q++) {
    GWMaterial mat;
    PetscCall(GWMaterialCreate(PetscObjectComm((PetscObject)m), &mat));
    PetscCall(GWMaterialSetType(mat, GWMATERIALVANGENUCHTEN));
    PetscCall(GWMaterialVanGenuchtenSetParameters(mat, 3.6, 1.56));
    PetscCall(GWMaterialSetWaterContentLimits(mat, 0.078, 0.43));
    PetscCall(GWMaterialSetHydraulicConductivity(mat, 2.9e-6, 2.9e-6, 1.0e-6));
    PetscCall(GWMaterialSetSpecificStorage(mat, 1e-4));
    PetscCall(GWModelAddMaterial(m, mat, NULL));
    PetscCall(GWMaterialDestroy(&mat));
  }
  PetscFunctionReturn(0);
}

static PetscErrorCode BuildFromArrays(GWModel *model)
{
  PetscReal top[NX * NY], bot[NX * NY * NZ];
  PetscInt  zone[NX * NY * NZ];
  GWModel   m;

  PetscFunctionBeginUser;
  for (PetscInt k = 0; k < NZ; k++)
    for (PetscInt j = 0; j < NY; j++)
      for (PetscInt i = 0; i < NX; i++) {
        top[i + NX * j]             = Top(i, j);
        bot[i + NX * (j + NY * k)]  = Bot(i, j, k);
        zone[i + NX * (j + NY * k)] = Zone(i, j, k);
      }
  PetscCall(GWModelCreate(PETSC_COMM_WORLD, &m));
  PetscCall(GWModelSetGridSize(m, NX, NY, NZ));
  PetscCall(GWModelSetCellWidths(m, DX, DY));
  PetscCall(GWModelSetLayerElevations(m, top, bot));
  PetscCall(GWModelSetMaterialZones(m, zone));
  for (PetscInt c = 0; c < NX * NY * NZ; c++) { /* the model must have copied what it needs */
    bot[c]  = (PetscReal)NAN;
    zone[c] = -1;
  }
  for (PetscInt c = 0; c < NX * NY; c++) top[c] = (PetscReal)NAN;
  PetscCall(AddMaterials(m, 3));
  *model = m;
  PetscFunctionReturn(0);
}

/* Fills v on this rank's cells with f(i, j, k). */
static PetscErrorCode FillVec(DM da, Vec v, PetscReal (*f)(PetscInt, PetscInt, PetscInt))
{
  PetscScalar ***a;
  PetscInt       xs, ys, zs, xm, ym, zm;

  PetscFunctionBeginUser;
  PetscCall(DMDAGetCorners(da, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCall(DMDAVecGetArray(da, v, &a));
  for (PetscInt k = zs; k < zs + zm; k++)
    for (PetscInt j = ys; j < ys + ym; j++)
      for (PetscInt i = xs; i < xs + xm; i++) a[k][j][i] = f(i, j, k);
  PetscCall(DMDAVecRestoreArray(da, v, &a));
  PetscFunctionReturn(0);
}

static PetscReal TopAll(PetscInt i, PetscInt j, PetscInt k)
{
  (void)k;
  return Top(i, j);
}

static PetscReal ZoneReal(PetscInt i, PetscInt j, PetscInt k)
{
  return (PetscReal)Zone(i, j, k);
}

static PetscReal ZCentre(PetscInt i, PetscInt j, PetscInt k)
{
  return 0.5 * ((k ? Bot(i, j, k - 1) : Top(i, j)) + Bot(i, j, k));
}

static PetscReal Volume(PetscInt i, PetscInt j, PetscInt k)
{
  return DX[i] * DY[j] * ((k ? Bot(i, j, k - 1) : Top(i, j)) - Bot(i, j, k));
}

static PetscErrorCode BuildFromVecs(GWModel *model)
{
  GWModel m;
  DM      da;
  Vec     top, bot, zone;

  PetscFunctionBeginUser;
  PetscCall(GWModelCreate(PETSC_COMM_WORLD, &m));
  PetscCall(GWModelSetGridSize(m, NX, NY, NZ));
  PetscCall(GWModelSetCellWidths(m, DX, DY));
  PetscCall(GWModelGetDM(m, &da));
  PetscCall(DMCreateGlobalVector(da, &top));
  PetscCall(VecDuplicate(top, &bot));
  PetscCall(VecDuplicate(top, &zone));
  PetscCall(FillVec(da, top, TopAll));
  PetscCall(FillVec(da, bot, Bot));
  PetscCall(FillVec(da, zone, ZoneReal));
  PetscCall(GWModelSetLayerElevationsVec(m, top, bot));
  PetscCall(GWModelSetMaterialZonesVec(m, zone));
  PetscCall(VecDestroy(&top));
  PetscCall(VecDestroy(&bot));
  PetscCall(VecDestroy(&zone));
  PetscCall(AddMaterials(m, 3));
  *model = m;
  PetscFunctionReturn(0);
}

/* Largest |v - f(i, j, k)| over the grid (every rank gets it). */
static PetscErrorCode MaxDiff(GWModel m, Vec v, PetscReal (*f)(PetscInt, PetscInt, PetscInt), PetscReal *err)
{
  DM                   da;
  const PetscScalar ***a;
  PetscInt             xs, ys, zs, xm, ym, zm;
  PetscReal            e = 0;

  PetscFunctionBeginUser;
  PetscCall(GWModelGetDM(m, &da));
  PetscCall(DMDAGetCorners(da, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCall(DMDAVecGetArrayRead(da, v, &a));
  for (PetscInt k = zs; k < zs + zm; k++)
    for (PetscInt j = ys; j < ys + ym; j++)
      for (PetscInt i = xs; i < xs + xm; i++) {
        PetscReal d = PetscAbsReal(PetscRealPart(a[k][j][i]) - f(i, j, k));
        e           = PetscIsNanReal(d) ? PETSC_INFINITY : PetscMax(e, d);
      }
  PetscCall(DMDAVecRestoreArrayRead(da, v, &a));
  PetscCall(MPIU_Allreduce(&e, err, 1, MPIU_REAL, MPIU_MAX, PETSC_COMM_WORLD));
  PetscFunctionReturn(0);
}

static PetscErrorCode CheckModel(GWTest *t, GWModel m, const char tag[])
{
  Vec       z, vol, top, bot, zone;
  PetscReal e;
  char      name[64];

  PetscFunctionBeginUser;
  PetscCall(GWModelSetUp(m));
  PetscCall(GWModelGetCellCenters(m, NULL, NULL, &z));
  PetscCall(MaxDiff(m, z, ZCentre, &e));
  PetscCall(PetscSNPrintf(name, sizeof(name), "%s_cell_centre_z_m", tag));
  PetscCall(GWTestBelow(t, name, e, 1e-12));
  PetscCall(GWModelGetCellVolumes(m, &vol));
  PetscCall(MaxDiff(m, vol, Volume, &e));
  PetscCall(PetscSNPrintf(name, sizeof(name), "%s_cell_volume_m3", tag));
  PetscCall(GWTestBelow(t, name, e, 1e-10));
  PetscCall(GWModelGetLayerElevationsVec(m, &top, &bot));
  PetscCall(MaxDiff(m, top, TopAll, &e));
  PetscCall(PetscSNPrintf(name, sizeof(name), "%s_column_top_read_back_m", tag));
  PetscCall(GWTestBelow(t, name, e, 0.0));
  PetscCall(MaxDiff(m, bot, Bot, &e));
  PetscCall(PetscSNPrintf(name, sizeof(name), "%s_cell_bottom_read_back_m", tag));
  PetscCall(GWTestBelow(t, name, e, 0.0));
  PetscCall(GWModelGetMaterialZonesVec(m, &zone));
  PetscCall(MaxDiff(m, zone, ZoneReal, &e));
  PetscCall(PetscSNPrintf(name, sizeof(name), "%s_zone_read_back", tag));
  PetscCall(GWTestBelow(t, name, e, 0.0));
  PetscCall(VecDestroy(&z));
  PetscCall(VecDestroy(&top));
  PetscCall(VecDestroy(&bot));
  PetscCall(VecDestroy(&zone));
  PetscFunctionReturn(0);
}

static PetscReal ColTop(PetscInt i, PetscInt j, PetscInt k)
{
  (void)i;
  (void)j;
  (void)k;
  return 3.0;
}

static PetscReal ColBot(PetscInt i, PetscInt j, PetscInt k)
{
  (void)i;
  (void)j;
  return 3.0 - 0.5 * (k + 1) - 0.1 * k * k;
}

static PetscReal ColZc(PetscInt i, PetscInt j, PetscInt k)
{
  return 0.5 * ((k ? ColBot(i, j, k - 1) : 3.0) + ColBot(i, j, k));
}

/* A single column, split along z when there are several ranks: the column top reaches every
   layer, and each cell's top comes from the bottom of the layer above on another rank. */
static PetscErrorCode CheckColumn(GWTest *t)
{
  GWModel   m;
  DM        da;
  Vec       top, bot, z;
  PetscReal e;

  PetscFunctionBeginUser;
  PetscCall(GWModelCreate(PETSC_COMM_WORLD, &m));
  PetscCall(GWModelSetGridSize(m, 1, 1, 6));
  PetscCall(GWModelSetUniformCellWidths(m, 1.0, 1.0));
  PetscCall(GWModelGetDM(m, &da));
  PetscCall(DMCreateGlobalVector(da, &top));
  PetscCall(VecDuplicate(top, &bot));
  PetscCall(FillVec(da, top, ColTop));
  PetscCall(FillVec(da, bot, ColBot));
  PetscCall(GWModelSetLayerElevationsVec(m, top, bot));
  PetscCall(VecDestroy(&top));
  PetscCall(VecDestroy(&bot));
  PetscCall(AddMaterials(m, 1));
  PetscCall(GWModelSetUp(m));
  PetscCall(GWModelGetCellCenters(m, NULL, NULL, &z));
  PetscCall(MaxDiff(m, z, ColZc, &e));
  PetscCall(GWTestBelow(t, "split_column_cell_centre_z_m", e, 1e-14));
  PetscCall(GWModelGetLayerElevationsVec(m, &top, NULL));
  PetscCall(MaxDiff(m, top, ColTop, &e));
  PetscCall(GWTestBelow(t, "split_column_top_in_every_layer_m", e, 0.0));
  PetscCall(VecDestroy(&top));
  PetscCall(VecDestroy(&z));
  PetscCall(GWModelDestroy(&m));
  PetscFunctionReturn(0);
}

int main(int argc, char **argv)
{
  GWTest         t = {0, 0};
  GWModel        a, b;
  PetscErrorCode ierr;
  int            status;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  PetscCall(BuildFromArrays(&a));
  PetscCall(CheckModel(&t, a, "arrays"));
  PetscCall(BuildFromVecs(&b));
  PetscCall(CheckModel(&t, b, "vecs"));
  {
    Vec       va, vb, diff;
    PetscReal d;
    PetscCall(GWModelGetCellVolumes(a, &va));
    PetscCall(GWModelGetCellVolumes(b, &vb));
    PetscCall(VecDuplicate(va, &diff));
    PetscCall(VecWAXPY(diff, -1.0, va, vb));
    PetscCall(VecNorm(diff, NORM_INFINITY, &d));
    PetscCall(GWTestBelow(&t, "arrays_and_vecs_same_volumes_m3", d, 0.0));
    PetscCall(VecDestroy(&diff));
  }
  {
    /* water table: the distributed vector against the gathered array */
    Vec            zv;
    DM             da;
    PetscReal      zwt[NX * NY], e = 0;
    PetscScalar ***w;
    PetscInt       xs, ys, zs, xm, ym, zm;
    PetscCall(GWModelSetInitialWaterTable(a, 12.0));
    PetscCall(GWModelGetDM(a, &da));
    PetscCall(DMCreateGlobalVector(da, &zv));
    PetscCall(GWModelComputeWaterTableVec(a, zv));
    PetscCall(GWModelComputeWaterTable(a, zwt));
    PetscCall(DMDAGetCorners(da, &xs, &ys, &zs, &xm, &ym, &zm));
    PetscCall(DMDAVecGetArray(da, zv, &w));
    for (PetscInt k = zs; k < zs + zm; k++)
      for (PetscInt j = ys; j < ys + ym; j++)
        for (PetscInt i = xs; i < xs + xm; i++) e = PetscMax(e, PetscAbsReal(w[k][j][i] - zwt[i + NX * j]));
    PetscCall(DMDAVecRestoreArray(da, zv, &w));
    PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &e, 1, MPIU_REAL, MPIU_MAX, PETSC_COMM_WORLD));
    PetscCall(GWTestBelow(&t, "water_table_vec_vs_gathered_m", e, 0.0));
    PetscCall(GWTestAbs(&t, "water_table_at_initial_m", zwt[0], 12.0, 1e-9));
    PetscCall(VecDestroy(&zv));
  }
  PetscCall(GWModelDestroy(&a));
  PetscCall(GWModelDestroy(&b));
  PetscCall(CheckColumn(&t));
  {
    /* a zero-thickness cell in the last layer of the last column (owned by the last rank) */
    PetscReal top[NX * NY], bot[NX * NY * NZ];
    PetscInt  lo, hi;
    for (PetscInt k = 0; k < NZ; k++)
      for (PetscInt j = 0; j < NY; j++)
        for (PetscInt i = 0; i < NX; i++) {
          top[i + NX * j]            = Top(i, j);
          bot[i + NX * (j + NY * k)] = Bot(i, j, k);
        }
    bot[NX * NY * NZ - 1] = bot[NX * NY * (NZ - 1) - 1];
    PetscCall(GWModelCreate(PETSC_COMM_WORLD, &a));
    PetscCall(GWModelSetGridSize(a, NX, NY, NZ));
    PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
    ierr = GWModelSetLayerElevations(a, top, bot);
    PetscCall(PetscPopErrorHandler());
    lo = hi = (PetscInt)ierr;
    PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &lo, 1, MPIU_INT, MPI_MIN, PETSC_COMM_WORLD));
    PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &hi, 1, MPIU_INT, MPI_MAX, PETSC_COMM_WORLD));
    PetscCall(GWTestAbs(&t, "zero_thickness_refused_on_every_rank", (PetscReal)lo, PETSC_ERR_ARG_OUTOFRANGE, 0.0));
    PetscCall(GWTestAbs(&t, "zero_thickness_same_error_everywhere", (PetscReal)hi, PETSC_ERR_ARG_OUTOFRANGE, 0.0));
    PetscCall(GWModelDestroy(&a));
  }
  status = GWTestFinish(&t);
  PetscCall(PetscFinalize());
  return status;
}
