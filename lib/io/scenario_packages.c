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
  GWInputCheck(*idx >= 0, key, "package type %s has no %s \"%s\"; its %ss: %s", type, what, key->value, what, list);
  PetscFunctionReturn(0);
}

/* inputs:, parameters:, options: and segments: of the atmosphere-side packages */
static PetscErrorCode ReadPackageSlots(GWPackage pkg, GWYamlNode v, const char type[], PetscReal start_date, PetscBool have_start)
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
        PetscCall(PetscSNPrintf(pattern, sizeof(pattern), "packages[].inputs.%s", pkg->inputdoc[idx].name));
        PetscCall(GWReadSeries_Private(PetscObjectComm((PetscObject)pkg), val, pattern, pkg->inputdoc[idx].unit, start_date, have_start, &s, &gi));
        PetscCall(GWPackageSetInput(pkg, pkg->inputdoc[idx].name, s.n, s.t, s.v, gi));
        PetscCall(GWSeriesFree_Private(&s));
      }
    }
  }
  if ((sec = GWYamlGet_Private(v, "parameters"))) {
    GWInputCheck(sec->kind == GW_YAML_MAP, sec, "expected a mapping of parameter names to values");
    for (PetscInt q = 0; q < sec->n; q++) {
      PetscInt  idx = 0;
      PetscReal x   = 0;
      PetscCall(FindSlot(sec->keys[q], "parameter", pkg->nparam, pkg->paramdoc, type, &idx));
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

/* cells: {i:, j:, k:, face:} checked against the face rule of the package's type */
static PetscErrorCode ReadCells(GWModel m, GWPackage pkg, GWYamlNode v)
{
  GWYamlNode        cells = GWYamlGet_Private(v, "cells"), fnode;
  PetscInt          i0, i1, j0, j1, k0, k1, f;
  GWPackageFaceRule rule;
  const char       *type, *face = "none";

  PetscFunctionBegin;
  PetscCall(GWPackageGetType(pkg, &type));
  PetscCall(GWPackageGetFaceRule(pkg, &rule));
  GWInputCheck(cells, v, "missing key \"cells\" ({i: [first, last], j: [...], k: [...], face: top})");
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
  PetscCall(GWPackageAddCellRange(pkg, i0, i1, j0, j1, k0, k1, (GWFace)f));
  PetscFunctionReturn(0);
}

/* value: or series: in the SI unit the type declares */
static PetscErrorCode ReadValue(GWModel m, GWPackage pkg, GWYamlNode v, PetscReal start_date, PetscBool have_start)
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
  if (val) {
    PetscReal x = 0;
    PetscCall(GWReadQuantity_Private(val, si, &x));
    PetscCall(GWPackageSetValue(pkg, x));
  } else if (ser) {
    GWSeries        s;
    GWInterpolation gi;
    PetscCall(GWReadSeries_Private(PetscObjectComm((PetscObject)m), ser, "packages[].series", si, start_date, have_start, &s, &gi));
    PetscCall(GWPackageSetSchedule(pkg, s.n, s.t, s.v, gi));
    PetscCall(GWSeriesFree_Private(&s));
  }
  PetscFunctionReturn(0);
}

static PetscErrorCode ReadPackage(GWModel m, GWYamlNode v, PetscReal start_date, PetscBool have_start)
{
  GWPackage   pkg;
  const char *type = NULL, *name = NULL, *kind = NULL;
  PetscBool   kinded;

  PetscFunctionBegin;
  PetscCall(GWYamlCheckKeys_Private(v, "packages[]"));
  PetscCall(GWGetString_Private(v, "type", PETSC_TRUE, &type));
  PetscCall(GWGetString_Private(v, "name", PETSC_FALSE, &name));
  PetscCall(CreateTyped(PetscObjectComm((PetscObject)m), GWYamlGet_Private(v, "type"), &pkg));
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
  PetscCall(ReadPackageSlots(pkg, v, type, start_date, have_start));
  PetscCall(ReadValue(m, pkg, v, start_date, have_start));
  PetscCall(GWModelAddPackage(m, pkg));
  PetscCall(GWPackageDestroy(&pkg));
  PetscFunctionReturn(0);
}

/* packages: a list of packages */
PetscErrorCode GWScenarioReadPackages_Private(GWModel m, GWYamlNode root, PetscReal start_date, PetscBool have_start)
{
  GWYamlNode pk = GWYamlGet_Private(root, "packages");

  PetscFunctionBegin;
  if (!pk) PetscFunctionReturn(0);
  GWInputCheck(pk->kind == GW_YAML_SEQ, pk, "expected a list of packages (lines starting with '- type:')");
  for (PetscInt p = 0; p < pk->n; p++) PetscCall(ReadPackage(m, pk->items[p], start_date, have_start));
  PetscFunctionReturn(0);
}
