/* Private input helpers: YAML document tree with source locations, units, CSV time series. */
#ifndef GW_PRIVATE_IOIMPL_H
#define GW_PRIVATE_IOIMPL_H

#include <gwio.h>
#include <gwtransport.h>
#include <stdio.h>
#include <gw/private/compat.h>
#include <petsc/private/petscimpl.h>

typedef enum {
  GW_YAML_SCALAR,
  GW_YAML_MAP,
  GW_YAML_SEQ
} GWYamlKind;

typedef struct _GWYamlNode *GWYamlNode;
struct _GWYamlNode {
  GWYamlKind  kind;
  char       *value;     /* scalar text (NULL for maps and sequences) */
  PetscInt    line, col; /* 1-based position in the file */
  PetscInt    n;         /* number of items (sequence) or key/value pairs (map) */
  GWYamlNode *keys;      /* map: [n] scalar key nodes */
  GWYamlNode *items;     /* map: [n] values; sequence: [n] items */
  const char *file;      /* file name, owned by the document */
  char       *path;      /* key path used in messages, e.g. "packages[2].value" */
};

typedef struct {
  char      *file;
  GWYamlNode root;
} GWYamlDoc;

PETSC_INTERN PetscErrorCode GWYamlLoad_Private(const char[], GWYamlDoc *);
PETSC_INTERN PetscErrorCode GWYamlFree_Private(GWYamlDoc *);
PETSC_INTERN GWYamlNode     GWYamlGet_Private(GWYamlNode, const char[]);

/* Key documentation: every key the scenario reader accepts, with its type, unit and default.
   The same table validates keys and is checked against doc/input.md by a test. */
typedef struct {
  const char *path;    /* e.g. "grid.nx", "packages[].value" */
  const char *type;    /* integer, number, quantity, string, list, map, ... */
  const char *unit;    /* SI unit the value converts to, "-" when dimensionless */
  const char *deflt;   /* default, or "required" */
  const char *summary; /* one line */
} GWKeyDoc;

PETSC_INTERN const GWKeyDoc GWScenarioKeys[];
PETSC_INTERN PetscErrorCode GWYamlCheckKeys_Private(GWYamlNode, const char[]);
PETSC_INTERN PetscErrorCode GWYamlCheckKeysIn_Private(GWYamlNode, const char[], const GWKeyDoc[]);

/* udunits2 conversion of "<number> <unit>" to the SI unit given */
PETSC_INTERN PetscErrorCode GWUnitsConvert_Private(const char[], const char[], PetscReal *, PetscBool *, char[], size_t);
PETSC_INTERN PetscErrorCode GWUnitsFinalize_Private(void);

/* Dates: "YYYY-MM-DD", optionally followed by "THH:MM[:SS]" or " HH:MM[:SS]", as seconds since 1970-01-01 UTC */
PETSC_INTERN PetscErrorCode GWParseDate_Private(const char[], PetscReal *, PetscBool *);
PETSC_INTERN PetscErrorCode GWFormatDate_Private(PetscReal, char[], size_t);

/* A time series read from CSV */
typedef struct {
  PetscInt   n, ncol;
  PetscReal *t, *v; /* [n] time [s] since the scenario start; [n * ncol] values in SI, row-major by time */
  PetscInt  *line;  /* [n] line of each row in the CSV file */
  char       path[PETSC_MAX_PATH_LEN];
} GWSeries;

PETSC_INTERN PetscErrorCode GWSeriesRead_Private(MPI_Comm, GWYamlNode, const char[], const char[], PetscReal, PetscBool, GWSeries *);
PETSC_INTERN PetscErrorCode GWSeriesFree_Private(GWSeries *);

/* the solutes' part of a checkpoint (lib/io/checkpoint_solutes.c) */
PETSC_INTERN PetscErrorCode GWModelCheckpointSaveSolutes_Private(GWModel, PetscViewer);
PETSC_INTERN PetscErrorCode GWModelCheckpointLoadSolutes_Private(GWModel, PetscViewer, const char[]);

struct _p_GWScenario {
  PETSCHEADER(int);
  GWModel    model;
  char      *file; /* scenario path */
  char       title[256];
  char       prefix[PETSC_MAX_PATH_LEN]; /* output prefix */
  PetscBool  prefix_set;                 /* by GWScenarioSetOutputPrefix(): overrides the file */
  char       basename[256];              /* scenario file name without folder and .yaml */
  PetscReal  tend;                       /* end time [s] */
  PetscInt   nout;
  PetscReal *tout; /* [nout] output times [s], increasing, last = tend */
  PetscInt   nobs;
  char (*obsname)[64];
  PetscReal  *obsxyz;        /* [3*nobs] observation points [m] */
  PetscReal  *obsrange;      /* [2*nobs] depth range below the land surface of a layer observation [m]; NaN for a point */
  PetscInt   *obsq;          /* [nobs] quantities of each point: bit q for GWObsQuantities[q] */
  PetscInt   *obspkg;        /* [2*nobs] package and reach of a surface-water observation; -1: a point */
  PetscBool  *obssol;        /* [nobs][number of solutes] concentrations observed (bit GW_OBS_CONCENTRATION of obsq); NULL: none */
  PetscReal   obs_every;     /* observation interval [s]; 0: at the field output times */
  PetscViewer monitor;       /* progress lines, or NULL */
  PetscBool   restarted;     /* by GWScenarioRestart(): the outputs of the prefix are continued */
  PetscBool   catch_signals; /* GWScenarioSetCatchSignals() */
  PetscBool   steady;        /* initial.steady: a steady-state stage before the run */
  PetscReal   steady_tol;    /* [m] largest pressure-head change of its last iteration */
  PetscInt    steady_maxit, steady_iterations;
};

PETSC_EXTERN PetscClassId GWSCENARIO_CLASSID;

/* Quantities an observation can record, in column order (lib/io/scenario.c): the first
   GW_OBS_NPOINT at points of the grid, the others at reaches and springs (lib/io/scenario_rivers.c) */
#define GW_OBS_NPOINT 5
#define GW_OBS_NQ     12
#define GW_OBS_STORAGE 11 /* water stored over a depth range (layer observations only) */
#define GW_OBS_CONCENTRATION 12 /* bit of obsq: concentrations of the solutes in obssol (lib/io/observation_solutes.c), columns after the others */
PETSC_INTERN const char *const GWObsQuantities[GW_OBS_NQ];
PETSC_INTERN PetscErrorCode    GWScenarioReadConcentrationQuantity_Private(GWScenario, GWYamlNode, PetscInt, PetscBool *);
PETSC_INTERN PetscErrorCode    GWScenarioConcentrationHeader_Private(GWScenario, PetscInt, FILE *);
PETSC_INTERN PetscErrorCode    GWScenarioConcentrationObservations_Private(GWScenario, PetscScalar ***, PetscScalar ****, PetscReal[]);
PETSC_INTERN PetscErrorCode    GWScenarioConcentrationWrite_Private(GWScenario, PetscInt, PetscReal, PetscReal[], FILE *);
PETSC_INTERN PetscErrorCode    GWScenarioReadSurfaceObservation_Private(GWScenario, GWYamlNode, PetscInt);
PETSC_INTERN PetscErrorCode    GWScenarioSurfaceObservation_Private(GWScenario, PetscInt, PetscMPIInt, PetscReal[]);
/* values at observation points and layers from the current state, on rank 0 (lib/io/sample.c) */
PETSC_INTERN PetscErrorCode GWModelSampleObservations_Private(GWModel, PetscInt, const PetscReal[], const PetscReal[], const PetscInt[], PetscReal[], PetscReal[]);

/* Readers of scenario values (lib/io/scenario_read.c): each checks the value where it is read */
PETSC_INTERN PetscErrorCode GWReadQuantity_Private(GWYamlNode, const char[], PetscReal *);
PETSC_INTERN PetscErrorCode GWGetQuantity_Private(GWYamlNode, const char[], const char[], PetscBool, PetscReal *, PetscBool *);
PETSC_INTERN PetscErrorCode GWGetInteger_Private(GWYamlNode, const char[], PetscBool, PetscInt, PetscInt *);
PETSC_INTERN PetscInt       GWEditDistance_Private(const char *, const char *);
PETSC_INTERN PetscErrorCode GWGetString_Private(GWYamlNode, const char[], PetscBool, const char **);
PETSC_INTERN PetscErrorCode GWReadQuantityArray_Private(GWYamlNode, const char[], PetscInt, PetscReal[]);
PETSC_INTERN PetscErrorCode GWGetRange_Private(GWYamlNode, const char[], PetscInt, PetscInt *, PetscInt *);
/* NetCDF inputs (lib/io/ncinput.c): shape, dimension order, units and missing values checked */
PETSC_INTERN PetscErrorCode GWNetCDFVariableRank_Private(GWYamlNode, const char[], PetscInt *);
PETSC_INTERN PetscErrorCode GWReadNetCDFField_Private(GWModel, GWYamlNode, const char[], Vec *);
PETSC_INTERN PetscErrorCode GWReadNetCDF_Private(MPI_Comm, GWYamlNode, const char[], PetscInt, const PetscInt[], const size_t[], const size_t[], const char[], PetscReal[]);
PETSC_INTERN PetscErrorCode GWScenarioWarn_Private(GWScenario, GWYamlNode);
PETSC_INTERN PetscErrorCode GWScenarioReadSteady_Private(GWScenario, GWYamlNode);
PETSC_INTERN PetscErrorCode GWScenarioSteadyStage_Private(GWScenario);
PETSC_INTERN PetscErrorCode GWScenarioReadInitial_Private(GWModel, GWYamlNode, GWYamlNode *);
PETSC_INTERN PetscErrorCode GWScenarioApplyInitial_Private(GWModel, GWYamlNode);
PETSC_INTERN PetscErrorCode GWMissingSection_Private(GWYamlNode, const char[], const char[]);
PETSC_INTERN PetscErrorCode GWCheckName_Private(GWYamlNode, const char[], size_t);
PETSC_INTERN PetscErrorCode GWGetSection_Private(GWYamlNode, const char[], PetscBool, GWYamlNode *);
PETSC_INTERN PetscErrorCode GWReadSeries_Private(MPI_Comm, GWYamlNode, const char[], const char[], PetscReal, PetscBool, PetscReal, GWSeries *, GWInterpolation *);
PETSC_INTERN PetscErrorCode GWSeriesFill_Private(GWYamlNode, GWInterpolation, PetscReal, GWSeries *);

/* Sections read into a model: materials and zones (lib/io/scenario_materials.c), packages
   (lib/io/scenario_packages.c, with the start date of dated series) */
PETSC_INTERN PetscErrorCode GWScenarioReadMaterials_Private(GWModel, GWYamlNode);
PETSC_INTERN PetscErrorCode GWScenarioReadPackages_Private(GWModel, GWYamlNode, PetscReal, PetscBool, PetscReal);
/* CSV fields of the run's outputs (lib/io/run.c) */
PETSC_INTERN PetscErrorCode GWDateField_Private(GWModel, char[], size_t);
PETSC_INTERN PetscErrorCode GWPutTime_Private(FILE *, PetscReal);
PETSC_INTERN PetscErrorCode GWPutNameField_Private(FILE *, const char[], const char[], const char[]);
/* solute outputs (lib/io/solute_output.c) */
PETSC_INTERN PetscErrorCode GWSoluteBudgetHeader_Private(GWModel, FILE *);
PETSC_INTERN PetscErrorCode GWSoluteBudgetRow_Private(GWModel, FILE *);
PETSC_INTERN PetscErrorCode GWSoluteVariableName_Private(GWSolute, const char[], char[], size_t);
/* solutes, after materials and packages (lib/io/scenario_solutes.c) */
PETSC_INTERN PetscErrorCode GWScenarioReadSolutes_Private(GWModel, GWYamlNode);
/* routed reaches of river and canal packages, and their links to other packages (lib/io/scenario_rivers.c) */
PETSC_INTERN PetscErrorCode GWScenarioReadReaches_Private(GWModel, GWPackage, GWYamlNode, PetscReal, PetscBool, PetscReal);
PETSC_INTERN PetscErrorCode GWScenarioLinkReaches_Private(GWModel, GWYamlNode, PetscInt);

/* Errors in input: file:line:column: key: message, with PETSC_ERR_USER_INPUT */
#define GWInputCheck(cond, node, ...)                                                                                                                                   \
  do {                                                                                                                                                                  \
    if (PetscUnlikely(!(cond))) {                                                                                                                                       \
      char gw_msg_[1024];                                                                                                                                               \
      PetscCall(PetscSNPrintf(gw_msg_, sizeof(gw_msg_), __VA_ARGS__));                                                                                                  \
      SETERRQ(PETSC_COMM_SELF, PETSC_ERR_USER_INPUT, "%s:%" PetscInt_FMT ":%" PetscInt_FMT ": %s: %s", (node)->file, (node)->line, (node)->col, (node)->path, gw_msg_); \
    }                                                                                                                                                                   \
  } while (0)

#endif
