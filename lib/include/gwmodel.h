/* libgw model: variably saturated flow on a layered structured grid. */
#ifndef GWMODEL_H
#define GWMODEL_H

#include <petscdmda.h>
#include <petscsnes.h>
#include <gwmaterial.h>
#include <gwpackage.h>

/*S
  GWModel - a variably saturated groundwater flow model: layered grid, materials, packages,
  state (pressure head) and time control. The unknown is pressure head psi [m] per cell; the
  mixed-form Richards equation (Celia et al. 1990) is solved by Newton's method each step.

  Level: beginner

.seealso: `GWModelCreate()`, `GWModelSetUp()`, `GWModelStep()`, `GWModelRun()`
S*/
typedef struct _p_GWModel *GWModel;

/*E
  GWRelPermWeighting - how relative permeability is taken at a face between two cells:
  the arithmetic mean of the two cells (second order where the solution is smooth),
  upstream (by the sign of the hydraulic-head difference; first order, monotone), limited:
  the arithmetic mean capped at the upstream value, or integrated: the mean of kr(psi) over the
  pressure heads between the two cells (Kirchhoff mean; the default).

  Level: intermediate
E*/
typedef enum {
  GW_KR_UPSTREAM,
  GW_KR_ARITHMETIC,
  GW_KR_LIMITED,
  GW_KR_INTEGRATED
} GWRelPermWeighting;
PETSC_EXTERN const char *const GWRelPermWeightings[];

PETSC_EXTERN PetscClassId GWMODEL_CLASSID;

PETSC_EXTERN PetscErrorCode GWInitializePackage(void);

PETSC_EXTERN PetscErrorCode GWModelCreate(MPI_Comm, GWModel *);
PETSC_EXTERN PetscErrorCode GWModelDestroy(GWModel *);
PETSC_EXTERN PetscErrorCode GWModelSetFromOptions(GWModel);
PETSC_EXTERN PetscErrorCode GWModelSetUp(GWModel);
PETSC_EXTERN PetscErrorCode GWModelView(GWModel, PetscViewer);

/* grid */
PETSC_EXTERN PetscErrorCode GWModelSetGridSize(GWModel, PetscInt, PetscInt, PetscInt);
PETSC_EXTERN PetscErrorCode GWModelGetGridSize(GWModel, PetscInt *, PetscInt *, PetscInt *);
PETSC_EXTERN PetscErrorCode GWModelSetCellWidths(GWModel, const PetscReal[], const PetscReal[]);
PETSC_EXTERN PetscErrorCode GWModelGetCellWidths(GWModel, const PetscReal *[], const PetscReal *[]);
PETSC_EXTERN PetscErrorCode GWModelSetUniformCellWidths(GWModel, PetscReal, PetscReal);
PETSC_EXTERN PetscErrorCode GWModelSetLayerElevations(GWModel, const PetscReal[], const PetscReal[]);
PETSC_EXTERN PetscErrorCode GWModelSetUniformLayers(GWModel, PetscReal, const PetscReal[]);
PETSC_EXTERN PetscErrorCode GWModelSetLayerElevationsVec(GWModel, Vec, Vec);
PETSC_EXTERN PetscErrorCode GWModelGetLayerElevationsVec(GWModel, Vec *, Vec *);
PETSC_EXTERN PetscErrorCode GWModelGetDM(GWModel, DM *);
PETSC_EXTERN PetscErrorCode GWModelGetCellCenters(GWModel, Vec *, Vec *, Vec *);
PETSC_EXTERN PetscErrorCode GWModelGetCellVolumes(GWModel, Vec *);

/* materials */
PETSC_EXTERN PetscErrorCode GWModelAddMaterial(GWModel, GWMaterial, PetscInt *);
PETSC_EXTERN PetscErrorCode GWModelGetMaterial(GWModel, PetscInt, GWMaterial *);
PETSC_EXTERN PetscErrorCode GWModelGetNumMaterials(GWModel, PetscInt *);
PETSC_EXTERN PetscErrorCode GWModelSetMaterialZones(GWModel, const PetscInt[]);
PETSC_EXTERN PetscErrorCode GWModelSetMaterialZonesVec(GWModel, Vec);
PETSC_EXTERN PetscErrorCode GWModelGetMaterialZonesVec(GWModel, Vec *);
PETSC_EXTERN PetscErrorCode GWModelSetRelPermWeighting(GWModel, GWRelPermWeighting);
PETSC_EXTERN PetscErrorCode GWModelGetRelPermWeighting(GWModel, GWRelPermWeighting *);

/* packages */
PETSC_EXTERN PetscErrorCode GWModelAddPackage(GWModel, GWPackage);
PETSC_EXTERN PetscErrorCode GWModelGetNumPackages(GWModel, PetscInt *);
PETSC_EXTERN PetscErrorCode GWModelGetPackage(GWModel, PetscInt, GWPackage *);

/* initial state and fields */
PETSC_EXTERN PetscErrorCode GWModelSetInitialPressureHead(GWModel, PetscReal);
PETSC_EXTERN PetscErrorCode GWModelSetInitialWaterTable(GWModel, PetscReal);
PETSC_EXTERN PetscErrorCode GWModelGetPressureHead(GWModel, Vec *);
PETSC_EXTERN PetscErrorCode GWModelComputeHydraulicHead(GWModel, Vec);
PETSC_EXTERN PetscErrorCode GWModelComputeWaterContent(GWModel, Vec);
PETSC_EXTERN PetscErrorCode GWModelComputeSaturation(GWModel, Vec);
PETSC_EXTERN PetscErrorCode GWModelComputeDarcyFlux(GWModel, Vec, Vec, Vec);
PETSC_EXTERN PetscErrorCode GWModelComputeWaterTable(GWModel, PetscReal[]);
PETSC_EXTERN PetscErrorCode GWModelComputeWaterTableVec(GWModel, Vec);

/* time control */
PETSC_EXTERN PetscErrorCode GWModelSetTime(GWModel, PetscReal);
PETSC_EXTERN PetscErrorCode GWModelGetTime(GWModel, PetscReal *);
PETSC_EXTERN PetscErrorCode GWModelSetStartDate(GWModel, PetscReal);
PETSC_EXTERN PetscErrorCode GWModelGetStartDate(GWModel, PetscReal *, PetscBool *);
PETSC_EXTERN PetscErrorCode GWModelSetTimeStepLimits(GWModel, PetscReal, PetscReal, PetscReal);
PETSC_EXTERN PetscErrorCode GWModelGetTimeStepLimits(GWModel, PetscReal *, PetscReal *, PetscReal *);
PETSC_EXTERN PetscErrorCode GWModelSetMaxTimeStepCuts(GWModel, PetscInt);
PETSC_EXTERN PetscErrorCode GWModelGetMaxTimeStepCuts(GWModel, PetscInt *);
PETSC_EXTERN PetscErrorCode GWModelSetProgressGuard(GWModel, PetscInt, PetscReal);
PETSC_EXTERN PetscErrorCode GWModelSetGravity(GWModel, PetscBool);
PETSC_EXTERN PetscErrorCode GWModelSetTimeErrorTolerance(GWModel, PetscReal);
PETSC_EXTERN PetscErrorCode GWModelGetTimeErrorTolerance(GWModel, PetscReal *, PetscInt *);
PETSC_EXTERN PetscErrorCode GWModelSetTimeErrorNorm(GWModel, NormType);
PETSC_EXTERN PetscErrorCode GWModelGetGravity(GWModel, PetscBool *);
PETSC_EXTERN PetscErrorCode GWModelGetProgressGuard(GWModel, PetscInt *, PetscReal *);
PETSC_EXTERN PetscErrorCode GWModelSetMassBalanceTolerance(GWModel, PetscReal);
PETSC_EXTERN PetscErrorCode GWModelGetMassBalanceTolerance(GWModel, PetscReal *);
PETSC_EXTERN PetscErrorCode GWModelGetTimeStep(GWModel, PetscReal *);
PETSC_EXTERN PetscErrorCode GWModelGetSNES(GWModel, SNES *);
PETSC_EXTERN PetscErrorCode GWModelStep(GWModel, PetscReal);
PETSC_EXTERN PetscErrorCode GWModelRun(GWModel, PetscReal);
PETSC_EXTERN PetscErrorCode GWModelGetStepStatistics(GWModel, PetscInt *, PetscInt *, PetscInt *);
PETSC_EXTERN PetscErrorCode GWModelGetLinearIterations(GWModel, PetscInt *);

/* re-running: reset and parameters by path */
PETSC_EXTERN PetscErrorCode GWModelReset(GWModel);
PETSC_EXTERN PetscErrorCode GWModelSetParameter(GWModel, const char[], PetscReal);
PETSC_EXTERN PetscErrorCode GWModelGetParameter(GWModel, const char[], PetscReal *);

/* budget */
PETSC_EXTERN PetscErrorCode GWModelGetStorageChange(GWModel, PetscReal *, PetscReal *);
PETSC_EXTERN PetscErrorCode GWModelGetPackageBudget(GWModel, PetscInt, PetscReal *, PetscReal *, PetscReal *, PetscReal *);
PETSC_EXTERN PetscErrorCode GWModelGetMassBalanceError(GWModel, PetscReal *, PetscReal *, PetscReal *, PetscReal *);
PETSC_EXTERN PetscErrorCode GWModelGetMassBalanceWorstStep(GWModel, PetscInt *, PetscReal *, PetscInt *, PetscReal *);
PETSC_EXTERN PetscErrorCode GWModelBudgetView(GWModel, PetscViewer);
PETSC_EXTERN PetscErrorCode GWModelGetBudgetTerm(GWModel, const char[], PetscReal *, PetscReal *);
PETSC_EXTERN PetscErrorCode GWModelThreeWatersView(GWModel, PetscViewer);
PETSC_EXTERN PetscErrorCode GWModelGetZoneBudget(GWModel, PetscInt, PetscReal[], PetscReal[]);
PETSC_EXTERN PetscErrorCode GWModelGetZoneFlow(GWModel, PetscInt, PetscInt, PetscReal *);
PETSC_EXTERN PetscErrorCode GWModelZoneBudgetView(GWModel, PetscViewer);
PETSC_EXTERN PetscErrorCode GWModelGetZoneBudgetTerm(GWModel, PetscInt, const char[], PetscReal *, PetscReal *);

#endif
