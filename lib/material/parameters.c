/* Constitutive parameters declared by a material type, set and read by name: what lets a type
   registered outside the library take its parameters from a scenario file and the parameter
   registry. */
#include <gw/private/materialimpl.h>
#include <string.h>

/*@C
  GWMaterialDeclareParameters - declares the constitutive parameters of a material type; called by
  the type's create function

  Not collective

  Input Parameters:
+ mat - the material, in its type's create function
. n - number of parameters, at most 4
- doc - array [n] of {name, SI unit, summary}; parameter i is stored in the type's slot p[i]
        (kept by reference: a static array)

  Notes:
  The scenario reader then reads them from `materials[].parameters` ({name: quantity}, converted to
  the unit), and GWModelSetParameter() reaches them as "materials.<material>.<name>". The type's
  check function validates them.

  Level: developer

.seealso: `GWMaterialSetParameterByName()`, `GWMaterialRegister()`
@*/
PetscErrorCode GWMaterialDeclareParameters(GWMaterial mat, PetscInt n, const GWMaterialParameterDoc doc[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(mat, GWMATERIAL_CLASSID, 1);
  PetscCheck(n >= 0 && n <= GW_MATERIAL_MAXPARAM, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "A material type declares at most %d parameters, not %" PetscInt_FMT, GW_MATERIAL_MAXPARAM, n);
  mat->nparamdoc = n;
  mat->paramdoc  = doc;
  PetscFunctionReturn(0);
}

static PetscErrorCode FindParameter(GWMaterial mat, const char name[], PetscInt *idx)
{
  char list[256] = "";

  PetscFunctionBegin;
  *idx = -1;
  for (PetscInt i = 0; i < mat->nparamdoc; i++) {
    if (!strcmp(mat->paramdoc[i].name, name)) *idx = i;
    PetscCall(PetscStrlcat(list, i ? ", " : "", sizeof(list)));
    PetscCall(PetscStrlcat(list, mat->paramdoc[i].name, sizeof(list)));
  }
  PetscCheck(*idx >= 0, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "Material \"%s\" (%s) has no declared parameter \"%s\"; its parameters are: %s", GWMaterialName_Private(mat), ((PetscObject)mat)->type_name ? ((PetscObject)mat)->type_name : "no type", name, mat->nparamdoc ? list : "none declared");
  PetscFunctionReturn(0);
}

/*@C
  GWMaterialSetParameterByName - sets a constitutive parameter the material's type declared

  Not collective

  Input Parameters:
+ mat - the material, with its type set
. name - the parameter's name
- value - its value in the declared SI unit

  Notes:
  The parameters count as given once every declared one has been set; the type's check runs at
  GWModelSetUp().

  Errors:
  PETSC_ERR_ARG_OUTOFRANGE for a name the type did not declare (listing the declared ones) or a
  value that is not finite.

  Level: developer

.seealso: `GWMaterialDeclareParameters()`, `GWMaterialGetParameterByName()`
@*/
PetscErrorCode GWMaterialSetParameterByName(GWMaterial mat, const char name[], PetscReal value)
{
  PetscInt  idx;
  PetscBool all = PETSC_TRUE;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(mat, GWMATERIAL_CLASSID, 1);
  PetscCall(FindParameter(mat, name, &idx));
  PetscCheck(!PetscIsInfOrNanReal(value), PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "Material \"%s\": parameter %s must be finite", GWMaterialName_Private(mat), name);
  mat->p[idx]      = value;
  mat->pgiven[idx] = PETSC_TRUE;
  for (PetscInt i = 0; i < mat->nparamdoc; i++) all = (PetscBool)(all && mat->pgiven[i]);
  mat->pset = all;
  PetscFunctionReturn(0);
}

/*@C
  GWMaterialGetParameterByName - gets a constitutive parameter the material's type declared

  Not collective

  Input Parameters:
+ mat - the material
- name - the parameter's name

  Output Parameter:
. value - its value in the declared SI unit

  Level: developer

.seealso: `GWMaterialSetParameterByName()`
@*/
PetscErrorCode GWMaterialGetParameterByName(GWMaterial mat, const char name[], PetscReal *value)
{
  PetscInt idx;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(mat, GWMATERIAL_CLASSID, 1);
  PetscCall(FindParameter(mat, name, &idx));
  *value = mat->p[idx];
  PetscFunctionReturn(0);
}
