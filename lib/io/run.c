/* GWScenarioRun: the time loop of a scenario with its outputs (NetCDF fields, observation and
   budget CSV files). Files are written as <name>.part and renamed when the run completes, so a
   failed run leaves valid but visibly incomplete files. */
#define _POSIX_C_SOURCE 200809L /* sigaction() under -std=c11 */
#include <gw/private/ioimpl.h>
#include <gw/private/modelimpl.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* The signal that asked the run to stop, set by the handler only; the time loop reads it
   between steps (GWScenarioSetCatchSignals()). */
static volatile sig_atomic_t GWStopSignal = 0;

static void CatchStopSignal(int sig)
{
  GWStopSignal = sig;
}

static const int        GWStopSignals[3] = {SIGTERM, SIGINT, SIGUSR1};
static struct sigaction GWOldActions[3];
static PetscBool        GWCatching = PETSC_FALSE;

typedef struct {
  char  nc[PETSC_MAX_PATH_LEN], obs[PETSC_MAX_PATH_LEN], bud[PETSC_MAX_PATH_LEN], chk[PETSC_MAX_PATH_LEN];
  char  sbud[PETSC_MAX_PATH_LEN]; /* solute budget, with solutes only */
  FILE *fobs, *fbud, *fsbud;      /* rank 0 only */
} Outputs;

/* The CSV date field of the model time, ",YYYY-MM-DDTHH:MM:SSZ", or "" without a start date. */
PetscErrorCode GWDateField_Private(GWModel m, char buf[], size_t len)
{
  PetscFunctionBegin;
  buf[0] = 0;
  if (!m->has_start_date) PetscFunctionReturn(0);
  buf[0] = ',';
  PetscCall(GWFormatDate_Private(m->start_date + m->t, buf + 1, len - 1));
  PetscFunctionReturn(0);
}

/* Prints t [s] as the shortest decimal that reads back as the same double (%.15g, else %.17g):
   times in the CSV files keep full precision (%.10g made distinct times equal after 1e10 s and
   rounded sub-second steps), and a restart finds the rows after its time exactly. */
PetscErrorCode GWPutTime_Private(FILE *fp, PetscReal t)
{
  char buf[32];

  PetscFunctionBegin;
  PetscCall(PetscSNPrintf(buf, sizeof(buf), "%.15g", (double)t));
  if (strtod(buf, NULL) != (double)t) PetscCall(PetscSNPrintf(buf, sizeof(buf), "%.17g", (double)t));
  PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, "%s", buf));
  PetscFunctionReturn(0);
}

static const char *const ObsSuffix[GW_OBS_NQ] = {"_pressure_head_m", "_hydraulic_head_m", "_water_content", "_saturation", "_depth_to_water_m", "_flow_m3_per_s", "_inflow_m3_per_s", "_leakage_m3_per_s", "_diversion_m3_per_s", "_depth_m", "_discharge_m3_per_s", "_storage_m"};

/* One row of the observation file: the quantities of each observation point (GWObsQuantities,
   GWModelSampleObservations_Private()), of each reach or spring, and the concentrations
   (lib/io/observation_solutes.c). */
static PetscErrorCode WriteObservations(GWScenario sc, FILE *fp)
{
  GWModel     m = sc->model;
  PetscReal  *val, *cval;
  PetscInt   *skip, ns;
  PetscMPIInt rank;

  PetscFunctionBegin;
  if (!sc->nobs) PetscFunctionReturn(0);
  PetscCall(GWModelGetNumSolutes(m, &ns));
  PetscCall(PetscCalloc3(GW_OBS_NQ * sc->nobs, &val, sc->nobs, &skip, PetscMax(ns, 1) * sc->nobs, &cval));
  PetscCallMPI(MPI_Comm_rank(PetscObjectComm((PetscObject)m), &rank));
  for (PetscInt o = 0; o < sc->nobs; o++) {
    if (sc->obspkg[2 * o] >= 0) { /* reach or spring: summed over ranks like the points */
      skip[o] = 1;
      PetscCall(GWScenarioSurfaceObservation_Private(sc, o, rank, &val[GW_OBS_NQ * o]));
    }
  }
  PetscCall(GWModelSampleObservations_Private(m, sc->nobs, sc->obsxyz, sc->obsrange, skip, val, NULL));
  if (sc->obssol) {
    PetscScalar ***x, ****g;
    PetscCall(DMGlobalToLocal(m->da, m->psi, INSERT_VALUES, m->psi_local));
    PetscCall(DMDAVecGetArrayRead(m->da, m->psi_local, &x));
    PetscCall(GWModelGetGeometryArray_Private(m, &g));
    PetscCall(GWScenarioConcentrationObservations_Private(sc, x, g, cval));
    PetscCall(DMDAVecRestoreArrayRead(m->da, m->psi_local, &x));
    PetscCallMPI(MPI_Reduce(rank ? cval : MPI_IN_PLACE, cval, (PetscMPIInt)(ns * sc->nobs), MPIU_REAL, MPIU_SUM, 0, PetscObjectComm((PetscObject)m)));
  }
  if (rank == 0) {
    char date[64];
    PetscCall(GWDateField_Private(m, date, sizeof(date)));
    PetscCall(GWPutTime_Private(fp, m->t));
    PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, "%s", date));
    for (PetscInt o = 0; o < sc->nobs; o++) {
      for (PetscInt q = 0; q < GW_OBS_NQ; q++)
        if (sc->obsq[o] >> q & 1) PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, ",%.10g", (double)val[GW_OBS_NQ * o + q]));
      PetscCall(GWScenarioConcentrationWrite_Private(sc, o, val[GW_OBS_NQ * o + GW_OBS_STORAGE], cval, fp));
    }
    PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, "\n"));
    fflush(fp);
  }
  PetscCall(PetscFree3(val, skip, cval));
  PetscFunctionReturn(0);
}

/* Writes ",<pre><name><suf>" as one CSV field, in double quotes (quotes doubled) when the name
   holds a comma or a quote (RFC 4180). Names hold no line breaks (GWCheckName_Private()). */
PetscErrorCode GWPutNameField_Private(FILE *fp, const char pre[], const char name[], const char suf[])
{
  PetscFunctionBegin;
  if (!strpbrk(name, ",\"")) {
    PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, ",%s%s%s", pre, name, suf));
    PetscFunctionReturn(0);
  }
  PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, ",\"%s", pre));
  for (const char *c = name; *c; c++) PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, *c == '"' ? "\"\"" : "%c", *c));
  PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, "%s\"", suf));
  PetscFunctionReturn(0);
}

static PetscErrorCode WriteBudgetHeader(GWModel m, FILE *fp)
{
  PetscFunctionBegin;
  if (!fp) PetscFunctionReturn(0);
  PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, "time_s%s,dt_s,storage_change_m3", m->has_start_date ? ",date" : ""));
  for (PetscInt p = 0; p < m->npkg; p++) {
    const char *n;
    PetscCall(GWPackageGetName(m->pkg[p], &n));
    PetscCall(GWPutNameField_Private(fp, "", n, "_in_m3"));
    PetscCall(GWPutNameField_Private(fp, "", n, "_out_m3"));
  }
  for (PetscInt p = 0; p < m->npkg; p++) {
    const char *n;
    PetscCall(GWPackageGetName(m->pkg[p], &n));
    for (PetscInt q = 0; q < m->pkg[p]->nterm; q++) {
      char suf[128];
      PetscCall(PetscSNPrintf(suf, sizeof(suf), "_%s_m3", m->pkg[p]->termname[q]));
      PetscCall(GWPutNameField_Private(fp, "", n, suf));
    }
  }
  PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, ",recharge_across_water_table_m3,mass_balance_error_m3,mass_balance_rel,cum_storage_change_m3"));
  for (PetscInt p = 0; p < m->npkg; p++) {
    const char *n;
    PetscCall(GWPackageGetName(m->pkg[p], &n));
    PetscCall(GWPutNameField_Private(fp, "cum_", n, "_in_m3"));
    PetscCall(GWPutNameField_Private(fp, "cum_", n, "_out_m3"));
  }
  for (PetscInt p = 0; p < m->npkg; p++) {
    const char *n;
    PetscCall(GWPackageGetName(m->pkg[p], &n));
    for (PetscInt q = 0; q < m->pkg[p]->nterm; q++) {
      char suf[128];
      PetscCall(PetscSNPrintf(suf, sizeof(suf), "_%s_m3", m->pkg[p]->termname[q]));
      PetscCall(GWPutNameField_Private(fp, "cum_", n, suf));
    }
  }
  PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, ",cum_recharge_across_water_table_m3,cum_mass_balance_error_m3,cum_mass_balance_rel"));
  for (PetscInt p = 0; p < m->npkg; p++) { /* flows of routed river and canal reaches at the end of the step */
    const char *n;
    PetscInt    nr;
    PetscCall(GWPackageGetName(m->pkg[p], &n));
    PetscCall(GWPackageRiverGetNumReaches(m->pkg[p], &nr));
    for (PetscInt r = 0; r < nr; r++)
      for (PetscInt q = 0; q < 3; q++) {
        char suf[96];
        PetscCall(PetscSNPrintf(suf, sizeof(suf), "_reach%" PetscInt_FMT "_%s_m3_per_s", r, q == 0 ? "inflow" : q == 1 ? "outflow"
                                                                                                                       : "leakage"));
        PetscCall(GWPutNameField_Private(fp, "", n, suf));
      }
  }
  PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, "\n"));
  PetscFunctionReturn(0);
}

static PetscErrorCode WriteBudgetRow(GWModel m, FILE *fp)
{
  char date[64];

  PetscFunctionBegin;
  if (!fp) PetscFunctionReturn(0);
  PetscCall(GWDateField_Private(m, date, sizeof(date)));
  PetscCall(GWPutTime_Private(fp, m->t));
  PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, "%s,", date));
  PetscCall(GWPutTime_Private(fp, m->step_t1 - m->step_t0));
  PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, ",%.10g", (double)m->step.storage));
  for (PetscInt p = 0; p < m->npkg; p++) PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, ",%.10g,%.10g", (double)m->step.in[p], (double)m->step.out[p]));
  for (PetscInt p = 0; p < m->npkg; p++)
    for (PetscInt q = 0; q < m->pkg[p]->nterm; q++) PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, ",%.10g", (double)m->pkg[p]->term_step[q]));
  PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, ",%.10g,%.4e,%.4e,%.10g", (double)m->recharge_step, (double)m->mb_abs, (double)m->mb_rel, (double)m->cum.storage));
  for (PetscInt p = 0; p < m->npkg; p++) PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, ",%.10g,%.10g", (double)m->cum.in[p], (double)m->cum.out[p]));
  for (PetscInt p = 0; p < m->npkg; p++)
    for (PetscInt q = 0; q < m->pkg[p]->nterm; q++) PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, ",%.10g", (double)m->pkg[p]->term_cum[q]));
  PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, ",%.10g,%.4e,%.4e", (double)m->recharge_cum, (double)m->mb_abs_cum, (double)m->mb_rel_cum));
  for (PetscInt p = 0; p < m->npkg; p++) {
    PetscInt nr;
    PetscCall(GWPackageRiverGetNumReaches(m->pkg[p], &nr));
    for (PetscInt r = 0; r < nr; r++) {
      PetscReal in, out, leak;
      PetscCall(GWPackageRiverGetReachFlows(m->pkg[p], r, &in, &out, &leak, NULL, NULL));
      PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, ",%.10g,%.10g,%.10g", (double)in, (double)out, (double)leak));
    }
  }
  PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, "\n"));
  fflush(fp);
  PetscFunctionReturn(0);
}

/* Creates the folders of an output prefix ("out/run1" needs "out"), like mkdir -p; rank 0 only. */
static PetscErrorCode MakeParentFolders(const char prefix[])
{
  char path[PETSC_MAX_PATH_LEN];

  PetscFunctionBegin;
  PetscCall(PetscStrncpy(path, prefix, sizeof(path)));
  for (char *p = path + 1; *p; p++) {
    if (*p != '/') continue;
    *p = 0;
    PetscCheck(mkdir(path, 0777) == 0 || errno == EEXIST, PETSC_COMM_SELF, PETSC_ERR_FILE_OPEN, "cannot create the output folder %s: %s", path, strerror(errno));
    *p = '/';
  }
  PetscFunctionReturn(0);
}

static PetscBool Exists(const char path[])
{
  struct stat st;
  return (PetscBool)(stat(path, &st) == 0);
}

/* Keeps the header and the rows of CSV file path whose first field (time_s) is at most t, the
   rows a run continued from t must not write again; rewritten through path.tmp and a rename, so
   an interruption leaves the old or the new file, never half of one. Rank 0 only. */
static PetscErrorCode TruncateCSV(const char path[], PetscReal t)
{
  FILE     *fp = fopen(path, "rb");
  char     *buf, *p, *cut, tmp[PETSC_MAX_PATH_LEN + 8];
  long      len;
  size_t    got;
  PetscReal tw = t; /* rows hold times that read back exactly (GWPutTime_Private()) */

  PetscFunctionBegin;
  PetscCheck(fp, PETSC_COMM_SELF, PETSC_ERR_FILE_OPEN, "cannot read %s to continue it: %s", path, strerror(errno));
  fseek(fp, 0, SEEK_END);
  len = ftell(fp);
  fseek(fp, 0, SEEK_SET);
  PetscCall(PetscMalloc1(len + 1, &buf));
  got = fread(buf, 1, (size_t)len, fp);
  fclose(fp);
  buf[got] = 0;
  cut      = strchr(buf, '\n'); /* the header */
  cut      = cut ? cut + 1 : buf + got;
  for (p = cut; *p;) {
    char *nl = strchr(p, '\n');
    if (!nl || strtod(p, NULL) > tw) break; /* a row cut short, or after t */
    p = cut = nl + 1;
  }
  PetscCall(PetscSNPrintf(tmp, sizeof(tmp), "%s.tmp", path));
  fp = fopen(tmp, "wb");
  PetscCheck(fp, PETSC_COMM_SELF, PETSC_ERR_FILE_OPEN, "cannot write %s: %s", tmp, strerror(errno));
  got = fwrite(buf, 1, (size_t)(cut - buf), fp);
  PetscCheck(fclose(fp) == 0 && got == (size_t)(cut - buf), PETSC_COMM_SELF, PETSC_ERR_FILE_WRITE, "cannot write %s", tmp);
  PetscCall(PetscFree(buf));
  PetscCheck(rename(tmp, path) == 0, PETSC_COMM_SELF, PETSC_ERR_FILE_WRITE, "cannot rename %s to %s: %s", tmp, path, strerror(errno));
  PetscFunctionReturn(0);
}

/* A restarted run continues the outputs of its prefix when there are any (P.nc.part of an
   interrupted run, or P.nc): final files go back to .part, since the run is not complete, and
   records after the restart time are dropped. Returns whether it continues them. */
static PetscErrorCode ContinueOutputs(GWScenario sc, Outputs *o, PetscBool *cont)
{
  PetscMPIInt rank;
  int         c = 0;

  PetscFunctionBegin;
  *cont = PETSC_FALSE;
  if (!sc->restarted) PetscFunctionReturn(0);
  PetscCallMPI(MPI_Comm_rank(PetscObjectComm((PetscObject)sc), &rank));
  if (rank == 0) {
    const char *names[4] = {o->nc, o->bud, o->obs, o->sbud};
    char        part[PETSC_MAX_PATH_LEN + 8];
    PetscCall(PetscSNPrintf(part, sizeof(part), "%s.part", o->nc));
    c = Exists(part) || Exists(o->nc);
    for (PetscInt f = 0; c && f < 4; f++) {
      if ((f == 2 && !sc->nobs) || (f == 3 && !sc->model->transport)) continue;
      PetscCall(PetscSNPrintf(part, sizeof(part), "%s.part", names[f]));
      if (!Exists(part) && Exists(names[f])) PetscCheck(rename(names[f], part) == 0, PETSC_COMM_SELF, PETSC_ERR_FILE_WRITE, "cannot rename %s to %s to continue it: %s", names[f], part, strerror(errno));
      PetscCheck(Exists(part), PETSC_COMM_SELF, PETSC_ERR_FILE_OPEN, "cannot continue the outputs of prefix %s: %s exists but %s does not; restart into a new prefix (-o)", sc->prefix, o->nc, part);
      if (f) PetscCall(TruncateCSV(part, sc->model->t));
    }
  }
  PetscCallMPI(MPI_Bcast(&c, 1, MPI_INT, 0, PetscObjectComm((PetscObject)sc)));
  *cont = (PetscBool)c;
  PetscFunctionReturn(0);
}

static PetscErrorCode OpenOutputs(GWScenario sc, Outputs *o, GWOutputNetCDF *nc, PetscBool *cont)
{
  PetscMPIInt rank;

  PetscFunctionBegin;
  PetscCall(PetscSNPrintf(o->nc, sizeof(o->nc), "%s.nc", sc->prefix));
  PetscCall(PetscSNPrintf(o->obs, sizeof(o->obs), "%s-obs.csv", sc->prefix));
  PetscCall(PetscSNPrintf(o->bud, sizeof(o->bud), "%s-budget.csv", sc->prefix));
  PetscCall(PetscSNPrintf(o->chk, sizeof(o->chk), "%s-checkpoint.h5", sc->prefix));
  PetscCall(PetscSNPrintf(o->sbud, sizeof(o->sbud), "%s-solute-budget.csv", sc->prefix));
  PetscCallMPI(MPI_Comm_rank(PetscObjectComm((PetscObject)sc), &rank));
  if (rank == 0) PetscCall(MakeParentFolders(sc->prefix));
  PetscCallMPI(MPI_Barrier(PetscObjectComm((PetscObject)sc)));
  PetscCall(ContinueOutputs(sc, o, cont));
  {
    char part[PETSC_MAX_PATH_LEN + 8];
    PetscCall(PetscSNPrintf(part, sizeof(part), "%s.part", o->nc));
    if (*cont)
      PetscCall(GWOutputNetCDFReopen(sc->model, part, sc->model->t, nc));
    else
      PetscCall(GWOutputNetCDFOpen(sc->model, part, sc->title, nc));
  }
  o->fobs = o->fbud = o->fsbud = NULL;
  if (rank == 0 && sc->model->transport) {
    char part[PETSC_MAX_PATH_LEN + 8];
    PetscCall(PetscSNPrintf(part, sizeof(part), "%s.part", o->sbud));
    o->fsbud = fopen(part, *cont ? "a" : "w");
    PetscCheck(o->fsbud, PETSC_COMM_SELF, PETSC_ERR_FILE_OPEN, "cannot write %s; check that the output folder exists", part);
    if (!*cont) PetscCall(GWSoluteBudgetHeader_Private(sc->model, o->fsbud));
  }
  if (rank == 0) {
    char part[PETSC_MAX_PATH_LEN + 8];
    PetscCall(PetscSNPrintf(part, sizeof(part), "%s.part", o->bud));
    o->fbud = fopen(part, *cont ? "a" : "w");
    PetscCheck(o->fbud, PETSC_COMM_SELF, PETSC_ERR_FILE_OPEN, "cannot write %s; check that the output folder exists", part);
    if (sc->nobs) {
      PetscCall(PetscSNPrintf(part, sizeof(part), "%s.part", o->obs));
      o->fobs = fopen(part, *cont ? "a" : "w");
      PetscCheck(o->fobs, PETSC_COMM_SELF, PETSC_ERR_FILE_OPEN, "cannot write %s; check that the output folder exists", part);
      if (!*cont) {
        PetscCall(PetscFPrintf(PETSC_COMM_SELF, o->fobs, "time_s%s", sc->model->has_start_date ? ",date" : ""));
        for (PetscInt p = 0; p < sc->nobs; p++) {
          for (PetscInt q = 0; q < GW_OBS_NQ; q++)
            if (sc->obsq[p] >> q & 1) PetscCall(GWPutNameField_Private(o->fobs, "", sc->obsname[p], ObsSuffix[q]));
          PetscCall(GWScenarioConcentrationHeader_Private(sc, p, o->fobs));
        }
        PetscCall(PetscFPrintf(PETSC_COMM_SELF, o->fobs, "\n"));
      }
    }
  }
  if (!*cont) PetscCall(WriteBudgetHeader(sc->model, o->fbud));
  PetscFunctionReturn(0);
}

/* For the tests of interrupted runs only: with -gw_debug_kill_at <where>, the process kills itself
   with SIGKILL at that moment ("final_checkpoint": after the checkpoint at the end time, before
   the outputs are closed; "renames": after the CSV files are renamed, before the NetCDF file),
   moments too short for a test to hit from outside. */
static PetscErrorCode DebugKill(GWScenario sc, const char where[])
{
  char      at[32] = "";
  PetscBool set;

  PetscFunctionBegin;
  PetscCall(PetscOptionsGetString(NULL, NULL, "-gw_debug_kill_at", at, sizeof(at), &set));
  if (set && !strcmp(at, where)) {
    PetscCall(PetscInfo(sc, "killing the process at %s (-gw_debug_kill_at)\n", where));
    raise(SIGKILL);
  }
  PetscFunctionReturn(0);
}

/* Closes the outputs; on success renames the .part files to their final names. */
static PetscErrorCode CloseOutputs(GWScenario sc, Outputs *o, GWOutputNetCDF *nc, const char status[])
{
  PetscMPIInt rank;
  PetscBool   ok = (PetscBool)!strcmp(status, "complete"), sbud = (PetscBool)(o->fsbud != NULL);

  PetscFunctionBegin;
  if (*nc) PetscCall(GWOutputNetCDFClose(nc, status));
  if (o->fobs) fclose(o->fobs);
  if (o->fbud) fclose(o->fbud);
  if (o->fsbud) fclose(o->fsbud);
  o->fobs = o->fbud = o->fsbud = NULL;
  PetscCallMPI(MPI_Comm_rank(PetscObjectComm((PetscObject)sc), &rank));
  if (rank == 0 && ok) {
    /* the NetCDF file last: P.nc is the mark of a complete run, and a run killed between these
       renames still has P.nc.part, which a restart from the final checkpoint completes */
    const char *names[3] = {o->obs, o->bud, o->nc};
    for (PetscInt f = 0; f < 3; f++) {
      char part[PETSC_MAX_PATH_LEN + 8];
      if (f == 0 && !sc->nobs) continue;
      if (f == 2) PetscCall(DebugKill(sc, "renames"));
      PetscCall(PetscSNPrintf(part, sizeof(part), "%s.part", names[f]));
      PetscCheck(rename(part, names[f]) == 0, PETSC_COMM_SELF, PETSC_ERR_FILE_WRITE, "cannot rename %s to %s: %s", part, names[f], strerror(errno));
      if (f == 1 && sbud) { /* the solute budget with the water budget */
        PetscCall(PetscSNPrintf(part, sizeof(part), "%s.part", o->sbud));
        PetscCheck(rename(part, o->sbud) == 0, PETSC_COMM_SELF, PETSC_ERR_FILE_WRITE, "cannot rename %s to %s: %s", part, o->sbud, strerror(errno));
      }
    }
  }
  PetscCallMPI(MPI_Barrier(PetscObjectComm((PetscObject)sc)));
  PetscFunctionReturn(0);
}

/* One progress line: simulated time in days (and its date), share done, step statistics and the
   wall time left, extrapolated from the simulated time per wall second since the run began
   (wall0, at simulated time t0). */
static PetscErrorCode Progress(GWScenario sc, PetscLogDouble wall0, PetscReal t0)
{
  GWModel        m = sc->model;
  PetscInt       steps, cuts, newton;
  PetscLogDouble now;
  char           date[64] = "", left[32] = "-";

  PetscFunctionBegin;
  if (!sc->monitor) PetscFunctionReturn(0);
  PetscCall(GWModelGetStepStatistics(m, &steps, &cuts, &newton));
  PetscCall(PetscTime(&now));
  if (m->has_start_date) {
    date[0] = ' ';
    PetscCall(GWFormatDate_Private(m->start_date + m->t, date + 1, sizeof(date) - 1));
  }
  if (m->t > t0) {
    double rest = (double)((now - wall0) * (sc->tend - m->t) / (m->t - t0));
    long   r    = (long)(rest + 0.5);
    PetscCall(PetscSNPrintf(left, sizeof(left), "%ld:%02ld:%02ld", r / 3600, r / 60 % 60, r % 60));
  }
  PetscCall(PetscViewerASCIIPrintf(sc->monitor, "t = %-10.6g d%s %5.1f%%  dt = %-10.4g s  steps %6" PetscInt_FMT "  Newton %7" PetscInt_FMT "  cuts %4" PetscInt_FMT "  cumulative mass-balance error %.2e  left %s\n", (double)(m->t / 86400.0), date, (double)(100.0 * m->t / sc->tend), (double)m->dt, steps, newton, cuts, (double)m->mb_rel_cum, left));
  PetscFunctionReturn(0);
}

/*@C
  GWScenarioRun - runs the scenario from its start to its end time, writing its outputs

  Collective

  Input Parameter:
. sc - the scenario, after GWScenarioLoad()

  Notes:
  Writes <prefix>.nc (CF-1.8 NetCDF-4 fields at t = 0 and every output time), <prefix>-budget.csv
  (one row per time step: storage change, each package's in and out volume, mass-balance error,
  and the cumulative values) and, with observation points, <prefix>-obs.csv; times in the CSV
  files are printed with the digits that read back as the same double. Files are written
  as <name>.part and renamed at the end of a successful run, the CSV files first and the NetCDF
  file last, so <prefix>.nc marks a complete run; a run that fails leaves the .part
  files, valid up to the last output, with run_status "failed: ..." in the NetCDF file.
  At every output time it also writes the checkpoint <prefix>-checkpoint.h5, from which
  GWScenarioRestart() resumes a failed or interrupted run; with -gw_checkpoint_steps N also
  every N steps, with -gw_checkpoint_wall S also when S seconds of wall time have passed since
  the last one (rank 0's clock). For tests of interrupted runs, -gw_debug_kill_at
  final_checkpoint|renames makes the process kill itself with SIGKILL at that moment.
  With a start date (GWModelSetStartDate()) the CSV files have a column date (ISO 8601, UTC)
  after time_s. With a monitor set, prints a progress line at each output time (simulated time in
  days, its date, the wall time left as h:mm:ss) and a summary at the end.

  Errors:
  PETSC_ERR_NOT_CONVERGED when a step fails after its allowed cuts (see GWModelStep());
  PETSC_ERR_FILE_OPEN / PETSC_ERR_FILE_WRITE when an output cannot be written; PETSC_ERR_SIG
  when a signal stopped the run (GWScenarioSetCatchSignals()), after writing a checkpoint.

  Level: beginner

.seealso: `GWScenarioLoad()`, `GWScenarioSetMonitor()`, `GWModelStep()`
@*/
PetscErrorCode GWScenarioRun(GWScenario sc)
{
  GWModel        m  = sc->model;
  GWOutputNetCDF nc = NULL;
  Outputs        o;
  PetscLogDouble t0, t1, tchk;
  PetscReal      tbegin, chk_wall = 0;
  PetscInt       chk_steps = 0, nstep = 0;
  PetscBool      cont    = PETSC_FALSE;
  int            stop[2] = {0, 0};
  PetscErrorCode ierr    = 0;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(sc, GWSCENARIO_CLASSID, 1);
  PetscCheck(m, PetscObjectComm((PetscObject)sc), PETSC_ERR_ARG_WRONGSTATE, "Call GWScenarioLoad() first");
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-gw_checkpoint_steps", &chk_steps, NULL));
  PetscCall(PetscOptionsGetReal(NULL, NULL, "-gw_checkpoint_wall", &chk_wall, NULL));
  PetscCall(PetscTime(&t0));
  tchk   = t0;
  if (sc->steady && !sc->restarted) {
    PetscCall(GWScenarioSteadyStage_Private(sc));
    if (sc->monitor) PetscCall(PetscViewerASCIIPrintf(sc->monitor, "Steady-state stage: converged in %" PetscInt_FMT " pseudo-time steps (largest pressure-head change of the last below %g m); the run starts from it\n", sc->steady_iterations, (double)sc->steady_tol));
  }
  tbegin = m->t;
  PetscCall(OpenOutputs(sc, &o, &nc, &cont));
  if (!cont) { /* a continued run has these records from before its restart */
    PetscCall(GWOutputNetCDFWrite(nc, m));
    if (sc->nobs) PetscCall(WriteObservations(sc, o.fobs));
  }
  PetscCall(Progress(sc, t0, tbegin));
  /* a signal that came before the first step (while loading) stops the run here */
  stop[0] = sc->catch_signals ? GWStopSignal : 0;
  PetscCallMPI(MPI_Allreduce(MPI_IN_PLACE, stop, 1, MPI_INT, MPI_MAX, PetscObjectComm((PetscObject)sc)));
  if (stop[0]) PetscCall(GWModelCheckpointSave(m, o.chk));
  /* the loop lands on every field output time and, with output.observation_every, on every
     observation time; fields, observations at field times and checkpoints at field times */
  for (PetscInt kf = 0, ko = 0; kf < sc->nout && !ierr && !stop[0];) {
    PetscReal target = sc->tout[kf], to = PETSC_MAX_REAL;
    PetscBool field, obs;
    if (sc->tout[kf] <= m->t * (1 + 1e-12)) { /* restarted past this output */
      kf++;
      continue;
    }
    if (sc->obs_every > 0) {
      while ((ko + 1) * sc->obs_every <= m->t + 1e-12 * PetscMax(m->t, 1.0)) ko++;
      to     = (ko + 1) * sc->obs_every;
      target = PetscMin(target, to);
    }
    field = (PetscBool)(sc->tout[kf] - target <= 1e-12 * PetscMax(target, 1.0));
    obs   = (PetscBool)(sc->obs_every > 0 && to - target <= 1e-12 * PetscMax(target, 1.0));
    while (!ierr && target - m->t > 1e-12 * PetscMax(target, 1.0)) {
      ierr = GWModelStep(m, target);
      if (!ierr) ierr = WriteBudgetRow(m, o.fbud);
      if (!ierr) ierr = GWSoluteBudgetRow_Private(m, o.fsbud);
      if (ierr) break;
      /* between steps, all ranks agree on a stop signal and on a periodic checkpoint (rank 0's
         clock decides the wall-time one) */
      nstep++;
      stop[0] = sc->catch_signals ? GWStopSignal : 0;
      stop[1] = chk_steps > 0 && nstep % chk_steps == 0;
      if (chk_wall > 0) {
        PetscLogDouble now;
        PetscCall(PetscTime(&now));
        if (now - tchk >= chk_wall) stop[1] = 1;
      }
      PetscCallMPI(MPI_Allreduce(MPI_IN_PLACE, stop, 2, MPI_INT, MPI_MAX, PetscObjectComm((PetscObject)sc)));
      if (stop[0] || (stop[1] && target - m->t > 1e-12 * PetscMax(target, 1.0))) {
        PetscCall(GWModelCheckpointSave(m, o.chk));
        PetscCall(PetscTime(&tchk));
      }
      if (stop[0]) break;
    }
    if (ierr || stop[0]) break;
    if (sc->nobs && (obs || (field && sc->obs_every <= 0))) PetscCall(WriteObservations(sc, o.fobs));
    if (field) {
      PetscCall(GWOutputNetCDFWrite(nc, m));
      PetscCall(GWModelCheckpointSave(m, o.chk));
      PetscCall(PetscTime(&tchk));
      PetscCall(Progress(sc, t0, tbegin));
      kf++;
      if (kf == sc->nout) PetscCall(DebugKill(sc, "final_checkpoint"));
    }
  }
  if (stop[0] && !ierr) {
    char status[512];
    PetscCall(PetscSNPrintf(status, sizeof(status), "interrupted by signal %d at t = %g s; checkpoint %s written: continue with gw-run --restart %s SCENARIO -o %s", stop[0], (double)m->t, o.chk, o.chk, sc->prefix));
    PetscCall(CloseOutputs(sc, &o, &nc, status));
    SETERRQ(PETSC_COMM_SELF, PETSC_ERR_SIG, "%s", status);
  }
  if (ierr) {
    const char *text = NULL;
    char        status[512];
    PetscCall(PetscErrorMessage(ierr, NULL, (char **)&text));
    PetscCall(PetscSNPrintf(status, sizeof(status), "failed at t = %g s: %s", (double)m->t, text ? text : "error"));
    PetscCall(CloseOutputs(sc, &o, &nc, status));
    PetscFunctionReturn(ierr);
  }
  PetscCall(CloseOutputs(sc, &o, &nc, "complete"));
  PetscCall(PetscTime(&t1));
  if (m->mb_nover) /* steps Newton accepted at the round-off floor of the residual (richards.c) */
    PetscCall(PetscFPrintf(PetscObjectComm((PetscObject)sc), PETSC_STDERR, "warning: %" PetscInt_FMT " of %" PetscInt_FMT " steps ended with a relative mass-balance error above solver.mass_balance_rtol = %g (worst %.3e at step %" PetscInt_FMT ", t = %g s): Newton stopped there at the round-off floor of the residual; the cumulative error is %.3e (doc/theory.md, mass balance)\n", m->mb_nover, m->nsteps, (double)m->mb_rtol, (double)m->mb_worst, m->mb_worst_step, (double)m->mb_worst_t, (double)m->mb_rel_cum));
  if (sc->monitor) {
    PetscInt steps, cuts, newton, linear;
    PetscCall(GWModelGetStepStatistics(m, &steps, &cuts, &newton));
    PetscCall(GWModelGetLinearIterations(m, &linear));
    PetscCall(PetscViewerASCIIPrintf(sc->monitor, "Run complete: %g s simulated in %.2f s wall time, %" PetscInt_FMT " steps, %" PetscInt_FMT " Newton iterations, %" PetscInt_FMT " linear iterations, %" PetscInt_FMT " step cuts\n", (double)m->t, (double)(t1 - t0), steps, newton, linear, cuts));
    PetscCall(GWModelBudgetView(m, sc->monitor));
    PetscCall(GWModelThreeWatersView(m, sc->monitor));
    if (m->nmat > 1) PetscCall(GWModelZoneBudgetView(m, sc->monitor));
    PetscInt ns;
    PetscCall(GWModelGetNumSolutes(m, &ns));
    for (PetscInt q = 0; q < ns; q++) {
      GWSolute s;
      PetscCall(GWModelGetSolute(m, q, &s));
      PetscCall(GWSoluteBudgetView(s, sc->monitor));
    }
    PetscCall(PetscViewerASCIIPrintf(sc->monitor, "Outputs: %s, %s%s%s%s%s\n", o.nc, o.bud, sc->nobs ? ", " : "", sc->nobs ? o.obs : "", m->transport ? ", " : "", m->transport ? o.sbud : ""));
  }
  PetscFunctionReturn(0);
}

/*@C
  GWScenarioRestart - restores the state of a checkpoint written by GWScenarioRun(), so that the
  next GWScenarioRun() continues from the checkpoint's time

  Collective

  Input Parameters:
+ sc - the scenario, after GWScenarioLoad() of the same scenario file
- path - the checkpoint, <prefix>-checkpoint.h5 of the earlier run

  Notes:
  When the output prefix already holds this scenario's outputs (PREFIX.nc.part of the interrupted
  run, or PREFIX.nc), GWScenarioRun() continues them: records after the checkpoint's time are
  dropped and the run appends after the others, so no record is lost or written twice, and the
  files are .part again until the run completes. With a new prefix the outputs start at the
  checkpoint's time. A checkpoint at the scenario's end time (the last one of a run killed after
  its last step, while closing or renaming its outputs) is accepted: GWScenarioRun() then takes
  no step, closes the continued files as complete and renames them, the NetCDF file last.

  Errors:
  PETSC_ERR_FILE_OPEN when the checkpoint cannot be read; PETSC_ERR_FILE_UNEXPECTED when it is
  past the scenario's end, or does not belong to this scenario (another grid, other materials, zones or packages: the checkpoint
  holds a hash of them).

  Level: intermediate

.seealso: `GWScenarioRun()`, `GWModelCheckpointLoad()`
@*/
PetscErrorCode GWScenarioRestart(GWScenario sc, const char path[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(sc, GWSCENARIO_CLASSID, 1);
  PetscCheck(sc->model, PetscObjectComm((PetscObject)sc), PETSC_ERR_ARG_WRONGSTATE, "Call GWScenarioLoad() first");
  PetscCall(GWModelCheckpointLoad(sc->model, path));
  PetscCheck(sc->model->t <= sc->tend * (1 + 1e-12), PetscObjectComm((PetscObject)sc), PETSC_ERR_FILE_UNEXPECTED, "Checkpoint %s is at t = %g s, past the end of the scenario (%g s): it belongs to a longer run; restart with the scenario that wrote it", path, (double)sc->model->t, (double)sc->tend);
  sc->restarted = PETSC_TRUE;
  PetscFunctionReturn(0);
}

/*@C
  GWScenarioSetCatchSignals - makes GWScenarioRun() stop cleanly on SIGTERM, SIGINT and SIGUSR1:
  it writes a checkpoint at the end of the current time step and returns PETSC_ERR_SIG

  Logically collective

  Input Parameters:
+ sc - the scenario
- flg - PETSC_TRUE to catch the signals during GWScenarioRun()

  Notes:
  The handlers are installed at once (PETSC_FALSE restores the previous ones), so a signal while
  the scenario loads stops the run before its first step. A handler only records the signal; the
  time loop looks at it between steps, and the ranks agree (a signal to any rank stops all). The
  outputs are closed as .part files with run_status "interrupted by signal N at t = ...";
  GWScenarioRestart() from PREFIX-checkpoint.h5 into the same prefix continues them.

  Level: intermediate

.seealso: `GWScenarioRun()`, `GWScenarioRestart()`
@*/
PetscErrorCode GWScenarioSetCatchSignals(GWScenario sc, PetscBool flg)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(sc, GWSCENARIO_CLASSID, 1);
  sc->catch_signals = flg;
  if (flg && !GWCatching) {
    struct sigaction act;
    memset(&act, 0, sizeof(act));
    act.sa_handler = CatchStopSignal;
    sigemptyset(&act.sa_mask);
    GWStopSignal = 0;
    for (int i = 0; i < 3; i++) PetscCheck(sigaction(GWStopSignals[i], &act, &GWOldActions[i]) == 0, PETSC_COMM_SELF, PETSC_ERR_SYS, "cannot install a handler for signal %d: %s", GWStopSignals[i], strerror(errno));
  } else if (!flg && GWCatching)
    for (int i = 0; i < 3; i++) sigaction(GWStopSignals[i], &GWOldActions[i], NULL);
  GWCatching = flg;
  PetscFunctionReturn(0);
}
