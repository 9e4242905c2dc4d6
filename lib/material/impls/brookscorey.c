/* Brooks and Corey (1964) retention with Burdine-type relative permeability. */
#include <gw/private/materialimpl.h>

/*MC
  GWMATERIALBROOKSCOREY - "brooks-corey": Brooks and Corey (1964) power-law retention and conductivity

  Parameters (set with `GWMaterialBrooksCoreySetParameters()`):
+ psi_b  - air-entry (bubbling) pressure head magnitude [m], > 0
- lambda - pore-size distribution index [-], > 0

  Formulas, for psi < -psi_b (Se = kr = 1 for psi >= -psi_b):
.vb
  Se = (psi_b/|psi|)^lambda               dSe/dpsi = lambda Se/|psi|
  kr = Se^((2 + 3 lambda)/lambda)         dkr/dpsi = (2 + 3 lambda) kr/|psi|
.ve
  The retention law is the Brooks and Corey (1964) power law in capillary pressure; kr follows from
  inserting it in Burdine's (1953) model, as done by Brooks and Corey (1964).

  Notes:
  Se is continuous but not differentiable at psi = -psi_b; there the derivatives returned are those of
  the saturated side (0). Powers are taken as exp(c ln(psi_b/|psi|)) so kr underflows to 0 when very dry
  without an intermediate overflow.

  References:
  Brooks, R.H. and Corey, A.T. (1964) Hydraulic properties of porous media. Hydrology Paper 3,
  Colorado State University, Fort Collins.
  Burdine, N.T. (1953) Relative permeability calculations from pore size distribution data.
  Trans. AIME 198, 71-78.

  Level: beginner

.seealso: `GWMaterialSetType()`, `GWMaterialBrooksCoreySetParameters()`, `GWMaterialEvaluate()`
M*/

static PetscErrorCode GWMaterialEvaluate_BrooksCorey(GWMaterial mat, PetscReal psi, PetscReal *Se, PetscReal *dSe, PetscReal *kr, PetscReal *dkr)
{
  const PetscReal psib = mat->p[0], lambda = mat->p[1], eta = 2 + 3 * lambda;
  PetscReal       lnr;

  PetscFunctionBegin;
  if (psi >= -psib) {
    *Se  = 1;
    *dSe = 0;
    *kr  = 1;
    *dkr = 0;
    PetscFunctionReturn(0);
  }
  lnr  = PetscLogReal(psib) - PetscLogReal(-psi); /* ln(psi_b/|psi|) < 0 */
  *Se  = PetscExpReal(lambda * lnr);
  *dSe = lambda * *Se / (-psi);
  *kr  = PetscExpReal(eta * lnr);
  *dkr = eta * *kr / (-psi);
  PetscFunctionReturn(0);
}

static PetscErrorCode GWMaterialCheckParameters_BrooksCorey(GWMaterial mat, PetscReal psib, PetscReal lambda)
{
  PetscFunctionBegin;
  PetscCall(GWMaterialCheckPositive_Private(mat, "Brooks-Corey air-entry head psi_b", psib, "m", "give its magnitude as a positive number of metres (typically 0.05 to 1 m)"));
  PetscCall(GWMaterialCheckPositive_Private(mat, "Brooks-Corey pore-size index lambda", lambda, "[-]", "typical values are 0.1 (clay) to 1 (sand)"));
  PetscFunctionReturn(0);
}

static PetscErrorCode GWMaterialCheck_BrooksCorey(GWMaterial mat)
{
  PetscFunctionBegin;
  PetscCall(GWMaterialCheckParameters_BrooksCorey(mat, mat->p[0], mat->p[1]));
  PetscFunctionReturn(0);
}

static PetscErrorCode GWMaterialView_BrooksCorey(GWMaterial mat, PetscViewer viewer)
{
  PetscFunctionBegin;
  PetscCall(PetscViewerASCIIPrintf(viewer, "Brooks-Corey: air-entry head psi_b = %g m, lambda = %g\n", (double)mat->p[0], (double)mat->p[1]));
  PetscFunctionReturn(0);
}

/*@
  GWMaterialBrooksCoreySetParameters - Sets the Brooks-Corey parameters

  Logically Collective

  Input Parameters:
+ mat    - a material of type `GWMATERIALBROOKSCOREY`
. psi_b  - air-entry pressure head magnitude [m], > 0
- lambda - pore-size distribution index [-], > 0

  Errors:
  `PETSC_ERR_ARG_WRONG` if the material is of another type (the message names the setter to use);
  `PETSC_ERR_ARG_OUTOFRANGE` if psi_b <= 0 or lambda <= 0.

  Notes:
  Se = (psi_b/|psi|)^lambda below air entry, kr = Se^((2 + 3 lambda)/lambda); Brooks and Corey (1964),
  Hydrology Paper 3, Colorado State Univ.

  Level: beginner

.seealso: `GWMATERIALBROOKSCOREY`, `GWMaterialBrooksCoreyGetParameters()`
@*/
PetscErrorCode GWMaterialBrooksCoreySetParameters(GWMaterial mat, PetscReal psi_b, PetscReal lambda)
{
  PetscFunctionBegin;
  PetscCall(GWMaterialCheckTypeIs_Private(mat, GWMATERIALBROOKSCOREY, "GWMaterialBrooksCoreySetParameters()", PETSC_FALSE));
  PetscCall(GWMaterialCheckParameters_BrooksCorey(mat, psi_b, lambda));
  mat->p[0] = psi_b;
  mat->p[1] = lambda;
  mat->pset = PETSC_TRUE;
  PetscFunctionReturn(0);
}

/*@
  GWMaterialBrooksCoreyGetParameters - Gets the Brooks-Corey parameters

  Not Collective

  Input Parameter:
. mat - a material of type `GWMATERIALBROOKSCOREY` with parameters set

  Output Parameters:
+ psi_b  - air-entry pressure head magnitude [m] (may be NULL)
- lambda - pore-size distribution index [-] (may be NULL)

  Level: beginner

.seealso: `GWMaterialBrooksCoreySetParameters()`
@*/
PetscErrorCode GWMaterialBrooksCoreyGetParameters(GWMaterial mat, PetscReal *psi_b, PetscReal *lambda)
{
  PetscFunctionBegin;
  PetscCall(GWMaterialCheckTypeIs_Private(mat, GWMATERIALBROOKSCOREY, "GWMaterialBrooksCoreyGetParameters()", PETSC_TRUE));
  if (psi_b) *psi_b = mat->p[0];
  if (lambda) *lambda = mat->p[1];
  PetscFunctionReturn(0);
}

PetscErrorCode GWMaterialCreate_BrooksCorey(GWMaterial mat)
{
  PetscFunctionBegin;
  mat->ops->evaluate = GWMaterialEvaluate_BrooksCorey;
  mat->ops->check    = GWMaterialCheck_BrooksCorey;
  mat->ops->view     = GWMaterialView_BrooksCorey;
  PetscFunctionReturn(0);
}
