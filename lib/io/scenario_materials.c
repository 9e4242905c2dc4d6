/* Scenario sections materials: (each a constitutive model found by name in the material registry;
   parameter keys for the built-in models) and zones: (material of each cell). */
#include <gw/private/ioimpl.h>
#include <gw/private/modelimpl.h>
#include <string.h>

/* Reads one material into a new GWMaterial; *out is set as soon as it exists, so a caller can
   destroy it when the rest of the entry is refused. */
static PetscErrorCode ReadMaterial(MPI_Comm comm, GWYamlNode v, GWMaterial *out)
{
  GWMaterial     mat;
  PetscErrorCode ierr;
  const char    *model = NULL, *name = NULL;
  PetscReal      thr = 0, ths = 0, K = 0, Kx = 0, Ky = 0, Kz = 0, Ss = 0;
  PetscBool      hasK, hasKx, hasKy, hasKz;
  GWYamlNode     mv;

  PetscFunctionBegin;
  PetscCall(GWYamlCheckKeys_Private(v, "materials[]"));
  PetscCall(GWGetString_Private(v, "name", PETSC_TRUE, &name));
  PetscCall(GWGetString_Private(v, "model", PETSC_TRUE, &model));
  mv = GWYamlGet_Private(v, "model");
  PetscCall(GWMaterialCreate(comm, &mat));
  *out = mat;
  PetscCall(PetscObjectSetName((PetscObject)mat, name));
  PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
  ierr = GWMaterialSetType(mat, model);
  PetscCall(PetscPopErrorHandler());
  if (ierr == PETSC_ERR_ARG_UNKNOWN_TYPE) {
    char list[512];
    *out = NULL;
    PetscCall(GWMaterialDestroy(&mat));
    PetscCall(GWTypeNamesJoin_Private(GWMaterialGetTypeNames, list, sizeof(list)));
    GWInputCheck(PETSC_FALSE, mv, "unknown model \"%s\"; use %s", model, list);
  }
  PetscCall(ierr);
  PetscCall(GWGetQuantity_Private(v, "theta_r", "-", PETSC_FALSE, &thr, NULL));
  PetscCall(GWGetQuantity_Private(v, "theta_s", "-", PETSC_TRUE, &ths, NULL));
  GWInputCheck(thr >= 0 && thr < ths && ths <= 1, v, "need 0 <= theta_r < theta_s <= 1; found theta_r %g, theta_s %g", (double)thr, (double)ths);
  PetscCall(GWGetQuantity_Private(v, "K", "m/s", PETSC_FALSE, &K, &hasK));
  PetscCall(GWGetQuantity_Private(v, "Kx", "m/s", PETSC_FALSE, &Kx, &hasKx));
  PetscCall(GWGetQuantity_Private(v, "Ky", "m/s", PETSC_FALSE, &Ky, &hasKy));
  PetscCall(GWGetQuantity_Private(v, "Kz", "m/s", PETSC_FALSE, &Kz, &hasKz));
  GWInputCheck(hasK || hasKx, v, "missing key \"K\" (saturated hydraulic conductivity, e.g. 35 cm/h) or \"Kx\"");
  if (!hasKx) Kx = K;
  if (!hasKy) Ky = Kx;
  if (!hasKz) Kz = hasK ? K : Kx;
  GWInputCheck(Kx > 0 && Ky > 0 && Kz > 0, v, "hydraulic conductivity must be positive; found Kx %g, Ky %g, Kz %g m/s", (double)Kx, (double)Ky, (double)Kz);
  PetscCall(GWGetQuantity_Private(v, "Ss", "1/m", PETSC_FALSE, &Ss, NULL));
  GWInputCheck(Ss >= 0, GWYamlGet_Private(v, "Ss"), "specific storage must not be negative, found %g 1/m", (double)Ss);
  PetscCall(GWMaterialSetWaterContentLimits(mat, thr, ths));
  PetscCall(GWMaterialSetHydraulicConductivity(mat, Kx, Ky, Kz));
  PetscCall(GWMaterialSetSpecificStorage(mat, Ss));
  if (!strcmp(model, GWMATERIALVANGENUCHTEN) || !strcmp(model, GWMATERIALGARDNER)) {
    PetscReal alpha = 0, n = 0, hs = 0;
    PetscBool has_hs = PETSC_FALSE;
    PetscCall(GWGetQuantity_Private(v, "alpha", "1/m", PETSC_TRUE, &alpha, NULL));
    GWInputCheck(alpha > 0, GWYamlGet_Private(v, "alpha"), "alpha must be positive");
    if (!strcmp(model, GWMATERIALGARDNER))
      PetscCall(GWMaterialGardnerSetParameters(mat, alpha));
    else {
      PetscCall(GWGetQuantity_Private(v, "n", "-", PETSC_TRUE, &n, NULL));
      GWInputCheck(n > 1, GWYamlGet_Private(v, "n"), "van Genuchten n must be greater than 1, found %g", (double)n);
      PetscCall(GWMaterialVanGenuchtenSetParameters(mat, alpha, n));
      PetscCall(GWGetQuantity_Private(v, "h_s", "m", PETSC_FALSE, &hs, &has_hs));
      if (has_hs) {
        GWInputCheck(hs <= 0, GWYamlGet_Private(v, "h_s"), "the air-entry head h_s is a suction: must be <= 0 (e.g. -2 cm; 0 for the classic van Genuchten form), found %g m", (double)hs);
        PetscCall(GWMaterialVanGenuchtenSetAirEntry(mat, hs));
      }
    }
  } else if (!strcmp(model, GWMATERIALBROOKSCOREY)) {
    PetscReal psib = 0, lambda = 0;
    PetscCall(GWGetQuantity_Private(v, "psi_b", "m", PETSC_TRUE, &psib, NULL));
    PetscCall(GWGetQuantity_Private(v, "lambda", "-", PETSC_TRUE, &lambda, NULL));
    GWInputCheck(psib > 0 && lambda > 0, v, "psi_b and lambda must be positive, found %g m and %g", (double)psib, (double)lambda);
    PetscCall(GWMaterialBrooksCoreySetParameters(mat, psib, lambda));
  } else if (!strcmp(model, GWMATERIALHAVERKAMP)) {
    PetscReal   A = 0, beta = 0, B = 0, gamma = 0, h = 0.01;
    const char *hu = "cm";
    char        one[64], err[256];
    PetscBool   ok;
    PetscCall(GWGetQuantity_Private(v, "A", "-", PETSC_TRUE, &A, NULL));
    PetscCall(GWGetQuantity_Private(v, "beta", "-", PETSC_TRUE, &beta, NULL));
    PetscCall(GWGetQuantity_Private(v, "B", "-", PETSC_TRUE, &B, NULL));
    PetscCall(GWGetQuantity_Private(v, "gamma", "-", PETSC_TRUE, &gamma, NULL));
    PetscCall(GWGetString_Private(v, "head_unit", PETSC_FALSE, &hu));
    PetscCall(PetscSNPrintf(one, sizeof(one), "1 %s", hu));
    PetscCall(GWUnitsConvert_Private(one, "m", &h, &ok, err, sizeof(err)));
    GWInputCheck(ok, GWYamlGet_Private(v, "head_unit") ? GWYamlGet_Private(v, "head_unit") : v, "%s", err);
    GWInputCheck(A > 0 && beta > 0 && B > 0 && gamma > 0, v, "A, beta, B and gamma must be positive");
    /* A [unit^beta] -> A [m^beta] */
    PetscCall(GWMaterialHaverkampSetParameters(mat, A * PetscPowReal(h, beta), beta, B * PetscPowReal(h, gamma), gamma));
  } else { /* a type that declares its parameters, e.g. one registered by the program */
    GWYamlNode sec = GWYamlGet_Private(v, "parameters");
    GWInputCheck(mat->nparamdoc > 0, mv, "model \"%s\" declares no parameters (GWMaterialDeclareParameters()); build this material with the C API", model);
    GWInputCheck(sec && sec->kind == GW_YAML_MAP, sec ? sec : v, "model \"%s\" takes its parameters as \"parameters: {%s: ...}\"", model, mat->paramdoc[0].name);
    for (PetscInt q = 0; q < sec->n; q++) {
      PetscInt  idx = -1;
      PetscReal x   = 0;
      for (PetscInt i = 0; i < mat->nparamdoc; i++)
        if (!strcmp(mat->paramdoc[i].name, sec->keys[q]->value)) idx = i;
      GWInputCheck(idx >= 0, sec->keys[q], "model %s has no parameter \"%s\"", model, sec->keys[q]->value);
      PetscCall(GWReadQuantity_Private(sec->items[q], mat->paramdoc[idx].unit, &x));
      PetscCall(GWMaterialSetParameterByName(mat, mat->paramdoc[idx].name, x));
    }
    for (PetscInt i = 0; i < mat->nparamdoc; i++) GWInputCheck(mat->pgiven[i], sec, "missing parameter \"%s\" [%s]: %s", mat->paramdoc[i].name, mat->paramdoc[i].unit, mat->paramdoc[i].summary);
  }
  *out = mat;
  PetscFunctionReturn(0);
}

/* Index of the material called name; node is where the name was read. */
static PetscErrorCode FindMaterial(GWModel m, GWYamlNode node, const char name[], PetscInt *idx)
{
  PetscFunctionBegin;
  *idx = -1;
  for (PetscInt q = 0; q < m->nmat && *idx < 0; q++) {
    const char *mname;
    PetscCall(PetscObjectGetName((PetscObject)m->mat[q], &mname));
    if (!strcmp(mname, name)) *idx = q;
  }
  GWInputCheck(*idx >= 0, node, "no material named \"%s\"", name);
  PetscFunctionReturn(0);
}

/* The material index of each of this rank's cells from zones (default:, boxes:), into vz, a global
   vector of the model's DMDA (the caller's, also on error). Each box is read and checked before
   the array is taken, so no error leaves it taken. */
static PetscErrorCode ReadZones(GWModel m, GWYamlNode zones, Vec vz)
{
  PetscInt       nx = m->nx, ny = m->ny, nz = m->nz, def = 0, xs, ys, zs, xm, ym, zm;
  const char    *dname = NULL;
  GWYamlNode     boxes;
  DM             da;
  PetscScalar ***zone;

  PetscFunctionBegin;
  PetscCall(GWModelGetDM(m, &da));
  PetscCall(DMDAGetCorners(da, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCall(GWGetString_Private(zones, "default", PETSC_FALSE, &dname));
  if (dname) PetscCall(FindMaterial(m, GWYamlGet_Private(zones, "default"), dname, &def));
  PetscCall(VecSet(vz, (PetscScalar)def));
  boxes = GWYamlGet_Private(zones, "boxes");
  if (!boxes) PetscFunctionReturn(0);
  GWInputCheck(boxes->kind == GW_YAML_SEQ, boxes, "expected a list of boxes");
  for (PetscInt b = 0; b < boxes->n; b++) {
    GWYamlNode  box = boxes->items[b];
    const char *mn  = NULL;
    PetscInt    id, i0, i1, j0, j1, k0, k1;
    PetscCall(GWYamlCheckKeys_Private(box, "zones.boxes[]"));
    PetscCall(GWGetString_Private(box, "material", PETSC_TRUE, &mn));
    PetscCall(FindMaterial(m, GWYamlGet_Private(box, "material"), mn, &id));
    PetscCall(GWGetRange_Private(box, "i", nx, &i0, &i1));
    PetscCall(GWGetRange_Private(box, "j", ny, &j0, &j1));
    PetscCall(GWGetRange_Private(box, "k", nz, &k0, &k1));
    PetscCall(DMDAVecGetArray(da, vz, &zone));
    for (PetscInt k = PetscMax(k0, zs); k <= PetscMin(k1, zs + zm - 1); k++)
      for (PetscInt j = PetscMax(j0, ys); j <= PetscMin(j1, ys + ym - 1); j++)
        for (PetscInt i = PetscMax(i0, xs); i <= PetscMin(i1, xs + xm - 1); i++) zone[k][j][i] = (PetscScalar)id;
    PetscCall(DMDAVecRestoreArray(da, vz, &zone));
  }
  PetscFunctionReturn(0);
}

PetscErrorCode GWScenarioReadMaterials_Private(GWModel m, GWYamlNode root)
{
  GWYamlNode     mats = GWYamlGet_Private(root, "materials"), zones;
  DM             da;
  Vec            vz;
  PetscErrorCode ierr;

  PetscFunctionBegin;
  if (!mats) PetscCall(GWMissingSection_Private(root, "materials", " (a list of materials)"));
  GWInputCheck(mats->kind == GW_YAML_SEQ && mats->n > 0, mats, "expected a list of materials (lines starting with '- name:')");
  for (PetscInt i = 0; i < mats->n; i++) {
    GWMaterial  mat = NULL;
    const char *b   = NULL;

    PetscCall(GWGetString_Private(mats->items[i], "name", PETSC_FALSE, &b));
    for (PetscInt j = 0; b && j < i; j++) { /* names checked before the material exists */
      const char *a;
      PetscCall(PetscObjectGetName((PetscObject)m->mat[j], &a));
      GWInputCheck(strcmp(a, b), GWYamlGet_Private(mats->items[i], "name"), "material name \"%s\" is used twice", b);
    }
    ierr = ReadMaterial(PetscObjectComm((PetscObject)m), mats->items[i], &mat);
    if (ierr) { /* a refused material is destroyed before the error returns */
      PetscCall(GWMaterialDestroy(&mat));
      PetscCall(ierr);
    }
    PetscCall(GWModelAddMaterial(m, mat, NULL));
    PetscCall(GWMaterialDestroy(&mat));
  }
  PetscCall(GWGetSection_Private(root, "zones", PETSC_FALSE, &zones));
  if (!zones) PetscFunctionReturn(0);
  /* each rank fills its own cells, in a vector of the model's DMDA */
  PetscCall(GWModelGetDM(m, &da));
  PetscCall(DMCreateGlobalVector(da, &vz));
  ierr = ReadZones(m, zones, vz);
  if (!ierr) ierr = GWModelSetMaterialZonesVec(m, vz);
  PetscCall(VecDestroy(&vz)); /* also on bad input (check-sanitize) */
  PetscCall(ierr);
  PetscFunctionReturn(0);
}

/* A series map (file, time_column, ...) into a schedule with its interpolation. */
