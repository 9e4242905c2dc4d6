/* Ponded infiltration into initially dry columns (issue 8): 1 m of loam (van Genuchten-Mualem,
   Carsel and Parrish 1988: alpha 3.6 1/m, n 1.56, theta 0.078-0.43, Ks 24.96 cm/d, classic form)
   and of clay (alpha 0.8 1/m, n 1.1, theta 0.068-0.38, Ks 4.8 cm/d, air-entry head -2 cm, Vogel
   et al. 2001), initially at pressure head -4 m; pressure head 0 on the top face (water ponded at
   the surface), the initial head on the bottom face; 1 day, default settings.

   Checks, per soil:
   1. robust time stepping: on 0.25 cm cells no accepted step after the first minute is shorter
      than 1 s (the step that lands on the end time excepted);
   2. convergence of the front: its depth at 3 h and 1 day (where theta crosses the mean of the
      initial and saturated water contents, linear between cell centres) on 0.25 cm cells within
      1 cm of that on 2x refined cells (0.125 cm, mass-balance tolerance 1e-12);
   3. cumulative relative mass-balance error below 1e-10 on both grids.
   The same on 1 and 2 ranks. */
#include <gw.h>
#include "gwtest.h"

typedef struct {
  const char *label;
  PetscReal   alpha, n, thr, ths, Ks, hs; /* [1/m], [-], [-], [-], [m/s], [m] */
} Soil;

#define L      1.0
#define H0     (-4.0)
#define TEND   86400.0
#define REFINE 2 /* the refined grid; 4 (0.0625 cm) gives the same fronts to 0.2 mm, in 4x the time */

#define NOUT 2
static const PetscReal Tout[NOUT] = {3 * 3600.0, TEND};

/* Depth [m] where theta crosses thm going down, linear between cell centres; NaN if none. */
static PetscErrorCode FrontDepth(GWModel m, GWMaterial mat, PetscInt nz, PetscReal thm, PetscReal *front)
{
  Vec                psi, all;
  VecScatter         sc;
  const PetscScalar *x;

  PetscFunctionBeginUser;
  PetscCall(GWModelGetPressureHead(m, &psi));
  PetscCall(VecScatterCreateToAll(psi, &sc, &all));
  PetscCall(VecScatterBegin(sc, psi, all, INSERT_VALUES, SCATTER_FORWARD));
  PetscCall(VecScatterEnd(sc, psi, all, INSERT_VALUES, SCATTER_FORWARD));
  PetscCall(VecGetArrayRead(all, &x));
  *front = (PetscReal)NAN;
  for (PetscInt k = 0; k < nz - 1; k++) {
    PetscReal a, b;
    PetscCall(GWMaterialGetWaterContent(mat, PetscRealPart(x[k]), &a, NULL));
    PetscCall(GWMaterialGetWaterContent(mat, PetscRealPart(x[k + 1]), &b, NULL));
    if (a >= thm && b < thm) {
      *front = (k + 0.5 + (a - thm) / (a - b)) * L / nz;
      break;
    }
  }
  PetscCall(VecRestoreArrayRead(all, &x));
  PetscCall(VecScatterDestroy(&sc));
  PetscCall(VecDestroy(&all));
  PetscFunctionReturn(0);
}

static PetscErrorCode Run(const Soil *s, PetscInt nz, PetscReal mbtol, PetscReal front[NOUT], PetscReal *mindt, PetscInt *nsteps, PetscInt *nnewton, PetscReal *mbcum)
{
  GWModel    m;
  GWMaterial mat;
  GWPackage  top, bottom;
  PetscReal *dz, t = 0, thi, thm;

  PetscFunctionBeginUser;
  PetscCall(PetscMalloc1(nz, &dz));
  PetscCall(GWMaterialCreate(PETSC_COMM_WORLD, &mat));
  PetscCall(GWMaterialSetType(mat, GWMATERIALVANGENUCHTEN));
  PetscCall(GWMaterialVanGenuchtenSetParameters(mat, s->alpha, s->n));
  if (s->hs < 0) PetscCall(GWMaterialVanGenuchtenSetAirEntry(mat, s->hs));
  PetscCall(GWMaterialSetWaterContentLimits(mat, s->thr, s->ths));
  PetscCall(GWMaterialSetHydraulicConductivity(mat, s->Ks, s->Ks, s->Ks));
  PetscCall(GWModelCreate(PETSC_COMM_WORLD, &m));
  PetscCall(GWModelSetGridSize(m, 1, 1, nz));
  PetscCall(GWModelSetUniformCellWidths(m, 1.0, 1.0));
  for (PetscInt k = 0; k < nz; k++) dz[k] = L / nz;
  PetscCall(GWModelSetUniformLayers(m, L, dz));
  PetscCall(GWModelAddMaterial(m, mat, NULL));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &top));
  PetscCall(GWPackageSetType(top, GWPACKAGEHEAD));
  PetscCall(GWPackageSetName(top, "pond"));
  PetscCall(GWPackageHeadSetKind(top, GW_HEAD_PRESSURE));
  PetscCall(GWPackageAddCell(top, 0, 0, 0, GW_FACE_TOP));
  PetscCall(GWPackageSetValue(top, 0.0));
  PetscCall(GWModelAddPackage(m, top));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &bottom));
  PetscCall(GWPackageSetType(bottom, GWPACKAGEHEAD));
  PetscCall(GWPackageSetName(bottom, "base"));
  PetscCall(GWPackageHeadSetKind(bottom, GW_HEAD_PRESSURE));
  PetscCall(GWPackageAddCell(bottom, 0, 0, nz - 1, GW_FACE_BOTTOM));
  PetscCall(GWPackageSetValue(bottom, H0));
  PetscCall(GWModelAddPackage(m, bottom));
  if (mbtol > 0) PetscCall(GWModelSetMassBalanceTolerance(m, mbtol));
  PetscCall(GWModelSetInitialPressureHead(m, H0));
  PetscCall(GWModelSetFromOptions(m));
  PetscCall(GWModelSetUp(m));

  PetscCall(GWMaterialGetWaterContent(mat, H0, &thi, NULL));
  thm    = 0.5 * (thi + s->ths); /* the front: theta halfway from the initial to saturation */
  *mindt = PETSC_MAX_REAL;
  for (PetscInt o = 0; o < NOUT; o++) {
    while (Tout[o] - t > 1e-9 * Tout[o]) {
      PetscReal t0 = t;
      PetscCall(GWModelStep(m, Tout[o]));
      PetscCall(GWModelGetTime(m, &t));
      if (t0 >= 60.0 && Tout[o] - t > 1e-9 * Tout[o]) *mindt = PetscMin(*mindt, t - t0); /* not the landing step */
    }
    PetscCall(FrontDepth(m, mat, nz, thm, &front[o]));
  }
  PetscCall(GWModelGetStepStatistics(m, nsteps, NULL, nnewton));
  PetscCall(GWModelGetMassBalanceError(m, NULL, NULL, NULL, mbcum));
  PetscCall(GWPackageDestroy(&top));
  PetscCall(GWPackageDestroy(&bottom));
  PetscCall(GWMaterialDestroy(&mat));
  PetscCall(GWModelDestroy(&m));
  PetscCall(PetscFree(dz));
  PetscFunctionReturn(0);
}

int main(int argc, char **argv)
{
  GWTest     t       = {0, 0};
  const Soil soils[] = {
      {"loam", 3.6, 1.56, 0.078, 0.43, 24.96 * 0.01 / 86400.0, 0.0},
      {"clay", 0.8, 1.1, 0.068, 0.38, 4.8 * 0.01 / 86400.0, -0.02}};
  int status;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  for (PetscInt i = 0; i < 2; i++) {
    const Soil *s = &soils[i];
    PetscReal   fc[NOUT], ff[NOUT], dtc, dtf, mbc, mbf;
    PetscInt    nsc, nnc, nsf, nnf;
    char        name[128];

    PetscCall(Run(s, 400, 0, fc, &dtc, &nsc, &nnc, &mbc));
    PetscCall(Run(s, 400 * REFINE, 1e-12, ff, &dtf, &nsf, &nnf, &mbf));
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "INFO %s: 0.25 cm cells %" PetscInt_FMT " steps, %" PetscInt_FMT " Newton iterations, fronts %.4f, %.4f m, shortest step after 60 s %.3g s; refined %" PetscInt_FMT " steps, %" PetscInt_FMT " Newton iterations, fronts %.4f, %.4f m, shortest %.3g s\n", s->label, nsc, nnc, (double)fc[0], (double)fc[1], (double)dtc, nsf, nnf, (double)ff[0], (double)ff[1], (double)dtf));
    PetscCall(PetscSNPrintf(name, sizeof(name), "%s_dz0.25cm_1s_over_shortest_step_after_60s", s->label));
    PetscCall(GWTestBelow(&t, name, 1.0 / dtc, 1.0)); /* shortest step >= 1 s */
    for (PetscInt o = 0; o < NOUT; o++) {
      PetscCall(PetscSNPrintf(name, sizeof(name), "%s_t%dh_front_depth_dz0.25cm_vs_refined_m", s->label, (int)(Tout[o] / 3600)));
      PetscCall(GWTestAbs(&t, name, fc[o], ff[o], 0.01));
    }
    PetscCall(PetscSNPrintf(name, sizeof(name), "%s_dz0.25cm_mass_balance_rel_cum", s->label));
    PetscCall(GWTestBelow(&t, name, mbc, 1e-10));
    PetscCall(PetscSNPrintf(name, sizeof(name), "%s_refined_mass_balance_rel_cum", s->label));
    PetscCall(GWTestBelow(&t, name, mbf, 1e-10));
  }
  status = GWTestFinish(&t);
  PetscCall(PetscFinalize());
  return status;
}
