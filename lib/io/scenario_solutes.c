/* Scenario section solutes: dissolved species transported by the flow, their properties per
   material and the concentration of each package's inflow (doc/input.md, "solutes"). */
#include <gw/private/ioimpl.h>
#include <gw/private/modelimpl.h>
#include <gwtransport.h>
#include <string.h>

/* A non-negative quantity of map, in unit si, if present. */
static PetscErrorCode GetNonNegative(GWYamlNode map, const char key[], const char si[], PetscReal *value, PetscBool *present)
{
  PetscFunctionBegin;
  PetscCall(GWGetQuantity_Private(map, key, si, PETSC_FALSE, value, present));
  GWInputCheck(*value >= 0, GWYamlGet_Private(map, key), "must not be negative, found %g %s", (double)*value, si);
  PetscFunctionReturn(0);
}

/* The key of a nonlinear isotherm's parameter given under an isotherm that does not take it. */
static PetscErrorCode CheckIsothermKey(GWYamlNode map, const char key[], GWSorptionIsotherm iso, GWSorptionIsotherm needs)
{
  GWYamlNode k = GWYamlGet_Private(map, key);

  PetscFunctionBegin;
  GWInputCheck(!k || iso == needs, k, "%s is a parameter of the %s isotherm, but the solute's isotherm is %s; set isotherm: %s on the solute, or remove the key", key, GWSorptionIsotherms[needs], GWSorptionIsotherms[iso], GWSorptionIsotherms[needs]);
  PetscFunctionReturn(0);
}

/* alpha_L, alpha_T, bulk_density and the isotherm's parameters (Kd; Kf, nf; Smax, KL) of map, for
   material mat (-1: every material). */
static PetscErrorCode ReadMaterialProperties(GWSolute s, GWYamlNode map, PetscInt mat, GWSorptionIsotherm iso)
{
  PetscReal aL = 0, aT = 0, rho = 0, Kd = 0, p1 = 0, p2 = 0;
  PetscBool hL, hT, hr, hK, h1 = PETSC_FALSE, h2 = PETSC_FALSE; /* given here */

  PetscFunctionBegin;
  PetscCall(GWSoluteGetDispersivity(s, mat, &aL, &aT));
  PetscCall(GWSoluteGetSorption(s, mat, &rho, &Kd));
  PetscCall(GetNonNegative(map, "alpha_L", "m", &aL, &hL));
  PetscCall(GetNonNegative(map, "alpha_T", "m", &aT, &hT));
  PetscCall(GetNonNegative(map, "bulk_density", "kg/m3", &rho, &hr));
  PetscCall(CheckIsothermKey(map, "Kd", iso, GW_SORPTION_LINEAR));
  PetscCall(CheckIsothermKey(map, "Kf", iso, GW_SORPTION_FREUNDLICH));
  PetscCall(CheckIsothermKey(map, "nf", iso, GW_SORPTION_FREUNDLICH));
  PetscCall(CheckIsothermKey(map, "Smax", iso, GW_SORPTION_LANGMUIR));
  PetscCall(CheckIsothermKey(map, "KL", iso, GW_SORPTION_LANGMUIR));
  PetscCall(GetNonNegative(map, "Kd", "m3/kg", &Kd, &hK));
  GWInputCheck(Kd == 0 || rho > 0, map, "Kd needs the material's bulk_density (dry bulk density, e.g. 1600 kg/m3): sorbed mass per bulk volume is bulk_density Kd c");
  if (hL || hT) PetscCall(GWSoluteSetDispersivity(s, mat, aL, aT));
  if (iso == GW_SORPTION_LINEAR) {
    if (hr || hK) PetscCall(GWSoluteSetSorption(s, mat, rho, Kd));
  } else if (iso == GW_SORPTION_FREUNDLICH) {
    PetscCall(GWSoluteGetFreundlich(s, mat, NULL, &p1, &p2));
    PetscCall(GetNonNegative(map, "Kf", "-", &p1, &h1));
    PetscCall(GetNonNegative(map, "nf", "-", &p2, &h2));
    GWInputCheck(!h2 || p2 > 0, GWYamlGet_Private(map, "nf"), "the Freundlich exponent nf must be positive (below 1 for a favourable isotherm), found %g", (double)p2);
    GWInputCheck(mat >= 0 || (h1 && h2), map, "the freundlich isotherm needs Kf and nf on the solute (the values of every material without its own), e.g. Kf: 1e-4 and nf: 0.7");
    GWInputCheck(p1 == 0 || rho > 0, map, "Kf needs the material's bulk_density (dry bulk density, e.g. 1600 kg/m3): sorbed mass per bulk volume is bulk_density Kf c^nf");
    if (hr || h1 || h2) PetscCall(GWSoluteSetFreundlich(s, mat, rho, p1, p2));
  } else {
    PetscCall(GWSoluteGetLangmuir(s, mat, NULL, &p1, &p2));
    PetscCall(GetNonNegative(map, "Smax", "kg/kg", &p1, &h1));
    PetscCall(GetNonNegative(map, "KL", "m3/kg", &p2, &h2));
    GWInputCheck(mat >= 0 || (h1 && h2), map, "the langmuir isotherm needs Smax and KL on the solute (the values of every material without its own), e.g. Smax: 2e-4 kg/kg and KL: 5 m3/kg");
    GWInputCheck(p1 == 0 || rho > 0, map, "Smax needs the material's bulk_density (dry bulk density, e.g. 1600 kg/m3): sorbed mass per bulk volume is bulk_density Smax KL c / (1 + KL c)");
    if (hr || h1 || h2) PetscCall(GWSoluteSetLangmuir(s, mat, rho, p1, p2));
  }
  PetscFunctionReturn(0);
}

/* The index of the material or package named by key k among n objects, or an input error listing them. */
static PetscErrorCode FindByName(GWYamlNode k, const char what[], PetscInt n, PetscObject *obj, PetscInt *idx)
{
  char list[512] = "";

  PetscFunctionBegin;
  for (*idx = 0; *idx < n; (*idx)++)
    if (!strcmp(obj[*idx]->name, k->value)) PetscFunctionReturn(0);
  for (PetscInt q = 0; q < n; q++)
    if (strlen(list) + strlen(obj[q]->name) + 3 < sizeof(list)) {
      if (list[0]) strcat(list, ", ");
      strcat(list, obj[q]->name);
    }
  GWInputCheck(PETSC_FALSE, k, "no %s named \"%s\"; the scenario's %ss: %s", what, k->value, what, n ? list : "none");
  PetscFunctionReturn(0);
}

static PetscErrorCode ReadSolute(GWModel m, GWYamlNode v, GWSolute s)
{
  const char        *name = NULL;
  PetscReal          Dm = 0, c0 = 0, lam = 0, lams = 0, gam = 0, gams = 0;
  PetscBool          has_lams;
  GWYamlNode         sec;
  GWSorptionIsotherm iso;

  PetscFunctionBegin;
  PetscCall(GWYamlCheckKeys_Private(v, "solutes[]"));
  PetscCall(GWGetString_Private(v, "name", PETSC_TRUE, &name));
  PetscCall(GWCheckName_Private(GWYamlGet_Private(v, "name"), name, 64));
  PetscCall(GWSoluteSetName(s, name));
  PetscCall(GetNonNegative(v, "diffusion", "m2/s", &Dm, NULL));
  PetscCall(GetNonNegative(v, "initial", "kg/m3", &c0, NULL));
  PetscCall(GetNonNegative(v, "decay", "1/s", &lam, NULL));
  lams = lam;
  PetscCall(GetNonNegative(v, "decay_sorbed", "1/s", &lams, &has_lams));
  PetscCall(GetNonNegative(v, "production", "kg/m3/s", &gam, NULL));
  PetscCall(GetNonNegative(v, "production_sorbed", "1/s", &gams, NULL));
  PetscCall(GWSoluteSetDiffusionCoefficient(s, Dm));
  PetscCall(GWSoluteSetInitialConcentration(s, c0));
  PetscCall(GWSoluteSetDecay(s, lam, lams));
  PetscCall(GWSoluteSetProduction(s, gam, gams));
  {
    PetscReal csat = 0;
    PetscBool has;
    PetscCall(GWGetQuantity_Private(v, "solubility", "kg/m3", PETSC_FALSE, &csat, &has));
    GWInputCheck(!has || csat > 0, GWYamlGet_Private(v, "solubility"), "a solubility must be positive, found %g kg/m3 (omit the key for a solute that never precipitates)", (double)csat);
    if (has) PetscCall(GWSoluteSetSolubility(s, csat));
  }
  {
    const char *iname = "linear";
    PetscCall(GWGetString_Private(v, "isotherm", PETSC_FALSE, &iname));
    for (iso = GW_SORPTION_LINEAR; iso <= GW_SORPTION_LANGMUIR; iso++)
      if (!strcmp(iname, GWSorptionIsotherms[iso])) break;
    GWInputCheck(iso <= GW_SORPTION_LANGMUIR, GWYamlGet_Private(v, "isotherm"), "isotherm must be linear (Kd), freundlich (Kf, nf) or langmuir (Smax, KL), found \"%s\"", iname);
    GWInputCheck(iso == GW_SORPTION_LINEAR || !GWYamlGet_Private(v, "solubility"), GWYamlGet_Private(v, "solubility"), "a solubility works with the linear isotherm only (the solid-phase equilibrium is written for linear sorption); remove solubility or use isotherm: linear");
  }
  {
    const char       *aname = "upwind";
    GWAdvectionScheme adv;
    PetscCall(GWGetString_Private(v, "advection", PETSC_FALSE, &aname));
    for (adv = GW_ADVECTION_UPWIND; adv <= GW_ADVECTION_TVD; adv++)
      if (!strcmp(aname, GWAdvectionSchemes[adv])) break;
    GWInputCheck(adv <= GW_ADVECTION_TVD, GWYamlGet_Private(v, "advection"), "advection must be upwind or tvd (van Leer's limiter), found \"%s\"", aname);
    PetscCall(GWSoluteSetAdvectionScheme(s, adv));
  }
  {
    PetscReal cmax = 0;
    PetscBool has;
    PetscCall(GWGetQuantity_Private(v, "courant_max", "1", PETSC_FALSE, &cmax, &has));
    GWInputCheck(!has || cmax > 0, GWYamlGet_Private(v, "courant_max"), "courant_max must be positive (the largest Courant number of a transport sub-step, e.g. 1), found %g", (double)cmax);
    if (has) PetscCall(GWSoluteSetCourantMax(s, cmax));
  }
  PetscCall(ReadMaterialProperties(s, v, -1, iso));
  if ((sec = GWYamlGet_Private(v, "materials"))) {
    GWInputCheck(sec->kind == GW_YAML_MAP, sec, "expected a mapping of material names to {alpha_L:, alpha_T:, bulk_density:, and Kd:, Kf: and nf:, or Smax: and KL:}");
    for (PetscInt q = 0; q < sec->n; q++) {
      PetscInt z;
      PetscCall(FindByName(sec->keys[q], "material", m->nmat, (PetscObject *)m->mat, &z));
      PetscCall(GWYamlCheckKeys_Private(sec->items[q], "solutes[].materials.*"));
      PetscCall(ReadMaterialProperties(s, sec->items[q], z, iso));
    }
  }
  if ((sec = GWYamlGet_Private(v, "packages"))) {
    GWInputCheck(sec->kind == GW_YAML_MAP, sec, "expected a mapping of package names to {concentration:, boundary:}");
    for (PetscInt q = 0; q < sec->n; q++) {
      PetscInt         p;
      PetscReal        c    = 0;
      const char      *kind = "inflow";
      GWYamlNode       pv   = sec->items[q];
      GWSoluteBoundary b;
      PetscCall(FindByName(sec->keys[q], "package", m->npkg, (PetscObject *)m->pkg, &p));
      PetscCall(GWYamlCheckKeys_Private(pv, "solutes[].packages.*"));
      PetscCall(GWGetQuantity_Private(pv, "concentration", "kg/m3", PETSC_TRUE, &c, NULL));
      GWInputCheck(c >= 0, GWYamlGet_Private(pv, "concentration"), "a concentration must not be negative, found %g kg/m3", (double)c);
      PetscCall(GWGetString_Private(pv, "boundary", PETSC_FALSE, &kind));
      GWInputCheck(!strcmp(kind, "inflow") || !strcmp(kind, "fixed"), GWYamlGet_Private(pv, "boundary"), "boundary must be inflow (the inflow carries the concentration) or fixed (the concentration on the package's faces), found \"%s\"", kind);
      b = !strcmp(kind, "fixed") ? GW_SOLUTE_FIXED : GW_SOLUTE_INFLOW;
      if (b == GW_SOLUTE_FIXED) {
        GWPackageFaceRule rule;
        PetscCall(GWPackageGetFaceRule(m->pkg[p], &rule));
        GWInputCheck(rule != GW_PACKAGE_FACE_OPTIONAL, GWYamlGet_Private(pv, "boundary"), "a fixed concentration needs a package acting on cell faces; package %s acts inside cells: use boundary: inflow", sec->keys[q]->value);
      }
      PetscCall(GWSoluteSetPackageConcentration(s, m->pkg[p], c, b));
    }
  }
  PetscFunctionReturn(0);
}

/* Reads the solutes: section into solutes added to m (after the materials and packages). */
PetscErrorCode GWScenarioReadSolutes_Private(GWModel m, GWYamlNode root)
{
  GWYamlNode sl = GWYamlGet_Private(root, "solutes");

  PetscFunctionBegin;
  if (!sl) PetscFunctionReturn(0);
  GWInputCheck(sl->kind == GW_YAML_SEQ, sl, "expected a list of solutes (lines starting with '- name:')");
  for (PetscInt q = 0; q < sl->n; q++) {
    GWSolute       s;
    PetscErrorCode ierr;
    PetscCall(GWSoluteCreate(PetscObjectComm((PetscObject)m), &s));
    ierr = ReadSolute(m, sl->items[q], s);
    if (!ierr) {
      for (PetscInt r = 0; r < q && !ierr; r++) {
        const char *a, *b;
        GWSolute    o;
        PetscCall(GWModelGetSolute(m, r, &o));
        PetscCall(GWSoluteGetName(s, &a));
        PetscCall(GWSoluteGetName(o, &b));
        if (!strcmp(a, b)) {
          PetscCall(GWSoluteDestroy(&s));
          GWInputCheck(PETSC_FALSE, GWYamlGet_Private(sl->items[q], "name"), "solute name \"%s\" is used twice; give each solute its own name", a);
        }
      }
      ierr = GWModelAddSolute(m, s);
    }
    PetscCall(GWSoluteDestroy(&s));
    PetscCall(ierr);
  }
  PetscFunctionReturn(0);
}
