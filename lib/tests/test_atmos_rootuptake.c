/* Root water uptake (root-uptake package, Feddes et al. 1978) through a model: closed columns of
   loam (no flow across any boundary) whose only sink is transpiration from a 0.55 m root zone on
   graded layers (the root zone ends inside a layer). Two identical columns, for 2 ranks.
   1. Feddes reduction, one 60 s step from a uniform pressure head, Tp = 5 mm/d, uniform roots;
      the reference is the sum over root-zone cells of share x alpha(psi) x Tp, with the shares
      and alpha written out here and psi read from the cells:
      - psi = -1 m (between h2 and h3): actual transpiration = Tp (1e-6 relative);
      - psi = -40 m (h3 = -4 m, h4 = -80 m): Tp sum share (psi - h4)/(h3 - h4) at the cells'
        end-of-step psi (the step is implicit; 1e-8) and at the initial psi (1e-3);
      - psi = -0.15 m (oxygen stress, h1 = -0.1 m, h2 = -0.25 m): Tp sum share (h1 - psi)/(h1 - h2)
        at the cells' end-of-step psi (1e-8);
      - water table above the land surface (psi > 0 > h1 everywhere): no transpiration.
   2. Root distributions uniform, linear and exponential: over one 60 s step from hydrostatic
      equilibrium (psi -0.75 to -2.5 m, unstressed), each layer's storage loss (water-content
      change x volume) over the total equals the integral of the root density over the layer's
      part of the root zone, to 1e-6; layers below the root zone lose nothing. The flow the uptake
      induces between layers (proportional to K dt^2) would shift the shares by up to 2e-5 in the
      loam; with Ks 1000 times smaller they stay below 2e-8.
   3. LAI split: with inputs potential_et and lai, potential transpiration per area =
      Kc ET (1 - exp(-k LAI)) to 1e-12, and the actual (unstressed) equals it (1e-6); potential_et
      without lai is refused at set-up.
   4. Drying for 20 days at Tp = 5 mm/d with linear roots (the root zone reaches the stressed
      range): per-step mass balance below 1e-8; transpired volume = storage loss (1e-8);
      transpiration never above the potential and below it at the end. */
#include <gw.h>
#include "gwtest.h"

#define NZ    12
#define NROOT 9 /* package cells: layers 0..8, the last below the root zone */

static const PetscReal DZ[NZ] = {0.05, 0.05, 0.05, 0.05, 0.1, 0.1, 0.1, 0.1, 0.2, 0.2, 0.5, 0.5};
static const PetscReal TOP = 2.0, LROOT = 0.55, MMD = 0.001 / 86400.0;
/* Ks of the loam, and of the tight loam of the distribution check (see there) [m/s] */
static const PetscReal KLOAM = 2.89e-6, KTIGHT = 2.89e-9;

typedef enum {
  DIST_UNIFORM,
  DIST_LINEAR,
  DIST_EXPONENTIAL
} Dist;
static const char *const DistName[] = {"uniform", "linear", "exponential"};

/* Fraction of a column's transpiration taken from the depth interval [a, b] below the surface:
   the integral of the normalised root density over its part inside [0, L]. */
static PetscReal Share(Dist d, PetscReal a, PetscReal b, PetscReal L)
{
  PetscReal d0 = PetscMin(a, L), d1 = PetscMin(b, L);

  if (d == DIST_UNIFORM) return (d1 - d0) / L;                                    /* b(z) = 1/L */
  if (d == DIST_LINEAR) return 2 * (d1 - d0) / L - (d1 * d1 - d0 * d0) / (L * L); /* b(z) = 2 (1 - z/L)/L */
  return (exp(-3 * d0 / L) - exp(-3 * d1 / L)) / (1 - exp(-3.0));                 /* b(z) = 3 exp(-3z/L) / (L (1 - e^-3)) */
}

/* Depth below the surface of the top and bottom of layer k. */
static void LayerDepths(PetscInt k, PetscReal *a, PetscReal *b)
{
  *a = 0;
  for (PetscInt q = 0; q < k; q++) *a += DZ[q];
  *b = *a + DZ[k];
}

/* Feddes alpha(psi), written out from Feddes et al. (1978) / HYDRUS-1D manual eq. 2.5 */
static PetscReal Alpha(PetscReal psi, PetscReal h1, PetscReal h2, PetscReal h3, PetscReal h4)
{
  if (psi > h1 || psi < h4) return 0;
  if (psi > h2) return (h1 - psi) / (h1 - h2);
  if (psi >= h3) return 1;
  return (psi - h4) / (h3 - h4);
}

typedef struct {
  GWModel    m;
  GWMaterial soil;
  GWPackage  ru;
} Column;

/* Two 1 m x 1 m columns of loam (Carsel and Parrish 1988) with conductivity Ks, closed, with a
   root-uptake package on layers 0..NROOT-1 of both; not set up. init: 0 uniform psi0, 1 water table
   at elevation psi0. Tp > 0: the package value; else extra() sets the package's inputs. */
static PetscErrorCode ColumnBuild(Column *c, Dist dist, PetscReal Ks, PetscReal Tp, PetscInt init, PetscReal psi0, PetscReal dt, PetscErrorCode (*extra)(GWPackage))
{
  PetscFunctionBeginUser;
  PetscCall(GWMaterialCreate(PETSC_COMM_WORLD, &c->soil));
  PetscCall(GWMaterialSetType(c->soil, GWMATERIALVANGENUCHTEN));
  PetscCall(GWMaterialVanGenuchtenSetParameters(c->soil, 3.6, 1.56));
  PetscCall(GWMaterialSetWaterContentLimits(c->soil, 0.078, 0.43));
  PetscCall(GWMaterialSetHydraulicConductivity(c->soil, Ks, Ks, Ks));
  if (init == 1 && psi0 > TOP) PetscCall(GWMaterialSetSpecificStorage(c->soil, 1e-5)); /* a saturated closed column needs storage */
  PetscCall(GWModelCreate(PETSC_COMM_WORLD, &c->m));
  PetscCall(GWModelSetGridSize(c->m, 2, 1, NZ));
  PetscCall(GWModelSetUniformCellWidths(c->m, 1.0, 1.0));
  PetscCall(GWModelSetUniformLayers(c->m, TOP, DZ));
  PetscCall(GWModelAddMaterial(c->m, c->soil, NULL));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &c->ru));
  PetscCall(GWPackageSetType(c->ru, GWPACKAGEROOTUPTAKE));
  PetscCall(GWPackageSetName(c->ru, "roots"));
  PetscCall(GWPackageAddCellRange(c->ru, 0, 1, 0, 0, 0, NROOT - 1, GW_FACE_NONE));
  PetscCall(GWPackageSetParameter(c->ru, "root_depth", LROOT));
  PetscCall(GWPackageSetOption(c->ru, "distribution", DistName[dist]));
  if (Tp > 0) PetscCall(GWPackageSetValue(c->ru, Tp));
  if (extra) PetscCall(extra(c->ru));
  PetscCall(GWModelAddPackage(c->m, c->ru));
  if (init == 0)
    PetscCall(GWModelSetInitialPressureHead(c->m, psi0));
  else
    PetscCall(GWModelSetInitialWaterTable(c->m, psi0));
  PetscCall(GWModelSetTimeStepLimits(c->m, dt, 1e-6, dt));
  PetscCall(GWModelSetFromOptions(c->m));
  PetscFunctionReturn(0);
}

static PetscErrorCode ColumnCreate(Column *c, Dist dist, PetscReal Ks, PetscReal Tp, PetscInt init, PetscReal psi0, PetscReal dt, PetscErrorCode (*extra)(GWPackage))
{
  PetscFunctionBeginUser;
  PetscCall(ColumnBuild(c, dist, Ks, Tp, init, psi0, dt, extra));
  PetscCall(GWModelSetUp(c->m));
  PetscFunctionReturn(0);
}

static PetscErrorCode ColumnDestroy(Column *c)
{
  PetscFunctionBeginUser;
  PetscCall(GWPackageDestroy(&c->ru));
  PetscCall(GWMaterialDestroy(&c->soil));
  PetscCall(GWModelDestroy(&c->m));
  PetscFunctionReturn(0);
}

/* Step volumes [m^3] of the package's budget terms potential_transpiration and transpiration. */
static PetscErrorCode Transpiration(GWPackage ru, PetscReal *Tpot, PetscReal *T, PetscBool cumulative)
{
  PetscInt           n;
  const char *const *names;
  const PetscReal   *step, *cum, *v;

  PetscFunctionBeginUser;
  PetscCall(GWPackageGetBudgetTerms(ru, &n, &names, &step, &cum));
  v = cumulative ? cum : step;
  for (PetscInt q = 0; q < n; q++) {
    if (!strcmp(names[q], "potential_transpiration")) *Tpot = v[q];
    if (!strcmp(names[q], "transpiration")) *T = v[q];
  }
  PetscFunctionReturn(0);
}

/* Sum over the root-zone cells of all columns of share x cell area x alpha(psi) (uniform roots):
   the expected transpiration rate over Tp [m^2]. */
static PetscErrorCode ExpectedUptake(GWModel m, Vec psi, const PetscReal h[4], PetscReal *sum)
{
  DM                   da;
  const PetscScalar ***x;
  PetscInt             xs, ys, zs, xm, ym, zm;
  PetscReal            s = 0;

  PetscFunctionBeginUser;
  PetscCall(GWModelGetDM(m, &da));
  PetscCall(DMDAGetCorners(da, &xs, &ys, &zs, &xm, &ym, &zm));
  PetscCall(DMDAVecGetArrayRead(da, psi, &x));
  for (PetscInt k = zs; k < PetscMin(zs + zm, NROOT); k++) {
    PetscReal a, b;
    LayerDepths(k, &a, &b);
    for (PetscInt j = ys; j < ys + ym; j++)
      for (PetscInt i = xs; i < xs + xm; i++) s += Share(DIST_UNIFORM, a, b, LROOT) * 1.0 * Alpha(x[k][j][i], h[0], h[1], h[2], h[3]);
  }
  PetscCall(DMDAVecRestoreArrayRead(da, psi, &x));
  PetscCall(MPIU_Allreduce(&s, sum, 1, MPIU_REAL, MPIU_SUM, PETSC_COMM_WORLD));
  PetscFunctionReturn(0);
}

/* 1. Feddes reduction over one step from a uniform state. */
static PetscErrorCode CheckFeddes(GWTest *t)
{
  const PetscReal Tp = 5 * MMD, dt = 60.0, h[4] = {-0.1, -0.25, -4.0, -80.0}, area = 2.0;
  const char     *label[4] = {"unstressed_psi-1m", "water_stress_psi-40m", "oxygen_stress_psi-0.15m", "above_h1_saturated"};
  const PetscInt  init[4]  = {0, 0, 0, 1};
  const PetscReal psi0[4]  = {-1.0, -40.0, -0.15, TOP + 0.5};

  PetscFunctionBeginUser;
  for (PetscInt c = 0; c < 4; c++) {
    Column    col;
    Vec       psi, psi_init;
    PetscReal Tpot = 0, T = 0, rate, sum_end, sum_init, tnow;
    char      name[128];

    PetscCall(ColumnCreate(&col, DIST_UNIFORM, KLOAM, Tp, init[c], psi0[c], dt, NULL));
    PetscCall(GWModelGetPressureHead(col.m, &psi));
    PetscCall(VecDuplicate(psi, &psi_init));
    PetscCall(VecCopy(psi, psi_init));
    PetscCall(GWModelStep(col.m, dt));
    PetscCall(GWModelGetTime(col.m, &tnow));
    PetscCall(Transpiration(col.ru, &Tpot, &T, PETSC_FALSE));
    rate = T / tnow; /* [m^3/s] */
    PetscCall(ExpectedUptake(col.m, psi, h, &sum_end));
    PetscCall(ExpectedUptake(col.m, psi_init, h, &sum_init));
    PetscCall(PetscSNPrintf(name, sizeof(name), "%s_potential_transpiration_m_per_s", label[c]));
    PetscCall(GWTestRel(t, name, Tpot / (tnow * area), Tp, 1e-12));
    if (c == 0) {
      PetscCall(PetscSNPrintf(name, sizeof(name), "%s_transpiration_vs_Tp", label[c]));
      PetscCall(GWTestRel(t, name, rate / area, Tp, 1e-6));
    } else if (c == 1 || c == 2) {
      PetscCall(PetscSNPrintf(name, sizeof(name), "%s_transpiration_vs_feddes_at_end_of_step_psi", label[c]));
      PetscCall(GWTestRel(t, name, rate, Tp * sum_end, 1e-8));
      if (c == 1) {
        PetscCall(PetscSNPrintf(name, sizeof(name), "%s_transpiration_vs_feddes_at_initial_psi", label[c]));
        PetscCall(GWTestRel(t, name, rate, Tp * sum_init, 1e-3));
        PetscCall(PetscPrintf(PETSC_COMM_WORLD, "# psi = -40 m: alpha = %.6f, actual/potential = %.6f\n", (double)((psi0[c] - h[3]) / (h[2] - h[3])), (double)(rate / (Tp * area))));
      }
    } else {
      PetscCall(PetscSNPrintf(name, sizeof(name), "%s_transpiration_m3", label[c]));
      PetscCall(GWTestAbs(t, name, T, 0.0, 0.0));
    }
    PetscCall(VecDestroy(&psi_init));
    PetscCall(ColumnDestroy(&col));
  }
  PetscFunctionReturn(0);
}

/* 2. Share of each layer in the transpiration, from its storage loss over one step. */
static PetscErrorCode CheckDistributions(GWTest *t)
{
  const PetscReal Tp = 5 * MMD, dt = 60.0, zwt = -0.5; /* hydrostatic: psi -0.75 m (bottom) to -2.5 m (top) */

  PetscFunctionBeginUser;
  for (PetscInt d = 0; d < 3; d++) {
    Column         col;
    Vec            th0, th1;
    DM             da;
    PetscScalar ***a0, ***a1;
    PetscInt       xs, ys, zs, xm, ym, zm;
    PetscReal      loss[NZ] = {0}, total = 0, Tpot = 0, T = 0, dS, maxerr = 0, sumshare = 0;
    char           name[128];

    PetscCall(ColumnCreate(&col, (Dist)d, KTIGHT, Tp, 1, zwt, dt, NULL));
    PetscCall(GWModelGetDM(col.m, &da));
    PetscCall(DMCreateGlobalVector(da, &th0));
    PetscCall(VecDuplicate(th0, &th1));
    PetscCall(GWModelComputeWaterContent(col.m, th0));
    PetscCall(GWModelStep(col.m, dt));
    PetscCall(GWModelComputeWaterContent(col.m, th1));
    PetscCall(DMDAGetCorners(da, &xs, &ys, &zs, &xm, &ym, &zm));
    PetscCall(DMDAVecGetArrayRead(da, th0, &a0));
    PetscCall(DMDAVecGetArrayRead(da, th1, &a1));
    for (PetscInt k = zs; k < zs + zm; k++)
      for (PetscInt j = ys; j < ys + ym; j++)
        for (PetscInt i = xs; i < xs + xm; i++) loss[k] += (a0[k][j][i] - a1[k][j][i]) * 1.0 * 1.0 * DZ[k];
    PetscCall(DMDAVecRestoreArrayRead(da, th0, &a0));
    PetscCall(DMDAVecRestoreArrayRead(da, th1, &a1));
    PetscCall(MPIU_Allreduce(MPI_IN_PLACE, loss, NZ, MPIU_REAL, MPIU_SUM, PETSC_COMM_WORLD));
    for (PetscInt k = 0; k < NZ; k++) total += loss[k];
    for (PetscInt k = 0; k < NZ; k++) {
      PetscReal a, b, s;
      LayerDepths(k, &a, &b);
      s = Share((Dist)d, a, b, LROOT);
      sumshare += s;
      PetscCall(PetscSNPrintf(name, sizeof(name), "%s_layer%" PetscInt_FMT "_share_of_storage_loss", DistName[d], k));
      PetscCall(GWTestAbs(t, name, loss[k] / total, s, 1e-6));
      maxerr = PetscMax(maxerr, PetscAbsReal(loss[k] / total - s));
    }
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "# %s roots: shares sum to %.15f, largest share error %.3e\n", DistName[d], (double)sumshare, (double)maxerr));
    PetscCall(Transpiration(col.ru, &Tpot, &T, PETSC_FALSE));
    PetscCall(GWModelGetStorageChange(col.m, &dS, NULL));
    PetscCall(PetscSNPrintf(name, sizeof(name), "%s_transpiration_vs_Tp_unstressed", DistName[d]));
    PetscCall(GWTestRel(t, name, T / (2.0 * dt), Tp, 1e-6));
    PetscCall(PetscSNPrintf(name, sizeof(name), "%s_transpiration_vs_storage_loss_m3", DistName[d]));
    PetscCall(GWTestRel(t, name, T, -dS, 1e-8));
    PetscCall(VecDestroy(&th0));
    PetscCall(VecDestroy(&th1));
    PetscCall(ColumnDestroy(&col));
  }
  PetscFunctionReturn(0);
}

/* 3. Potential transpiration split from potential ET with the leaf area index. */
static const PetscReal ET = 6.0 * 0.001 / 86400.0, LAI = 2.5, KEXT = 0.6, KC = 1.15;

static PetscErrorCode SetLAIInputs(GWPackage ru)
{
  PetscFunctionBeginUser;
  PetscCall(GWPackageSetInputValue(ru, "potential_et", ET));
  PetscCall(GWPackageSetInputValue(ru, "lai", LAI));
  PetscCall(GWPackageSetParameter(ru, "extinction_coefficient", KEXT));
  PetscCall(GWPackageSetParameter(ru, "crop_coefficient", KC));
  PetscFunctionReturn(0);
}

static PetscErrorCode SetETWithoutLAI(GWPackage ru)
{
  PetscFunctionBeginUser;
  PetscCall(GWPackageSetInputValue(ru, "potential_et", ET));
  PetscFunctionReturn(0);
}

static PetscErrorCode CheckLAISplit(GWTest *t)
{
  const PetscReal dt = 60.0, ref = KC * ET * (1 - exp(-KEXT * LAI));
  Column          col;
  PetscReal       Tpot = 0, T = 0;
  PetscErrorCode  ierr;

  PetscFunctionBeginUser;
  PetscCall(ColumnCreate(&col, DIST_EXPONENTIAL, KLOAM, 0.0, 0, -1.0, dt, SetLAIInputs));
  PetscCall(GWModelStep(col.m, dt));
  PetscCall(Transpiration(col.ru, &Tpot, &T, PETSC_FALSE));
  PetscCall(GWTestRel(t, "lai_split_potential_transpiration_m_per_s", Tpot / (2.0 * dt), ref, 1e-12));
  PetscCall(GWTestRel(t, "lai_split_actual_transpiration_unstressed_m_per_s", T / (2.0 * dt), ref, 1e-6));
  PetscCall(ColumnDestroy(&col));
  /* potential_et without lai would give Tp = 0 silently: set-up must refuse it */
  PetscCall(ColumnBuild(&col, DIST_EXPONENTIAL, KLOAM, 0.0, 0, -1.0, dt, SetETWithoutLAI));
  PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
  ierr = GWModelSetUp(col.m);
  PetscCall(PetscPopErrorHandler());
  PetscCall(GWTestAbs(t, "potential_et_without_lai_refused_error_code", (PetscReal)ierr, (PetscReal)PETSC_ERR_ARG_WRONGSTATE, 0.0));
  PetscCall(ColumnDestroy(&col));
  PetscFunctionReturn(0);
}

/* 4. Drying into the stressed range: conservation over many steps. */
static PetscErrorCode CheckDrying(GWTest *t)
{
  const PetscReal Tp = 5 * MMD, tend = 20 * 86400.0;
  Column          col;
  PetscReal       tnow = 0, maxmb = 0, maxratio = 0, lastratio = 1, Tpot = 0, T = 0, dS, psimin;
  PetscInt        nsteps;
  Vec             psi;

  PetscFunctionBeginUser;
  PetscCall(ColumnCreate(&col, DIST_LINEAR, KLOAM, Tp, 1, -0.5, 60.0, NULL));
  PetscCall(GWModelSetTimeStepLimits(col.m, 60.0, 1e-3, 6 * 3600.0));
  while (tend - tnow > 1e-3) {
    PetscReal rel, tp = 0, ta = 0;
    PetscCall(GWModelStep(col.m, tend));
    PetscCall(GWModelGetTime(col.m, &tnow));
    PetscCall(GWModelGetMassBalanceError(col.m, NULL, &rel, NULL, NULL));
    maxmb = PetscMax(maxmb, rel);
    PetscCall(Transpiration(col.ru, &tp, &ta, PETSC_FALSE));
    maxratio  = PetscMax(maxratio, ta / tp);
    lastratio = ta / tp;
  }
  PetscCall(Transpiration(col.ru, &Tpot, &T, PETSC_TRUE));
  PetscCall(GWModelGetStorageChange(col.m, NULL, &dS));
  PetscCall(GWModelGetStepStatistics(col.m, &nsteps, NULL, NULL));
  PetscCall(GWModelGetPressureHead(col.m, &psi));
  PetscCall(VecMin(psi, NULL, &psimin));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "# drying 20 d: %" PetscInt_FMT " steps, transpired %.2f mm of %.2f mm potential, driest cell psi %.2f m, last-step actual/potential %.4f\n", nsteps, (double)(500 * T), (double)(500 * Tpot), (double)psimin, (double)lastratio));
  PetscCall(GWTestBelow(t, "drying_max_step_mass_balance_rel", maxmb, 1e-8));
  PetscCall(GWTestRel(t, "drying_transpired_volume_vs_storage_loss_m3", T, -dS, 1e-8));
  PetscCall(GWTestBelow(t, "drying_max_actual_over_potential_minus_1", maxratio - 1, 1e-12));
  PetscCall(GWTestBelow(t, "drying_stressed_at_end_actual_over_potential", lastratio, 0.99));
  PetscCall(ColumnDestroy(&col));
  PetscFunctionReturn(0);
}

int main(int argc, char **argv)
{
  GWTest t = {0, 0};
  int    status;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  PetscCall(CheckFeddes(&t));
  PetscCall(CheckDistributions(&t));
  PetscCall(CheckLAISplit(&t));
  PetscCall(CheckDrying(&t));
  status = GWTestFinish(&t);
  PetscCall(PetscFinalize());
  return status;
}
