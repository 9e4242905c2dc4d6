/* Haverkamp et al. (1977) rational retention and conductivity functions. */
#include <gw/private/materialimpl.h>

/*MC
  GWMATERIALHAVERKAMP - "haverkamp": rational-function retention and conductivity of Haverkamp et al. (1977)

  Parameters (set with `GWMaterialHaverkampSetParameters()`), all in SI units:
+ A     - retention scale [m^beta], > 0
. beta  - retention exponent [-], > 0
. B     - conductivity scale [m^gamma], > 0
- gamma - conductivity exponent [-], > 0

  Formulas, for psi < 0 (Se = kr = 1 for psi >= 0):
.vb
  Se = A/(A + |psi|^beta)       dSe/dpsi = beta Se (1 - Se)/|psi|
  kr = B/(B + |psi|^gamma)      dkr/dpsi = gamma kr (1 - kr)/|psi|
.ve
  These are the retention and conductivity laws fitted by Haverkamp et al. (1977), written for the
  effective saturation; Celia et al. (1990), problem 1, use them with A = 1.611e6 cm^3.96, beta = 3.96,
  B = 1.175e6 cm^4.74, gamma = 4.74, theta_r = 0.075, theta_s = 0.287, Ks = 9.44e-3 cm/s.

  Notes:
  Parameters published in centimetres convert as A[m^beta] = A[cm^beta] 0.01^beta (and likewise B).
  Each law is evaluated as a logistic function of t = beta ln|psi| - ln A, with 1 - Se formed directly,
  so there is no cancellation near saturation and no overflow of |psi|^beta when very dry.

  References:
  Haverkamp, R., Vauclin, M., Touma, J., Wierenga, P.J. and Vachaud, G. (1977) A comparison of numerical
  simulation models for one-dimensional infiltration. Soil Sci. Soc. Am. J. 41(2), 285-294.
  Celia, M.A., Bouloutas, E.T. and Zarba, R.L. (1990) A general mass-conservative numerical solution for
  the unsaturated flow equation. Water Resour. Res. 26(7), 1483-1496.

  Level: beginner

.seealso: `GWMaterialSetType()`, `GWMaterialHaverkampSetParameters()`, `GWMaterialEvaluate()`
M*/

/* f = a/(a + h^b) for h = |psi| = e^lnh > 0, and df/dpsi = b f (1 - f)/h */
static inline void GWHaverkampRational(PetscReal h, PetscReal lnh, PetscReal a, PetscReal b, PetscReal *f, PetscReal *df)
{
  const PetscReal t = b * lnh - PetscLogReal(a), e = PetscExpReal(-PetscAbsReal(t));
  const PetscReal f1 = t > 0 ? e / (1 + e) : 1 / (1 + e); /* f */
  const PetscReal g1 = t > 0 ? 1 / (1 + e) : e / (1 + e); /* 1 - f */

  *f  = f1;
  *df = b * f1 * (g1 / h);
}

static PetscErrorCode GWMaterialEvaluate_Haverkamp(GWMaterial mat, PetscReal psi, PetscReal *Se, PetscReal *dSe, PetscReal *kr, PetscReal *dkr)
{
  PetscReal lnh;

  PetscFunctionBegin;
  if (psi >= 0) {
    *Se  = 1;
    *dSe = 0;
    *kr  = 1;
    *dkr = 0;
    PetscFunctionReturn(0);
  }
  lnh = PetscLogReal(-psi);
  GWHaverkampRational(-psi, lnh, mat->p[0], mat->p[1], Se, dSe);
  GWHaverkampRational(-psi, lnh, mat->p[2], mat->p[3], kr, dkr);
  PetscFunctionReturn(0);
}

static PetscErrorCode GWMaterialCheckParameters_Haverkamp(GWMaterial mat, const PetscReal p[])
{
  PetscFunctionBegin;
  PetscCall(GWMaterialCheckPositive_Private(mat, "Haverkamp retention scale A", p[0], "m^beta", "convert from cm^beta with A_m = A_cm * 0.01^beta"));
  PetscCall(GWMaterialCheckPositive_Private(mat, "Haverkamp retention exponent beta", p[1], "[-]", "typical values are 1 to 5"));
  PetscCall(GWMaterialCheckPositive_Private(mat, "Haverkamp conductivity scale B", p[2], "m^gamma", "convert from cm^gamma with B_m = B_cm * 0.01^gamma"));
  PetscCall(GWMaterialCheckPositive_Private(mat, "Haverkamp conductivity exponent gamma", p[3], "[-]", "typical values are 1 to 6"));
  PetscFunctionReturn(0);
}

static PetscErrorCode GWMaterialCheck_Haverkamp(GWMaterial mat)
{
  PetscFunctionBegin;
  PetscCall(GWMaterialCheckParameters_Haverkamp(mat, mat->p));
  PetscFunctionReturn(0);
}

static PetscErrorCode GWMaterialView_Haverkamp(GWMaterial mat, PetscViewer viewer)
{
  PetscFunctionBegin;
  PetscCall(PetscViewerASCIIPrintf(viewer, "Haverkamp: A = %g m^beta, beta = %g, B = %g m^gamma, gamma = %g\n", (double)mat->p[0], (double)mat->p[1], (double)mat->p[2], (double)mat->p[3]));
  PetscFunctionReturn(0);
}

/*@
  GWMaterialHaverkampSetParameters - Sets the Haverkamp retention and conductivity parameters

  Logically Collective

  Input Parameters:
+ mat   - a material of type `GWMATERIALHAVERKAMP`
. A     - retention scale [m^beta], > 0
. beta  - retention exponent [-], > 0
. B     - conductivity scale [m^gamma], > 0
- gamma - conductivity exponent [-], > 0

  Errors:
  `PETSC_ERR_ARG_WRONG` if the material is of another type (the message names the setter to use);
  `PETSC_ERR_ARG_OUTOFRANGE` if a parameter is not positive and finite.

  Notes:
  Se = A/(A + |psi|^beta), kr = B/(B + |psi|^gamma); Haverkamp et al. (1977) Soil Sci. Soc. Am. J. 41,
  as used in Celia et al. (1990) Water Resour. Res. 26(7), problem 1. Values published for heads in cm
  convert as A_m = A_cm 0.01^beta, B_m = B_cm 0.01^gamma.

  Level: beginner

.seealso: `GWMATERIALHAVERKAMP`, `GWMaterialHaverkampGetParameters()`
@*/
PetscErrorCode GWMaterialHaverkampSetParameters(GWMaterial mat, PetscReal A, PetscReal beta, PetscReal B, PetscReal gamma)
{
  const PetscReal p[4] = {A, beta, B, gamma};

  PetscFunctionBegin;
  PetscCall(GWMaterialCheckTypeIs_Private(mat, GWMATERIALHAVERKAMP, "GWMaterialHaverkampSetParameters()", PETSC_FALSE));
  PetscCall(GWMaterialCheckParameters_Haverkamp(mat, p));
  PetscCall(PetscArraycpy(mat->p, p, 4));
  mat->pset = PETSC_TRUE;
  PetscFunctionReturn(0);
}

/*@
  GWMaterialHaverkampGetParameters - Gets the Haverkamp parameters

  Not Collective

  Input Parameter:
. mat - a material of type `GWMATERIALHAVERKAMP` with parameters set

  Output Parameters (each may be NULL):
+ A     - [m^beta]
. beta  - [-]
. B     - [m^gamma]
- gamma - [-]

  Level: beginner

.seealso: `GWMaterialHaverkampSetParameters()`
@*/
PetscErrorCode GWMaterialHaverkampGetParameters(GWMaterial mat, PetscReal *A, PetscReal *beta, PetscReal *B, PetscReal *gamma)
{
  PetscFunctionBegin;
  PetscCall(GWMaterialCheckTypeIs_Private(mat, GWMATERIALHAVERKAMP, "GWMaterialHaverkampGetParameters()", PETSC_TRUE));
  if (A) *A = mat->p[0];
  if (beta) *beta = mat->p[1];
  if (B) *B = mat->p[2];
  if (gamma) *gamma = mat->p[3];
  PetscFunctionReturn(0);
}

PetscErrorCode GWMaterialCreate_Haverkamp(GWMaterial mat)
{
  PetscFunctionBegin;
  mat->ops->evaluate = GWMaterialEvaluate_Haverkamp;
  mat->ops->check    = GWMaterialCheck_Haverkamp;
  mat->ops->view     = GWMaterialView_Haverkamp;
  PetscFunctionReturn(0);
}
