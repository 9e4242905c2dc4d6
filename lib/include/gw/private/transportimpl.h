/* Private definition of GWSolute and of the model's transport data (not installed). */
#ifndef GW_PRIVATE_TRANSPORTIMPL_H
#define GW_PRIVATE_TRANSPORTIMPL_H

#include <gwtransport.h>
#include <gw/private/modelimpl.h>

/* per-material properties of a solute, in this order in GWSolute.mprop */
enum {
  GW_SOL_AL,   /* longitudinal dispersivity [m] */
  GW_SOL_AT,   /* transverse dispersivity [m] */
  GW_SOL_RHO,  /* dry bulk density of the solid [kg/m^3] */
  GW_SOL_KD,   /* linear sorption distribution coefficient [m^3/kg] */
  GW_SOL_KF,   /* Freundlich coefficient [(kg/kg) (m^3/kg)^nf] */
  GW_SOL_NF,   /* Freundlich exponent [-] */
  GW_SOL_SMAX, /* Langmuir sorption capacity [kg/kg] */
  GW_SOL_KL,   /* Langmuir constant [m^3/kg] */
  GW_SOL_NPROP
};

/* terms of a solute's zone budget (zones are materials), in this order in GWSolute.zone [kg] */
enum {
  GW_SZ_DISSOLVED, /* increase of the dissolved mass */
  GW_SZ_SORBED,    /* increase of the sorbed mass */
  GW_SZ_SOLID,     /* increase of the solid mass */
  GW_SZ_IN,        /* package inflow into the zone's cells */
  GW_SZ_OUT,       /* package outflow */
  GW_SZ_DECAY,     /* mass decayed */
  GW_SZ_PROD,      /* mass produced */
  GW_SZ_FROM,      /* inflow from other zones (advection and dispersion across zone faces) */
  GW_SZ_TO,        /* outflow to other zones */
  GW_SZ_N
};

struct _p_GWSolute {
  PETSCHEADER(int);
  PetscReal          Dm;                /* molecular diffusion coefficient in free water [m^2/s] */
  PetscReal          lam_l, lam_s;      /* first-order decay rate in the liquid and sorbed phases [1/s] */
  PetscReal          gam_l, gam_s;      /* zero-order production in the liquid [kg/m^3/s] and sorbed [kg/kg/s] phases */
  PetscReal          c_init;            /* uniform initial concentration [kg/m^3] */
  PetscReal          csat;              /* solubility [kg/m^3]; PETSC_MAX_REAL: none */
  GWSorptionIsotherm iso;               /* the isotherm of every material */
  GWAdvectionScheme  adv;               /* upwind or TVD (deferred correction) */
  PetscReal          courant_max;       /* largest Courant number of a transport sub-step; 0: one step per flow step */
  PetscInt           nsorp, nsorp_max;  /* Newton iterations of the nonlinear-sorption steps: in all, most in one step */
  PetscReal          def[GW_SOL_NPROP]; /* properties of materials without their own */
  PetscInt           nm;                /* materials with their own properties: mprop holds [nm][GW_SOL_NPROP] (NaN: default) */
  PetscReal         *mprop;
  /* package concentrations as given: package, concentration [kg/m^3], kind */
  PetscInt          npc;
  GWPackage        *pc_pkg;
  PetscReal        *pc_c;
  GWSoluteBoundary *pc_kind;
  /* after set-up */
  GWModel           model;             /* the model it belongs to (not referenced: the model holds the solute) */
  PetscReal        *mp;                /* [nmat][GW_SOL_NPROP] resolved per material of the model */
  PetscReal        *pkg_c;             /* [npkg] inflow concentration of each package of the model (0 if not given) */
  GWSoluteBoundary *pkg_kind;          /* [npkg] */
  Vec               c, c_old, c_start; /* global: concentration [kg/m^3] now, at the step's start, at the run's start */
  Vec               solid;             /* global: precipitated (solid) mass per bulk volume [kg/m^3]; NULL without a solubility */
  PetscInt          nlinear;           /* Krylov iterations of all transport solves */
  /* budget [kg]: per package in and out, storage increase of the dissolved and sorbed phases,
     mass decayed and produced, over the last step and since the start */
  PetscReal *in, *out, *in_cum, *out_cum;
  PetscReal  dis, sorb, decay, prod, dis_cum, sorb_cum, decay_cum, prod_cum;
  PetscReal  mb_abs, mb_rel, mb_abs_cum, mb_rel_cum;
  PetscReal  solid_step, solid_cum, mass_solid; /* solid mass increase over the step, since the start; solid mass now [kg] */
  PetscReal  gross_cum;                         /* sum over steps of the gross storage change (GWSoluteGetMassBalanceError()) [kg] */
  PetscReal  mass_dis, mass_sorb;               /* mass in the dissolved and sorbed phases now [kg] */
  PetscReal *work;                              /* [2 npkg + 9] budget sums of a step */
  PetscReal *zone, *zone_cum, *zwork;           /* [nmat][GW_SZ_N] zone budget of the last step, since the start, of a sub-step [kg] */
  PetscReal  gross_step;                        /* gross storage change of the step's sub-steps so far [kg] */
};

/* Transport data of a model, shared by its solutes. */
struct _n_GWTransport {
  PetscInt   nsolute;
  GWSolute  *solute;
  PetscReal *phi;            /* [nmat] porosity (saturated water content) of each material */
  PetscBool *carry;          /* [npkg] water leaving through the package takes its solute (not evaporation) */
  PetscReal **qin;           /* [npkg][nentry] water entering that carries the package's concentration [m^3/s] (GWPackageOps soluteinflow) */
  Vec        W, Wold;        /* global: water volume in each cell at the end and start of the step [m^3] */
  Vec        dW;             /* global: W - Wold, the step's net inflow of water [m^3], summed without cancellation */
  PetscBool  wvalid;         /* W holds the water volume at the end of the last transport step */
  Vec        Wl;             /* local (ghosted) W */
  Vec        qc[3], qcl[3];  /* cell-centre Darcy flux, global and local, along x, y, z (up) [m/s] */
  Mat        A;              /* the step's matrix, for the concentration increment */
  Vec        dp;             /* global: mass precipitated in each cell over the step (negative: dissolved) [kg] */
  Vec        b, r, dvec, dc; /* right side; work; storage and decay diagonal [m^3/s]; increment [kg/m^3] */
  Vec        dn;             /* Newton update of the increment (nonlinear sorption) [kg/m^3] */
  Vec        cl;             /* local (ghosted) solved concentration c^n + dc, for the flows between zones [kg/m^3] */
  Vec        corr;           /* global: TVD deferred correction of each cell, net inflow [kg/s] */
  Vec        Wk;             /* global: water volume at the end of a transport sub-step [m^3] */
  PetscInt   nsub, nsub_max; /* transport sub-steps of the last flow step, most in one */
  Vec        fc[3], fcl[3];  /* TVD correction through the face between cell p and p + e_axis along x, y, z (layer below),
                                stored at p, positive from p to p + e [kg/s]: global and local (ghosted) */
  PetscReal  sorp_rtol;      /* nonlinear sorption: stop when sum |r| <= sorp_rtol sum |r| at c^n */
  PetscInt   sorp_maxit;     /* nonlinear sorption: most Newton iterations in one step */
  KSP        ksp;
};

PETSC_EXTERN PetscLogEvent GW_Transport;

PETSC_INTERN PetscErrorCode GWSoluteSetUp_Private(GWSolute, GWModel);
PETSC_INTERN PetscErrorCode GWSoluteDestroyData_Private(GWSolute);
PETSC_INTERN PetscErrorCode GWSoluteReset_Private(GWSolute);
PETSC_INTERN PetscErrorCode GWSoluteCheckNotSetUp_Private(GWSolute);
PETSC_INTERN PetscErrorCode GWSoluteCheckNonNegative_Private(GWSolute, const char[], const char[], PetscReal);
PETSC_INTERN PetscErrorCode GWSoluteSetMaterialProperties_Private(GWSolute, PetscInt, PetscInt, PetscInt, const PetscReal[]);
PETSC_INTERN PetscErrorCode GWSoluteGetMaterialProperty_Private(GWSolute, PetscInt, PetscInt, PetscReal *);
PETSC_INTERN PetscErrorCode GWSoluteSetUpSorption_Private(GWSolute);
PETSC_INTERN void           GWSoluteSorbedMass_Private(GWSolute, PetscInt, PetscReal, PetscReal, PetscReal, PetscReal *, PetscReal *);
#define GW_SORPTION_CMIN 1e-12 /* [kg/m^3]: the Freundlich dF/dc of the Newton matrix is taken at c >= this */
PETSC_INTERN PetscReal      GWSoluteSorbedInverse_Private(GWSolute, PetscInt, PetscReal, PetscReal, PetscReal);
PETSC_INTERN PetscErrorCode GWSoluteTVDCorrection_Private(GWModel, PetscScalar ****, Vec);
PETSC_INTERN PetscReal      GWSoluteTVDFaceFlux_Private(PetscScalar ***f[3], PetscInt, PetscInt, PetscInt, PetscInt);

#endif
