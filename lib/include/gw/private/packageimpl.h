/* Private definition of GWPackage (not installed). */
#ifndef GW_PRIVATE_PACKAGEIMPL_H
#define GW_PRIVATE_PACKAGEIMPL_H

#include <gwmodel.h>
#include <petsc/private/petscimpl.h>
#include <gw/private/compat.h>

/* One cell (and face) a package acts on, with the geometry the package needs, filled at set-up. */
typedef struct {
  PetscInt  i, j, k; /* global cell indices */
  GWFace    face;
  PetscReal area;   /* face area [m^2] (0 for GW_FACE_NONE) */
  PetscReal dist;   /* distance from the cell centre to the face [m] */
  PetscReal K;      /* saturated conductivity normal to the face [m/s] */
  PetscReal zc, zf; /* elevation of the cell centre and of the face centre [m] */
  PetscReal weight; /* share of the package rate (wells), sums to 1 over all ranks */
  PetscInt  mat;    /* material index of the cell */
} GWPackageEntry;

typedef struct _GWPackageOps *GWPackageOps;
struct _GWPackageOps {
  /* finish set-up once entries carry geometry (e.g. well weights); collective */
  PetscErrorCode (*setup)(GWPackage, GWModel);
  /* volumetric rate into the domain Q [m^3/s] and dQ/dpsi of the entry's cell, for pressure head
     psi in the cell and package value v (already read from the schedule for this step) */
  PetscErrorCode (*evaluate)(GWPackage, GWModel, const GWPackageEntry *, PetscReal, PetscReal, PetscReal *, PetscReal *);
};

struct _p_GWPackage {
  PETSCHEADER(struct _GWPackageOps);
  /* cells as given (every rank the same list) */
  PetscInt  ncell, maxcell;
  PetscInt *cell; /* 4 per cell: i, j, k, face */
  /* entries owned by this rank, after set-up */
  PetscInt        nentry;
  GWPackageEntry *entry;
  PetscReal      *Q, *dQ; /* per entry, from the last evaluation */
  /* schedule */
  PetscInt        nsched;
  PetscReal      *tsched, *vsched;
  GWInterpolation interp;
  GWHeadKind      headkind;
  PetscBool       needs_value;
  PetscBool       setup;
};

PETSC_INTERN PetscErrorCode GWPackageRegisterAll_Private(void);
PETSC_INTERN PetscErrorCode GWPackageSetUp_Private(GWPackage, GWModel);

PETSC_INTERN PetscErrorCode GWPackageCreate_Head(GWPackage);
PETSC_INTERN PetscErrorCode GWPackageCreate_Flux(GWPackage);
PETSC_INTERN PetscErrorCode GWPackageCreate_SeepageFace(GWPackage);
PETSC_INTERN PetscErrorCode GWPackageCreate_Well(GWPackage);

#endif
