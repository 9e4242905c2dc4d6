/* Re-running a model in memory (GWModelReset() and the parameter registry).
   A 6 x 2 x 12 hillslope block of loam over sand (the loam 0.75 or 1 m thick by column), with rain
   that ponds on the loam (atmosphere package), a bottom held at a hydraulic head, and a well
   screened across the loam-sand contact (its rate shared by kx times thickness, so its weights and
   the head boundary's face conductance are cached from the sand's K at set-up). The initial state
   is a water table with a dry patch filled by hand on the west edge. Root uptake over the top
   metre (its per-cell shares are computed at set-up from root_depth).
   Model A runs one day, then the sand's K, the surface's max_ponding_depth, the roots' root_depth
   and the bottom boundary's conductance (from K A / d to a given value) are changed through
   GWModelSetParameter(), the model is reset and run one day again. Model B is built with the new
   values from the start and run one day. Checks: A's second run equals B (pressure head bitwise
   and budgets exactly on 1 rank; to 1e-12 relative on 2 ranks), and differs from A's first run
   (the changes matter); a model B-like model C made by changing A's values by path after set-up
   but before its first step, with no reset, equals B too; the runs close their cumulative mass balance to 1e-10; a reset zeroes
   time, statistics and budgets; GWModelGetParameter() returns what was set; unknown paths fail
   with PETSC_ERR_ARG_UNKNOWN_TYPE and a bad value with the setter's error. */
#include <gw.h>
#include "gwtest.h"

#define NX 6
#define NY 2
#define NZ 12

static const PetscReal Ksand0 = 8e-5, Ksand1 = 2.5e-5, Pond0 = 0.0, Pond1 = 0.03, Root0 = 0.5, Root1 = 0.9, Tend = 86400.0;
/* bottom head: conductance from the cells' K at first, then a given conductance [m^2/s] */
static const PetscReal Cond0 = -1.0, Cond1 = 2e-6; /* -1: not given */

static PetscErrorCode BuildModel(PetscReal Ksand, PetscReal pond, PetscReal root, PetscReal cond, GWModel *model)
{
  PetscReal  dz[NZ], tp[2] = {0, 6 * 3600.0}, vp[2] = {1e-5, 0};
  PetscInt   zone[NX * NY * NZ];
  GWMaterial loam, sand;
  GWPackage  surf, bottom, well, roots;
  GWModel    m;

  PetscFunctionBeginUser;
  for (PetscInt k = 0; k < NZ; k++) dz[k] = 0.25;
  for (PetscInt k = 0; k < NZ; k++)
    for (PetscInt j = 0; j < NY; j++)
      for (PetscInt i = 0; i < NX; i++) zone[i + NX * (j + NY * k)] = k < 3 + (i % 2) ? 0 : 1;
  PetscCall(GWMaterialCreate(PETSC_COMM_WORLD, &loam));
  PetscCall(PetscObjectSetName((PetscObject)loam, "loam"));
  PetscCall(GWMaterialSetType(loam, GWMATERIALVANGENUCHTEN));
  PetscCall(GWMaterialVanGenuchtenSetParameters(loam, 3.6, 1.56)); /* Carsel and Parrish (1988) */
  PetscCall(GWMaterialSetWaterContentLimits(loam, 0.078, 0.43));
  PetscCall(GWMaterialSetHydraulicConductivity(loam, 2.9e-6, 2.9e-6, 1.0e-6));
  PetscCall(GWMaterialSetSpecificStorage(loam, 1e-4));
  PetscCall(GWMaterialCreate(PETSC_COMM_WORLD, &sand));
  PetscCall(PetscObjectSetName((PetscObject)sand, "sand"));
  PetscCall(GWMaterialSetType(sand, GWMATERIALVANGENUCHTEN));
  PetscCall(GWMaterialVanGenuchtenSetParameters(sand, 14.5, 2.68));
  PetscCall(GWMaterialSetWaterContentLimits(sand, 0.045, 0.38));
  PetscCall(GWMaterialSetHydraulicConductivity(sand, Ksand, Ksand, Ksand));
  PetscCall(GWMaterialSetSpecificStorage(sand, 1e-5));

  PetscCall(GWModelCreate(PETSC_COMM_WORLD, &m));
  PetscCall(GWModelSetGridSize(m, NX, NY, NZ));
  PetscCall(GWModelSetUniformCellWidths(m, 2.0, 2.0));
  PetscCall(GWModelSetUniformLayers(m, 3.0, dz));
  PetscCall(GWModelAddMaterial(m, loam, NULL));
  PetscCall(GWModelAddMaterial(m, sand, NULL));
  PetscCall(GWModelSetMaterialZones(m, zone));

  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &surf));
  PetscCall(GWPackageSetType(surf, GWPACKAGEATMOSPHERE));
  PetscCall(GWPackageSetName(surf, "surface"));
  PetscCall(GWPackageAddCellRange(surf, 0, NX - 1, 0, NY - 1, 0, 0, GW_FACE_TOP));
  PetscCall(GWPackageSetInput(surf, "precipitation", 2, tp, vp, GW_INTERP_STEP));
  PetscCall(GWPackageSetInputValue(surf, "potential_evaporation", 5e-8));
  PetscCall(GWPackageSetParameter(surf, "max_ponding_depth", pond));
  PetscCall(GWModelAddPackage(m, surf));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &bottom));
  PetscCall(GWPackageSetType(bottom, GWPACKAGEHEAD));
  PetscCall(GWPackageSetName(bottom, "bottom"));
  PetscCall(GWPackageAddCellRange(bottom, 0, NX - 1, 0, NY - 1, NZ - 1, NZ - 1, GW_FACE_BOTTOM));
  PetscCall(GWPackageSetValue(bottom, 2.0));
  if (cond > 0) PetscCall(GWPackageSetParameter(bottom, "conductance", cond));
  PetscCall(GWModelAddPackage(m, bottom));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &well));
  PetscCall(GWPackageSetType(well, GWPACKAGEWELL));
  PetscCall(GWPackageSetName(well, "well"));
  PetscCall(GWPackageAddCellRange(well, 4, 4, 1, 1, 5, 6, GW_FACE_NONE)); /* loam over sand */
  PetscCall(GWPackageSetValue(well, -2e-5));
  PetscCall(GWModelAddPackage(m, well));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &roots));
  PetscCall(GWPackageSetType(roots, GWPACKAGEROOTUPTAKE));
  PetscCall(GWPackageSetName(roots, "roots"));
  PetscCall(GWPackageAddCellRange(roots, 0, NX - 1, 0, NY - 1, 0, 3, GW_FACE_NONE));
  PetscCall(GWPackageSetParameter(roots, "root_depth", root));
  PetscCall(GWPackageSetValue(roots, 4e-8));
  PetscCall(GWModelAddPackage(m, roots));

  PetscCall(GWModelSetInitialWaterTable(m, 2.2));
  PetscCall(GWModelSetTimeStepLimits(m, 10.0, 1e-3, 3600.0));
  PetscCall(GWModelSetFromOptions(m));
  PetscCall(GWModelSetUp(m));
  { /* a dry patch filled by hand over the water table: the reset must return to it too */
    DM             da;
    Vec            psi;
    PetscScalar ***x;
    PetscInt       xs, ys, zs, xm, ym, zm;
    PetscCall(GWModelGetDM(m, &da));
    PetscCall(GWModelGetPressureHead(m, &psi));
    PetscCall(DMDAGetCorners(da, &xs, &ys, &zs, &xm, &ym, &zm));
    PetscCall(DMDAVecGetArray(da, psi, &x));
    for (PetscInt k = zs; k < PetscMin(zs + zm, 2); k++)
      for (PetscInt j = ys; j < ys + ym; j++)
        if (xs == 0) x[k][j][0] = -3.0;
    PetscCall(DMDAVecRestoreArray(da, psi, &x));
  }
  PetscCall(GWMaterialDestroy(&loam));
  PetscCall(GWMaterialDestroy(&sand));
  PetscCall(GWPackageDestroy(&surf));
  PetscCall(GWPackageDestroy(&bottom));
  PetscCall(GWPackageDestroy(&well));
  PetscCall(GWPackageDestroy(&roots));
  *model = m;
  PetscFunctionReturn(0);
}

/* Budget figures in a fixed order: storage, in and out of each package, the atmosphere's terms,
   each zone's five figures, the zone flows, then step statistics; cumulative values. */
#define RUNOFF (1 + 2 * 4 + 6) /* index of the atmosphere's runoff */
#define NFIG   (1 + 2 * 4 + 7 + 2 + 2 * 5 + 4 + 3)
static PetscErrorCode Figures(GWModel m, PetscReal fig[NFIG], PetscReal *mbrel)
{
  PetscInt         n = 0, nt, ns, nc, nn;
  const PetscReal *tcum;
  GWPackage        surf;

  PetscFunctionBeginUser;
  PetscCall(GWModelGetStorageChange(m, NULL, &fig[n++]));
  for (PetscInt p = 0; p < 4; p++) {
    PetscCall(GWModelGetPackageBudget(m, p, NULL, NULL, &fig[n], &fig[n + 1]));
    n += 2;
  }
  PetscCall(GWModelGetPackage(m, 0, &surf));
  PetscCall(GWPackageGetBudgetTerms(surf, &nt, NULL, NULL, &tcum));
  PetscCheck(nt == 7, PETSC_COMM_WORLD, PETSC_ERR_PLIB, "expected 7 atmosphere terms, got %" PetscInt_FMT, nt);
  for (PetscInt q = 0; q < nt; q++) fig[n++] = tcum[q];
  PetscCall(GWModelGetPackage(m, 3, &surf));
  PetscCall(GWPackageGetBudgetTerms(surf, &nt, NULL, NULL, &tcum));
  for (PetscInt q = 0; q < nt; q++) fig[n++] = tcum[q];
  for (PetscInt z = 0; z < 2; z++) {
    PetscCall(GWModelGetZoneBudget(m, z, NULL, &fig[n]));
    n += 5;
  }
  for (PetscInt a = 0; a < 2; a++)
    for (PetscInt b = 0; b < 2; b++) PetscCall(GWModelGetZoneFlow(m, a, b, &fig[n++]));
  PetscCall(GWModelGetStepStatistics(m, &ns, &nc, &nn));
  fig[n++] = (PetscReal)ns;
  fig[n++] = (PetscReal)nc;
  fig[n++] = (PetscReal)nn;
  PetscCall(GWModelGetMassBalanceError(m, NULL, NULL, NULL, mbrel));
  PetscFunctionReturn(0);
}

/* Largest |a - b| over the field relative to the largest |b|, and whether the local arrays are
   bitwise equal on every rank. */
static PetscErrorCode CompareFields(Vec a, Vec b, Vec work, PetscReal *rel, PetscBool *bitwise)
{
  const PetscScalar *xa, *xb;
  PetscInt           n;
  PetscReal          da, nb;
  int                same;

  PetscFunctionBeginUser;
  PetscCall(VecGetLocalSize(a, &n));
  PetscCall(VecGetArrayRead(a, &xa));
  PetscCall(VecGetArrayRead(b, &xb));
  same = memcmp(xa, xb, sizeof(PetscScalar) * (size_t)n) == 0;
  PetscCall(VecRestoreArrayRead(a, &xa));
  PetscCall(VecRestoreArrayRead(b, &xb));
  PetscCallMPI(MPI_Allreduce(MPI_IN_PLACE, &same, 1, MPI_INT, MPI_LAND, PETSC_COMM_WORLD));
  *bitwise = same ? PETSC_TRUE : PETSC_FALSE;
  PetscCall(VecWAXPY(work, -1.0, b, a));
  PetscCall(VecNorm(work, NORM_INFINITY, &da));
  PetscCall(VecNorm(b, NORM_INFINITY, &nb));
  *rel = da / nb;
  PetscFunctionReturn(0);
}

/* Assert value > limit (a change that must show). */
static PetscErrorCode Above(GWTest *t, const char name[], PetscReal value, PetscReal limit)
{
  PetscBool pass = (PetscBool)(value > limit);

  PetscFunctionBeginUser;
  t->nchecks++;
  if (!pass) t->nfail++;
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "CHECK %s value=%.6e above=%.3e %s\n", name, (double)value, (double)limit, pass ? "PASS" : "FAIL"));
  PetscFunctionReturn(0);
}

static PetscErrorCode ExpectError(GWTest *t, const char name[], PetscErrorCode code, PetscErrorCode ierr)
{
  const char *generic;
  char       *specific = NULL;
  PetscBool   pass     = (PetscBool)(ierr == code);

  PetscFunctionBeginUser;
  t->nchecks++;
  if (!pass) t->nfail++;
  if (ierr) PetscCall(PetscErrorMessage(ierr, &generic, &specific));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "CHECK %s value=%d reference=%d %s\n", name, (int)ierr, (int)code, pass ? "PASS" : "FAIL"));
  if (specific) PetscCall(PetscPrintf(PETSC_COMM_WORLD, "#   message: %s\n", specific));
  PetscFunctionReturn(0);
}

int main(int argc, char **argv)
{
  GWTest      t = {0, 0};
  GWModel     a, b;
  Vec         psiA, psiB, psi1, work;
  PetscReal   figA[NFIG], figB[NFIG], fig1[NFIG], mbA1, mbA2, mbB, rel, maxfig = 0, v, tnow;
  PetscBool   bitwise, exact = PETSC_TRUE;
  PetscMPIInt size;
  PetscInt    ns, nc, nn;
  int         status;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  PetscCallMPI(MPI_Comm_size(PETSC_COMM_WORLD, &size));
  /* model A: first run, with the original values */
  PetscCall(BuildModel(Ksand0, Pond0, Root0, Cond0, &a));
  PetscCall(GWModelRun(a, Tend));
  PetscCall(Figures(a, fig1, &mbA1));
  PetscCall(GWModelGetPressureHead(a, &psiA));
  PetscCall(VecDuplicate(psiA, &psi1));
  PetscCall(VecDuplicate(psiA, &work));
  PetscCall(VecCopy(psiA, psi1));
  PetscCall(GWTestBelow(&t, "first_run_cum_mass_balance_rel", mbA1, 1e-10));

  /* change the sand's conductivity and the ponding depth, reset, run again */
  PetscCall(GWModelSetParameter(a, "materials.sand.K", Ksand1));
  PetscCall(GWModelSetParameter(a, "packages.surface.max_ponding_depth", Pond1));
  PetscCall(GWModelSetParameter(a, "packages.roots.root_depth", Root1));
  PetscCall(GWModelSetParameter(a, "packages.bottom.conductance", Cond1));
  PetscCall(GWModelReset(a));
  PetscCall(GWModelGetTime(a, &tnow));
  PetscCall(GWModelGetStepStatistics(a, &ns, &nc, &nn));
  PetscCall(Figures(a, figA, &mbA2));
  for (PetscInt q = 0; q < NFIG; q++) maxfig = PetscMax(maxfig, PetscAbsReal(figA[q]));
  PetscCall(GWTestAbs(&t, "reset_time_s", tnow, 0.0, 0.0));
  PetscCall(GWTestAbs(&t, "reset_steps_cuts_newton", (PetscReal)(ns + nc + nn), 0.0, 0.0));
  PetscCall(GWTestAbs(&t, "reset_largest_budget_figure", maxfig, 0.0, 0.0));
  PetscCall(GWModelRun(a, Tend));
  PetscCall(Figures(a, figA, &mbA2));
  PetscCall(GWTestBelow(&t, "rerun_cum_mass_balance_rel", mbA2, 1e-10));

  /* model B: fresh, with the new values from the start */
  PetscCall(BuildModel(Ksand1, Pond1, Root1, Cond1, &b));
  PetscCall(GWModelRun(b, Tend));
  PetscCall(Figures(b, figB, &mbB));
  PetscCall(GWTestBelow(&t, "fresh_cum_mass_balance_rel", mbB, 1e-10));
  PetscCall(GWModelGetPressureHead(b, &psiB));

  /* model C: set up with the original values, changed by path before its first step, no reset:
     the registry alone must bring the packages' cached conductivities and weights up to date */
  {
    GWModel   c;
    Vec       psiC;
    PetscReal figC[NFIG], mbC;
    PetscBool same = PETSC_TRUE;
    PetscCall(BuildModel(Ksand0, Pond0, Root0, Cond0, &c));
    PetscCall(GWModelSetParameter(c, "materials.sand.K", Ksand1));
    PetscCall(GWModelSetParameter(c, "packages.surface.max_ponding_depth", Pond1));
    PetscCall(GWModelSetParameter(c, "packages.roots.root_depth", Root1));
    PetscCall(GWModelSetParameter(c, "packages.bottom.conductance", Cond1));
    PetscCall(GWModelRun(c, Tend));
    PetscCall(Figures(c, figC, &mbC));
    PetscCall(GWModelGetPressureHead(c, &psiC));
    PetscCall(CompareFields(psiC, psiB, work, &rel, &bitwise));
    for (PetscInt q = 0; q < NFIG; q++) same = (PetscBool)(same && PetscAbsReal(figC[q] - figB[q]) <= 1e-12 * PetscAbsReal(figB[q]));
    PetscCall(GWTestBelow(&t, "set_before_run_vs_fresh_psi_max_rel", rel, size == 1 ? 0.0 : 1e-12));
    PetscCall(GWTestAbs(&t, "set_before_run_vs_fresh_budgets_equal", same ? 0.0 : 1.0, 0.0, 0.0));
    PetscCall(GWModelDestroy(&c));
  }

  PetscCall(CompareFields(psiA, psiB, work, &rel, &bitwise));
  if (size == 1) {
    PetscCall(GWTestAbs(&t, "rerun_vs_fresh_psi_bitwise", bitwise ? 0.0 : 1.0, 0.0, 0.0));
    PetscCall(GWTestAbs(&t, "rerun_vs_fresh_psi_max_rel", rel, 0.0, 0.0));
  } else
    PetscCall(GWTestBelow(&t, "rerun_vs_fresh_psi_max_rel", rel, 1e-12));
  maxfig = 0;
  for (PetscInt q = 0; q < NFIG; q++) {
    PetscReal e = PetscAbsReal(figA[q] - figB[q]) / PetscMax(PetscAbsReal(figB[q]), 1e-300);
    if (figA[q] != figB[q]) exact = PETSC_FALSE;
    if (figA[q] != figB[q]) maxfig = PetscMax(maxfig, e);
  }
  if (size == 1) PetscCall(GWTestAbs(&t, "rerun_vs_fresh_budgets_all_equal", exact ? 0.0 : 1.0, 0.0, 0.0));
  PetscCall(GWTestBelow(&t, "rerun_vs_fresh_budgets_max_rel", maxfig, size == 1 ? 0.0 : 1e-12));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "# %g steps, %g Newton iterations; psi bitwise equal: %s; cum storage %.10g m^3, rain runoff %.10g m^3\n", (double)figB[NFIG - 3], (double)figB[NFIG - 1], bitwise ? "yes" : "no", (double)figB[0], (double)figB[RUNOFF]));

  /* the changes matter: the first run differs from the second */
  PetscCall(CompareFields(psi1, psiB, work, &rel, &bitwise));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "# first run vs changed run: psi max rel difference %.3e, runoff %.6g vs %.6g m^3, bottom inflow %.6g vs %.6g m^3\n", (double)rel, (double)fig1[RUNOFF], (double)figB[RUNOFF], (double)fig1[3], (double)figB[3]));
  PetscCall(Above(&t, "changed_run_psi_max_rel_difference", rel, 1e-3));
  PetscCall(Above(&t, "changed_run_runoff_rel_difference", PetscAbsReal(fig1[RUNOFF] - figB[RUNOFF]) / PetscAbsReal(figB[RUNOFF]), 1e-2));

  /* getters return what was set */
  PetscCall(GWModelGetParameter(a, "materials.sand.K", &v));
  PetscCall(GWTestAbs(&t, "get_materials.sand.K", v, Ksand1, 0.0));
  PetscCall(GWModelGetParameter(a, "materials.sand.kz", &v));
  PetscCall(GWTestAbs(&t, "get_materials.sand.kz", v, Ksand1, 0.0));
  PetscCall(GWModelSetParameter(a, "materials.loam.Ks", 5.8e-6));
  PetscCall(GWModelGetParameter(a, "materials.loam.kz", &v));
  PetscCall(GWTestRel(&t, "loam_Ks_keeps_anisotropy_kz", v, 2.0e-6, 1e-15));
  PetscCall(GWModelSetParameter(a, "materials.loam.n", 1.7));
  PetscCall(GWModelGetParameter(a, "materials.loam.n", &v));
  PetscCall(GWTestAbs(&t, "get_materials.loam.n", v, 1.7, 0.0));
  PetscCall(GWModelGetParameter(a, "packages.surface.max_ponding_depth", &v));
  PetscCall(GWTestAbs(&t, "get_packages.surface.max_ponding_depth", v, Pond1, 0.0));
  PetscCall(GWModelSetParameter(a, "packages.well.value", -3e-5));
  PetscCall(GWModelGetParameter(a, "packages.well.value", &v));
  PetscCall(GWTestAbs(&t, "get_packages.well.value", v, -3e-5, 0.0));

  /* unknown paths and bad values */
  PetscCall(PetscPushErrorHandler(PetscReturnErrorHandler, NULL));
  PetscCall(ExpectError(&t, "unknown_group", PETSC_ERR_ARG_UNKNOWN_TYPE, GWModelSetParameter(a, "wells.well.value", 1.0)));
  PetscCall(ExpectError(&t, "unknown_material", PETSC_ERR_ARG_UNKNOWN_TYPE, GWModelSetParameter(a, "materials.clay.K", 1e-7)));
  PetscCall(ExpectError(&t, "unknown_material_parameter", PETSC_ERR_ARG_UNKNOWN_TYPE, GWModelGetParameter(a, "materials.sand.conductivity", &v)));
  PetscCall(ExpectError(&t, "unknown_package", PETSC_ERR_ARG_UNKNOWN_TYPE, GWModelGetParameter(a, "packages.river.conductance", &v)));
  PetscCall(ExpectError(&t, "unknown_package_parameter", PETSC_ERR_ARG_UNKNOWN_TYPE, GWModelSetParameter(a, "packages.surface.ponding", 0.1)));
  PetscCall(ExpectError(&t, "no_parameter_name", PETSC_ERR_ARG_UNKNOWN_TYPE, GWModelSetParameter(a, "materials.sand", 1.0)));
  PetscCall(ExpectError(&t, "negative_conductivity", PETSC_ERR_ARG_OUTOFRANGE, GWModelSetParameter(a, "materials.sand.K", -1e-5)));
  PetscCall(PetscPopErrorHandler());
  PetscCall(GWModelGetParameter(a, "materials.sand.kx", &v));
  PetscCall(GWTestAbs(&t, "failed_set_leaves_sand_K", v, Ksand1, 0.0));

  PetscCall(VecDestroy(&psi1));
  PetscCall(VecDestroy(&work));
  PetscCall(GWModelDestroy(&a));
  PetscCall(GWModelDestroy(&b));
  status = GWTestFinish(&t);
  PetscCall(PetscFinalize());
  return status;
}
