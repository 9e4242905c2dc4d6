/* Gardner (1958) exponential conductivity with the matching exponential retention curve. */
#include <gw/private/materialimpl.h>

/*MC
  GWMATERIALGARDNER - "gardner": exponential conductivity of Gardner (1958) and exponential retention

  Parameter (set with `GWMaterialGardnerSetParameters()`):
. alpha - sorptive number, inverse of the macroscopic capillary length [1/m], > 0

  Formulas, for psi < 0 (Se = kr = 1 for psi >= 0):
.vb
  Se = exp(alpha psi)      dSe/dpsi = alpha Se       Srivastava and Yeh (1991), eq. 3
  kr = exp(alpha psi)      dkr/dpsi = alpha kr       Gardner (1958); Srivastava and Yeh (1991), eq. 2
.ve

  Notes:
  With the same alpha in both laws the Richards equation becomes linear in K, which is what makes the
  analytical infiltration solutions of Srivastava and Yeh (1991) possible; this type reproduces them.

  References:
  Gardner, W.R. (1958) Some steady-state solutions of the unsaturated moisture flow equation with
  application to evaporation from a water table. Soil Sci. 85(4), 228-232.
  Srivastava, R. and Yeh, T.-C.J. (1991) Analytical solutions for one-dimensional, transient infiltration
  toward the water table in homogeneous and layered soils. Water Resour. Res. 27(5), 753-762.

  Level: beginner

.seealso: `GWMaterialSetType()`, `GWMaterialGardnerSetParameters()`, `GWMaterialEvaluate()`
M*/

static PetscErrorCode GWMaterialEvaluate_Gardner(GWMaterial mat, PetscReal psi, PetscReal *Se, PetscReal *dSe, PetscReal *kr, PetscReal *dkr)
{
  const PetscReal alpha = mat->p[0];

  PetscFunctionBegin;
  *Se  = psi < 0 ? PetscExpReal(alpha * psi) : 1;
  *dSe = psi < 0 ? alpha * *Se : 0;
  *kr  = *Se;
  *dkr = *dSe;
  PetscFunctionReturn(0);
}

static PetscErrorCode GWMaterialCheckParameters_Gardner(GWMaterial mat, PetscReal alpha)
{
  PetscFunctionBegin;
  PetscCall(GWMaterialCheckPositive_Private(mat, "Gardner alpha", alpha, "1/m", "typical values are 0.1 (clay) to 10 1/m (sand)"));
  PetscFunctionReturn(0);
}

static PetscErrorCode GWMaterialCheck_Gardner(GWMaterial mat)
{
  PetscFunctionBegin;
  PetscCall(GWMaterialCheckParameters_Gardner(mat, mat->p[0]));
  PetscFunctionReturn(0);
}

static PetscErrorCode GWMaterialView_Gardner(GWMaterial mat, PetscViewer viewer)
{
  PetscFunctionBegin;
  PetscCall(PetscViewerASCIIPrintf(viewer, "Gardner exponential: alpha = %g 1/m\n", (double)mat->p[0]));
  PetscFunctionReturn(0);
}

/*@
  GWMaterialGardnerSetParameters - Sets the Gardner sorptive number

  Logically Collective

  Input Parameters:
+ mat   - a material of type `GWMATERIALGARDNER`
- alpha - [1/m], > 0

  Errors:
  `PETSC_ERR_ARG_WRONG` if the material is of another type (the message names the setter to use);
  `PETSC_ERR_ARG_OUTOFRANGE` if alpha <= 0.

  Notes:
  kr = Se = exp(alpha psi) for psi < 0; Gardner (1958) Soil Sci. 85; Srivastava and Yeh (1991)
  Water Resour. Res. 27(5), eqs. 2-3.

  Level: beginner

.seealso: `GWMATERIALGARDNER`, `GWMaterialGardnerGetParameters()`
@*/
PetscErrorCode GWMaterialGardnerSetParameters(GWMaterial mat, PetscReal alpha)
{
  PetscFunctionBegin;
  PetscCall(GWMaterialCheckTypeIs_Private(mat, GWMATERIALGARDNER, "GWMaterialGardnerSetParameters()", PETSC_FALSE));
  PetscCall(GWMaterialCheckParameters_Gardner(mat, alpha));
  mat->p[0] = alpha;
  mat->pset = PETSC_TRUE;
  PetscFunctionReturn(0);
}

/*@
  GWMaterialGardnerGetParameters - Gets the Gardner sorptive number

  Not Collective

  Input Parameter:
. mat - a material of type `GWMATERIALGARDNER` with parameters set

  Output Parameter:
. alpha - [1/m]

  Level: beginner

.seealso: `GWMaterialGardnerSetParameters()`
@*/
PetscErrorCode GWMaterialGardnerGetParameters(GWMaterial mat, PetscReal *alpha)
{
  PetscFunctionBegin;
  PetscCall(GWMaterialCheckTypeIs_Private(mat, GWMATERIALGARDNER, "GWMaterialGardnerGetParameters()", PETSC_TRUE));
  PetscValidRealPointer(alpha, 2);
  *alpha = mat->p[0];
  PetscFunctionReturn(0);
}

PetscErrorCode GWMaterialCreate_Gardner(GWMaterial mat)
{
  PetscFunctionBegin;
  mat->ops->evaluate = GWMaterialEvaluate_Gardner;
  mat->ops->check    = GWMaterialCheck_Gardner;
  mat->ops->view     = GWMaterialView_Gardner;
  PetscFunctionReturn(0);
}
