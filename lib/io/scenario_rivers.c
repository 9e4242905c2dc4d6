/* Scenario keys of routed river and canal packages: reaches (downstream order, Manning channel,
   inflow hydrograph, diversion) and springs (drain packages routed into a reach). Reaches are read
   with their package; diversions and springs name other packages, so they are linked once every
   package is read. */
#include <gw/private/ioimpl.h>
#include <gw/private/modelimpl.h>
#include <string.h>

static PetscBool IsRiver(GWPackage pkg)
{
  const char *type = ((PetscObject)pkg)->type_name;
  return (PetscBool)(type && (!strcmp(type, GWPACKAGERIVER) || !strcmp(type, GWPACKAGECANAL)));
}

/* Every value of a reach's series ser (read from node in, what in unit si) is >= 0. */
static PetscErrorCode CheckSeriesNonNegative(GWYamlNode in, const GWSeries *ser, const char what[], const char si[])
{
  PetscFunctionBegin;
  for (PetscInt q = 0; q < ser->n; q++) GWInputCheck(ser->v[q] >= 0, in, "%s %g %s at t = %g s is negative", what, (double)ser->v[q], si, (double)ser->t[q]);
  PetscFunctionReturn(0);
}

/* reaches: [{downstream:, width:, roughness:, slope:, inflow:}] of a river or canal package */
PetscErrorCode GWScenarioReadReaches_Private(GWModel m, GWPackage pkg, GWYamlNode v, PetscReal start_date, PetscBool have_start, PetscReal tend)
{
  GWYamlNode rs = GWYamlGet_Private(v, "reaches"), sp = GWYamlGet_Private(v, "springs"), ro = GWYamlGet_Private(v, "runoff");

  PetscFunctionBegin;
  if (!rs) {
    GWInputCheck(!sp, sp, "springs feed routed reaches: give the package's reaches too");
    GWInputCheck(!ro, ro, "runoff feeds routed reaches: give the package's reaches too");
    PetscFunctionReturn(0);
  }
  GWInputCheck(IsRiver(pkg), rs, "reaches belong to river and canal packages, not to a %s package", ((PetscObject)pkg)->type_name);
  GWInputCheck(rs->kind == GW_YAML_SEQ && rs->n >= 1, rs, "expected a list of reaches, numbered downstream from 0: - {downstream: 1, width: 5 m, roughness: 0.035, slope: 0.002}");
  for (PetscInt r = 0; r < rs->n; r++) {
    GWYamlNode it   = rs->items[r], in;
    PetscInt   down = -1;
    PetscReal  w = 0, n = 0, s = 0;
    PetscCall(GWYamlCheckKeys_Private(it, "packages[].reaches[]"));
    PetscCall(GWGetInteger_Private(it, "downstream", PETSC_FALSE, -1, &down));
    GWInputCheck(down == -1 || (down > r && down < rs->n), GWYamlGet_Private(it, "downstream"), "reach %" PetscInt_FMT " flows into reach %" PetscInt_FMT ": give a later reach of this list (reaches are numbered downstream from 0) or -1 at an outlet", r, down);
    PetscCall(GWGetQuantity_Private(it, "width", "m", PETSC_TRUE, &w, NULL));
    PetscCall(GWGetQuantity_Private(it, "roughness", "-", PETSC_TRUE, &n, NULL));
    PetscCall(GWGetQuantity_Private(it, "slope", "-", PETSC_TRUE, &s, NULL));
    GWInputCheck(w > 0 && n > 0 && s > 0, it, "width (%g m), roughness (Manning's n, %g s/m^(1/3)) and slope (%g) must be positive", (double)w, (double)n, (double)s);
    PetscCall(GWPackageRiverSetReach(pkg, r, down, w, n, s));
    if (GWYamlGet_Private(it, "side_slope")) {
      PetscReal z = 0;
      PetscCall(GWGetQuantity_Private(it, "side_slope", "-", PETSC_TRUE, &z, NULL));
      GWInputCheck(z >= 0, GWYamlGet_Private(it, "side_slope"), "side_slope %g must be >= 0 (horizontal per vertical; 0 a rectangle with walls; leave it out for a wide channel)", (double)z);
      PetscCall(GWPackageRiverSetReachSideSlope(pkg, r, z));
    }
    if ((in = GWYamlGet_Private(it, "evaporation"))) {
      if (in->kind == GW_YAML_SCALAR) {
        PetscReal e = 0, t0 = 0;
        PetscCall(GWReadQuantity_Private(in, "m/s", &e));
        GWInputCheck(e >= 0, in, "an open-water evaporation rate cannot be negative (%g m/s)", (double)e);
        PetscCall(GWPackageRiverSetReachEvaporation(pkg, r, 1, &t0, &e, GW_INTERP_STEP));
      } else {
        GWSeries        ser;
        GWInterpolation gi;
        PetscErrorCode  ierr;
        PetscCall(GWReadSeries_Private(PetscObjectComm((PetscObject)m), in, "packages[].reaches[].evaporation", "m/s", start_date, have_start, tend, &ser, &gi));
        ierr = CheckSeriesNonNegative(in, &ser, "evaporation rate", "m/s");
        if (!ierr) ierr = GWPackageRiverSetReachEvaporation(pkg, r, ser.n, ser.t, ser.v, gi);
        PetscCall(GWSeriesFree_Private(&ser)); /* also on bad input (check-sanitize) */
        PetscCall(ierr);
      }
    }
    if ((in = GWYamlGet_Private(it, "inflow"))) {
      if (in->kind == GW_YAML_SCALAR) {
        PetscReal q = 0, t0 = 0;
        PetscCall(GWReadQuantity_Private(in, "m^3/s", &q));
        GWInputCheck(q >= 0, in, "an inflow cannot be negative (%g m^3/s); take water out with a diversion", (double)q);
        PetscCall(GWPackageRiverSetReachInflow(pkg, r, 1, &t0, &q, GW_INTERP_STEP));
      } else {
        GWSeries        ser;
        GWInterpolation gi;
        PetscErrorCode  ierr;
        PetscCall(GWReadSeries_Private(PetscObjectComm((PetscObject)m), in, "packages[].reaches[].inflow", "m^3/s", start_date, have_start, tend, &ser, &gi));
        ierr = CheckSeriesNonNegative(in, &ser, "inflow", "m^3/s");
        if (!ierr) ierr = GWPackageRiverSetReachInflow(pkg, r, ser.n, ser.t, ser.v, gi);
        PetscCall(GWSeriesFree_Private(&ser)); /* also on bad input (check-sanitize) */
        PetscCall(ierr);
      }
    }
  }
  PetscFunctionReturn(0);
}

/* The package named by node, which must be in the model (a scenario package read before or after). */
static PetscErrorCode FindPackage(GWModel m, GWYamlNode node, GWPackage *pkg)
{
  char list[512] = "";

  PetscFunctionBegin;
  GWInputCheck(node->kind == GW_YAML_SCALAR, node, "expected the name of a package");
  for (PetscInt p = 0; p < m->npkg; p++) {
    const char *name;
    PetscCall(GWPackageGetName(m->pkg[p], &name));
    if (!strcmp(name, node->value)) {
      *pkg = m->pkg[p];
      PetscFunctionReturn(0);
    }
    if (strlen(list) + strlen(name) + 3 < sizeof(list)) {
      if (list[0]) strcat(list, ", ");
      strcat(list, name);
    }
  }
  GWInputCheck(PETSC_FALSE, node, "no package is called \"%s\"; the packages are: %s", node->value, list);
}

/* Second pass over packages: the diversions of reaches and the springs of routed packages, which
   name other packages (packages[p] is m->pkg[p0 + p]). */
PetscErrorCode GWScenarioLinkReaches_Private(GWModel m, GWYamlNode pk, PetscInt p0)
{
  PetscFunctionBegin;
  for (PetscInt p = 0; p < pk->n; p++) {
    GWYamlNode v = pk->items[p], rs = GWYamlGet_Private(v, "reaches"), sp = GWYamlGet_Private(v, "springs"), ro = GWYamlGet_Private(v, "runoff");
    GWPackage  pkg = m->pkg[p0 + p];
    for (PetscInt r = 0; rs && r < rs->n; r++) {
      GWYamlNode      dv   = GWYamlGet_Private(rs->items[r], "diversion"), to;
      GWPackage       tgt  = NULL;
      PetscReal       rate = 0;
      PetscInt        tr   = 0, ntr;
      GWDiversionRule rule = GW_DIVERSION_UPTO;
      const char     *rn   = NULL;
      if (!dv) continue;
      PetscCall(GWYamlCheckKeys_Private(dv, "packages[].reaches[].diversion"));
      PetscCall(GWGetString_Private(dv, "rule", PETSC_FALSE, &rn));
      if (rn) {
        PetscInt k = 0;
        while (GWDiversionRules[k] && k < 3 && strcmp(rn, GWDiversionRules[k])) k++;
        GWInputCheck(k < 3, GWYamlGet_Private(dv, "rule"), "unknown diversion rule \"%s\"; use upto (min(rate, flow)), fraction (a share of the flow, with fraction:) or excess (the flow above rate)", rn);
        rule = (GWDiversionRule)k;
      }
      if (rule == GW_DIVERSION_FRACTION) {
        GWInputCheck(!GWYamlGet_Private(dv, "rate"), GWYamlGet_Private(dv, "rate"), "a diversion with rule fraction takes a share of the flow: give fraction: (0 to 1), not rate:");
        PetscCall(GWGetQuantity_Private(dv, "fraction", "-", PETSC_TRUE, &rate, NULL));
        GWInputCheck(rate >= 0 && rate <= 1, GWYamlGet_Private(dv, "fraction"), "fraction %g of the flow must be from 0 to 1", (double)rate);
      } else {
        GWInputCheck(!GWYamlGet_Private(dv, "fraction"), GWYamlGet_Private(dv, "fraction"), "fraction: belongs to rule: fraction; with rule %s give rate:", GWDiversionRules[rule]);
        PetscCall(GWGetQuantity_Private(dv, "rate", "m^3/s", PETSC_TRUE, &rate, NULL));
        GWInputCheck(rate >= 0, dv, "a diversion rate cannot be negative (%g m^3/s)", (double)rate);
      }
      if ((to = GWYamlGet_Private(dv, "to"))) {
        PetscCall(FindPackage(m, to, &tgt));
        GWInputCheck(IsRiver(tgt), to, "package %s is not a river or canal; a diversion enters a reach", to->value);
        PetscCall(GWGetInteger_Private(dv, "reach", PETSC_FALSE, 0, &tr));
        PetscCall(GWPackageRiverGetNumReaches(tgt, &ntr));
        GWInputCheck(ntr > 0, to, "package %s has no reaches: give it reaches to take a diversion", to->value);
        GWInputCheck(tr < ntr, GWYamlGet_Private(dv, "reach") ? GWYamlGet_Private(dv, "reach") : dv, "package %s has reaches 0 to %" PetscInt_FMT, to->value, ntr - 1);
        GWInputCheck(tgt != pkg || tr > r, dv, "a diversion within the package must enter a later reach than %" PetscInt_FMT, r);
      } else
        GWInputCheck(!GWYamlGet_Private(dv, "reach"), GWYamlGet_Private(dv, "reach"), "give \"to\" (the receiving package) with \"reach\"; without \"to\" the water leaves the model");
      PetscCall(GWPackageRiverSetReachDiversion(pkg, r, tgt, tr, rate));
      PetscCall(GWPackageRiverSetReachDiversionRule(pkg, r, rule));
    }
    if (ro) {
      GWInputCheck(ro->kind == GW_YAML_SEQ, ro, "expected a list of {package: <atmosphere package>, reach: <reach>}");
      for (PetscInt s = 0; s < ro->n; s++) {
        GWYamlNode it = ro->items[s], pn;
        GWPackage  atm;
        PetscInt   r = 0, nr;
        PetscBool  isatm;
        PetscCall(GWYamlCheckKeys_Private(it, "packages[].runoff[]"));
        pn = GWYamlGet_Private(it, "package");
        GWInputCheck(pn, it, "missing key \"package\" (the name of an atmosphere package)");
        PetscCall(FindPackage(m, pn, &atm));
        PetscCall(PetscObjectTypeCompare((PetscObject)atm, GWPACKAGEATMOSPHERE, &isatm));
        GWInputCheck(isatm, pn, "package %s is a %s package; runoff comes from atmosphere packages", pn->value, ((PetscObject)atm)->type_name);
        PetscCall(GWGetInteger_Private(it, "reach", PETSC_FALSE, 0, &r));
        PetscCall(GWPackageRiverGetNumReaches(pkg, &nr));
        GWInputCheck(r >= 0 && r < nr, GWYamlGet_Private(it, "reach") ? GWYamlGet_Private(it, "reach") : it, "the package has reaches 0 to %" PetscInt_FMT, nr - 1);
        for (PetscInt q = 0; q < s; q++) GWInputCheck(strcmp(GWYamlGet_Private(ro->items[q], "package")->value, pn->value), pn, "the runoff of package %s is already routed; route it to one reach", pn->value);
        PetscCall(GWPackageRiverAddRunoff(pkg, atm, r));
      }
    }
    if (!sp) continue;
    GWInputCheck(sp->kind == GW_YAML_SEQ, sp, "expected a list of {package: <drain package>, reach: <reach>}");
    for (PetscInt s = 0; s < sp->n; s++) {
      GWYamlNode it = sp->items[s], pn;
      GWPackage  drn;
      PetscInt   r = 0, nr;
      PetscBool  isdrain;
      PetscCall(GWYamlCheckKeys_Private(it, "packages[].springs[]"));
      pn = GWYamlGet_Private(it, "package");
      GWInputCheck(pn, it, "missing key \"package\" (the name of a drain package)");
      PetscCall(FindPackage(m, pn, &drn));
      PetscCall(PetscObjectTypeCompare((PetscObject)drn, GWPACKAGEDRAIN, &isdrain));
      GWInputCheck(isdrain, pn, "package %s is a %s package; springs come from drain packages", pn->value, ((PetscObject)drn)->type_name);
      PetscCall(GWGetInteger_Private(it, "reach", PETSC_FALSE, 0, &r));
      PetscCall(GWPackageRiverGetNumReaches(pkg, &nr));
      GWInputCheck(r < nr, GWYamlGet_Private(it, "reach") ? GWYamlGet_Private(it, "reach") : it, "the package has reaches 0 to %" PetscInt_FMT, nr - 1);
      PetscCall(GWPackageRiverAddSpring(pkg, drn, r));
    }
  }
  PetscFunctionReturn(0);
}

/* observations[] with package: instead of x, y, z: the flows of one reach of a routed river or
   canal package (flow, inflow, leakage, diversion, depth) or the discharge of a drain package
   (springs). */
PetscErrorCode GWScenarioReadSurfaceObservation_Private(GWScenario sc, GWYamlNode p, PetscInt o)
{
  GWModel    m = sc->model;
  GWYamlNode q = GWYamlGet_Private(p, "quantities");
  GWPackage  pkg;
  PetscBool  isdrain;
  PetscInt   nr, r = 0, first, last;

  PetscFunctionBegin;
  PetscCall(FindPackage(m, GWYamlGet_Private(p, "package"), &pkg));
  for (PetscInt k = 0; k < m->npkg; k++)
    if (m->pkg[k] == pkg) sc->obspkg[2 * o] = k;
  {
    const char *const xyz[3] = {"x", "y", "z"};
    for (PetscInt k = 0; k < 3; k++) GWInputCheck(!GWYamlGet_Private(p, xyz[k]), GWYamlGet_Private(p, xyz[k]), "an observation of package %s has no point: drop x, y and z (or drop package: to observe a point)", GWYamlGet_Private(p, "package")->value);
  }
  PetscCall(PetscObjectTypeCompare((PetscObject)pkg, GWPACKAGEDRAIN, &isdrain));
  PetscCall(GWPackageRiverGetNumReaches(pkg, &nr));
  GWInputCheck(isdrain || nr > 0, GWYamlGet_Private(p, "package"), "package %s is a %s package; observe the reaches of a routed river or canal package (with reaches:) or the discharge of a drain package (springs)", pkg->hdr.name, ((PetscObject)pkg)->type_name);
  if (isdrain)
    GWInputCheck(!GWYamlGet_Private(p, "reach"), GWYamlGet_Private(p, "reach"), "package %s is a drain package: its discharge has no reach; drop reach:", pkg->hdr.name);
  else {
    PetscCall(GWGetInteger_Private(p, "reach", PETSC_FALSE, 0, &r));
    GWInputCheck(r >= 0 && r < nr, GWYamlGet_Private(p, "reach"), "package %s has reaches 0 to %" PetscInt_FMT ", not %" PetscInt_FMT, pkg->hdr.name, nr - 1, r);
  }
  sc->obspkg[2 * o + 1] = r;
  first                 = isdrain ? 10 : 5;
  last                  = isdrain ? 10 : 9;
  sc->obsq[o]           = isdrain ? 1 << 10 : (1 << 5 | 1 << 7);
  if (q) {
    GWInputCheck(q->kind == GW_YAML_SEQ && q->n > 0, q, "expected a list, e.g. %s", isdrain ? "[discharge]" : "[flow, leakage]");
    sc->obsq[o] = 0;
    for (PetscInt i = 0; i < q->n; i++) {
      PetscInt k = first;
      GWInputCheck(q->items[i]->kind == GW_YAML_SCALAR, q->items[i], "expected a quantity name");
      while (k <= last && strcmp(q->items[i]->value, GWObsQuantities[k])) k++;
      GWInputCheck(k <= last, q->items[i], "unknown quantity \"%s\" of a %s; use %s", q->items[i]->value, isdrain ? "drain package" : "reach", isdrain ? "discharge" : "flow, inflow, leakage, diversion or depth");
      sc->obsq[o] |= 1 << k;
    }
  }
  sc->obsxyz[3 * o] = sc->obsxyz[3 * o + 1] = sc->obsxyz[3 * o + 2] = 0;
  PetscFunctionReturn(0);
}

/* The values of surface-water observation o into val[GW_OBS_NQ] (this rank's share: reach flows,
   the same on every rank, from rank 0; the discharge of the drain cells this rank owns), to be
   summed over the ranks: flow = F - D leaving the reach, inflow I, leakage I - F into the
   aquifer, diversion D, Manning depth d [m], discharge = - sum Q of the drain [m^3/s]. */
PetscErrorCode GWScenarioSurfaceObservation_Private(GWScenario sc, PetscInt o, PetscMPIInt rank, PetscReal val[])
{
  GWPackage pkg = sc->model->pkg[sc->obspkg[2 * o]];
  PetscBool isdrain;

  PetscFunctionBegin;
  PetscCall(PetscObjectTypeCompare((PetscObject)pkg, GWPACKAGEDRAIN, &isdrain));
  if (isdrain) {
    for (PetscInt e = 0; e < pkg->nentry; e++) val[10] -= pkg->Q ? pkg->Q[e] : 0.0;
  } else if (!rank)
    PetscCall(GWPackageRiverGetReachFlows(pkg, sc->obspkg[2 * o + 1], &val[6], &val[5], &val[7], &val[8], &val[9]));
  PetscFunctionReturn(0);
}
