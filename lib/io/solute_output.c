/* Solute outputs of a scenario run: the solute budget CSV (<prefix>-solute-budget.csv) and the
   names of the concentration variables of the NetCDF file. */
#include <gw/private/ioimpl.h>
#include <gw/private/modelimpl.h>
#include <gwtransport.h>
#include <ctype.h>

/* The NetCDF variable of a solute's field: "<field>_<name>" (concentration, solid), every
   character of the name that is not a letter, digit or underscore replaced by '_'. */
PetscErrorCode GWSoluteVariableName_Private(GWSolute s, const char field[], char buf[], size_t len)
{
  const char *name;

  PetscFunctionBegin;
  PetscCall(GWSoluteGetName(s, &name));
  PetscCall(PetscSNPrintf(buf, len, "%s_%s", field, name));
  for (char *c = buf; *c; c++)
    if (!isalnum((unsigned char)*c) && *c != '_') *c = '_';
  PetscFunctionReturn(0);
}

/* The terms of one solute's row, in column order: step terms then cumulative ones. */
static const char *const StepTerms[] = {"dissolved_storage_change_kg", "sorbed_storage_change_kg", "solid_storage_change_kg", "decay_kg", "production_kg"};

/* Header of the solute budget: time_s[,date],dt_s, then for each solute S (columns prefixed
   "S_"): storage changes (dissolved, sorbed, solid), decay, production, each package's in and
   out, error, relative error; then the same cumulative ("S_cum_"); then the mass dissolved, sorbed
   and solid; with several materials, the zone budget of each material M over the step
   ("S_zone_M_<term>_kg", GWSoluteZoneTerms) and cumulative ("S_cum_zone_M_<term>_kg"). */
PetscErrorCode GWSoluteBudgetHeader_Private(GWModel m, FILE *fp)
{
  PetscInt ns;

  PetscFunctionBegin;
  if (!fp) PetscFunctionReturn(0);
  PetscCall(GWModelGetNumSolutes(m, &ns));
  PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, "time_s%s,dt_s", m->has_start_date ? ",date" : ""));
  for (PetscInt q = 0; q < ns; q++) {
    GWSolute    s;
    const char *sn;
    PetscCall(GWModelGetSolute(m, q, &s));
    PetscCall(GWSoluteGetName(s, &sn));
    for (PetscInt cum = 0; cum < 2; cum++) {
      const char *pre = cum ? "cum_" : "";
      char        suf[160];
      for (size_t t = 0; t < sizeof(StepTerms) / sizeof(StepTerms[0]); t++) {
        PetscCall(PetscSNPrintf(suf, sizeof(suf), "_%s%s", pre, StepTerms[t]));
        PetscCall(GWPutNameField_Private(fp, "", sn, suf));
      }
      for (PetscInt p = 0; p < m->npkg; p++) {
        const char *pn;
        PetscCall(GWPackageGetName(m->pkg[p], &pn));
        PetscCall(PetscSNPrintf(suf, sizeof(suf), "_%s%s_in_kg", pre, pn));
        PetscCall(GWPutNameField_Private(fp, "", sn, suf));
        PetscCall(PetscSNPrintf(suf, sizeof(suf), "_%s%s_out_kg", pre, pn));
        PetscCall(GWPutNameField_Private(fp, "", sn, suf));
      }
      PetscCall(PetscSNPrintf(suf, sizeof(suf), "_%smass_balance_error_kg", pre));
      PetscCall(GWPutNameField_Private(fp, "", sn, suf));
      PetscCall(PetscSNPrintf(suf, sizeof(suf), "_%smass_balance_rel", pre));
      PetscCall(GWPutNameField_Private(fp, "", sn, suf));
    }
    PetscCall(GWPutNameField_Private(fp, "", sn, "_dissolved_mass_kg"));
    PetscCall(GWPutNameField_Private(fp, "", sn, "_sorbed_mass_kg"));
    PetscCall(GWPutNameField_Private(fp, "", sn, "_solid_mass_kg"));
    for (PetscInt cum = 0; cum < 2 && m->nmat > 1; cum++)
      for (PetscInt z = 0; z < m->nmat; z++) {
        const char *mn;
        PetscCall(PetscObjectGetName((PetscObject)m->mat[z], &mn));
        for (PetscInt t = 0; t < GW_SOLUTE_ZONE_NTERMS; t++) {
          char suf[300];
          PetscCall(PetscSNPrintf(suf, sizeof(suf), "_%szone_%s_%s_kg", cum ? "cum_" : "", mn, GWSoluteZoneTerms[t]));
          PetscCall(GWPutNameField_Private(fp, "", sn, suf));
        }
      }
  }
  PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, "\n"));
  PetscFunctionReturn(0);
}

/* One row of the solute budget for the step just taken (values are the same on every rank; rank 0 writes). */
PetscErrorCode GWSoluteBudgetRow_Private(GWModel m, FILE *fp)
{
  char     date[64];
  PetscInt ns;

  PetscFunctionBegin;
  if (!fp) PetscFunctionReturn(0);
  PetscCall(GWModelGetNumSolutes(m, &ns));
  PetscCall(GWDateField_Private(m, date, sizeof(date)));
  PetscCall(GWPutTime_Private(fp, m->t));
  PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, "%s,", date));
  PetscCall(GWPutTime_Private(fp, m->step_t1 - m->step_t0));
  for (PetscInt q = 0; q < ns; q++) {
    GWSolute  s;
    PetscReal v[2][5], err[2][2], md, ms, msol;
    PetscCall(GWModelGetSolute(m, q, &s));
    PetscCall(GWSoluteGetStorageChange(s, &v[0][0], &v[0][1], &v[1][0], &v[1][1]));
    PetscCall(GWSoluteGetSolidBudget(s, &v[0][2], &v[1][2], &msol));
    PetscCall(GWSoluteGetReactionBudget(s, &v[0][3], &v[0][4], &v[1][3], &v[1][4]));
    PetscCall(GWSoluteGetMassBalanceError(s, &err[0][0], &err[0][1], &err[1][0], &err[1][1]));
    PetscCall(GWSoluteGetTotalMass(s, &md, &ms));
    for (PetscInt cum = 0; cum < 2; cum++) {
      for (PetscInt t = 0; t < 5; t++) PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, ",%.15g", (double)v[cum][t]));
      for (PetscInt p = 0; p < m->npkg; p++) {
        PetscReal in, out, inc, outc;
        PetscCall(GWSoluteGetPackageBudget(s, p, &in, &out, &inc, &outc));
        PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, ",%.15g,%.15g", (double)(cum ? inc : in), (double)(cum ? outc : out)));
      }
      PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, ",%.4e,%.4e", (double)err[cum][0], (double)err[cum][1]));
    }
    PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, ",%.15g,%.15g,%.15g", (double)md, (double)ms, (double)msol));
    for (PetscInt cum = 0; cum < 2 && m->nmat > 1; cum++)
      for (PetscInt z = 0; z < m->nmat; z++) {
        PetscReal zb[2][GW_SOLUTE_ZONE_NTERMS];
        PetscCall(GWSoluteGetZoneBudget(s, z, zb[0], zb[1]));
        for (PetscInt t = 0; t < GW_SOLUTE_ZONE_NTERMS; t++) PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, ",%.15g", (double)zb[cum][t]));
      }
  }
  PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, "\n"));
  fflush(fp);
  PetscFunctionReturn(0);
}
