/* Private definition of GWModel (not installed). */
#ifndef GW_PRIVATE_MODELIMPL_H
#define GW_PRIVATE_MODELIMPL_H

#include <gwmodel.h>
#include <gw/private/materialimpl.h>
#include <gw/private/packageimpl.h>
#include <stdint.h>

/* Per-cell geometry held in a ghosted local vector (dof GW_NGEO on a DMDA like the flow DM). */
enum {
  GW_GEO_ZC,    /* elevation of the cell centre [m] */
  GW_GEO_THICK, /* cell thickness [m] */
  GW_GEO_DX,    /* cell width along x [m] */
  GW_GEO_DY,    /* cell width along y [m] */
  GW_GEO_MAT,   /* material index (stored as a real) */
  GW_GEO_ZTOP,  /* top elevation of the cell's column [m], the same in every layer */
  GW_GEO_ZBOT,  /* bottom elevation of the cell [m], as given (ZC - THICK/2 up to rounding) */
  GW_NGEO
};

typedef struct {
  PetscReal  storage;  /* storage increase over the step [m^3] */
  PetscReal *in, *out; /* per package, volume in and out over the step [m^3] */
} GWBudgetStep;

/* The cell with the largest residual of a state, for diagnostics (GWModelFindWorstCell_Private()) */
typedef struct {
  PetscInt  i, j, k;
  PetscReal x, y, z;   /* cell centre [m]: x, y from the grid's west and south edges */
  PetscReal psi, res;  /* pressure head [m]; residual F_c [1/s] */
  char      pkgs[192]; /* names of the packages acting on the cell, comma separated, or "none" */
} GWWorstCell;

struct _p_GWModel {
  PETSCHEADER(int);
  /* grid: sizes and widths replicated on every rank (O(nx + ny)); everything per cell or per
     column is distributed (geometry records on dageo) */
  PetscInt   nx, ny, nz;
  PetscReal *dx, *dy;    /* [nx], [ny] */
  Vec        geoglobal;  /* global geometry (dof GW_NGEO) the setters write before set-up; NULL after */
  PetscBool  layers_set; /* layer elevations were given */
  /* materials and packages */
  PetscInt           nmat, npkg;
  GWMaterial        *mat;
  GWPackage         *pkg;
  GWRelPermWeighting krweight;
  PetscReal          gravity; /* 1: elevation head z counts in the hydraulic head; 0: gravity off (H = psi) */
  /* discretisation */
  DM         da, dageo;         /* created once the grid size is known (GWModelCreateDM_Private()) */
  Vec        geo;               /* local (ghosted) geometry, dof GW_NGEO, from set-up on */
  Vec        psi, psi_old, vol; /* global: pressure head [m], at the start of the step, cell volume [m^3] */
  Vec        theta_old;         /* global: water content at the start of the step [-] */
  Vec        psi_local, work;
  PetscReal *cons;       /* [4 * ghosted cells]: Se, dSe/dpsi, kr, dkr/dpsi at the current iterate */
  PetscReal *cons_psi;   /* [ghosted cells]: the pressure head cons was evaluated at */
  PetscReal *tface;      /* [3 * ghosted cells]: conductance of the +x, +y and lower face [m^2/s] */
  PetscBool  cons_valid; /* cons holds values at cons_psi for the current materials */
  PetscBool  tvalid;     /* tface holds the conductances of the current materials */
  PetscReal *kface;       /* [9 * ghosted cells], allocated on first need: integrated kr of the +x, +y and lower
                             face and its derivatives by the cell's and the neighbour's pressure head */
  PetscBool  kface_valid; /* kface holds the values of the iterate cons was evaluated at */
  PetscBool  kface_on;    /* the cell loops read kface (integrated kr, some ghosted cell unsaturated) */
  PetscScalar ****geo4, ****qface4; /* geo and qface as [k][j][i][dof], fetched once (GWModelGetGeometryArray_Private()) */
  SNES       snes;
  PetscBool  setupcalled;
  /* the Newton system: pressure head per cell (da) and the packages' unknowns (dau, a DMRedundant
     on rank 0; NULL when no package has unknowns), composed in pack */
  DM           pack, dau;
  PetscInt     nunknown;         /* all packages' unknowns */
  Vec          X, wvol, Fw;      /* composite global: solution; cell volume (1 for unknowns); work */
  Vec          u_local, r_local; /* all unknowns on every rank: iterate; residual shares */
  PetscScalar *u, *u_old;        /* [nunknown] converged values, the same on every rank; at step start */
  /* face fluxes of the current state (GWModelComputeFaceFluxes_Private()) */
  DM               daq;    /* dof 3: flow across the +x, +y and lower face of each cell [m^3/s] */
  Vec              qface;  /* local (ghosted) on daq */
  PetscObjectState qstate; /* state of psi they were computed from */
  PetscBool        qvalid; /* cleared when a parameter changes */
  /* work arrays of the per-step computations, allocated once (no allocation in the time loop) */
  PetscScalar *r_work;      /* [nunknown] residual shares of package unknowns not wanted */
  PetscReal   *budget_work; /* [2 npkg + 1 + 5 nmat + nmat^2] package in/out, zone terms, zone flows */
  PetscInt    *col_work;    /* [this rank's columns] lowest unsaturated layer (recharge) */
  /* initial state */
  PetscInt  initkind; /* 0 none (user fills psi), 1 uniform psi, 2 water table */
  PetscReal initvalue;
  Vec       psi_init; /* psi at the first step after set-up or reset, for GWModelReset() */
  PetscReal t_start;  /* time at the first step after set-up or reset [s] */
  /* calendar */
  PetscReal start_date;     /* date of t = 0 [s since 1970-01-01 UTC] */
  PetscBool has_start_date; /* set by GWModelSetStartDate() */
  char      input_hash[24]; /* hash of the input that built the model (a scenario's), "" if none; kept in checkpoints */
  /* time control */
  PetscReal   t, dt, dt_init, dt_min, dt_max;
  PetscReal   dt_grow, dt_cut, dtheta_max;
  PetscInt    it_easy, it_hard, max_cuts;
  PetscInt    nsteps, ncuts, nnewton, nlinear;
  PetscInt    prog_steps, prog_n0;           /* progress guard: window length [steps], nsteps at its start */
  PetscReal   prog_frac, prog_t0, prog_need; /* least fraction; time at the window's start; advance it needs [s] */
  GWWorstCell fail_cell;                     /* worst cell of the last failed Newton solve */
  PetscInt    fail_step;                     /* its step number (0: none yet) */
  PetscReal   fail_t, fail_dt;               /* its start time and time step [s] */
  PetscReal   step_t0, step_t1;              /* interval of the step being solved */
  NormType    dterr_norm;                    /* NORM_INFINITY (default) or NORM_2 (root mean square over the cells) */
  PetscReal   dterr_tol, dterr_est;          /* time-error control: tolerance on water content (0: off); last estimate */
  PetscInt    ndterr;                        /* steps rejected by the time-error estimate */
  Vec         rate_old, rate_new;            /* d(theta)/dt of the last accepted step and of the step being checked [1/s] */
  PetscBool   rate_valid;                    /* rate_old holds the previous step's rate */
  /* Newton acceptance: mass balance */
  PetscReal mb_rtol;
  PetscReal dpsi_max;      /* largest Newton update of psi in a cell [m] (<= 0: no limit) */
  PetscReal l1_prev;       /* unbalanced volume rate at the previous Newton iteration [m^3/s] */
  PetscReal flow_scale;    /* sum of |package rates| at the last residual [m^3/s] */
  PetscReal storage_rate;  /* this rank's net storage rate sum_c V S_c / dt at the last residual [m^3/s] */
  PetscReal face_scale;    /* sum of |face fluxes| and of stored volume / dt at the last residual [m^3/s] */
  PetscBool mb_rejected;   /* the last solve converged by the solver's test but failed the mass-balance gate */
  PetscReal mb_l1, mb_tol; /* its unbalanced volume rate and tolerance [m^3/s] */
  /* the last iterate ConvergenceTest() accepted: the state of the solution vector, its unbalanced
     volume rate, tolerance and round-off floor [m^3/s], so the gate need not evaluate it again */
  PetscObjectState gate_state;
  PetscReal        gate_l1, gate_tol, gate_floor;
  /* the line search's merit function at that iterate, sum of squared unbalanced volume rates
     [m^6/s^2] (Objective() in richards.c); valid until the next residual evaluation */
  PetscReal obj_val;
  PetscBool obj_valid;
  /* linear solver (lib/flow/linear.c) */
  PetscReal newton_tol, newton_floor; /* tolerance and round-off floor of the last Newton test [m^3/s] */
  PetscBool lin_exact;                /* the Jacobian does not depend on the state: solve to the Newton tolerance */
  PetscReal lin_l1_prev;              /* unbalanced volume of the previous checked linear residual [m^3/s] */
  PetscBool lin_confirmed;            /* the last linear solve met the mass-balance target (state-independent Jacobian) */
  void     *kspdefctx;                /* context of KSPConvergedDefault() */
  Vec       lres;                     /* composite global work vector of the linear residual */
  uint64_t  jac_hash;                 /* hash of the last assembled Jacobian's values on this rank */
  PetscBool jac_hash_set;
  PetscBool pc_reuse;     /* the Jacobian equals the one the preconditioner was built from */
  PetscBool auto_solver;  /* no -gw_ksp_type or -gw_pc_type: the solver follows the kind of Jacobian */
  PetscBool auto_linesearch; /* no -gw_snes_linesearch_type: the full step when the Jacobian is state-independent */
  PetscBool ls_basic;        /* the line search type last set automatically is basic (else l2) */
  PetscBool solver_exact; /* the KSP and PC are those for a state-independent Jacobian */
  PetscInt  npcreuse; /* Newton iterations that reused the preconditioner */
  /* budget */
  GWBudgetStep step, cum;
  PetscReal    mb_abs, mb_rel, mb_abs_cum, mb_rel_cum;
  PetscReal    mb_rel_counted; /* mb_rel, or 0 when the step's error is within the round-off floor of its residual */
  PetscInt     mb_nover;                    /* accepted steps whose relative mass-balance error exceeds mb_rtol */
  PetscInt     mb_worst_step;               /* the step with the largest relative error (0: none yet) */
  PetscReal    mb_worst, mb_worst_t;        /* that error and the step's end time [s] */
  PetscReal    recharge_step, recharge_cum; /* net downward flow across the water table [m^3] */
  PetscReal   *zone_step, *zone_cum;        /* [5 nmat]: storage increase, package in, package out, in from and out to other zones [m^3] */
  PetscReal   *zone_flow_cum;               /* [nmat^2]: cumulative flow from zone a to zone b at a * nmat + b [m^3] */
  /* solute transport (lib/transport/); NULL when the model has no solute */
  struct _n_GWTransport *transport;
};

PETSC_EXTERN PetscLogEvent GW_Residual, GW_Jacobian, GW_LinearSolve, GW_Step;

PETSC_INTERN PetscErrorCode GWModelCheckSized_Private(GWModel);
PETSC_INTERN PetscErrorCode GWModelCreateDM_Private(GWModel);
PETSC_INTERN PetscErrorCode GWModelGetGeometry_Private(GWModel, Vec *);
PETSC_INTERN PetscErrorCode GWModelFirstBadCell_Private(GWModel, PetscInt, PetscInt, PetscReal[], PetscInt *);
PETSC_INTERN PetscErrorCode GWModelSetUpGeometry_Private(GWModel);
PETSC_INTERN PetscErrorCode GWModelGetGeometryArray_Private(GWModel, PetscScalar *****);
PETSC_INTERN PetscErrorCode GWModelGetFaceFluxArray_Private(GWModel, PetscScalar *****);
PETSC_INTERN PetscErrorCode GWModelSetUpSolver_Private(GWModel);
PETSC_INTERN PetscErrorCode GWModelSetUpSystem_Private(GWModel);
PETSC_INTERN PetscErrorCode GWModelInitialUnknowns_Private(GWModel);
PETSC_INTERN PetscErrorCode GWModelCreateJacobian_Private(GWModel, Mat *);
PETSC_INTERN PetscErrorCode GWModelSolveStep_Private(GWModel, PetscBool, SNESConvergedReason *, PetscInt *);
PETSC_INTERN PetscErrorCode GWModelCheckStepBalance_Private(GWModel, Vec, PetscBool *, PetscReal *, PetscReal *);
PETSC_INTERN PetscErrorCode GWModelSetUpLinearSolver_Private(GWModel, KSP);
PETSC_INTERN PetscErrorCode GWModelJacobianAssembled_Private(GWModel, Mat, PetscBool);
PETSC_INTERN PetscErrorCode GWModelLinearSolveBegin_Private(GWModel, KSP, Vec, Vec);

/* solute transport hooks (lib/transport/transport.c); called only when model->transport is set */
PETSC_INTERN PetscErrorCode GWModelSetUpTransport_Private(GWModel);
PETSC_INTERN PetscErrorCode GWModelTransportStep_Private(GWModel);
PETSC_INTERN PetscErrorCode GWModelResetTransport_Private(GWModel);
PETSC_INTERN PetscErrorCode GWModelDestroyTransport_Private(GWModel);
/* transport state for checkpoints (lib/transport/state.c) */
PETSC_INTERN PetscErrorCode GWModelTransportGetStateSize_Private(GWModel, PetscInt *);
PETSC_INTERN PetscErrorCode GWModelTransportGetState_Private(GWModel, PetscInt, PetscReal[]);
PETSC_INTERN PetscErrorCode GWModelTransportSetState_Private(GWModel, PetscInt, const PetscReal[]);
PETSC_INTERN PetscErrorCode GWModelTransportGetWaterVolume_Private(GWModel, Vec *, PetscBool *);
PETSC_INTERN PetscErrorCode GWModelTransportSetWaterVolumeValid_Private(GWModel, PetscBool);

PETSC_INTERN PetscErrorCode GWModelFindWorstCell_Private(GWModel, Vec, GWWorstCell *);
PETSC_INTERN PetscErrorCode GWModelGetSystemAccess_Private(GWModel, Vec, Vec *, Vec *);
PETSC_INTERN PetscErrorCode GWModelRestoreSystemAccess_Private(GWModel, Vec, Vec *, Vec *);
PETSC_INTERN PetscErrorCode GWModelCellLocalIndex_Private(GWModel, PetscInt, PetscInt, PetscInt, PetscInt *);
PETSC_INTERN PetscReal      GWModelCellVolume_Private(GWModel, PetscInt, PetscInt, PetscInt);
PETSC_INTERN PetscErrorCode GWModelComputeBudget_Private(GWModel);
PETSC_INTERN PetscErrorCode GWModelEvaluatePackages_Private(GWModel, Vec, const PetscScalar *, PetscScalar *);
PETSC_INTERN PetscErrorCode GWModelComputeWaterTableRecharge_Private(GWModel, PetscReal *);
PETSC_INTERN PetscErrorCode GWModelComputeFaceFluxes_Private(GWModel);
PETSC_INTERN PetscErrorCode GWModelComputeZoneFlows_Private(GWModel, PetscReal, PetscReal *, PetscReal *);
PETSC_INTERN PetscErrorCode GWModelFindWaterTable_Private(GWModel, PetscScalar ***, PetscInt, PetscInt, PetscInt *, PetscReal *);

/* Geometry of a face of a cell along axis dir (0: x, 1: y, 2: z) from the cells' geometry records
   (dof GW_NGEO): its area A [m^2] and the distances dc, dn [m] from the centres of cell c and of its
   neighbour n to it. A vertical face between columns spans the mean thickness of the two cells;
   gn NULL is a face on the boundary of the grid (area from cell c alone, dn = 0). The one place
   face geometry is computed (fluxes, Darcy output, package faces). */
static inline void GWFaceGeometry_Private(const PetscScalar *gc, const PetscScalar *gn, PetscInt dir, PetscReal *A, PetscReal *dc, PetscReal *dn)
{
  PetscReal b = gn ? 0.5 * (gc[GW_GEO_THICK] + gn[GW_GEO_THICK]) : gc[GW_GEO_THICK];

  if (dir == 0) {
    *A  = gc[GW_GEO_DY] * b;
    *dc = 0.5 * gc[GW_GEO_DX];
    *dn = gn ? 0.5 * gn[GW_GEO_DX] : 0.0;
  } else if (dir == 1) {
    *A  = gc[GW_GEO_DX] * b;
    *dc = 0.5 * gc[GW_GEO_DY];
    *dn = gn ? 0.5 * gn[GW_GEO_DY] : 0.0;
  } else {
    *A  = gc[GW_GEO_DX] * gc[GW_GEO_DY];
    *dc = 0.5 * gc[GW_GEO_THICK];
    *dn = gn ? 0.5 * gn[GW_GEO_THICK] : 0.0;
  }
}

/* The six neighbours of a cell: -x, +x, -y, +y, the layer above (k - 1), the layer below (k + 1),
   as offsets di, dj, dk and the axis of the face between them (0: x, 1: y, 2: z). */
static const PetscInt GWNeighbours_Private[6][4] = {
    {-1, 0, 0, 0},
    {1, 0, 0, 0},
    {0, -1, 0, 1},
    {0, 1, 0, 1},
    {0, 0, -1, 2},
    {0, 0, 1, 2}};

/* Flow [m^3/s] into cell (i, j, k) from its neighbour n (0..5: -x, +x, -y, +y, the layer above,
   the layer below) from the stored face fluxes q (GWModelComputeFaceFluxes_Private(), ghosted
   array [k][j][i][3]); the neighbour must be inside the grid. */
static inline PetscReal GWStoredFaceFlux_Private(PetscScalar ****q, PetscInt i, PetscInt j, PetscInt k, PetscInt n)
{
  switch (n) {
  case 0:
    return q[k][j][i - 1][0];
  case 1:
    return -q[k][j][i][0];
  case 2:
    return q[k][j - 1][i][1];
  case 3:
    return -q[k][j][i][1];
  case 4:
    return q[k - 1][j][i][2];
  default:
    return -q[k][j][i][2];
  }
}

/* Two-point conductance A / (d_c/K_c + d_n/K_n) [m^2/s] of a face with area A between centres at
   distances d_c and d_n from it: the harmonic mean of K weighted by distance (symmetric in c, n). */
static inline PetscReal GWFaceConductance_Private(PetscReal A, PetscReal dc, PetscReal Kc, PetscReal dn, PetscReal Kn)
{
  return A / (dc / Kc + dn / Kn);
}

#define GW_KR_LIMITED_WIDTH 1e-2 /* width of the smoothed switch of limited weighting, relative to kr_up */

/* Relative permeability at a face between cell c and neighbour (or boundary) n, with its
   derivatives with respect to psi_c and psi_n. Upstream weighting takes kr of the cell with the
   higher hydraulic head (ties go to c; the flux is then zero either way, so the two sides of a
   face stay exact negatives of each other). Limited weighting takes the arithmetic mean capped at
   the upstream value, min((kr_up + kr_dn)/2, kr_up) = kr_up + min(0, x)/2 with x = kr_dn - kr_up,
   where min(0, x) is smoothed to x s(-x/e), s the logistic function and e = 0.01 kr_up: exact
   for x = 0 (a uniform column carries K exactly) and beyond a few e, and differentiable, so
   Newton keeps its quadratic convergence where faces switch branch. */
static inline void GWFaceRelPerm_Private(GWRelPermWeighting w, PetscReal krc, PetscReal dkrc, PetscReal Hc, PetscReal krn, PetscReal dkrn, PetscReal Hn, PetscReal *kr, PetscReal *dkr_c, PetscReal *dkr_n)
{
  PetscBool upc = (PetscBool) !(Hn > Hc); /* c is upstream */

  if (w == GW_KR_ARITHMETIC) {
    *kr    = 0.5 * (krc + krn);
    *dkr_c = 0.5 * dkrc;
    *dkr_n = 0.5 * dkrn;
  } else if (w == GW_KR_LIMITED) {
    PetscReal kup = upc ? krc : krn, kdn = upc ? krn : krc, x = kdn - kup, e = GW_KR_LIMITED_WIDTH * kup;
    PetscReal sg, dsg, mn, dmdx, dmde, dup, ddn;
    if (e > 0) {
      PetscReal t = -x / e; /* logistic s(t) and s'(t), without overflow */
      sg          = t >= 0 ? 1 / (1 + PetscExpReal(-t)) : PetscExpReal(t) / (1 + PetscExpReal(t));
      dsg         = sg * (1 - sg);
      mn          = x * sg;
      dmdx        = sg + t * dsg;
      dmde        = t * t * dsg;
    } else { /* kr_up = 0: min(0, x) = 0 since kr_dn >= 0 */
      mn = dmdx = dmde = 0;
    }
    *kr    = kup + 0.5 * mn;
    dup    = 1 + 0.5 * (-dmdx + GW_KR_LIMITED_WIDTH * dmde); /* d kr / d kr_up */
    ddn    = 0.5 * dmdx;                                     /* d kr / d kr_dn */
    *dkr_c = upc ? dup * dkrc : ddn * dkrc;
    *dkr_n = upc ? ddn * dkrn : dup * dkrn;
  } else if (!upc) {
    *kr    = krn;
    *dkr_c = 0.0;
    *dkr_n = dkrn;
  } else {
    *kr    = krc;
    *dkr_c = dkrc;
    *dkr_n = 0.0;
  }
}

/* integrated (Kirchhoff) mean of kr over the pressure heads of the two sides (lib/flow/facekr.c) */
PETSC_INTERN PetscErrorCode GWFaceRelPermIntegrated_Private(GWMaterial, GWMaterial, PetscReal, PetscReal, PetscReal, PetscReal, PetscReal, PetscReal, PetscReal *, PetscReal *, PetscReal *);
PETSC_INTERN PetscErrorCode GWModelComputeFaceRelPerm_Private(GWModel, const PetscInt[6], const PetscScalar *, const PetscScalar *);

/* Relative permeability at a face between cell c (material mc, pressure head psic, kr and dkr/dpsi
   krc, dkrc, hydraulic head Hc) and neighbour or boundary n, by the model's weighting, with its
   derivatives with respect to psi_c and psi_n. */
/* Hydraulic-head difference H_n - H_c across a face from the pressure heads and the (gravity-
   scaled) elevations of the two cells: dp = psi_n - psi_c, dz = z_n - z_c, dH = dp + dz. It is
   never formed as (psi_n + z_n) - (psi_c + z_c): each H rounds to eps |H|, so with heads far
   above the datum (100 m in examples/arid_fan_river) the face fluxes carried a round-off of
   T kr eps |H| that kept Newton's unbalanced volume above 1e-10 of the flows; the differences
   round to eps |dH| only. From the other side of the face every term changes sign exactly. */
static inline void GWHeadDifference_Private(PetscReal psic, PetscReal psin, PetscReal zc, PetscReal zn, PetscReal *dp, PetscReal *dz, PetscReal *dH)
{
  *dp = psin - psic;
  *dz = zn - zc;
  *dH = *dp + *dz;
}

static inline PetscErrorCode GWFaceRelPermEvaluate_Private(GWRelPermWeighting w, GWMaterial mc, PetscReal psic, PetscReal krc, PetscReal dkrc, PetscReal Hc, GWMaterial mn, PetscReal psin, PetscReal krn, PetscReal dkrn, PetscReal Hn, PetscReal *kr, PetscReal *dkr_c, PetscReal *dkr_n)
{
  if (w == GW_KR_INTEGRATED) return GWFaceRelPermIntegrated_Private(mc, mn, psic, krc, dkrc, psin, krn, dkrn, kr, dkr_c, dkr_n);
  GWFaceRelPerm_Private(w, krc, dkrc, Hc, krn, dkrn, Hn, kr, dkr_c, dkr_n);
  return 0;
}

/* every rank returns the error of the lowest failing rank (lib/core/errors.c) */
PETSC_INTERN PetscErrorCode GWCheckAllRanks_Private(MPI_Comm, PetscErrorCode);

#endif
