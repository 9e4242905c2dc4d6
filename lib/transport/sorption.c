/* Equilibrium sorption of a solute: the linear, Freundlich and Langmuir isotherms. */
#include <gw/private/transportimpl.h>

/*@C
  GWSoluteSetSorption - sets linear equilibrium sorption in a material

  Logically collective

  Input Parameters:
+ solute - the solute
. mat - material index in the model, or -1 for every material without its own values
. rho_b - dry bulk density [kg/m^3], >= 0
- Kd - distribution coefficient [m^3/kg], >= 0 (sorbed mass per solid mass = Kd c)

  Notes:
  The sorbed mass per bulk volume is rho_b Kd c, so the retardation factor is
  R = 1 + rho_b Kd / theta (Freeze and Cherry 1979, eq. 9.14).

  Level: beginner

.seealso: `GWSoluteGetSorption()`, `GWSoluteSetDecay()`
@*/
PetscErrorCode GWSoluteSetSorption(GWSolute solute, PetscInt mat, PetscReal rho_b, PetscReal Kd)
{
  PetscReal v[2] = {rho_b, Kd};

  PetscFunctionBegin;
  PetscValidHeaderSpecific(solute, GWSOLUTE_CLASSID, 1);
  PetscCall(GWSoluteCheckNotSetUp_Private(solute));
  PetscCall(GWSoluteCheckNonNegative_Private(solute, "the bulk density", "kg/m^3", rho_b));
  PetscCall(GWSoluteCheckNonNegative_Private(solute, "the distribution coefficient Kd", "m^3/kg", Kd));
  PetscCall(GWSoluteSetMaterialProperties_Private(solute, mat, GW_SOL_RHO, 2, v));
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteGetSorption - gets the sorption parameters of a material

  Not collective

  Input Parameters:
+ solute - the solute
- mat - material index, or -1 for the default

  Output Parameters:
+ rho_b - dry bulk density [kg/m^3] (may be NULL)
- Kd - distribution coefficient [m^3/kg] (may be NULL)

  Level: beginner

.seealso: `GWSoluteSetSorption()`
@*/
PetscErrorCode GWSoluteGetSorption(GWSolute solute, PetscInt mat, PetscReal *rho_b, PetscReal *Kd)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(solute, GWSOLUTE_CLASSID, 1);
  if (rho_b) PetscCall(GWSoluteGetMaterialProperty_Private(solute, mat, GW_SOL_RHO, rho_b));
  if (Kd) PetscCall(GWSoluteGetMaterialProperty_Private(solute, mat, GW_SOL_KD, Kd));
  PetscFunctionReturn(0);
}
