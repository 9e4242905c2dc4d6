/* Celia, Bouloutas and Zarba (1990, Water Resour. Res. 26(7)) 1D infiltration into a dry column,
   both soils of the paper. Reference: independently computed fine-grid profiles in
   validation/04_celia1990 (vertex-centred FD, backward Euler, arithmetic-mean K; see SOURCES.md).
   TODO header */
#include <gw.h>
#include "gwtest.h"

#define MAXNZ 2000

typedef struct {
  const char    *label, *file;
  GWMaterialType type;
  PetscReal      p[4];         /* type parameters in SI, as passed to the typed setter */
  PetscReal      thr, ths, Ks; /* theta_r, theta_s [-], Ks [m/s] */
  PetscReal      L;            /* column length [m] */
  PetscInt       nz;           /* cells of 1 cm */
  PetscReal      h0, htop, hbot; /* initial, top and bottom pressure head [m] */
  PetscReal      times[3];     /* reported times [s], reference columns 1..3 */
  PetscReal      dt_init, dt_max; /* [s] */
  PetscReal      band;         /* half-width [cm] of the band around the front left out of check 1 */
  PetscReal      gain;         /* reference stored-water gain at the last time [cm] */
} Problem;

/* Piecewise-linear value at depth x of a profile h given at increasing depths d[0..n-1]. */
static PetscReal Interpolate(PetscInt n, const PetscReal d[], const PetscReal h[], PetscReal x)
{
  PetscInt i = 0;

  if (x <= d[0]) return h[0];
  if (x >= d[n - 1]) return h[n - 1];
  while (d[i + 1] < x) i++;
  return h[i] + (h[i + 1] - h[i]) * (x - d[i]) / (d[i + 1] - d[i]);
}

/* Depth where a profile first crosses hmid going down from the top, by linear interpolation
   between the two samples around the crossing; NaN when it never does. */
static PetscReal FrontDepth(PetscInt n, const PetscReal d[], const PetscReal h[], PetscReal hmid)
{
  for (PetscInt i = 0; i < n - 1; i++)
    if ((h[i] - hmid) * (h[i + 1] - hmid) <= 0 && h[i] != h[i + 1]) return d[i] + (hmid - h[i]) * (d[i + 1] - d[i]) / (h[i + 1] - h[i]);
  return (PetscReal)NAN;
}

static PetscErrorCode RunCase(GWTest *t, const Problem *pb, GWRelPermWeighting w)
{
  const PetscReal dzc = 100.0 * pb->L / pb->nz, hmid = 50.0 * (pb->h0 + pb->htop); /* [cm] */
  PetscReal       dz[MAXNZ], *ref = NULL, maxmb = 0, gain = 0;
  PetscReal       dm[MAXNZ + 2], hm[MAXNZ + 2]; /* model profile [cm] with the boundary values */
  PetscInt        nrow = 0, ncol = 0, nsteps = 0, ncuts = 0, nnewton = 0;
  char            path[PETSC_MAX_PATH_LEN], name[128];
  GWModel         model;
  GWMaterial      soil;
  GWPackage       top, bottom;
  Vec             psi;

  PetscFunctionBeginUser;
  PetscCall(GWTestSourcePath(pb->file, path, sizeof(path)));
  PetscCall(GWTestReadTable(path, &nrow, &ncol, &ref));
  PetscCheck(ncol >= 4, PETSC_COMM_SELF, PETSC_ERR_FILE_UNEXPECTED, "%s: expected depth and three profile columns, found %" PetscInt_FMT " columns", path, ncol);

  PetscCall(GWMaterialCreate(PETSC_COMM_WORLD, &soil));
  PetscCall(GWMaterialSetType(soil, pb->type));
  if (!strcmp(pb->type, GWMATERIALHAVERKAMP)) PetscCall(GWMaterialHaverkampSetParameters(soil, pb->p[0], pb->p[1], pb->p[2], pb->p[3]));
  else PetscCall(GWMaterialVanGenuchtenSetParameters(soil, pb->p[0], pb->p[1]));
  PetscCall(GWMaterialSetWaterContentLimits(soil, pb->thr, pb->ths));
  PetscCall(GWMaterialSetHydraulicConductivity(soil, pb->Ks, pb->Ks, pb->Ks));
  PetscCall(GWMaterialSetSpecificStorage(soil, 0.0));

  PetscCall(GWModelCreate(PETSC_COMM_WORLD, &model));
  PetscCall(GWModelSetGridSize(model, 1, 1, pb->nz));
  PetscCall(GWModelSetUniformCellWidths(model, 1.0, 1.0));
  for (PetscInt k = 0; k < pb->nz; k++) dz[k] = pb->L / pb->nz;
  PetscCall(GWModelSetUniformLayers(model, pb->L, dz));
  PetscCall(GWModelAddMaterial(model, soil, NULL));

  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &top));
  PetscCall(GWPackageSetType(top, GWPACKAGEHEAD));
  PetscCall(GWPackageSetName(top, "surface"));
  PetscCall(GWPackageHeadSetKind(top, GW_HEAD_PRESSURE));
  PetscCall(GWPackageAddCell(top, 0, 0, 0, GW_FACE_TOP));
  PetscCall(GWPackageSetValue(top, pb->htop));
  PetscCall(GWModelAddPackage(model, top));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &bottom));
  PetscCall(GWPackageSetType(bottom, GWPACKAGEHEAD));
  PetscCall(GWPackageSetName(bottom, "base"));
  PetscCall(GWPackageHeadSetKind(bottom, GW_HEAD_PRESSURE));
  PetscCall(GWPackageAddCell(bottom, 0, 0, pb->nz - 1, GW_FACE_BOTTOM));
  PetscCall(GWPackageSetValue(bottom, pb->hbot));
  PetscCall(GWModelAddPackage(model, bottom));

  PetscCall(GWModelSetRelPermWeighting(model, w));
  PetscCall(GWModelSetTimeStepLimits(model, pb->dt_init, PetscMin(1e-6, pb->dt_init), pb->dt_max));
  PetscCall(GWModelSetInitialPressureHead(model, pb->h0));
  PetscCall(GWModelSetFromOptions(model));
  PetscCall(GWModelSetUp(model));
  PetscCall(GWModelGetPressureHead(model, &psi));

  dm[0]          = 0.0;
  hm[0]          = 100.0 * pb->htop;
  dm[pb->nz + 1] = 100.0 * pb->L;
  hm[pb->nz + 1] = 100.0 * pb->hbot;
  for (PetscInt k = 0; k < pb->nz; k++) dm[k + 1] = (k + 0.5) * dzc;

  for (PetscInt c = 1; c <= 3; c++) {
    PetscReal          tend = pb->times[c - 1], tnow = 0, maxerr = 0, maxin = 0, fref, fmod, fsam;
    PetscReal          dr[64], hr[64], hs[64];
    PetscInt           nr = 0;
    const PetscScalar *x;
    Vec                all;
    VecScatter         sc;

    PetscCall(GWModelGetTime(model, &tnow));
    while (tend - tnow > 1e-9 * tend) {
      PetscReal rel = 0;
      PetscCall(GWModelStep(model, tend));
      PetscCall(GWModelGetMassBalanceError(model, NULL, &rel, NULL, NULL));
      maxmb = PetscMax(maxmb, rel);
      PetscCall(GWModelGetTime(model, &tnow));
    }
    PetscCall(VecScatterCreateToAll(psi, &sc, &all));
    PetscCall(VecScatterBegin(sc, psi, all, INSERT_VALUES, SCATTER_FORWARD));
    PetscCall(VecScatterEnd(sc, psi, all, INSERT_VALUES, SCATTER_FORWARD));
    PetscCall(VecGetArrayRead(all, &x));
    for (PetscInt k = 0; k < pb->nz; k++) hm[k + 1] = 100.0 * PetscRealPart(x[k]);
    PetscCall(VecRestoreArrayRead(all, &x));
    PetscCall(VecScatterDestroy(&sc));
    PetscCall(VecDestroy(&all));

    for (PetscInt r = 0; r < nrow && nr < 64; r++, nr++) {
      dr[nr] = ref[r * ncol];
      hr[nr] = ref[r * ncol + c];
      hs[nr] = Interpolate(pb->nz + 2, dm, hm, dr[nr]);
    }
    { PetscReal g = 0; PetscCall(GWModelGetStorageChange(model, NULL, &g)); PetscCall(PetscPrintf(PETSC_COMM_WORLD, "INFO gain %.6f cm\n", (double)(100*g))); }
    fref = FrontDepth(nr, dr, hr, hmid);
    fmod = FrontDepth(pb->nz + 2, dm, hm, hmid);
    fsam = FrontDepth(nr, dr, hs, hmid);
    for (PetscInt r = 0; r < nr; r++) {
      PetscReal e = PetscAbsReal(hs[r] - hr[r]);
      if (dr[r] <= 0) continue; /* the boundary value itself */
      if (e > 0.3) PetscCall(PetscPrintf(PETSC_COMM_WORLD, "  depth %g dist %.2f ref %.3f model %.3f err %.3f\n", (double)dr[r], (double)(dr[r]-fref), (double)hr[r], (double)hs[r], (double)e));
      if (PetscAbsReal(dr[r] - fref) <= pb->band) maxin = PetscMax(maxin, e);
      else maxerr = PetscMax(maxerr, e);
    }
    PetscCall(PetscPrintf(PETSC_COMM_WORLD, "INFO %s %s t=%g s: front ref %.3f cm, model(own grid) %.3f cm, model(ref depths) %.3f cm, max err in band %.3f cm\n", pb->label, GWRelPermWeightings[w], (double)tend, (double)fref, (double)fmod, (double)fsam, (double)maxin));
    PetscCall(PetscSNPrintf(name, sizeof(name), "%s_%s_t%gs_max_psi_error_cm", pb->label, GWRelPermWeightings[w], (double)tend));
    PetscCall(GWTestBelow(t, name, maxerr, 2.0));
    PetscCall(PetscSNPrintf(name, sizeof(name), "%s_%s_t%gs_front_depth_cm", pb->label, GWRelPermWeightings[w], (double)tend));
    PetscCall(GWTestAbs(t, name, fmod, fref, 1.0));
  }
  PetscCall(GWModelGetStorageChange(model, NULL, &gain));
  PetscCall(GWModelGetStepStatistics(model, &nsteps, &ncuts, &nnewton));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "INFO %s %s: %" PetscInt_FMT " steps, %" PetscInt_FMT " cuts, %" PetscInt_FMT " Newton iterations\n", pb->label, GWRelPermWeightings[w], nsteps, ncuts, nnewton));
  PetscCall(PetscSNPrintf(name, sizeof(name), "%s_%s_storage_gain_cm", pb->label, GWRelPermWeightings[w]));
  PetscCall(GWTestRel(t, name, 100.0 * gain / (1.0 * 1.0), pb->gain, 5e-3));
  PetscCall(PetscSNPrintf(name, sizeof(name), "%s_%s_max_step_mass_balance_rel", pb->label, GWRelPermWeightings[w]));
  PetscCall(GWTestBelow(t, name, maxmb, 1e-8));

  PetscCall(PetscFree(ref));
  PetscCall(GWPackageDestroy(&top));
  PetscCall(GWPackageDestroy(&bottom));
  PetscCall(GWMaterialDestroy(&soil));
  PetscCall(GWModelDestroy(&model));
  PetscFunctionReturn(0);
}

int main(int argc, char **argv)
{
  GWTest    t  = {0, 0};
  PetscReal dtA = 1.0, dtB = 20.0; PetscInt mult = 1;
  int       status;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  PetscCall(PetscOptionsGetReal(NULL, NULL, "-dtA", &dtA, NULL));
  PetscCall(PetscOptionsGetReal(NULL, NULL, "-dtB", &dtB, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-mult", &mult, NULL));
  {
    const Problem A = {"A_haverkamp_sand", "validation/04_celia1990/celiaA_haverkamp_sand_h_cm.csv", GWMATERIALHAVERKAMP, {1.611e6 * PetscPowReal(0.01, 3.96), 3.96, 1.175e6 * PetscPowReal(0.01, 4.74), 4.74}, 0.075, 0.287, 9.44e-5, 0.40, 40*mult, -0.615, -0.207, -0.615, {120, 240, 360}, 0.01, dtA, 3.0, 2.368};
    const Problem B = {"B_vg_soil", "validation/04_celia1990/celiaB_vg_soil_h_cm.csv", GWMATERIALVANGENUCHTEN, {3.35, 2.0, 0, 0}, 0.102, 0.368, 9.22e-5, 1.00, 100*mult, -10.0, -0.75, -10.0, {6 * 3600.0, 12 * 3600.0, 24 * 3600.0}, 0.1, dtB, 5.0, 4.113};
    PetscCall(RunCase(&t, &A, GW_KR_ARITHMETIC));
    PetscCall(RunCase(&t, &A, GW_KR_UPSTREAM));
    PetscCall(RunCase(&t, &B, GW_KR_ARITHMETIC));
    PetscCall(RunCase(&t, &B, GW_KR_UPSTREAM));
  }
  status = GWTestFinish(&t);
  PetscCall(PetscFinalize());
  return status;
}
