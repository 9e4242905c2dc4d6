/* Two-dimensional plume from a continuous strip source in uniform flow (issue 11's acceptance):
   a saturated plan domain (one layer) with uniform flow along x from fixed heads on the west and
   east faces, pore velocity v = 0.5 m/d, alpha_L = 5 m, alpha_T = 0.5 m, no molecular diffusion.
   From t = 0 the concentration on the west face is held at c0 = 1 over the source strip
   |y| <= W/2 (W = 22 m) and at 0 elsewhere (first type on the whole inflow face); t = 200 d.
   Reference: Wexler (1992, USGS TWRI 3-B7, "Analytical solutions for one-, two-, and three-
   dimensional solute transport in ground-water systems with uniform flow", the strip source in an
   aquifer of infinite width):

     c/c0 = x / (2 sqrt(pi D_L)) int_0^t s^(-3/2) exp(-(x - v s)^2 / (4 D_L s))
              1/2 [erf((y + W/2) / (2 sqrt(D_T s))) - erf((y - W/2) / (2 sqrt(D_T s)))] ds

   with D_L = alpha_L v, D_T = alpha_T v. It is evaluated here by Gauss-Legendre quadrature in
   u = s^(-1/2) (which removes the s^(-3/2) singularity), checked (1) for an infinitely wide strip
   against the closed form of Ogata and Banks (1961) and (2) against the independent table
   lib/tests/data/plume2d_wexler_strip_t200d.csv (SciPy quad in s, lib/tests/data/plume2d_wexler.py).
   The domain is long and wide enough (250 m x 122 m) for the reference of an unbounded aquifer: at
   t = 200 d (the front at vt = 100 m) that reference is at most 2.6e-8 c0 on the closed side faces
   and 1.1e-6 c0 on the outflow face.
   Compared: every cell of the centreline row (y = 0) and every cell of the transverse section at
   x = 51 m; the error is |c - c_ref| / c0. Upwind backward Euler adds a longitudinal numerical
   dispersion of about v dx/2 (1 + Cr): on the default 2 m cells with 2 d steps (grid Peclet number
   dx/alpha_L = 0.4, Cr = 0.5) that is 30% of the physical alpha_L v; the tolerance is the
   acceptance's 3% of c0 (measured: 2.7% on the centreline, 1.0% on the section).
   validation/12_plume2d refines the grid to 1 and 0.5 m cells. No transverse numerical dispersion:
   the flow is along the grid axis.
   Mass balance: every step's solute balance to 1e-10 relative, and the mass in the domain equals
   the cumulative net inflow across the west and east faces to 1e-10.
   On 2 MPI ranks (test_transport_plume2d_np2.sh) the same run on 2 ranks and on rank 0 alone must
   agree to 1e-8 at every cell, with the same checks. Options -nx, -ny, -dt_days, -tol change the
   grid (for a refinement study; ny must be odd, W/dy an odd integer). */
#include <gw.h>
#include "gwtest.h"

#define DAY 86400.0

static const PetscReal v_p = 0.5 / DAY, alphaL = 5.0, alphaT = 0.5, theta_s = 0.3, K = 1e-4, t_end = 200 * DAY;
static const PetscReal L_X = 250.0, W_Y = 122.0, W_SRC = 22.0, X_SECTION = 51.0;

/* Gauss-Legendre nodes and weights on [-1, 1], 8 points */
static const PetscReal gl_x[8] = {-0.9602898564975363, -0.7966664774136267, -0.5255324099163290, -0.1834346424956498, 0.1834346424956498, 0.5255324099163290, 0.7966664774136267, 0.9602898564975363};
static const PetscReal gl_w[8] = {0.1012285362903763, 0.2223810344533745, 0.3137066458778873, 0.3626837833783620, 0.3626837833783620, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763};

/* Wexler's strip-source solution at (x, y, t) for a strip of width w (w <= 0: infinitely wide),
   in u = s^(-1/2): c/c0 = x / sqrt(pi D_L) int_{t^(-1/2)}^inf exp(-(x u - v/u)^2 / (4 D_L)) B(u) du,
   B = 1/2 [erf(u (y + w/2) / (2 sqrt(D_T))) - erf(u (y - w/2) / (2 sqrt(D_T)))]. The integrand is
   below exp(-40) of its peak beyond x u - v/u = 2 sqrt(40 D_L). */
static PetscReal Wexler(PetscReal x, PetscReal y, PetscReal t, PetscReal w)
{
  const PetscInt npanel = 400;
  PetscReal      DL = alphaL * v_p, DT = alphaT * v_p, v = v_p, g = 2 * PetscSqrtReal(40 * DL);
  PetscReal      u0 = 1 / PetscSqrtReal(t), u1 = (g + PetscSqrtReal(g * g + 4 * x * v)) / (2 * x), h, sum = 0;

  if (u1 <= u0) return 0.0;
  h = (u1 - u0) / npanel;
  for (PetscInt p = 0; p < npanel; p++)
    for (PetscInt q = 0; q < 8; q++) {
      PetscReal u = u0 + h * (p + 0.5 * (gl_x[q] + 1)), e = x * u - v / u;
      PetscReal B = w > 0 ? 0.5 * (erf(u * (y + 0.5 * w) / (2 * PetscSqrtReal(DT))) - erf(u * (y - 0.5 * w) / (2 * PetscSqrtReal(DT)))) : 1.0;
      sum += 0.5 * h * gl_w[q] * PetscExpReal(-e * e / (4 * DL)) * B;
    }
  return x / PetscSqrtReal(PETSC_PI * DL) * sum;
}

/* Ogata and Banks (1961): the limit of an infinitely wide strip. */
static PetscReal OgataBanks(PetscReal x, PetscReal t)
{
  PetscReal D = alphaL * v_p, s = 2 * PetscSqrtReal(D * t);
  return 0.5 * erfc((x - v_p * t) / s) + 0.5 * PetscExpReal(v_p * x / D) * erfc((x + v_p * t) / s);
}

/* Runs the plume on comm with nx x ny cells and steps of dt; returns the concentration field on
   rank 0 of comm (array of nx ny, i fastest, to free) and the largest per-step relative solute
   mass-balance error, and checks the mass identity. */
static PetscErrorCode RunPlume(GWTest *t, MPI_Comm comm, PetscInt nx, PetscInt ny, PetscReal dt, const char tag[], PetscReal **cout, PetscReal *mbmax)
{
  GWModel            m;
  GWMaterial         sand;
  GWPackage          src, west, east;
  GWSolute           s;
  Vec                c, cn, c0;
  VecScatter         sc;
  DM                 da;
  PetscReal          dz = 10.0, dx = L_X / nx, dy = W_Y / ny, dH = v_p * theta_s * L_X / K, tm, rel, in[3], out[3], md, ms, scale;
  PetscInt           jc = ny / 2, half = ((PetscInt)PetscFloorReal(W_SRC / dy + 0.5) - 1) / 2, steps, its;
  char               name[128];
  PetscMPIInt        rank;
  const PetscScalar *a;

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCall(GWMaterialCreate(comm, &sand));
  PetscCall(GWMaterialSetType(sand, GWMATERIALVANGENUCHTEN));
  PetscCall(GWMaterialVanGenuchtenSetParameters(sand, 14.5, 2.68));
  PetscCall(GWMaterialSetWaterContentLimits(sand, 0.045, theta_s));
  PetscCall(GWMaterialSetHydraulicConductivity(sand, K, K, K));
  PetscCall(GWModelCreate(comm, &m));
  PetscCall(GWModelSetGridSize(m, nx, ny, 1));
  PetscCall(GWModelSetUniformCellWidths(m, dx, dy));
  PetscCall(GWModelSetUniformLayers(m, 0.0, &dz));
  PetscCall(GWModelAddMaterial(m, sand, NULL));
  /* the inflow face: the source strip (rows jc - half .. jc + half) and the rest of it */
  PetscCall(GWPackageCreate(comm, &src));
  PetscCall(GWPackageSetType(src, GWPACKAGEHEAD));
  PetscCall(GWPackageSetName(src, "source"));
  PetscCall(GWPackageAddCellRange(src, 0, 0, jc - half, jc + half, 0, 0, GW_FACE_WEST));
  PetscCall(GWPackageSetValue(src, 100.0 + dH));
  PetscCall(GWModelAddPackage(m, src));
  PetscCall(GWPackageCreate(comm, &west));
  PetscCall(GWPackageSetType(west, GWPACKAGEHEAD));
  PetscCall(GWPackageSetName(west, "west"));
  PetscCall(GWPackageAddCellRange(west, 0, 0, 0, jc - half - 1, 0, 0, GW_FACE_WEST));
  PetscCall(GWPackageAddCellRange(west, 0, 0, jc + half + 1, ny - 1, 0, 0, GW_FACE_WEST));
  PetscCall(GWPackageSetValue(west, 100.0 + dH));
  PetscCall(GWModelAddPackage(m, west));
  PetscCall(GWPackageCreate(comm, &east));
  PetscCall(GWPackageSetType(east, GWPACKAGEHEAD));
  PetscCall(GWPackageSetName(east, "east"));
  PetscCall(GWPackageAddCellRange(east, nx - 1, nx - 1, 0, ny - 1, 0, 0, GW_FACE_EAST));
  PetscCall(GWPackageSetValue(east, 100.0));
  PetscCall(GWModelAddPackage(m, east));
  PetscCall(GWSoluteCreate(comm, &s));
  PetscCall(GWSoluteSetName(s, "tracer"));
  PetscCall(GWSoluteSetDispersivity(s, -1, alphaL, alphaT));
  PetscCall(GWSoluteSetPackageConcentration(s, src, 1.0, GW_SOLUTE_FIXED));
  PetscCall(GWSoluteSetPackageConcentration(s, west, 0.0, GW_SOLUTE_FIXED));
  PetscCall(GWModelAddSolute(m, s));
  PetscCall(GWModelSetInitialWaterTable(m, 100.0));
  PetscCall(GWModelSetTimeStepLimits(m, dt, 1e-3, dt));
  PetscCall(GWModelSetFromOptions(m));
  PetscCall(GWModelSetUp(m));
  *mbmax = 0;
  for (;;) {
    PetscCall(GWModelGetTime(m, &tm));
    if (t_end - tm <= 1e-9 * t_end) break;
    PetscCall(GWModelStep(m, t_end));
    PetscCall(GWSoluteGetMassBalanceError(s, NULL, &rel, NULL, NULL));
    *mbmax = PetscMax(*mbmax, rel);
  }
  /* mass in the domain = cumulative inflow - outflow through the three packages (the dispersive
     flow out of the domain across the clean part of the west face counts as outflow) */
  scale = 0;
  for (PetscInt p = 0; p < 3; p++) {
    PetscCall(GWSoluteGetPackageBudget(s, p, NULL, NULL, &in[p], &out[p]));
    scale += in[p] + out[p];
  }
  PetscCall(GWSoluteGetTotalMass(s, &md, &ms));
  PetscCall(PetscSNPrintf(name, sizeof(name), "%s_mass_in_domain_equals_net_inflow_kg", tag));
  PetscCall(GWTestAbs(t, name, (md + ms) / scale, (in[0] - out[0] + in[1] - out[1] + in[2] - out[2]) / scale, 1e-10));
  PetscCall(GWModelGetStepStatistics(m, &steps, NULL, NULL));
  PetscCall(GWSoluteGetLinearIterations(s, &its));
  PetscCall(PetscPrintf(comm, "%s: %" PetscInt_FMT " x %" PetscInt_FMT " cells of %g x %g m, source rows %" PetscInt_FMT "-%" PetscInt_FMT ", %" PetscInt_FMT " steps, %" PetscInt_FMT " transport Krylov iterations; cumulative in %.6e kg (source), out %.6e kg (west), %.6e kg (east), in domain %.6e kg\n", tag, nx, ny, (double)dx, (double)dy, jc - half, jc + half, steps, its, (double)in[0], (double)out[1], (double)out[2], (double)md));
  /* the field in the natural ordering (i fastest), gathered on rank 0 */
  PetscCall(GWSoluteGetConcentration(s, &c));
  PetscCall(VecGetDM(c, &da));
  PetscCall(DMDACreateNaturalVector(da, &cn));
  PetscCall(DMDAGlobalToNaturalBegin(da, c, INSERT_VALUES, cn));
  PetscCall(DMDAGlobalToNaturalEnd(da, c, INSERT_VALUES, cn));
  PetscCall(VecScatterCreateToZero(cn, &sc, &c0));
  PetscCall(VecScatterBegin(sc, cn, c0, INSERT_VALUES, SCATTER_FORWARD));
  PetscCall(VecScatterEnd(sc, cn, c0, INSERT_VALUES, SCATTER_FORWARD));
  PetscCall(VecDestroy(&cn));
  *cout = NULL;
  if (!rank) {
    PetscCall(PetscMalloc1(nx * ny, cout));
    PetscCall(VecGetArrayRead(c0, &a));
    PetscCall(PetscArraycpy(*cout, a, nx * ny));
    PetscCall(VecRestoreArrayRead(c0, &a));
  }
  PetscCall(VecScatterDestroy(&sc));
  PetscCall(VecDestroy(&c0));
  PetscCall(GWSoluteDestroy(&s));
  PetscCall(GWPackageDestroy(&src));
  PetscCall(GWPackageDestroy(&west));
  PetscCall(GWPackageDestroy(&east));
  PetscCall(GWMaterialDestroy(&sand));
  PetscCall(GWModelDestroy(&m));
  PetscFunctionReturn(0);
}

int main(int argc, char **argv)
{
  GWTest      t  = {0, 0};
  PetscInt    nx = 125, ny = 61, nrow = 0, ncol = 0, isec;
  PetscReal   dt = 2.0, tol = 0.03, *c = NULL, *tab = NULL, mbmax, tabmax = 0, obmax = 0, errc = 0, xerr = 0, errs = 0, yerr = 0, dx, dy;
  PetscMPIInt size, rank;
  char        path[PETSC_MAX_PATH_LEN];
  int         status;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  PetscCallMPI(MPI_Comm_size(PETSC_COMM_WORLD, &size));
  PetscCallMPI(MPI_Comm_rank(PETSC_COMM_WORLD, &rank));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-nx", &nx, NULL));
  PetscCall(PetscOptionsGetInt(NULL, NULL, "-ny", &ny, NULL));
  PetscCall(PetscOptionsGetReal(NULL, NULL, "-dt_days", &dt, NULL));
  PetscCall(PetscOptionsGetReal(NULL, NULL, "-tol", &tol, NULL));
  dx = L_X / nx;
  dy = W_Y / ny;
  PetscCheck(ny % 2 == 1 && PetscAbsReal(W_SRC / dy - PetscFloorReal(W_SRC / dy + 0.5)) < 1e-9 && ((PetscInt)PetscFloorReal(W_SRC / dy + 0.5)) % 2 == 1, PETSC_COMM_WORLD, PETSC_ERR_ARG_OUTOFRANGE, "-ny %" PetscInt_FMT ": needs an odd number of rows with %g m / dy an odd integer (the source strip centred on the centreline row)", ny, (double)W_SRC);
  dt *= DAY;

  /* the quadrature: an infinitely wide strip is Ogata-Banks; then the independent table */
  for (PetscInt q = 1; q <= 50; q++) obmax = PetscMax(obmax, PetscAbsReal(Wexler(5.0 * q, 0.0, t_end, 0.0) - OgataBanks(5.0 * q, t_end)));
  PetscCall(GWTestBelow(&t, "quadrature_infinite_strip_vs_ogata_banks_max_abs", obmax, 1e-9));
  PetscCall(GWTestSourcePath("lib/tests/data/plume2d_wexler_strip_t200d.csv", path, sizeof(path)));
  PetscCall(GWTestReadTable(path, &nrow, &ncol, &tab));
  for (PetscInt r = 0; r < nrow; r++) tabmax = PetscMax(tabmax, PetscAbsReal(Wexler(tab[r * ncol], tab[r * ncol + 1], t_end, W_SRC) - tab[r * ncol + 2]));
  PetscCall(PetscFree(tab));
  PetscCall(GWTestBelow(&t, "quadrature_vs_reference_table_max_abs", nrow >= 30 ? tabmax : PETSC_MAX_REAL, 1e-7));

  PetscCall(RunPlume(&t, PETSC_COMM_WORLD, nx, ny, dt, "plume", &c, &mbmax));
  PetscCall(GWTestBelow(&t, "plume_max_step_solute_mass_balance_rel", mbmax, 1e-10));
  isec = (PetscInt)(X_SECTION / dx);
  if (!rank) {
    PetscInt jc = ny / 2;
    for (PetscInt i = 0; i < nx; i++) { /* the centreline row */
      PetscReal x = (i + 0.5) * dx, e = PetscAbsReal(c[jc * nx + i] - Wexler(x, 0.0, t_end, W_SRC));
      if (e > errc) {
        errc = e;
        xerr = x;
      }
    }
    for (PetscInt j = 0; j < ny; j++) { /* the transverse section through the column holding x = X_SECTION */
      PetscReal y = (j - jc) * dy, e = PetscAbsReal(c[j * nx + isec] - Wexler((isec + 0.5) * dx, y, t_end, W_SRC));
      if (e > errs) {
        errs = e;
        yerr = y;
      }
    }
  }
  PetscCallMPI(MPI_Bcast(&errc, 1, MPIU_REAL, 0, PETSC_COMM_WORLD));
  PetscCallMPI(MPI_Bcast(&errs, 1, MPIU_REAL, 0, PETSC_COMM_WORLD));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "plume: grid Peclet number dx/alpha_L = %g, Courant number %g; largest error on the centreline %.4e of c0 at x = %g m, on the section x = %g m %.4e of c0 at y = %g m\n", (double)(dx / alphaL), (double)(v_p * dt / dx), (double)errc, (double)xerr, (double)((isec + 0.5) * dx), (double)errs, (double)yerr));
  PetscCall(GWTestBelow(&t, "plume_centreline_max_abs_error_over_c0", errc, tol));
  PetscCall(GWTestBelow(&t, "plume_transverse_section_max_abs_error_over_c0", errs, tol));
  if (size > 1) { /* the same run on rank 0 alone */
    PetscReal d = 0;
    if (!rank) {
      GWTest     ts = {0, 0};
      PetscReal *cser, mbser;
      PetscCall(RunPlume(&ts, PETSC_COMM_SELF, nx, ny, dt, "one_rank", &cser, &mbser));
      for (PetscInt q = 0; q < nx * ny; q++) d = PetscMax(d, PetscAbsReal(c[q] - cser[q]));
      PetscCall(PetscFree(cser));
      if (ts.nfail || !(mbser <= 1e-10)) d = PETSC_MAX_REAL;
    }
    PetscCallMPI(MPI_Bcast(&d, 1, MPIU_REAL, 0, PETSC_COMM_WORLD));
    PetscCall(GWTestBelow(&t, "plume_one_vs_two_ranks_max_abs", d, 1e-8));
  }
  PetscCall(PetscFree(c));
  status = GWTestFinish(&t);
  PetscCall(PetscFinalize());
  return status;
}
