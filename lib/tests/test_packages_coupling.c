/* Package-level coupling: a package type defined here, outside the library, couples two distant
   cells through an unknown of its own (the head in a pipe), solved in the same Newton iteration.

   Pipe: cells a and b, each joined to the pipe node by a conductance C [m^2/s]:
     Q_a = C (H_p - H_a),  Q_b = C (H_p - H_b)   (rates into the cells),
     r_p = Q_a + Q_b = 0                           (no storage in the pipe).
   Reference: a confined 1D aquifer of 11 cells between fixed heads, with the pipe from cell 2 to
   cell 7, at steady state, is a linear resistor network; its heads come from a dense solve of
   Kirchhoff's equations written here, independent of the library's assembly. Checks: heads and
   pipe head against that solve (1e-9 m), pipe flows equal and opposite, mass balance (1e-10),
   the Jacobian of the whole system (cells and pipe unknown) against finite differences (1e-6),
   and the same model read from a YAML scenario with the type registered here.
   Per-cell package data: one head package whose head differs on each of 12 top faces, built by
   the API (GWPackageSetValues()), read from YAML (a CSV series with one column per cell), and read
   from a NetCDF field (heads in cm, and a conductance field), then halved by the registry's
   value_multiplier and run again after a reset. */
#include <gw.h>
#include <gw/private/modelimpl.h>
#include "gwtest.h"
#include <netcdf.h>

#define NX 11
#define IA 2
#define IB 7

static const GWPackageSlot PipeParams[] = {
    {"conductance", "m^2/s", PETSC_NAN, "conductance between the pipe and each of its two cells"}};

static PetscErrorCode PipeSetUp(GWPackage pkg, GWModel m)
{
  PetscFunctionBeginUser;
  (void)m;
  PetscCheck(pkg->ncell == 2, PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_WRONGSTATE, "A pipe joins exactly two cells, not %" PetscInt_FMT, pkg->ncell);
  PetscCheck(pkg->param[0] > 0, PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_OUTOFRANGE, "Pipe conductance must be positive");
  PetscCall(GWPackageSetNumUnknowns(pkg, 1));
  PetscFunctionReturn(0);
}

/* First guess of the pipe head: the mean hydraulic head of its two cells (collective). */
static PetscErrorCode PipeInitialGuess(GWPackage pkg, GWModel m, PetscScalar *u)
{
  Vec                psi;
  const PetscScalar *x;
  PetscScalar     ***a;
  PetscReal          sum = 0;

  PetscFunctionBeginUser;
  PetscCall(GWModelGetPressureHead(m, &psi));
  PetscCall(DMDAVecGetArrayRead(m->da, psi, &a));
  for (PetscInt e = 0; e < pkg->nentry; e++) sum += a[pkg->entry[e].k][pkg->entry[e].j][pkg->entry[e].i] + pkg->entry[e].zc;
  PetscCall(DMDAVecRestoreArrayRead(m->da, psi, &a));
  PetscCall(MPIU_Allreduce(MPI_IN_PLACE, &sum, 1, MPIU_REAL, MPIU_SUM, PetscObjectComm((PetscObject)m)));
  u[0] = 0.5 * sum;
  (void)x;
  PetscFunctionReturn(0);
}

static PetscErrorCode PipeResidual(GWPackage pkg, GWModel m, const GWPackageState *st, PetscReal *Q, PetscScalar *r)
{
  PetscFunctionBeginUser;
  (void)m;
  for (PetscInt e = 0; e < pkg->nentry; e++) {
    const GWPackageEntry *en = &pkg->entry[e];
    PetscReal             C  = GWPackageEntryParameter(pkg, 0, e);
    Q[e]                     = C * (st->u[0] - (st->psi[en->k][en->j][en->i] + en->zc));
    r[0] += Q[e];
  }
  PetscFunctionReturn(0);
}

static PetscErrorCode PipeJacobian(GWPackage pkg, GWModel m, const GWPackageState *st, Mat J)
{
  PetscFunctionBeginUser;
  (void)st;
  for (PetscInt e = 0; e < pkg->nentry; e++) {
    const GWPackageEntry *en = &pkg->entry[e];
    PetscReal             C  = GWPackageEntryParameter(pkg, 0, e);
    PetscCall(GWPackageAddRateDerivative(pkg, m, J, e, en->i, en->j, en->k, -C));
    PetscCall(GWPackageAddRateUnknownDerivative(pkg, m, J, e, 0, C));
    PetscCall(GWPackageAddUnknownDerivative(pkg, m, J, 0, en->i, en->j, en->k, -C));
    PetscCall(GWPackageAddUnknownUnknownDerivative(pkg, m, J, 0, 0, C));
  }
  PetscFunctionReturn(0);
}

static PetscErrorCode GWPackageCreate_Pipe(GWPackage pkg)
{
  PetscFunctionBeginUser;
  pkg->ops->setup        = PipeSetUp;
  pkg->ops->residual     = PipeResidual;
  pkg->ops->jacobian     = PipeJacobian;
  pkg->ops->initialguess = PipeInitialGuess;
  pkg->needs_value       = PETSC_FALSE;
  PetscCall(GWPackageDeclare_Private(pkg, 0, NULL, 1, PipeParams, 0, NULL, 0, NULL));
  PetscFunctionReturn(0);
}

/* A constitutive model registered here too, with a declared parameter, so the YAML scenario can
   use it: Se = kr = exp(alpha psi) below saturation (the pipe network stays saturated, so the
   answer does not depend on it; the point is that the reader and the registry find alpha). */
static const GWMaterialParameterDoc ExpParams[] = {
    {"alpha", "1/m", "rate of the exponential decay with suction"}};

static PetscErrorCode ExpEvaluate(GWMaterial mat, PetscReal psi, PetscReal *Se, PetscReal *dSe, PetscReal *kr, PetscReal *dkr)
{
  PetscReal a = mat->p[0], e = psi < 0 ? PetscExpReal(a * psi) : 1.0;

  PetscFunctionBeginUser;
  *Se  = e;
  *dSe = psi < 0 ? a * e : 0.0;
  *kr  = e;
  *dkr = *dSe;
  PetscFunctionReturn(0);
}

static PetscErrorCode GWMaterialCreate_TestExponential(GWMaterial mat)
{
  PetscFunctionBeginUser;
  mat->ops->evaluate = ExpEvaluate;
  PetscCall(GWMaterialDeclareParameters(mat, 1, ExpParams));
  PetscFunctionReturn(0);
}

/* Steady heads of the resistor network by Gaussian elimination: unknowns H_0..H_10 and H_p. */
static void NetworkHeads(PetscReal T, PetscReal Tb, PetscReal C, PetscReal Hw, PetscReal He, PetscReal H[NX + 1])
{
  PetscReal A[NX + 1][NX + 2] = {{0}};
  PetscInt  n                 = NX + 1;

  for (PetscInt i = 0; i < NX; i++) {
    if (i > 0) {
      A[i][i] += T;
      A[i][i - 1] -= T;
    }
    if (i < NX - 1) {
      A[i][i] += T;
      A[i][i + 1] -= T;
    }
  }
  A[0][0] += Tb;
  A[0][n] += Tb * Hw;
  A[NX - 1][NX - 1] += Tb;
  A[NX - 1][n] += Tb * He;
  A[IA][IA] += C;
  A[IA][NX] -= C;
  A[IB][IB] += C;
  A[IB][NX] -= C;
  A[NX][NX] += 2 * C;
  A[NX][IA] -= C;
  A[NX][IB] -= C;
  for (PetscInt c = 0; c < n; c++) {
    PetscInt piv = c;
    for (PetscInt r = c + 1; r < n; r++)
      if (PetscAbsReal(A[r][c]) > PetscAbsReal(A[piv][c])) piv = r;
    for (PetscInt q = 0; q <= n; q++) {
      PetscReal tmp = A[c][q];
      A[c][q]       = A[piv][q];
      A[piv][q]     = tmp;
    }
    for (PetscInt r = 0; r < n; r++) {
      PetscReal f;
      if (r == c) continue;
      f = A[r][c] / A[c][c];
      for (PetscInt q = c; q <= n; q++) A[r][q] -= f * A[c][q];
    }
  }
  for (PetscInt i = 0; i < n; i++) H[i] = A[i][n] / A[i][i];
}

#define KS    1e-4
#define DX    1.0
#define DY    2.0
#define THICK 20.0
#define CPIPE 5e-4
#define HW    10.0
#define HE    0.0

/* The saturated aquifer material (K = KS, Ss 1e-5 1/m) and an empty model. */
static PetscErrorCode CreateAquifer(GWMaterial *aq, GWModel *m)
{
  PetscFunctionBeginUser;
  PetscCall(GWMaterialCreate(PETSC_COMM_WORLD, aq));
  PetscCall(GWMaterialSetType(*aq, GWMATERIALVANGENUCHTEN));
  PetscCall(GWMaterialVanGenuchtenSetParameters(*aq, 3.0, 2.0));
  PetscCall(GWMaterialSetWaterContentLimits(*aq, 0.05, 0.35));
  PetscCall(GWMaterialSetHydraulicConductivity(*aq, KS, KS, KS));
  PetscCall(GWMaterialSetSpecificStorage(*aq, 1e-5));
  PetscCall(GWModelCreate(PETSC_COMM_WORLD, m));
  PetscFunctionReturn(0);
}

static PetscErrorCode BuildModel(GWModel *model)
{
  GWModel    m;
  GWMaterial aq;
  GWPackage  west, east, pipe;
  PetscReal  dz = THICK;

  PetscFunctionBeginUser;
  PetscCall(CreateAquifer(&aq, &m));
  PetscCall(GWModelSetGridSize(m, NX, 1, 1));
  PetscCall(GWModelSetUniformCellWidths(m, DX, DY));
  PetscCall(GWModelSetUniformLayers(m, 0.0, &dz));
  PetscCall(GWModelAddMaterial(m, aq, NULL));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &west));
  PetscCall(GWPackageSetType(west, GWPACKAGEHEAD));
  PetscCall(GWPackageAddCell(west, 0, 0, 0, GW_FACE_WEST));
  PetscCall(GWPackageSetValue(west, HW));
  PetscCall(GWModelAddPackage(m, west));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &east));
  PetscCall(GWPackageSetType(east, GWPACKAGEHEAD));
  PetscCall(GWPackageAddCell(east, NX - 1, 0, 0, GW_FACE_EAST));
  PetscCall(GWPackageSetValue(east, HE));
  PetscCall(GWModelAddPackage(m, east));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &pipe));
  PetscCall(GWPackageSetType(pipe, "test-pipe"));
  PetscCall(GWPackageSetName(pipe, "pipe"));
  PetscCall(GWPackageAddCell(pipe, IA, 0, 0, GW_FACE_NONE));
  PetscCall(GWPackageAddCell(pipe, IB, 0, 0, GW_FACE_NONE));
  PetscCall(GWPackageSetParameter(pipe, "conductance", CPIPE));
  PetscCall(GWModelAddPackage(m, pipe));
  PetscCall(GWModelSetInitialPressureHead(m, 15.0));
  PetscCall(GWModelSetTimeStepLimits(m, 1.0, 1e-3, 1e4));
  PetscCall(GWModelSetFromOptions(m));
  PetscCall(GWModelSetUp(m));
  PetscCall(GWPackageDestroy(&west));
  PetscCall(GWPackageDestroy(&east));
  PetscCall(GWPackageDestroy(&pipe));
  PetscCall(GWMaterialDestroy(&aq));
  *model = m;
  PetscFunctionReturn(0);
}

/* Largest |H - Href| over the cells of a row model (every cell, gathered on every rank) [m]. */
static PetscErrorCode MaxHeadError(GWModel m, const PetscReal Href[], PetscReal *err)
{
  Vec                psi, H, Hseq;
  VecScatter         sc;
  const PetscScalar *h;
  PetscInt           n;

  PetscFunctionBeginUser;
  PetscCall(GWModelGetPressureHead(m, &psi));
  PetscCall(VecDuplicate(psi, &H));
  PetscCall(GWModelComputeHydraulicHead(m, H));
  PetscCall(VecScatterCreateToAll(H, &sc, &Hseq));
  PetscCall(VecScatterBegin(sc, H, Hseq, INSERT_VALUES, SCATTER_FORWARD));
  PetscCall(VecScatterEnd(sc, H, Hseq, INSERT_VALUES, SCATTER_FORWARD));
  PetscCall(VecGetSize(Hseq, &n));
  PetscCall(VecGetArrayRead(Hseq, &h));
  *err = 0;
  for (PetscInt i = 0; i < n; i++) *err = PetscMax(*err, PetscAbsReal(h[i] - Href[i]));
  PetscCall(VecRestoreArrayRead(Hseq, &h));
  PetscCall(VecDestroy(&Hseq));
  PetscCall(VecScatterDestroy(&sc));
  PetscCall(VecDestroy(&H));
  PetscFunctionReturn(0);
}

/* Heads, pipe head and flows of a model run to steady state, against the network solve. */
static PetscErrorCode CheckSteady(GWTest *t, GWModel m, const char *tag)
{
  PetscReal          Href[NX + 1], err = 0, rel, in, out;
  const PetscScalar *u;
  GWPackage          pipe;
  PetscInt           nu;
  char               name[64];

  PetscFunctionBeginUser;
  NetworkHeads(KS * DY * THICK / DX, KS * DY * THICK / (0.5 * DX), CPIPE, HW, HE, Href);
  PetscCall(GWModelRun(m, 1e5));
  PetscCall(MaxHeadError(m, Href, &err));
  PetscCall(PetscSNPrintf(name, sizeof(name), "%s_max_head_error_m", tag));
  PetscCall(GWTestBelow(t, name, err, 1e-9));
  PetscCall(GWModelGetPackage(m, 2, &pipe));
  PetscCall(GWPackageGetUnknowns(pipe, &nu, &u));
  PetscCall(PetscSNPrintf(name, sizeof(name), "%s_pipe_head_m", tag));
  PetscCall(GWTestAbs(t, name, u[0], Href[NX], 1e-9));
  PetscCall(GWModelGetPackageBudget(m, 2, NULL, NULL, &in, &out));
  PetscCall(PetscSNPrintf(name, sizeof(name), "%s_pipe_in_equals_out_rel", tag));
  PetscCall(GWTestBelow(t, name, PetscAbsReal(in - out) / out, 1e-10));
  PetscCall(PetscSNPrintf(name, sizeof(name), "%s_pipe_carries_flow_m3", tag));
  PetscCall(GWTestRel(t, name, out / 1e5, CPIPE * 0.5 * (Href[IA] - Href[IB]), 1e-3)); /* the run is steady after its first seconds */
  PetscCall(GWModelGetMassBalanceError(m, NULL, NULL, NULL, &rel));
  PetscCall(PetscSNPrintf(name, sizeof(name), "%s_cumulative_mass_balance_rel", tag));
  PetscCall(GWTestBelow(t, name, rel, 1e-10));
  PetscFunctionReturn(0);
}

/* The Jacobian of the whole system (cells and the pipe head) against finite differences. */
static PetscErrorCode CheckJacobian(GWTest *t, GWModel m)
{
  SNES      snes;
  Mat       J, Jfd;
  Vec       X;
  PetscReal nJ, nD;

  PetscFunctionBeginUser;
  PetscCall(GWModelStep(m, 5.0));
  PetscCall(GWModelGetSNES(m, &snes));
  PetscCall(SNESGetSolution(snes, &X));
  PetscCall(VecShift(X, 0.37)); /* away from the solution: flows through the pipe are not balanced */
  PetscCall(SNESGetJacobian(snes, &J, NULL, NULL, NULL));
  PetscCall(MatDuplicate(J, MAT_DO_NOT_COPY_VALUES, &Jfd));
  PetscCall(MatSetOption(Jfd, MAT_NEW_NONZERO_ALLOCATION_ERR, PETSC_FALSE));
  PetscCall(MatSetOption(Jfd, MAT_NEW_NONZERO_LOCATION_ERR, PETSC_FALSE));
  PetscCall(SNESComputeJacobian(snes, X, J, J));
  PetscCall(SNESComputeJacobianDefault(snes, X, Jfd, Jfd, NULL));
  PetscCall(MatNorm(J, NORM_FROBENIUS, &nJ));
  PetscCall(MatAXPY(Jfd, -1.0, J, DIFFERENT_NONZERO_PATTERN));
  PetscCall(MatNorm(Jfd, NORM_FROBENIUS, &nD));
  PetscCall(GWTestBelow(t, "jacobian_with_pipe_rel_frobenius_diff", nD / nJ, 1e-6));
  PetscCall(MatDestroy(&Jfd));
  PetscFunctionReturn(0);
}

/* One head package on the top faces of a row of cells, with a different head on each face (as along
   a Tracy-style boundary): steady heads against the tridiagonal solve of the same network,
   (2 Tx + Tt) H_i - Tx (H_i-1 + H_i+1) = Tt Htop_i (Tx at the ends for the closed sides). */
#define NR 12
static PetscReal face_scale = 1.0; /* multiplier of the heads along the face (value_multiplier) */

static void FaceHeads(PetscReal Htop[NR])
{
  for (PetscInt i = 0; i < NR; i++) Htop[i] = 2.0 + PetscSinReal(0.7 * i) + 0.1 * i;
}

static PetscErrorCode CheckFaceHeads(GWTest *t, GWModel m, const char *tag)
{
  PetscReal dz = 4.0, Htop[NR], a[NR], b[NR], c[NR], d[NR], Href[NR], err = 0, rel, in, out, qref = 0, t0, t1;
  PetscReal Tx = KS * DY * dz / DX, Tt = KS * DX * DY / (0.5 * dz);
  char      name[64];

  PetscFunctionBeginUser;
  FaceHeads(Htop);
  for (PetscInt i = 0; i < NR; i++) Htop[i] *= face_scale;
  for (PetscInt i = 0; i < NR; i++) {
    a[i] = i > 0 ? -Tx : 0;
    c[i] = i < NR - 1 ? -Tx : 0;
    b[i] = Tt - a[i] - c[i];
    d[i] = Tt * Htop[i];
  }
  for (PetscInt i = 1; i < NR; i++) { /* Thomas algorithm */
    PetscReal w = a[i] / b[i - 1];
    b[i] -= w * c[i - 1];
    d[i] -= w * d[i - 1];
  }
  Href[NR - 1] = d[NR - 1] / b[NR - 1];
  for (PetscInt i = NR - 2; i >= 0; i--) Href[i] = (d[i] - c[i] * Href[i + 1]) / b[i];
  for (PetscInt i = 0; i < NR; i++) qref += PetscAbsReal(Tt * (Htop[i] - Href[i]));
  PetscCall(GWModelRun(m, 1e5));
  PetscCall(GWModelGetTime(m, &t0));
  PetscCall(GWModelStep(m, t0 + 1e4)); /* one more step at steady state */
  PetscCall(GWModelGetTime(m, &t1));
  PetscCall(MaxHeadError(m, Href, &err));
  PetscCall(PetscSNPrintf(name, sizeof(name), "%s_face_heads_max_head_error_m", tag));
  PetscCall(GWTestBelow(t, name, err, 1e-9));
  PetscCall(GWModelGetPackageBudget(m, 0, &in, &out, NULL, NULL));
  PetscCall(PetscSNPrintf(name, sizeof(name), "%s_face_heads_exchange_in_plus_out_m3_per_s", tag));
  PetscCall(GWTestRel(t, name, (in + out) / (t1 - t0), qref, 1e-8));
  PetscCall(GWModelGetMassBalanceError(m, NULL, NULL, NULL, &rel));
  PetscCall(PetscSNPrintf(name, sizeof(name), "%s_face_heads_cumulative_mass_balance_rel", tag));
  PetscCall(GWTestBelow(t, name, rel, 1e-10));
  PetscFunctionReturn(0);
}

/* One head package on the top faces of a row of cells, with a different head on each face (as along
   a Tracy-style boundary): steady heads against the tridiagonal solve of the same network,
   (2 Tx + Tt) H_i - Tx (H_i-1 + H_i+1) = Tt Htop_i (Tx at the ends for the closed sides). */
static PetscErrorCode BuildFaceHeads(GWModel *model)
{
  GWModel    m;
  GWMaterial aq;
  GWPackage  top;
  PetscReal  dz = 4.0, Htop[NR];

  PetscFunctionBeginUser;
  FaceHeads(Htop);
  PetscCall(CreateAquifer(&aq, &m));
  PetscCall(GWModelSetGridSize(m, NR, 1, 1));
  PetscCall(GWModelSetUniformCellWidths(m, DX, DY));
  PetscCall(GWModelSetUniformLayers(m, -10.0, &dz)); /* saturated: H ~ 2 m over cells centred at -12 m */
  PetscCall(GWModelAddMaterial(m, aq, NULL));
  PetscCall(GWPackageCreate(PETSC_COMM_WORLD, &top));
  PetscCall(GWPackageSetType(top, GWPACKAGEHEAD));
  PetscCall(GWPackageAddCellRange(top, 0, NR - 1, 0, 0, 0, 0, GW_FACE_TOP));
  PetscCall(GWPackageSetValues(top, NR, Htop));
  PetscCall(GWModelAddPackage(m, top));
  PetscCall(GWModelSetInitialPressureHead(m, 14.0));
  PetscCall(GWModelSetTimeStepLimits(m, 1.0, 1e-3, 1e4));
  PetscCall(GWModelSetFromOptions(m));
  PetscCall(GWModelSetUp(m));
  PetscCall(GWPackageDestroy(&top));
  PetscCall(GWMaterialDestroy(&aq));
  *model = m;
  PetscFunctionReturn(0);
}

/* The face heads as a NetCDF (y, x) field in cm and the conductance of K A / d as a (y, x) field, in
   a scenario written here (rank 0), read per rank; then the heads halved through the registry
   (packages.top.value_multiplier) after a reset. */
static PetscErrorCode CheckFaceHeadsField(GWTest *t)
{
  GWScenario  sc;
  GWModel     m;
  PetscMPIInt rank;
  PetscReal   v;

  PetscFunctionBeginUser;
  PetscCallMPI(MPI_Comm_rank(PETSC_COMM_WORLD, &rank));
  if (!rank) {
    int       nc, dy, dx, dims[2], vh, vc;
    double    h[NR], c[NR];
    PetscReal Htop[NR];
    FILE     *fp;
    FaceHeads(Htop);
    for (PetscInt i = 0; i < NR; i++) {
      h[i] = 100.0 * Htop[i];
      c[i] = KS * DX * DY / (0.5 * 4.0);
    }
    PetscCheck(nc_create("test_packages_coupling_heads.nc", NC_CLOBBER, &nc) == NC_NOERR, PETSC_COMM_SELF, PETSC_ERR_FILE_OPEN, "cannot create the test's NetCDF file");
    nc_def_dim(nc, "y", 1, &dy);
    nc_def_dim(nc, "x", NR, &dx);
    dims[0] = dy;
    dims[1] = dx;
    nc_def_var(nc, "head", NC_DOUBLE, 2, dims, &vh);
    nc_def_var(nc, "conductance", NC_DOUBLE, 2, dims, &vc);
    nc_enddef(nc);
    nc_put_var_double(nc, vh, h);
    nc_put_var_double(nc, vc, c);
    nc_close(nc);
    fp = fopen("test_packages_coupling_field.yaml", "w");
    PetscCheck(fp, PETSC_COMM_SELF, PETSC_ERR_FILE_OPEN, "cannot write the test's scenario");
    fprintf(fp, "title: heads along a face from a NetCDF field\n"
                "grid: {nx: %d, ny: 1, nz: 1, dx: 1 m, dy: 2 m, top: -10 m, dz: 4 m}\n"
                "materials:\n  - {name: aquifer, model: van-genuchten, alpha: 3 1/m, n: 2, theta_r: 0.05, theta_s: 0.35, K: 1e-4 m/s, Ss: 1e-5 1/m}\n"
                "initial: {pressure_head: 14 m}\n"
                "packages:\n  - name: top\n    type: head\n    cells: {i: [0, %d], face: top}\n"
                "    value: {netcdf: test_packages_coupling_heads.nc, variable: head, unit: cm}\n"
                "    parameters: {conductance: {netcdf: test_packages_coupling_heads.nc, variable: conductance}}\n"
                "time: {end: 1e5 s, dt_init: 1 s, dt_min: 1e-3 s, dt_max: 1e4 s}\noutput: {prefix: test_packages_coupling}\n",
            NR, NR - 1);
    fclose(fp);
  }
  PetscCallMPI(MPI_Barrier(PETSC_COMM_WORLD));
  PetscCall(GWScenarioCreate(PETSC_COMM_WORLD, &sc));
  PetscCall(GWScenarioLoad(sc, "test_packages_coupling_field.yaml"));
  PetscCall(GWScenarioGetModel(sc, &m));
  PetscCall(CheckFaceHeads(t, m, "netcdf"));
  PetscCall(GWModelSetParameter(m, "packages.top.value_multiplier", 0.5));
  PetscCall(GWModelGetParameter(m, "packages.top.value_multiplier", &v));
  PetscCall(GWTestAbs(t, "value_multiplier_get", v, 0.5, 0.0));
  PetscCall(GWModelReset(m));
  face_scale = 0.5;
  PetscCall(CheckFaceHeads(t, m, "netcdf_halved"));
  face_scale = 1.0;
  PetscCall(GWScenarioDestroy(&sc));
  PetscFunctionReturn(0);
}

/* The registered material's declared parameter through the registry: read from YAML, then set. */
static PetscErrorCode CheckDeclaredMaterial(GWTest *t, GWModel m, const char *tag)
{
  PetscReal a;

  PetscFunctionBeginUser;
  (void)tag;
  PetscCall(GWModelGetParameter(m, "materials.aquifer.alpha", &a));
  PetscCall(GWTestAbs(t, "declared_material_parameter_from_yaml", a, 3.0, 0.0));
  PetscCall(GWModelSetParameter(m, "materials.aquifer.alpha", 4.5));
  PetscCall(GWModelGetParameter(m, "materials.aquifer.alpha", &a));
  PetscCall(GWTestAbs(t, "declared_material_parameter_set", a, 4.5, 0.0));
  PetscFunctionReturn(0);
}

static PetscErrorCode CheckScenario(GWTest *t, const char *file, PetscErrorCode (*check)(GWTest *, GWModel, const char *))
{
  GWScenario sc;
  GWModel    m;
  char       path[PETSC_MAX_PATH_LEN];

  PetscFunctionBeginUser;
  PetscCall(GWTestSourcePath(file, path, sizeof(path)));
  PetscCall(GWScenarioCreate(PETSC_COMM_WORLD, &sc));
  PetscCall(GWScenarioLoad(sc, path));
  PetscCall(GWScenarioGetModel(sc, &m));
  PetscCall(check(t, m, "yaml"));
  PetscCall(GWScenarioDestroy(&sc));
  PetscFunctionReturn(0);
}

int main(int argc, char **argv)
{
  GWTest  t = {0, 0};
  GWModel m;
  int     status;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  PetscCall(GWInitializePackage());
  PetscCall(GWPackageRegister("test-pipe", GWPackageCreate_Pipe));
  PetscCall(GWMaterialRegister("test-exponential", GWMaterialCreate_TestExponential));
  PetscCall(BuildModel(&m));
  PetscCall(CheckJacobian(&t, m));
  PetscCall(GWModelDestroy(&m));
  PetscCall(BuildModel(&m));
  PetscCall(CheckSteady(&t, m, "api"));
  PetscCall(GWModelDestroy(&m));
  PetscCall(CheckScenario(&t, "lib/tests/scenarios/pipe.yaml", CheckSteady));
  PetscCall(CheckScenario(&t, "lib/tests/scenarios/pipe.yaml", CheckDeclaredMaterial));
  PetscCall(BuildFaceHeads(&m));
  PetscCall(CheckFaceHeads(&t, m, "api"));
  PetscCall(GWModelDestroy(&m));
  PetscCall(CheckScenario(&t, "lib/tests/scenarios/face_heads.yaml", CheckFaceHeads));
  PetscCall(CheckFaceHeadsField(&t));
  status = GWTestFinish(&t);
  PetscCall(PetscFinalize());
  return status;
}
