/* Srivastava and Yeh (1991, Water Resour. Res. 27(5)) 1D transient infiltration in a Gardner soil:
   wetting (surface flux 0.1 -> 0.9 cm/h) and drying (0.9 -> 0.1 cm/h) over a water table 100 cm
   down. Reference: the analytic series solution in validation/03_srivastava_yeh.
   Checks: max |psi - psi_ref| below 1% of the reference head range at every tabulated time;
   relative mass-balance error below 1e-8 in every step. */
#include <gw.h>
#include "gwtest.h"

#define NZ 100

/* Steady pressure head [m] at height z [m] above the water table for a downward flux q [m/s]:
   K (dpsi/dz + 1) = q with K = Ks exp(alpha psi) gives exp(alpha psi) = q/Ks + (1 - q/Ks) exp(-alpha z). */
static PetscReal SteadyPsi(PetscReal z, PetscReal q, PetscReal Ks, PetscReal alpha)
{
  return PetscLogReal(q / Ks + (1 - q / Ks) * PetscExpReal(-alpha * z)) / alpha;
}

static PetscErrorCode RunCase(GWTest *t, const char *label, const char *file, PetscReal qA, PetscReal qB)
{
  const PetscReal L = 1.0, alpha = 10.0, Ks = 0.01 / 3600.0;
  PetscReal       dz[NZ], *ref = NULL, range = 0, maxmb = 0;
  PetscInt        nrow = 0, ncol = 0;
  char            path[PETSC_MAX_PATH_LEN];
  GWModel         model;
  GWMaterial      soil;
  GWPackage       top, bottom;
  Vec             psi, zc;

  PetscFunctionBeginUser;
  PetscCall(GWTestSourcePath(file, path, sizeof(path)));
  PetscCall(GWTestReadTable(path, &nrow, &ncol, &ref));
  for (PetscInt r = 0; r < nrow; r++)
    for (PetscInt c = 1; c < ncol; c++) range = PetscMax(range, PetscAbsReal(ref[r * ncol + c]));

  PetscCall(GWMaterialCreate(PETSC_COMM_WORLD, &soil));
  PetscCall(GWMaterialSetType(soil, GWMATERIALGARDNER));
  PetscCall(GWMaterialGardnerSetParameters(soil, alpha));
  PetscCall(GWMaterialSetWaterContentLimits(soil, 0.06, 0.40));
  PetscCall(GWMaterialSetHydraulicConductivity(soil, Ks, Ks, Ks));
  PetscCall(GWMaterialSetSpecificStorage(soil, 0.0));

  PetscCall(GWModelCreate(PETSC_COMM_WORLD, &model));
  PetscCall(GWModelSetGridSize(model, 1, 1, NZ));
  PetscCall(GWModelSetUniformCellWidths(model, 1.0, 1.0));
  for (PetscInt k = 0; k < NZ; k++) dz[k] = L / NZ;
  PetscCall(GWModelSetUniformLayers(model, L, dz));
  PetscCall(GWModelAddMaterial(model, soil, NULL));

  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &top));
  PetscCall(GWPackageSetType(top, GWPACKAGEFLUX));
  PetscCall(GWPackageSetName(top, "surface flux"));
  PetscCall(GWPackageAddCell(top, 0, 0, 0, GW_FACE_TOP));
  PetscCall(GWPackageSetValue(top, qB));
  PetscCall(GWModelAddPackage(model, top));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &bottom));
  PetscCall(GWPackageSetType(bottom, GWPACKAGEHEAD));
  PetscCall(GWPackageSetName(bottom, "water table"));
  PetscCall(GWPackageHeadSetKind(bottom, GW_HEAD_PRESSURE));
  PetscCall(GWPackageAddCell(bottom, 0, 0, NZ - 1, GW_FACE_BOTTOM));
  PetscCall(GWPackageSetValue(bottom, 0.0));
  PetscCall(GWModelAddPackage(model, bottom));

  /* The reference is the exact solution of the continuous problem. Default settings (issue 8): the
     integrated kr mean and the default time-error control, no dt_max. */
  PetscCall(GWModelSetFromOptions(model));
  PetscCall(GWModelSetUp(model));

  /* initial state: the steady profile for the flux qA before t = 0 */
  PetscCall(GWModelGetPressureHead(model, &psi));
  PetscCall(GWModelGetCellCenters(model, NULL, NULL, &zc));
  {
    PetscScalar       *x;
    const PetscScalar *z;
    PetscInt           n;
    PetscCall(VecGetLocalSize(psi, &n));
    PetscCall(VecGetArray(psi, &x));
    PetscCall(VecGetArrayRead(zc, &z));
    for (PetscInt i = 0; i < n; i++) x[i] = SteadyPsi(z[i], qA, Ks, alpha);
    PetscCall(VecRestoreArray(psi, &x));
    PetscCall(VecRestoreArrayRead(zc, &z));
  }

  for (PetscInt c = 2; c < ncol; c++) { /* column 1 is t = 0 */
    static const PetscReal hours[] = {0, 1, 5, 10, 20, 30, 50, 100};
    PetscReal              tend = hours[c - 1] * 3600.0, tnow, maxerr = 0;
    const PetscScalar     *x;
    PetscReal             *prof;
    Vec                    all;
    VecScatter             sc;
    char                   name[128];

    PetscCall(GWModelGetTime(model, &tnow));
    while (tend - tnow > 1e-6) {
      PetscReal rel;
      PetscCall(GWModelStep(model, tend));
      PetscCall(GWModelGetMassBalanceError(model, NULL, &rel, NULL, NULL));
      maxmb = PetscMax(maxmb, rel);
      PetscCall(GWModelGetTime(model, &tnow));
    }
    /* gather the column; layer k has its centre at z = L - (k + 1/2) dz above the water table */
    PetscCall(VecScatterCreateToAll(psi, &sc, &all));
    PetscCall(VecScatterBegin(sc, psi, all, INSERT_VALUES, SCATTER_FORWARD));
    PetscCall(VecScatterEnd(sc, psi, all, INSERT_VALUES, SCATTER_FORWARD));
    PetscCall(VecGetArrayRead(all, &x));
    PetscCall(PetscMalloc1(NZ, &prof));
    for (PetscInt k = 0; k < NZ; k++) prof[k] = x[k];
    PetscCall(VecRestoreArrayRead(all, &x));
    for (PetscInt r = 0; r < nrow; r++) {
      PetscReal zcm = ref[r * ncol], z = zcm / 100.0, h, s;
      PetscInt  k;
      if (zcm <= 0) continue;         /* psi = 0 there by the boundary condition */
      s      = (L - z) / dz[0] - 0.5; /* fractional layer index from the top */
      k      = (PetscInt)PetscFloorReal(s);
      k      = PetscMin(PetscMax(k, 0), NZ - 2);
      h      = prof[k] + (s - k) * (prof[k + 1] - prof[k]);
      maxerr = PetscMax(maxerr, PetscAbsReal(100.0 * h - ref[r * ncol + c]));
    }
    PetscCall(PetscSNPrintf(name, sizeof(name), "%s_t%dh_max_psi_error_cm", label, (int)hours[c - 1]));
    PetscCall(GWTestBelow(t, name, maxerr, 0.01 * range));
    PetscCall(PetscFree(prof));
    PetscCall(VecScatterDestroy(&sc));
    PetscCall(VecDestroy(&all));
  }
  {
    char name[128];
    PetscCall(PetscSNPrintf(name, sizeof(name), "%s_max_step_mass_balance_rel", label));
    PetscCall(GWTestBelow(t, name, maxmb, 1e-8));
  }
  PetscCall(VecDestroy(&zc));
  PetscCall(PetscFree(ref));
  PetscCall(GWPackageDestroy(&top));
  PetscCall(GWPackageDestroy(&bottom));
  PetscCall(GWMaterialDestroy(&soil));
  PetscCall(GWModelDestroy(&model));
  PetscFunctionReturn(0);
}

int main(int argc, char **argv)
{
  GWTest t = {0, 0};
  int    status;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  PetscCall(RunCase(&t, "wetting", "validation/03_srivastava_yeh/SY1991_homog_wetting_qA0.1_qB0.9_psi_cm.csv", 0.1 * 0.01 / 3600.0, 0.9 * 0.01 / 3600.0));
  PetscCall(RunCase(&t, "drying", "validation/03_srivastava_yeh/SY1991_homog_drying_qA0.9_qB0.1_psi_cm.csv", 0.9 * 0.01 / 3600.0, 0.1 * 0.01 / 3600.0));
  status = GWTestFinish(&t);
  PetscCall(PetscFinalize());
  return status;
}
