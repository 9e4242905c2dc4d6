/* libgw calibration: weighted least squares of model parameters against observations, with
   PETSc TAO, forward runs in memory (GWModelReset() and the parameter registry). */
#ifndef GWCALIB_H
#define GWCALIB_H

#include <gwio.h>
#include <petsctao.h>

/*S
  GWCalib - a calibration: a scenario, the parameters to estimate (by registry path, with bounds
  and a log or linear transform) and groups of observations read from CSV files; GWCalibSolve()
  minimises the weighted sum of squared residuals with TAO and reports estimates, standard errors,
  95% confidence intervals and the correlation matrix

  Level: beginner

.seealso: `GWCalibCreate()`, `GWCalibLoad()`, `GWCalibSolve()`, `GWCalibView()`
S*/
typedef struct _p_GWCalib *GWCalib;

PETSC_EXTERN PetscClassId GWCALIB_CLASSID;

PETSC_EXTERN PetscErrorCode GWCalibCreate(MPI_Comm, GWCalib *);
PETSC_EXTERN PetscErrorCode GWCalibLoad(GWCalib, const char[]);
PETSC_EXTERN PetscErrorCode GWCalibSetFromOptions(GWCalib);
PETSC_EXTERN PetscErrorCode GWCalibGetModel(GWCalib, GWModel *);
PETSC_EXTERN PetscErrorCode GWCalibGetTao(GWCalib, Tao *);
PETSC_EXTERN PetscErrorCode GWCalibGetSizes(GWCalib, PetscInt *, PetscInt *, PetscInt *);
PETSC_EXTERN PetscErrorCode GWCalibGetInitialValues(GWCalib, PetscReal[]);
PETSC_EXTERN PetscErrorCode GWCalibEvaluate(GWCalib, const PetscReal[], PetscReal[]);
PETSC_EXTERN PetscErrorCode GWCalibSolve(GWCalib);
PETSC_EXTERN PetscErrorCode GWCalibGetEstimates(GWCalib, PetscReal[], PetscReal[], PetscReal[], PetscReal[]);
PETSC_EXTERN PetscErrorCode GWCalibGetSingularValues(GWCalib, const PetscReal *[], const PetscBool *[]);
PETSC_EXTERN PetscErrorCode GWCalibGetCorrelation(GWCalib, const PetscReal *[]);
PETSC_EXTERN PetscErrorCode GWCalibGetGroupStatistics(GWCalib, PetscInt, PetscReal *, PetscReal *);
PETSC_EXTERN PetscErrorCode GWCalibGetRunStatistics(GWCalib, PetscInt *, PetscReal *, PetscReal *);
PETSC_EXTERN PetscErrorCode GWCalibView(GWCalib, PetscViewer);
PETSC_EXTERN PetscErrorCode GWCalibWriteResults(GWCalib, const char[]);
PETSC_EXTERN PetscErrorCode GWCalibDestroy(GWCalib *);

#endif
