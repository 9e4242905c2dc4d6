/* Private calibration object (lib/calib). */
#ifndef GW_PRIVATE_CALIBIMPL_H
#define GW_PRIVATE_CALIBIMPL_H

#include <gwcalib.h>
#include <gw/private/ioimpl.h>

typedef struct {
  char      path[256];                 /* registry path, e.g. materials.loam.Ks */
  char      where[PETSC_MAX_PATH_LEN]; /* file:line:column of the entry, for messages */
  PetscReal initial, lower, upper;     /* SI units of the registry */
  PetscBool log;                       /* estimated as log10 of the value */
} GWCalibParameter;

typedef struct {
  char      name[64];
  PetscInt  q;          /* index into GWObsQuantities */
  PetscReal xyz[3];     /* point [m] */
  PetscReal range[2];   /* depth range of a layer [m]; NaN for a point */
  PetscInt  start, n;   /* its observations: [start, start + n) */
  PetscReal rmse, bias; /* at the estimates, in the quantity's SI unit */
} GWCalibGroup;

struct _p_GWCalib {
  PETSCHEADER(int);
  MPI_Comm          sub;            /* the ranks of this rank's group, which run one copy of the model */
  PetscInt          ngroups, group; /* groups (-calib_jacobian_groups) and this rank's */
  char             *file;
  GWScenario        sc;
  PetscInt          np, ng, nobs, ntimes;
  GWCalibParameter *par;
  GWCalibGroup     *grp;
  PetscReal        *tobs, *vobs, *wobs; /* [nobs] time [s], observed value (SI), weight */
  PetscInt         *gobs, *kobs;        /* [nobs] group, index into times */
  PetscReal        *times;              /* [ntimes] distinct observation times, increasing */
  PetscReal        *sim, *sample;       /* [nobs] simulated values; [GW_OBS_NQ ng] work */
  PetscReal        *gxyz, *grange;      /* [3 ng], [2 ng] of the groups, for the sampler */
  Tao               tao;
  Vec               x, r, xl, xu;              /* transformed parameters, residuals, bounds (PETSC_COMM_SELF) */
  Mat               J;                         /* weighted Jacobian of the residuals, dense nobs x np */
  PetscReal         fd_step;                   /* forward-difference step in transformed space (relative) */
  PetscReal         xtol;                      /* largest step of the last iteration (transformed) that stops the solver */
  PetscReal         svd_rtol;                  /* singular values below svd_rtol * the largest: ill-posed */
  Vec               xlast, rlast, xjac, xprev; /* the last residual evaluation and the point of the last Jacobian */
  PetscBool         rlast_valid, jlast_valid;
  PetscInt          nruns;    /* forward runs */
  PetscReal         mb_worst; /* largest cumulative relative mass-balance error of any run */
  PetscReal         run_time; /* wall time of the forward runs [s] */
  /* results */
  PetscBool  solved;
  PetscReal *est, *se, *lo, *hi; /* [np] natural units */
  PetscReal *sv, *corr;          /* [np] singular values of J; [np np] correlation */
  PetscBool *illposed, *svsmall; /* [np] per parameter; per singular value */
  PetscReal  ssr, s2, phi0;      /* weighted SSR at the optimum, its variance estimate, SSR at the start */
  PetscInt   dof, its;
  char       reason[64];
};

PETSC_INTERN PetscErrorCode GWCalibToNatural_Private(GWCalib, const PetscReal[], PetscReal[]);
PETSC_INTERN PetscErrorCode GWCalibResiduals_Private(GWCalib, const PetscReal[], PetscReal[]);
PETSC_INTERN PetscErrorCode GWCalibJacobian_Private(GWCalib, const PetscReal[], const PetscReal[], PetscReal[]);
PETSC_INTERN PetscErrorCode GWCalibStatistics_Private(GWCalib);
PETSC_INTERN PetscReal      GWStudentT975_Private(PetscInt);
PETSC_EXTERN const GWKeyDoc GWCalibKeys[];

#endif
