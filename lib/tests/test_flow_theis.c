/* Theis (1935) transient drawdown around a well pumping a confined aquifer.
   Problem: one layer b = 10 m, K = 1e-4 m/s (T = 1e-3 m^2/s), Ss = 1e-5 1/m (S = 1e-4),
   Q = 0.01 m^3/s pumped from the centre cell from t = 0; fully saturated (hydraulic head 100 m
   above the aquifer top), head held at its initial value on the four lateral edges of a plan grid
   telescoping from a 2 m well cell to more than 20 km, far beyond the radius of influence at the
   last checked time (about 4.4 km), so the aquifer behaves as infinite.
   Source: Theis, C.V. (1935) Trans. AGU 16, 519-524: s = Q/(4 pi T) W(r^2 S/(4 T t)); reference
   values in validation/01_theis_hantush/theis_drawdown_Q0.01_T1e-3_S1e-4.csv.
   Checks: drawdown at r = 10, 50, 100 m (linear interpolation between cell centres on the row
   through the well) at t = 3600, 86400 and 864000 s within 2% relative; relative mass-balance
   error below 1e-8 in every step; cumulative pumped volume equal to Q t within 1e-10 relative. */
#include <gw.h>
#include "gwtest.h"

#define NCHECK_T 3
#define NCHECK_R 3

/* Widths of a symmetric telescoping axis: a centre cell of width d0 and, on each side, widths
   d0 g, d0 g^2, ... until the outer edge is at least L from the centre-cell centre. w may be NULL
   to count the cells only. */
static PetscInt TelescopingWidths(PetscReal d0, PetscReal g, PetscReal L, PetscReal w[])
{
  PetscInt  nside = 0, n;
  PetscReal edge  = 0.5 * d0, d = d0;

  while (edge < L) {
    d *= g;
    edge += d;
    nside++;
  }
  n = 2 * nside + 1;
  if (w) {
    w[nside] = d0;
    d        = d0;
    for (PetscInt s = 1; s <= nside; s++) {
      d *= g;
      w[nside + s] = d;
      w[nside - s] = d;
    }
  }
  return n;
}

/* Drawdown H0 - H at distance r east of the well-cell centre, linear between cell centres of the
   well row; xc and H are the whole well row (nx values). */
static PetscReal DrawdownAt(PetscInt nx, const PetscReal xc[], const PetscReal H[], PetscInt iw, PetscReal H0, PetscReal r)
{
  PetscReal x = xc[iw] + r;
  PetscInt  i = iw;

  while (i < nx - 2 && xc[i + 1] < x) i++;
  return H0 - (H[i] + (H[i + 1] - H[i]) * (x - xc[i]) / (xc[i + 1] - xc[i]));
}

/* Gathers the well row of a global DMDA vector on every rank, in natural order. */
static PetscErrorCode GatherRow(DM da, Vec v, PetscInt nx, PetscInt jw, PetscReal row[])
{
  Vec                nat, all;
  VecScatter         sc;
  const PetscScalar *a;

  PetscFunctionBeginUser;
  PetscCall(DMDACreateNaturalVector(da, &nat));
  PetscCall(DMDAGlobalToNaturalBegin(da, v, INSERT_VALUES, nat));
  PetscCall(DMDAGlobalToNaturalEnd(da, v, INSERT_VALUES, nat));
  PetscCall(VecScatterCreateToAll(nat, &sc, &all));
  PetscCall(VecScatterBegin(sc, nat, all, INSERT_VALUES, SCATTER_FORWARD));
  PetscCall(VecScatterEnd(sc, nat, all, INSERT_VALUES, SCATTER_FORWARD));
  PetscCall(VecGetArrayRead(all, &a));
  for (PetscInt i = 0; i < nx; i++) row[i] = PetscRealPart(a[i + nx * jw]); /* layer k = 0 */
  PetscCall(VecRestoreArrayRead(all, &a));
  PetscCall(VecScatterDestroy(&sc));
  PetscCall(VecDestroy(&all));
  PetscCall(VecDestroy(&nat));
  PetscFunctionReturn(0);
}

int main(int argc, char **argv)
{
  const PetscReal b = 10.0, K = 1e-4, Ss = 1e-5, Q = 0.01;
  PetscReal       H0 = 100.0;
  const PetscReal tcheck[NCHECK_T] = {3600.0, 86400.0, 864000.0}, rcheck[NCHECK_R] = {10.0, 50.0, 100.0};
  PetscReal       d0 = 2.0, growth = 1.2, extent = 20000.0, dt0 = 1.0;
  PetscReal      *w = NULL, *ref = NULL, *xrow = NULL, *Hrow = NULL, maxmb = 0, t = 0;
  PetscInt        n = 0, iw = 0, nrow = 0, ncol = 0, nsteps = 0, nnewton = 0;
  char            path[PETSC_MAX_PATH_LEN];
  GWTest          test = {0, 0};
  GWModel         model;
  GWMaterial      aquifer;
  GWPackage       well, edge;
  DM              da;
  Vec             H, xc;
  int             status;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  PetscCall(PetscOptionsGetReal(NULL, NULL, "-theis_d0", &d0, NULL));
  PetscCall(PetscOptionsGetReal(NULL, NULL, "-theis_growth", &growth, NULL));
  PetscCall(PetscOptionsGetReal(NULL, NULL, "-theis_extent", &extent, NULL));
  PetscCall(PetscOptionsGetReal(NULL, NULL, "-theis_dt0", &dt0, NULL));
  PetscCall(PetscOptionsGetReal(NULL, NULL, "-theis_H0", &H0, NULL));
  PetscCall(GWTestSourcePath("validation/01_theis_hantush/theis_drawdown_Q0.01_T1e-3_S1e-4.csv", path, sizeof(path)));
  PetscCall(GWTestReadTable(path, &nrow, &ncol, &ref));

  n = TelescopingWidths(d0, growth, extent, NULL);
  PetscCall(PetscMalloc3(n, &w, n, &xrow, n, &Hrow));
  (void)TelescopingWidths(d0, growth, extent, w);
  iw = n / 2;

  /* saturated everywhere (psi > 0), so the retention model never matters: kr = 1, storage Ss dpsi */
  PetscCall(GWMaterialCreate(PETSC_COMM_WORLD, &aquifer));
  PetscCall(GWMaterialSetType(aquifer, GWMATERIALVANGENUCHTEN));
  PetscCall(GWMaterialVanGenuchtenSetParameters(aquifer, 1.0, 2.0));
  PetscCall(GWMaterialSetWaterContentLimits(aquifer, 0.05, 0.30));
  PetscCall(GWMaterialSetHydraulicConductivity(aquifer, K, K, K));
  PetscCall(GWMaterialSetSpecificStorage(aquifer, Ss));

  PetscCall(GWModelCreate(PETSC_COMM_WORLD, &model));
  PetscCall(GWModelSetGridSize(model, n, n, 1));
  PetscCall(GWModelSetCellWidths(model, w, w));
  PetscCall(GWModelSetUniformLayers(model, 0.0, &b));
  PetscCall(GWModelAddMaterial(model, aquifer, NULL));
  PetscCall(GWModelSetInitialWaterTable(model, H0));

  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &well));
  PetscCall(GWPackageSetType(well, GWPACKAGEWELL));
  PetscCall(GWPackageSetName(well, "pumping well"));
  PetscCall(GWPackageAddCell(well, iw, iw, 0, GW_FACE_NONE));
  PetscCall(GWPackageSetValue(well, -Q));
  PetscCall(GWModelAddPackage(model, well));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &edge));
  PetscCall(GWPackageSetType(edge, GWPACKAGEHEAD));
  PetscCall(GWPackageSetName(edge, "outer boundary"));
  PetscCall(GWPackageAddCellRange(edge, 0, 0, 0, n - 1, 0, 0, GW_FACE_WEST));
  PetscCall(GWPackageAddCellRange(edge, n - 1, n - 1, 0, n - 1, 0, 0, GW_FACE_EAST));
  PetscCall(GWPackageAddCellRange(edge, 0, n - 1, 0, 0, 0, 0, GW_FACE_SOUTH));
  PetscCall(GWPackageAddCellRange(edge, 0, n - 1, n - 1, n - 1, 0, 0, GW_FACE_NORTH));
  PetscCall(GWPackageSetValue(edge, H0));
  PetscCall(GWModelAddPackage(model, edge));

  PetscCall(GWModelSetTimeStepLimits(model, dt0, 1e-3, 1e10));
  PetscCall(GWModelSetFromOptions(model));
  PetscCall(GWModelSetUp(model));
  PetscCall(GWModelGetDM(model, &da));
  PetscCall(DMCreateGlobalVector(da, &H));
  PetscCall(GWModelGetCellCenters(model, &xc, NULL, NULL));
  PetscCall(GatherRow(da, xc, n, iw, xrow));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "grid %" PetscInt_FMT " x %" PetscInt_FMT " cells, well cell %g m, growth %g, edge %g m from the well\n", n, n, (double)d0, (double)growth, (double)(xrow[n - 1] + 0.5 * w[n - 1] - xrow[iw])));

  for (PetscInt c = 0; c < NCHECK_T; c++) {
    PetscInt col = -1;
    for (PetscInt s = 1; s < ncol; s++) {
      static const PetscReal ttab[] = {60.0, 600.0, 3600.0, 86400.0, 864000.0};
      if (s - 1 < (PetscInt)(sizeof(ttab) / sizeof(ttab[0])) && ttab[s - 1] == tcheck[c]) col = s;
    }
    PetscCheck(col > 0, PETSC_COMM_WORLD, PETSC_ERR_FILE_UNEXPECTED, "No column for t = %g s in %s", (double)tcheck[c], path);
    while (tcheck[c] - t > 1e-9 * tcheck[c]) {
      PetscReal rel = 0;
      PetscCall(GWModelStep(model, tcheck[c]));
      PetscCall(GWModelGetMassBalanceError(model, NULL, &rel, NULL, NULL));
      maxmb = PetscMax(maxmb, rel);
      PetscCall(GWModelGetTime(model, &t));
    }
    PetscCall(GWModelComputeHydraulicHead(model, H));
    PetscCall(GatherRow(da, H, n, iw, Hrow));
    for (PetscInt q = 0; q < NCHECK_R; q++) {
      PetscReal sref = NAN;
      char      name[64];
      for (PetscInt r = 0; r < nrow; r++)
        if (ref[r * ncol] == rcheck[q]) sref = ref[r * ncol + col];
      PetscCall(PetscSNPrintf(name, sizeof(name), "drawdown_r%gm_t%gs", (double)rcheck[q], (double)tcheck[c]));
      PetscCall(GWTestRel(&test, name, DrawdownAt(n, xrow, Hrow, iw, H0, rcheck[q]), sref, 0.02));
    }
    {
      PetscReal out_cum = 0;
      char      name[64];
      PetscCall(GWModelGetPackageBudget(model, 0, NULL, NULL, NULL, &out_cum));
      PetscCall(PetscSNPrintf(name, sizeof(name), "pumped_volume_t%gs", (double)tcheck[c]));
      PetscCall(GWTestRel(&test, name, out_cum, Q * t, 1e-10));
    }
  }
  PetscCall(GWTestBelow(&test, "max_step_mass_balance_rel", maxmb, 1e-8));
  PetscCall(GWModelGetStepStatistics(model, &nsteps, NULL, &nnewton));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%" PetscInt_FMT " steps, %" PetscInt_FMT " Newton iterations\n", nsteps, nnewton));

  PetscCall(VecDestroy(&H));
  PetscCall(VecDestroy(&xc));
  PetscCall(PetscFree3(w, xrow, Hrow));
  PetscCall(PetscFree(ref));
  PetscCall(GWPackageDestroy(&well));
  PetscCall(GWPackageDestroy(&edge));
  PetscCall(GWMaterialDestroy(&aquifer));
  PetscCall(GWModelDestroy(&model));
  status = GWTestFinish(&test);
  PetscCall(PetscFinalize());
  return status;
}
