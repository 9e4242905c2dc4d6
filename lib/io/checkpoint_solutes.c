/* The solutes' part of a checkpoint (GWModelCheckpointSave/Load): per solute, in the HDF5 group
   /solutes/<name>, the dissolved concentration and the solid phase (natural grid order, so a run
   may restart on another number of ranks) and the budget state; at the root, the water volume
   the next transport step starts from. */
#include <gw/private/ioimpl.h>
#include <gw/private/modelimpl.h>
#include <petscviewerhdf5.h>

/* VecView or VecLoad of v as dataset name in the current group (the vector keeps its own name). */
static PetscErrorCode ViewOrLoad(Vec v, const char name[], PetscViewer viewer, PetscBool load)
{
  const char *own;
  char        keep[256];

  PetscFunctionBegin;
  PetscCall(PetscObjectGetName((PetscObject)v, &own));
  PetscCall(PetscStrncpy(keep, own, sizeof(keep)));
  PetscCall(PetscObjectSetName((PetscObject)v, name));
  if (load)
    PetscCall(VecLoad(v, viewer));
  else
    PetscCall(VecView(v, viewer));
  PetscCall(PetscObjectSetName((PetscObject)v, keep));
  PetscFunctionReturn(0);
}

/* A vector of n values on rank 0 of the model's communicator, named budget. */
static PetscErrorCode BudgetVec(GWModel m, PetscInt n, Vec *v)
{
  PetscMPIInt rank;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_rank(PetscObjectComm((PetscObject)m), &rank));
  PetscCall(VecCreateMPI(PetscObjectComm((PetscObject)m), rank ? 0 : n, n, v));
  PetscCall(PetscObjectSetName((PetscObject)*v, "budget"));
  PetscFunctionReturn(0);
}

PetscErrorCode GWModelCheckpointSaveSolutes_Private(GWModel m, PetscViewer viewer)
{
  PetscInt  ns = 0, n;
  Vec       W, bud;
  PetscBool valid;

  PetscFunctionBegin;
  PetscCall(GWModelGetNumSolutes(m, &ns));
  PetscCall(PetscViewerHDF5WriteAttribute(viewer, "/", "solutes", PETSC_INT, &ns));
  if (!ns) PetscFunctionReturn(0);
  PetscCall(GWModelTransportGetWaterVolume_Private(m, &W, &valid));
  {
    PetscInt iv = valid;
    PetscCall(PetscViewerHDF5WriteAttribute(viewer, "/", "transport_water_volume_valid", PETSC_INT, &iv));
  }
  PetscCall(ViewOrLoad(W, "transport_water_volume_m3", viewer, PETSC_FALSE));
  PetscCall(GWModelTransportGetStateSize_Private(m, &n));
  for (PetscInt q = 0; q < ns; q++) {
    GWSolute     s;
    const char  *name;
    char         group[PETSC_MAX_PATH_LEN];
    Vec          c, solid;
    PetscScalar *b;
    PetscInt     nloc;
    PetscCall(GWModelGetSolute(m, q, &s));
    PetscCall(GWSoluteGetName(s, &name));
    PetscCall(PetscSNPrintf(group, sizeof(group), "/solutes/%s", name));
    PetscCall(PetscViewerHDF5PushGroup(viewer, group));
    PetscCall(GWSoluteGetConcentration(s, &c));
    PetscCall(ViewOrLoad(c, "concentration_kg_per_m3", viewer, PETSC_FALSE));
    PetscCall(GWSoluteGetSolid(s, &solid));
    if (solid) PetscCall(ViewOrLoad(solid, "solid_kg_per_m3", viewer, PETSC_FALSE));
    PetscCall(BudgetVec(m, n, &bud));
    PetscCall(VecGetLocalSize(bud, &nloc));
    PetscCall(VecGetArray(bud, &b));
    if (nloc) {
      PetscReal *buf;
      PetscCall(PetscMalloc1(n, &buf));
      PetscCall(GWModelTransportGetState_Private(m, q, buf));
      for (PetscInt i = 0; i < n; i++) b[i] = buf[i];
      PetscCall(PetscFree(buf));
    }
    PetscCall(VecRestoreArray(bud, &b));
    PetscCall(VecView(bud, viewer));
    PetscCall(VecDestroy(&bud));
    PetscCall(PetscViewerHDF5PopGroup(viewer));
  }
  PetscFunctionReturn(0);
}

PetscErrorCode GWModelCheckpointLoadSolutes_Private(GWModel m, PetscViewer viewer, const char path[])
{
  MPI_Comm  comm = PetscObjectComm((PetscObject)m);
  PetscInt  ns = 0, nfile = 0, n, iv = 0;
  PetscBool has;
  Vec       W, bud;

  PetscFunctionBegin;
  PetscCall(GWModelGetNumSolutes(m, &ns));
  PetscCall(PetscViewerHDF5HasAttribute(viewer, "/", "solutes", &has));
  if (has) PetscCall(PetscViewerHDF5ReadAttribute(viewer, "/", "solutes", PETSC_INT, NULL, &nfile));
  PetscCheck(has || !ns, comm, PETSC_ERR_FILE_UNEXPECTED, "Checkpoint %s holds no solutes (it was written by an older libgw) but the scenario has %" PetscInt_FMT ": rerun from the start", path, ns);
  PetscCheck(nfile == ns, comm, PETSC_ERR_FILE_UNEXPECTED, "Checkpoint %s holds %" PetscInt_FMT " solutes but the scenario has %" PetscInt_FMT ": restart with the scenario that wrote it", path, nfile, ns);
  if (!ns) PetscFunctionReturn(0);
  PetscCall(GWModelTransportGetWaterVolume_Private(m, &W, &has));
  PetscCall(PetscViewerHDF5ReadAttribute(viewer, "/", "transport_water_volume_valid", PETSC_INT, NULL, &iv));
  PetscCall(ViewOrLoad(W, "transport_water_volume_m3", viewer, PETSC_TRUE));
  PetscCall(GWModelTransportSetWaterVolumeValid_Private(m, (PetscBool)(iv != 0)));
  PetscCall(GWModelTransportGetStateSize_Private(m, &n));
  for (PetscInt q = 0; q < ns; q++) {
    GWSolute           s;
    const char        *name;
    char               group[PETSC_MAX_PATH_LEN];
    Vec                c, solid;
    const PetscScalar *b;
    PetscReal         *buf;
    PetscInt           nloc;
    PetscCall(GWModelGetSolute(m, q, &s));
    PetscCall(GWSoluteGetName(s, &name));
    PetscCall(PetscSNPrintf(group, sizeof(group), "/solutes/%s", name));
    PetscCall(PetscViewerHDF5HasGroup(viewer, group, &has));
    PetscCheck(has, comm, PETSC_ERR_FILE_UNEXPECTED, "Checkpoint %s holds no solute %s (group %s): the scenario's solutes differ from those of the run that wrote it; restart with that scenario", path, name, group);
    PetscCall(PetscViewerHDF5PushGroup(viewer, group));
    PetscCall(GWSoluteGetConcentration(s, &c));
    PetscCall(ViewOrLoad(c, "concentration_kg_per_m3", viewer, PETSC_TRUE));
    PetscCall(GWSoluteGetSolid(s, &solid));
    if (solid) {
      PetscCall(PetscViewerHDF5HasDataset(viewer, "solid_kg_per_m3", &has));
      PetscCheck(has, comm, PETSC_ERR_FILE_UNEXPECTED, "Checkpoint %s holds no solid phase of solute %s, which has a solubility in this scenario: restart with the scenario that wrote it", path, name);
      PetscCall(ViewOrLoad(solid, "solid_kg_per_m3", viewer, PETSC_TRUE));
    }
    PetscCall(BudgetVec(m, n, &bud));
    PetscCall(VecLoad(bud, viewer));
    PetscCall(PetscViewerHDF5PopGroup(viewer));
    PetscCall(PetscMalloc1(n, &buf));
    PetscCall(VecGetLocalSize(bud, &nloc));
    PetscCall(VecGetArrayRead(bud, &b));
    for (PetscInt i = 0; i < nloc; i++) buf[i] = PetscRealPart(b[i]);
    PetscCall(VecRestoreArrayRead(bud, &b));
    PetscCall(VecDestroy(&bud));
    PetscCallMPI(MPI_Bcast(buf, (PetscMPIInt)n, MPIU_REAL, 0, comm));
    PetscCall(GWModelTransportSetState_Private(m, q, buf));
    PetscCall(PetscFree(buf));
  }
  PetscFunctionReturn(0);
}
