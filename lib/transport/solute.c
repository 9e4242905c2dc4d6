/* GWSolute: a dissolved species and its properties; attaching solutes to a model. */
#include <gw/private/transportimpl.h>
#include <string.h>

PetscClassId      GWSOLUTE_CLASSID     = 0;
PetscLogEvent     GW_Transport         = 0;
const char *const GWSoluteBoundaries[] = {"inflow", "fixed", "GWSoluteBoundary", "GW_SOLUTE_", NULL};

static PetscErrorCode GWSoluteInitializePackage(void)
{
  PetscFunctionBegin;
  if (GWSOLUTE_CLASSID) PetscFunctionReturn(0);
  PetscCall(PetscClassIdRegister("GW Solute", &GWSOLUTE_CLASSID));
  PetscCall(PetscLogEventRegister("GWTransport", GWSOLUTE_CLASSID, &GW_Transport));
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteCreate - creates a solute with no diffusion, dispersion, sorption or reaction

  Collective

  Input Parameter:
. comm - the communicator of the model it will join

  Output Parameter:
. solute - the new solute; its default name is "solute"

  Notes:
  Give its properties with GWSoluteSetDiffusionCoefficient(), GWSoluteSetDispersivity(),
  GWSoluteSetSorption(), GWSoluteSetDecay(), GWSoluteSetProduction(), the concentrations of the
  packages' inflows with GWSoluteSetPackageConcentration(), and add it with GWModelAddSolute()
  before GWModelSetUp(). Concentration is a mass per volume of water [kg/m^3 = g/L]; any
  consistent mass unit works since the equation is linear in it.

  Level: beginner

.seealso: `GWSoluteDestroy()`, `GWModelAddSolute()`
@*/
PetscErrorCode GWSoluteCreate(MPI_Comm comm, GWSolute *solute)
{
  GWSolute s;

  PetscFunctionBegin;
  PetscValidPointer(solute, 2);
  PetscCall(GWInitializePackage());
  PetscCall(GWSoluteInitializePackage());
  PetscCall(PetscHeaderCreate(s, GWSOLUTE_CLASSID, "GWSolute", "Dissolved species", "GW", comm, GWSoluteDestroy, NULL));
  PetscCall(PetscObjectSetName((PetscObject)s, "solute"));
  s->csat = PETSC_MAX_REAL;
  *solute = s;
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteDestroy - releases a solute

  Collective

  Input Parameter:
. solute - the solute; set to NULL on return

  Level: beginner

.seealso: `GWSoluteCreate()`
@*/
PetscErrorCode GWSoluteDestroy(GWSolute *solute)
{
  GWSolute s;

  PetscFunctionBegin;
  if (!solute || !*solute) PetscFunctionReturn(0);
  s = *solute;
  PetscValidHeaderSpecific(s, GWSOLUTE_CLASSID, 1);
  if (--((PetscObject)s)->refct > 0) {
    *solute = NULL;
    PetscFunctionReturn(0);
  }
  for (PetscInt q = 0; q < s->npc; q++) PetscCall(GWPackageDestroy(&s->pc_pkg[q]));
  PetscCall(PetscFree3(s->pc_pkg, s->pc_c, s->pc_kind));
  PetscCall(PetscFree(s->mprop));
  PetscCall(GWSoluteDestroyData_Private(s));
  PetscCall(PetscHeaderDestroy(solute));
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteSetName - names the solute (budget rows, output variables, messages)

  Not collective

  Input Parameters:
+ solute - the solute
- name - e.g. "chloride"

  Level: beginner

.seealso: `GWSoluteGetName()`
@*/
PetscErrorCode GWSoluteSetName(GWSolute solute, const char name[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(solute, GWSOLUTE_CLASSID, 1);
  PetscCall(PetscObjectSetName((PetscObject)solute, name));
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteGetName - gets the solute's name

  Not collective

  Input Parameter:
. solute - the solute

  Output Parameter:
. name - the name (borrowed)

  Level: beginner

.seealso: `GWSoluteSetName()`
@*/
PetscErrorCode GWSoluteGetName(GWSolute solute, const char *name[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(solute, GWSOLUTE_CLASSID, 1);
  PetscCall(PetscObjectGetName((PetscObject)solute, name));
  PetscFunctionReturn(0);
}

PetscErrorCode GWSoluteCheckNotSetUp_Private(GWSolute s)
{
  PetscFunctionBegin;
  PetscCheck(!s->model, PetscObjectComm((PetscObject)s), PETSC_ERR_ARG_WRONGSTATE, "Solute %s: its properties are fixed once the model is set up; set them before GWModelSetUp()", ((PetscObject)s)->name);
  PetscFunctionReturn(0);
}

PetscErrorCode GWSoluteCheckNonNegative_Private(GWSolute s, const char what[], const char unit[], PetscReal v)
{
  PetscFunctionBegin;
  PetscCheck(v >= 0 && !PetscIsInfOrNanReal(v), PetscObjectComm((PetscObject)s), PETSC_ERR_ARG_OUTOFRANGE, "Solute %s: %s must be a finite value >= 0 %s, got %g", ((PetscObject)s)->name, what, unit, (double)v);
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteSetDiffusionCoefficient - sets the molecular diffusion coefficient in free water

  Logically collective

  Input Parameters:
+ solute - the solute
- Dm - diffusion coefficient in free water [m^2/s], >= 0 (NaCl about 1.5e-9 m^2/s at 25 C)

  Notes:
  In the porous medium the diffusive flux is -theta tau Dm grad c with the Millington and Quirk
  (1961, Trans. Faraday Soc. 57, eq. 20) tortuosity tau = theta^(7/3) / phi^2, phi the porosity
  (saturated water content) of the cell's material, so the effective coefficient per bulk volume
  is theta^(10/3) Dm / phi^2.

  Level: beginner

.seealso: `GWSoluteSetDispersivity()`
@*/
PetscErrorCode GWSoluteSetDiffusionCoefficient(GWSolute solute, PetscReal Dm)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(solute, GWSOLUTE_CLASSID, 1);
  PetscCall(GWSoluteCheckNotSetUp_Private(solute));
  PetscCall(GWSoluteCheckNonNegative_Private(solute, "the diffusion coefficient", "m^2/s", Dm));
  solute->Dm = Dm;
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteGetDiffusionCoefficient - gets the molecular diffusion coefficient in free water [m^2/s]

  Not collective

  Input Parameter:
. solute - the solute

  Output Parameter:
. Dm - the coefficient [m^2/s]

  Level: beginner

.seealso: `GWSoluteSetDiffusionCoefficient()`
@*/
PetscErrorCode GWSoluteGetDiffusionCoefficient(GWSolute solute, PetscReal *Dm)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(solute, GWSOLUTE_CLASSID, 1);
  *Dm = solute->Dm;
  PetscFunctionReturn(0);
}

/* Sets properties [first, first + n) of material mat (< 0: the default of every material). */
PetscErrorCode GWSoluteSetMaterialProperties_Private(GWSolute s, PetscInt mat, PetscInt first, PetscInt n, const PetscReal v[])
{
  PetscFunctionBegin;
  if (mat < 0) {
    for (PetscInt q = 0; q < n; q++) s->def[first + q] = v[q];
    PetscFunctionReturn(0);
  }
  if (mat >= s->nm) {
    PetscReal *mp;
    PetscCall(PetscMalloc1(GW_SOL_NPROP * (mat + 1), &mp));
    for (PetscInt q = 0; q < GW_SOL_NPROP * (mat + 1); q++) mp[q] = q < GW_SOL_NPROP * s->nm ? s->mprop[q] : PETSC_NAN;
    PetscCall(PetscFree(s->mprop));
    s->mprop = mp;
    s->nm    = mat + 1;
  }
  for (PetscInt q = 0; q < n; q++) s->mprop[GW_SOL_NPROP * mat + first + q] = v[q];
  PetscFunctionReturn(0);
}

PetscErrorCode GWSoluteGetMaterialProperty_Private(GWSolute s, PetscInt mat, PetscInt q, PetscReal *v)
{
  PetscFunctionBegin;
  *v = (mat >= 0 && mat < s->nm && !PetscIsNanReal(s->mprop[GW_SOL_NPROP * mat + q])) ? s->mprop[GW_SOL_NPROP * mat + q] : s->def[q];
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteSetDispersivity - sets the longitudinal and transverse dispersivities of a material

  Logically collective

  Input Parameters:
+ solute - the solute
. mat - material index in the model (order of GWModelAddMaterial()), or -1 for every material
        without its own values
. alphaL - longitudinal dispersivity [m], >= 0
- alphaT - transverse dispersivity [m], >= 0

  Notes:
  Mechanical dispersion follows Bear (1972, Dynamics of Fluids in Porous Media, eq. 10.6.8) and
  Scheidegger (1961): theta D = alphaT |q| I + (alphaL - alphaT) q q^T / |q| with q the Darcy flux.
  On the two-point faces of the grid only the normal component D_nn is used (see doc/theory.md).

  Level: beginner

.seealso: `GWSoluteGetDispersivity()`, `GWSoluteSetDiffusionCoefficient()`
@*/
PetscErrorCode GWSoluteSetDispersivity(GWSolute solute, PetscInt mat, PetscReal alphaL, PetscReal alphaT)
{
  PetscReal v[2] = {alphaL, alphaT};

  PetscFunctionBegin;
  PetscValidHeaderSpecific(solute, GWSOLUTE_CLASSID, 1);
  PetscCall(GWSoluteCheckNotSetUp_Private(solute));
  PetscCall(GWSoluteCheckNonNegative_Private(solute, "the longitudinal dispersivity", "m", alphaL));
  PetscCall(GWSoluteCheckNonNegative_Private(solute, "the transverse dispersivity", "m", alphaT));
  PetscCall(GWSoluteSetMaterialProperties_Private(solute, mat, GW_SOL_AL, 2, v));
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteGetDispersivity - gets the dispersivities of a material

  Not collective

  Input Parameters:
+ solute - the solute
- mat - material index, or -1 for the default

  Output Parameters:
+ alphaL - longitudinal dispersivity [m] (may be NULL)
- alphaT - transverse dispersivity [m] (may be NULL)

  Level: beginner

.seealso: `GWSoluteSetDispersivity()`
@*/
PetscErrorCode GWSoluteGetDispersivity(GWSolute solute, PetscInt mat, PetscReal *alphaL, PetscReal *alphaT)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(solute, GWSOLUTE_CLASSID, 1);
  if (alphaL) PetscCall(GWSoluteGetMaterialProperty_Private(solute, mat, GW_SOL_AL, alphaL));
  if (alphaT) PetscCall(GWSoluteGetMaterialProperty_Private(solute, mat, GW_SOL_AT, alphaT));
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteSetDecay - sets first-order decay in the liquid and sorbed phases

  Logically collective

  Input Parameters:
+ solute - the solute
. lambda_l - decay rate of the dissolved mass [1/s], >= 0 (ln 2 / half-life)
- lambda_s - decay rate of the sorbed mass [1/s], >= 0

  Notes:
  The loss per bulk volume is lambda_l theta c + lambda_s rho_b Kd c (van Genuchten and Alves
  1982, USDA Tech. Bull. 1661, eq. 1 with mu = lambda_l theta + lambda_s rho_b Kd).

  Level: beginner

.seealso: `GWSoluteGetDecay()`, `GWSoluteSetProduction()`
@*/
PetscErrorCode GWSoluteSetDecay(GWSolute solute, PetscReal lambda_l, PetscReal lambda_s)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(solute, GWSOLUTE_CLASSID, 1);
  PetscCall(GWSoluteCheckNotSetUp_Private(solute));
  PetscCall(GWSoluteCheckNonNegative_Private(solute, "the liquid-phase decay rate", "1/s", lambda_l));
  PetscCall(GWSoluteCheckNonNegative_Private(solute, "the sorbed-phase decay rate", "1/s", lambda_s));
  solute->lam_l = lambda_l;
  solute->lam_s = lambda_s;
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteGetDecay - gets the first-order decay rates

  Not collective

  Input Parameter:
. solute - the solute

  Output Parameters:
+ lambda_l - liquid phase [1/s] (may be NULL)
- lambda_s - sorbed phase [1/s] (may be NULL)

  Level: beginner

.seealso: `GWSoluteSetDecay()`
@*/
PetscErrorCode GWSoluteGetDecay(GWSolute solute, PetscReal *lambda_l, PetscReal *lambda_s)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(solute, GWSOLUTE_CLASSID, 1);
  if (lambda_l) *lambda_l = solute->lam_l;
  if (lambda_s) *lambda_s = solute->lam_s;
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteSetProduction - sets zero-order production in the liquid and sorbed phases

  Logically collective

  Input Parameters:
+ solute - the solute
. gamma_l - production per volume of water [kg/m^3/s], >= 0
- gamma_s - production per mass of solid [kg/kg/s], >= 0

  Notes:
  The source per bulk volume is gamma_l theta + gamma_s rho_b (van Genuchten and Alves 1982, eq. 1).

  Level: intermediate

.seealso: `GWSoluteGetProduction()`, `GWSoluteSetDecay()`
@*/
PetscErrorCode GWSoluteSetProduction(GWSolute solute, PetscReal gamma_l, PetscReal gamma_s)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(solute, GWSOLUTE_CLASSID, 1);
  PetscCall(GWSoluteCheckNotSetUp_Private(solute));
  PetscCall(GWSoluteCheckNonNegative_Private(solute, "the liquid-phase production", "kg/m^3/s", gamma_l));
  PetscCall(GWSoluteCheckNonNegative_Private(solute, "the solid-phase production", "kg/kg/s", gamma_s));
  solute->gam_l = gamma_l;
  solute->gam_s = gamma_s;
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteGetProduction - gets the zero-order production rates

  Not collective

  Input Parameter:
. solute - the solute

  Output Parameters:
+ gamma_l - per volume of water [kg/m^3/s] (may be NULL)
- gamma_s - per mass of solid [kg/kg/s] (may be NULL)

  Level: intermediate

.seealso: `GWSoluteSetProduction()`
@*/
PetscErrorCode GWSoluteGetProduction(GWSolute solute, PetscReal *gamma_l, PetscReal *gamma_s)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(solute, GWSOLUTE_CLASSID, 1);
  if (gamma_l) *gamma_l = solute->gam_l;
  if (gamma_s) *gamma_s = solute->gam_s;
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteSetInitialConcentration - starts from a uniform concentration

  Logically collective

  Input Parameters:
+ solute - the solute
- c - concentration [kg/m^3], >= 0

  Notes:
  Applied at GWModelSetUp(); for any other initial field fill the vector of
  GWSoluteGetConcentration() after set-up and before the first step.

  Level: beginner

.seealso: `GWSoluteGetConcentration()`
@*/
PetscErrorCode GWSoluteSetInitialConcentration(GWSolute solute, PetscReal c)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(solute, GWSOLUTE_CLASSID, 1);
  PetscCall(GWSoluteCheckNotSetUp_Private(solute));
  PetscCall(GWSoluteCheckNonNegative_Private(solute, "the initial concentration", "kg/m^3", c));
  solute->c_init = c;
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteGetInitialConcentration - gets the uniform initial concentration [kg/m^3]

  Not collective

  Input Parameter:
. solute - the solute

  Output Parameter:
. c - the concentration [kg/m^3]

  Level: beginner

.seealso: `GWSoluteSetInitialConcentration()`
@*/
PetscErrorCode GWSoluteGetInitialConcentration(GWSolute solute, PetscReal *c)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(solute, GWSOLUTE_CLASSID, 1);
  *c = solute->c_init;
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteSetPackageConcentration - sets the concentration of the water a package brings in

  Logically collective

  Input Parameters:
+ solute - the solute
. pkg - a package of the model (added with GWModelAddPackage(), before or after this call)
. c - concentration [kg/m^3], >= 0
- kind - GW_SOLUTE_INFLOW (third type: the inflow carries c) or GW_SOLUTE_FIXED (first type: the
         concentration on the package's faces is c; needs a package acting on faces)

  Notes:
  Packages without a concentration bring in clean water (c = 0). Water leaving through a package
  carries the concentration of its cell, except through the atmosphere (evaporation),
  evapotranspiration and root-uptake packages, which take water and leave the solute behind, so
  that salt accumulates where water evaporates. For the atmosphere package the inflow is the net
  flux into the soil of a step.

  Level: beginner

.seealso: `GWSoluteGetPackageConcentration()`, `GWSoluteBoundary`
@*/
PetscErrorCode GWSoluteSetPackageConcentration(GWSolute solute, GWPackage pkg, PetscReal c, GWSoluteBoundary kind)
{
  GWSolute s = solute;
  PetscInt q;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(solute, GWSOLUTE_CLASSID, 1);
  PetscValidHeaderSpecific(pkg, GWPACKAGE_CLASSID, 2);
  PetscCall(GWSoluteCheckNotSetUp_Private(s));
  PetscCall(GWSoluteCheckNonNegative_Private(s, "a package's inflow concentration", "kg/m^3", c));
  PetscCheck(kind == GW_SOLUTE_INFLOW || kind == GW_SOLUTE_FIXED, PetscObjectComm((PetscObject)s), PETSC_ERR_ARG_OUTOFRANGE, "Solute %s: unknown boundary kind %d (inflow or fixed)", ((PetscObject)s)->name, (int)kind);
  for (q = 0; q < s->npc; q++)
    if (s->pc_pkg[q] == pkg) break;
  if (q == s->npc) {
    GWPackage        *pp;
    PetscReal        *pc;
    GWSoluteBoundary *pk;
    PetscCall(PetscMalloc3(s->npc + 1, &pp, s->npc + 1, &pc, s->npc + 1, &pk));
    PetscCall(PetscArraycpy(pp, s->pc_pkg, s->npc));
    PetscCall(PetscArraycpy(pc, s->pc_c, s->npc));
    PetscCall(PetscArraycpy(pk, s->pc_kind, s->npc));
    PetscCall(PetscFree3(s->pc_pkg, s->pc_c, s->pc_kind));
    s->pc_pkg  = pp;
    s->pc_c    = pc;
    s->pc_kind = pk;
    PetscCall(PetscObjectReference((PetscObject)pkg));
    s->pc_pkg[s->npc++] = pkg;
  }
  s->pc_c[q]    = c;
  s->pc_kind[q] = kind;
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteGetPackageConcentration - gets the concentration of a package's inflow

  Not collective

  Input Parameters:
+ solute - the solute
- pkg - the package

  Output Parameters:
+ c - concentration [kg/m^3]; 0 when none was given (may be NULL)
- kind - boundary kind (GW_SOLUTE_INFLOW when none was given; may be NULL)

  Level: beginner

.seealso: `GWSoluteSetPackageConcentration()`
@*/
PetscErrorCode GWSoluteGetPackageConcentration(GWSolute solute, GWPackage pkg, PetscReal *c, GWSoluteBoundary *kind)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(solute, GWSOLUTE_CLASSID, 1);
  if (c) *c = 0;
  if (kind) *kind = GW_SOLUTE_INFLOW;
  for (PetscInt q = 0; q < solute->npc; q++)
    if (solute->pc_pkg[q] == pkg) {
      if (c) *c = solute->pc_c[q];
      if (kind) *kind = solute->pc_kind[q];
    }
  PetscFunctionReturn(0);
}

/*@C
  GWModelAddSolute - adds a solute to be transported by the model's flow

  Collective

  Input Parameters:
+ model - the model, before GWModelSetUp()
- solute - the solute (the model takes a reference; destroy your handle when done)

  Notes:
  After every accepted flow step, each solute's concentration is advanced by one backward-Euler
  finite-volume step with the step's face fluxes and water contents (doc/theory.md). A model
  without solutes does no transport work.

  Errors:
  PETSC_ERR_ARG_WRONGSTATE after GWModelSetUp(); PETSC_ERR_ARG_WRONG when a solute of the same
  name is already in the model.

  Level: beginner

.seealso: `GWSoluteCreate()`, `GWModelGetSolute()`
@*/
PetscErrorCode GWModelAddSolute(GWModel model, GWSolute solute)
{
  struct _n_GWTransport *tr;
  GWSolute              *ns;
  const char            *name, *other;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscValidHeaderSpecific(solute, GWSOLUTE_CLASSID, 2);
  PetscCheck(!model->setupcalled, PetscObjectComm((PetscObject)model), PETSC_ERR_ARG_WRONGSTATE, "Add solutes before GWModelSetUp()");
  if (!model->transport) PetscCall(PetscNew(&model->transport));
  tr = model->transport;
  PetscCall(PetscObjectGetName((PetscObject)solute, &name));
  for (PetscInt q = 0; q < tr->nsolute; q++) {
    PetscCall(PetscObjectGetName((PetscObject)tr->solute[q], &other));
    PetscCheck(strcmp(name, other), PetscObjectComm((PetscObject)model), PETSC_ERR_ARG_WRONG, "The model already has a solute named %s; give each solute its own name with GWSoluteSetName()", name);
  }
  PetscCall(PetscMalloc1(tr->nsolute + 1, &ns));
  PetscCall(PetscArraycpy(ns, tr->solute, tr->nsolute));
  PetscCall(PetscFree(tr->solute));
  tr->solute = ns;
  PetscCall(PetscObjectReference((PetscObject)solute));
  tr->solute[tr->nsolute++] = solute;
  PetscFunctionReturn(0);
}

/*@C
  GWModelGetNumSolutes - gets the number of solutes of the model

  Not collective

  Input Parameter:
. model - the model

  Output Parameter:
. n - number of solutes (0 without transport)

  Level: beginner

.seealso: `GWModelAddSolute()`, `GWModelGetSolute()`
@*/
PetscErrorCode GWModelGetNumSolutes(GWModel model, PetscInt *n)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  *n = model->transport ? model->transport->nsolute : 0;
  PetscFunctionReturn(0);
}

/*@C
  GWModelGetSolute - gets a solute of the model

  Not collective

  Input Parameters:
+ model - the model
- q - solute index, in the order added

  Output Parameter:
. solute - the solute (borrowed)

  Level: beginner

.seealso: `GWModelAddSolute()`
@*/
PetscErrorCode GWModelGetSolute(GWModel model, PetscInt q, GWSolute *solute)
{
  PetscInt n;

  PetscFunctionBegin;
  PetscCall(GWModelGetNumSolutes(model, &n));
  PetscCheck(q >= 0 && q < n, PETSC_COMM_SELF, PETSC_ERR_ARG_OUTOFRANGE, "Solute %" PetscInt_FMT " does not exist: the model has %" PetscInt_FMT " solutes", q, n);
  *solute = model->transport->solute[q];
  PetscFunctionReturn(0);
}

/* Resolves the solute's properties against the model's materials and packages and creates its
   vectors (collective). */
PetscErrorCode GWSoluteSetUp_Private(GWSolute s, GWModel m)
{
  PetscFunctionBegin;
  PetscCheck(!s->model, PetscObjectComm((PetscObject)s), PETSC_ERR_ARG_WRONGSTATE, "Solute %s already belongs to a set-up model; a solute can join one model only", ((PetscObject)s)->name);
  PetscCheck(s->nm <= m->nmat, PetscObjectComm((PetscObject)s), PETSC_ERR_ARG_OUTOFRANGE, "Solute %s: properties were given for material %" PetscInt_FMT ", but the model has %" PetscInt_FMT " materials", ((PetscObject)s)->name, s->nm - 1, m->nmat);
  PetscCall(PetscMalloc1(GW_SOL_NPROP * PetscMax(m->nmat, 1), &s->mp));
  for (PetscInt z = 0; z < m->nmat; z++)
    for (PetscInt q = 0; q < GW_SOL_NPROP; q++) PetscCall(GWSoluteGetMaterialProperty_Private(s, z, q, &s->mp[GW_SOL_NPROP * z + q]));
  PetscCall(PetscCalloc2(PetscMax(m->npkg, 1), &s->pkg_c, PetscMax(m->npkg, 1), &s->pkg_kind));
  for (PetscInt q = 0; q < s->npc; q++) {
    PetscInt p;
    for (p = 0; p < m->npkg; p++)
      if (m->pkg[p] == s->pc_pkg[q]) break;
    PetscCheck(p < m->npkg, PetscObjectComm((PetscObject)s), PETSC_ERR_ARG_WRONG, "Solute %s: a concentration was given for package %s, which is not in the model; add it with GWModelAddPackage()", ((PetscObject)s)->name, ((PetscObject)s->pc_pkg[q])->name);
    if (s->pc_kind[q] == GW_SOLUTE_FIXED)
      for (PetscInt e = 0; e < m->pkg[p]->nentry; e++)
        PetscCheck(m->pkg[p]->entry[e].face != GW_FACE_NONE, PETSC_COMM_SELF, PETSC_ERR_ARG_WRONG, "Solute %s: a fixed concentration needs a package acting on cell faces, but package %s has a cell without a face; use kind inflow", ((PetscObject)s)->name, ((PetscObject)m->pkg[p])->name);
    s->pkg_c[p]    = s->pc_c[q];
    s->pkg_kind[p] = s->pc_kind[q];
  }
  PetscCall(PetscCalloc4(PetscMax(m->npkg, 1), &s->in, PetscMax(m->npkg, 1), &s->out, PetscMax(m->npkg, 1), &s->in_cum, PetscMax(m->npkg, 1), &s->out_cum));
  PetscCall(PetscMalloc1(2 * m->npkg + 9, &s->work));
  PetscCall(PetscCalloc3(GW_SZ_N * PetscMax(m->nmat, 1), &s->zone, GW_SZ_N * PetscMax(m->nmat, 1), &s->zone_cum, GW_SZ_N * PetscMax(m->nmat, 1), &s->zwork));
  PetscCall(DMCreateGlobalVector(m->da, &s->c));
  PetscCall(PetscObjectSetName((PetscObject)s->c, ((PetscObject)s)->name));
  PetscCall(VecDuplicate(s->c, &s->c_old));
  PetscCall(VecSet(s->c, s->c_init));
  if (s->csat < PETSC_MAX_REAL) {
    PetscCall(VecDuplicate(s->c, &s->solid));
    PetscCall(PetscObjectSetName((PetscObject)s->solid, "solid"));
    PetscCall(VecSet(s->solid, 0.0));
  }
  s->model = m;
  PetscFunctionReturn(0);
}

/* Zeroes the budget and returns the concentration to the state of the run's start. */
PetscErrorCode GWSoluteReset_Private(GWSolute s)
{
  PetscInt np = s->model->npkg;

  PetscFunctionBegin;
  if (s->c_start) PetscCall(VecCopy(s->c_start, s->c));
  PetscCall(PetscArrayzero(s->in, np));
  PetscCall(PetscArrayzero(s->out, np));
  PetscCall(PetscArrayzero(s->in_cum, np));
  PetscCall(PetscArrayzero(s->out_cum, np));
  s->dis = s->sorb = s->decay = s->prod = 0;
  s->dis_cum = s->sorb_cum = s->decay_cum = s->prod_cum = 0;
  s->mb_abs = s->mb_rel = s->mb_abs_cum = s->mb_rel_cum = s->gross_cum = 0;
  s->solid_step = s->solid_cum = s->mass_solid = 0;
  PetscCall(PetscArrayzero(s->zone, GW_SZ_N * s->model->nmat));
  PetscCall(PetscArrayzero(s->zone_cum, GW_SZ_N * s->model->nmat));
  if (s->solid) PetscCall(VecSet(s->solid, 0.0)); /* runs start without solid */
  s->nlinear = 0;
  s->nsorp = s->nsorp_max = 0;
  PetscFunctionReturn(0);
}

/* Frees what set-up created. */
PetscErrorCode GWSoluteDestroyData_Private(GWSolute s)
{
  PetscFunctionBegin;
  PetscCall(PetscFree(s->mp));
  PetscCall(PetscFree2(s->pkg_c, s->pkg_kind));
  PetscCall(PetscFree4(s->in, s->out, s->in_cum, s->out_cum));
  PetscCall(PetscFree(s->work));
  PetscCall(PetscFree3(s->zone, s->zone_cum, s->zwork));
  PetscCall(VecDestroy(&s->c));
  PetscCall(VecDestroy(&s->c_old));
  PetscCall(VecDestroy(&s->c_start));
  PetscCall(VecDestroy(&s->solid));
  s->model = NULL;
  PetscFunctionReturn(0);
}
