/* Checkpoint and restart through PETSc's HDF5 viewer: the pressure-head field (in natural grid
   order, so a run may restart on another number of ranks), the package unknowns (reach flows), the time, the next time step, step
   statistics and the cumulative budget; the solutes' state (checkpoint_solutes.c). */
#include <gw/private/ioimpl.h>
#include <gw/private/modelimpl.h>
#include <gwio.h>
#include <petscviewerhdf5.h>

/* A vector holding n values on rank 0 of comm (nothing elsewhere), for small arrays in HDF5. */
static PetscErrorCode SmallVec(MPI_Comm comm, PetscInt n, const char name[], Vec *v)
{
  PetscMPIInt rank;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCall(VecCreateMPI(comm, rank ? 0 : n, n, v));
  PetscCall(PetscObjectSetName((PetscObject)*v, name));
  PetscFunctionReturn(0);
}

/* The package unknowns held by rank 0 in u, copied to every rank's model->u. */
static PetscErrorCode BroadcastUnknowns(GWModel model, Vec u)
{
  const PetscScalar *b;
  PetscInt           n;

  PetscFunctionBegin;
  PetscCall(VecGetLocalSize(u, &n));
  PetscCall(VecGetArrayRead(u, &b));
  for (PetscInt i = 0; i < n; i++) model->u[i] = PetscRealPart(b[i]);
  PetscCall(VecRestoreArrayRead(u, &b));
  PetscCallMPI(MPI_Bcast(model->u, (PetscMPIInt)model->nunknown, MPIU_SCALAR, 0, PetscObjectComm((PetscObject)model)));
  PetscFunctionReturn(0);
}

/* storage, recharge, in and out of every package, then every package's own terms */
static PetscInt BudgetSize(GWModel m)
{
  PetscInt n = 2 + 2 * m->npkg + 5 * m->nmat + m->nmat * m->nmat;
  for (PetscInt p = 0; p < m->npkg; p++) n += m->pkg[p]->nterm * (1 + m->nmat);
  return n;
}

/*@C
  GWModelCheckpointSave - writes the model state to an HDF5 checkpoint file

  Collective

  Input Parameters:
+ model - the model, after GWModelSetUp()
- path - file to write (replaced if it exists)

  Notes:
  Stores pressure head (dataset "pressure_head", natural grid order), the package unknowns
  (dataset "package_unknowns": the reach flows of routed rivers and canals, the Newton system's
  state besides pressure head), the last step's water-content rate (dataset "water_content_rate",
  for the time-error estimate of the next step, GWModelSetTimeErrorTolerance()), the time, the
  next time step, the step statistics, the mass-balance counters of
  GWModelGetMassBalanceWorstStep() (steps above the tolerance, the worst step, its relative error
  and end time), the cumulative budget (storage and every package's in and out) and
  the model's input hash (set by GWScenarioLoad() from the grid, materials, zones and packages).
  With solutes, also the number of solutes (attribute "solutes"), the water volume of each cell
  that the next transport step starts from ("transport_water_volume_m3", natural grid order) and,
  per solute in group /solutes/<name>, its dissolved concentration ("concentration_kg_per_m3"),
  solid phase ("solid_kg_per_m3", with a solubility only) and budget state ("budget": per package
  in and out of the last step and since the start, storage changes, decay, production, solid
  change and mass-balance errors), so that a restarted run continues the uninterrupted one.
  The file is written as path.part and renamed, so an interrupted write never leaves a
  checkpoint that looks complete. Restart with GWModelCheckpointLoad() on a model built from the
  same input, on any number of ranks.

  Errors:
  PETSC_ERR_FILE_OPEN or PETSC_ERR_FILE_WRITE naming the path.

  Level: intermediate

.seealso: `GWModelCheckpointLoad()`
@*/
PetscErrorCode GWModelCheckpointSave(GWModel model, const char path[])
{
  PetscViewer v;
  Vec         bud;
  PetscInt    np = model->npkg, stats[3];
  PetscMPIInt rank;
  char        part[PETSC_MAX_PATH_LEN + 8];

  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCheck(model->setupcalled, PetscObjectComm((PetscObject)model), PETSC_ERR_ARG_WRONGSTATE, "Call GWModelSetUp() first");
  PetscCall(PetscSNPrintf(part, sizeof(part), "%s.part", path));
  PetscCall(PetscViewerHDF5Open(PetscObjectComm((PetscObject)model), part, FILE_MODE_WRITE, &v));
  PetscCall(VecView(model->psi, v));
  PetscCall(PetscViewerHDF5WriteAttribute(v, "/", "time_s", PETSC_REAL, &model->t));
  PetscCall(PetscViewerHDF5WriteAttribute(v, "/", "next_dt_s", PETSC_REAL, &model->dt));
  stats[0] = model->nsteps;
  stats[1] = model->ncuts;
  stats[2] = model->nnewton;
  PetscCall(PetscViewerHDF5WriteAttribute(v, "/", "steps", PETSC_INT, &stats[0]));
  PetscCall(PetscViewerHDF5WriteAttribute(v, "/", "cuts", PETSC_INT, &stats[1]));
  PetscCall(PetscViewerHDF5WriteAttribute(v, "/", "newton_iterations", PETSC_INT, &stats[2]));
  PetscCall(PetscViewerHDF5WriteAttribute(v, "/", "packages", PETSC_INT, &np));
  PetscCall(PetscViewerHDF5WriteAttribute(v, "/", "mass_balance_steps_above", PETSC_INT, &model->mb_nover));
  PetscCall(PetscViewerHDF5WriteAttribute(v, "/", "mass_balance_worst_step", PETSC_INT, &model->mb_worst_step));
  PetscCall(PetscViewerHDF5WriteAttribute(v, "/", "mass_balance_worst_rel", PETSC_REAL, &model->mb_worst));
  PetscCall(PetscViewerHDF5WriteAttribute(v, "/", "mass_balance_worst_time_s", PETSC_REAL, &model->mb_worst_t));
  if (model->input_hash[0]) PetscCall(PetscViewerHDF5WriteAttribute(v, "/", "input_hash", PETSC_STRING, model->input_hash));
  { /* the last step's water-content rate: the time-error estimate of the next step needs it, so a
       restarted run takes the same steps as an uninterrupted one */
    PetscInt valid = (model->dterr_tol > 0 && model->rate_valid) ? 1 : 0;
    PetscCall(PetscViewerHDF5WriteAttribute(v, "/", "water_content_rate_valid", PETSC_INT, &valid));
    PetscCall(PetscViewerHDF5WriteAttribute(v, "/", "time_error_rejections", PETSC_INT, &model->ndterr));
    if (valid) {
      PetscCall(PetscObjectSetName((PetscObject)model->rate_old, "water_content_rate"));
      PetscCall(VecView(model->rate_old, v));
    }
  }
  PetscCall(SmallVec(PetscObjectComm((PetscObject)model), BudgetSize(model), "cumulative_budget_m3", &bud));
  PetscCallMPI(MPI_Comm_rank(PetscObjectComm((PetscObject)model), &rank));
  if (!rank) {
    PetscScalar *b;
    PetscInt     o = 2 * np + 2;
    PetscCall(VecGetArray(bud, &b));
    b[0] = model->cum.storage;
    b[1] = model->recharge_cum;
    for (PetscInt p = 0; p < np; p++) {
      b[2 + 2 * p] = model->cum.in[p];
      b[3 + 2 * p] = model->cum.out[p];
      for (PetscInt q = 0; q < model->pkg[p]->nterm; q++) b[o++] = model->pkg[p]->term_cum[q];
      for (PetscInt q = 0; q < model->pkg[p]->nterm * model->nmat; q++) b[o++] = model->pkg[p]->term_zone_cum ? model->pkg[p]->term_zone_cum[q] : 0.0;
    }
    for (PetscInt q = 0; q < 5 * model->nmat; q++) b[o++] = model->zone_cum ? model->zone_cum[q] : 0.0;
    for (PetscInt q = 0; q < model->nmat * model->nmat; q++) b[o++] = model->zone_flow_cum ? model->zone_flow_cum[q] : 0.0;
    PetscCall(VecRestoreArray(bud, &b));
  }
  PetscCall(VecView(bud, v));
  PetscCall(VecDestroy(&bud));
  if (model->nunknown) { /* the package unknowns (reach flows), the same on every rank */
    PetscCall(SmallVec(PetscObjectComm((PetscObject)model), model->nunknown, "package_unknowns", &bud));
    if (!rank) {
      PetscScalar *b;
      PetscCall(VecGetArray(bud, &b));
      for (PetscInt u = 0; u < model->nunknown; u++) b[u] = model->u[u];
      PetscCall(VecRestoreArray(bud, &b));
    }
    PetscCall(VecView(bud, v));
    PetscCall(VecDestroy(&bud));
  }
  PetscCall(GWModelCheckpointSaveSolutes_Private(model, v));
  PetscCall(PetscViewerDestroy(&v));
  if (!rank) PetscCheck(rename(part, path) == 0, PETSC_COMM_SELF, PETSC_ERR_FILE_WRITE, "cannot rename checkpoint %s to %s", part, path);
  PetscCallMPI(MPI_Barrier(PetscObjectComm((PetscObject)model)));
  PetscFunctionReturn(0);
}

/*@C
  GWModelCheckpointLoad - restores the state saved by GWModelCheckpointSave()

  Collective

  Input Parameters:
+ model - a model built from the same input and set up (GWModelSetUp()), any number of ranks
- path - the checkpoint file

  Errors:
  PETSC_ERR_FILE_OPEN when the file cannot be read; PETSC_ERR_FILE_UNEXPECTED when it holds a
  different number of packages or grid size than the model, or another input hash, or other
  solutes (another number, a missing name, no solid phase where the model has a solubility).

  Level: intermediate

.seealso: `GWModelCheckpointSave()`
@*/
PetscErrorCode GWModelCheckpointLoad(GWModel model, const char path[])
{
  PetscViewer        v;
  Vec                bud;
  PetscInt           np = 0, n, stats[3] = {0, 0, 0};
  const PetscScalar *b;
  PetscReal         *all;
  PetscMPIInt        rank;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCheck(model->setupcalled, PetscObjectComm((PetscObject)model), PETSC_ERR_ARG_WRONGSTATE, "Call GWModelSetUp() first");
  PetscCall(PetscViewerHDF5Open(PetscObjectComm((PetscObject)model), path, FILE_MODE_READ, &v));
  PetscCall(PetscViewerHDF5ReadAttribute(v, "/", "packages", PETSC_INT, NULL, &np));
  PetscCheck(np == model->npkg, PetscObjectComm((PetscObject)model), PETSC_ERR_FILE_UNEXPECTED, "Checkpoint %s has %" PetscInt_FMT " packages but the model has %" PetscInt_FMT ": restart from the same scenario", path, np, model->npkg);
  {
    PetscBool has;
    PetscCall(PetscViewerHDF5HasAttribute(v, "/", "input_hash", &has));
    if (has && model->input_hash[0]) {
      char     *hash = NULL, theirs[sizeof(model->input_hash)];
      PetscBool same;
      PetscCall(PetscViewerHDF5ReadAttribute(v, "/", "input_hash", PETSC_STRING, NULL, &hash));
      PetscCall(PetscStrcmp(hash, model->input_hash, &same));
      PetscCall(PetscStrncpy(theirs, hash, sizeof(theirs)));
      PetscCall(PetscFree(hash)); /* before the error below too (LeakSanitizer, test_gwrun_kill_restart) */
      if (!same) PetscCall(PetscViewerDestroy(&v));
      PetscCheck(same, PetscObjectComm((PetscObject)model), PETSC_ERR_FILE_UNEXPECTED, "Checkpoint %s was written by another model (input hash %s, this one %s): its grid, materials, zones or packages differ; restart with the scenario that wrote it", path, theirs, model->input_hash);
    }
  }
  PetscCall(VecLoad(model->psi, v));
  PetscCall(PetscViewerHDF5ReadAttribute(v, "/", "time_s", PETSC_REAL, NULL, &model->t));
  PetscCall(PetscViewerHDF5ReadAttribute(v, "/", "next_dt_s", PETSC_REAL, NULL, &model->dt));
  PetscCall(PetscViewerHDF5ReadAttribute(v, "/", "steps", PETSC_INT, NULL, &stats[0]));
  PetscCall(PetscViewerHDF5ReadAttribute(v, "/", "cuts", PETSC_INT, NULL, &stats[1]));
  PetscCall(PetscViewerHDF5ReadAttribute(v, "/", "newton_iterations", PETSC_INT, NULL, &stats[2]));
  model->nsteps  = stats[0];
  model->ncuts   = stats[1];
  model->nnewton = stats[2];
  { /* see GWModelCheckpointSave(); absent in checkpoints of older versions: no estimate for the first step */
    PetscBool has;
    PetscInt  valid = 0;
    PetscCall(PetscViewerHDF5HasAttribute(v, "/", "water_content_rate_valid", &has));
    if (has) PetscCall(PetscViewerHDF5ReadAttribute(v, "/", "water_content_rate_valid", PETSC_INT, NULL, &valid));
    PetscCall(PetscViewerHDF5HasAttribute(v, "/", "time_error_rejections", &has));
    if (has) PetscCall(PetscViewerHDF5ReadAttribute(v, "/", "time_error_rejections", PETSC_INT, NULL, &model->ndterr));
    model->rate_valid = PETSC_FALSE;
    if (valid && model->dterr_tol > 0) {
      if (!model->rate_new) {
        PetscCall(VecDuplicate(model->psi, &model->rate_new));
        PetscCall(VecDuplicate(model->psi, &model->rate_old));
      }
      PetscCall(PetscObjectSetName((PetscObject)model->rate_old, "water_content_rate"));
      PetscCall(VecLoad(model->rate_old, v));
      model->rate_valid = PETSC_TRUE;
    }
  }
  {
    PetscBool has; /* checkpoints written before these counters were kept start them at 0 */
    PetscCall(PetscViewerHDF5HasAttribute(v, "/", "mass_balance_steps_above", &has));
    model->mb_nover = model->mb_worst_step = 0;
    model->mb_worst = model->mb_worst_t = 0;
    if (has) {
      PetscCall(PetscViewerHDF5ReadAttribute(v, "/", "mass_balance_steps_above", PETSC_INT, NULL, &model->mb_nover));
      PetscCall(PetscViewerHDF5ReadAttribute(v, "/", "mass_balance_worst_step", PETSC_INT, NULL, &model->mb_worst_step));
      PetscCall(PetscViewerHDF5ReadAttribute(v, "/", "mass_balance_worst_rel", PETSC_REAL, NULL, &model->mb_worst));
      PetscCall(PetscViewerHDF5ReadAttribute(v, "/", "mass_balance_worst_time_s", PETSC_REAL, NULL, &model->mb_worst_t));
    }
  }
  PetscCall(SmallVec(PetscObjectComm((PetscObject)model), BudgetSize(model), "cumulative_budget_m3", &bud));
  PetscCall(VecLoad(bud, v));
  if (model->nunknown) {
    Vec       uv;
    PetscBool has;
    PetscCall(PetscViewerHDF5HasDataset(v, "package_unknowns", &has));
    PetscCheck(has, PetscObjectComm((PetscObject)model), PETSC_ERR_FILE_UNEXPECTED, "Checkpoint %s holds no package unknowns (reach flows) but the model has %" PetscInt_FMT "; it was written by an older libgw: rerun from the start", path, model->nunknown);
    PetscCall(SmallVec(PetscObjectComm((PetscObject)model), model->nunknown, "package_unknowns", &uv));
    PetscCall(VecLoad(uv, v));
    PetscCall(BroadcastUnknowns(model, uv));
    PetscCall(VecDestroy(&uv));
  }
  {
    PetscErrorCode ierr = GWModelCheckpointLoadSolutes_Private(model, v, path);
    if (ierr) PetscCall(PetscViewerDestroy(&v)); /* nothing left open on a refused checkpoint (LeakSanitizer) */
    PetscCall(ierr);
  }
  PetscCall(PetscViewerDestroy(&v));
  PetscCall(VecGetLocalSize(bud, &n));
  PetscCall(PetscCalloc1(BudgetSize(model), &all));
  PetscCall(VecGetArrayRead(bud, &b));
  for (PetscInt i = 0; i < n; i++) all[i] = PetscRealPart(b[i]);
  PetscCall(VecRestoreArrayRead(bud, &b));
  PetscCall(VecDestroy(&bud));
  PetscCallMPI(MPI_Comm_rank(PetscObjectComm((PetscObject)model), &rank));
  PetscCallMPI(MPI_Bcast(all, (PetscMPIInt)BudgetSize(model), MPIU_REAL, 0, PetscObjectComm((PetscObject)model)));
  model->cum.storage  = all[0];
  model->recharge_cum = all[1];
  {
    PetscInt o = 2 * np + 2, nz = model->nmat;
    for (PetscInt p = 0; p < np; p++) {
      model->cum.in[p]  = all[2 + 2 * p];
      model->cum.out[p] = all[3 + 2 * p];
      for (PetscInt q = 0; q < model->pkg[p]->nterm; q++) model->pkg[p]->term_cum[q] = all[o++];
      if (model->pkg[p]->nterm && !model->pkg[p]->term_zone_cum) PetscCall(PetscCalloc2(model->pkg[p]->nterm * nz, &model->pkg[p]->term_zone_step, model->pkg[p]->nterm * nz, &model->pkg[p]->term_zone_cum));
      for (PetscInt q = 0; q < model->pkg[p]->nterm * nz; q++) model->pkg[p]->term_zone_cum[q] = all[o++];
    }
    if (!model->zone_step) PetscCall(PetscCalloc3(5 * nz, &model->zone_step, 5 * nz, &model->zone_cum, nz * nz, &model->zone_flow_cum));
    for (PetscInt q = 0; q < 5 * nz; q++) model->zone_cum[q] = all[o++];
    for (PetscInt q = 0; q < nz * nz; q++) model->zone_flow_cum[q] = all[o++];
  }
  PetscCall(PetscFree(all));
  (void)rank;
  PetscFunctionReturn(0);
}
