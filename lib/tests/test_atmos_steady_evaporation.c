/* Steady evaporation from a water table through a Gardner (exponential) soil, K = Ks exp(alpha h),
   Ks = 1 cm/d, alpha = 0.05 1/cm, under the atmosphere package with a potential evaporation far
   above what the soil can carry (10 cm/d) and a critical surface pressure head of -1000 cm: the
   surface switches to the head boundary and the flux settles at the soil-limited value
     E = Ks (1 - exp(alpha (h_s + d))) / (exp(alpha d) - 1)          (Gardner 1958, Soil Sci. 85;
   closed form for the exponential soil; reference values in validation/06_evaporation).
   Checks at water-table depths d = 25, 50 and 100 cm: the steady actual evaporation within 2% of
   E; the flux entering at the water table equal to it (steady state reached, 0.1%); the surface
   never drier than the critical head; per-step mass balance below 1e-8. Two identical columns,
   so that 2 ranks each hold one (test_atmos_steady_evaporation_np2.sh). */
#include <gw.h>
#include "gwtest.h"

#define NZ 80

static PetscErrorCode Run(GWTest *t, PetscReal d_cm, PetscReal Eref_cmd)
{
  const PetscReal cmd = 0.01 / 86400.0, alpha = 5.0, Ks = 1.0 * cmd, hcrit = -10.0, L = d_cm / 100.0;
  PetscReal       dz[NZ], sum = 0, w = 1.0, r = 1.06, maxmb = 0, tnow = 0, tprev = 0, tend = 3000 * 86400.0, minpsi = 0;
  GWModel         m;
  GWMaterial      soil;
  GWPackage       atm, wt;
  char            name[128];

  PetscFunctionBeginUser;
  /* layers refined geometrically towards the surface, where the head falls to -10 m */
  for (PetscInt k = 0; k < NZ; k++, w *= r) sum += (dz[k] = w);
  for (PetscInt k = 0; k < NZ; k++) dz[k] *= L / sum;
  PetscCall(GWMaterialCreate(PETSC_COMM_WORLD, &soil));
  PetscCall(GWMaterialSetType(soil, GWMATERIALGARDNER));
  PetscCall(GWMaterialGardnerSetParameters(soil, alpha));
  PetscCall(GWMaterialSetWaterContentLimits(soil, 0.05, 0.40));
  PetscCall(GWMaterialSetHydraulicConductivity(soil, Ks, Ks, Ks));
  PetscCall(GWModelCreate(PETSC_COMM_WORLD, &m));
  PetscCall(GWModelSetGridSize(m, 2, 1, NZ));
  PetscCall(GWModelSetUniformCellWidths(m, 1.0, 1.0));
  PetscCall(GWModelSetUniformLayers(m, L, dz));
  PetscCall(GWModelAddMaterial(m, soil, NULL));
  /* the default (integrated-mean) kr at faces: upstream kr (first order) overestimates the flux
     through the dry surface layer by 4-6% on this grid */
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &atm));
  PetscCall(GWPackageSetType(atm, GWPACKAGEATMOSPHERE));
  PetscCall(GWPackageAddCellRange(atm, 0, 1, 0, 0, 0, 0, GW_FACE_TOP));
  PetscCall(GWPackageSetInputValue(atm, "potential_evaporation", 10 * cmd));
  PetscCall(GWPackageSetParameter(atm, "critical_pressure_head", hcrit));
  PetscCall(GWModelAddPackage(m, atm));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &wt));
  PetscCall(GWPackageSetType(wt, GWPACKAGEHEAD));
  PetscCall(GWPackageSetName(wt, "water table"));
  PetscCall(GWPackageHeadSetKind(wt, GW_HEAD_PRESSURE));
  PetscCall(GWPackageAddCellRange(wt, 0, 1, 0, 0, NZ - 1, NZ - 1, GW_FACE_BOTTOM));
  PetscCall(GWPackageSetValue(wt, 0.0));
  PetscCall(GWModelAddPackage(m, wt));
  PetscCall(GWModelSetInitialWaterTable(m, 0.0));
  PetscCall(GWModelSetTimeStepLimits(m, 1.0, 1e-6, 5 * 86400.0));
  PetscCall(GWModelSetFromOptions(m));
  PetscCall(GWModelSetUp(m));
  while (tend - tnow > 1e-3) {
    PetscReal rel;
    Vec       psi;
    tprev = tnow;
    PetscCall(GWModelStep(m, tend));
    PetscCall(GWModelGetMassBalanceError(m, NULL, &rel, NULL, NULL));
    maxmb = PetscMax(maxmb, rel);
    PetscCall(GWModelGetPressureHead(m, &psi));
    {
      PetscReal mn;
      PetscCall(VecMin(psi, NULL, &mn));
      minpsi = PetscMin(minpsi, mn);
    }
    PetscCall(GWModelGetTime(m, &tnow));
  }
  {
    PetscReal in, out, E, Ein, dtstep = tnow - tprev;
    PetscCall(GWModelGetPackageBudget(m, 0, &in, &out, NULL, NULL));
    E = (out - in) / (2.0 * dtstep); /* [m/s] over the last step, two 1 m^2 columns */
    PetscCall(GWModelGetPackageBudget(m, 1, &in, &out, NULL, NULL));
    Ein = (in - out) / (2.0 * dtstep);
    PetscCall(PetscSNPrintf(name, sizeof(name), "d%dcm_steady_evaporation_cm_per_d", (int)d_cm));
    PetscCall(GWTestRel(t, name, E / cmd, Eref_cmd, 0.02));
    PetscCall(PetscSNPrintf(name, sizeof(name), "d%dcm_inflow_at_water_table_vs_evaporation", (int)d_cm));
    PetscCall(GWTestRel(t, name, Ein, E, 1e-3));
  }
  PetscCall(PetscSNPrintf(name, sizeof(name), "d%dcm_min_psi_above_critical_m", (int)d_cm));
  PetscCall(GWTestBelow(t, name, hcrit - minpsi, 0.0));
  PetscCall(PetscSNPrintf(name, sizeof(name), "d%dcm_max_step_mass_balance_rel", (int)d_cm));
  PetscCall(GWTestBelow(t, name, maxmb, 1e-8));
  PetscCall(GWPackageDestroy(&atm));
  PetscCall(GWPackageDestroy(&wt));
  PetscCall(GWMaterialDestroy(&soil));
  PetscCall(GWModelDestroy(&m));
  PetscFunctionReturn(0);
}

int main(int argc, char **argv)
{
  GWTest t = {0, 0};
  int    status;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  /* validation/06_evaporation/steady_evap_exponential.csv, column E_hs=-1000cm */
  PetscCall(Run(&t, 25.0, 4.01551118e-01));
  PetscCall(Run(&t, 50.0, 8.94254898e-02));
  PetscCall(Run(&t, 100.0, 6.78365491e-03));
  status = GWTestFinish(&t);
  PetscCall(PetscFinalize());
  return status;
}
