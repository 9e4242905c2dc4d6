/* libgw materials: water retention and relative permeability of a porous medium. */
#ifndef GWMATERIAL_H
#define GWMATERIAL_H

#include <petscsys.h>

/*S
  GWMaterial - a porous medium: saturated hydraulic conductivity (kx, ky, kz), specific storage,
  residual and saturated water content, and the constitutive model that gives effective
  saturation Se(psi) and relative permeability kr(psi) from pressure head psi.

  Level: beginner

.seealso: `GWMaterialCreate()`, `GWMaterialSetType()`, `GWMaterialEvaluate()`
S*/
typedef struct _p_GWMaterial *GWMaterial;

/*J
  GWMaterialType - name of a constitutive model

  Level: beginner
J*/
typedef const char *GWMaterialType;
#define GWMATERIALVANGENUCHTEN "van-genuchten" /* van Genuchten (1980) retention, Mualem (1976) kr */
#define GWMATERIALBROOKSCOREY  "brooks-corey"  /* Brooks and Corey (1964) retention and kr */
#define GWMATERIALGARDNER      "gardner"       /* Gardner (1958) exponential K, exponential Se */
#define GWMATERIALHAVERKAMP    "haverkamp"     /* Haverkamp et al. (1977) rational functions */

PETSC_EXTERN PetscClassId GWMATERIAL_CLASSID;

PETSC_EXTERN PetscErrorCode GWMaterialCreate(MPI_Comm, GWMaterial *);
PETSC_EXTERN PetscErrorCode GWMaterialDestroy(GWMaterial *);
PETSC_EXTERN PetscErrorCode GWMaterialSetType(GWMaterial, GWMaterialType);
PETSC_EXTERN PetscErrorCode GWMaterialGetType(GWMaterial, GWMaterialType *);
PETSC_EXTERN PetscErrorCode GWMaterialGetTypeNames(PetscInt *, const char **[]);
PETSC_EXTERN PetscErrorCode GWMaterialRegister(const char[], PetscErrorCode (*)(GWMaterial));
PETSC_EXTERN PetscErrorCode GWMaterialView(GWMaterial, PetscViewer);

PETSC_EXTERN PetscErrorCode GWMaterialSetWaterContentLimits(GWMaterial, PetscReal, PetscReal);
PETSC_EXTERN PetscErrorCode GWMaterialGetWaterContentLimits(GWMaterial, PetscReal *, PetscReal *);
PETSC_EXTERN PetscErrorCode GWMaterialSetHydraulicConductivity(GWMaterial, PetscReal, PetscReal, PetscReal);
PETSC_EXTERN PetscErrorCode GWMaterialGetHydraulicConductivity(GWMaterial, PetscReal *, PetscReal *, PetscReal *);
PETSC_EXTERN PetscErrorCode GWMaterialSetSpecificStorage(GWMaterial, PetscReal);
PETSC_EXTERN PetscErrorCode GWMaterialGetSpecificStorage(GWMaterial, PetscReal *);

PETSC_EXTERN PetscErrorCode GWMaterialVanGenuchtenSetParameters(GWMaterial, PetscReal, PetscReal);
PETSC_EXTERN PetscErrorCode GWMaterialVanGenuchtenGetParameters(GWMaterial, PetscReal *, PetscReal *);
PETSC_EXTERN PetscErrorCode GWMaterialVanGenuchtenSetAirEntry(GWMaterial, PetscReal);
PETSC_EXTERN PetscErrorCode GWMaterialVanGenuchtenGetAirEntry(GWMaterial, PetscReal *);
PETSC_EXTERN PetscErrorCode GWMaterialBrooksCoreySetParameters(GWMaterial, PetscReal, PetscReal);
PETSC_EXTERN PetscErrorCode GWMaterialBrooksCoreyGetParameters(GWMaterial, PetscReal *, PetscReal *);
PETSC_EXTERN PetscErrorCode GWMaterialGardnerSetParameters(GWMaterial, PetscReal);
PETSC_EXTERN PetscErrorCode GWMaterialGardnerGetParameters(GWMaterial, PetscReal *);
PETSC_EXTERN PetscErrorCode GWMaterialHaverkampSetParameters(GWMaterial, PetscReal, PetscReal, PetscReal, PetscReal);
PETSC_EXTERN PetscErrorCode GWMaterialHaverkampGetParameters(GWMaterial, PetscReal *, PetscReal *, PetscReal *, PetscReal *);

PETSC_EXTERN PetscErrorCode GWMaterialEvaluate(GWMaterial, PetscReal, PetscReal *, PetscReal *, PetscReal *, PetscReal *);
PETSC_EXTERN PetscErrorCode GWMaterialGetWaterContent(GWMaterial, PetscReal, PetscReal *, PetscReal *);
PETSC_EXTERN PetscErrorCode GWMaterialGetSaturationChange(GWMaterial, PetscReal, PetscReal, PetscReal *);
PETSC_EXTERN PetscErrorCode GWMaterialGetPressureHead(GWMaterial, PetscReal, PetscReal *);
PETSC_EXTERN PetscErrorCode GWMaterialGetSaturation(GWMaterial, PetscReal, PetscReal *, PetscReal *);
PETSC_EXTERN PetscErrorCode GWMaterialGetRelativePermeability(GWMaterial, PetscReal, PetscReal *, PetscReal *);

#endif
