/* The solid phase of a solute: precipitation above a solubility limit (salt crusts). */
#include <gw/private/transportimpl.h>

/*@C
  GWSoluteSetSolubility - sets the solubility above which the solute precipitates as an immobile solid

  Logically collective

  Input Parameters:
+ solute - the solute, before GWModelSetUp()
- csat - solubility [kg/m^3], > 0 (NaCl about 360 kg/m^3 at 20 C; gypsum about 2.4 kg/m^3);
         PETSC_MAX_REAL for none (the default)

  Notes:
  After each transport solve, equilibrium with the solid phase is restored cell by cell: where the
  concentration c* exceeds csat the excess (W + S)(c* - csat) precipitates, W the water volume and
  S = V rho_b Kd the sorption capacity of the cell; where c* is below csat, solid dissolves up to
  (W + S)(csat - c*). The mass moves between phases of one cell, so the solute balance is
  unchanged; the solid does not move, decay or sorb. It is the first-order operator splitting of
  equilibrium dissolution-precipitation (e.g. Simunek and Suarez 1994, Water Resour. Res. 30(4),
  UNSATCHEM; here a single solute with a fixed solubility, no ionic strength or common-ion effect).

  Errors:
  PETSC_ERR_ARG_OUTOFRANGE for csat <= 0 or not a number.

  Level: intermediate

.seealso: `GWSoluteGetSolubility()`, `GWSoluteGetSolid()`, `GWSoluteGetSolidBudget()`
@*/
PetscErrorCode GWSoluteSetSolubility(GWSolute solute, PetscReal csat)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(solute, GWSOLUTE_CLASSID, 1);
  PetscCheck(!solute->model, PetscObjectComm((PetscObject)solute), PETSC_ERR_ARG_WRONGSTATE, "Solute %s: set its solubility before GWModelSetUp()", ((PetscObject)solute)->name);
  PetscCheck(csat > 0 && !PetscIsNanReal(csat), PetscObjectComm((PetscObject)solute), PETSC_ERR_ARG_OUTOFRANGE, "Solute %s: the solubility must be positive [kg/m^3], got %g", ((PetscObject)solute)->name, (double)csat);
  solute->csat = csat;
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteGetSolubility - gets the solubility of a solute

  Not collective

  Input Parameter:
. solute - the solute

  Output Parameters:
+ csat - solubility [kg/m^3] (PETSC_MAX_REAL when none; may be NULL)
- set - whether a solubility was given (may be NULL)

  Level: intermediate

.seealso: `GWSoluteSetSolubility()`
@*/
PetscErrorCode GWSoluteGetSolubility(GWSolute solute, PetscReal *csat, PetscBool *set)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(solute, GWSOLUTE_CLASSID, 1);
  if (csat) *csat = solute->csat;
  if (set) *set = (PetscBool)(solute->csat < PETSC_MAX_REAL);
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteGetSolid - gets the field of precipitated (solid) solute

  Not collective

  Input Parameter:
. solute - the solute, after GWModelSetUp()

  Output Parameter:
. solid - global vector of solid mass per bulk volume [kg/m^3] per cell on the model's DMDA
          (borrowed), or NULL when the solute has no solubility

  Level: intermediate

.seealso: `GWSoluteSetSolubility()`, `GWSoluteGetConcentration()`
@*/
PetscErrorCode GWSoluteGetSolid(GWSolute solute, Vec *solid)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(solute, GWSOLUTE_CLASSID, 1);
  PetscCheck(solute->model, PetscObjectComm((PetscObject)solute), PETSC_ERR_ARG_WRONGSTATE, "Solute %s: call GWModelSetUp() first", ((PetscObject)solute)->name);
  *solid = solute->solid;
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteGetSolidBudget - gets the increase of the solid mass and the solid mass in the domain

  Not collective (the values are the same on every rank)

  Input Parameter:
. solute - the solute

  Output Parameters:
+ step - increase of the solid mass over the last step [kg] (negative: dissolved; may be NULL)
. cum - increase since the start [kg] (may be NULL)
- mass - solid mass in the domain at the end of the last step [kg] (may be NULL)

  Notes:
  The storage terms of the mass balance (GWSoluteGetMassBalanceError()) are the increases of the
  dissolved, sorbed and solid mass.

  Level: intermediate

.seealso: `GWSoluteGetStorageChange()`, `GWSoluteGetTotalMass()`
@*/
PetscErrorCode GWSoluteGetSolidBudget(GWSolute solute, PetscReal *step, PetscReal *cum, PetscReal *mass)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(solute, GWSOLUTE_CLASSID, 1);
  if (step) *step = solute->solid_step;
  if (cum) *cum = solute->solid_cum;
  if (mass) *mass = solute->mass_solid;
  PetscFunctionReturn(0);
}
