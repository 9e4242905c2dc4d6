/* Tracer breakthrough under steady unsaturated flow: a 2 m loam column (Carsel and Parrish 1988)
   on 1 cm cells carries a steady downward flux q = 1 cm/d at the pressure head where K(psi) = q
   (unit gradient, free-drainage bottom: an exact steady state, so theta and the pore velocity
   v = q/theta are uniform). From t = 0 the infiltrating water carries c0 = 1 kg/m3 (third-type
   inlet). The breakthrough curve at 1 m depth, every 2 d from 10 to 50 d, must match the analytic
   solution (Lindstrom et al. 1967; van Genuchten and Alves 1982) with v = q/theta and
   D = alpha_L v + tau Dm, tau = theta^(7/3)/theta_s^2 (Millington and Quirk 1961), within 2% of
   c0. The diffusion coefficient is large (1e-7 m2/s) so that the tortuosity carries about half of
   D and is tested too. Mass balance: every step's solute balance below 1e-10 relative, and the
   mass in the column equals the cumulative inflow minus outflow to 1e-10. On 2 ranks
   (test_transport_unsaturated_np2.sh) the column is split along z, and rank 0 also runs it alone:
   the breakthrough curves agree to 1e-8. */
#include <gw.h>
#include "gwtest.h"

#define NZ  200
#define DAY 86400.0

static const PetscReal q = 0.01 / DAY, alphaL = 0.05, Dm = 1e-7, Ks = 0.2496 / DAY, ths = 0.43, depth = 1.0;

/* third-type inlet, no reaction (Lindstrom et al. 1967) */
static PetscReal Lindstrom(PetscReal v, PetscReal D, PetscReal x, PetscReal t)
{
  PetscReal s = 2 * PetscSqrtReal(D * t);
  return 0.5 * erfc((x - v * t) / s) + PetscSqrtReal(v * v * t / (PETSC_PI * D)) * PetscExpReal(-PetscSqr(x - v * t) / (4 * D * t)) - 0.5 * (1 + v * x / D + v * v * t / D) * PetscExpReal(v * x / D) * erfc((x + v * t) / s);
}

/* Runs the column on comm; returns on every rank the concentration at depth 1 m at the nt times
   (linear between the two cell centres around it), the largest per-step relative solute balance
   error and the water content. */
static PetscErrorCode RunColumn(GWTest *t, MPI_Comm comm, PetscInt nt, const PetscReal times[], PetscReal cb[], PetscReal *mbmax, PetscReal *theta)
{
  GWModel     m;
  GWMaterial  loam;
  GWPackage   top, bot;
  GWSolute    s;
  PetscReal   dz[NZ], psi, lo = -100, hi = 0, kr, in, out, inb, outb, md, tm, rel;
  Vec         c;
  VecScatter  sc;
  Vec         c0;
  PetscMPIInt rank;

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  for (PetscInt k = 0; k < NZ; k++) dz[k] = 2.0 / NZ;
  PetscCall(GWMaterialCreate(comm, &loam));
  PetscCall(GWMaterialSetType(loam, GWMATERIALVANGENUCHTEN));
  PetscCall(GWMaterialVanGenuchtenSetParameters(loam, 3.6, 1.56));
  PetscCall(GWMaterialSetWaterContentLimits(loam, 0.078, ths));
  PetscCall(GWMaterialSetHydraulicConductivity(loam, Ks, Ks, Ks));
  for (PetscInt it = 0; it < 200; it++) { /* K(psi) = q by bisection */
    psi = 0.5 * (lo + hi);
    PetscCall(GWMaterialGetRelativePermeability(loam, psi, &kr, NULL));
    if (kr * Ks > q)
      hi = psi;
    else
      lo = psi;
  }
  PetscCall(GWMaterialGetWaterContent(loam, psi, theta, NULL));
  PetscCall(GWModelCreate(comm, &m));
  PetscCall(GWModelSetGridSize(m, 1, 1, NZ));
  PetscCall(GWModelSetUniformCellWidths(m, 1.0, 1.0));
  PetscCall(GWModelSetUniformLayers(m, 0.0, dz));
  PetscCall(GWModelAddMaterial(m, loam, NULL));
  PetscCall(GWPackageCreate(comm, &top));
  PetscCall(GWPackageSetType(top, GWPACKAGEFLUX));
  PetscCall(GWPackageSetName(top, "infiltration"));
  PetscCall(GWPackageAddCell(top, 0, 0, 0, GW_FACE_TOP));
  PetscCall(GWPackageSetValue(top, q));
  PetscCall(GWModelAddPackage(m, top));
  PetscCall(GWPackageCreate(comm, &bot));
  PetscCall(GWPackageSetType(bot, GWPACKAGEFREEDRAINAGE));
  PetscCall(GWPackageSetName(bot, "drainage"));
  PetscCall(GWPackageAddCell(bot, 0, 0, NZ - 1, GW_FACE_BOTTOM));
  PetscCall(GWModelAddPackage(m, bot));
  PetscCall(GWSoluteCreate(comm, &s));
  PetscCall(GWSoluteSetName(s, "bromide"));
  PetscCall(GWSoluteSetDiffusionCoefficient(s, Dm));
  PetscCall(GWSoluteSetDispersivity(s, -1, alphaL, 0.1 * alphaL));
  PetscCall(GWSoluteSetPackageConcentration(s, top, 1.0, GW_SOLUTE_INFLOW));
  PetscCall(GWModelAddSolute(m, s));
  PetscCall(GWModelSetInitialPressureHead(m, psi));
  PetscCall(GWModelSetTimeStepLimits(m, 0.05 * DAY, 1.0, 0.05 * DAY));
  PetscCall(GWModelSetFromOptions(m));
  PetscCall(GWModelSetUp(m));
  PetscCall(GWSoluteGetConcentration(s, &c));
  PetscCall(VecScatterCreateToAll(c, &sc, &c0));
  *mbmax = 0;
  for (PetscInt n = 0; n < nt; n++) {
    const PetscScalar *a;
    PetscInt           k  = (PetscInt)(depth / dz[0] - 0.5); /* the cell centre above 1 m */
    PetscReal          zk = (k + 0.5) * dz[0], w = (depth - zk) / dz[0];
    for (;;) {
      PetscCall(GWModelGetTime(m, &tm));
      if (times[n] - tm <= 1e-9 * times[n]) break;
      PetscCall(GWModelStep(m, times[n]));
      PetscCall(GWSoluteGetMassBalanceError(s, NULL, &rel, NULL, NULL));
      *mbmax = PetscMax(*mbmax, rel);
    }
    PetscCall(VecScatterBegin(sc, c, c0, INSERT_VALUES, SCATTER_FORWARD));
    PetscCall(VecScatterEnd(sc, c, c0, INSERT_VALUES, SCATTER_FORWARD));
    PetscCall(VecGetArrayRead(c0, &a));
    cb[n] = (1 - w) * a[k] + w * a[k + 1];
    PetscCall(VecRestoreArrayRead(c0, &a));
  }
  PetscCall(GWSoluteGetPackageBudget(s, 0, NULL, NULL, &in, &out));
  PetscCall(GWSoluteGetPackageBudget(s, 1, NULL, NULL, &inb, &outb));
  PetscCall(GWSoluteGetTotalMass(s, &md, NULL));
  PetscCall(GWTestRel(t, "mass_in_column_equals_inflow_minus_outflow_kg", md, in - out + inb - outb, 1e-10));
  PetscCall(VecScatterDestroy(&sc));
  PetscCall(VecDestroy(&c0));
  PetscCall(GWSoluteDestroy(&s));
  PetscCall(GWPackageDestroy(&top));
  PetscCall(GWPackageDestroy(&bot));
  PetscCall(GWMaterialDestroy(&loam));
  PetscCall(GWModelDestroy(&m));
  PetscFunctionReturn(0);
}

int main(int argc, char **argv)
{
  GWTest      t = {0, 0};
  PetscReal   times[21], cb[21], cs[21], mbmax, mbs, theta, v, D, err = 0, terr = 0, d = 0, ths_ = ths;
  PetscInt    nt = 21;
  PetscMPIInt size, rank;
  int         status;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  PetscCallMPI(MPI_Comm_size(PETSC_COMM_WORLD, &size));
  PetscCallMPI(MPI_Comm_rank(PETSC_COMM_WORLD, &rank));
  for (PetscInt n = 0; n < nt; n++) times[n] = (10 + 2 * n) * DAY;
  PetscCall(RunColumn(&t, PETSC_COMM_WORLD, nt, times, cb, &mbmax, &theta));
  v = q / theta;
  D = alphaL * v + PetscPowReal(theta, 7.0 / 3.0) / (ths_ * ths_) * Dm;
  for (PetscInt n = 0; n < nt; n++) {
    PetscReal e = PetscAbsReal(cb[n] - Lindstrom(v, D, depth, times[n]));
    if (e > err) {
      err  = e;
      terr = times[n];
    }
  }
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "theta = %.6f, v = %.6g m/d, D = %.6g m2/d (dispersion %.3g, diffusion %.3g); c(1 m) at 30 d = %.5f (analytic %.5f); largest error %.4e at %g d\n", (double)theta, (double)(v * DAY), (double)(D * DAY), (double)(alphaL * v * DAY), (double)((D - alphaL * v) * DAY), (double)cb[10], (double)Lindstrom(v, D, depth, times[10]), (double)err, (double)(terr / DAY)));
  PetscCall(GWTestBelow(&t, "breakthrough_at_1m_max_abs_error_over_c0", err, 0.02));
  PetscCall(GWTestBelow(&t, "max_step_solute_mass_balance_rel", mbmax, 1e-10));
  if (size > 1) {
    if (!rank) {
      GWTest ts = {0, 0};
      PetscCall(RunColumn(&ts, PETSC_COMM_SELF, nt, times, cs, &mbs, &theta));
      for (PetscInt n = 0; n < nt; n++) d = PetscMax(d, PetscAbsReal(cb[n] - cs[n]));
    }
    PetscCallMPI(MPI_Bcast(&d, 1, MPIU_REAL, 0, PETSC_COMM_WORLD));
    PetscCall(GWTestBelow(&t, "breakthrough_one_vs_two_ranks_max_abs", d, 1e-8));
  }
  status = GWTestFinish(&t);
  PetscCall(PetscFinalize());
  return status;
}
