/* libgw input and output: scenario files, NetCDF fields, CSV observations and budgets. */
#ifndef GWIO_H
#define GWIO_H

#include <gwmodel.h>

/*S
  GWOutputNetCDF - a CF-1.8 NetCDF-4 file of model fields written in parallel, one record per
  output time

  Level: beginner

.seealso: `GWOutputNetCDFOpen()`, `GWOutputNetCDFWrite()`, `GWOutputNetCDFClose()`
S*/
typedef struct _p_GWOutputNetCDF *GWOutputNetCDF;

PETSC_EXTERN PetscErrorCode GWOutputNetCDFOpen(GWModel, const char[], const char[], GWOutputNetCDF *);
PETSC_EXTERN PetscErrorCode GWOutputNetCDFReopen(GWModel, const char[], PetscReal, GWOutputNetCDF *);
PETSC_EXTERN PetscErrorCode GWOutputNetCDFWrite(GWOutputNetCDF, GWModel);
PETSC_EXTERN PetscErrorCode GWOutputNetCDFClose(GWOutputNetCDF *, const char[]);

PETSC_EXTERN PetscErrorCode GWModelCheckpointSave(GWModel, const char[]);
PETSC_EXTERN PetscErrorCode GWModelCheckpointLoad(GWModel, const char[]);

/*S
  GWScenario - a model described by a YAML scenario file, with its output times, observation
  points and output files; GWScenarioRun() runs it end to end

  Level: beginner

.seealso: `GWScenarioCreate()`, `GWScenarioLoad()`, `GWScenarioRun()`
S*/
typedef struct _p_GWScenario *GWScenario;

PETSC_EXTERN PetscErrorCode GWScenarioCreate(MPI_Comm, GWScenario *);
PETSC_EXTERN PetscErrorCode GWScenarioLoad(GWScenario, const char[]);
PETSC_EXTERN PetscErrorCode GWScenarioGetModel(GWScenario, GWModel *);
PETSC_EXTERN PetscErrorCode GWScenarioSetOutputPrefix(GWScenario, const char[]);
PETSC_EXTERN PetscErrorCode GWScenarioGetOutputPrefix(GWScenario, const char *[]);
PETSC_EXTERN PetscErrorCode GWScenarioSetMonitor(GWScenario, PetscViewer);
PETSC_EXTERN PetscErrorCode GWScenarioRun(GWScenario);
PETSC_EXTERN PetscErrorCode GWScenarioRestart(GWScenario, const char[]);
PETSC_EXTERN PetscErrorCode GWScenarioSetCatchSignals(GWScenario, PetscBool);
PETSC_EXTERN PetscErrorCode GWScenarioView(GWScenario, PetscViewer);
PETSC_EXTERN PetscErrorCode GWScenarioDestroy(GWScenario *);
PETSC_EXTERN PetscErrorCode GWScenarioKeysView(PetscViewer);

#endif
