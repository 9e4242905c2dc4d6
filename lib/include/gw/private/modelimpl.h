/* Private definition of GWModel (not installed). */
#ifndef GW_PRIVATE_MODELIMPL_H
#define GW_PRIVATE_MODELIMPL_H

#include <gwmodel.h>
#include <gw/private/materialimpl.h>
#include <gw/private/packageimpl.h>

/* Per-cell geometry held in a ghosted local vector (dof GW_NGEO on a DMDA like the flow DM). */
enum {
  GW_GEO_ZC,    /* elevation of the cell centre [m] */
  GW_GEO_THICK, /* cell thickness [m] */
  GW_GEO_DX,    /* cell width along x [m] */
  GW_GEO_DY,    /* cell width along y [m] */
  GW_GEO_MAT,   /* material index (stored as a real) */
  GW_NGEO
};

typedef struct {
  PetscReal  storage;  /* storage increase over the step [m^3] */
  PetscReal *in, *out; /* per package, volume in and out over the step [m^3] */
} GWBudgetStep;

struct _p_GWModel {
  PETSCHEADER(int);
  /* grid, replicated on every rank as given by the user */
  PetscInt   nx, ny, nz;
  PetscReal *dx, *dy; /* [nx], [ny] */
  PetscReal *top;     /* [nx*ny] top elevation of each column, index i + nx*j */
  PetscReal *bot;     /* [nz*nx*ny] bottom elevation of each layer, index i + nx*(j + ny*k) */
  PetscInt  *zone;    /* [nx*ny*nz] material index per cell, or NULL for material 0 */
  /* materials and packages */
  PetscInt           nmat, npkg;
  GWMaterial        *mat;
  GWPackage         *pkg;
  GWRelPermWeighting krweight;
  /* discretisation */
  DM         da, dageo;
  Vec        geo;               /* local (ghosted) geometry, dof GW_NGEO */
  Vec        psi, psi_old, vol; /* global: pressure head [m], at the start of the step, cell volume [m^3] */
  Vec        theta_old;         /* global: water content at the start of the step [-] */
  Vec        psi_local, work;
  PetscReal *cons; /* [4 * ghosted cells]: Se, dSe/dpsi, kr, dkr/dpsi at the current iterate */
  SNES       snes;
  PetscBool  setupcalled;
  /* initial state */
  PetscInt  initkind; /* 0 none (user fills psi), 1 uniform psi, 2 water table */
  PetscReal initvalue;
  /* time control */
  PetscReal t, dt, dt_init, dt_min, dt_max;
  PetscReal dt_grow, dt_cut, dtheta_max;
  PetscInt  it_easy, it_hard, max_cuts;
  PetscInt  nsteps, ncuts, nnewton;
  PetscReal step_t0, step_t1; /* interval of the step being solved */
  /* Newton acceptance: mass balance */
  PetscReal mb_rtol;
  PetscReal dpsi_max;   /* largest Newton update of psi in a cell [m] (<= 0: no limit) */
  PetscReal l1_prev;    /* unbalanced volume rate at the previous Newton iteration [m^3/s] */
  PetscReal flow_scale; /* sum of |storage rate| and |package rates| at the last residual [m^3/s] */
  PetscReal face_scale; /* sum of |face fluxes| and of stored volume / dt at the last residual [m^3/s] */
  /* budget */
  GWBudgetStep step, cum;
  PetscReal    mb_abs, mb_rel, mb_abs_cum, mb_rel_cum;
  PetscReal    recharge_step, recharge_cum; /* net downward flow across the water table [m^3] */
  PetscReal   *zone_step, *zone_cum;        /* [5 nmat]: storage increase, package in, package out, in from and out to other zones [m^3] */
  PetscReal   *zone_flow_cum;               /* [nmat^2]: cumulative flow from zone a to zone b at a * nmat + b [m^3] */
};

PETSC_EXTERN PetscLogEvent GW_Residual, GW_Jacobian, GW_LinearSolve, GW_Step;

PETSC_INTERN PetscErrorCode GWModelSetUpGeometry_Private(GWModel);
PETSC_INTERN PetscErrorCode GWModelSetUpSolver_Private(GWModel);
PETSC_INTERN PetscErrorCode GWModelComputeBudget_Private(GWModel);
PETSC_INTERN PetscErrorCode GWModelEvaluatePackages_Private(GWModel, Vec);
PETSC_INTERN PetscErrorCode GWModelComputeWaterTableRecharge_Private(GWModel, PetscReal *);
PETSC_INTERN PetscErrorCode GWModelComputeZoneFlows_Private(GWModel, PetscReal, PetscReal *, PetscReal *);
PETSC_INTERN PetscErrorCode GWModelFindWaterTable_Private(GWModel, PetscScalar ***, PetscInt, PetscInt, PetscInt *, PetscReal *);

/* Two-point conductance A / (d_c/K_c + d_n/K_n) [m^2/s] of a face with area A between centres at
   distances d_c and d_n from it: the harmonic mean of K weighted by distance (symmetric in c, n). */
static inline PetscReal GWFaceConductance_Private(PetscReal A, PetscReal dc, PetscReal Kc, PetscReal dn, PetscReal Kn)
{
  return A / (dc / Kc + dn / Kn);
}

/* Relative permeability at a face between cell c and neighbour (or boundary) n, with its
   derivatives with respect to psi_c and psi_n. Upstream weighting takes kr of the cell with the
   higher hydraulic head (ties go to c; the flux is then zero either way, so the two sides of a
   face stay exact negatives of each other). */
static inline void GWFaceRelPerm_Private(GWRelPermWeighting w, PetscReal krc, PetscReal dkrc, PetscReal Hc, PetscReal krn, PetscReal dkrn, PetscReal Hn, PetscReal *kr, PetscReal *dkr_c, PetscReal *dkr_n)
{
  if (w == GW_KR_ARITHMETIC) {
    *kr    = 0.5 * (krc + krn);
    *dkr_c = 0.5 * dkrc;
    *dkr_n = 0.5 * dkrn;
  } else if (Hn > Hc) {
    *kr    = krn;
    *dkr_c = 0.0;
    *dkr_n = dkrn;
  } else {
    *kr    = krc;
    *dkr_c = dkrc;
    *dkr_n = 0.0;
  }
}

/* every rank returns the error of the lowest failing rank (lib/core/errors.c) */
PETSC_INTERN PetscErrorCode GWCheckAllRanks_Private(MPI_Comm, PetscErrorCode);

#endif
