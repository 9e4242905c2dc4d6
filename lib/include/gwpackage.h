/* libgw boundary and source packages (MODFLOW 6 style: one interface for every boundary). */
#ifndef GWPACKAGE_H
#define GWPACKAGE_H

#include <petscsys.h>
#include <petscvec.h>

/*S
  GWPackage - a boundary condition or source/sink acting on a set of cells (and, for boundary
  conditions, on one face of each cell). Each package contributes to the residual and Jacobian,
  reports its volumetric rate per cell to the water budget, and follows a time schedule.

  Level: beginner

.seealso: `GWPackageCreate()`, `GWPackageSetType()`, `GWModelAddPackage()`
S*/
typedef struct _p_GWPackage *GWPackage;

/*J
  GWPackageType - name of a package implementation

  Level: beginner
J*/
typedef const char *GWPackageType;
#define GWPACKAGEHEAD               "head"               /* specified pressure or hydraulic head on cell faces */
#define GWPACKAGEFLUX               "flux"               /* specified flux per area across cell faces */
#define GWPACKAGESEEPAGEFACE        "seepage-face"       /* outflow-only face at atmospheric pressure */
#define GWPACKAGEWELL               "well"               /* well: volumetric rate shared over its cells */
#define GWPACKAGEATMOSPHERE         "atmosphere"         /* rain, irrigation, evaporation; switches to head when ponded or dry */
#define GWPACKAGEEVAPOTRANSPIRATION "evapotranspiration" /* phreatic evaporation vs water-table depth */
#define GWPACKAGEROOTUPTAKE         "root-uptake"        /* Feddes root water uptake over a root zone */
#define GWPACKAGEFREEDRAINAGE       "free-drainage"      /* unit hydraulic gradient (zero pressure-head gradient) across faces */
#define GWPACKAGEDRAIN              "drain"              /* springs and drains: outflow C (h - z) while the head is above z */
#define GWPACKAGEGENERALHEAD        "general-head"       /* exchange C (H_ext - h) with an external head */
#define GWPACKAGERIVER              "river"              /* river leakage through a streambed, optional routing of reach flows */
#define GWPACKAGECANAL              "canal"              /* a river with a lined bed; seepage budgeted apart */

/*E
  GWFace - which face of a cell a boundary package acts on. Faces follow the grid axes:
  west = -x, east = +x, south = -y, north = +y, top = upper face (layer 0 is the top layer),
  bottom = lower face. GW_FACE_NONE is for sources inside a cell (wells).

  Level: beginner
E*/
typedef enum {
  GW_FACE_NONE,
  GW_FACE_WEST,
  GW_FACE_EAST,
  GW_FACE_SOUTH,
  GW_FACE_NORTH,
  GW_FACE_TOP,
  GW_FACE_BOTTOM
} GWFace;
PETSC_EXTERN const char *const GWFaces[];

/*E
  GWHeadKind - whether a specified head is a pressure head psi [m] or a hydraulic head
  H = psi + z [m]

  Level: beginner
E*/
typedef enum {
  GW_HEAD_PRESSURE,
  GW_HEAD_HYDRAULIC
} GWHeadKind;
PETSC_EXTERN const char *const GWHeadKinds[];

/*E
  GWInterpolation - how a schedule is read between its times: GW_INTERP_STEP holds each value
  until the next time (MODFLOW stress periods); GW_INTERP_LINEAR interpolates linearly.
  Before the first time the first value holds, after the last time the last value.

  Level: beginner
E*/
typedef enum {
  GW_INTERP_STEP,
  GW_INTERP_LINEAR
} GWInterpolation;
PETSC_EXTERN const char *const GWInterpolations[];

/*E
  GWDiversionRule - how a diversion of a routed reach takes water from the flow F at the reach's
  end (MODFLOW 6 SFR's CPRIOR; Langevin et al. 2017, USGS TM 6-A55, ch. 7): GW_DIVERSION_UPTO
  takes min(rate, F); GW_DIVERSION_FRACTION takes the share rate (0 to 1) of F;
  GW_DIVERSION_EXCESS takes max(F - rate, 0), what exceeds the rate (a flood channel), leaving
  at most rate in the river

  Level: intermediate

.seealso: `GWPackageRiverSetReachDiversionRule()`
E*/
typedef enum {
  GW_DIVERSION_UPTO,
  GW_DIVERSION_FRACTION,
  GW_DIVERSION_EXCESS
} GWDiversionRule;
PETSC_EXTERN const char *const GWDiversionRules[];

/*E
  GWPackageFaceRule - which cell faces the entries of a package type act on, declared by the type:
  GW_PACKAGE_FACE_OPTIONAL a face or none (sources inside a cell: wells), GW_PACKAGE_FACE_REQUIRED
  one of the six faces (boundary conditions), GW_PACKAGE_FACE_TOP top faces only (atmosphere)

  Level: intermediate

.seealso: `GWPackageGetFaceRule()`, `GWFace`
E*/
typedef enum {
  GW_PACKAGE_FACE_OPTIONAL,
  GW_PACKAGE_FACE_REQUIRED,
  GW_PACKAGE_FACE_TOP
} GWPackageFaceRule;
PETSC_EXTERN const char *const GWPackageFaceRules[];

PETSC_EXTERN PetscClassId GWPACKAGE_CLASSID;

PETSC_EXTERN PetscErrorCode GWPackageCreate(MPI_Comm, GWPackage *);
PETSC_EXTERN PetscErrorCode GWPackageDestroy(GWPackage *);
PETSC_EXTERN PetscErrorCode GWPackageSetType(GWPackage, GWPackageType);
PETSC_EXTERN PetscErrorCode GWPackageGetType(GWPackage, GWPackageType *);
PETSC_EXTERN PetscErrorCode GWPackageRegister(const char[], PetscErrorCode (*)(GWPackage));
PETSC_EXTERN PetscErrorCode GWPackageSetName(GWPackage, const char[]);
PETSC_EXTERN PetscErrorCode GWPackageGetName(GWPackage, const char *[]);
PETSC_EXTERN PetscErrorCode GWPackageAddCell(GWPackage, PetscInt, PetscInt, PetscInt, GWFace);
PETSC_EXTERN PetscErrorCode GWPackageAddCellRange(GWPackage, PetscInt, PetscInt, PetscInt, PetscInt, PetscInt, PetscInt, GWFace);
PETSC_EXTERN PetscErrorCode GWPackageGetNumCells(GWPackage, PetscInt *);
PETSC_EXTERN PetscErrorCode GWPackageSetValue(GWPackage, PetscReal);
PETSC_EXTERN PetscErrorCode GWPackageSetSchedule(GWPackage, PetscInt, const PetscReal[], const PetscReal[], GWInterpolation);
PETSC_EXTERN PetscErrorCode GWPackageSetScheduleColumns(GWPackage, PetscInt, const PetscReal[], PetscInt, const PetscReal[], GWInterpolation);
PETSC_EXTERN PetscErrorCode GWPackageSetValues(GWPackage, PetscInt, const PetscReal[]);
PETSC_EXTERN PetscErrorCode GWPackageSetCellGroups(GWPackage, PetscInt, const PetscInt[]);
PETSC_EXTERN PetscErrorCode GWPackageSetParameterValues(GWPackage, const char[], PetscInt, const PetscReal[]);
PETSC_EXTERN PetscErrorCode GWPackageSetValueField(GWPackage, Vec);
PETSC_EXTERN PetscErrorCode GWPackageSetParameterField(GWPackage, const char[], Vec);
PETSC_EXTERN PetscErrorCode GWPackageGetUnknowns(GWPackage, PetscInt *, const PetscScalar *[]);
PETSC_EXTERN PetscErrorCode GWPackageGetSchedule(GWPackage, PetscInt *, const PetscReal *[], const PetscReal *[], GWInterpolation *);
PETSC_EXTERN PetscErrorCode GWPackageGetValue(GWPackage, PetscReal, PetscReal, PetscReal *);
PETSC_EXTERN PetscErrorCode GWPackageGetNextBreakpoint(GWPackage, PetscReal, PetscReal *);
PETSC_EXTERN PetscErrorCode GWPackageSetInput(GWPackage, const char[], PetscInt, const PetscReal[], const PetscReal[], GWInterpolation);
PETSC_EXTERN PetscErrorCode GWPackageSetInputValue(GWPackage, const char[], PetscReal);
PETSC_EXTERN PetscErrorCode GWPackageGetInputValue(GWPackage, const char[], PetscReal, PetscReal, PetscReal *, PetscBool *);
PETSC_EXTERN PetscErrorCode GWPackageSetParameter(GWPackage, const char[], PetscReal);
PETSC_EXTERN PetscErrorCode GWPackageGetParameter(GWPackage, const char[], PetscReal *);
PETSC_EXTERN PetscErrorCode GWPackageSetOption(GWPackage, const char[], const char[]);
PETSC_EXTERN PetscErrorCode GWPackageGetOption(GWPackage, const char[], const char *[]);
PETSC_EXTERN PetscErrorCode GWPackageDescribe(GWPackage, PetscViewer);
PETSC_EXTERN PetscErrorCode GWPackageGetBudgetTerms(GWPackage, PetscInt *, const char *const *[], const PetscReal *[], const PetscReal *[]);
PETSC_EXTERN PetscErrorCode GWPackageHeadSetKind(GWPackage, GWHeadKind);
PETSC_EXTERN PetscErrorCode GWPackageEvapotranspirationSetSegments(GWPackage, PetscInt, const PetscReal[], const PetscReal[]);
PETSC_EXTERN PetscErrorCode GWPackageEvapotranspirationRate(GWPackage, PetscReal, PetscReal, PetscReal *, PetscReal *);
PETSC_EXTERN PetscErrorCode GWPackageHeadGetKind(GWPackage, GWHeadKind *);
PETSC_EXTERN PetscErrorCode GWPackageGetTypeNames(PetscInt *, const char **[]);
PETSC_EXTERN PetscErrorCode GWPackageGetFaceRule(GWPackage, GWPackageFaceRule *);
PETSC_EXTERN PetscErrorCode GWPackageGetValueUnit(GWPackage, const char *[], PetscBool *);
PETSC_EXTERN PetscErrorCode GWPackageGetHeadKindAccepted(GWPackage, PetscBool *);
PETSC_EXTERN PetscErrorCode GWPackageRiverSetReach(GWPackage, PetscInt, PetscInt, PetscReal, PetscReal, PetscReal);
PETSC_EXTERN PetscErrorCode GWPackageRiverSetReachSideSlope(GWPackage, PetscInt, PetscReal);
PETSC_EXTERN PetscErrorCode GWPackageRiverSetReachDiversionRule(GWPackage, PetscInt, GWDiversionRule);
PETSC_EXTERN PetscErrorCode GWPackageRiverSetReachInflow(GWPackage, PetscInt, PetscInt, const PetscReal[], const PetscReal[], GWInterpolation);
PETSC_EXTERN PetscErrorCode GWPackageRiverSetReachDiversion(GWPackage, PetscInt, GWPackage, PetscInt, PetscReal);
PETSC_EXTERN PetscErrorCode GWPackageRiverAddSpring(GWPackage, GWPackage, PetscInt);
PETSC_EXTERN PetscErrorCode GWPackageRiverAddRunoff(GWPackage, GWPackage, PetscInt);
PETSC_EXTERN PetscErrorCode GWPackageRiverSetReachEvaporation(GWPackage, PetscInt, PetscInt, const PetscReal[], const PetscReal[], GWInterpolation);
PETSC_EXTERN PetscErrorCode GWPackageRiverGetReachEvaporation(GWPackage, PetscInt, PetscReal *);
PETSC_EXTERN PetscErrorCode GWPackageRiverGetNumReaches(GWPackage, PetscInt *);
PETSC_EXTERN PetscErrorCode GWPackageRiverGetReachFlows(GWPackage, PetscInt, PetscReal *, PetscReal *, PetscReal *, PetscReal *, PetscReal *);

#endif
