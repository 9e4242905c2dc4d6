/* Scenario section packages: each package's type found by name in the package registry; what the
   reader accepts (face, value and its unit, head kind, inputs, parameters, options) is declared by
   the type itself. */
#include <gw/private/ioimpl.h>
#include <gw/private/modelimpl.h>
#include <string.h>

static PetscErrorCode FindSlot(GWYamlNode key, const char *what, PetscInt n, const GWPackageSlot *doc, const char type[], PetscInt *idx)
{
  char list[512];

  PetscFunctionBegin;
  *idx = GWPackageSlotIndex_Private(n, doc, key->value, list, sizeof(list));
  if (*idx < 0) {
    PetscInt best = -1, bestd = 4;
    for (PetscInt i = 0; i < n; i++) {
      PetscInt d = GWEditDistance_Private(key->value, doc[i].name);
      if (d < bestd) {
        bestd = d;
        best  = i;
      }
    }
    GWInputCheck(best < 0, key, "package type %s has no %s \"%s\"; did you mean \"%s\"?", type, what, key->value, doc[best].name);
  }
  GWInputCheck(*idx >= 0, key, "package type %s has no %s \"%s\"; its %ss: %s", type, what, key->value, what, list);
  PetscFunctionReturn(0);
}

/* A list of quantities in unit si, one per cell or group, into a new array [n] (none left
   allocated on an error). */
static PetscErrorCode ReadQuantityList(GWYamlNode list, const char si[], PetscInt *n, PetscReal **x)
{
  PetscErrorCode ierr = 0;

  PetscFunctionBegin;
  GWInputCheck(list->n >= 1, list, "expected a list of values, one per cell or group of cells");
  PetscCall(PetscMalloc1(list->n, x));
  for (PetscInt q = 0; q < list->n && !ierr; q++) ierr = GWReadQuantity_Private(list->items[q], si, &(*x)[q]);
  if (ierr) PetscCall(PetscFree(*x)); /* bad input: nothing left allocated (check-sanitize) */
  PetscCall(ierr);
  *n = list->n;
  PetscFunctionReturn(0);
}

/* inputs:, parameters:, options: and segments: of the atmosphere-side packages */
static PetscErrorCode ReadPackageSlots(GWModel m, GWPackage pkg, GWYamlNode v, const char type[], PetscReal start_date, PetscBool have_start, PetscReal tend)
{
  GWYamlNode sec;

  PetscFunctionBegin;
  if ((sec = GWYamlGet_Private(v, "inputs"))) {
    GWInputCheck(sec->kind == GW_YAML_MAP, sec, "expected a mapping of input names to values or series");
    for (PetscInt q = 0; q < sec->n; q++) {
      PetscInt   idx = 0;
      GWYamlNode val = sec->items[q];
      char       pattern[64];
      PetscCall(FindSlot(sec->keys[q], "input", pkg->ninput, pkg->inputdoc, type, &idx));
      if (val->kind == GW_YAML_SCALAR) {
        PetscReal x = 0;
        PetscCall(GWReadQuantity_Private(val, pkg->inputdoc[idx].unit, &x));
        PetscCall(GWPackageSetInputValue(pkg, pkg->inputdoc[idx].name, x));
      } else {
        GWSeries        s;
        GWInterpolation gi;
        PetscErrorCode  ierr;
        PetscCall(PetscSNPrintf(pattern, sizeof(pattern), "packages[].inputs.%s", pkg->inputdoc[idx].name));
        PetscCall(GWReadSeries_Private(PetscObjectComm((PetscObject)pkg), val, pattern, pkg->inputdoc[idx].unit, start_date, have_start, tend, &s, &gi));
        ierr = GWPackageSetInput(pkg, pkg->inputdoc[idx].name, s.n, s.t, s.v, gi);
        PetscCall(GWSeriesFree_Private(&s)); /* also on bad input (check-sanitize) */
        PetscCall(ierr);
      }
    }
  }
  if ((sec = GWYamlGet_Private(v, "parameters"))) {
    GWInputCheck(sec->kind == GW_YAML_MAP, sec, "expected a mapping of parameter names to values");
    for (PetscInt q = 0; q < sec->n; q++) {
      PetscInt  idx = 0;
      PetscReal x   = 0;
      PetscCall(FindSlot(sec->keys[q], "parameter", pkg->nparam, pkg->paramdoc, type, &idx));
      if (sec->items[q]->kind == GW_YAML_MAP) { /* a field, e.g. a NetCDF variable */
        Vec  f;
        char pattern[96];
        PetscCall(PetscSNPrintf(pattern, sizeof(pattern), "packages[].parameters.%s", pkg->paramdoc[idx].name));
        PetscCall(GWYamlCheckKeys_Private(sec->items[q], pattern));
        PetscCall(GWReadNetCDFField_Private(m, sec->items[q], pkg->paramdoc[idx].unit, &f));
        PetscCall(GWPackageSetParameterField(pkg, pkg->paramdoc[idx].name, f));
        PetscCall(VecDestroy(&f));
        continue;
      }
      if (sec->items[q]->kind == GW_YAML_SEQ) { /* one value per cell */
        PetscReal *xs;
        PetscInt   n, nc;
        PetscCall(ReadQuantityList(sec->items[q], pkg->paramdoc[idx].unit, &n, &xs));
        PetscCall(GWPackageGetNumCells(pkg, &nc));
        GWInputCheck(n == nc, sec->items[q], "%" PetscInt_FMT " values of %s for %" PetscInt_FMT " cells: give one per cell, in the order of the cell boxes", n, pkg->paramdoc[idx].name, nc);
        PetscCall(GWPackageSetParameterValues(pkg, pkg->paramdoc[idx].name, n, xs));
        PetscCall(PetscFree(xs));
        continue;
      }
      PetscCall(GWReadQuantity_Private(sec->items[q], pkg->paramdoc[idx].unit, &x));
      PetscCall(GWPackageSetParameter(pkg, pkg->paramdoc[idx].name, x));
    }
  }
  if ((sec = GWYamlGet_Private(v, "options"))) {
    GWInputCheck(sec->kind == GW_YAML_MAP, sec, "expected a mapping of option names to choices");
    for (PetscInt q = 0; q < sec->n; q++) {
      PetscInt    idx = 0;
      const char *c;
      PetscBool   ok = PETSC_FALSE;
      PetscCall(FindSlot(sec->keys[q], "option", pkg->noption, pkg->optiondoc, type, &idx));
      GWInputCheck(sec->items[q]->kind == GW_YAML_SCALAR, sec->items[q], "expected one word");
      for (c = pkg->optiondoc[idx].summary; *c && *c != ':';) {
        size_t l = strcspn(c, "|:");
        if (l == strlen(sec->items[q]->value) && !strncmp(c, sec->items[q]->value, l)) ok = PETSC_TRUE;
        c += l;
        if (*c == '|') c++;
      }
      GWInputCheck(ok, sec->items[q], "\"%s\" is not a choice; use one of %.*s", sec->items[q]->value, (int)strcspn(pkg->optiondoc[idx].summary, ":"), pkg->optiondoc[idx].summary);
      PetscCall(GWPackageSetOption(pkg, pkg->optiondoc[idx].name, sec->items[q]->value));
    }
  }
  if ((sec = GWYamlGet_Private(v, "segments"))) {
    PetscReal x[16], y[16];
    GWInputCheck(!strcmp(type, GWPACKAGEEVAPOTRANSPIRATION), sec, "segments belong to evapotranspiration packages");
    GWInputCheck(sec->kind == GW_YAML_SEQ && sec->n >= 1 && sec->n <= 16, sec, "expected a list of 1 to 16 [depth_fraction, rate_fraction] pairs");
    for (PetscInt q = 0; q < sec->n; q++) {
      GWYamlNode p = sec->items[q];
      GWInputCheck(p->kind == GW_YAML_SEQ && p->n == 2, p, "expected [depth_fraction, rate_fraction]");
      PetscCall(GWReadQuantity_Private(p->items[0], "-", &x[q]));
      PetscCall(GWReadQuantity_Private(p->items[1], "-", &y[q]));
      GWInputCheck(x[q] > 0 && x[q] < 1 && y[q] >= 0 && y[q] <= 1 && (q == 0 || x[q] > x[q - 1]), p, "depth fractions must increase within (0, 1) and rate fractions lie in [0, 1]");
    }
    PetscCall(GWPackageEvapotranspirationSetSegments(pkg, sec->n, x, y));
  }
  PetscFunctionReturn(0);
}

/* The names of the registered package types, comma separated; with a property test, only the
   types having it (e.g. those that accept a head kind). */
static PetscErrorCode TypeList(MPI_Comm comm, PetscErrorCode (*has)(GWPackage, PetscBool *), char list[], size_t len)
{
  const char **names;
  PetscInt     n;

  PetscFunctionBegin;
  list[0] = 0;
  PetscCall(GWPackageGetTypeNames(&n, &names));
  for (PetscInt t = 0; t < n; t++) {
    PetscBool yes = PETSC_TRUE;
    if (has) {
      GWPackage pkg;
      PetscCall(GWPackageCreate(comm, &pkg));
      PetscCall(GWPackageSetType(pkg, names[t]));
      PetscCall(has(pkg, &yes));
      PetscCall(GWPackageDestroy(&pkg));
    }
    if (!yes) continue;
    PetscCall(PetscStrlcat(list, list[0] ? ", " : "", len));
    PetscCall(PetscStrlcat(list, names[t], len));
  }
  PetscCall(PetscFree(names));
  PetscFunctionReturn(0);
}

/* A package of the type named at key, or an input error listing the registered types. */
static PetscErrorCode CreateTyped(MPI_Comm comm, GWYamlNode key, GWPackage *pkg)
{
  PetscErrorCode ierr;
  char           list[512];

  PetscFunctionBegin;
  PetscCall(GWPackageCreate(comm, pkg));
  PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
  ierr = GWPackageSetType(*pkg, key->value);
  PetscCall(PetscPopErrorHandler());
  if (ierr == PETSC_ERR_ARG_UNKNOWN_TYPE) {
    PetscCall(GWPackageDestroy(pkg));
    PetscCall(TypeList(comm, NULL, list, sizeof(list)));
    GWInputCheck(PETSC_FALSE, key, "unknown package type \"%s\"; use %s", key->value, list);
  }
  PetscCall(ierr);
  PetscFunctionReturn(0);
}

/* One box of cells: {i:, j:, k:, face:, group:} checked against the face rule of the package's
   type; returns the box's group (-1 when not given). */
static PetscErrorCode ReadCellBox(GWModel m, GWPackage pkg, GWYamlNode cells, PetscInt *group)
{
  GWYamlNode        fnode, gnode;
  PetscInt          i0, i1, j0, j1, k0, k1, f;
  GWPackageFaceRule rule;
  const char       *type, *face = "none";

  PetscFunctionBegin;
  PetscCall(GWPackageGetType(pkg, &type));
  PetscCall(GWPackageGetFaceRule(pkg, &rule));
  GWInputCheck(cells->kind == GW_YAML_MAP, cells, "expected a box of cells {i: [first, last], j: [...], k: [...], face: top}");
  PetscCall(GWYamlCheckKeys_Private(cells, "packages[].cells"));
  PetscCall(GWGetRange_Private(cells, "i", m->nx, &i0, &i1));
  PetscCall(GWGetRange_Private(cells, "j", m->ny, &j0, &j1));
  PetscCall(GWGetRange_Private(cells, "k", m->nz, &k0, &k1));
  PetscCall(GWGetString_Private(cells, "face", (PetscBool)(rule != GW_PACKAGE_FACE_OPTIONAL), &face));
  fnode = GWYamlGet_Private(cells, "face");
  for (f = GW_FACE_NONE; f <= GW_FACE_BOTTOM && strcmp(face, GWFaces[f]); f++) {}
  GWInputCheck(f <= GW_FACE_BOTTOM, fnode, "unknown face \"%s\"; use west, east, south, north, top, bottom or none", face);
  GWInputCheck(f != GW_FACE_NONE || rule == GW_PACKAGE_FACE_OPTIONAL, fnode, "a %s package acts on a face: use west, east, south, north, top or bottom", type);
  GWInputCheck(f == GW_FACE_TOP || rule != GW_PACKAGE_FACE_TOP, fnode, "a %s package acts on top faces: use face: top", type);
  {
    PetscBool outer = (PetscBool)((f == GW_FACE_TOP && k1 == 0) || (f == GW_FACE_BOTTOM && k0 == m->nz - 1) || (f == GW_FACE_WEST && i1 == 0) || (f == GW_FACE_EAST && i0 == m->nx - 1) || (f == GW_FACE_SOUTH && j1 == 0) || (f == GW_FACE_NORTH && j0 == m->ny - 1) || f == GW_FACE_NONE);
    GWInputCheck(outer, fnode ? fnode : cells, "the %s face of some cells of this box lies inside the grid, where it meets another cell: a boundary package acts on the outer faces (top: k = 0, bottom: k = %" PetscInt_FMT ", west: i = 0, east: i = %" PetscInt_FMT ", south: j = 0, north: j = %" PetscInt_FMT ")", face, m->nz - 1, m->nx - 1, m->ny - 1);
  }
  *group = -1;
  if ((gnode = GWYamlGet_Private(cells, "group"))) {
    PetscReal g = -1;
    PetscCall(GWReadQuantity_Private(gnode, "-", &g));
    GWInputCheck(g >= 0 && g == (PetscInt)g, gnode, "group must be a whole number from 0 (a value column), found %g", (double)g);
    *group = (PetscInt)g;
  }
  PetscCall(GWPackageAddCellRange(pkg, i0, i1, j0, j1, k0, k1, (GWFace)f));
  PetscFunctionReturn(0);
}

/* cells: one box, or a list of boxes added in order; groups, when given, on every box */
static PetscErrorCode ReadCells(GWModel m, GWPackage pkg, GWYamlNode v)
{
  GWYamlNode cells = GWYamlGet_Private(v, "cells");
  PetscInt   nbox, *group = NULL, ng = 0, nc0 = 0, nc1 = 0;

  PetscFunctionBegin;
  GWInputCheck(cells, v, "missing key \"cells\" ({i: [first, last], j: [...], k: [...], face: top}, or a list of such boxes)");
  nbox = cells->kind == GW_YAML_SEQ ? cells->n : 1;
  GWInputCheck(nbox >= 1, cells, "expected at least one box of cells");
  for (PetscInt b = 0; b < nbox; b++) {
    GWYamlNode box = cells->kind == GW_YAML_SEQ ? cells->items[b] : cells;
    PetscInt   g   = -1;
    PetscCall(GWPackageGetNumCells(pkg, &nc0));
    PetscCall(ReadCellBox(m, pkg, box, &g));
    PetscCall(GWPackageGetNumCells(pkg, &nc1));
    GWInputCheck((g >= 0) == (b == 0 ? g >= 0 : ng > 0), box, "give a group on every box of the package or on none");
    if (g < 0) continue;
    PetscCall(PetscRealloc(sizeof(PetscInt) * nc1, &group));
    for (PetscInt c = nc0; c < nc1; c++) group[c] = g;
    ng = nc1;
  }
  if (ng) PetscCall(GWPackageSetCellGroups(pkg, ng, group));
  PetscCall(PetscFree(group));
  PetscFunctionReturn(0);
}

/* n value columns: one for all cells, one per cell, or one per group (groups on the boxes) */
static PetscErrorCode CheckColumns(GWPackage pkg, GWYamlNode node, PetscInt n)
{
  PetscInt nc, gmax = -1;

  PetscFunctionBegin;
  PetscCall(GWPackageGetNumCells(pkg, &nc));
  if (pkg->group)
    for (PetscInt c = 0; c < nc; c++) gmax = PetscMax(gmax, pkg->group[c]);
  if (pkg->group)
    GWInputCheck(n == gmax + 1, node, "%" PetscInt_FMT " values per time for groups 0 to %" PetscInt_FMT ": give one per group", n, gmax);
  else
    GWInputCheck(n == 1 || n == nc, node, "%" PetscInt_FMT " values per time for %" PetscInt_FMT " cells: give one for all cells, one per cell (in the order of the cell boxes), or put the boxes in groups", n, nc);
  PetscFunctionReturn(0);
}

/* value: or series: in the SI unit the type declares */
static PetscErrorCode ReadValue(GWModel m, GWPackage pkg, GWYamlNode v, PetscReal start_date, PetscBool have_start, PetscReal tend)
{
  GWYamlNode  val = GWYamlGet_Private(v, "value"), ser = GWYamlGet_Private(v, "series");
  const char *si, *type;
  PetscBool   required;

  PetscFunctionBegin;
  PetscCall(GWPackageGetType(pkg, &type));
  PetscCall(GWPackageGetValueUnit(pkg, &si, &required));
  if (!si)
    GWInputCheck(!val && !ser, val ? val : ser, "a %s package takes no value%s", type, pkg->ninput ? " (its rates are inputs)" : "");
  else if (required)
    GWInputCheck(!val != !ser, v, "give exactly one of \"value\" (e.g. %s) or \"series\" (a CSV time series)", !strcmp(si, "m") ? "0.65 m" : !strcmp(si, "m/s") ? "5 mm/d"
                                                                                                                                         : !strcmp(si, "m^3/s") ? "-0.01 m^3/s"
                                                                                                                                                                : "1");
  else
    GWInputCheck(!(val && ser), v, "give at most one of \"value\" or \"series\"");
  if (val && val->kind == GW_YAML_MAP) { /* a field, e.g. a NetCDF variable */
    Vec f;
    PetscCall(GWYamlCheckKeys_Private(val, "packages[].value"));
    PetscCall(GWReadNetCDFField_Private(m, val, si, &f));
    PetscCall(GWPackageSetValueField(pkg, f));
    PetscCall(VecDestroy(&f));
  } else if (val && val->kind == GW_YAML_SEQ) { /* one value per cell or group */
    PetscReal     *x;
    PetscInt       n;
    PetscErrorCode ierr;
    PetscCall(ReadQuantityList(val, si, &n, &x));
    ierr = CheckColumns(pkg, val, n);
    if (!ierr) ierr = GWPackageSetValues(pkg, n, x);
    PetscCall(PetscFree(x)); /* also on bad input (check-sanitize) */
    PetscCall(ierr);
  } else if (val) {
    PetscReal x = 0;
    PetscCall(GWReadQuantity_Private(val, si, &x));
    PetscCall(GWPackageSetValue(pkg, x));
  } else if (ser) {
    GWSeries        s;
    GWInterpolation gi;
    PetscErrorCode  ierr;
    PetscCall(GWReadSeries_Private(PetscObjectComm((PetscObject)m), ser, "packages[].series", si, start_date, have_start, tend, &s, &gi));
    ierr = CheckColumns(pkg, ser, s.ncol);
    if (!ierr) ierr = GWPackageSetScheduleColumns(pkg, s.n, s.t, s.ncol, s.v, gi);
    PetscCall(GWSeriesFree_Private(&s)); /* also on bad input (check-sanitize) */
    PetscCall(ierr);
  }
  PetscFunctionReturn(0);
}

/* The settings of package pkg from node v (the package is the caller's, also on error). */
static PetscErrorCode ReadPackageSettings(GWModel m, GWPackage pkg, GWYamlNode v, const char *type, PetscReal start_date, PetscBool have_start, PetscReal tend)
{
  const char *name = NULL, *kind = NULL;
  PetscBool   kinded;

  PetscFunctionBegin;
  PetscCall(GWGetString_Private(v, "name", PETSC_FALSE, &name));
  if (name) PetscCall(GWPackageSetName(pkg, name));
  PetscCall(ReadCells(m, pkg, v));
  PetscCall(GWGetString_Private(v, "kind", PETSC_FALSE, &kind));
  PetscCall(GWPackageGetHeadKindAccepted(pkg, &kinded));
  if (kind && !kinded) {
    char list[512];
    PetscCall(TypeList(PetscObjectComm((PetscObject)m), GWPackageGetHeadKindAccepted, list, sizeof(list)));
    GWInputCheck(PETSC_FALSE, GWYamlGet_Private(v, "kind"), "\"kind\" applies to %s packages only", list);
  }
  if (kind) {
    GWInputCheck(!strcmp(kind, "hydraulic") || !strcmp(kind, "pressure"), GWYamlGet_Private(v, "kind"), "kind must be hydraulic or pressure, found \"%s\"", kind);
    PetscCall(GWPackageHeadSetKind(pkg, !strcmp(kind, "pressure") ? GW_HEAD_PRESSURE : GW_HEAD_HYDRAULIC));
  }
  PetscCall(ReadPackageSlots(m, pkg, v, type, start_date, have_start, tend));
  PetscCall(GWScenarioReadReaches_Private(m, pkg, v, start_date, have_start, tend));
  PetscCall(ReadValue(m, pkg, v, start_date, have_start, tend));
  PetscFunctionReturn(0);
}

static PetscErrorCode ReadPackage(GWModel m, GWYamlNode v, PetscReal start_date, PetscBool have_start, PetscReal tend)
{
  GWPackage      pkg;
  const char    *type = NULL;
  PetscErrorCode ierr;

  PetscFunctionBegin;
  PetscCall(GWYamlCheckKeys_Private(v, "packages[]"));
  PetscCall(GWGetString_Private(v, "type", PETSC_TRUE, &type));
  PetscCall(CreateTyped(PetscObjectComm((PetscObject)m), GWYamlGet_Private(v, "type"), &pkg));
  ierr = ReadPackageSettings(m, pkg, v, type, start_date, have_start, tend);
  if (ierr) PetscCall(GWPackageDestroy(&pkg)); /* bad input: nothing left allocated (check-sanitize) */
  PetscCall(ierr);
  PetscCall(GWModelAddPackage(m, pkg));
  PetscCall(GWPackageDestroy(&pkg));
  PetscFunctionReturn(0);
}

/* The name of the package just added from node v: a given name must be valid and unused; a
   default name (the type) that is taken gets a suffix _2, _3, ... Names head budget columns. */
static PetscErrorCode CheckPackageName(GWModel m, GWYamlNode v)
{
  GWPackage   pkg  = m->pkg[m->npkg - 1];
  GWYamlNode  node = GWYamlGet_Private(v, "name");
  const char *name;
  char        alt[256];

  PetscFunctionBegin;
  PetscCall(GWPackageGetName(pkg, &name));
  if (node) PetscCall(GWCheckName_Private(node, name, 200));
  for (PetscInt k = 2;; k++) {
    PetscInt other = -1;
    for (PetscInt p = 0; p < m->npkg - 1 && other < 0; p++) {
      const char *n;
      PetscCall(GWPackageGetName(m->pkg[p], &n));
      if (!strcmp(n, name)) other = p;
    }
    if (other < 0) break;
    GWInputCheck(!node, node, "name \"%s\" is already used by packages[%" PetscInt_FMT "]; package names must be unique (they head the budget columns)", name, other);
    GWPackageType type;
    PetscCall(GWPackageGetType(pkg, &type));
    PetscCall(PetscSNPrintf(alt, sizeof(alt), "%s_%" PetscInt_FMT, type, k));
    PetscCall(GWPackageSetName(pkg, alt));
    PetscCall(GWPackageGetName(pkg, &name));
  }
  PetscFunctionReturn(0);
}

/* packages: a list of packages */
PetscErrorCode GWScenarioReadPackages_Private(GWModel m, GWYamlNode root, PetscReal start_date, PetscBool have_start, PetscReal tend)
{
  GWYamlNode pk = GWYamlGet_Private(root, "packages");
  PetscInt   p0 = m->npkg;

  PetscFunctionBegin;
  if (!pk) PetscFunctionReturn(0);
  GWInputCheck(pk->kind == GW_YAML_SEQ, pk, "expected a list of packages (lines starting with '- type:')");
  for (PetscInt p = 0; p < pk->n; p++) {
    PetscCall(ReadPackage(m, pk->items[p], start_date, have_start, tend));
    PetscCall(CheckPackageName(m, pk->items[p]));
  }
  PetscCall(GWScenarioLinkReaches_Private(m, pk, p0));
  PetscFunctionReturn(0);
}
