/* GWMaterial: class registration, type dispatch, common parameters and derived quantities. */
#include <gw/private/materialimpl.h>

PetscClassId             GWMATERIAL_CLASSID           = 0;
static PetscFunctionList GWMaterialList               = NULL;
static PetscBool         GWMaterialPackageInitialized = PETSC_FALSE;
static PetscBool         GWMaterialRegisterAllCalled  = PETSC_FALSE;

/* Built-in types and the setter that gives their parameters, for error messages. */
static const char *const GWMaterialSetters[][2] = {
    {GWMATERIALVANGENUCHTEN, "GWMaterialVanGenuchtenSetParameters()"},
    {GWMATERIALBROOKSCOREY, "GWMaterialBrooksCoreySetParameters()"},
    {GWMATERIALGARDNER, "GWMaterialGardnerSetParameters()"},
    {GWMATERIALHAVERKAMP, "GWMaterialHaverkampSetParameters()"},
};

static PetscErrorCode GWMaterialFinalizePackage(void)
{
  PetscFunctionBegin;
  PetscCall(PetscFunctionListDestroy(&GWMaterialList));
  GWMaterialPackageInitialized = PETSC_FALSE;
  GWMaterialRegisterAllCalled  = PETSC_FALSE;
  PetscFunctionReturn(0);
}

static PetscErrorCode GWMaterialInitializePackage(void)
{
  PetscFunctionBegin;
  if (GWMaterialPackageInitialized) PetscFunctionReturn(0);
  GWMaterialPackageInitialized = PETSC_TRUE;
  PetscCall(PetscClassIdRegister("GW Material", &GWMATERIAL_CLASSID));
  PetscCall(GWMaterialRegisterAll_Private());
  PetscCall(PetscRegisterFinalize(GWMaterialFinalizePackage));
  PetscFunctionReturn(0);
}

PetscErrorCode GWMaterialRegisterAll_Private(void)
{
  PetscFunctionBegin;
  if (GWMaterialRegisterAllCalled) PetscFunctionReturn(0);
  GWMaterialRegisterAllCalled = PETSC_TRUE;
  PetscCall(PetscFunctionListAdd(&GWMaterialList, GWMATERIALVANGENUCHTEN, GWMaterialCreate_VanGenuchten));
  PetscCall(PetscFunctionListAdd(&GWMaterialList, GWMATERIALBROOKSCOREY, GWMaterialCreate_BrooksCorey));
  PetscCall(PetscFunctionListAdd(&GWMaterialList, GWMATERIALGARDNER, GWMaterialCreate_Gardner));
  PetscCall(PetscFunctionListAdd(&GWMaterialList, GWMATERIALHAVERKAMP, GWMaterialCreate_Haverkamp));
  PetscFunctionReturn(0);
}

/*@C
  GWMaterialRegister - Adds a constitutive model (a `GWMaterialType`) that `GWMaterialSetType()` can select

  Not Collective

  Input Parameters:
+ name   - name of the model, e.g. "my-soil"
- create - routine that fills mat->ops (evaluate and check are required, view optional); it is called
           with the parameters zeroed and mat->pset false

  Level: advanced

.seealso: `GWMaterialSetType()`, `GWMaterialCreate()`
@*/
PetscErrorCode GWMaterialRegister(const char name[], PetscErrorCode (*create)(GWMaterial))
{
  PetscFunctionBegin;
  PetscCall(GWMaterialInitializePackage());
  PetscCall(PetscFunctionListAdd(&GWMaterialList, name, create));
  PetscFunctionReturn(0);
}

/*@C
  GWMaterialGetTypeNames - Gets the names of the registered constitutive models, built-in and added
  by `GWMaterialRegister()`

  Not Collective

  Output Parameters:
+ n     - number of types
- names - array [n] of the names, in order of registration; free the array (not the names) with
          `PetscFree()`

  Level: intermediate

.seealso: `GWMaterialRegister()`, `GWMaterialSetType()`
@*/
PetscErrorCode GWMaterialGetTypeNames(PetscInt *n, const char **names[])
{
  const char **all;
  int          nall;

  PetscFunctionBegin;
  PetscValidIntPointer(n, 1);
  PetscValidPointer(names, 2);
  PetscCall(GWMaterialInitializePackage());
  PetscCall(PetscFunctionListGet(GWMaterialList, &all, &nall));
  *n = 0;
  for (int i = 0; i < nall; i++) /* PETSc 3.18 ends the array with a NULL entry */
    if (all[i]) all[(*n)++] = all[i];
  *names = all;
  PetscFunctionReturn(0);
}

/*@
  GWMaterialCreate - Creates a porous-medium material with no constitutive model yet

  Collective

  Input Parameter:
. comm - MPI communicator

  Output Parameter:
. mat - the material

  Notes:
  Defaults: theta_r = 0, theta_s = 0.35, kx = ky = kz = 1e-5 m/s, Ss = 0 1/m. The constitutive model
  must be chosen with `GWMaterialSetType()` and its parameters given with the matching setter.

  Level: beginner

.seealso: `GWMaterialSetType()`, `GWMaterialDestroy()`, `GWMaterialVanGenuchtenSetParameters()`
@*/
PetscErrorCode GWMaterialCreate(MPI_Comm comm, GWMaterial *mat)
{
  GWMaterial m;

  PetscFunctionBegin;
  PetscValidPointer(mat, 2);
  *mat = NULL;
  PetscCall(GWMaterialInitializePackage());
  PetscCall(PetscHeaderCreate(m, GWMATERIAL_CLASSID, "GWMaterial", "Porous medium", "GWMaterial", comm, GWMaterialDestroy, GWMaterialView));
  m->theta_r = 0.0;
  m->theta_s = 0.35;
  m->K[0] = m->K[1] = m->K[2] = 1.0e-5;
  m->Ss                       = 0.0;
  m->pset                     = PETSC_FALSE;
  *mat                        = m;
  PetscFunctionReturn(0);
}

/*@
  GWMaterialDestroy - Releases a reference to a material; frees it when the last reference goes

  Collective

  Input Parameter:
. mat - the material (may point to NULL); set to NULL on return

  Level: beginner

.seealso: `GWMaterialCreate()`
@*/
PetscErrorCode GWMaterialDestroy(GWMaterial *mat)
{
  PetscFunctionBegin;
  if (!mat || !*mat) PetscFunctionReturn(0);
  PetscValidHeaderSpecific(*mat, GWMATERIAL_CLASSID, 1);
  if (--((PetscObject)(*mat))->refct > 0) {
    *mat = NULL;
    PetscFunctionReturn(0);
  }
  PetscCall(PetscHeaderDestroy(mat));
  PetscFunctionReturn(0);
}

/*@C
  GWMaterialSetType - Chooses the constitutive model Se(psi), kr(psi) of a material

  Logically Collective

  Input Parameters:
+ mat  - the material
- type - `GWMATERIALVANGENUCHTEN`, `GWMATERIALBROOKSCOREY`, `GWMATERIALGARDNER`, `GWMATERIALHAVERKAMP` or a registered type

  Errors:
  `PETSC_ERR_ARG_UNKNOWN_TYPE` if the type is unknown; the message lists the valid types.

  Notes:
  Changing the type discards the previous model's parameters; set them again with the typed setter.

  Level: beginner

.seealso: `GWMaterialGetType()`, `GWMaterialRegister()`
@*/
PetscErrorCode GWMaterialSetType(GWMaterial mat, GWMaterialType type)
{
  PetscErrorCode (*create)(GWMaterial) = NULL;
  PetscBool same;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(mat, GWMATERIAL_CLASSID, 1);
  PetscValidCharPointer(type, 2);
  PetscCall(PetscObjectTypeCompare((PetscObject)mat, type, &same));
  if (same) PetscFunctionReturn(0);
  PetscCall(GWMaterialInitializePackage());
  PetscCall(PetscFunctionListFind(GWMaterialList, type, &create));
  if (!create) {
    char list[512];

    PetscCall(GWTypeNamesJoin_Private(GWMaterialGetTypeNames, list, sizeof(list)));
    SETERRQ(PetscObjectComm((PetscObject)mat), PETSC_ERR_ARG_UNKNOWN_TYPE, "Unknown constitutive model \"%s\" for material \"%s\"; valid types are: %s", type, GWMaterialName_Private(mat), list);
  }
  PetscCall(PetscMemzero(mat->ops, sizeof(struct _GWMaterialOps)));
  PetscCall(PetscArrayzero(mat->p, GW_MATERIAL_MAXPARAM));
  PetscCall(PetscArrayzero(mat->pgiven, GW_MATERIAL_MAXPARAM));
  mat->pset      = PETSC_FALSE;
  mat->nparamdoc = 0;
  mat->paramdoc  = NULL;
  PetscCall(PetscObjectChangeTypeName((PetscObject)mat, type));
  PetscCall((*create)(mat));
  PetscFunctionReturn(0);
}

/*@C
  GWMaterialGetType - Gets the name of the constitutive model (NULL if not set)

  Not Collective

  Input Parameter:
. mat - the material

  Output Parameter:
. type - the type name

  Level: beginner

.seealso: `GWMaterialSetType()`
@*/
PetscErrorCode GWMaterialGetType(GWMaterial mat, GWMaterialType *type)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(mat, GWMATERIAL_CLASSID, 1);
  PetscValidPointer(type, 2);
  *type = ((PetscObject)mat)->type_name;
  PetscFunctionReturn(0);
}

/*@C
  GWMaterialView - Prints the material: type, name and parameters with their units

  Collective

  Input Parameters:
+ mat    - the material
- viewer - an ASCII viewer, or NULL for standard output

  Level: beginner

.seealso: `GWMaterialCreate()`
@*/
PetscErrorCode GWMaterialView(GWMaterial mat, PetscViewer viewer)
{
  PetscBool ascii;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(mat, GWMATERIAL_CLASSID, 1);
  if (!viewer) PetscCall(PetscViewerASCIIGetStdout(PetscObjectComm((PetscObject)mat), &viewer));
  PetscValidHeaderSpecific(viewer, PETSC_VIEWER_CLASSID, 2);
  PetscCall(PetscObjectTypeCompare((PetscObject)viewer, PETSCVIEWERASCII, &ascii));
  if (!ascii) PetscFunctionReturn(0);
  PetscCall(PetscObjectPrintClassNamePrefixType((PetscObject)mat, viewer));
  PetscCall(PetscViewerASCIIPushTab(viewer));
  PetscCall(PetscViewerASCIIPrintf(viewer, "water content: residual theta_r = %g, saturated theta_s = %g [-]\n", (double)mat->theta_r, (double)mat->theta_s));
  PetscCall(PetscViewerASCIIPrintf(viewer, "saturated hydraulic conductivity: kx = %g, ky = %g, kz = %g m/s\n", (double)mat->K[0], (double)mat->K[1], (double)mat->K[2]));
  PetscCall(PetscViewerASCIIPrintf(viewer, "specific storage: Ss = %g 1/m\n", (double)mat->Ss));
  if (mat->pset)
    PetscTryTypeMethod(mat, view, viewer);
  else
    PetscCall(PetscViewerASCIIPrintf(viewer, "constitutive parameters: not set\n"));
  PetscCall(PetscViewerASCIIPopTab(viewer));
  PetscFunctionReturn(0);
}

PetscErrorCode GWMaterialCheckPositive_Private(GWMaterial mat, const char what[], PetscReal v, const char units[], const char hint[])
{
  PetscFunctionBegin;
  PetscCheck(v > 0 && !PetscIsInfOrNanReal(v), PetscObjectComm((PetscObject)mat), PETSC_ERR_ARG_OUTOFRANGE, "%s = %g %s for material \"%s\" must be positive and finite; %s", what, (double)v, units, GWMaterialName_Private(mat), hint);
  PetscFunctionReturn(0);
}

PetscErrorCode GWMaterialCheckTypeIs_Private(GWMaterial mat, GWMaterialType type, const char caller[], PetscBool needparams)
{
  const char *has = ((PetscObject)mat)->type_name, *setter = "the parameter setter of that type";
  PetscBool   same;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(mat, GWMATERIAL_CLASSID, 1);
  PetscCheck(has, PetscObjectComm((PetscObject)mat), PETSC_ERR_ARG_WRONGSTATE, "%s: material \"%s\" has no constitutive model yet; call GWMaterialSetType(mat, \"%s\") first", caller, GWMaterialName_Private(mat), type);
  PetscCall(PetscStrcmp(has, type, &same));
  if (!same) {
    for (size_t i = 0; i < sizeof(GWMaterialSetters) / sizeof(GWMaterialSetters[0]); i++) {
      PetscCall(PetscStrcmp(has, GWMaterialSetters[i][0], &same));
      if (same) setter = GWMaterialSetters[i][1];
    }
    SETERRQ(PetscObjectComm((PetscObject)mat), PETSC_ERR_ARG_WRONG, "%s applies to \"%s\" materials, but material \"%s\" is of type \"%s\"; give its parameters with %s, or call GWMaterialSetType(mat, \"%s\") first", caller, type, GWMaterialName_Private(mat), has, setter, type);
  }
  PetscCheck(!needparams || mat->pset, PetscObjectComm((PetscObject)mat), PETSC_ERR_ARG_WRONGSTATE, "%s: the %s parameters of material \"%s\" have not been set", caller, type, GWMaterialName_Private(mat));
  PetscFunctionReturn(0);
}

PetscErrorCode GWMaterialCheck_Private(GWMaterial mat)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(mat, GWMATERIAL_CLASSID, 1);
  PetscCheck(((PetscObject)mat)->type_name && mat->ops->evaluate, PetscObjectComm((PetscObject)mat), PETSC_ERR_ARG_WRONGSTATE, "Material \"%s\" has no constitutive model; call GWMaterialSetType(), e.g. with GWMATERIALVANGENUCHTEN", GWMaterialName_Private(mat));
  PetscCheck(mat->pset, PetscObjectComm((PetscObject)mat), PETSC_ERR_ARG_WRONGSTATE, "Material \"%s\" of type \"%s\" has no constitutive parameters; give them with the setter of its type, e.g. GWMaterialVanGenuchtenSetParameters()", GWMaterialName_Private(mat), ((PetscObject)mat)->type_name);
  if (mat->ops->check) PetscCall((*mat->ops->check)(mat));
  PetscFunctionReturn(0);
}

/*@
  GWMaterialSetWaterContentLimits - Sets residual and saturated volumetric water content

  Logically Collective

  Input Parameters:
+ mat     - the material
. theta_r - residual water content [-], 0 <= theta_r < theta_s
- theta_s - saturated water content (effective porosity) [-], theta_s <= 1

  Errors:
  `PETSC_ERR_ARG_OUTOFRANGE` unless 0 <= theta_r < theta_s <= 1.

  Level: beginner

.seealso: `GWMaterialGetWaterContentLimits()`, `GWMaterialGetWaterContent()`
@*/
PetscErrorCode GWMaterialSetWaterContentLimits(GWMaterial mat, PetscReal theta_r, PetscReal theta_s)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(mat, GWMATERIAL_CLASSID, 1);
  PetscCheck(theta_r >= 0 && theta_r < theta_s && theta_s <= 1, PetscObjectComm((PetscObject)mat), PETSC_ERR_ARG_OUTOFRANGE, "Water contents of material \"%s\" must satisfy 0 <= theta_r < theta_s <= 1 (volume fractions, not percent); got theta_r = %g, theta_s = %g", GWMaterialName_Private(mat), (double)theta_r, (double)theta_s);
  mat->theta_r = theta_r;
  mat->theta_s = theta_s;
  PetscFunctionReturn(0);
}

/*@
  GWMaterialGetWaterContentLimits - Gets residual and saturated volumetric water content [-]

  Not Collective

  Input Parameter:
. mat - the material

  Output Parameters:
+ theta_r - residual water content [-] (may be NULL)
- theta_s - saturated water content [-] (may be NULL)

  Level: beginner

.seealso: `GWMaterialSetWaterContentLimits()`
@*/
PetscErrorCode GWMaterialGetWaterContentLimits(GWMaterial mat, PetscReal *theta_r, PetscReal *theta_s)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(mat, GWMATERIAL_CLASSID, 1);
  if (theta_r) *theta_r = mat->theta_r;
  if (theta_s) *theta_s = mat->theta_s;
  PetscFunctionReturn(0);
}

/*@
  GWMaterialSetHydraulicConductivity - Sets the saturated hydraulic conductivity along the axes

  Logically Collective

  Input Parameters:
+ mat - the material
- kx, ky, kz - principal saturated hydraulic conductivities [m/s], each positive and finite

  Errors:
  `PETSC_ERR_ARG_OUTOFRANGE` if a component is zero, negative, infinite or NaN.

  Level: beginner

.seealso: `GWMaterialGetHydraulicConductivity()`
@*/
PetscErrorCode GWMaterialSetHydraulicConductivity(GWMaterial mat, PetscReal kx, PetscReal ky, PetscReal kz)
{
  const char *hint = "give K in m/s (e.g. 1e-4 for sand, 1e-9 for clay); use a very small value, not 0, for a near-impermeable unit";

  PetscFunctionBegin;
  PetscValidHeaderSpecific(mat, GWMATERIAL_CLASSID, 1);
  PetscCall(GWMaterialCheckPositive_Private(mat, "Hydraulic conductivity kx", kx, "m/s", hint));
  PetscCall(GWMaterialCheckPositive_Private(mat, "Hydraulic conductivity ky", ky, "m/s", hint));
  PetscCall(GWMaterialCheckPositive_Private(mat, "Hydraulic conductivity kz", kz, "m/s", hint));
  mat->K[0] = kx;
  mat->K[1] = ky;
  mat->K[2] = kz;
  PetscFunctionReturn(0);
}

/*@
  GWMaterialGetHydraulicConductivity - Gets the saturated hydraulic conductivity [m/s] along the axes

  Not Collective

  Input Parameter:
. mat - the material

  Output Parameters:
. kx, ky, kz - conductivities [m/s] (each may be NULL)

  Level: beginner

.seealso: `GWMaterialSetHydraulicConductivity()`
@*/
PetscErrorCode GWMaterialGetHydraulicConductivity(GWMaterial mat, PetscReal *kx, PetscReal *ky, PetscReal *kz)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(mat, GWMATERIAL_CLASSID, 1);
  if (kx) *kx = mat->K[0];
  if (ky) *ky = mat->K[1];
  if (kz) *kz = mat->K[2];
  PetscFunctionReturn(0);
}

/*@
  GWMaterialSetSpecificStorage - Sets the specific storage Ss [1/m] (0 for a rigid matrix and incompressible water)

  Logically Collective

  Input Parameters:
+ mat - the material
- Ss  - specific storage [1/m], >= 0 and finite

  Level: beginner

.seealso: `GWMaterialGetSpecificStorage()`
@*/
PetscErrorCode GWMaterialSetSpecificStorage(GWMaterial mat, PetscReal Ss)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(mat, GWMATERIAL_CLASSID, 1);
  PetscCheck(Ss >= 0 && !PetscIsInfOrNanReal(Ss), PetscObjectComm((PetscObject)mat), PETSC_ERR_ARG_OUTOFRANGE, "Specific storage Ss = %g 1/m for material \"%s\" must be >= 0 and finite; typical values are 1e-6 to 1e-3 1/m", (double)Ss, GWMaterialName_Private(mat));
  mat->Ss = Ss;
  PetscFunctionReturn(0);
}

/*@
  GWMaterialGetSpecificStorage - Gets the specific storage Ss [1/m]

  Not Collective

  Input Parameter:
. mat - the material

  Output Parameter:
. Ss - specific storage [1/m]

  Level: beginner

.seealso: `GWMaterialSetSpecificStorage()`
@*/
PetscErrorCode GWMaterialGetSpecificStorage(GWMaterial mat, PetscReal *Ss)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(mat, GWMATERIAL_CLASSID, 1);
  PetscValidRealPointer(Ss, 2);
  *Ss = mat->Ss;
  PetscFunctionReturn(0);
}

/*@
  GWMaterialEvaluate - Effective saturation and relative permeability, with exact derivatives, at a pressure head

  Not Collective

  Input Parameters:
+ mat - the material, with type and parameters set
- psi - pressure head [m] (negative when unsaturated)

  Output Parameters (each may be NULL):
+ Se  - effective saturation (theta - theta_r)/(theta_s - theta_r) [-]
. dSe - dSe/dpsi [1/m]
. kr  - relative permeability K(psi)/Ks [-]
- dkr - dkr/dpsi [1/m]

  Errors:
  `PETSC_ERR_ARG_WRONGSTATE` if the type or its parameters are not set; `PETSC_ERR_FP` if psi is Inf or NaN.

  Notes:
  For psi >= 0 every model gives Se = kr = 1 and zero derivatives. The formulas and sources are on the
  manual pages of the types (`GWMATERIALVANGENUCHTEN` etc.).

  Level: intermediate

.seealso: `GWMaterialGetWaterContent()`, `GWMaterialGetSaturation()`, `GWMaterialGetRelativePermeability()`
@*/
PetscErrorCode GWMaterialEvaluate(GWMaterial mat, PetscReal psi, PetscReal *Se, PetscReal *dSe, PetscReal *kr, PetscReal *dkr)
{
  PetscReal se, dse, k, dk;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(mat, GWMATERIAL_CLASSID, 1);
  PetscCheck(mat->ops->evaluate, PETSC_COMM_SELF, PETSC_ERR_ARG_WRONGSTATE, "Material \"%s\" has no constitutive model; call GWMaterialSetType() before evaluating it", GWMaterialName_Private(mat));
  PetscCheck(mat->pset, PETSC_COMM_SELF, PETSC_ERR_ARG_WRONGSTATE, "Material \"%s\" of type \"%s\" has no constitutive parameters; give them with the setter of its type before evaluating it", GWMaterialName_Private(mat), ((PetscObject)mat)->type_name);
  PetscCheck(!PetscIsInfOrNanReal(psi), PETSC_COMM_SELF, PETSC_ERR_FP, "Pressure head %g m given to material \"%s\" is not a finite number; the flow solve has probably diverged (try a smaller time step)", (double)psi, GWMaterialName_Private(mat));
  PetscCall((*mat->ops->evaluate)(mat, psi, &se, &dse, &k, &dk));
  if (Se) *Se = se;
  if (dSe) *dSe = dse;
  if (kr) *kr = k;
  if (dkr) *dkr = dk;
  PetscFunctionReturn(0);
}

/*@
  GWMaterialGetSaturationChange - Change of effective saturation between two pressure heads, Se(psi) - Se(psio), without cancellation

  Not Collective

  Input Parameters:
+ mat  - the material, with type and parameters set
. psi  - pressure head [m]
- psio - pressure head at the start of the time step [m]

  Output Parameter:
. dSe - Se(psi) - Se(psio) [-]

  Errors:
  As `GWMaterialEvaluate()`.

  Notes:
  The storage term of the mixed-form Richards equation (Celia et al. 1990, Water Resour. Res.
  26(7), eq. 7) holds theta(psi) - theta(psio) = (theta_s - theta_r) dSe. Subtracting two values
  of Se near 1 loses eps (1 ulp of Se, 1.1e-16) absolutely, which over a short step is a large
  volume rate: V theta / dt, 1e5 m^3/s for a 10 m cell of 1.25e5 m^3 over 0.38 s, leaves 1e-11
  m^3/s per cell unbalanced, and a few hundred such cells more than 1e-10 of the step's flows. A
  type with a cancellation-free form (`GWMATERIALVANGENUCHTEN`) gives dSe to a few ulps of dSe
  itself; the others subtract the two values.

  Level: developer

.seealso: `GWMaterialEvaluate()`, `GWMaterialGetWaterContent()`
@*/
PetscErrorCode GWMaterialGetSaturationChange(GWMaterial mat, PetscReal psi, PetscReal psio, PetscReal *dSe)
{
  PetscReal se, seo;

  PetscFunctionBegin;
  PetscCall(GWMaterialEvaluate(mat, psio, &seo, NULL, NULL, NULL)); /* checks the material and psio */
  if (mat->ops->sechange) {
    PetscCheck(!PetscIsInfOrNanReal(psi), PETSC_COMM_SELF, PETSC_ERR_FP, "Pressure head %g m given to material \"%s\" is not a finite number; the flow solve has probably diverged (try a smaller time step)", (double)psi, GWMaterialName_Private(mat));
    PetscCall((*mat->ops->sechange)(mat, psi, psio, dSe));
  } else {
    PetscCall(GWMaterialEvaluate(mat, psi, &se, NULL, NULL, NULL));
    *dSe = se - seo;
  }
  PetscFunctionReturn(0);
}

/*@
  GWMaterialGetWaterContent - Volumetric water content theta = theta_r + (theta_s - theta_r) Se(psi) and its derivative

  Not Collective

  Input Parameters:
+ mat - the material
- psi - pressure head [m]

  Output Parameters (each may be NULL):
+ theta  - volumetric water content [-]
- dtheta - specific moisture capacity dtheta/dpsi [1/m]

  Level: intermediate

.seealso: `GWMaterialEvaluate()`, `GWMaterialSetWaterContentLimits()`
@*/
PetscErrorCode GWMaterialGetWaterContent(GWMaterial mat, PetscReal psi, PetscReal *theta, PetscReal *dtheta)
{
  PetscReal Se, dSe;

  PetscFunctionBegin;
  PetscCall(GWMaterialEvaluate(mat, psi, &Se, &dSe, NULL, NULL));
  if (theta) *theta = mat->theta_r + (mat->theta_s - mat->theta_r) * Se;
  if (dtheta) *dtheta = (mat->theta_s - mat->theta_r) * dSe;
  PetscFunctionReturn(0);
}

/*@
  GWMaterialGetPressureHead - the pressure head at which the material holds a given volumetric
  water content: the inverse of the retention curve, GWMaterialGetWaterContent()

  Not Collective

  Input Parameters:
+ mat - the material
- theta - volumetric water content [-]

  Output Parameter:
. psi - pressure head [m]: 0 when theta is at or above the water content at psi = 0 (the
        saturated content; a saturated cell's pressure cannot be told from its water content);
        otherwise the psi < 0 with theta(psi) = theta to about 1e-14 relative in |psi|

  Notes:
  Any constitutive model: the retention curve is monotone in psi, so psi is found by bisection on
  ln(-psi) over 1e-9 m < -psi < 1e7 m (64 halvings, to below round-off), not by a closed form of one model. Used to
  start a run from a measured water-content profile (neutron probe, TDR).

  Errors:
  `PETSC_ERR_ARG_OUTOFRANGE` when theta is not above the water content at psi = -1e7 m (about
  theta_r): no pressure head gives it; `PETSC_ERR_FP` when theta is not a finite number.

  Level: intermediate

.seealso: `GWMaterialGetWaterContent()`, `GWMaterialGetWaterContentLimits()`
@*/
PetscErrorCode GWMaterialGetPressureHead(GWMaterial mat, PetscReal theta, PetscReal *psi)
{
  PetscReal lo = PetscLogReal(1e-9), hi = PetscLogReal(1e7), th0 = 0, thdry = 0, th = 0;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(mat, GWMATERIAL_CLASSID, 1);
  PetscValidRealPointer(psi, 3);
  PetscCheck(!PetscIsInfOrNanReal(theta), PETSC_COMM_SELF, PETSC_ERR_FP, "Water content %g given to material \"%s\" is not a finite number", (double)theta, GWMaterialName_Private(mat));
  PetscCall(GWMaterialGetWaterContent(mat, 0.0, &th0, NULL));
  if (theta >= th0) {
    *psi = 0.0;
    PetscFunctionReturn(0);
  }
  PetscCall(GWMaterialGetWaterContent(mat, -1e7, &thdry, NULL));
  PetscCheck(theta > thdry, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "Water content %g is not above what material \"%s\" holds at a pressure head of -1e7 m (%g; residual content %g): no pressure head gives it. Check the value (a volume fraction, not percent) and theta_r", (double)theta, GWMaterialName_Private(mat), (double)thdry, (double)mat->theta_r);
  /* theta(-exp(x)) decreases with x: keep theta(-exp(lo)) > theta >= theta(-exp(hi)) */
  for (PetscInt it = 0; it < 64; it++) {
    PetscReal mid = 0.5 * (lo + hi);
    PetscCall(GWMaterialGetWaterContent(mat, -PetscExpReal(mid), &th, NULL));
    if (th > theta) lo = mid;
    else hi = mid;
  }
  *psi = -PetscExpReal(0.5 * (lo + hi));
  PetscFunctionReturn(0);
}

/*@
  GWMaterialGetSaturation - Water saturation Sw = theta(psi)/theta_s and its derivative

  Not Collective

  Input Parameters:
+ mat - the material
- psi - pressure head [m]

  Output Parameters (each may be NULL):
+ Sw  - water saturation of the pore space [-]
- dSw - dSw/dpsi [1/m]

  Level: intermediate

.seealso: `GWMaterialGetWaterContent()`
@*/
PetscErrorCode GWMaterialGetSaturation(GWMaterial mat, PetscReal psi, PetscReal *Sw, PetscReal *dSw)
{
  PetscReal theta = 0.0, dtheta = 0.0;

  PetscFunctionBegin;
  PetscCall(GWMaterialGetWaterContent(mat, psi, &theta, &dtheta));
  if (Sw) *Sw = theta / mat->theta_s;
  if (dSw) *dSw = dtheta / mat->theta_s;
  PetscFunctionReturn(0);
}

/*@
  GWMaterialGetRelativePermeability - Relative permeability kr(psi) = K(psi)/Ks and its derivative

  Not Collective

  Input Parameters:
+ mat - the material
- psi - pressure head [m]

  Output Parameters (each may be NULL):
+ kr  - relative permeability [-]
- dkr - dkr/dpsi [1/m]

  Level: intermediate

.seealso: `GWMaterialEvaluate()`
@*/
PetscErrorCode GWMaterialGetRelativePermeability(GWMaterial mat, PetscReal psi, PetscReal *kr, PetscReal *dkr)
{
  PetscFunctionBegin;
  PetscCall(GWMaterialEvaluate(mat, psi, NULL, NULL, kr, dkr));
  PetscFunctionReturn(0);
}
