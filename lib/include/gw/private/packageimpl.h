/* Private definition of GWPackage (not installed). */
#ifndef GW_PRIVATE_PACKAGEIMPL_H
#define GW_PRIVATE_PACKAGEIMPL_H

#include <gwmodel.h>
#include <petscmat.h>
#include <petsc/private/petscimpl.h>
#include <gw/private/compat.h>

/* One cell (and face) a package acts on, with the geometry the package needs, filled at set-up. */
typedef struct {
  PetscInt  i, j, k; /* global cell indices */
  GWFace    face;
  PetscReal area;   /* face area [m^2] (0 for GW_FACE_NONE) */
  PetscReal dist;   /* distance from the cell centre to the face [m] */
  PetscReal K;      /* saturated conductivity normal to the face [m/s] */
  PetscReal zc, zf; /* elevation of the cell centre and of the face centre [m] */
  PetscReal weight; /* share of the package rate (wells), sums to 1 over all ranks */
  PetscInt  mat;    /* material index of the cell */
} GWPackageEntry;

/* A named input (time series), parameter or option a package type accepts, declared by the type. */
typedef struct {
  const char *name;
  const char *unit;    /* SI unit of the value, "-" when dimensionless, "text" for options */
  PetscReal   deflt;   /* default (parameters); PETSC_NAN: required */
  const char *summary; /* for documentation and error messages; options list their choices */
} GWPackageSlot;

/* A schedule: values at increasing times, read by step or linear interpolation. */
typedef struct {
  PetscInt        n;
  PetscReal      *t, *v;
  GWInterpolation interp;
} GWSchedule;

/* What a package sees of the Newton iterate: pressure head in its cells and their star-stencil
   neighbours, and its own unknowns. */
typedef struct {
  PetscScalar     ***psi; /* pressure head [m], ghosted local array [k][j][i] of this rank */
  const PetscScalar *u;   /* the package's unknowns [nunknown], the same on every rank */
  const PetscReal   *v;   /* package value of each value column [ncol] over the step (schedule midpoint) */
} GWPackageState;

typedef struct _GWPackageOps *GWPackageOps;
struct _GWPackageOps {
  /* finish set-up once entries carry geometry (e.g. well weights); may set nunknown; collective */
  PetscErrorCode (*setup)(GWPackage, GWModel);
  /* called at the start of every time step, before Newton (e.g. to find water-table cells) */
  PetscErrorCode (*stepbegin)(GWPackage, GWModel);
  /* adds this rank's volumes [m^3] of the package's budget terms over an accepted step of length
     dt at the converged state (entries' Q already evaluated) to vals[nterm * zone + term], zone
     being the material index of each entry's cell */
  PetscErrorCode (*terms)(GWPackage, GWModel, PetscReal, PetscReal *);
  /* frees type data */
  PetscErrorCode (*destroy)(GWPackage);
  /* Package level (every entry at once). residual: the volumetric rate Q[e] [m^3/s] into the cell
     of each of this rank's entries, and this rank's share r[u] [m^3/s] of the residual of each
     package unknown (summed over ranks; zero at the solution); r is zeroed by the caller.
     jacobian: adds dQ[e]/dx and dr[u]/dx for every x the package depends on, through
     GWPackageAddRateDerivative_Private() and GWPackageAddUnknownDerivative_Private(); it must add
     every entry it may ever add (zeros included), because it also gives the Jacobian pattern at
     set-up. Defaults (when only evaluate is given): one cell per entry, diagonal coupling. */
  PetscErrorCode (*residual)(GWPackage, GWModel, const GWPackageState *, PetscReal *, PetscScalar *);
  PetscErrorCode (*jacobian)(GWPackage, GWModel, const GWPackageState *, Mat);
  /* initial values of the package unknowns [nunknown] (every rank the same) */
  PetscErrorCode (*initialguess)(GWPackage, GWModel, PetscScalar *);
  /* Entry level, for packages whose entries each act on their own cell only: rate Q [m^3/s] into
     the entry's cell and dQ/dpsi, for pressure head psi in the cell and the entry's value v */
  PetscErrorCode (*evaluate)(GWPackage, GWModel, const GWPackageEntry *, PetscReal, PetscReal, PetscReal *, PetscReal *);
  /* the first time > t [s] of the type's own schedules (e.g. inflow hydrographs of river reaches),
     PETSC_MAX_REAL if none; time steps land on it */
  PetscErrorCode (*nextbreakpoint)(GWPackage, PetscReal, PetscReal *);
  /* the rate [m^3/s] of water entering each entry's cell that carries the package's solute
     concentration, over the accepted step at the converged state (entries' Q evaluated); default
     (NULL) max(Q, 0). The atmosphere gives its precipitation and irrigation less runoff, also
     when evaporation from the same face leaves a net outflow: evaporation takes water, not salt */
  PetscErrorCode (*soluteinflow)(GWPackage, GWModel, PetscReal *);
};

struct _p_GWPackage {
  PETSCHEADER(struct _GWPackageOps);
  /* cells as given (every rank the same list) */
  PetscInt  ncell, maxcell;
  PetscInt *cell;  /* 4 per cell: i, j, k, face */
  PetscInt *group; /* [ncell] value column of each cell, or NULL (see GWPackageSetCellGroups()) */
  /* entries owned by this rank, after set-up */
  PetscInt        nentry;
  GWPackageEntry *entry;
  PetscReal      *Q, *dQ; /* per entry, from the last evaluation */
  PetscInt       *col;    /* [nentry] value column of each entry */
  PetscInt       *cellof; /* [nentry] index of each entry in the cell list */
  /* unknowns owned by the package (e.g. head in a pipe, flow in each river reach), solved in the
     same Newton iteration as pressure head; stored redundantly (DMRedundant on rank 0) */
  PetscInt     nunknown;
  PetscInt     uoffset; /* position of the first unknown among all packages' unknowns */
  PetscScalar *u;       /* [nunknown] current values, the same on every rank */
  /* schedule */
  PetscInt        nsched, ncol;    /* schedule times, value columns (one value per column per time) */
  PetscReal      *tsched, *vsched; /* [nsched], [nsched * ncol] row-major by time */
  PetscReal      *vstep;           /* [ncol] values over the step being solved */
  GWInterpolation interp;
  GWHeadKind      headkind;
  PetscBool       needs_value;
  PetscBool       setup;
  /* inputs, parameters and options declared by the type */
  const GWPackageSlot *inputdoc, *paramdoc, *optiondoc;
  PetscInt             ninput, nparam, noption;
  GWSchedule          *input;       /* [ninput]; n = 0 when not given */
  PetscReal           *param;       /* [nparam] */
  PetscReal          **param_cell;  /* [nparam] per-cell values [ncell] or NULL (constant) */
  PetscReal          **param_entry; /* [nparam] per-entry values [nentry] or NULL, after set-up */
  Vec                 *param_field; /* [nparam] per-cell values on the model's DMDA or NULL */
  PetscReal           *param_mult;  /* [nparam] multipliers of per-cell values (1) */
  Vec                  value_field; /* a value per cell on the model's DMDA, constant in time, or NULL */
  PetscReal            value_mult;  /* multiplier of value_field (1) */
  PetscReal           *value_entry; /* [nentry] value_field at each entry's cell, after set-up */
  char               **option;      /* [noption] chosen values */
  /* budget terms of the type beyond in and out, e.g. runoff, actual evaporation */
  PetscInt     nterm;
  const char **termname;
  PetscReal   *term_step, *term_cum;           /* [nterm] volumes [m^3], the same on every rank */
  PetscReal   *term_zone_step, *term_zone_cum; /* [nterm * nmat] the same by zone */
  void        *data;                           /* type data */
  /* declared by the type's create function, for readers of scenario files */
  GWPackageFaceRule face_rule;          /* which faces its entries act on */
  const char       *value_unit;         /* SI unit of the package value, NULL when it takes none */
  PetscBool         head_kind_accepted; /* the value may be a pressure or a hydraulic head */
};

PETSC_INTERN PetscErrorCode GWPackageRegisterAll_Private(void);
PETSC_INTERN PetscErrorCode GWPackageSetUp_Private(GWPackage, GWModel);
PETSC_EXTERN PetscErrorCode GWPackageDeclare_Private(GWPackage, PetscInt, const GWPackageSlot[], PetscInt, const GWPackageSlot[], PetscInt, const GWPackageSlot[], PetscInt, const char *const[]);
PETSC_INTERN PetscErrorCode GWScheduleValue_Private(const GWSchedule *, PetscReal, PetscReal, PetscReal *);
PETSC_INTERN PetscErrorCode GWPackageInput_Private(GWPackage, PetscInt, PetscReal, PetscReal, PetscReal *);
PETSC_INTERN PetscErrorCode GWPackageOption_Private(GWPackage, PetscInt, PetscInt *);
PETSC_INTERN PetscInt       GWPackageSlotIndex_Private(PetscInt, const GWPackageSlot[], const char[], char[], size_t);
PETSC_INTERN PetscErrorCode GWPackageStepValues_Private(GWPackage, PetscReal, PetscReal);
PETSC_INTERN PetscErrorCode GWPackageSetUpEntryValues_Private(GWPackage, GWModel);
PETSC_INTERN PetscErrorCode GWPackageFreeEntryValues_Private(GWPackage);
PETSC_INTERN PetscErrorCode GWPackageResidual_Private(GWPackage, GWModel, const GWPackageState *, PetscReal *, PetscScalar *);
PETSC_INTERN PetscErrorCode GWPackageJacobian_Private(GWPackage, GWModel, const GWPackageState *, Mat);
/* for package types, in lib/ or registered by a program linking libgw (developer level) */
PETSC_EXTERN PetscErrorCode GWPackageAddRateDerivative(GWPackage, GWModel, Mat, PetscInt, PetscInt, PetscInt, PetscInt, PetscReal);
PETSC_EXTERN PetscErrorCode GWPackageAddRateUnknownDerivative(GWPackage, GWModel, Mat, PetscInt, PetscInt, PetscReal);
PETSC_EXTERN PetscErrorCode GWPackageAddUnknownDerivative(GWPackage, GWModel, Mat, PetscInt, PetscInt, PetscInt, PetscInt, PetscReal);
PETSC_EXTERN PetscErrorCode GWPackageAddUnknownUnknownDerivative(GWPackage, GWModel, Mat, PetscInt, PetscInt, PetscReal);
PETSC_EXTERN PetscErrorCode GWPackageSetNumUnknowns(GWPackage, PetscInt);
PETSC_INTERN PetscErrorCode GWPackageCreate_Atmosphere(GWPackage);
PETSC_INTERN PetscErrorCode GWPackageCreate_Evapotranspiration(GWPackage);
PETSC_INTERN PetscErrorCode GWPackageCreate_RootUptake(GWPackage);

PETSC_INTERN PetscErrorCode GWPackageCreate_Head(GWPackage);
PETSC_INTERN PetscErrorCode GWPackageCreate_Flux(GWPackage);
PETSC_INTERN PetscErrorCode GWPackageCreate_SeepageFace(GWPackage);
PETSC_INTERN PetscErrorCode GWPackageCreate_FreeDrainage(GWPackage);
PETSC_INTERN PetscErrorCode GWPackageCreate_Well(GWPackage);

/* The value of entry e over the step: from a per-cell field, else its column's. */
static inline PetscReal GWPackageEntryValue(GWPackage pkg, const GWPackageState *st, PetscInt e)
{
  return pkg->value_entry ? pkg->value_entry[e] : (st->v ? st->v[pkg->col[e]] : 0.0);
}

/* Parameter p of entry e: its per-cell value when given (GWPackageSetParameterValues()), else the
   package's value. */
static inline PetscReal GWPackageEntryParameter(GWPackage pkg, PetscInt p, PetscInt e)
{
  return (pkg->param_entry && pkg->param_entry[p]) ? pkg->param_entry[p][e] : pkg->param[p];
}

#endif
