/* van Genuchten (1980) retention with Mualem (1976) relative permeability. */
#include <gw/private/materialimpl.h>

#if defined(PETSC_USE_REAL_SINGLE)
#  define GWLog1p(x) log1pf(x)
#  define GWExpm1(x) expm1f(x)
#elif defined(PETSC_USE_REAL___FLOAT128)
#  define GWLog1p(x) log1pq(x)
#  define GWExpm1(x) expm1q(x)
#else
#  define GWLog1p(x) log1p(x)
#  define GWExpm1(x) expm1(x)
#endif

/*MC
  GWMATERIALVANGENUCHTEN - "van-genuchten": van Genuchten (1980) retention, Mualem (1976) conductivity

  Parameters (set with `GWMaterialVanGenuchtenSetParameters()`):
+ alpha - inverse of a characteristic air-entry head [1/m], > 0
- n     - pore-size distribution index [-], > 1; m = 1 - 1/n

  Air-entry head h_s [m] <= 0 (GWMaterialVanGenuchtenSetAirEntry(); default 0, the classic form;
  -0.02 m recommended for n < 2): the curves below are rescaled to reach Se = kr = 1 at h_s (Vogel et al. 2001).

  Formulas of the classic form, with y = (alpha |psi|)^n, for psi < 0 (Se = kr = 1 for psi >= 0):
.vb
  Se = (1 + y)^(-m)                                    van Genuchten (1980), eq. 3
  kr = Se^(1/2) [1 - (1 - Se^(1/m))^m]^2               van Genuchten (1980), eq. 8 (Mualem, l = 1/2)
  dSe/dpsi = (n - 1) y (1 + y)^(-m-1) / |psi|
  dkr/dpsi = (n - 1) Se^(1/2) q [q y/(2(1 + y)) + 2 w/(1 + y)] / |psi|,  w = (y/(1 + y))^m, q = 1 - w
.ve

  Notes:
  Because 1 - Se^(1/m) = y/(1 + y) exactly, kr is evaluated from y, never from 1 - Se^(1/m), and all
  powers are taken in logarithmic form: no cancellation near saturation, no overflow when very dry
  (Se, kr and the derivatives underflow smoothly to 0). Near saturation dkr/dpsi ~ 2 (n - 1) alpha^(n-1) |psi|^(n-2),
  which is unbounded as psi -> 0- when n < 2; it is returned exactly (finite for every psi < 0), and the
  derivative at psi >= 0 is the one-sided value 0.

  References:
  van Genuchten, M.Th. (1980) A closed-form equation for predicting the hydraulic conductivity of
  unsaturated soils. Soil Sci. Soc. Am. J. 44(5), 892-898.
  Mualem, Y. (1976) A new model for predicting the hydraulic conductivity of unsaturated porous media.
  Water Resour. Res. 12(3), 513-522.

  Level: beginner

.seealso: `GWMaterialSetType()`, `GWMaterialVanGenuchtenSetParameters()`, `GWMaterialEvaluate()`
M*/

#define GW_VG_AIR_ENTRY_DEFAULT 0.0  /* [m]: the classic form, for which published parameter sets are fitted */
#define GW_VG_KR_SMOOTH         1e-3 /* [m]: width below saturation over which the classic kr is smoothed */

/* ln(1 + e^s) without overflow for large s and without losing small values for very negative s */
static inline PetscReal Log1pExp(PetscReal s)
{
  return s > 0 ? s + GWLog1p(PetscExpReal(-s)) : GWLog1p(PetscExpReal(s));
}

/* The classic form at psi < 0: Se, dSe, kr, dkr, and q = 1 - (1 - Se^(1/m))^m. */
static void Classic(PetscReal alpha, PetscReal n, PetscReal psi, PetscReal *Se, PetscReal *dSe, PetscReal *kr, PetscReal *dkr, PetscReal *qout)
{
  const PetscReal m = 1 - 1 / n;
  PetscReal       lnh, s, L, M, u, q, sqSe;

  lnh  = PetscLogReal(-psi);
  s    = n * (PetscLogReal(alpha) + lnh); /* ln y */
  L    = Log1pExp(s);                     /* ln(1 + y) = -ln(Se)/m */
  M    = Log1pExp(-s);                    /* ln(1 + 1/y) = -ln(y/(1 + y)) = -ln(1 - Se^(1/m)) */
  u    = m * M;                           /* -ln w */
  q    = -GWExpm1(-u);                    /* 1 - w, accurate also when w -> 1 (very dry) */
  sqSe = PetscExpReal(-0.5 * m * L);
  *Se  = sqSe * sqSe;
  *dSe = (n - 1) * PetscExpReal(s - (m + 1) * L - lnh);
  *kr  = sqSe * q * q;
  /* the 1/|psi| factor is folded into the exponentials so that tiny |psi| cannot overflow it */
  *dkr  = (n - 1) * sqSe * q * (0.5 * q * PetscExpReal(-M - lnh) + 2 * PetscExpReal(-u - L - lnh));
  *qout = q;
}

static PetscErrorCode GWMaterialEvaluate_VanGenuchten(GWMaterial mat, PetscReal psi, PetscReal *Se, PetscReal *dSe, PetscReal *kr, PetscReal *dkr)
{
  const PetscReal alpha = mat->p[0], n = mat->p[1], hs = mat->p[2];
  PetscReal       q, Sc, dSc, krc, dkrc, qs, ckr;

  PetscFunctionBegin;
  if (psi >= hs) {
    *Se  = 1;
    *dSe = 0;
    *kr  = 1;
    *dkr = 0;
    PetscFunctionReturn(0);
  }
  if (hs == 0 && psi > -GW_VG_KR_SMOOTH) {
    /* Classic Mualem kr with n < 2 has dkr/dpsi ~ |psi|^(n-2), unbounded at saturation: Newton
       then cycles in a cell that approaches saturation (it fell to 0.7 at psi = -1e-8 m for n = 1.1).
       Within d = 1 mm of saturation kr is the cubic Hermite from (-d, kr(-d), dkr(-d)) to (0, 1, 0):
       C1, monotone, dkr bounded; Se keeps its closed form. */
    PetscReal d = GW_VG_KR_SMOOTH, t = (psi + d) / d, k0, d0, a, b;
    Classic(alpha, n, -d, &a, &b, &k0, &d0, &q);
    Classic(alpha, n, psi, Se, dSe, kr, dkr, &q);
    *kr  = (2 * t * t * t - 3 * t * t + 1) * k0 + (t * t * t - 2 * t * t + t) * d * d0 + (3 * t * t - 2 * t * t * t);
    *dkr = ((6 * t * t - 6 * t) * k0 + (3 * t * t - 4 * t + 1) * d * d0 + (6 * t - 6 * t * t)) / d;
    PetscFunctionReturn(0);
  }
  Classic(alpha, n, psi, Se, dSe, kr, dkr, &q);
  if (hs < 0) { /* Vogel et al. (2001), Ippisch et al. (2006): rescaled so that Se = kr = 1 at hs */
    Classic(alpha, n, hs, &Sc, &dSc, &krc, &dkrc, &qs);
    ckr = 1 / (PetscSqrtReal(Sc) * qs * qs);
    *Se /= Sc;
    *dSe /= Sc;
    *kr *= ckr;
    *dkr *= ckr;
  }
  PetscFunctionReturn(0);
}

/* Se(psi) - Se(psio) of the classic form for psi, psio < 0, without subtracting the two: with
   y = (alpha |psi|)^n, Se(psi)/Se(psio) = (1 + r)^(-m), r = (y - y_o)/(1 + y_o)
   = y_o/(1 + y_o) expm1(n ln(|psi|/|psio|)) and |psi| - |psio| = psio - psi (exact when the two
   are within a factor 2), so Se - Se_o = Se_o expm1(-m log1p(r)) holds a few ulps of itself. */
static PetscReal ClassicSeChange(PetscReal alpha, PetscReal n, PetscReal psi, PetscReal psio)
{
  const PetscReal m  = 1 - 1 / n;
  const PetscReal so = n * (PetscLogReal(alpha) + PetscLogReal(-psio)); /* ln y_o */
  const PetscReal r  = PetscExpReal(-Log1pExp(-so)) * GWExpm1(n * GWLog1p((psio - psi) / -psio));

  return PetscExpReal(-m * Log1pExp(so)) * GWExpm1(-m * GWLog1p(r));
}

static PetscErrorCode GWMaterialSaturationChange_VanGenuchten(GWMaterial mat, PetscReal psi, PetscReal psio, PetscReal *dSe)
{
  const PetscReal alpha = mat->p[0], n = mat->p[1], hs = mat->p[2];
  PetscReal       se, seo, d, q;

  PetscFunctionBegin;
  if (psi < hs && psio < hs && psi != psio) {
    d = ClassicSeChange(alpha, n, psi, psio);
    if (hs < 0) { /* the rescaled form divides the classic Se by Sc = Se_classic(hs) */
      PetscReal Sc, dSc, krc, dkrc;
      Classic(alpha, n, hs, &Sc, &dSc, &krc, &dkrc, &q);
      d /= Sc;
    }
    if (!PetscIsInfOrNanReal(d)) { /* r overflows only for |psi|/|psio| beyond e^(700/n) */
      *dSe = d;
      PetscFunctionReturn(0);
    }
  }
  PetscCall(GWMaterialEvaluate_VanGenuchten(mat, psi, &se, &q, &q, &q));
  PetscCall(GWMaterialEvaluate_VanGenuchten(mat, psio, &seo, &q, &q, &q));
  *dSe = se - seo;
  PetscFunctionReturn(0);
}

static PetscErrorCode GWMaterialCheckParameters_VanGenuchten(GWMaterial mat, PetscReal alpha, PetscReal n)
{
  PetscFunctionBegin;
  PetscCall(GWMaterialCheckPositive_Private(mat, "van Genuchten alpha", alpha, "1/m", "typical values are 0.5 to 15 1/m (convert from 1/cm by multiplying by 100)"));
  PetscCheck(n > 1 && !PetscIsInfOrNanReal(n), PetscObjectComm((PetscObject)mat), PETSC_ERR_ARG_OUTOFRANGE, "van Genuchten n = %g for material \"%s\" must be finite and greater than 1 (m = 1 - 1/n must be positive); typical values are 1.1 (clay) to 3 (sand)", (double)n, GWMaterialName_Private(mat));
  PetscFunctionReturn(0);
}

static PetscErrorCode GWMaterialCheck_VanGenuchten(GWMaterial mat)
{
  PetscFunctionBegin;
  PetscCall(GWMaterialCheckParameters_VanGenuchten(mat, mat->p[0], mat->p[1]));
  PetscFunctionReturn(0);
}

static PetscErrorCode GWMaterialView_VanGenuchten(GWMaterial mat, PetscViewer viewer)
{
  PetscFunctionBegin;
  PetscCall(PetscViewerASCIIPrintf(viewer, "van Genuchten-Mualem: alpha = %g 1/m, n = %g, m = 1 - 1/n = %g, air-entry head h_s = %g m\n", (double)mat->p[0], (double)mat->p[1], (double)(1 - 1 / mat->p[1]), (double)mat->p[2]));
  PetscFunctionReturn(0);
}

/*@
  GWMaterialVanGenuchtenSetParameters - Sets the van Genuchten retention parameters

  Logically Collective

  Input Parameters:
+ mat   - a material of type `GWMATERIALVANGENUCHTEN`
. alpha - [1/m], > 0 (note: 1/m, not 1/cm)
- n     - [-], > 1

  Errors:
  `PETSC_ERR_ARG_WRONG` if the material is of another type (the message names the setter to use);
  `PETSC_ERR_ARG_OUTOFRANGE` if alpha <= 0 or n <= 1.

  Notes:
  Se = (1 + (alpha |psi|)^n)^(-(1 - 1/n)), van Genuchten (1980) Soil Sci. Soc. Am. J. 44, eq. 3.

  Level: beginner

.seealso: `GWMATERIALVANGENUCHTEN`, `GWMaterialVanGenuchtenGetParameters()`
@*/
PetscErrorCode GWMaterialVanGenuchtenSetParameters(GWMaterial mat, PetscReal alpha, PetscReal n)
{
  PetscFunctionBegin;
  PetscCall(GWMaterialCheckTypeIs_Private(mat, GWMATERIALVANGENUCHTEN, "GWMaterialVanGenuchtenSetParameters()", PETSC_FALSE));
  PetscCall(GWMaterialCheckParameters_VanGenuchten(mat, alpha, n));
  mat->p[0] = alpha;
  mat->p[1] = n;
  mat->pset = PETSC_TRUE;
  PetscFunctionReturn(0);
}

/*@
  GWMaterialVanGenuchtenGetParameters - Gets the van Genuchten parameters

  Not Collective

  Input Parameter:
. mat - a material of type `GWMATERIALVANGENUCHTEN` with parameters set

  Output Parameters:
+ alpha - [1/m] (may be NULL)
- n     - [-] (may be NULL)

  Level: beginner

.seealso: `GWMaterialVanGenuchtenSetParameters()`
@*/
PetscErrorCode GWMaterialVanGenuchtenGetParameters(GWMaterial mat, PetscReal *alpha, PetscReal *n)
{
  PetscFunctionBegin;
  PetscCall(GWMaterialCheckTypeIs_Private(mat, GWMATERIALVANGENUCHTEN, "GWMaterialVanGenuchtenGetParameters()", PETSC_TRUE));
  if (alpha) *alpha = mat->p[0];
  if (n) *n = mat->p[1];
  PetscFunctionReturn(0);
}

/*@
  GWMaterialVanGenuchtenSetAirEntry - Sets the air-entry pressure head of the van Genuchten model

  Logically Collective

  Input Parameters:
+ mat - a material of type `GWMATERIALVANGENUCHTEN`
- hs  - air-entry pressure head [m], <= 0 (default 0, the classic form; -0.02 m recommended for n < 2)

  Errors:
  `PETSC_ERR_ARG_WRONG` if the material is of another type; `PETSC_ERR_ARG_OUTOFRANGE` if hs > 0
  or is not finite.

  Notes:
  The retention curve is cut at hs and rescaled (Vogel, van Genuchten and Cislerova 2001, Adv.
  Water Resour. 24, eqs. 4-5; Ippisch, Vogel and Bastian 2006, Adv. Water Resour. 29, eqs. 10-11):
  with Sc = (1 + (alpha |hs|)^n)^(-m),
.vb
  Se = (1 + (alpha |psi|)^n)^(-m) / Sc                                   psi < hs, 1 above
  kr = Se^(1/2) [(1 - (1 - (Se Sc)^(1/m))^m) / (1 - (1 - Sc^(1/m))^m)]^2  psi < hs, 1 above
.ve
  so Se and kr reach 1 at hs with a finite slope dkr/dpsi. The classic form (hs = 0) has an
  unbounded dkr/dpsi at saturation when n < 2 and kr falls steeply just below 0 (for n = 1.1, from
  1 to about 0.7 between 0 and -1e-8 m), which stalls Newton's method in fine soils. Ippisch et
  al. (2006) show the classic Mualem conductivity is also physically inconsistent for n < 2;
  Vogel et al. (2001) use hs = -2 cm, recommended here for n < 2. With hs = 0, kr within 1 mm
  of saturation is a cubic Hermite polynomial to kr = 1 at psi = 0 (bounded slope for Newton; see
  doc/theory.md). The default stays 0 because
  published parameter sets (Carsel and Parrish 1988, Rosetta) are fitted with the classic form and
  the rescaling changes K markedly: for a loam (alpha = 3.6 1/m, n = 1.56) hs = -2 cm raises kr by
  a factor 1.67 at every psi < hs (the classic kr has already fallen to 0.60 at -2 cm).

  Level: intermediate

.seealso: `GWMATERIALVANGENUCHTEN`, `GWMaterialVanGenuchtenGetAirEntry()`
@*/
PetscErrorCode GWMaterialVanGenuchtenSetAirEntry(GWMaterial mat, PetscReal hs)
{
  PetscFunctionBegin;
  PetscCall(GWMaterialCheckTypeIs_Private(mat, GWMATERIALVANGENUCHTEN, "GWMaterialVanGenuchtenSetAirEntry()", PETSC_FALSE));
  PetscCheck(hs <= 0 && !PetscIsInfOrNanReal(hs), PetscObjectComm((PetscObject)mat), PETSC_ERR_ARG_OUTOFRANGE, "van Genuchten air-entry head h_s = %g m for material \"%s\" must be finite and <= 0 (a suction: e.g. -0.02 m; 0 for the classic form)", (double)hs, GWMaterialName_Private(mat));
  mat->p[2] = hs;
  PetscFunctionReturn(0);
}

/*@
  GWMaterialVanGenuchtenGetAirEntry - Gets the air-entry pressure head of the van Genuchten model

  Not Collective

  Input Parameter:
. mat - a material of type `GWMATERIALVANGENUCHTEN`

  Output Parameter:
. hs - air-entry pressure head [m], <= 0; 0 for the classic form

  Level: intermediate

.seealso: `GWMaterialVanGenuchtenSetAirEntry()`
@*/
PetscErrorCode GWMaterialVanGenuchtenGetAirEntry(GWMaterial mat, PetscReal *hs)
{
  PetscFunctionBegin;
  PetscCall(GWMaterialCheckTypeIs_Private(mat, GWMATERIALVANGENUCHTEN, "GWMaterialVanGenuchtenGetAirEntry()", PETSC_FALSE));
  *hs = mat->p[2];
  PetscFunctionReturn(0);
}

PetscErrorCode GWMaterialCreate_VanGenuchten(GWMaterial mat)
{
  PetscFunctionBegin;
  mat->p[2]          = GW_VG_AIR_ENTRY_DEFAULT;
  mat->ops->evaluate = GWMaterialEvaluate_VanGenuchten;
  mat->ops->check    = GWMaterialCheck_VanGenuchten;
  mat->ops->view     = GWMaterialView_VanGenuchten;
  mat->ops->sechange = GWMaterialSaturationChange_VanGenuchten;
  PetscFunctionReturn(0);
}
