/* libgw solute transport: advection, dispersion, diffusion, sorption and decay of dissolved
   solutes (salt, tracers) carried by the flow model's own face fluxes. */
#ifndef GWTRANSPORT_H
#define GWTRANSPORT_H

#include <gwmodel.h>
#include <gwpackage.h>

/*S
  GWSolute - one dissolved species (a salt, a tracer, a contaminant) transported by the flow of a
  GWModel: its diffusion, dispersivities, sorption, decay and production, the concentration of the
  water each package brings in, and its concentration field and mass budget once the model runs.

  Level: beginner

.seealso: `GWSoluteCreate()`, `GWModelAddSolute()`, `GWSoluteGetConcentration()`
S*/
typedef struct _p_GWSolute *GWSolute;

/*E
  GWSoluteBoundary - how a package's inflow concentration enters the solute equation.
  GW_SOLUTE_INFLOW (third type, Cauchy): the water the package brings in carries the given
  concentration, total solute flux Q c_in, and no dispersive flux crosses the face (van Genuchten
  and Alves 1982, their "flux-type" inlet). GW_SOLUTE_FIXED (first type, Dirichlet): the
  concentration on the package's face is held at the given value; advective inflow Q c_in plus
  dispersion and diffusion between the face and the cell centre.

  Level: beginner

.seealso: `GWSoluteSetPackageConcentration()`
E*/
typedef enum {
  GW_SOLUTE_INFLOW,
  GW_SOLUTE_FIXED
} GWSoluteBoundary;
PETSC_EXTERN const char *const GWSoluteBoundaries[];

/*E
  GWSorptionIsotherm - the equilibrium isotherm F(c) relating the sorbed mass per mass of solid
  [kg/kg] to the concentration c in the water [kg/m^3]. GW_SORPTION_LINEAR: F = Kd c.
  GW_SORPTION_FREUNDLICH: F = Kf c^nf. GW_SORPTION_LANGMUIR: F = Smax KL c / (1 + KL c).

  Level: intermediate

.seealso: `GWSoluteSetSorption()`, `GWSoluteSetFreundlich()`, `GWSoluteSetLangmuir()`
E*/
typedef enum {
  GW_SORPTION_LINEAR,
  GW_SORPTION_FREUNDLICH,
  GW_SORPTION_LANGMUIR
} GWSorptionIsotherm;
PETSC_EXTERN const char *const GWSorptionIsotherms[];

/*E
  GWAdvectionScheme - how the advective flux across a face is computed

  GW_ADVECTION_UPWIND: the upstream cell's concentration. GW_ADVECTION_TVD: van Leer's flux
  limiter by deferred correction (GWSoluteSetAdvectionScheme()).

  Level: intermediate

.seealso: `GWSoluteSetAdvectionScheme()`
E*/
typedef enum {
  GW_ADVECTION_UPWIND,
  GW_ADVECTION_TVD
} GWAdvectionScheme;
PETSC_EXTERN const char *const GWAdvectionSchemes[];

PETSC_EXTERN PetscClassId GWSOLUTE_CLASSID;

PETSC_EXTERN PetscErrorCode GWSoluteCreate(MPI_Comm, GWSolute *);
PETSC_EXTERN PetscErrorCode GWSoluteDestroy(GWSolute *);
PETSC_EXTERN PetscErrorCode GWSoluteSetName(GWSolute, const char[]);
PETSC_EXTERN PetscErrorCode GWSoluteGetName(GWSolute, const char *[]);
PETSC_EXTERN PetscErrorCode GWSoluteSetDiffusionCoefficient(GWSolute, PetscReal);
PETSC_EXTERN PetscErrorCode GWSoluteGetDiffusionCoefficient(GWSolute, PetscReal *);
PETSC_EXTERN PetscErrorCode GWSoluteSetDispersivity(GWSolute, PetscInt, PetscReal, PetscReal);
PETSC_EXTERN PetscErrorCode GWSoluteGetDispersivity(GWSolute, PetscInt, PetscReal *, PetscReal *);
PETSC_EXTERN PetscErrorCode GWSoluteSetSorption(GWSolute, PetscInt, PetscReal, PetscReal);
PETSC_EXTERN PetscErrorCode GWSoluteGetSorption(GWSolute, PetscInt, PetscReal *, PetscReal *);
PETSC_EXTERN PetscErrorCode GWSoluteSetFreundlich(GWSolute, PetscInt, PetscReal, PetscReal, PetscReal);
PETSC_EXTERN PetscErrorCode GWSoluteGetFreundlich(GWSolute, PetscInt, PetscReal *, PetscReal *, PetscReal *);
PETSC_EXTERN PetscErrorCode GWSoluteSetLangmuir(GWSolute, PetscInt, PetscReal, PetscReal, PetscReal);
PETSC_EXTERN PetscErrorCode GWSoluteGetLangmuir(GWSolute, PetscInt, PetscReal *, PetscReal *, PetscReal *);
PETSC_EXTERN PetscErrorCode GWSoluteGetSorptionIsotherm(GWSolute, GWSorptionIsotherm *);
PETSC_EXTERN PetscErrorCode GWSoluteGetSorptionIterations(GWSolute, PetscInt *, PetscInt *);
PETSC_EXTERN PetscErrorCode GWSoluteSetAdvectionScheme(GWSolute, GWAdvectionScheme);
PETSC_EXTERN PetscErrorCode GWSoluteGetAdvectionScheme(GWSolute, GWAdvectionScheme *);
PETSC_EXTERN PetscErrorCode GWSoluteSetCourantMax(GWSolute, PetscReal);
PETSC_EXTERN PetscErrorCode GWSoluteGetCourantMax(GWSolute, PetscReal *);
PETSC_EXTERN PetscErrorCode GWModelGetTransportSubSteps(GWModel, PetscInt *, PetscInt *);
PETSC_EXTERN PetscErrorCode GWSoluteSetDecay(GWSolute, PetscReal, PetscReal);
PETSC_EXTERN PetscErrorCode GWSoluteGetDecay(GWSolute, PetscReal *, PetscReal *);
PETSC_EXTERN PetscErrorCode GWSoluteSetProduction(GWSolute, PetscReal, PetscReal);
PETSC_EXTERN PetscErrorCode GWSoluteGetProduction(GWSolute, PetscReal *, PetscReal *);
PETSC_EXTERN PetscErrorCode GWSoluteSetInitialConcentration(GWSolute, PetscReal);
PETSC_EXTERN PetscErrorCode GWSoluteGetInitialConcentration(GWSolute, PetscReal *);
PETSC_EXTERN PetscErrorCode GWSoluteSetPackageConcentration(GWSolute, GWPackage, PetscReal, GWSoluteBoundary);
PETSC_EXTERN PetscErrorCode GWSoluteGetPackageConcentration(GWSolute, GWPackage, PetscReal *, GWSoluteBoundary *);
PETSC_EXTERN PetscErrorCode GWSoluteGetConcentration(GWSolute, Vec *);
PETSC_EXTERN PetscErrorCode GWSoluteGetPackageBudget(GWSolute, PetscInt, PetscReal *, PetscReal *, PetscReal *, PetscReal *);
PETSC_EXTERN PetscErrorCode GWSoluteGetStorageChange(GWSolute, PetscReal *, PetscReal *, PetscReal *, PetscReal *);
PETSC_EXTERN PetscErrorCode GWSoluteGetReactionBudget(GWSolute, PetscReal *, PetscReal *, PetscReal *, PetscReal *);
PETSC_EXTERN PetscErrorCode GWSoluteGetMassBalanceError(GWSolute, PetscReal *, PetscReal *, PetscReal *, PetscReal *);
PETSC_EXTERN PetscErrorCode GWSoluteGetTotalMass(GWSolute, PetscReal *, PetscReal *);
PETSC_EXTERN PetscErrorCode GWSoluteGetLinearIterations(GWSolute, PetscInt *);
PETSC_EXTERN PetscErrorCode GWSoluteSetSolubility(GWSolute, PetscReal);
PETSC_EXTERN PetscErrorCode GWSoluteGetSolubility(GWSolute, PetscReal *, PetscBool *);
PETSC_EXTERN PetscErrorCode GWSoluteGetSolid(GWSolute, Vec *);
PETSC_EXTERN PetscErrorCode GWSoluteGetSolidBudget(GWSolute, PetscReal *, PetscReal *, PetscReal *);
PETSC_EXTERN PetscErrorCode GWSoluteBudgetView(GWSolute, PetscViewer);
/* terms of the zone budget, in the order of GWSoluteGetZoneBudget()'s arrays */
#define GW_SOLUTE_ZONE_NTERMS 9
PETSC_EXTERN const char *const GWSoluteZoneTerms[GW_SOLUTE_ZONE_NTERMS];
PETSC_EXTERN PetscErrorCode    GWSoluteGetZoneBudget(GWSolute, PetscInt, PetscReal[], PetscReal[]);

PETSC_EXTERN PetscErrorCode GWModelAddSolute(GWModel, GWSolute);
PETSC_EXTERN PetscErrorCode GWModelGetNumSolutes(GWModel, PetscInt *);
PETSC_EXTERN PetscErrorCode GWModelGetSolute(GWModel, PetscInt, GWSolute *);

#endif
