/* Phreatic evaporation (groundwater evapotranspiration) as a function of water-table depth, for
   coarse or saturated-only models where the unsaturated zone is not resolved: water leaves the
   cell holding the water table at E(d) per unit area, d the depth of the water table below the
   land surface. The water-table cell is found per column at the start of every step; within the
   step the water-table elevation is z + psi of that cell (hydrostatic), so E and its derivative
   enter Newton's iteration. */
#include <gw/private/modelimpl.h>

enum {
  PAR_DEXT,
  PAR_N,
  PAR_A,
  NPAR
};
enum {
  OPT_FUNCTION,
  NOPT
};
enum {
  F_LINEAR,
  F_SEGMENTS,
  F_AVERYANOV,
  F_EXPONENTIAL
};
enum {
  T_EPOT,
  T_E,
  NTERM
};

static const GWPackageSlot Params[NPAR] = {
    {"extinction_depth", "m", PETSC_NAN, "water-table depth below which no water is extracted (required except for exponential, which has none)"},
    {"exponent", "-", 1.0, "n of the Averyanov law E0 (1 - d/d_ext)^n"},
    {"decay", "1/m", PETSC_NAN, "a of the exponential law E0 exp(-a d) (required for exponential)"}};
static const GWPackageSlot Options[NOPT] = {
    {"function", "text", 0, "linear|segments|averyanov|exponential: E(d) as E0 (1 - d/d_ext); MODFLOW ETS piecewise segments; Averyanov E0 (1 - d/d_ext)^n; E0 exp(-a d)"}};
static const char *const Terms[NTERM] = {"potential_phreatic_evaporation", "phreatic_evaporation"};

typedef struct {
  PetscReal *ztop; /* land-surface elevation of each entry's column [m] */
  PetscInt   nseg; /* ETS curve: intermediate points (depth fraction, rate fraction) */
  PetscReal *xseg, *yseg;
} ETData;

static PetscErrorCode GetData(GWPackage pkg, ETData **data)
{
  PetscFunctionBegin;
  if (!pkg->data) PetscCall(PetscCalloc1(1, (ETData **)&pkg->data));
  *data = (ETData *)pkg->data;
  PetscFunctionReturn(0);
}

/* E(d)/E0 and its derivative with respect to d [1/m]. */
static PetscErrorCode Shape(GWPackage pkg, PetscReal d, PetscReal *f, PetscReal *df)
{
  PetscInt  fn   = 0;
  PetscReal dext = pkg->param[PAR_DEXT];

  PetscFunctionBegin;
  PetscCall(GWPackageOption_Private(pkg, OPT_FUNCTION, &fn));
  *f  = 1.0;
  *df = 0.0;
  if (fn == F_EXPONENTIAL) {
    PetscReal a = pkg->param[PAR_A];
    if (d > 0) {
      *f  = PetscExpReal(-a * d);
      *df = -a * *f;
    }
    PetscFunctionReturn(0);
  }
  if (d <= 0) PetscFunctionReturn(0);
  if (d >= dext) {
    *f = *df = 0.0;
    PetscFunctionReturn(0);
  }
  if (fn == F_LINEAR) {
    *f  = 1.0 - d / dext;
    *df = -1.0 / dext;
  } else if (fn == F_AVERYANOV) {
    PetscReal n = pkg->param[PAR_N], r = 1.0 - d / dext;
    *f  = PetscPowReal(r, n);
    *df = -n * PetscPowReal(r, n - 1.0) / dext;
  } else { /* segments through (0, 1), the given points, (1, 0) */
    ETData   *s = (ETData *)pkg->data;
    PetscReal x = d / dext, x0 = 0, y0 = 1, x1 = 1, y1 = 0;
    for (PetscInt q = 0; q <= s->nseg; q++) {
      x1 = q < s->nseg ? s->xseg[q] : 1.0;
      y1 = q < s->nseg ? s->yseg[q] : 0.0;
      if (x <= x1) break;
      x0 = x1;
      y0 = y1;
    }
    *f  = y0 + (y1 - y0) * (x - x0) / (x1 - x0);
    *df = (y1 - y0) / (x1 - x0) / dext;
  }
  PetscFunctionReturn(0);
}

static PetscErrorCode GWPackageEvaluate_Evapotranspiration(GWPackage pkg, GWModel m, const GWPackageEntry *e, PetscReal v, PetscReal psi, PetscReal *Q, PetscReal *dQ)
{
  ETData   *data = (ETData *)pkg->data;
  PetscReal d, f = 0, df = 0;

  PetscFunctionBegin;
  (void)m;
  d = data->ztop[e - pkg->entry] - (e->zc + psi); /* water-table depth, hydrostatic in the cell */
  PetscCall(Shape(pkg, d, &f, &df));
  *Q  = -v * f * e->area;
  *dQ = v * df * e->area; /* dd/dpsi = -1 */
  PetscFunctionReturn(0);
}

/* Moves each entry to the cell holding its column's water table at the start of the step. */
static PetscErrorCode GWPackageStepBegin_Evapotranspiration(GWPackage pkg, GWModel m)
{
  PetscScalar ***x, ****g;

  PetscFunctionBegin;
  PetscCall(DMGlobalToLocal(m->da, m->psi, INSERT_VALUES, m->psi_local));
  PetscCall(DMDAVecGetArrayRead(m->da, m->psi_local, &x));
  PetscCall(GWModelGetGeometryArray_Private(m, &g)); /* kept: no table of pointers built per call */
  for (PetscInt e = 0; e < pkg->nentry; e++) {
    GWPackageEntry *en = &pkg->entry[e];
    PetscInt        k;
    PetscReal       zwt;
    PetscCall(GWModelFindWaterTable_Private(m, x, en->i, en->j, &k, &zwt));
    en->k   = k < 0 ? m->nz - 1 : k; /* no water table: the bottom cell, at depth beyond it */
    en->zc  = g[en->k][en->j][en->i][GW_GEO_ZC];
    en->mat = (PetscInt)g[en->k][en->j][en->i][GW_GEO_MAT];
  }
  PetscCall(DMDAVecRestoreArrayRead(m->da, m->psi_local, &x));
  PetscFunctionReturn(0);
}

static PetscErrorCode GWPackageTerms_Evapotranspiration(GWPackage pkg, GWModel m, PetscReal dt, PetscReal *vals)
{
  PetscReal E0;

  PetscFunctionBegin;
  PetscCall(GWPackageGetValue(pkg, m->step_t0, m->step_t1, &E0));
  for (PetscInt e = 0; e < pkg->nentry; e++) {
    vals[pkg->nterm * pkg->entry[e].mat + T_EPOT] += E0 * pkg->entry[e].area * dt;
    vals[pkg->nterm * pkg->entry[e].mat + T_E] += -pkg->Q[e] * dt;
  }
  PetscFunctionReturn(0);
}

static PetscErrorCode CheckOneEntryPerColumn(GWPackage pkg, const char name[])
{
  PetscFunctionBegin;
  for (PetscInt e = 0; e < pkg->nentry; e++)
    for (PetscInt q = 0; q < e; q++) PetscCheck(pkg->entry[q].i != pkg->entry[e].i || pkg->entry[q].j != pkg->entry[e].j, PETSC_COMM_SELF, PETSC_ERR_ARG_WRONGSTATE, "Evapotranspiration package %s names column (%" PetscInt_FMT ", %" PetscInt_FMT ") twice; give one layer per column", name, pkg->entry[e].i, pkg->entry[e].j);
  PetscFunctionReturn(0);
}

static PetscErrorCode GWPackageSetUp_Evapotranspiration(GWPackage pkg, GWModel m)
{
  ETData     *data;
  const char *name;
  PetscInt    fn = 0;

  PetscFunctionBegin;
  PetscCall(PetscObjectGetName((PetscObject)pkg, &name));
  PetscCall(GWPackageOption_Private(pkg, OPT_FUNCTION, &fn));
  if (fn == F_EXPONENTIAL)
    PetscCheck(pkg->param[PAR_A] > 0, PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_OUTOFRANGE, "Evapotranspiration package %s: the exponential function needs a positive decay [1/m]", name);
  else
    PetscCheck(pkg->param[PAR_DEXT] > 0, PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_OUTOFRANGE, "Evapotranspiration package %s: extinction_depth must be positive, got %g m", name, (double)pkg->param[PAR_DEXT]);
  if (fn == F_AVERYANOV) PetscCheck(pkg->param[PAR_N] >= 1, PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_OUTOFRANGE, "Evapotranspiration package %s: the Averyanov exponent must be at least 1, got %g", name, (double)pkg->param[PAR_N]);
  PetscCall(GetData(pkg, &data));
  if (fn == F_SEGMENTS) PetscCheck(data->nseg > 0, PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_WRONGSTATE, "Evapotranspiration package %s: the segments function needs GWPackageEvapotranspirationSetSegments() (scenario key segments)", name);
  for (PetscInt s = 0; s < pkg->nsched; s++) PetscCheck(pkg->vsched[s] >= 0, PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_OUTOFRANGE, "Evapotranspiration package %s: the maximum rate must not be negative (%g m/s)", name, (double)pkg->vsched[s]);
  /* one entry per column, acting on the cell that holds the water table (set every step) */
  for (PetscInt e = 0; e < pkg->nentry; e++) pkg->entry[e].area = m->dx[pkg->entry[e].i] * m->dy[pkg->entry[e].j];
  /* only the rank owning a column sees it named twice; agree before the collective step begin */
  PetscCall(GWCheckAllRanks_Private(PetscObjectComm((PetscObject)pkg), CheckOneEntryPerColumn(pkg, name)));
  PetscCall(PetscFree(data->ztop));
  PetscCall(PetscMalloc1(PetscMax(pkg->nentry, 1), &data->ztop));
  {
    PetscScalar ****g;
    PetscCall(GWModelGetGeometryArray_Private(m, &g)); /* kept: no table of pointers built per call */
    for (PetscInt e = 0; e < pkg->nentry; e++) data->ztop[e] = g[pkg->entry[e].k][pkg->entry[e].j][pkg->entry[e].i][GW_GEO_ZTOP];
    }
  PetscCall(GWPackageStepBegin_Evapotranspiration(pkg, m));
  PetscFunctionReturn(0);
}

static PetscErrorCode GWPackageDestroy_Evapotranspiration(GWPackage pkg)
{
  ETData *data = (ETData *)pkg->data;

  PetscFunctionBegin;
  if (data) PetscCall(PetscFree(data->ztop));
  if (data) PetscCall(PetscFree2(data->xseg, data->yseg));
  PetscCall(PetscFree(pkg->data));
  PetscFunctionReturn(0);
}

/*MC
  GWPACKAGEEVAPOTRANSPIRATION - "evapotranspiration": phreatic evaporation from the water table as
  a function of its depth d below the land surface

  Value: maximum rate E0 [m/s] (at d <= 0), constant or scheduled. Option function: linear
  E0 (1 - d/d_ext) (MODFLOW EVT; Harbaugh 2005), segments (MODFLOW ETS1; Banta 2000, USGS
  OFR 00-466: piecewise linear through (0, 1), the given (d/d_ext, E/E0) points, (1, 0)),
  averyanov E0 (1 - d/d_ext)^n (Averyanov 1956; e.g. Nachabe 2002), exponential E0 exp(-a d).
  Parameters: extinction_depth d_ext [m], exponent n [-], decay a [1/m]; segments points by
  GWPackageEvapotranspirationSetSegments().
  Budget terms: potential_phreatic_evaporation, phreatic_evaporation.
  Give one cell per column (any layer): the package acts on the cell holding the water table,
  found each step; the water-table elevation is z + psi of that cell.

  Level: beginner

.seealso: `GWPACKAGEATMOSPHERE`
M*/
PetscErrorCode GWPackageCreate_Evapotranspiration(GWPackage pkg)
{
  PetscFunctionBegin;
  pkg->ops->setup     = GWPackageSetUp_Evapotranspiration;
  pkg->ops->evaluate  = GWPackageEvaluate_Evapotranspiration;
  pkg->ops->stepbegin = GWPackageStepBegin_Evapotranspiration;
  pkg->ops->terms     = GWPackageTerms_Evapotranspiration;
  pkg->ops->destroy   = GWPackageDestroy_Evapotranspiration;
  pkg->needs_value    = PETSC_TRUE;
  pkg->value_unit     = "m/s";
  PetscCall(GWPackageDeclare_Private(pkg, 0, NULL, NPAR, Params, NOPT, Options, NTERM, Terms));
  PetscFunctionReturn(0);
}

/*@C
  GWPackageEvapotranspirationSetSegments - sets the intermediate points of the piecewise-linear
  (MODFLOW ETS1) phreatic-evaporation curve, between (0, 1) and (1, 0)

  Logically collective

  Input Parameters:
+ pkg - a package of type GWPACKAGEEVAPOTRANSPIRATION with option function = segments
. n - number of points
. dfrac - array [n] of increasing depth fractions d/d_ext in (0, 1)
- rfrac - array [n] of rate fractions E/E0 in [0, 1]

  Notes:
  Banta (2000), USGS Open-File Report 00-466 (PXDP and PETM of the ETS1 package).

  Errors:
  PETSC_ERR_ARG_OUTOFRANGE naming the first point out of range or not increasing.

  Level: intermediate

.seealso: `GWPACKAGEEVAPOTRANSPIRATION`
@*/
PetscErrorCode GWPackageEvapotranspirationSetSegments(GWPackage pkg, PetscInt n, const PetscReal dfrac[], const PetscReal rfrac[])
{
  ETData   *data;
  PetscBool match;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(pkg, GWPACKAGE_CLASSID, 1);
  PetscCall(PetscObjectTypeCompare((PetscObject)pkg, GWPACKAGEEVAPOTRANSPIRATION, &match));
  PetscCheck(match, PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_WRONG, "Segments belong to evapotranspiration packages");
  for (PetscInt q = 0; q < n; q++) PetscCheck(dfrac[q] > 0 && dfrac[q] < 1 && rfrac[q] >= 0 && rfrac[q] <= 1 && (q == 0 || dfrac[q] > dfrac[q - 1]), PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_OUTOFRANGE, "Segment point %" PetscInt_FMT " (%g, %g): depth fractions must increase within (0, 1) and rate fractions lie in [0, 1]", q, (double)dfrac[q], (double)rfrac[q]);
  PetscCall(GetData(pkg, &data));
  PetscCall(PetscFree2(data->xseg, data->yseg));
  PetscCall(PetscMalloc2(n, &data->xseg, n, &data->yseg));
  PetscCall(PetscArraycpy(data->xseg, dfrac, n));
  PetscCall(PetscArraycpy(data->yseg, rfrac, n));
  data->nseg = n;
  PetscFunctionReturn(0);
}

/*@C
  GWPackageEvapotranspirationRate - evaluates the phreatic-evaporation law of a package at a
  water-table depth

  Not collective

  Input Parameters:
+ pkg - a package of type GWPACKAGEEVAPOTRANSPIRATION with its function and parameters set
. E0 - maximum rate [m/s]
- d - depth of the water table below the land surface [m]

  Output Parameters:
+ E - extraction rate per unit area [m/s]
- dEdd - its derivative with respect to d [1/s] (may be NULL)

  Level: intermediate

.seealso: `GWPACKAGEEVAPOTRANSPIRATION`
@*/
PetscErrorCode GWPackageEvapotranspirationRate(GWPackage pkg, PetscReal E0, PetscReal d, PetscReal *E, PetscReal *dEdd)
{
  PetscReal f = 0, df = 0;
  ETData   *data;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(pkg, GWPACKAGE_CLASSID, 1);
  PetscCall(GetData(pkg, &data));
  PetscCall(Shape(pkg, d, &f, &df));
  *E = E0 * f;
  if (dEdd) *dEdd = E0 * df;
  PetscFunctionReturn(0);
}
