/* Private helpers shared by the surface-water packages (drain, general-head, river, canal); not
   installed. */
#ifndef GW_PRIVATE_SURFACEWATERIMPL_H
#define GW_PRIVATE_SURFACEWATERIMPL_H

#include <gw/private/modelimpl.h>

/* The smoothed ramp r(x) ~ max(x, 0) over the width w > 0 (a C1 cubic):
     r = 0                      for x <= 0
     r = 2 x^2 / w - x^3 / w^2  for 0 < x < w
     r = x                      for x >= w
   and dr/dx. It is exact outside (0, w): zero below, linear above, so a drain passes nothing
   while the head is below its elevation and exactly C (h - z) once h >= z + w. r is monotone,
   0 <= r <= max(x, 0), r(w) = w, r'(w) = 1, r'(0) = 0 (the cubic Hermite blend of the two
   branches), so Newton sees a continuous derivative at the switch. w <= 0 gives the plain max. */
static inline void GWSmoothRamp_Private(PetscReal x, PetscReal w, PetscReal *r, PetscReal *dr)
{
  if (x <= 0) {
    *r  = 0;
    *dr = 0;
  } else if (w <= 0 || x >= w) {
    *r  = x;
    *dr = 1;
  } else {
    PetscReal s = x / w;
    *r          = x * s * (2 - s);
    *dr         = s * (4 - 3 * s);
  }
}

/* max(a, b) smoothed over a width w above b: b + r(a - b); d/da = r'(a - b), d/db = 1 - r'. */
static inline void GWSmoothMax_Private(PetscReal a, PetscReal b, PetscReal w, PetscReal *m, PetscReal *dmda)
{
  PetscReal r, dr;

  GWSmoothRamp_Private(a - b, w, &r, &dr);
  *m    = b + r;
  *dmda = dr;
}

/* A diversion from reach sreach of river package src into reach treach of package tgt (NULL: out
   of the model), taking up to rate [m^3/s] of the flow at the end of the source reach. */
typedef struct {
  GWPackage       src, tgt;
  PetscInt        sreach, treach;
  PetscReal       rate; /* [m^3/s], or the share of the flow for GW_DIVERSION_FRACTION */
  GWDiversionRule rule;
} GWRiverDiversion;

/* Type data of river and canal packages. Routed packages own 3 unknowns per reach r: F (3r), the
   flow at the reach's downstream end before its diversion [m^3/s]; L (3r + 1), the potential
   leakage of its cells at the stage of F [m^3/s]; I (3r + 2), its inflow [m^3/s]. */
typedef struct {
  PetscBool   canal;  /* canal: seepage terms named apart */
  PetscBool   routed; /* reaches set with GWPackageRiverSetReach(): stage from Manning's equation */
  PetscInt    nreach; /* reaches given (routed), or 0 */
  PetscInt    maxreach;
  PetscInt   *down;              /* [nreach] downstream reach, -1 at an outlet */
  PetscReal  *width, *n, *slope; /* [nreach] channel width [m], Manning roughness [s/m^(1/3)], bed slope [-] */
  PetscReal  *side;              /* [nreach] side slope z [-] (horizontal per vertical) of a trapezoid; < 0: wide rectangle */
  PetscBool  *given;             /* [nreach] set by GWPackageRiverSetReach() */
  GWSchedule *inflow;            /* [nreach] external inflow hydrographs [m^3/s] (n = 0: none) */
  PetscReal  *csum;              /* [nreach] sum of the cells' conductances over all ranks [m^2/s] */
  GWSchedule *evap;              /* [nreach] open-water evaporation rates [m/s] (n = 0: none) */
  PetscReal  *lsum;              /* [nreach] channel length of the reach, sum of its cells' length over all ranks [m] */
  /* diversions out of and into this package's reaches */
  PetscInt          ndivout, ndivin;
  GWRiverDiversion *divout, *divin;
  /* springs: drain packages whose discharge enters a reach */
  PetscInt   nspring;
  GWPackage *spring;
  PetscInt  *springreach;
  /* runoff: atmosphere packages whose surface runoff enters a reach */
  PetscInt   nrunoff;
  GWPackage *runoff;
  PetscInt  *runoffreach;
  /* per entry of this rank, after set-up */
  PetscInt  *reach;         /* reach (routed) of each entry */
  PetscReal *C, *bed, *bot; /* conductance [m^2/s], bed top and bed bottom elevations [m] */
  PetscReal *len;           /* channel length [m] (NaN when not given) */
  GWModel    model;         /* the model it was set up in (not referenced): the step of evaporation rates */
} GWRiver;

PETSC_INTERN PetscErrorCode GWRiverSetUpNetwork_Private(GWPackage, GWModel);
PETSC_INTERN PetscErrorCode GWRiverDestroyNetwork_Private(GWRiver *);
PETSC_INTERN PetscErrorCode GWRiverInitialGuess_Private(GWPackage, GWModel, PetscScalar *);
PETSC_INTERN PetscErrorCode GWRiverNextBreakpoint_Private(GWPackage, PetscReal, PetscReal *);
PETSC_INTERN PetscErrorCode GWRiverEvaporation_Private(const GWRiver *, PetscInt, GWModel, PetscReal, PetscReal, PetscReal *, PetscReal *);
PETSC_INTERN void           GWRiverDepth_Private(const GWRiver *, PetscInt, PetscReal, PetscReal, PetscReal *, PetscReal *);
PETSC_INTERN PetscErrorCode GWAtmosphereRunoff_Private(GWPackage, GWModel, PetscInt, PetscReal, PetscReal *, PetscReal *);
PETSC_INTERN void           GWRiverDiversionRate_Private(const GWRiverDiversion *, PetscReal, PetscReal, PetscReal *, PetscReal *);

/* Registration of the surface-water package types (lib/packages/impls/). */
PETSC_INTERN PetscErrorCode GWPackageCreate_Drain(GWPackage);
PETSC_INTERN PetscErrorCode GWPackageCreate_GeneralHead(GWPackage);
PETSC_INTERN PetscErrorCode GWPackageCreate_River(GWPackage);
PETSC_INTERN PetscErrorCode GWPackageCreate_Canal(GWPackage);

#endif
