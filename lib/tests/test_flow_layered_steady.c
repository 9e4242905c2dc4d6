/* Steady infiltration through a layered column: clay over loam over sand (0.5 m each, van
   Genuchten-Mualem, Carsel and Parrish 1988, Water Resour. Res. 24(5), Table 3; the clay with an
   air-entry head of -2 cm, Vogel et al. 2001), a flux of 0.5 cm/d on the top face and the water
   table (pressure head 0) on the bottom face, run to steady state (10^9 s).

   The order is fine over coarse. With sand over loam the steady profile has a boundary layer in
   the sand: psi rises 5 cm within 1 mm above the interface (K_sand at the interface's -0.38 m is
   1% of the flux), which no 0.25 cm cell resolves: the first sand cell is then 5.6 cm from the
   reference and 4.5 cm from a 4x refined run, whatever the face weighting (doc/theory.md).

   Reference: the steady profile solves K(psi) (dpsi/dz + 1) = q, i.e. dpsi/dz = q/K(psi) - 1 from
   psi(0) = 0 upward, with psi continuous across the layer interfaces. It is integrated here by
   RK4 with steps of 6.25e-6 m (the interfaces fall on step ends), with its own van Genuchten-Mualem
   formulas (not the library's): halving the step changes it by less than 1e-9 m.

   Checks (issue 8: a 1D layered column, default settings on 0.25 cm cells):
   1. default settings on 0.25 cm cells (600 cells): max |psi - psi_ref| at the cell centres below
      1% of the reference head range (|psi| at the top);
   2. self-convergence: the same within 1% of the head range of a 4x refined run (0.0625 cm cells,
      mass-balance tolerance 1e-12), interpolated to the coarse centres;
   3. the refined run against the reference (the error must fall under refinement);
   4. steady state: the outflow at the water table equals the inflow q within 1e-6;
   5. mass balance of every step below 1e-8 (relative).
   Measured (pressure-head range 0.466 m): largest error 0.95 mm on 0.25 cm cells and 0.24 mm on
   0.0625 cm cells (0.95 and 0.24 mm with the arithmetic mean, 1.24 and 0.31 mm with upstream);
   0.71 mm between the two grids. The same on 1 and 2 ranks. */
#include <gw.h>
#include "gwtest.h"

#define NLAYER 3
#define HLAYER 0.5 /* layer thickness [m] */

typedef struct {
  PetscReal thr, ths, alpha, n, Ks, hs; /* [-], [-], [1/m], [-], [m/s], [m] */
} Soil;

static const PetscReal qin = 0.5 * 0.01 / 86400.0; /* 0.5 cm/d [m/s] */

/* Carsel and Parrish (1988): clay, loam, sand; top to bottom */
static Soil Soils(PetscInt l)
{
  const Soil s[NLAYER] = {
      {0.068, 0.38, 0.8, 1.09, 4.8 * 0.01 / 86400.0, -0.02},
      {0.078, 0.43, 3.6, 1.56, 24.96 * 0.01 / 86400.0, 0.0},
      {0.045, 0.43, 14.5, 2.68, 712.8 * 0.01 / 86400.0, 0.0}};
  return s[l];
}

/* Mualem conductivity [m/s] of the van Genuchten soil with air entry hs (Vogel et al. 2001,
   Adv. Water Resour. 24, eqs. 4-5): written out here, independently of lib/material. */
static PetscReal Conductivity(const Soil *s, PetscReal h)
{
  PetscReal m = 1 - 1 / s->n, Sc, Se, f, fc;
  if (h >= s->hs) return s->Ks;
  Sc = PetscPowReal(1 + PetscPowReal(s->alpha * PetscAbsReal(s->hs), s->n), -m);
  Se = PetscPowReal(1 + PetscPowReal(s->alpha * PetscAbsReal(h), s->n), -m) / Sc;
  f  = 1 - PetscPowReal(1 - PetscPowReal(Se * Sc, 1 / m), m);
  fc = 1 - PetscPowReal(1 - PetscPowReal(Sc, 1 / m), m);
  return s->Ks * PetscSqrtReal(Se) * (f / fc) * (f / fc);
}

#define NSUB 80000 /* RK4 steps per layer: 6.25e-6 m, a divisor of every cell centre's height */

/* Reference pressure head at heights i L/(NLAYER NSUB), i = 0..NLAYER NSUB, above the bottom [m]:
   RK4 on dpsi/dz = q/K(psi) - 1, layer by layer from the water table up. */
static PetscErrorCode ReferenceProfile(PetscReal **ref)
{
  const PetscReal h = HLAYER / NSUB;
  PetscReal      *p = NULL;
  PetscInt        i = 0;

  PetscFunctionBeginUser;
  PetscCall(PetscMalloc1(NLAYER * NSUB + 1, &p));
  p[0] = 0;
  for (PetscInt l = NLAYER - 1; l >= 0; l--) {
    Soil s = Soils(l);
    for (PetscInt n = 0; n < NSUB; n++, i++) {
      PetscReal psi = p[i], k1, k2, k3, k4;
      k1            = qin / Conductivity(&s, psi) - 1;
      k2            = qin / Conductivity(&s, psi + 0.5 * h * k1) - 1;
      k3            = qin / Conductivity(&s, psi + 0.5 * h * k2) - 1;
      k4            = qin / Conductivity(&s, psi + h * k3) - 1;
      p[i + 1]      = psi + h * (k1 + 2 * k2 + 2 * k3 + k4) / 6;
    }
  }
  *ref = p;
  PetscFunctionReturn(0);
}

/* reference at the centre of cell k (from the top) of nz */
static PetscReal RefAt(const PetscReal *ref, PetscInt nz, PetscInt k)
{
  PetscInt per = (NLAYER * NSUB) / nz; /* steps per cell, even */
  return ref[(nz - 1 - k) * per + per / 2];
}

/* Runs the column on nz cells; returns the gathered profile (cell k from the top, to be freed),
   the largest step mass-balance error and the steady outflow at the bottom over the inflow. */
static PetscErrorCode Run(PetscInt nz, PetscReal mbtol, const PetscReal *ref, PetscReal **prof, PetscReal *maxmb, PetscReal *outratio)
{
  GWModel            m;
  GWMaterial         mat[NLAYER];
  GWPackage          top, bottom;
  PetscReal         *dz, t = 0, tend = 1e9, Qin, Qout;
  PetscInt          *zone;
  Vec                psi, all;
  VecScatter         sc;
  const PetscScalar *x;

  PetscFunctionBeginUser;
  PetscCall(PetscMalloc2(nz, &dz, nz, &zone));
  PetscCall(GWModelCreate(PETSC_COMM_WORLD, &m));
  PetscCall(GWModelSetGridSize(m, 1, 1, nz));
  PetscCall(GWModelSetUniformCellWidths(m, 1.0, 1.0));
  for (PetscInt k = 0; k < nz; k++) {
    dz[k]   = NLAYER * HLAYER / nz;
    zone[k] = (k * NLAYER) / nz; /* 0 clay (top), 1 loam, 2 sand */
  }
  PetscCall(GWModelSetUniformLayers(m, NLAYER * HLAYER, dz));
  for (PetscInt l = 0; l < NLAYER; l++) {
    Soil s = Soils(l);
    PetscCall(GWMaterialCreate(PETSC_COMM_WORLD, &mat[l]));
    PetscCall(GWMaterialSetType(mat[l], GWMATERIALVANGENUCHTEN));
    PetscCall(GWMaterialVanGenuchtenSetParameters(mat[l], s.alpha, s.n));
    if (s.hs < 0) PetscCall(GWMaterialVanGenuchtenSetAirEntry(mat[l], s.hs));
    PetscCall(GWMaterialSetWaterContentLimits(mat[l], s.thr, s.ths));
    PetscCall(GWMaterialSetHydraulicConductivity(mat[l], s.Ks, s.Ks, s.Ks));
    PetscCall(GWModelAddMaterial(m, mat[l], NULL));
  }
  PetscCall(GWModelSetMaterialZones(m, zone));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &top));
  PetscCall(GWPackageSetType(top, GWPACKAGEFLUX));
  PetscCall(GWPackageSetName(top, "infiltration"));
  PetscCall(GWPackageAddCell(top, 0, 0, 0, GW_FACE_TOP));
  PetscCall(GWPackageSetValue(top, qin));
  PetscCall(GWModelAddPackage(m, top));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &bottom));
  PetscCall(GWPackageSetType(bottom, GWPACKAGEHEAD));
  PetscCall(GWPackageSetName(bottom, "water table"));
  PetscCall(GWPackageHeadSetKind(bottom, GW_HEAD_PRESSURE));
  PetscCall(GWPackageAddCell(bottom, 0, 0, nz - 1, GW_FACE_BOTTOM));
  PetscCall(GWPackageSetValue(bottom, 0.0));
  PetscCall(GWModelAddPackage(m, bottom));
  PetscCall(GWModelSetTimeStepLimits(m, 1.0, 1e-6, 1e8));
  if (mbtol > 0) PetscCall(GWModelSetMassBalanceTolerance(m, mbtol));
  PetscCall(GWModelSetFromOptions(m));
  PetscCall(GWModelSetUp(m));
  PetscCall(GWModelGetPressureHead(m, &psi));
  { /* start from the reference: the steady state does not depend on the start, and the outflow
       check below shows it is reached */
    PetscInt       zs, zm;
    PetscScalar ***a;
    DM             da;
    PetscCall(VecGetDM(psi, &da));
    PetscCall(DMDAGetCorners(da, NULL, NULL, &zs, NULL, NULL, &zm));
    PetscCall(DMDAVecGetArray(da, psi, &a));
    for (PetscInt k = zs; k < zs + zm; k++) a[k][0][0] = RefAt(ref, nz, k);
    PetscCall(DMDAVecRestoreArray(da, psi, &a));
  }
  *maxmb = 0;
  while (tend - t > 1e-6 * tend) { /* to targets 10x apart, as output times would be */
    PetscReal rel;
    PetscCall(GWModelStep(m, PetscMin(tend, 10 * PetscMax(t, 1e3))));
    PetscCall(GWModelGetMassBalanceError(m, NULL, &rel, NULL, NULL));
    *maxmb = PetscMax(*maxmb, rel);
    PetscCall(GWModelGetTime(m, &t));
  }
  PetscCall(GWModelGetPackageBudget(m, 0, &Qin, NULL, NULL, NULL)); /* over the last step */
  PetscCall(GWModelGetPackageBudget(m, 1, NULL, &Qout, NULL, NULL));
  *outratio = Qout / Qin;
  PetscCall(VecScatterCreateToAll(psi, &sc, &all));
  PetscCall(VecScatterBegin(sc, psi, all, INSERT_VALUES, SCATTER_FORWARD));
  PetscCall(VecScatterEnd(sc, psi, all, INSERT_VALUES, SCATTER_FORWARD));
  PetscCall(PetscMalloc1(nz, prof));
  PetscCall(VecGetArrayRead(all, &x));
  for (PetscInt k = 0; k < nz; k++) (*prof)[k] = PetscRealPart(x[k]);
  PetscCall(VecRestoreArrayRead(all, &x));
  PetscCall(VecScatterDestroy(&sc));
  PetscCall(VecDestroy(&all));
  PetscCall(GWPackageDestroy(&top));
  PetscCall(GWPackageDestroy(&bottom));
  for (PetscInt l = 0; l < NLAYER; l++) PetscCall(GWMaterialDestroy(&mat[l]));
  PetscCall(GWModelDestroy(&m));
  PetscCall(PetscFree2(dz, zone));
  PetscFunctionReturn(0);
}

int main(int argc, char **argv)
{
  GWTest         t  = {0, 0};
  const PetscInt nc = 600, r = 4, nf = nc * r;
  PetscReal     *pc = NULL, *pf = NULL, *ref = NULL, mbc, mbf, oc, of, range, ec = 0, ef = 0, es = 0;
  int            status;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  PetscCall(ReferenceProfile(&ref));
  range = 0;
  for (PetscInt i = 0; i <= NLAYER * NSUB; i++) range = PetscMax(range, -ref[i]); /* psi from 0 down */
  PetscCall(Run(nc, 0, ref, &pc, &mbc, &oc));
  PetscCall(Run(nf, 1e-12, ref, &pf, &mbf, &of));
  for (PetscInt k = 0; k < nc; k++) {
    /* the coarse centre is the face between refined cells r k + r/2 - 1 and r k + r/2 */
    PetscReal fine = 0.5 * (pf[r * k + r / 2 - 1] + pf[r * k + r / 2]);
    ec             = PetscMax(ec, PetscAbsReal(pc[k] - RefAt(ref, nc, k)));
    es             = PetscMax(es, PetscAbsReal(pc[k] - fine));
  }
  for (PetscInt k = 0; k < nf; k++) ef = PetscMax(ef, PetscAbsReal(pf[k] - RefAt(ref, nf, k)));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "INFO pressure-head range of the reference %.6g m; largest errors: %.3e m (0.25 cm cells), %.3e m (0.0625 cm cells)\n", (double)range, (double)ec, (double)ef));
  PetscCall(GWTestBelow(&t, "dz0.25cm_max_psi_error_vs_rk4_m", ec, 0.01 * range));
  PetscCall(GWTestBelow(&t, "dz0.25cm_max_psi_diff_vs_4x_refined_m", es, 0.01 * range));
  PetscCall(GWTestBelow(&t, "dz0.0625cm_error_below_dz0.25cm_error_m", ef, ec));
  PetscCall(GWTestRel(&t, "dz0.25cm_steady_outflow_over_inflow", oc, 1.0, 1e-6));
  PetscCall(GWTestRel(&t, "dz0.0625cm_steady_outflow_over_inflow", of, 1.0, 1e-6));
  PetscCall(GWTestBelow(&t, "dz0.25cm_max_step_mass_balance_rel", mbc, 1e-8));
  PetscCall(GWTestBelow(&t, "dz0.0625cm_max_step_mass_balance_rel", mbf, 1e-8));
  PetscCall(PetscFree(pc));
  PetscCall(PetscFree(pf));
  PetscCall(PetscFree(ref));
  status = GWTestFinish(&t);
  PetscCall(PetscFinalize());
  return status;
}
