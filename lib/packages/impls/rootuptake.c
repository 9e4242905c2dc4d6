/* Root water uptake (Feddes et al. 1978): a sink in every cell of the root zone,

     S = -alpha(psi) b(z) Tp,  per unit column area,

   with Tp the potential transpiration, b the normalised root-density distribution over the column's
   root zone (sum of b times cell thickness = 1) and alpha the Feddes water-stress reduction:
   0 wetter than h1 (oxygen stress), rising linearly to 1 at h2, 1 down to h3, falling linearly to 0
   at h4 (wilting point) and 0 drier. Tp is given, or split from potential evapotranspiration
   with the leaf area index: Tp = ETp (1 - exp(-k LAI)) (Ritchie 1972; Belmans et al. 1983). */
#include <gw/private/modelimpl.h>

enum {
  IN_ET,
  IN_LAI,
  NIN
};
enum {
  PAR_H1,
  PAR_H2,
  PAR_H3,
  PAR_H4,
  PAR_DEPTH,
  PAR_KEXT,
  PAR_KC,
  NPAR
};
enum {
  OPT_DIST,
  NOPT
};
enum {
  D_UNIFORM,
  D_LINEAR,
  D_EXPONENTIAL
};
enum {
  T_TPOT,
  T_T,
  NTERM
};

static const GWPackageSlot Inputs[NIN] = {
    {"potential_et", "m/s", 0, "potential evapotranspiration; with lai, its share 1 - exp(-k LAI) is the potential transpiration (used when the package value is not given)"},
    {"lai", "-", 0, "leaf area index for the split of potential_et"}};
static const GWPackageSlot Params[NPAR] = {
    {"h1", "m", -0.1, "Feddes: uptake starts below this pressure head (oxygen stress above)"},
    {"h2", "m", -0.25, "Feddes: full uptake from here"},
    {"h3", "m", -4.0, "Feddes: uptake starts to fall below this pressure head"},
    {"h4", "m", -80.0, "Feddes: wilting point, no uptake below"},
    {"root_depth", "m", PETSC_NAN, "depth of the root zone below the land surface (required)"},
    {"extinction_coefficient", "-", 0.463, "k in the split 1 - exp(-k LAI) of potential_et"},
    {"crop_coefficient", "-", 1.0, "Kc turning potential_et (reference ET0) into the crop's potential ET (FAO-56 eq. 56)"}};
static const GWPackageSlot Options[NOPT] = {
    {"distribution", "text", 0, "uniform|linear|exponential: root density with depth: constant; falling linearly to 0 at root_depth; exp(-3 z/root_depth)"}};
static const char *const Terms[NTERM] = {"potential_transpiration", "transpiration"};

typedef struct {
  PetscReal *share; /* per entry: b(z) dz, the fraction of the column's transpiration from the cell */
} RootData;

/* Feddes reduction alpha(psi) and its derivative. */
static void Feddes(const PetscReal *p, PetscReal psi, PetscReal *a, PetscReal *da)
{
  PetscReal h1 = p[PAR_H1], h2 = p[PAR_H2], h3 = p[PAR_H3], h4 = p[PAR_H4];

  *a  = 0.0;
  *da = 0.0;
  if (psi > h1 || psi <= h4) return;
  if (psi > h2) {
    *a  = (h1 - psi) / (h1 - h2);
    *da = -1.0 / (h1 - h2);
  } else if (psi >= h3)
    *a = 1.0;
  else {
    *a  = (psi - h4) / (h3 - h4);
    *da = 1.0 / (h3 - h4);
  }
}

static PetscErrorCode PotentialTranspiration(GWPackage pkg, GWModel m, PetscReal *Tp)
{
  PetscReal et, lai;

  PetscFunctionBegin;
  if (pkg->nsched)
    PetscCall(GWPackageGetValue(pkg, m->step_t0, m->step_t1, Tp));
  else {
    PetscCall(GWScheduleValue_Private(&pkg->input[IN_ET], m->step_t0, m->step_t1, &et));
    PetscCall(GWScheduleValue_Private(&pkg->input[IN_LAI], m->step_t0, m->step_t1, &lai));
    *Tp = pkg->param[PAR_KC] * et * (1.0 - PetscExpReal(-pkg->param[PAR_KEXT] * lai));
  }
  PetscFunctionReturn(0);
}

static PetscErrorCode GWPackageEvaluate_RootUptake(GWPackage pkg, GWModel m, const GWPackageEntry *e, PetscReal v, PetscReal psi, PetscReal *Q, PetscReal *dQ)
{
  RootData *data = (RootData *)pkg->data;
  PetscReal Tp, a, da, w = data->share[e - pkg->entry] * e->area;

  PetscFunctionBegin;
  (void)v;
  PetscCall(PotentialTranspiration(pkg, m, &Tp));
  Feddes(pkg->param, psi, &a, &da);
  *Q  = -a * w * Tp;
  *dQ = -da * w * Tp;
  PetscFunctionReturn(0);
}

static PetscErrorCode GWPackageTerms_RootUptake(GWPackage pkg, GWModel m, PetscReal dt, PetscReal *vals)
{
  RootData *data = (RootData *)pkg->data;
  PetscReal Tp;

  PetscFunctionBegin;
  PetscCall(PotentialTranspiration(pkg, m, &Tp));
  for (PetscInt e = 0; e < pkg->nentry; e++) {
    vals[pkg->nterm * pkg->entry[e].mat + T_TPOT] += Tp * data->share[e] * pkg->entry[e].area * dt;
    vals[pkg->nterm * pkg->entry[e].mat + T_T] += -pkg->Q[e] * dt;
  }
  PetscFunctionReturn(0);
}

/* Root-density share of each cell: integral of b(z) over the part of the cell inside the root
   zone, with b normalised over [0, root_depth] below the land surface. */
static PetscErrorCode GWPackageSetUp_RootUptake(GWPackage pkg, GWModel m)
{
  RootData       *data;
  const char     *name;
  PetscInt        dist = 0;
  PetscReal      *p = pkg->param, L = p[PAR_DEPTH];
  PetscScalar ****g;

  PetscFunctionBegin;
  PetscCall(PetscObjectGetName((PetscObject)pkg, &name));
  PetscCheck(L > 0, PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_OUTOFRANGE, "Root-uptake package %s: root_depth must be positive (m), got %g", name, (double)L);
  PetscCheck(p[PAR_H1] > p[PAR_H2] && p[PAR_H2] >= p[PAR_H3] && p[PAR_H3] > p[PAR_H4], PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_OUTOFRANGE, "Root-uptake package %s: Feddes heads must satisfy h1 > h2 >= h3 > h4; got %g, %g, %g, %g m", name, (double)p[PAR_H1], (double)p[PAR_H2], (double)p[PAR_H3], (double)p[PAR_H4]);
  PetscCheck(pkg->nsched || (pkg->input[IN_ET].n && pkg->input[IN_LAI].n), PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_WRONGSTATE, "Root-uptake package %s needs the potential transpiration (value or schedule) or potential_et with lai", name);
  PetscCall(GWPackageOption_Private(pkg, OPT_DIST, &dist));
  if (!pkg->data) PetscCall(PetscNew((RootData **)&pkg->data));
  data = (RootData *)pkg->data; /* set-up may run again (GWModelReset(), GWModelSetParameter()) */
  PetscCall(PetscFree(data->share));
  PetscCall(PetscCalloc1(PetscMax(pkg->nentry, 1), &data->share));
  PetscCall(DMDAVecGetArrayDOFRead(m->dageo, m->geo, &g));
  for (PetscInt e = 0; e < pkg->nentry; e++) {
    GWPackageEntry *en = &pkg->entry[e];
    PetscScalar    *gc = g[en->k][en->j][en->i];
    PetscReal       zs = gc[GW_GEO_ZTOP], zb = gc[GW_GEO_ZBOT], zt = en->k ? g[en->k - 1][en->j][en->i][GW_GEO_ZBOT] : zs; /* the layer above is in the ghost region */
    PetscReal       d0 = PetscMin(PetscMax(zs - zt, 0), L), d1 = PetscMin(PetscMax(zs - zb, 0), L);                        /* depths inside the root zone */
    en->area = m->dx[en->i] * m->dy[en->j];
    if (dist == D_UNIFORM)
      data->share[e] = (d1 - d0) / L;
    else if (dist == D_LINEAR)
      data->share[e] = ((d1 - d0) - (d1 * d1 - d0 * d0) / (2 * L)) * 2 / L; /* b = 2(1 - z/L)/L */
    else
      data->share[e] = (PetscExpReal(-3 * d0 / L) - PetscExpReal(-3 * d1 / L)) / (1 - PetscExpReal(-3.0));
  }
  PetscCall(DMDAVecRestoreArrayDOFRead(m->dageo, m->geo, &g));
  PetscFunctionReturn(0);
}

static PetscErrorCode GWPackageDestroy_RootUptake(GWPackage pkg)
{
  RootData *data = (RootData *)pkg->data;

  PetscFunctionBegin;
  if (data) PetscCall(PetscFree(data->share));
  PetscCall(PetscFree(pkg->data));
  PetscFunctionReturn(0);
}

/*MC
  GWPACKAGEROOTUPTAKE - "root-uptake": Feddes root water uptake over a root zone

  Value: potential transpiration Tp [m/s] (or inputs potential_et [m/s] and lai [-], Tp =
  ETp (1 - exp(-k LAI))). Parameters: Feddes h1 > h2 >= h3 > h4 [m] (defaults -0.1, -0.25, -4,
  -80 m), root_depth [m], extinction_coefficient k (0.463). Option distribution: uniform, linear
  (falling to 0 at root_depth) or exponential (exp(-3 z/L)). Give the root-zone cells of every
  column (all layers down to the root depth); each cell takes its share of b(z).
  Budget terms: potential_transpiration, transpiration (actual).

  Notes:
  Feddes, Kowalik and Zaradny (1978), Simulation of field water use and crop yield, Pudoc; the
  reduction function as in the HYDRUS-1D manual (Simunek et al. 2013), eq. 2.5.

  Level: beginner

.seealso: `GWPACKAGEATMOSPHERE`
M*/
PetscErrorCode GWPackageCreate_RootUptake(GWPackage pkg)
{
  PetscFunctionBegin;
  pkg->ops->setup    = GWPackageSetUp_RootUptake;
  pkg->ops->evaluate = GWPackageEvaluate_RootUptake;
  pkg->ops->terms    = GWPackageTerms_RootUptake;
  pkg->ops->destroy  = GWPackageDestroy_RootUptake;
  pkg->needs_value   = PETSC_FALSE;
  pkg->value_unit    = "m/s"; /* optional: or potential_et with lai */
  PetscCall(GWPackageDeclare_Private(pkg, NIN, Inputs, NPAR, Params, NOPT, Options, NTERM, Terms));
  PetscFunctionReturn(0);
}
