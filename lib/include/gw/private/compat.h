/* Compatibility with the PETSc releases libgw builds against (Debian 12 ships 3.18). */
#ifndef GW_PRIVATE_COMPAT_H
#define GW_PRIVATE_COMPAT_H

#include <petscsys.h>

#if !defined(PETSC_SUCCESS)
#  define PETSC_SUCCESS ((PetscErrorCode)0)
#endif

#if !defined(PETSC_NAN)
#  include <math.h>
#  define PETSC_NAN ((PetscReal)NAN)
#endif

/* The names a type-list getter (GWPackageGetTypeNames(), GWMaterialGetTypeNames()) returns,
   joined with ", " into list[len], for messages that list the valid types. */
PETSC_INTERN PetscErrorCode GWTypeNamesJoin_Private(PetscErrorCode (*)(PetscInt *, const char ***), char[], size_t);

#endif
