/* Re-running a model in memory: GWModelReset() and the parameter registry (get and set any
   model parameter by a path such as "materials.loam.K" or "packages.surface.max_ponding_depth"),
   keeping every quantity cached at set-up consistent with the parameters. */
#include <gw/private/modelimpl.h>
#include <string.h>

/*@C
  GWModelReset - returns a set-up model to the state it started its first run from, keeping its
  set-up (grid, solver, package cells), so that it can be run again

  Collective

  Input Parameter:
. model - the model, after GWModelSetUp()

  Notes:
  Restored: pressure head as it was at the start of the first GWModelStep() after set-up (or
  after the previous reset), whether it came from GWModelSetInitialPressureHead(),
  GWModelSetInitialWaterTable() or was filled by hand; the time at that step; the time step
  (dt_init); all budgets (storage, package in and out, mass-balance errors, recharge across the
  water table, zone budgets and flows, the packages' own budget terms), step statistics and the
  Newton acceptance state. Package entries are rebuilt from the materials (GWPackageSetUp), so
  conductivities and well weights follow parameters changed with GWModelSetParameter().
  A model that has not stepped keeps its pressure head. To start the next run from another
  initial state, call GWModelSetInitialPressureHead() or GWModelSetInitialWaterTable(), or fill
  the pressure head, after the reset. On one rank a reset run repeats a fresh run bitwise.
  Solver options that keep state between solves (e.g. -gw_snes_lag_preconditioner -2) are not reset.

  Errors:
  PETSC_ERR_ARG_WRONGSTATE before GWModelSetUp(), or when the model was restarted from a
  checkpoint and has no initial state to return to.

  Level: intermediate

.seealso: `GWModelSetParameter()`, `GWModelRun()`, `GWModelGetStepStatistics()`
@*/
PetscErrorCode GWModelReset(GWModel model)
{
  GWModel m = model;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCheck(m->setupcalled, PetscObjectComm((PetscObject)m), PETSC_ERR_ARG_WRONGSTATE, "Call GWModelSetUp() before GWModelReset()");
  if (m->psi_init)
    PetscCall(VecCopy(m->psi_init, m->psi));
  else if (m->nsteps && m->initkind == 1)
    PetscCall(GWModelSetInitialPressureHead(m, m->initvalue));
  else if (m->nsteps && m->initkind == 2)
    PetscCall(GWModelSetInitialWaterTable(m, m->initvalue));
  else
    PetscCheck(!m->nsteps, PetscObjectComm((PetscObject)m), PETSC_ERR_ARG_WRONGSTATE, "GWModelReset(): the model was restarted at t = %g s and holds no initial pressure head to return to; set one with GWModelSetInitialPressureHead() or fill it after the reset", (double)m->t);
  m->t       = m->t_start;
  m->qvalid  = PETSC_FALSE;
  m->tvalid = m->cons_valid = PETSC_FALSE;
  m->dt      = m->dt_init;
  m->step_t0 = m->step_t1 = m->t;
  m->nsteps = m->ncuts = m->nnewton = m->nlinear = 0;
  m->rate_valid = PETSC_FALSE;
  m->ndterr     = 0;
  m->l1_prev = m->flow_scale = m->face_scale = m->storage_rate = 0;
  m->step.storage = m->cum.storage = 0;
  PetscCall(PetscArrayzero(m->step.in, m->npkg));
  PetscCall(PetscArrayzero(m->step.out, m->npkg));
  PetscCall(PetscArrayzero(m->cum.in, m->npkg));
  PetscCall(PetscArrayzero(m->cum.out, m->npkg));
  m->mb_abs = m->mb_rel = m->mb_abs_cum = m->mb_rel_cum = 0;
  m->mb_nover = m->mb_worst_step = 0;
  m->mb_worst = m->mb_worst_t = 0;
  m->recharge_step = m->recharge_cum = 0;
  if (m->zone_step) {
    PetscCall(PetscArrayzero(m->zone_step, 5 * m->nmat));
    PetscCall(PetscArrayzero(m->zone_cum, 5 * m->nmat));
    PetscCall(PetscArrayzero(m->zone_flow_cum, m->nmat * m->nmat));
  }
  for (PetscInt p = 0; p < m->npkg; p++) {
    GWPackage pkg = m->pkg[p];
    PetscCall(PetscArrayzero(pkg->term_step, pkg->nterm));
    PetscCall(PetscArrayzero(pkg->term_cum, pkg->nterm));
    if (pkg->term_zone_step) {
      PetscCall(PetscArrayzero(pkg->term_zone_step, pkg->nterm * m->nmat));
      PetscCall(PetscArrayzero(pkg->term_zone_cum, pkg->nterm * m->nmat));
    }
    /* after psi: types that place their entries from the state (water-table cells) do it now */
    PetscCall(GWPackageSetUp_Private(pkg, m));
  }
  if (m->transport) PetscCall(GWModelResetTransport_Private(m));
  PetscCall(GWModelInitialUnknowns_Private(m));
  PetscFunctionReturn(0);
}

/* Parameters of every material, and those of each built-in constitutive model (SI units). */
static const char *const MaterialCommon[] = {"K", "Ks", "kx", "ky", "kz", "theta_r", "theta_s", "Ss"};

static PetscErrorCode SetVanGenuchten(GWMaterial mat, const PetscReal p[])
{
  PetscFunctionBegin;
  PetscCall(GWMaterialVanGenuchtenSetParameters(mat, p[0], p[1]));
  PetscCall(GWMaterialVanGenuchtenSetAirEntry(mat, p[2]));
  PetscFunctionReturn(0);
}

static PetscErrorCode SetBrooksCorey(GWMaterial mat, const PetscReal p[])
{
  PetscFunctionBegin;
  PetscCall(GWMaterialBrooksCoreySetParameters(mat, p[0], p[1]));
  PetscFunctionReturn(0);
}

static PetscErrorCode SetGardner(GWMaterial mat, const PetscReal p[])
{
  PetscFunctionBegin;
  PetscCall(GWMaterialGardnerSetParameters(mat, p[0]));
  PetscFunctionReturn(0);
}

static PetscErrorCode SetHaverkamp(GWMaterial mat, const PetscReal p[])
{
  PetscFunctionBegin;
  PetscCall(GWMaterialHaverkampSetParameters(mat, p[0], p[1], p[2], p[3]));
  PetscFunctionReturn(0);
}

static const struct {
  const char *type;
  PetscInt    n;
  const char *name[GW_MATERIAL_MAXPARAM];
  PetscErrorCode (*set)(GWMaterial, const PetscReal[]);
} MaterialTypes[] = {
    {GWMATERIALVANGENUCHTEN, 3, {"alpha", "n", "h_s"}, SetVanGenuchten},
    {GWMATERIALBROOKSCOREY, 2, {"psi_b", "lambda"}, SetBrooksCorey},
    {GWMATERIALGARDNER, 1, {"alpha"}, SetGardner},
    {GWMATERIALHAVERKAMP, 4, {"A", "beta", "B", "gamma"}, SetHaverkamp}};

/* Appends name to the comma-separated list. */
static void ListAdd(char list[], size_t len, const char name[])
{
  if (strlen(list) + strlen(name) + 3 >= len) return;
  if (list[0]) strcat(list, ", ");
  strcat(list, name);
}

/* Gets (set false) or sets (set true) parameter par of material mat through its setters, which
   check the value. */
static PetscErrorCode MaterialParameter(GWModel m, const char path[], GWMaterial mat, const char par[], PetscReal *value, PetscBool set)
{
  const char *type      = ((PetscObject)mat)->type_name;
  char        list[256] = "";
  PetscInt    c, t = -1, q = -1;

  PetscFunctionBegin;
  for (c = 0; c < (PetscInt)PETSC_STATIC_ARRAY_LENGTH(MaterialCommon); c++) {
    if (!strcmp(par, MaterialCommon[c])) break;
    ListAdd(list, sizeof(list), MaterialCommon[c]);
  }
  for (PetscInt i = 0; type && i < (PetscInt)PETSC_STATIC_ARRAY_LENGTH(MaterialTypes); i++)
    if (!strcmp(type, MaterialTypes[i].type)) t = i;
  for (PetscInt i = 0; t >= 0 && i < MaterialTypes[t].n; i++) {
    if (!strcmp(par, MaterialTypes[t].name[i])) q = i;
    ListAdd(list, sizeof(list), MaterialTypes[t].name[i]);
  }
  if (t < 0 && c == (PetscInt)PETSC_STATIC_ARRAY_LENGTH(MaterialCommon)) { /* a type that declares its parameters */
    for (PetscInt i = 0; i < mat->nparamdoc; i++) {
      if (!strcmp(par, mat->paramdoc[i].name)) {
        if (set)
          PetscCall(GWMaterialSetParameterByName(mat, par, *value));
        else
          PetscCall(GWMaterialGetParameterByName(mat, par, value));
        PetscFunctionReturn(0);
      }
      ListAdd(list, sizeof(list), mat->paramdoc[i].name);
    }
  }
  PetscCheck(c < (PetscInt)PETSC_STATIC_ARRAY_LENGTH(MaterialCommon) || q >= 0, PetscObjectComm((PetscObject)m), PETSC_ERR_ARG_UNKNOWN_TYPE, "Unknown parameter path \"%s\": material \"%s\" (%s) has no parameter \"%s\"; its parameters are: %s", path, GWMaterialName_Private(mat), type ? type : "no type", par, list);
  if (q >= 0) {
    PetscReal p[GW_MATERIAL_MAXPARAM];
    if (!set) {
      PetscCheck(mat->pset, PetscObjectComm((PetscObject)m), PETSC_ERR_ARG_WRONGSTATE, "Parameter \"%s\": the %s parameters of material \"%s\" have not been set", path, type, GWMaterialName_Private(mat));
      *value = mat->p[q];
      PetscFunctionReturn(0);
    }
    PetscCall(PetscArraycpy(p, mat->p, GW_MATERIAL_MAXPARAM));
    p[q] = *value;
    PetscCall(MaterialTypes[t].set(mat, p));
  } else if (c <= 4) { /* K and Ks scale kx, ky and kz together, keeping the anisotropy ratios */
    PetscInt  d = c <= 2 ? 0 : c - 2;
    PetscReal K[3];
    if (!set) {
      *value = mat->K[d];
      PetscFunctionReturn(0);
    }
    PetscCall(PetscArraycpy(K, mat->K, 3));
    if (c <= 1) {
      PetscCheck(mat->K[0] > 0, PetscObjectComm((PetscObject)m), PETSC_ERR_ARG_WRONGSTATE, "Parameter \"%s\": material \"%s\" has no conductivity yet to scale; set kx, ky and kz first", path, GWMaterialName_Private(mat));
      K[1] = *value * (mat->K[1] / mat->K[0]);
      K[2] = *value * (mat->K[2] / mat->K[0]);
    }
    K[d] = *value;
    PetscCall(GWMaterialSetHydraulicConductivity(mat, K[0], K[1], K[2]));
  } else if (c <= 6) {
    PetscReal th[2] = {mat->theta_r, mat->theta_s};
    if (!set) {
      *value = th[c - 5];
      PetscFunctionReturn(0);
    }
    th[c - 5] = *value;
    PetscCall(GWMaterialSetWaterContentLimits(mat, th[0], th[1]));
  } else if (set)
    PetscCall(GWMaterialSetSpecificStorage(mat, *value));
  else
    PetscCall(GWMaterialGetSpecificStorage(mat, value));
  PetscFunctionReturn(0);
}

/* Gets or sets parameter par of package pkg: a declared parameter, or "value" for a constant value. */
static PetscErrorCode PackageParameter(GWModel m, const char path[], GWPackage pkg, const char par[], PetscReal *value, PetscBool set)
{
  char      list[512];
  PetscInt  idx      = GWPackageSlotIndex_Private(pkg->nparam, pkg->paramdoc, par, list, sizeof(list));
  PetscBool hasvalue = (PetscBool)(pkg->needs_value || pkg->nsched > 0);

  PetscFunctionBegin;
  {
    size_t l = strlen(par), ls = strlen("_multiplier");
    if (l > ls && !strcmp(par + l - ls, "_multiplier")) { /* a multiplier of a per-cell field or list */
      char       base[256];
      PetscReal *mult;
      PetscCall(PetscStrncpy(base, par, PetscMin(l - ls + 1, sizeof(base))));
      if (!strcmp(base, "value")) {
        PetscCheck(pkg->value_field, PetscObjectComm((PetscObject)m), PETSC_ERR_ARG_UNKNOWN_TYPE, "Unknown parameter path \"%s\": package %s has no value field to multiply (GWPackageSetValueField())", path, ((PetscObject)pkg)->name);
        mult = &pkg->value_mult;
      } else {
        PetscInt b = GWPackageSlotIndex_Private(pkg->nparam, pkg->paramdoc, base, list, sizeof(list));
        PetscCheck(b >= 0 && pkg->param_cell && (pkg->param_field[b] || pkg->param_cell[b]), PetscObjectComm((PetscObject)m), PETSC_ERR_ARG_UNKNOWN_TYPE, "Unknown parameter path \"%s\": package %s has no per-cell %s to multiply (GWPackageSetParameterField() or GWPackageSetParameterValues())", path, ((PetscObject)pkg)->name, base);
        mult = &pkg->param_mult[b];
      }
      if (!set) {
        *value = *mult;
        PetscFunctionReturn(0);
      }
      PetscCheck(PetscIsNormalReal(*value) || *value == 0, PetscObjectComm((PetscObject)m), PETSC_ERR_ARG_OUTOFRANGE, "Parameter \"%s\": a multiplier must be finite, got %g", path, (double)*value);
      *mult = *value;
      if (m->setupcalled) PetscCall(GWPackageSetUp_Private(pkg, m));
      PetscFunctionReturn(0);
    }
  }
  if (hasvalue && !strcmp(par, "value")) {
    if (set)
      PetscCall(GWPackageSetValue(pkg, *value));
    else {
      PetscCheck(pkg->nsched == 1, PetscObjectComm((PetscObject)m), PETSC_ERR_ARG_WRONGSTATE, "Parameter \"%s\": package %s has a schedule of %" PetscInt_FMT " values, not one constant value; read it with GWPackageGetSchedule()", path, ((PetscObject)pkg)->name, pkg->nsched);
      *value = pkg->vsched[0];
      PetscFunctionReturn(0);
    }
  } else {
    if (hasvalue) {
      if (!strcmp(list, "none")) list[0] = 0;
      ListAdd(list, sizeof(list), "value");
    }
    PetscCheck(idx >= 0, PetscObjectComm((PetscObject)m), PETSC_ERR_ARG_UNKNOWN_TYPE, "Unknown parameter path \"%s\": package %s (%s) has no parameter \"%s\"; its parameters are: %s", path, ((PetscObject)pkg)->name, ((PetscObject)pkg)->type_name ? ((PetscObject)pkg)->type_name : "no type", par, list);
    if (!set) {
      PetscCall(GWPackageGetParameter(pkg, par, value));
      PetscFunctionReturn(0);
    }
    PetscCall(GWPackageSetParameter(pkg, par, *value));
  }
  /* quantities the type derives from its parameters at set-up (e.g. root shares) follow, and the
     type checks the new value */
  if (m->setupcalled) PetscCall(GWPackageSetUp_Private(pkg, m));
  PetscFunctionReturn(0);
}

/* Splits path into "<group>.<name>.<parameter>" (the name may itself contain dots) and gets or sets it. */
static PetscErrorCode ModelParameter(GWModel m, const char path[], PetscReal *value, PetscBool set)
{
  const char *first, *last;
  char        name[256], list[512] = "";
  PetscBool   ismat, ispkg;
  PetscInt    n;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(m, GWMODEL_CLASSID, 1);
  PetscValidCharPointer(path, 2);
  PetscValidRealPointer(value, 3);
  first = strchr(path, '.');
  last  = strrchr(path, '.');
  ismat = (PetscBool)(first && (size_t)(first - path) == strlen("materials") && !strncmp(path, "materials", (size_t)(first - path)));
  ispkg = (PetscBool)(first && (size_t)(first - path) == strlen("packages") && !strncmp(path, "packages", (size_t)(first - path)));
  PetscCheck(ismat || ispkg, PetscObjectComm((PetscObject)m), PETSC_ERR_ARG_UNKNOWN_TYPE, "Unknown parameter path \"%s\": it must start with one of: materials, packages (as in \"materials.<material name>.K\" or \"packages.<package name>.<parameter>\")", path);
  PetscCheck(last > first && last[1], PetscObjectComm((PetscObject)m), PETSC_ERR_ARG_UNKNOWN_TYPE, "Unknown parameter path \"%s\": give \"%s.<name>.<parameter>\"", path, ismat ? "materials" : "packages");
  n = (PetscInt)(last - first - 1);
  PetscCheck(n < (PetscInt)sizeof(name), PetscObjectComm((PetscObject)m), PETSC_ERR_ARG_OUTOFRANGE, "Parameter path \"%s\": the name is longer than %d characters", path, (int)sizeof(name) - 1);
  PetscCall(PetscStrncpy(name, first + 1, (size_t)n + 1));
  if (ismat) {
    for (PetscInt i = 0; i < m->nmat; i++) {
      const char *mname = ((PetscObject)m->mat[i])->name;
      if (mname && !strcmp(mname, name)) {
        PetscCall(MaterialParameter(m, path, m->mat[i], last + 1, value, set));
        /* package entries cache conductivities and well weights */
        if (set && m->setupcalled)
          for (PetscInt p = 0; p < m->npkg; p++) PetscCall(GWPackageSetUp_Private(m->pkg[p], m));
        PetscFunctionReturn(0);
      }
      ListAdd(list, sizeof(list), mname ? mname : "(unnamed)");
    }
  } else {
    for (PetscInt i = 0; i < m->npkg; i++) {
      const char *pname = ((PetscObject)m->pkg[i])->name;
      if (pname && !strcmp(pname, name)) {
        PetscCall(PackageParameter(m, path, m->pkg[i], last + 1, value, set));
        PetscFunctionReturn(0);
      }
      ListAdd(list, sizeof(list), pname ? pname : "(unnamed)");
    }
  }
  SETERRQ(PetscObjectComm((PetscObject)m), PETSC_ERR_ARG_UNKNOWN_TYPE, "Unknown parameter path \"%s\": the model has no %s named \"%s\"; its %s are: %s", path, ismat ? "material" : "package", name, ismat ? "materials" : "packages", list[0] ? list : "none");
}

/*@C
  GWModelSetParameter - sets a model parameter given by its path, updating every quantity the
  model derived from it at set-up

  Logically collective; collective after GWModelSetUp() (package entries are rebuilt)

  Input Parameters:
+ model - the model
. path - "materials.<material name>.<parameter>" or "packages.<package name>.<parameter>"
- value - the value in SI units

  Notes:
  Material parameters (set through the material's own setters, which check them):
  K or Ks [m/s] sets kx to the value and ky, kz so that ky/kx and kz/kx stay (for an isotropic
  material all three become the value); kx, ky, kz [m/s]; theta_r, theta_s [-]; Ss [1/m]; and
  those of the constitutive model: van-genuchten alpha [1/m], n [-]; brooks-corey psi_b [m],
  lambda [-]; gardner alpha [1/m]; haverkamp A [m^beta], beta [-], B [m^gamma], gamma [-].
  Package parameters: those the type declares (GWPackageDescribe() lists them with units, as
  GWPackageSetParameter()), and "value" for a package with a value, which becomes constant in
  time (GWPackageSetValue()).
  After set-up, changing a material rebuilds the entries of every package (their conductivity
  and well weights), changing a package rebuilds that package's entries; the state is kept, so
  call GWModelReset() to run again from the start. A package value or parameter given per cell
  (a field, GWPackageSetValueField() / GWPackageSetParameterField(), e.g. read from NetCDF, or a
  list) has a multiplier, 1 by default: "packages.<name>.value_multiplier" and
  "packages.<name>.<parameter>_multiplier".

  Errors:
  PETSC_ERR_ARG_UNKNOWN_TYPE for an unknown path, listing the valid names at the level that
  failed (groups, material or package names, parameters); the setters' errors for a value out of
  range (e.g. PETSC_ERR_ARG_OUTOFRANGE for a negative conductivity).

  Level: intermediate

.seealso: `GWModelGetParameter()`, `GWModelReset()`, `GWPackageSetParameter()`, `GWMaterialSetHydraulicConductivity()`
@*/
PetscErrorCode GWModelSetParameter(GWModel model, const char path[], PetscReal value)
{
  PetscFunctionBegin;
  PetscCall(ModelParameter(model, path, &value, PETSC_TRUE));
  model->qvalid = PETSC_FALSE; /* stored face fluxes depend on conductivities */
  model->tvalid = model->cons_valid = PETSC_FALSE;
  PetscFunctionReturn(0);
}

/*@C
  GWModelGetParameter - gets a model parameter given by its path

  Not collective

  Input Parameters:
+ model - the model
- path - "materials.<material name>.<parameter>" or "packages.<package name>.<parameter>", as in
         GWModelSetParameter()

  Output Parameter:
. value - the value in SI units (K and Ks give kx; NaN for a required package parameter not given)

  Errors:
  PETSC_ERR_ARG_UNKNOWN_TYPE for an unknown path, listing the valid names at the level that
  failed; PETSC_ERR_ARG_WRONGSTATE for "value" of a package with a schedule of several values, or
  a constitutive parameter not yet set.

  Level: intermediate

.seealso: `GWModelSetParameter()`
@*/
PetscErrorCode GWModelGetParameter(GWModel model, const char path[], PetscReal *value)
{
  PetscFunctionBegin;
  PetscCall(ModelParameter(model, path, value, PETSC_FALSE));
  PetscFunctionReturn(0);
}
