/* One 3D model solved on all ranks of PETSC_COMM_WORLD and, on every rank, alone on
   PETSC_COMM_SELF: the two pressure-head fields must agree to 1e-8 relative (run by
   test_flow_parallel3d_np2.sh on 2 ranks). The 7 x 5 x 3 grid does not divide evenly among ranks;
   layers thin and follow a sloping terrain; van Genuchten loam over van Genuchten sand; recharge
   on top, a pumping well, a seepage face on the east side, and one column that is dry over its
   whole depth (all three cells at psi = -100 m, water content at residual, although the water
   table around it is at 14 m) under a top held at -150 m (a soil-limited evaporation front), walled
   off sideways by a low horizontal conductivity: very dry cells (kr ~ 1e-10) sit next to saturated
   ones. Checks: agreement across rank counts, per-step relative mass balance below 1e-8, every
   cell of the dry column still near residual water content at the end, the budget closing, and the
   zone (material) budgets closing with the flow between zones seen alike from both sides. */
#include <gw.h>
#include "gwtest.h"

#define NX 7
#define NY 5
#define NZ 3

static PetscErrorCode BuildModel(MPI_Comm comm, GWModel *model)
{
  PetscReal  dx[NX] = {10, 12, 14, 16, 14, 12, 10}, dy[NY] = {8, 10, 12, 10, 8}, top[NX * NY], bot[NX * NY * NZ];
  PetscInt   zone[NX * NY * NZ];
  GWMaterial loam, sand, pit;
  GWPackage  rech, well, seep, dry;
  GWModel    m;

  PetscFunctionBeginUser;
  for (PetscInt j = 0; j < NY; j++)
    for (PetscInt i = 0; i < NX; i++) {
      PetscInt c           = i + NX * j;
      top[c]               = 20.0 - 0.5 * i + 0.2 * j; /* terrain sloping east */
      bot[c]               = top[c] - 2.0 - 0.1 * i;   /* top layer thickens eastward */
      bot[c + NX * NY]     = bot[c] - 3.0 + 0.05 * j;
      bot[c + 2 * NX * NY] = 5.0; /* flat base */
      for (PetscInt k = 0; k < NZ; k++) zone[c + NX * NY * k] = (i == 4 && j == 1) ? 2 : k == 0 ? 0
                                                                                                : 1;
    }
  PetscCall(GWMaterialCreate(comm, &loam));
  PetscCall(GWMaterialSetType(loam, GWMATERIALVANGENUCHTEN));
  PetscCall(GWMaterialVanGenuchtenSetParameters(loam, 3.6, 1.56)); /* Carsel and Parrish (1988) loam */
  PetscCall(GWMaterialSetWaterContentLimits(loam, 0.078, 0.43));
  PetscCall(GWMaterialSetHydraulicConductivity(loam, 2.9e-6, 2.9e-6, 1.0e-6));
  PetscCall(GWMaterialSetSpecificStorage(loam, 1e-4));
  PetscCall(GWMaterialCreate(comm, &sand));
  PetscCall(GWMaterialSetType(sand, GWMATERIALVANGENUCHTEN));
  PetscCall(GWMaterialVanGenuchtenSetParameters(sand, 14.5, 2.68)); /* Carsel and Parrish (1988) sand */
  PetscCall(GWMaterialSetWaterContentLimits(sand, 0.045, 0.38));
  PetscCall(GWMaterialSetHydraulicConductivity(sand, 8e-5, 8e-5, 3e-5));
  PetscCall(GWMaterialSetSpecificStorage(sand, 1e-5));

  PetscCall(GWModelCreate(comm, &m));
  PetscCall(GWModelSetGridSize(m, NX, NY, NZ));
  PetscCall(GWModelSetCellWidths(m, dx, dy));
  PetscCall(GWModelSetLayerElevations(m, top, bot));
  PetscCall(GWModelAddMaterial(m, loam, NULL));
  PetscCall(GWModelAddMaterial(m, sand, NULL));
  /* the dry column: loam walled off sideways (a clay-lined pit), so its wet neighbours cannot
     re-wet it and the whole column stays dry under the -150 m surface */
  PetscCall(GWMaterialCreate(comm, &pit));
  PetscCall(GWMaterialSetType(pit, GWMATERIALVANGENUCHTEN));
  PetscCall(GWMaterialVanGenuchtenSetParameters(pit, 3.6, 1.56));
  PetscCall(GWMaterialSetWaterContentLimits(pit, 0.078, 0.43));
  PetscCall(GWMaterialSetHydraulicConductivity(pit, 1e-12, 1e-12, 1.0e-6));
  PetscCall(GWModelAddMaterial(m, pit, NULL));
  PetscCall(GWModelSetMaterialZones(m, zone));

  PetscCall(GWPackageCreate(comm, &rech));
  PetscCall(GWPackageSetType(rech, GWPACKAGEFLUX));
  PetscCall(GWPackageSetName(rech, "recharge"));
  PetscCall(GWPackageAddCellRange(rech, 0, 2, 0, NY - 1, 0, 0, GW_FACE_TOP));
  {
    PetscReal t[3] = {0, 5 * 86400.0, 10 * 86400.0}, v[3] = {2e-8, 1e-7, 0};
    PetscCall(GWPackageSetSchedule(rech, 3, t, v, GW_INTERP_STEP));
  }
  PetscCall(GWModelAddPackage(m, rech));
  PetscCall(GWPackageCreate(comm, &well));
  PetscCall(GWPackageSetType(well, GWPACKAGEWELL));
  PetscCall(GWPackageSetName(well, "well"));
  PetscCall(GWPackageAddCell(well, 2, 3, 1, GW_FACE_NONE));
  PetscCall(GWPackageAddCell(well, 2, 3, 2, GW_FACE_NONE));
  PetscCall(GWPackageSetValue(well, -2e-4));
  PetscCall(GWModelAddPackage(m, well));
  PetscCall(GWPackageCreate(comm, &seep));
  PetscCall(GWPackageSetType(seep, GWPACKAGESEEPAGEFACE));
  PetscCall(GWPackageSetName(seep, "east seepage face"));
  PetscCall(GWPackageAddCellRange(seep, NX - 1, NX - 1, 0, NY - 1, 0, NZ - 1, GW_FACE_EAST));
  PetscCall(GWModelAddPackage(m, seep));
  PetscCall(GWPackageCreate(comm, &dry));
  PetscCall(GWPackageSetType(dry, GWPACKAGEHEAD));
  PetscCall(GWPackageSetName(dry, "drying column"));
  PetscCall(GWPackageHeadSetKind(dry, GW_HEAD_PRESSURE));
  PetscCall(GWPackageAddCell(dry, 4, 1, 0, GW_FACE_TOP));
  PetscCall(GWPackageSetValue(dry, -150.0));
  PetscCall(GWModelAddPackage(m, dry));

  PetscCall(GWModelSetInitialWaterTable(m, 14.0));
  PetscCall(GWModelSetTimeStepLimits(m, 10.0, 1e-3, 86400.0));
  PetscCall(GWModelSetFromOptions(m));
  PetscCall(GWModelSetUp(m));
  {
    DM             da;
    Vec            psi;
    PetscScalar ***x;
    PetscInt       xs, ys, zs, xm, ym, zm;
    PetscCall(GWModelGetDM(m, &da));
    PetscCall(GWModelGetPressureHead(m, &psi));
    PetscCall(DMDAGetCorners(da, &xs, &ys, &zs, &xm, &ym, &zm));
    PetscCall(DMDAVecGetArray(da, psi, &x));
    for (PetscInt k = 0; k < NZ; k++)
      if (4 >= xs && 4 < xs + xm && 1 >= ys && 1 < ys + ym && k >= zs && k < zs + zm) x[k][1][4] = -100.0;
    PetscCall(DMDAVecRestoreArray(da, psi, &x));
  }
  PetscCall(GWMaterialDestroy(&loam));
  PetscCall(GWMaterialDestroy(&sand));
  PetscCall(GWMaterialDestroy(&pit));
  PetscCall(GWPackageDestroy(&rech));
  PetscCall(GWPackageDestroy(&well));
  PetscCall(GWPackageDestroy(&seep));
  PetscCall(GWPackageDestroy(&dry));
  *model = m;
  PetscFunctionReturn(0);
}

/* Runs to t_end, returning the largest per-step relative mass-balance error. */
static PetscErrorCode Run(GWModel m, PetscReal t_end, PetscReal *maxmb)
{
  PetscReal t = 0, rel;

  PetscFunctionBeginUser;
  *maxmb = 0;
  while (t_end - t > 1e-6) {
    PetscCall(GWModelStep(m, t_end));
    PetscCall(GWModelGetMassBalanceError(m, NULL, &rel, NULL, NULL));
    *maxmb = PetscMax(*maxmb, rel);
    PetscCall(GWModelGetTime(m, &t));
  }
  PetscFunctionReturn(0);
}

/* Field in natural (i fastest, then j, then k) ordering, complete on every rank. */
static PetscErrorCode GatherNatural(GWModel m, Vec v, Vec *all)
{
  DM         da;
  Vec        nat;
  VecScatter sc;

  PetscFunctionBeginUser;
  PetscCall(GWModelGetDM(m, &da));
  PetscCall(DMDACreateNaturalVector(da, &nat));
  PetscCall(DMDAGlobalToNaturalBegin(da, v, INSERT_VALUES, nat));
  PetscCall(DMDAGlobalToNaturalEnd(da, v, INSERT_VALUES, nat));
  PetscCall(VecScatterCreateToAll(nat, &sc, all));
  PetscCall(VecScatterBegin(sc, nat, *all, INSERT_VALUES, SCATTER_FORWARD));
  PetscCall(VecScatterEnd(sc, nat, *all, INSERT_VALUES, SCATTER_FORWARD));
  PetscCall(VecScatterDestroy(&sc));
  PetscCall(VecDestroy(&nat));
  PetscFunctionReturn(0);
}

int main(int argc, char **argv)
{
  GWTest             t = {0, 0};
  GWModel            par, ser;
  PetscReal          tend = 15 * 86400.0, mbp, mbs, diff = 0, scale = 0, thmax;
  Vec                psip, psis, allp, alls, theta, thall;
  const PetscScalar *a, *b, *th;
  PetscMPIInt        size;
  int                status;
  GWMaterial         loam;
  PetscReal          thr, ths;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  PetscCallMPI(MPI_Comm_size(PETSC_COMM_WORLD, &size));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "# %d ranks, grid %d x %d x %d\n", size, NX, NY, NZ));
  PetscCall(BuildModel(PETSC_COMM_WORLD, &par));
  PetscCall(BuildModel(PETSC_COMM_SELF, &ser));
  PetscCall(Run(par, tend, &mbp));
  PetscCall(Run(ser, tend, &mbs));
  PetscCall(GWModelGetPressureHead(par, &psip));
  PetscCall(GWModelGetPressureHead(ser, &psis));
  PetscCall(GatherNatural(par, psip, &allp));
  PetscCall(GatherNatural(ser, psis, &alls));
  PetscCall(VecGetArrayRead(allp, &a));
  PetscCall(VecGetArrayRead(alls, &b));
  for (PetscInt c = 0; c < NX * NY * NZ; c++) {
    diff  = PetscMax(diff, PetscAbsReal(a[c] - b[c]));
    scale = PetscMax(scale, PetscAbsReal(b[c]));
  }
  PetscCall(VecRestoreArrayRead(allp, &a));
  PetscCall(VecRestoreArrayRead(alls, &b));
  PetscCall(GWTestBelow(&t, "ranks_vs_serial_max_psi_diff_rel", diff / scale, 1e-8));
  PetscCall(GWTestBelow(&t, "parallel_max_step_mass_balance_rel", mbp, 1e-8));
  PetscCall(GWTestBelow(&t, "serial_max_step_mass_balance_rel", mbs, 1e-8));

  /* the top cell of the dry column, under the -150 m boundary, must still be near residual */
  PetscCall(GWModelGetMaterial(par, 0, &loam));
  PetscCall(GWMaterialGetWaterContentLimits(loam, &thr, &ths));
  {
    DM da;
    PetscCall(GWModelGetDM(par, &da));
    PetscCall(DMCreateGlobalVector(da, &theta));
  }
  PetscCall(GWModelComputeWaterContent(par, theta));
  PetscCall(GatherNatural(par, theta, &thall));
  PetscCall(VecGetArrayRead(thall, &th));
  thmax = 0; /* the wettest cell of the dry column */
  for (PetscInt k = 0; k < NZ; k++) thmax = PetscMax(thmax, th[4 + NX * (1 + NY * k)]);
  PetscCall(VecRestoreArrayRead(thall, &th));
  PetscCall(GWTestBelow(&t, "dry_column_max_effective_saturation_at_end", (thmax - thr) / (ths - thr), 0.05));

  /* cumulative budget closes: storage change = sum of package in - out */
  {
    PetscReal dS, net = 0, in, out, abscum, relcum;
    PetscInt  np;
    PetscCall(GWModelGetStorageChange(par, NULL, &dS));
    PetscCall(GWModelGetNumPackages(par, &np));
    for (PetscInt p = 0; p < np; p++) {
      PetscCall(GWModelGetPackageBudget(par, p, NULL, NULL, &in, &out));
      net += in - out;
    }
    PetscCall(GWModelGetMassBalanceError(par, NULL, NULL, &abscum, &relcum));
    PetscCall(GWTestAbs(&t, "cumulative_storage_vs_net_inflow_m3", dS, net, 1e-8 * PetscMax(PetscAbsReal(net), 1.0)));
    PetscCall(GWTestBelow(&t, "cumulative_mass_balance_rel", relcum, 1e-8));
    /* zone budgets (loam, sand, pit): each closes, storage adds up, and the flow out of each zone
       counted by its own cells equals the flow into the others counted by theirs */
    {
      PetscReal c[3][5], sum = 0;
      char      name[64];
      for (PetscInt z = 0; z < 3; z++) {
        PetscReal out = 0, f;
        PetscCall(GWModelGetZoneBudget(par, z, NULL, c[z]));
        PetscCall(PetscSNPrintf(name, sizeof(name), "zone%d_balance_m3", (int)z));
        PetscCall(GWTestAbs(&t, name, c[z][0], c[z][1] - c[z][2] + c[z][3] - c[z][4], 1e-8 * PetscAbsReal(dS)));
        for (PetscInt z2 = 0; z2 < 3; z2++) {
          PetscCall(GWModelGetZoneFlow(par, z, z2, &f));
          out += f;
        }
        PetscCall(PetscSNPrintf(name, sizeof(name), "zone%d_outflow_both_sides_m3", (int)z));
        PetscCall(GWTestAbs(&t, name, c[z][4], out, 1e-10 * PetscMax(PetscAbsReal(out), 1.0)));
        sum += c[z][0];
      }
      PetscCall(GWTestAbs(&t, "zone_storage_sum_m3", sum, dS, 1e-10 * PetscAbsReal(dS)));
    }
  }
  PetscCall(VecDestroy(&thall));
  PetscCall(VecDestroy(&theta));
  PetscCall(VecDestroy(&allp));
  PetscCall(VecDestroy(&alls));
  PetscCall(GWModelDestroy(&par));
  PetscCall(GWModelDestroy(&ser));
  status = GWTestFinish(&t);
  PetscCall(PetscFinalize());
  return status;
}
