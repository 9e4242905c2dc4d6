/* Phreatic evaporation (evapotranspiration package).
   1. The four laws E(d) against their formulas, written out here, at 5 water-table depths
      (above the surface, three inside, one beyond the extinction depth), to 1e-14 relative; and
      their derivatives against central differences (1e-6).
   2. A closed column (no flow through any boundary) of sharp-retention coarse sand losing water only by
      linear phreatic evaporation, E0 = 5 mm/d, extinction depth 2 m, water table starting 0.5 m
      deep: its depth must follow dd/dt = E(d) / Sy(d), with Sy(d) = theta_s - theta(-d) the
      specific yield of a hydrostatic profile (van Genuchten written out here), integrated by RK4,
      within 2% of the decline at 10, 30 and 60 days; the evaporated volume must equal the loss of
      storage (1e-8); per-step mass balance below 1e-8. Two identical columns, for 2 ranks. */
#include <gw.h>
#include "gwtest.h"

#define NZ 60

static PetscErrorCode CheckLaws(GWTest *t)
{
  static const char *fn[] = {"linear", "averyanov", "exponential", "segments"};
  const PetscReal    E0 = 1.0, dext = 2.0, n = 2.5, a = 1.5, depth[5] = {-0.1, 0.3, 0.9, 1.5, 2.5};
  const PetscReal    xs[2] = {0.25, 0.5}, ys[2] = {0.6, 0.3};

  PetscFunctionBeginUser;
  for (PetscInt f = 0; f < 4; f++) {
    GWPackage p;
    PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &p));
    PetscCall(GWPackageSetType(p, GWPACKAGEEVAPOTRANSPIRATION));
    PetscCall(GWPackageSetOption(p, "function", fn[f]));
    PetscCall(GWPackageSetParameter(p, "extinction_depth", dext));
    PetscCall(GWPackageSetParameter(p, "exponent", n));
    PetscCall(GWPackageSetParameter(p, "decay", a));
    if (f == 3) PetscCall(GWPackageEvapotranspirationSetSegments(p, 2, xs, ys));
    for (PetscInt q = 0; q < 5; q++) {
      PetscReal d = depth[q], x = d / dext, E, dE, Ep, Em, h = 1e-6, ref;
      char      name[96];
      if (f == 0)
        ref = d <= 0 ? E0 : d >= dext ? 0
                                      : E0 * (1 - x);
      else if (f == 1)
        ref = d <= 0 ? E0 : d >= dext ? 0
                                      : E0 * pow(1 - x, n);
      else if (f == 2)
        ref = d <= 0 ? E0 : E0 * exp(-a * d);
      else
        ref = d <= 0 ? E0 : x < 0.25 ? 1 + (0.6 - 1) * x / 0.25
                        : x < 0.5    ? 0.6 + (0.3 - 0.6) * (x - 0.25) / 0.25
                        : x < 1      ? 0.3 - 0.3 * (x - 0.5) / 0.5
                                     : 0;
      PetscCall(GWPackageEvapotranspirationRate(p, E0, d, &E, &dE));
      PetscCall(PetscSNPrintf(name, sizeof(name), "%s_E_at_d%.1fm", fn[f], (double)d));
      PetscCall(GWTestAbs(t, name, E, ref, 1e-14 * PetscMax(1.0, PetscAbsReal(ref))));
      PetscCall(GWPackageEvapotranspirationRate(p, E0, d + h, &Ep, NULL));
      PetscCall(GWPackageEvapotranspirationRate(p, E0, d - h, &Em, NULL));
      PetscCall(PetscSNPrintf(name, sizeof(name), "%s_dEdd_at_d%.1fm", fn[f], (double)d));
      PetscCall(GWTestAbs(t, name, dE, (Ep - Em) / (2 * h), 1e-6 * PetscMax(1.0, PetscAbsReal(dE))));
    }
    PetscCall(GWPackageDestroy(&p));
  }
  PetscFunctionReturn(0);
}

/* theta_s - theta(-d) for van Genuchten, written out independently of the library */
static PetscReal SpecificYield(PetscReal d, PetscReal alpha, PetscReal nvg, PetscReal thr, PetscReal ths)
{
  PetscReal mvg = 1 - 1 / nvg, Se = pow(1 + pow(alpha * d, nvg), -mvg);
  return (ths - thr) * (1 - Se);
}

/* dd/dt: the land surface (top of the column) is d above the water table */
static PetscReal Rate(PetscReal d, PetscReal E0, PetscReal dext, PetscReal alpha, PetscReal nvg, PetscReal thr, PetscReal ths)
{
  PetscReal E = d <= 0 ? E0 : d >= dext ? 0
                                        : E0 * (1 - d / dext);
  return E / SpecificYield(d, alpha, nvg, thr, ths);
}

static PetscErrorCode CheckColumn(GWTest *t)
{
  const PetscReal mmd = 0.001 / 86400.0, E0 = 5 * mmd, dext = 2.0, L = 3.0, d0 = 0.5;
  const PetscReal alpha = 10.0, nvg = 5.0, thr = 0.05, ths = 0.35, days[3] = {10, 30, 60};
  PetscReal       dz[NZ], tnow = 0, maxmb = 0, dref = d0, tref = 0, zwt[2];
  GWModel         m;
  GWMaterial      sand;
  GWPackage       et;

  PetscFunctionBeginUser;
  for (PetscInt k = 0; k < NZ; k++) dz[k] = L / NZ;
  PetscCall(GWMaterialCreate(PETSC_COMM_WORLD, &sand));
  PetscCall(GWMaterialSetType(sand, GWMATERIALVANGENUCHTEN));
  PetscCall(GWMaterialVanGenuchtenSetParameters(sand, alpha, nvg));
  PetscCall(GWMaterialSetWaterContentLimits(sand, thr, ths));
  /* coarse sand (Ks 86 m/d): the unsaturated zone drains fast enough to stay near hydrostatic, as
     the specific-yield formula assumes; with Ks = 1e-4 m/s its delayed drainage makes the water
     table fall 3% faster than the formula at 10 days (1% at 60 days) */
  PetscCall(GWMaterialSetHydraulicConductivity(sand, 1e-3, 1e-3, 1e-3));
  PetscCall(GWModelCreate(PETSC_COMM_WORLD, &m));
  PetscCall(GWModelSetGridSize(m, 2, 1, NZ));
  PetscCall(GWModelSetUniformCellWidths(m, 1.0, 1.0));
  PetscCall(GWModelSetUniformLayers(m, L, dz));
  PetscCall(GWModelAddMaterial(m, sand, NULL));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &et));
  PetscCall(GWPackageSetType(et, GWPACKAGEEVAPOTRANSPIRATION));
  PetscCall(GWPackageSetName(et, "phreatic evaporation"));
  PetscCall(GWPackageSetOption(et, "function", "linear"));
  PetscCall(GWPackageSetParameter(et, "extinction_depth", dext));
  PetscCall(GWPackageAddCellRange(et, 0, 1, 0, 0, 0, 0, GW_FACE_NONE));
  PetscCall(GWPackageSetValue(et, E0));
  PetscCall(GWModelAddPackage(m, et));
  PetscCall(GWModelSetInitialWaterTable(m, L - d0));
  PetscCall(GWModelSetTimeStepLimits(m, 10.0, 1e-3, 3 * 3600.0));
  PetscCall(GWModelSetFromOptions(m));
  PetscCall(GWModelSetUp(m));
  for (PetscInt q = 0; q < 3; q++) {
    PetscReal tend = days[q] * 86400.0, dmod;
    char      name[96];
    while (tend - tnow > 1e-3) {
      PetscReal rel;
      PetscCall(GWModelStep(m, tend));
      PetscCall(GWModelGetMassBalanceError(m, NULL, &rel, NULL, NULL));
      maxmb = PetscMax(maxmb, rel);
      PetscCall(GWModelGetTime(m, &tnow));
    }
    /* reference: RK4 on dd/dt = E(d)/Sy(d) with 10-minute steps */
    while (tref < tend - 1e-9) {
      PetscReal h  = PetscMin(600.0, tend - tref);
      PetscReal k1 = Rate(dref, E0, dext, alpha, nvg, thr, ths), k2 = Rate(dref + 0.5 * h * k1, E0, dext, alpha, nvg, thr, ths);
      PetscReal k3 = Rate(dref + 0.5 * h * k2, E0, dext, alpha, nvg, thr, ths), k4 = Rate(dref + h * k3, E0, dext, alpha, nvg, thr, ths);
      dref += h * (k1 + 2 * k2 + 2 * k3 + k4) / 6;
      tref += h;
    }
    PetscCall(GWModelComputeWaterTable(m, zwt));
    dmod = L - zwt[0];
    PetscCall(PetscSNPrintf(name, sizeof(name), "water_table_decline_m_t%ddays", (int)days[q]));
    PetscCall(GWTestRel(t, name, dmod - d0, dref - d0, 0.02));
    PetscCall(PetscSNPrintf(name, sizeof(name), "columns_agree_m_t%ddays", (int)days[q]));
    PetscCall(GWTestAbs(t, name, zwt[1], zwt[0], 1e-10));
  }
  {
    PetscReal dS, in, out;
    PetscCall(GWModelGetStorageChange(m, NULL, &dS));
    PetscCall(GWModelGetPackageBudget(m, 0, NULL, NULL, &in, &out));
    PetscCall(GWTestRel(t, "evaporated_volume_vs_storage_loss_m3", out - in, -dS, 1e-8));
  }
  PetscCall(GWTestBelow(t, "max_step_mass_balance_rel", maxmb, 1e-8));
  PetscCall(GWPackageDestroy(&et));
  PetscCall(GWMaterialDestroy(&sand));
  PetscCall(GWModelDestroy(&m));
  PetscFunctionReturn(0);
}

int main(int argc, char **argv)
{
  GWTest t = {0, 0};
  int    status;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  PetscCall(CheckLaws(&t));
  PetscCall(CheckColumn(&t));
  status = GWTestFinish(&t);
  PetscCall(PetscFinalize());
  return status;
}
