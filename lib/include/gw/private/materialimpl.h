/* Private definition of GWMaterial (not installed). */
#ifndef GW_PRIVATE_MATERIALIMPL_H
#define GW_PRIVATE_MATERIALIMPL_H

#include <gwmaterial.h>
#include <petscviewer.h>
#include <petsc/private/petscimpl.h>
#include <gw/private/compat.h>

#define GW_MATERIAL_MAXPARAM 4

/* A constitutive parameter a material type declares: its name (scenario key and registry path),
   SI unit, and a one-line summary. */
typedef struct {
  const char *name, *unit, *summary;
} GWMaterialParameterDoc;

typedef struct _GWMaterialOps *GWMaterialOps;
struct _GWMaterialOps {
  /* Se(psi), dSe/dpsi [1/m], kr(psi), dkr/dpsi [1/m]; must be cheap and must not allocate */
  PetscErrorCode (*evaluate)(GWMaterial, PetscReal, PetscReal *, PetscReal *, PetscReal *, PetscReal *);
  /* check the type parameters, with a message naming the material and the bad value */
  PetscErrorCode (*check)(GWMaterial);
  /* print the type parameters with their units (ASCII viewer, tab already pushed); may be NULL */
  PetscErrorCode (*view)(GWMaterial, PetscViewer);
  /* Se(psi) - Se(psio) without the cancellation of subtracting the two (GWMaterialGetSaturationChange());
     may be NULL (then the two are subtracted) */
  PetscErrorCode (*sechange)(GWMaterial, PetscReal, PetscReal, PetscReal *);
};

struct _p_GWMaterial {
  PETSCHEADER(struct _GWMaterialOps);
  PetscReal theta_r, theta_s;        /* residual and saturated volumetric water content [-] */
  PetscReal K[3];                    /* saturated hydraulic conductivity kx, ky, kz [m/s] */
  PetscReal Ss;                      /* specific storage [1/m] */
  PetscReal p[GW_MATERIAL_MAXPARAM]; /* type parameters, SI units, meaning set by the type */
  PetscBool pset;                    /* type parameters were given */
  /* parameters declared by the type (GWMaterialDeclareParameters()), p[i] being doc[i] */
  PetscInt                      nparamdoc;
  const GWMaterialParameterDoc *paramdoc;
  PetscBool                     pgiven[GW_MATERIAL_MAXPARAM];
};

PETSC_INTERN PetscErrorCode GWMaterialRegisterAll_Private(void);
/* for material types, in lib/ or registered by a program linking libgw (developer level) */
PETSC_EXTERN PetscErrorCode GWMaterialDeclareParameters(GWMaterial, PetscInt, const GWMaterialParameterDoc[]);
PETSC_EXTERN PetscErrorCode GWMaterialSetParameterByName(GWMaterial, const char[], PetscReal);
PETSC_EXTERN PetscErrorCode GWMaterialGetParameterByName(GWMaterial, const char[], PetscReal *);
PETSC_INTERN PetscErrorCode GWMaterialCheck_Private(GWMaterial);
/* error unless mat has type `type` (and, if the PetscBool is true, its parameters were set);
   the string names the calling typed setter/getter for the message */
PETSC_INTERN PetscErrorCode GWMaterialCheckTypeIs_Private(GWMaterial, GWMaterialType, const char[], PetscBool);
/* error unless value > 0 and finite; message gives quantity, value, units, material and a hint */
PETSC_INTERN PetscErrorCode GWMaterialCheckPositive_Private(GWMaterial, const char[], PetscReal, const char[], const char[]);

/* name of the material for error messages */
static inline const char *GWMaterialName_Private(GWMaterial mat)
{
  return ((PetscObject)mat)->name ? ((PetscObject)mat)->name : "(unnamed)";
}

PETSC_INTERN PetscErrorCode GWMaterialCreate_VanGenuchten(GWMaterial);
PETSC_INTERN PetscErrorCode GWMaterialCreate_BrooksCorey(GWMaterial);
PETSC_INTERN PetscErrorCode GWMaterialCreate_Gardner(GWMaterial);
PETSC_INTERN PetscErrorCode GWMaterialCreate_Haverkamp(GWMaterial);

#endif
