/* Layer elevations and material zones, written straight into the distributed geometry: each rank
   keeps only its own cells, whether the input comes as full arrays or as distributed vectors. */
#include <gw/private/modelimpl.h>

/* The grid (a 3D DMDA) and its geometry DMDA, created once the grid size is known. The grid is
   split among ranks by columns only (one process along z), so every column, with its water
   table, lies on one rank: column operations (water table, recharge across it, phreatic
   evaporation, root uptake) need no communication. Only a grid with fewer columns than ranks (a
   1D column on several ranks) is split along z. */
PetscErrorCode GWModelCreateDM_Private(GWModel m)
{
  MPI_Comm    comm = PetscObjectComm((PetscObject)m);
  PetscMPIInt size;

  PetscFunctionBegin;
  if (m->da) PetscFunctionReturn(0);
  PetscCheck(m->nx > 0, comm, PETSC_ERR_ARG_WRONGSTATE, "No grid: call GWModelSetGridSize() first");
  PetscCallMPI(MPI_Comm_size(comm, &size));
  PetscCall(DMDACreate3d(comm, DM_BOUNDARY_NONE, DM_BOUNDARY_NONE, DM_BOUNDARY_NONE, DMDA_STENCIL_STAR, m->nx, m->ny, m->nz, PETSC_DECIDE, PETSC_DECIDE, m->nx * m->ny >= size ? 1 : PETSC_DECIDE, 1, 1, NULL, NULL, NULL, &m->da));
  PetscCall(DMSetOptionsPrefix(m->da, "gw_"));
  PetscCall(DMSetFromOptions(m->da));
  PetscCall(DMSetUp(m->da));
  PetscCall(DMDASetFieldName(m->da, 0, "pressure_head"));
  PetscCall(DMDACreateCompatibleDMDA(m->da, GW_NGEO, &m->dageo));
  PetscFunctionReturn(0);
}

/* The geometry records (dof GW_NGEO on dageo) of this rank's cells: before set-up the global
   vector the setters fill (created, zeroed, on first need), from set-up on the ghosted local
   vector. Read either with DMDAVecGetArrayDOFRead(m->dageo, ...) at global indices (i, j, k). */
PetscErrorCode GWModelGetGeometry_Private(GWModel m, Vec *g)
{
  PetscFunctionBegin;
  if (m->geo) {
    *g = m->geo;
    PetscFunctionReturn(0);
  }
  PetscCall(GWModelCreateDM_Private(m));
  if (!m->geoglobal) {
    PetscCall(DMCreateGlobalVector(m->dageo, &m->geoglobal));
    PetscCall(VecZeroEntries(m->geoglobal));
  }
  *g = m->geoglobal;
  PetscFunctionReturn(0);
}

/* Collective: the first bad cell over all ranks, in natural order i + nx*(j + ny*k). bad is this
   rank's first bad cell (-1 for none) and vals[n] (n <= 4) its values there; on return *first is
   the first bad cell of the grid (-1 for none) and vals[] hold its values on every rank, so every
   rank raises the same error. */
PetscErrorCode GWModelFirstBadCell_Private(GWModel m, PetscInt bad, PetscInt n, PetscReal vals[], PetscInt *first)
{
  MPI_Comm  comm = PetscObjectComm((PetscObject)m);
  PetscInt  loc  = bad >= 0 ? bad : PETSC_MAX_INT, glob;
  PetscReal v[4] = {0, 0, 0, 0};

  PetscFunctionBegin;
  PetscCheck(n <= 4, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "At most 4 values per bad cell");
  PetscCall(MPIU_Allreduce(&loc, &glob, 1, MPIU_INT, MPI_MIN, comm));
  *first = glob == PETSC_MAX_INT ? -1 : glob;
  if (*first < 0) PetscFunctionReturn(0);
  if (bad == glob)
    for (PetscInt q = 0; q < n; q++) v[q] = vals[q];
  PetscCall(MPIU_Allreduce(v, vals, (PetscMPIInt)n, MPIU_REAL, MPIU_SUM, comm));
  PetscFunctionReturn(0);
}

/* Stores cell (i, j, k) with top zt, bottom zb in column of top zcol; notes it if it is the first
   cell of this rank with a thickness that is not positive and finite. */
static inline void PutCell(GWModel m, PetscScalar *gc, PetscInt i, PetscInt j, PetscInt k, PetscReal zcol, PetscReal zt, PetscReal zb, PetscInt *bad, PetscReal badv[])
{
  gc[GW_GEO_ZC]    = 0.5 * (zt + zb);
  gc[GW_GEO_THICK] = zt - zb;
  gc[GW_GEO_ZTOP]  = zcol;
  gc[GW_GEO_ZBOT]  = zb;
  if (*bad < 0 && !(zt - zb > 0 && PetscIsNormalReal(zt - zb))) {
    *bad    = i + m->nx * (j + m->ny * k);
    badv[0] = zt;
    badv[1] = zb;
  }
}

/* Collective: the error for the first cell of the grid without positive thickness, if any. */
static PetscErrorCode LayersDone(GWModel m, PetscInt bad, PetscReal badv[])
{
  PetscInt c;

  PetscFunctionBegin;
  PetscCall(GWModelFirstBadCell_Private(m, bad, 2, badv, &c));
  PetscCheck(c < 0, PetscObjectComm((PetscObject)m), PETSC_ERR_ARG_OUTOFRANGE, "Cell (i=%" PetscInt_FMT ", j=%" PetscInt_FMT ", layer=%" PetscInt_FMT ") has top %g m and bottom %g m: layer bottoms must decrease downward so every cell has positive thickness", c % m->nx, (c / m->nx) % m->ny, c / (m->nx * m->ny), (double)badv[0], (double)badv[1]);
  m->layers_set = PETSC_TRUE;
  PetscFunctionReturn(0);
}

/*@C
  GWModelSetLayerElevations - sets the top elevation of every column and the bottom elevation
  of every layer, so layers may thin and follow the terrain (MODFLOW's TOP and BOTM arrays)

  Collective; the same arrays on every rank

  Input Parameters:
+ model - the model, after GWModelSetGridSize()
. top - array [nx*ny] of column top elevations [m], index i + nx*j
- bot - array [nz*nx*ny] of layer bottom elevations [m], index i + nx*(j + ny*k), layer k = 0 on top

  Notes:
  Each rank copies only the cells it owns into the model's distributed geometry; the model keeps
  no copy of the arrays, which the caller may free on return. For grids too large for full
  arrays on every rank, use GWModelSetLayerElevationsVec().

  Errors:
  PETSC_ERR_ARG_OUTOFRANGE on every rank, naming the first cell (i, j, k) of the grid whose
  thickness is not positive.

  Level: beginner

.seealso: `GWModelSetUniformLayers()`, `GWModelSetLayerElevationsVec()`, `GWModelGetLayerElevationsVec()`
@*/
PetscErrorCode GWModelSetLayerElevations(GWModel model, const PetscReal top[], const PetscReal bot[])
{
  GWModel         m = model;
  Vec             gv;
  PetscScalar ****g;
  PetscInt        xs, ys, zs, xm, ym, zm, nx, nc, bad = -1;
  PetscReal       badv[2] = {0, 0};

  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCall(GWModelCheckSized_Private(m));
  nx = m->nx;
  nc = m->nx * m->ny;
  PetscCall(GWModelGetGeometry_Private(m, &gv));
  PetscCall(DMDAGetCorners(m->da, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCall(DMDAVecGetArrayDOF(m->dageo, gv, &g));
  for (PetscInt k = zs; k < zs + zm; k++)
    for (PetscInt j = ys; j < ys + ym; j++)
      for (PetscInt i = xs; i < xs + xm; i++) {
        PetscInt c = i + nx * j;
        PutCell(m, g[k][j][i], i, j, k, top[c], k ? bot[c + nc * (k - 1)] : top[c], bot[c + nc * k], &bad, badv);
      }
  PetscCall(DMDAVecRestoreArrayDOF(m->dageo, gv, &g));
  PetscCall(LayersDone(m, bad, badv));
  PetscFunctionReturn(0);
}

/*@C
  GWModelSetUniformLayers - flat layers: every column has top elevation ztop and layer k has
  thickness dz[k]

  Collective

  Input Parameters:
+ model - the model, after GWModelSetGridSize()
. ztop - top elevation [m]
- dz - array [nz] of layer thicknesses [m], layer 0 on top, each > 0

  Errors:
  PETSC_ERR_ARG_OUTOFRANGE naming the first cell whose thickness is not positive.

  Level: beginner

.seealso: `GWModelSetLayerElevations()`
@*/
PetscErrorCode GWModelSetUniformLayers(GWModel model, PetscReal ztop, const PetscReal dz[])
{
  GWModel         m = model;
  Vec             gv;
  PetscScalar ****g;
  PetscInt        xs, ys, zs, xm, ym, zm, bad = -1;
  PetscReal       badv[2] = {0, 0}, *zb;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCall(GWModelCheckSized_Private(m));
  PetscCall(PetscMalloc1(m->nz + 1, &zb)); /* zb[k + 1] is the bottom of layer k, zb[0] the top */
  zb[0] = ztop;
  for (PetscInt k = 0; k < m->nz; k++) zb[k + 1] = zb[k] - dz[k];
  PetscCall(GWModelGetGeometry_Private(m, &gv));
  PetscCall(DMDAGetCorners(m->da, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCall(DMDAVecGetArrayDOF(m->dageo, gv, &g));
  for (PetscInt k = zs; k < zs + zm; k++)
    for (PetscInt j = ys; j < ys + ym; j++)
      for (PetscInt i = xs; i < xs + xm; i++) PutCell(m, g[k][j][i], i, j, k, ztop, zb[k], zb[k + 1], &bad, badv);
  PetscCall(DMDAVecRestoreArrayDOF(m->dageo, gv, &g));
  PetscCall(PetscFree(zb));
  PetscCall(LayersDone(m, bad, badv));
  PetscFunctionReturn(0);
}

static PetscErrorCode CheckGridVec(GWModel m, Vec v, PetscInt argnum)
{
  PetscInt xm, ym, zm, n;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(v, VEC_CLASSID, argnum);
  PetscCall(VecGetLocalSize(v, &n));
  PetscCall(DMDAGetCorners(m->da, NULL, NULL, NULL, &xm, &ym, &zm));
  PetscCheck(n == xm * ym * zm, PETSC_COMM_SELF, PETSC_ERR_ARG_SIZ, "Argument %" PetscInt_FMT " has %" PetscInt_FMT " local entries but this rank owns %" PetscInt_FMT " cells: create it with DMCreateGlobalVector() on the model's DM (GWModelGetDM())", argnum, n, xm * ym * zm);
  PetscFunctionReturn(0);
}

/*@C
  GWModelSetLayerElevationsVec - sets the column tops and layer bottoms from distributed vectors,
  so no rank needs arrays of the whole grid

  Collective

  Input Parameters:
+ model - the model, after GWModelSetGridSize()
. top - global vector of the model's DMDA (GWModelGetDM()): the top elevation [m] of each cell's
        column, the same value in every layer of a column
- bot - global vector of the model's DMDA: the bottom elevation [m] of each cell

  Notes:
  The top of cell (i, j, k) is top(i, j, k) for layer 0 and bot(i, j, k - 1) below it. The
  model copies the values; the vectors stay the caller's.

  Errors:
  PETSC_ERR_ARG_SIZ if a vector is not laid out like the model's DMDA; PETSC_ERR_ARG_OUTOFRANGE
  on every rank, naming the first cell of the grid whose thickness is not positive.

  Level: intermediate

.seealso: `GWModelGetLayerElevationsVec()`, `GWModelSetLayerElevations()`, `GWModelGetDM()`
@*/
PetscErrorCode GWModelSetLayerElevationsVec(GWModel model, Vec top, Vec bot)
{
  GWModel              m = model;
  Vec                  gv, bl;
  PetscScalar      ****g;
  const PetscScalar ***t, ***b;
  PetscInt             xs, ys, zs, xm, ym, zm, bad = -1;
  PetscReal            badv[2] = {0, 0};

  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCall(GWModelCheckSized_Private(m));
  PetscCall(GWModelGetGeometry_Private(m, &gv));
  PetscCall(CheckGridVec(m, top, 2));
  PetscCall(CheckGridVec(m, bot, 3));
  PetscCall(DMGetLocalVector(m->da, &bl)); /* the bottom of the layer above may be on another rank */
  PetscCall(DMGlobalToLocal(m->da, bot, INSERT_VALUES, bl));
  PetscCall(DMDAGetCorners(m->da, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCall(DMDAVecGetArrayDOF(m->dageo, gv, &g));
  PetscCall(DMDAVecGetArrayRead(m->da, top, &t));
  PetscCall(DMDAVecGetArrayRead(m->da, bl, &b));
  for (PetscInt k = zs; k < zs + zm; k++)
    for (PetscInt j = ys; j < ys + ym; j++)
      for (PetscInt i = xs; i < xs + xm; i++) PutCell(m, g[k][j][i], i, j, k, t[k][j][i], k ? b[k - 1][j][i] : t[k][j][i], b[k][j][i], &bad, badv);
  PetscCall(DMDAVecRestoreArrayRead(m->da, bl, &b));
  PetscCall(DMDAVecRestoreArrayRead(m->da, top, &t));
  PetscCall(DMDAVecRestoreArrayDOF(m->dageo, gv, &g));
  PetscCall(DMRestoreLocalVector(m->da, &bl));
  PetscCall(LayersDone(m, bad, badv));
  PetscFunctionReturn(0);
}

/* New global vectors of the model's DMDA filled from geometry records: a cell's value is
   f(record) for each requested output. */
typedef PetscReal (*GeoField)(const PetscScalar *);

static PetscErrorCode GeometryVecs(GWModel m, PetscInt n, const GeoField f[], Vec *out[])
{
  Vec             gv;
  PetscScalar ****g, ***a;
  PetscInt        xs, ys, zs, xm, ym, zm;

  PetscFunctionBegin;
  PetscCall(GWModelGetGeometry_Private(m, &gv));
  PetscCall(DMDAGetCorners(m->da, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCall(DMDAVecGetArrayDOFRead(m->dageo, gv, &g));
  for (PetscInt q = 0; q < n; q++) {
    if (!out[q]) continue;
    PetscCall(DMCreateGlobalVector(m->da, out[q]));
    PetscCall(DMDAVecGetArray(m->da, *out[q], &a));
    for (PetscInt k = zs; k < zs + zm; k++)
      for (PetscInt j = ys; j < ys + ym; j++)
        for (PetscInt i = xs; i < xs + xm; i++) a[k][j][i] = f[q](g[k][j][i]);
    PetscCall(DMDAVecRestoreArray(m->da, *out[q], &a));
  }
  PetscCall(DMDAVecRestoreArrayDOFRead(m->dageo, gv, &g));
  PetscFunctionReturn(0);
}

static PetscReal ColumnTop(const PetscScalar *gc)
{
  return gc[GW_GEO_ZTOP];
}

static PetscReal CellBottom(const PetscScalar *gc)
{
  return gc[GW_GEO_ZBOT];
}

static PetscReal Material(const PetscScalar *gc)
{
  return gc[GW_GEO_MAT];
}

/*@C
  GWModelGetLayerElevationsVec - creates distributed vectors of the column tops and cell bottoms

  Collective

  Input Parameter:
. model - the model, with its layer elevations set

  Output Parameters:
+ top - new global vector of the model's DMDA: the top elevation [m] of each cell's column, in
        every layer (NULL to skip)
- bot - new global vector of the model's DMDA: the bottom elevation [m] of each cell (NULL to skip)

  Notes:
  The vectors are the caller's: destroy them with VecDestroy(). They are what
  GWModelSetLayerElevationsVec() takes. The model keeps no array of the whole grid, so there is
  no array getter (GWModelGetLayerElevations() was removed); gather the vectors if a rank needs
  them all.

  Errors:
  PETSC_ERR_ARG_WRONGSTATE if no layer elevations were set.

  Level: intermediate

.seealso: `GWModelSetLayerElevationsVec()`, `GWModelSetLayerElevations()`, `GWModelGetCellCenters()`
@*/
PetscErrorCode GWModelGetLayerElevationsVec(GWModel model, Vec *top, Vec *bot)
{
  const GeoField f[2] = {ColumnTop, CellBottom};
  Vec           *o[2] = {top, bot};

  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCheck(model->layers_set, PetscObjectComm((PetscObject)model), PETSC_ERR_ARG_WRONGSTATE, "No layer elevations: call GWModelSetLayerElevations() or GWModelSetUniformLayers() first");
  PetscCall(GeometryVecs(model, 2, f, o));
  PetscFunctionReturn(0);
}

/*@C
  GWModelSetMaterialZones - assigns a material to every cell

  Collective; the same array on every rank

  Input Parameters:
+ model - the model, after GWModelSetGridSize()
- zone - array [nx*ny*nz] of material indices, index i + nx*(j + ny*k); NULL puts material 0 everywhere

  Notes:
  Each rank copies only the cells it owns into the distributed geometry; the model keeps no
  copy of the array. For large grids use GWModelSetMaterialZonesVec().

  Errors:
  Checked at GWModelSetUp(): an index outside [0, number of materials) names the cell.

  Level: beginner

.seealso: `GWModelAddMaterial()`, `GWModelSetMaterialZonesVec()`, `GWModelGetMaterialZonesVec()`
@*/
PetscErrorCode GWModelSetMaterialZones(GWModel model, const PetscInt zone[])
{
  GWModel         m = model;
  Vec             gv;
  PetscScalar ****g;
  PetscInt        xs, ys, zs, xm, ym, zm;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCall(GWModelCheckSized_Private(m));
  PetscCall(GWModelGetGeometry_Private(m, &gv));
  PetscCall(DMDAGetCorners(m->da, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCall(DMDAVecGetArrayDOF(m->dageo, gv, &g));
  for (PetscInt k = zs; k < zs + zm; k++)
    for (PetscInt j = ys; j < ys + ym; j++)
      for (PetscInt i = xs; i < xs + xm; i++) g[k][j][i][GW_GEO_MAT] = zone ? (PetscReal)zone[i + m->nx * (j + m->ny * k)] : 0.0;
  PetscCall(DMDAVecRestoreArrayDOF(m->dageo, gv, &g));
  PetscFunctionReturn(0);
}

/*@C
  GWModelSetMaterialZonesVec - assigns a material to every cell from a distributed vector

  Collective

  Input Parameters:
+ model - the model, after GWModelSetGridSize()
- zone - global vector of the model's DMDA (GWModelGetDM()): the material index of each cell,
         a whole number (stored as a real)

  Errors:
  PETSC_ERR_ARG_SIZ if the vector is not laid out like the model's DMDA; PETSC_ERR_ARG_OUTOFRANGE
  on every rank naming the first cell whose value is not a whole number; an index outside
  [0, number of materials) is refused at GWModelSetUp().

  Level: intermediate

.seealso: `GWModelGetMaterialZonesVec()`, `GWModelSetMaterialZones()`
@*/
PetscErrorCode GWModelSetMaterialZonesVec(GWModel model, Vec zone)
{
  GWModel              m = model;
  Vec                  gv;
  PetscScalar      ****g;
  const PetscScalar ***z;
  PetscInt             xs, ys, zs, xm, ym, zm, bad = -1, c;
  PetscReal            badv = 0;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCall(GWModelCheckSized_Private(m));
  PetscCall(GWModelGetGeometry_Private(m, &gv));
  PetscCall(CheckGridVec(m, zone, 2));
  PetscCall(DMDAGetCorners(m->da, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCall(DMDAVecGetArrayDOF(m->dageo, gv, &g));
  PetscCall(DMDAVecGetArrayRead(m->da, zone, &z));
  for (PetscInt k = zs; k < zs + zm; k++)
    for (PetscInt j = ys; j < ys + ym; j++)
      for (PetscInt i = xs; i < xs + xm; i++) {
        PetscReal v            = PetscRealPart(z[k][j][i]);
        g[k][j][i][GW_GEO_MAT] = v;
        if (bad < 0 && !(v == PetscFloorReal(v) && PetscAbsReal(v) < PETSC_MAX_INT)) {
          bad  = i + m->nx * (j + m->ny * k);
          badv = v;
        }
      }
  PetscCall(DMDAVecRestoreArrayRead(m->da, zone, &z));
  PetscCall(DMDAVecRestoreArrayDOF(m->dageo, gv, &g));
  PetscCall(GWModelFirstBadCell_Private(m, bad, 1, &badv, &c));
  PetscCheck(c < 0, PetscObjectComm((PetscObject)m), PETSC_ERR_ARG_OUTOFRANGE, "Cell (i=%" PetscInt_FMT ", j=%" PetscInt_FMT ", layer=%" PetscInt_FMT ") has material index %g: give the index of an added material (0, 1, ...)", c % m->nx, (c / m->nx) % m->ny, c / (m->nx * m->ny), (double)badv);
  PetscFunctionReturn(0);
}

/*@C
  GWModelGetMaterialZonesVec - creates a distributed vector of the material index of every cell

  Collective

  Input Parameter:
. model - the model, after GWModelSetGridSize()

  Output Parameter:
. zone - new global vector of the model's DMDA: the material index of each cell (as a real;
         0 where none was set); destroy it with VecDestroy()

  Notes:
  The model keeps no array of the whole grid, so there is no array getter
  (GWModelGetMaterialZones() was removed).

  Level: intermediate

.seealso: `GWModelSetMaterialZonesVec()`, `GWModelSetMaterialZones()`
@*/
PetscErrorCode GWModelGetMaterialZonesVec(GWModel model, Vec *zone)
{
  const GeoField f[1] = {Material};
  Vec           *o[1] = {zone};

  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscValidPointer(zone, 2);
  PetscCheck(model->nx > 0, PetscObjectComm((PetscObject)model), PETSC_ERR_ARG_WRONGSTATE, "Call GWModelSetGridSize() first");
  PetscCall(GeometryVecs(model, 1, f, o));
  PetscFunctionReturn(0);
}
