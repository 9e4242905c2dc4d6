/* Named inputs (time series), parameters and options of package types, and their budget terms. */
#include <gw/private/modelimpl.h>
#include <string.h>

/* Called by a type's create function: declares what it accepts and its budget terms. */
PetscErrorCode GWPackageDeclare_Private(GWPackage pkg, PetscInt ninput, const GWPackageSlot inputs[], PetscInt nparam, const GWPackageSlot params[], PetscInt noption, const GWPackageSlot options[], PetscInt nterm, const char *const terms[])
{
  PetscFunctionBegin;
  pkg->ninput    = ninput;
  pkg->nparam    = nparam;
  pkg->noption   = noption;
  pkg->nterm     = nterm;
  pkg->inputdoc  = inputs;
  pkg->paramdoc  = params;
  pkg->optiondoc = options;
  pkg->termname  = (const char **)terms;
  PetscCall(PetscCalloc1(PetscMax(ninput, 1), &pkg->input));
  PetscCall(PetscMalloc1(PetscMax(nparam, 1), &pkg->param));
  PetscCall(PetscCalloc1(PetscMax(noption, 1), &pkg->option));
  for (PetscInt i = 0; i < nparam; i++) pkg->param[i] = params[i].deflt;
  for (PetscInt i = 0; i < noption; i++) {
    size_t l = strcspn(options[i].summary, "|:");
    PetscCall(PetscMalloc1(l + 1, &pkg->option[i]));
    PetscCall(PetscStrncpy(pkg->option[i], options[i].summary, l + 1));
  }
  PetscCall(PetscCalloc2(PetscMax(nterm, 1), &pkg->term_step, PetscMax(nterm, 1), &pkg->term_cum));
  PetscFunctionReturn(0);
}

/* Index of the slot called name among doc[n] (-1 if none), and the list of valid names for
   messages. Shared by the API setters and the scenario reader. */
PetscInt GWPackageSlotIndex_Private(PetscInt n, const GWPackageSlot doc[], const char name[], char list[], size_t len)
{
  list[0] = 0;
  for (PetscInt i = 0; i < n; i++) {
    if (!strcmp(doc[i].name, name)) return i;
    if (strlen(list) + strlen(doc[i].name) + 3 < len) {
      if (list[0]) strcat(list, ", ");
      strcat(list, doc[i].name);
    }
  }
  if (!n) PetscStrncpy(list, "none", len);
  return -1;
}

static PetscErrorCode FindSlot(GWPackage pkg, const char *what, PetscInt n, const GWPackageSlot *doc, const char name[], PetscInt *idx)
{
  char        list[512];
  const char *pname;

  PetscFunctionBegin;
  *idx = GWPackageSlotIndex_Private(n, doc, name, list, sizeof(list));
  if (*idx >= 0) PetscFunctionReturn(0);
  PetscCall(PetscObjectGetName((PetscObject)pkg, &pname));
  SETERRQ(PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_OUTOFRANGE, "Package %s (%s) has no %s \"%s\"; its %ss are: %s", pname, ((PetscObject)pkg)->type_name ? ((PetscObject)pkg)->type_name : "no type", what, name, what, list);
}

/*@C
  GWPackageSetInput - sets a named input time series of a package (e.g. "precipitation" of an
  atmosphere package)

  Logically collective

  Input Parameters:
+ pkg - the package, with its type set
. name - the input's name; GWPackageDescribe() lists each type's inputs and their units
. n - number of points, >= 1
. t - array [n] of strictly increasing times [s]
. v - array [n] of values in the input's SI unit
- interp - GW_INTERP_STEP or GW_INTERP_LINEAR

  Notes:
  Input times are breakpoints: time steps land on them. A step uses the value at its midpoint.

  Errors:
  PETSC_ERR_ARG_OUTOFRANGE for an unknown name (listing the valid ones), times that do not
  increase, or values that are not finite.

  Level: beginner

.seealso: `GWPackageSetInputValue()`, `GWPackageDescribe()`
@*/
PetscErrorCode GWPackageSetInput(GWPackage pkg, const char name[], PetscInt n, const PetscReal t[], const PetscReal v[], GWInterpolation interp)
{
  PetscInt    idx = 0;
  GWSchedule *sc;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(pkg, GWPACKAGE_CLASSID, 1);
  PetscCall(FindSlot(pkg, "input", pkg->ninput, pkg->inputdoc, name, &idx));
  PetscCheck(n >= 1, PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_OUTOFRANGE, "Input %s needs at least one value", name);
  for (PetscInt s = 0; s < n; s++) {
    PetscCheck(!PetscIsInfOrNanReal(t[s]) && !PetscIsInfOrNanReal(v[s]), PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_OUTOFRANGE, "Input %s: entry %" PetscInt_FMT " (t = %g s, value %g) is not finite", name, s, (double)t[s], (double)v[s]);
    PetscCheck(s == 0 || t[s] > t[s - 1], PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_OUTOFRANGE, "Input %s: time %g s (entry %" PetscInt_FMT ") does not increase after %g s", name, (double)t[s], s, (double)t[s - 1]);
  }
  sc = &pkg->input[idx];
  PetscCall(PetscFree2(sc->t, sc->v));
  PetscCall(PetscMalloc2(n, &sc->t, n, &sc->v));
  PetscCall(PetscArraycpy(sc->t, t, n));
  PetscCall(PetscArraycpy(sc->v, v, n));
  sc->n      = n;
  sc->interp = interp;
  PetscFunctionReturn(0);
}

/*@C
  GWPackageSetInputValue - sets a named input to a value constant in time

  Logically collective

  Input Parameters:
+ pkg - the package
. name - the input's name
- v - the value in the input's SI unit

  Level: beginner

.seealso: `GWPackageSetInput()`
@*/
PetscErrorCode GWPackageSetInputValue(GWPackage pkg, const char name[], PetscReal v)
{
  PetscReal t = 0.0;

  PetscFunctionBegin;
  PetscCall(GWPackageSetInput(pkg, name, 1, &t, &v, GW_INTERP_STEP));
  PetscFunctionReturn(0);
}

/*@C
  GWPackageGetInputValue - gets a named input's value for the step [t0, t1] (its midpoint value)

  Not collective

  Input Parameters:
+ pkg - the package
. name - the input's name
. t0 - step start [s]
- t1 - step end [s]

  Output Parameters:
+ v - the value in SI units (0 when the input was not given)
- given - whether the input was given (may be NULL)

  Level: intermediate

.seealso: `GWPackageSetInput()`
@*/
PetscErrorCode GWPackageGetInputValue(GWPackage pkg, const char name[], PetscReal t0, PetscReal t1, PetscReal *v, PetscBool *given)
{
  PetscInt idx = 0;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(pkg, GWPACKAGE_CLASSID, 1);
  PetscCall(FindSlot(pkg, "input", pkg->ninput, pkg->inputdoc, name, &idx));
  PetscCall(GWScheduleValue_Private(&pkg->input[idx], t0, t1, v));
  if (given) *given = (PetscBool)(pkg->input[idx].n > 0);
  PetscFunctionReturn(0);
}

/* Input number idx over [t0, t1], or NaN when it was not given. */
PetscErrorCode GWPackageInput_Private(GWPackage pkg, PetscInt idx, PetscReal t0, PetscReal t1, PetscReal *v)
{
  PetscFunctionBegin;
  if (!pkg->input[idx].n)
    *v = PETSC_NAN;
  else
    PetscCall(GWScheduleValue_Private(&pkg->input[idx], t0, t1, v));
  PetscFunctionReturn(0);
}

/*@C
  GWPackageSetParameter - sets a named numeric parameter of a package type (e.g.
  "critical_pressure_head" of an atmosphere package)

  Logically collective

  Input Parameters:
+ pkg - the package, with its type set
. name - the parameter's name; GWPackageDescribe() lists each type's parameters and units
- value - the value in the parameter's SI unit

  Errors:
  PETSC_ERR_ARG_OUTOFRANGE for an unknown name or a value that is not finite; each type checks
  ranges at GWModelSetUp().

  Level: beginner

.seealso: `GWPackageGetParameter()`, `GWPackageDescribe()`
@*/
PetscErrorCode GWPackageSetParameter(GWPackage pkg, const char name[], PetscReal value)
{
  PetscInt idx = 0;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(pkg, GWPACKAGE_CLASSID, 1);
  PetscCall(FindSlot(pkg, "parameter", pkg->nparam, pkg->paramdoc, name, &idx));
  PetscCheck(!PetscIsInfOrNanReal(value), PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_OUTOFRANGE, "Parameter %s must be finite", name);
  pkg->param[idx] = value;
  PetscFunctionReturn(0);
}

/*@C
  GWPackageGetParameter - gets a named numeric parameter of a package

  Not collective

  Input Parameters:
+ pkg - the package
- name - the parameter's name

  Output Parameter:
. value - the value in SI units (NaN for a required parameter not yet given)

  Level: beginner

.seealso: `GWPackageSetParameter()`
@*/
PetscErrorCode GWPackageGetParameter(GWPackage pkg, const char name[], PetscReal *value)
{
  PetscInt idx = 0;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(pkg, GWPACKAGE_CLASSID, 1);
  PetscCall(FindSlot(pkg, "parameter", pkg->nparam, pkg->paramdoc, name, &idx));
  *value = pkg->param[idx];
  PetscFunctionReturn(0);
}

/*@C
  GWPackageSetOption - sets a named choice of a package type (e.g. "function" of an
  evapotranspiration package: linear, segments, averyanov or exponential)

  Logically collective

  Input Parameters:
+ pkg - the package, with its type set
. name - the option's name
- value - one of the option's choices (GWPackageDescribe() lists them)

  Errors:
  PETSC_ERR_ARG_OUTOFRANGE for an unknown option or choice, listing the valid ones.

  Level: beginner

.seealso: `GWPackageGetOption()`
@*/
PetscErrorCode GWPackageSetOption(GWPackage pkg, const char name[], const char value[])
{
  PetscInt    idx = 0;
  const char *c;
  size_t      lv = strlen(value);

  PetscFunctionBegin;
  PetscValidHeaderSpecific(pkg, GWPACKAGE_CLASSID, 1);
  PetscCall(FindSlot(pkg, "option", pkg->noption, pkg->optiondoc, name, &idx));
  for (c = pkg->optiondoc[idx].summary; *c && *c != ':';) {
    size_t l = strcspn(c, "|:");
    if (l == lv && !strncmp(c, value, l)) {
      PetscCall(PetscFree(pkg->option[idx]));
      PetscCall(PetscStrallocpy(value, &pkg->option[idx]));
      PetscFunctionReturn(0);
    }
    c += l;
    if (*c == '|') c++;
  }
  SETERRQ(PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_OUTOFRANGE, "Option %s cannot be \"%s\": choose one of %.*s", name, value, (int)strcspn(pkg->optiondoc[idx].summary, ":"), pkg->optiondoc[idx].summary);
}

/*@C
  GWPackageGetOption - gets a named choice of a package

  Not collective

  Input Parameters:
+ pkg - the package
- name - the option's name

  Output Parameter:
. value - the chosen value (borrowed)

  Level: beginner

.seealso: `GWPackageSetOption()`
@*/
PetscErrorCode GWPackageGetOption(GWPackage pkg, const char name[], const char *value[])
{
  PetscInt idx = 0;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(pkg, GWPACKAGE_CLASSID, 1);
  PetscCall(FindSlot(pkg, "option", pkg->noption, pkg->optiondoc, name, &idx));
  *value = pkg->option[idx];
  PetscFunctionReturn(0);
}

/* Index of the chosen value of option idx among its choices. */
PetscErrorCode GWPackageOption_Private(GWPackage pkg, PetscInt idx, PetscInt *choice)
{
  const char *c = pkg->optiondoc[idx].summary, *v = pkg->option[idx];
  size_t      lv = strlen(v);

  PetscFunctionBegin;
  for (*choice = 0; *c && *c != ':'; (*choice)++) {
    size_t l = strcspn(c, "|:");
    if (l == lv && !strncmp(c, v, l)) PetscFunctionReturn(0);
    c += l;
    if (*c == '|') c++;
  }
  SETERRQ(PETSC_COMM_SELF, PETSC_ERR_PLIB, "option %s holds an invalid choice %s", pkg->optiondoc[idx].name, v);
}

/*@C
  GWPackageDescribe - prints the inputs, parameters (with units and defaults), options and budget
  terms of a package's type

  Collective

  Input Parameters:
+ pkg - the package, with its type set
- viewer - an ASCII viewer, or NULL for stdout

  Level: beginner

.seealso: `GWPackageSetInput()`, `GWPackageSetParameter()`, `GWPackageSetOption()`
@*/
PetscErrorCode GWPackageDescribe(GWPackage pkg, PetscViewer viewer)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pkg, GWPACKAGE_CLASSID, 1);
  if (!viewer) PetscCall(PetscViewerASCIIGetStdout(PetscObjectComm((PetscObject)pkg), &viewer));
  PetscCall(PetscViewerASCIIPrintf(viewer, "package type %s\n", ((PetscObject)pkg)->type_name));
  for (PetscInt i = 0; i < pkg->ninput; i++) PetscCall(PetscViewerASCIIPrintf(viewer, "  input %s [%s]: %s\n", pkg->inputdoc[i].name, pkg->inputdoc[i].unit, pkg->inputdoc[i].summary));
  for (PetscInt i = 0; i < pkg->nparam; i++) PetscCall(PetscViewerASCIIPrintf(viewer, "  parameter %s [%s] (default %g): %s\n", pkg->paramdoc[i].name, pkg->paramdoc[i].unit, (double)pkg->paramdoc[i].deflt, pkg->paramdoc[i].summary));
  for (PetscInt i = 0; i < pkg->noption; i++) PetscCall(PetscViewerASCIIPrintf(viewer, "  option %s: %s\n", pkg->optiondoc[i].name, pkg->optiondoc[i].summary));
  for (PetscInt i = 0; i < pkg->nterm; i++) PetscCall(PetscViewerASCIIPrintf(viewer, "  budget term %s [m^3]\n", pkg->termname[i]));
  PetscFunctionReturn(0);
}

/*@C
  GWPackageGetBudgetTerms - gets the package's own budget terms (e.g. runoff and actual
  evaporation of an atmosphere package) over the last step and since the start

  Not collective (the values are the same on every rank)

  Input Parameter:
. pkg - the package, in a model that has taken a step

  Output Parameters:
+ n - number of terms
. names - their names (borrowed; may be NULL)
. step - array [n] of volumes over the last step [m^3] (borrowed; may be NULL)
- cum - array [n] of volumes since the start [m^3] (borrowed; may be NULL)

  Level: intermediate

.seealso: `GWModelGetPackageBudget()`
@*/
PetscErrorCode GWPackageGetBudgetTerms(GWPackage pkg, PetscInt *n, const char *const *names[], const PetscReal *step[], const PetscReal *cum[])
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pkg, GWPACKAGE_CLASSID, 1);
  *n = pkg->nterm;
  if (names) *names = pkg->termname;
  if (step) *step = pkg->term_step;
  if (cum) *cum = pkg->term_cum;
  PetscFunctionReturn(0);
}

const char *const GWPackageFaceRules[] = {"optional", "required", "top", "GWPackageFaceRule", "GW_PACKAGE_FACE_", NULL};

/*@C
  GWPackageGetFaceRule - gets which cell faces the entries of the package's type act on

  Not collective

  Input Parameter:
. pkg - the package, with its type set

  Output Parameter:
. rule - GW_PACKAGE_FACE_OPTIONAL, GW_PACKAGE_FACE_REQUIRED or GW_PACKAGE_FACE_TOP

  Level: intermediate

.seealso: `GWPackageFaceRule`, `GWPackageAddCell()`
@*/
PetscErrorCode GWPackageGetFaceRule(GWPackage pkg, GWPackageFaceRule *rule)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pkg, GWPACKAGE_CLASSID, 1);
  PetscValidPointer(rule, 2);
  *rule = pkg->face_rule;
  PetscFunctionReturn(0);
}

/*@C
  GWPackageGetValueUnit - gets the SI unit of the package's value (GWPackageSetValue(),
  GWPackageSetSchedule()) and whether its type needs one

  Not collective

  Input Parameter:
. pkg - the package, with its type set

  Output Parameters:
+ unit - SI unit (udunits2 spelling, e.g. "m", "m/s", "m^3/s"), "-" for a dimensionless value,
         NULL when the type takes no value (its rates are inputs, or none are needed)
- required - whether set-up needs a value (may be NULL)

  Level: intermediate

.seealso: `GWPackageSetValue()`, `GWPackageSetSchedule()`
@*/
PetscErrorCode GWPackageGetValueUnit(GWPackage pkg, const char *unit[], PetscBool *required)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pkg, GWPACKAGE_CLASSID, 1);
  PetscValidPointer(unit, 2);
  *unit = pkg->value_unit ? pkg->value_unit : pkg->needs_value ? "-"
                                                               : NULL;
  if (required) *required = pkg->needs_value;
  PetscFunctionReturn(0);
}

/*@C
  GWPackageGetHeadKindAccepted - whether the package's value is a head that may be given as a
  pressure head or a hydraulic head (GWPackageHeadSetKind())

  Not collective

  Input Parameter:
. pkg - the package, with its type set

  Output Parameter:
. accepted - PETSC_TRUE for head packages

  Level: intermediate

.seealso: `GWPackageHeadSetKind()`, `GWHeadKind`
@*/
PetscErrorCode GWPackageGetHeadKindAccepted(GWPackage pkg, PetscBool *accepted)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(pkg, GWPACKAGE_CLASSID, 1);
  PetscValidBoolPointer(accepted, 2);
  *accepted = pkg->head_kind_accepted;
  PetscFunctionReturn(0);
}
