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
  R = 1 + rho_b Kd / theta (Freeze and Cherry 1979, eq. 9.14). A solute with a Freundlich or
  Langmuir isotherm takes no Kd (GWModelSetUp() refuses one).

  Level: beginner

.seealso: `GWSoluteGetSorption()`, `GWSoluteSetDecay()`, `GWSoluteSetFreundlich()`, `GWSoluteSetLangmuir()`
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

const char *const GWSorptionIsotherms[] = {"linear", "freundlich", "langmuir", "GWSorptionIsotherm", "GW_SORPTION_", NULL};

/* Makes iso the isotherm of the solute: one isotherm per solute, its parameters per material. */
static PetscErrorCode SetIsotherm(GWSolute s, GWSorptionIsotherm iso)
{
  PetscFunctionBegin;
  PetscCheck(s->iso == GW_SORPTION_LINEAR || s->iso == iso, PetscObjectComm((PetscObject)s), PETSC_ERR_ARG_WRONG, "Solute %s already has a %s isotherm; a solute has one isotherm in every material (its parameters may differ by material)", ((PetscObject)s)->name, GWSorptionIsotherms[s->iso]);
  s->iso = iso;
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteSetFreundlich - sets Freundlich equilibrium sorption in a material

  Logically collective

  Input Parameters:
+ solute - the solute, before GWModelSetUp()
. mat - material index in the model, or -1 for every material without its own values
. rho_b - dry bulk density [kg/m^3], >= 0
. Kf - Freundlich coefficient [(kg/kg) / (kg/m^3)^nf], >= 0: the sorbed mass per solid mass at
       c = 1 kg/m^3
- nf - Freundlich exponent [-], > 0 (below 1: favourable, sharpening fronts; 1: linear)

  Notes:
  The sorbed mass per solid mass is F(c) = Kf c^nf (Freundlich 1909; e.g. Fetter 1999,
  Contaminant Hydrogeology, eq. 4.9), per bulk volume rho_b F(c). The transport step is then
  nonlinear and is solved by Newton's method (doc/theory.md, "Nonlinear sorption"); dF/dc is
  taken at max(c, 1e-12 kg/m^3) because it is infinite at c = 0 for nf < 1. A solute with a
  Freundlich isotherm has no linear Kd and no solubility.

  Errors:
  PETSC_ERR_ARG_OUTOFRANGE for a negative rho_b or Kf or nf <= 0; PETSC_ERR_ARG_WRONG when the
  solute already has a Langmuir isotherm.

  Level: intermediate

.seealso: `GWSoluteGetFreundlich()`, `GWSoluteSetLangmuir()`, `GWSoluteSetSorption()`
@*/
PetscErrorCode GWSoluteSetFreundlich(GWSolute solute, PetscInt mat, PetscReal rho_b, PetscReal Kf, PetscReal nf)
{
  PetscReal v[2] = {Kf, nf};

  PetscFunctionBegin;
  PetscValidHeaderSpecific(solute, GWSOLUTE_CLASSID, 1);
  PetscCall(GWSoluteCheckNotSetUp_Private(solute));
  PetscCall(GWSoluteCheckNonNegative_Private(solute, "the bulk density", "kg/m^3", rho_b));
  PetscCall(GWSoluteCheckNonNegative_Private(solute, "the Freundlich coefficient Kf", "(kg/kg)/(kg/m^3)^nf", Kf));
  PetscCheck(nf > 0 && !PetscIsInfOrNanReal(nf), PetscObjectComm((PetscObject)solute), PETSC_ERR_ARG_OUTOFRANGE, "Solute %s: the Freundlich exponent nf must be a finite value > 0, got %g", ((PetscObject)solute)->name, (double)nf);
  PetscCall(SetIsotherm(solute, GW_SORPTION_FREUNDLICH));
  PetscCall(GWSoluteSetMaterialProperties_Private(solute, mat, GW_SOL_RHO, 1, &rho_b));
  PetscCall(GWSoluteSetMaterialProperties_Private(solute, mat, GW_SOL_KF, 2, v));
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteGetFreundlich - gets the Freundlich parameters of a material

  Not collective

  Input Parameters:
+ solute - the solute
- mat - material index, or -1 for the default

  Output Parameters:
+ rho_b - dry bulk density [kg/m^3] (may be NULL)
. Kf - Freundlich coefficient [(kg/kg) / (kg/m^3)^nf] (may be NULL)
- nf - Freundlich exponent [-] (may be NULL)

  Level: intermediate

.seealso: `GWSoluteSetFreundlich()`
@*/
PetscErrorCode GWSoluteGetFreundlich(GWSolute solute, PetscInt mat, PetscReal *rho_b, PetscReal *Kf, PetscReal *nf)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(solute, GWSOLUTE_CLASSID, 1);
  if (rho_b) PetscCall(GWSoluteGetMaterialProperty_Private(solute, mat, GW_SOL_RHO, rho_b));
  if (Kf) PetscCall(GWSoluteGetMaterialProperty_Private(solute, mat, GW_SOL_KF, Kf));
  if (nf) PetscCall(GWSoluteGetMaterialProperty_Private(solute, mat, GW_SOL_NF, nf));
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteSetLangmuir - sets Langmuir equilibrium sorption in a material

  Logically collective

  Input Parameters:
+ solute - the solute, before GWModelSetUp()
. mat - material index in the model, or -1 for every material without its own values
. rho_b - dry bulk density [kg/m^3], >= 0
. Smax - sorption capacity [kg/kg], >= 0: the sorbed mass per solid mass as c grows without bound
- KL - Langmuir constant [m^3/kg], >= 0 (1/KL is the concentration at half the capacity)

  Notes:
  The sorbed mass per solid mass is F(c) = Smax KL c / (1 + KL c) (Langmuir 1918; e.g. Fetter
  1999, Contaminant Hydrogeology, eq. 4.12), per bulk volume rho_b F(c). The transport step is
  then nonlinear and is solved by Newton's method (doc/theory.md, "Nonlinear sorption"). A
  solute with a Langmuir isotherm has no linear Kd and no solubility.

  Errors:
  PETSC_ERR_ARG_OUTOFRANGE for a negative value; PETSC_ERR_ARG_WRONG when the solute already has
  a Freundlich isotherm.

  Level: intermediate

.seealso: `GWSoluteGetLangmuir()`, `GWSoluteSetFreundlich()`, `GWSoluteSetSorption()`
@*/
PetscErrorCode GWSoluteSetLangmuir(GWSolute solute, PetscInt mat, PetscReal rho_b, PetscReal Smax, PetscReal KL)
{
  PetscReal v[2] = {Smax, KL};

  PetscFunctionBegin;
  PetscValidHeaderSpecific(solute, GWSOLUTE_CLASSID, 1);
  PetscCall(GWSoluteCheckNotSetUp_Private(solute));
  PetscCall(GWSoluteCheckNonNegative_Private(solute, "the bulk density", "kg/m^3", rho_b));
  PetscCall(GWSoluteCheckNonNegative_Private(solute, "the Langmuir capacity Smax", "kg/kg", Smax));
  PetscCall(GWSoluteCheckNonNegative_Private(solute, "the Langmuir constant KL", "m^3/kg", KL));
  PetscCall(SetIsotherm(solute, GW_SORPTION_LANGMUIR));
  PetscCall(GWSoluteSetMaterialProperties_Private(solute, mat, GW_SOL_RHO, 1, &rho_b));
  PetscCall(GWSoluteSetMaterialProperties_Private(solute, mat, GW_SOL_SMAX, 2, v));
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteGetLangmuir - gets the Langmuir parameters of a material

  Not collective

  Input Parameters:
+ solute - the solute
- mat - material index, or -1 for the default

  Output Parameters:
+ rho_b - dry bulk density [kg/m^3] (may be NULL)
. Smax - sorption capacity [kg/kg] (may be NULL)
- KL - Langmuir constant [m^3/kg] (may be NULL)

  Level: intermediate

.seealso: `GWSoluteSetLangmuir()`
@*/
PetscErrorCode GWSoluteGetLangmuir(GWSolute solute, PetscInt mat, PetscReal *rho_b, PetscReal *Smax, PetscReal *KL)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(solute, GWSOLUTE_CLASSID, 1);
  if (rho_b) PetscCall(GWSoluteGetMaterialProperty_Private(solute, mat, GW_SOL_RHO, rho_b));
  if (Smax) PetscCall(GWSoluteGetMaterialProperty_Private(solute, mat, GW_SOL_SMAX, Smax));
  if (KL) PetscCall(GWSoluteGetMaterialProperty_Private(solute, mat, GW_SOL_KL, KL));
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteGetSorptionIsotherm - gets the isotherm of a solute

  Not collective

  Input Parameter:
. solute - the solute

  Output Parameter:
. iso - GW_SORPTION_LINEAR (the default, also without sorption), GW_SORPTION_FREUNDLICH or
        GW_SORPTION_LANGMUIR

  Level: intermediate

.seealso: `GWSoluteSetFreundlich()`, `GWSoluteSetLangmuir()`
@*/
PetscErrorCode GWSoluteGetSorptionIsotherm(GWSolute solute, GWSorptionIsotherm *iso)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(solute, GWSOLUTE_CLASSID, 1);
  *iso = solute->iso;
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteGetSorptionIterations - gets the Newton iterations of the nonlinear-sorption steps

  Not collective

  Input Parameter:
. solute - the solute

  Output Parameters:
+ total - iterations of all transport steps since the run's start (may be NULL)
- maxstep - most iterations in one step (may be NULL)

  Notes:
  0 with a linear isotherm and upwind advection (each step is one linear solve); with the TVD
  scheme (GWSoluteSetAdvectionScheme()) the deferred-correction iterations are counted here too,
  with any isotherm. Each iteration is one linear solve;
  PETSc options -gw_transport_sorption_rtol (default 1e-12: stop when the residual of the cells'
  total mass is at most that times its first value, or stalls below 1e-10 of it) and
  -gw_transport_sorption_max_it (default 50) control the iteration.

  Level: intermediate

.seealso: `GWSoluteSetFreundlich()`, `GWSoluteSetLangmuir()`, `GWSoluteGetLinearIterations()`
@*/
PetscErrorCode GWSoluteGetSorptionIterations(GWSolute solute, PetscInt *total, PetscInt *maxstep)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(solute, GWSOLUTE_CLASSID, 1);
  if (total) *total = solute->nsorp;
  if (maxstep) *maxstep = solute->nsorp_max;
  PetscFunctionReturn(0);
}

/* Checks the resolved per-material properties of a solute with a nonlinear isotherm (collective). */
PetscErrorCode GWSoluteSetUpSorption_Private(GWSolute s)
{
  PetscFunctionBegin;
  if (s->iso == GW_SORPTION_LINEAR) PetscFunctionReturn(0);
  PetscCheck(s->csat == PETSC_MAX_REAL, PetscObjectComm((PetscObject)s), PETSC_ERR_SUP, "Solute %s: a solubility together with the %s isotherm is not supported (the solid-phase equilibrium is written for linear sorption); drop one of them", ((PetscObject)s)->name, GWSorptionIsotherms[s->iso]);
  for (PetscInt z = 0; z < s->model->nmat; z++) {
    const PetscReal *p = &s->mp[GW_SOL_NPROP * z];
    PetscCheck(p[GW_SOL_KD] == 0, PetscObjectComm((PetscObject)s), PETSC_ERR_ARG_WRONG, "Solute %s: material %s has a linear Kd = %g m^3/kg but the solute's isotherm is %s; give its sorption with that isotherm's parameters instead", ((PetscObject)s)->name, ((PetscObject)s->model->mat[z])->name, (double)p[GW_SOL_KD], GWSorptionIsotherms[s->iso]);
    PetscCheck(s->iso != GW_SORPTION_FREUNDLICH || p[GW_SOL_KF] == 0 || p[GW_SOL_NF] > 0, PetscObjectComm((PetscObject)s), PETSC_ERR_ARG_OUTOFRANGE, "Solute %s: material %s has a Freundlich Kf but no exponent nf > 0", ((PetscObject)s)->name, ((PetscObject)s->model->mat[z])->name);
  }
  PetscFunctionReturn(0);
}

/* Sorbed mass G [kg] of a cell of volume V [m^3] and material z at concentration c [kg/m^3], and
   dG/dc [m^3] taken at max(c, cmin) for the Freundlich isotherm (cmin > 0 keeps it finite at
   c = 0): G = V rho_b F(c) with F the solute's isotherm. The Newton iterates of a nonlinear
   isotherm are kept >= 0; below 0 the Freundlich G is 0 and the Langmuir G linear. */
void GWSoluteSorbedMass_Private(GWSolute s, PetscInt z, PetscReal V, PetscReal c, PetscReal cmin, PetscReal *G, PetscReal *dG)
{
  const PetscReal *p  = &s->mp[GW_SOL_NPROP * z];
  PetscReal        rV = V * p[GW_SOL_RHO];

  switch (s->iso) {
  case GW_SORPTION_FREUNDLICH: {
    PetscReal cc = PetscMax(c, cmin); /* dF/dc is infinite at 0 for nf < 1 */
    *G           = c > 0 ? rV * p[GW_SOL_KF] * PetscPowReal(c, p[GW_SOL_NF]) : 0.0;
    *dG          = rV * p[GW_SOL_KF] * p[GW_SOL_NF] * PetscPowReal(cc, p[GW_SOL_NF] - 1);
  } break;
  case GW_SORPTION_LANGMUIR: {
    PetscReal d = 1 + p[GW_SOL_KL] * PetscMax(c, 0.0);
    *G          = rV * p[GW_SOL_SMAX] * p[GW_SOL_KL] * c / d;
    *dG         = rV * p[GW_SOL_SMAX] * p[GW_SOL_KL] / (d * d);
  } break;
  default:
    *G  = rV * p[GW_SOL_KD] * c;
    *dG = rV * p[GW_SOL_KD];
  }
}

/* The concentration c >= 0 at which a cell of volume V, material z and water volume W [m^3] holds
   the dissolved and sorbed mass u [kg]: the root of W c + G(c) = u, which increases with c, by
   Newton's method safeguarded by bisection on [0, u/W]; 0 for u <= 0. */
PetscReal GWSoluteSorbedInverse_Private(GWSolute s, PetscInt z, PetscReal V, PetscReal W, PetscReal u)
{
  PetscReal lo = 0, hi, c, G, dG;

  if (u <= 0) return 0.0;
  hi = u / W;
  c  = 0.5 * hi;
  for (PetscInt it = 0; it < 200; it++) {
    PetscReal f, cn;
    GWSoluteSorbedMass_Private(s, z, V, c, 0.0, &G, &dG); /* c > 0 here: the exact slope */
    f = W * c + G - u;
    if (f > 0)
      hi = c;
    else
      lo = c;
    if (PetscAbsReal(f) <= 4 * PETSC_MACHINE_EPSILON * u || hi - lo <= 4 * PETSC_MACHINE_EPSILON * hi) break;
    cn = c - f / (W + dG);
    c  = (cn > lo && cn < hi) ? cn : 0.5 * (lo + hi);
  }
  return c;
}
