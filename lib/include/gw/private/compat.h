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

#endif
