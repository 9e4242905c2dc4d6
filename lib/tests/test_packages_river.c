/* River leakage: disconnection from a deep water table, and stream depletion by a pumping well.

   1. Disconnection. A 10 m soil column with its water table at 2 m, a river in its top cell
      (stage 10.5 m, bed top 9.8 m, bed 0.5 m thick, bed K 1e-7 m/s, 1 m x 1 m) and a closed
      bottom. While the head under the bed is below the bed bottom (9.3 m) the river loses exactly
      C (stage - bed bottom) whatever the head (MODFLOW RIV, Harbaugh 2005, eq. 8-7): checked
      after 2 days to 1e-12 relative, with the head checked to be below the bed bottom. The
      leakage builds a mound that reaches the bed: once the head is 0.2 m above the bed bottom
      the leakage is exactly C (stage - h) of that head (1e-9 relative), and has dropped by
      more than 10% from the disconnected rate.
   2. Stream depletion, Glover and Balmer (1954): an aquifer (T = 500 m^2/d, S = 0.1) with a
      fully penetrating stream (a river whose streambed conductance is 1000 m/d per metre of
      stream, for which Hunt's solution below is within 0.7% of Glover's at these times: the
      published table) and a well L = 200 m away. The fraction of
      the well's rate taken from the stream is Qs/Qw = erfc(sqrt(S L^2 / (4 T t))). The model is
      the strip of the aquifer across the stream, 1 m wide, 12 km long (stream at x = 0, closed
      ends far beyond the cone), on which the 2D well's depletion is exactly that of a line well
      (the integral over y of the 2D solution). Checked at 5, 10, 30 and 100 days within 3%.
   3. Hunt (1999), Ground Water 37(1), 98-102: the same with a streambed of conductance
      lambda = 10 m/d per metre of stream:
        Qs/Qw = erfc(sqrt(S L^2/4Tt)) - exp(lambda^2 t/4ST + lambda L/2T)
                erfc(sqrt(lambda^2 t/4ST) + sqrt(S L^2/4Tt)),
      computed here, and checked against the published table in validation/09_stream_depletion
      (1e-6) before it is used. Checked at 5, 10, 30, 100 days within 3%.
   Mass balance of every run below 1e-10 (relative, cumulative). */
#include <gw.h>
#include <gw/private/modelimpl.h>
#include "gwtest.h"

#define DAY 86400.0

/* ---- 1. disconnection ---------------------------------------------------------------------- */
#define NZ 20

static PetscErrorCode Column(GWModel *model)
{
  GWModel    m;
  GWMaterial soil;
  GWPackage  riv;
  PetscReal  dz[NZ];

  PetscFunctionBeginUser;
  PetscCall(GWMaterialCreate(PETSC_COMM_WORLD, &soil));
  PetscCall(GWMaterialSetType(soil, GWMATERIALVANGENUCHTEN));
  PetscCall(GWMaterialVanGenuchtenSetParameters(soil, 1.0, 2.0));
  PetscCall(GWMaterialSetWaterContentLimits(soil, 0.05, 0.35));
  PetscCall(GWMaterialSetHydraulicConductivity(soil, 1e-5, 1e-5, 1e-5));
  PetscCall(GWMaterialSetSpecificStorage(soil, 1e-5));
  PetscCall(GWModelCreate(PETSC_COMM_WORLD, &m));
  PetscCall(GWModelSetGridSize(m, 1, 1, NZ));
  PetscCall(GWModelSetUniformCellWidths(m, 1.0, 1.0));
  for (PetscInt k = 0; k < NZ; k++) dz[k] = 10.0 / NZ;
  PetscCall(GWModelSetUniformLayers(m, 10.0, dz));
  PetscCall(GWModelAddMaterial(m, soil, NULL));
  PetscCall(GWMaterialDestroy(&soil));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &riv));
  PetscCall(GWPackageSetType(riv, GWPACKAGERIVER));
  PetscCall(GWPackageAddCell(riv, 0, 0, 0, GW_FACE_NONE));
  PetscCall(GWPackageSetValue(riv, 10.5));
  PetscCall(GWPackageSetParameter(riv, "bed_elevation", 9.8));
  PetscCall(GWPackageSetParameter(riv, "bed_thickness", 0.5));
  PetscCall(GWPackageSetParameter(riv, "bed_conductivity", 1e-7));
  PetscCall(GWPackageSetParameter(riv, "width", 1.0));
  PetscCall(GWPackageSetParameter(riv, "length", 1.0));
  PetscCall(GWModelAddPackage(m, riv));
  PetscCall(GWPackageDestroy(&riv));
  PetscCall(GWModelSetInitialWaterTable(m, 2.0));
  PetscCall(GWModelSetTimeStepLimits(m, 60.0, 1e-3, DAY));
  PetscCall(GWModelSetFromOptions(m));
  PetscCall(GWModelSetUp(m));
  *model = m;
  PetscFunctionReturn(0);
}

/* hydraulic head of cell (i, 0, 0) of a model on every rank */
static PetscErrorCode CellHead(GWModel m, PetscInt i, PetscInt k, PetscReal *h)
{
  Vec                  psi;
  PetscScalar       ***a;
  PetscInt             xs, ys, zs, xm, ym, zm;
  PetscReal            v = 0;
  Vec                  zc;
  const PetscScalar ***z;

  PetscFunctionBeginUser;
  PetscCall(GWModelGetPressureHead(m, &psi));
  PetscCall(GWModelGetCellCenters(m, NULL, NULL, &zc));
  PetscCall(DMDAGetCorners(m->da, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCall(DMDAVecGetArrayRead(m->da, psi, &a));
  PetscCall(DMDAVecGetArrayRead(m->da, zc, &z));
  if (i >= xs && i < xs + xm && k >= zs && k < zs + zm && ys == 0) v = a[k][0][i] + z[k][0][i];
  PetscCall(DMDAVecRestoreArrayRead(m->da, zc, &z));
  PetscCall(DMDAVecRestoreArrayRead(m->da, psi, &a));
  PetscCall(VecDestroy(&zc));
  PetscCall(MPIU_Allreduce(&v, h, 1, MPIU_REAL, MPIU_SUM, PETSC_COMM_WORLD));
  PetscFunctionReturn(0);
}

/* leakage rate [m^3/s] of package p over the last step */
static PetscErrorCode LastRate(GWModel m, PetscInt p, PetscReal t0, PetscReal *q)
{
  PetscReal in, out, t1;

  PetscFunctionBeginUser;
  PetscCall(GWModelGetTime(m, &t1));
  PetscCall(GWModelGetPackageBudget(m, p, &in, &out, NULL, NULL));
  *q = (in - out) / (t1 - t0);
  PetscFunctionReturn(0);
}

static PetscErrorCode CheckDisconnection(GWTest *t)
{
  GWModel   m;
  PetscReal C = 1e-7 * 1.0 * 1.0 / 0.5, bot = 9.3, stage = 10.5, q, h, t0, rel;

  PetscFunctionBeginUser;
  PetscCall(Column(&m));
  PetscCall(GWModelRun(m, 2 * DAY - 600));
  PetscCall(GWModelGetTime(m, &t0));
  PetscCall(GWModelSetTimeStepLimits(m, 600.0, 1e-3, 600.0));
  PetscCall(GWModelRun(m, 2 * DAY));
  PetscCall(LastRate(m, 0, t0, &q));
  PetscCall(CellHead(m, 0, 0, &h));
  PetscCall(GWTestBelow(t, "disconnected_head_below_bed_bottom_m", h - bot, 0.0));
  PetscCall(GWTestRel(t, "disconnected_leakage_m3_per_s vs C (stage - bed bottom)", q, C * (stage - bot), 1e-12));
  /* the mound: step on by 2 days until the head under the river is 0.2 m above the bed bottom */
  for (PetscInt d = 2; d < 400 && h < bot + 0.2; d += 2) {
    PetscCall(GWModelSetTimeStepLimits(m, 600.0, 1e-3, DAY));
    PetscCall(GWModelRun(m, (d + 2) * DAY - 600));
    PetscCall(GWModelGetTime(m, &t0));
    PetscCall(GWModelSetTimeStepLimits(m, 600.0, 1e-3, 600.0));
    PetscCall(GWModelRun(m, (d + 2) * DAY));
    PetscCall(LastRate(m, 0, t0, &q));
    PetscCall(CellHead(m, 0, 0, &h));
  }
  PetscCall(GWModelGetTime(m, &t0));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "after %g d: head under the river %.4f m (bed bottom %.2f m), leakage %.4e m^3/s (disconnected %.4e)\n", (double)(t0 / DAY), (double)h, (double)bot, (double)q, (double)(C * (stage - bot))));
  PetscCall(GWTestBelow(t, "reconnected_leakage_below_disconnected_rel", q / (C * (stage - bot)), 1.0 - 0.1));
  PetscCall(GWTestBelow(t, "reconnected_head_above_bed_bottom_plus_smoothing", bot + 0.01 - h, 0.0));
  PetscCall(GWTestRel(t, "reconnected_leakage_m3_per_s vs C (stage - h)", q, C * (stage - h), 1e-9));
  PetscCall(GWModelGetMassBalanceError(m, NULL, NULL, NULL, &rel));
  PetscCall(GWTestBelow(t, "disconnection_cumulative_mass_balance_rel", rel, 1e-10));
  PetscCall(GWModelDestroy(&m));
  PetscFunctionReturn(0);
}

/* ---- 2, 3. stream depletion -------------------------------------------------------------- */
#define TR   (500.0 / DAY) /* transmissivity [m^2/s] */
#define SC   0.1           /* storage coefficient */
#define LW   200.0         /* well-stream distance [m] */
#define QW   (-1.0 / DAY)  /* well rate per metre of strip [m^3/s] */
#define NMAX 200

/* Cell widths of the strip: 10 m cells from -295 to 295 m around the stream cell [-5, 5] and the
   well cell [195, 205], growing by 1.2 beyond, to 6 km on each side. */
static PetscInt StripWidths(PetscReal dx[], PetscInt *iriv, PetscInt *iwell)
{
  PetscReal side[NMAX];
  PetscInt  ns = 0, n = 0;
  PetscReal x = 5.0, w = 10.0;

  while (x < 6000.0) {
    if (x >= 295.0) w *= 1.2;
    side[ns++] = w;
    x += w;
  }
  for (PetscInt i = ns - 1; i >= 0; i--) dx[n++] = side[i];
  *iriv   = n;
  dx[n++] = 10.0;
  for (PetscInt i = 0; i < ns; i++) dx[n++] = side[i];
  *iwell = *iriv + 20;
  return n;
}

static PetscErrorCode Strip(PetscReal lambda, GWModel *model, PetscInt *nx)
{
  GWModel    m;
  GWMaterial aq;
  GWPackage  riv, well;
  PetscReal  dx[NMAX], dy = 1.0, dz = 10.0;
  PetscInt   n, ir, iw;

  PetscFunctionBeginUser;
  n = StripWidths(dx, &ir, &iw);
  PetscCall(GWMaterialCreate(PETSC_COMM_WORLD, &aq));
  PetscCall(GWMaterialSetType(aq, GWMATERIALVANGENUCHTEN));
  PetscCall(GWMaterialVanGenuchtenSetParameters(aq, 3.0, 2.0));
  PetscCall(GWMaterialSetWaterContentLimits(aq, 0.05, 0.35));
  PetscCall(GWMaterialSetHydraulicConductivity(aq, TR / dz, TR / dz, TR / dz));
  PetscCall(GWMaterialSetSpecificStorage(aq, SC / dz));
  PetscCall(GWModelCreate(PETSC_COMM_WORLD, &m));
  PetscCall(GWModelSetGridSize(m, n, 1, 1));
  PetscCall(GWModelSetCellWidths(m, dx, &dy));
  PetscCall(GWModelSetUniformLayers(m, 0.0, &dz)); /* confined: heads of 20 m over cells centred at -5 m */
  PetscCall(GWModelAddMaterial(m, aq, NULL));
  PetscCall(GWMaterialDestroy(&aq));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &riv));
  PetscCall(GWPackageSetType(riv, GWPACKAGERIVER));
  PetscCall(GWPackageSetName(riv, "stream"));
  PetscCall(GWPackageAddCell(riv, ir, 0, 0, GW_FACE_NONE));
  PetscCall(GWPackageSetValue(riv, 20.0));
  PetscCall(GWPackageSetParameter(riv, "bed_elevation", 19.0));
  PetscCall(GWPackageSetParameter(riv, "conductance", lambda * dy));
  PetscCall(GWModelAddPackage(m, riv));
  PetscCall(GWPackageDestroy(&riv));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &well));
  PetscCall(GWPackageSetType(well, GWPACKAGEWELL));
  PetscCall(GWPackageAddCell(well, iw, 0, 0, GW_FACE_NONE));
  PetscCall(GWPackageSetValue(well, QW));
  PetscCall(GWModelAddPackage(m, well));
  PetscCall(GWPackageDestroy(&well));
  PetscCall(GWModelSetInitialPressureHead(m, 25.0));
  PetscCall(GWModelSetTimeStepLimits(m, 60.0, 1e-3, 0.1 * DAY));
  PetscCall(GWModelSetFromOptions(m));
  PetscCall(GWModelSetUp(m));
  *model = m;
  *nx    = n;
  PetscFunctionReturn(0);
}

static PetscReal Glover(PetscReal t)
{
  return erfc(PetscSqrtReal(SC * LW * LW / (4 * TR * t)));
}

static PetscReal Hunt(PetscReal lambda, PetscReal t)
{
  PetscReal a = PetscSqrtReal(SC * LW * LW / (4 * TR * t)), b = lambda * lambda * t / (4 * SC * TR);
  return erfc(a) - PetscExpReal(b + lambda * LW / (2 * TR)) * erfc(PetscSqrtReal(b) + a);
}

/* depletion fraction at 5, 10, 30, 100 d against ref(t) */
static PetscErrorCode CheckDepletion(GWTest *t, const char *tag, PetscReal lambda, PetscReal (*ref)(PetscReal, PetscReal))
{
  GWModel   m;
  PetscReal times[4] = {5, 10, 30, 100}, rel, t0, q;
  PetscInt  n;
  char      name[96];

  PetscFunctionBeginUser;
  PetscCall(Strip(lambda, &m, &n));
  for (PetscInt k = 0; k < 4; k++) {
    PetscCall(GWModelRun(m, times[k] * DAY));
    t0 = times[k] * DAY - m->step_t1 + m->step_t0; /* backward Euler: the last step's mean rate is the rate at its end */
    PetscCall(LastRate(m, 0, t0, &q));
    PetscCall(PetscSNPrintf(name, sizeof(name), "%s_depletion_fraction_t%dd", tag, (int)times[k]));
    PetscCall(GWTestRel(t, name, q / -QW, ref(lambda, times[k] * DAY), 0.03));
  }
  PetscCall(GWModelGetMassBalanceError(m, NULL, NULL, NULL, &rel));
  PetscCall(PetscSNPrintf(name, sizeof(name), "%s_cumulative_mass_balance_rel", tag));
  PetscCall(GWTestBelow(t, name, rel, 1e-10));
  PetscCall(GWModelDestroy(&m));
  PetscFunctionReturn(0);
}

static PetscReal GloverRef(PetscReal lambda, PetscReal t)
{
  (void)lambda;
  return Glover(t);
}

/* The closed forms against the published table (t in days, T 500 m^2/d, S 0.1, L 200 m). */
static PetscErrorCode CheckFormulas(GWTest *t)
{
  char       path[PETSC_MAX_PATH_LEN];
  PetscInt   nr = 0, nc = 0;
  PetscReal *d = NULL, eg = 0, eh = 0;

  PetscFunctionBeginUser;
  PetscCall(GWTestSourcePath("validation/09_stream_depletion/stream_depletion_fraction.csv", path, sizeof(path)));
  PetscCall(GWTestReadTable(path, &nr, &nc, &d));
  for (PetscInt r = 0; r < nr; r++) {
    eg = PetscMax(eg, PetscAbsReal(Glover(d[r * nc] * DAY) - d[r * nc + 1]));
    eh = PetscMax(eh, PetscAbsReal(Hunt(10.0 / DAY, d[r * nc] * DAY) - d[r * nc + 3]));
  }
  PetscCall(PetscFree(d));
  PetscCall(GWTestBelow(t, "glover_formula_vs_table_max_abs", eg, 1e-6));
  PetscCall(GWTestBelow(t, "hunt_lambda10_formula_vs_table_max_abs", eh, 1e-6));
  PetscFunctionReturn(0);
}

int main(int argc, char **argv)
{
  GWTest t = {0, 0};
  int    status;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  PetscCall(CheckDisconnection(&t));
  PetscCall(CheckFormulas(&t));
  PetscCall(CheckDepletion(&t, "glover", 1e3 / DAY, GloverRef));
  PetscCall(CheckDepletion(&t, "hunt_lambda10", 10.0 / DAY, Hunt));
  status = GWTestFinish(&t);
  PetscCall(PetscFinalize());
  return status;
}
