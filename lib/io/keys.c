/* Every key a scenario file may hold. The reader refuses keys not listed here, and a test checks
   this table against doc/input.md in both directions. */
#include <gw/private/ioimpl.h>

const GWKeyDoc GWScenarioKeys[] = {
    {"title", "string", "-", "\"\"", "title written to the outputs"},
    {"grid.nx", "integer", "-", "required", "number of columns along x"},
    {"grid.ny", "integer", "-", "1", "number of rows along y (1 for a cross-section or a column)"},
    {"grid.nz", "integer", "-", "required", "number of layers; layer 0 is the top"},
    {"grid.dx", "quantity or list", "m", "required", "cell width along x: one value, or one per column"},
    {"grid.dy", "quantity or list", "m", "required", "cell width along y: one value, or one per row"},
    {"grid.top", "quantity or NetCDF", "m", "required", "top elevation: one value, or a (y, x) NetCDF variable"},
    {"grid.top.netcdf", "string", "-", "required", "NetCDF file holding the top elevation (relative to the scenario)"},
    {"grid.top.variable", "string", "-", "required", "variable name in that file"},
    {"grid.dz", "quantity or list", "m", "one of dz, bottom", "layer thickness: one value, or one per layer from the top"},
    {"grid.bottom", "NetCDF", "m", "one of dz, bottom", "bottom elevation of every layer, a (layer, y, x) NetCDF variable"},
    {"grid.bottom.netcdf", "string", "-", "required", "NetCDF file holding the layer bottoms"},
    {"grid.bottom.variable", "string", "-", "required", "variable name in that file"},
    {"materials[].name", "string", "-", "required", "name used by zones"},
    {"materials[].model", "string", "-", "required", "van-genuchten, brooks-corey, gardner or haverkamp"},
    {"materials[].theta_r", "number", "-", "0", "residual volumetric water content"},
    {"materials[].theta_s", "number", "-", "required", "saturated volumetric water content (porosity)"},
    {"materials[].K", "quantity", "m/s", "required unless Kx, Ky, Kz", "saturated hydraulic conductivity, isotropic"},
    {"materials[].Kx", "quantity", "m/s", "K", "saturated hydraulic conductivity along x"},
    {"materials[].Ky", "quantity", "m/s", "Kx", "saturated hydraulic conductivity along y"},
    {"materials[].Kz", "quantity", "m/s", "K", "saturated hydraulic conductivity, vertical"},
    {"materials[].Ss", "quantity", "1/m", "0 1/m", "specific storage"},
    {"materials[].alpha", "quantity", "1/m", "required (van-genuchten, gardner)", "van Genuchten or Gardner alpha"},
    {"materials[].n", "number", "-", "required (van-genuchten)", "van Genuchten n (> 1); m = 1 - 1/n"},
    {"materials[].h_s", "quantity", "m", "0 m (van-genuchten)", "van Genuchten air-entry pressure head (<= 0; 0 for the classic form)"},
    {"materials[].psi_b", "quantity", "m", "required (brooks-corey)", "Brooks-Corey air-entry pressure head (positive)"},
    {"materials[].lambda", "number", "-", "required (brooks-corey)", "Brooks-Corey pore-size index"},
    {"materials[].A", "number", "-", "required (haverkamp)", "Haverkamp retention constant, in head_unit^beta"},
    {"materials[].beta", "number", "-", "required (haverkamp)", "Haverkamp retention exponent"},
    {"materials[].B", "number", "-", "required (haverkamp)", "Haverkamp conductivity constant, in head_unit^gamma"},
    {"materials[].gamma", "number", "-", "required (haverkamp)", "Haverkamp conductivity exponent"},
    {"materials[].head_unit", "string", "-", "cm", "length unit of |psi| in which A and B are given (haverkamp)"},
    {"materials[].parameters.*", "quantity", "per parameter", "required (other models)", "parameters of a model registered by the program, by the names and units it declares"},
    {"zones.default", "string", "-", "first material", "material of cells no box names"},
    {"zones.boxes[].material", "string", "-", "required", "material of the box"},
    {"zones.boxes[].i", "list of 2 integers", "-", "all columns", "first and last column index (from 0, inclusive)"},
    {"zones.boxes[].j", "list of 2 integers", "-", "all rows", "first and last row index"},
    {"zones.boxes[].k", "list of 2 integers", "-", "all layers", "first and last layer index"},
    {"initial.pressure_head", "quantity", "m", "one of three", "uniform initial pressure head"},
    {"initial.water_table", "quantity", "m", "one of three", "elevation of a flat water table; hydrostatic start"},
    {"initial.netcdf", "string", "-", "one of three", "NetCDF file with an initial pressure-head field (layer, y, x) in m"},
    {"initial.variable", "string", "-", "required with netcdf", "variable name in that file"},
    {"packages[].name", "string", "-", "the type", "name in budgets and messages"},
    {"packages[].type", "string", "-", "required", "head, flux, seepage-face, free-drainage, well, atmosphere, evapotranspiration or root-uptake"},
    {"packages[].kind", "string", "-", "hydraulic", "head packages: hydraulic or pressure head"},
    {"packages[].cells.i", "list of 2 integers", "-", "all columns", "first and last column index (from 0, inclusive)"},
    {"packages[].cells.j", "list of 2 integers", "-", "all rows", "first and last row index"},
    {"packages[].cells.k", "list of 2 integers", "-", "all layers", "first and last layer index"},
    {"packages[].cells.face", "string", "-", "required except wells", "west, east, south, north, top, bottom or none"},
    {"packages[].cells.group", "integer", "-", "none", "value column of the box's cells (from 0), when the value has one column per group"},
    {"packages[].value", "quantity, list or NetCDF", "m, m/s or m^3/s", "one of value, series", "constant value: head [m], flux [m/s] into the domain, well rate [m^3/s] (negative pumps), maximum phreatic evaporation [m/s], potential transpiration [m/s]"},
    {"packages[].inputs.*", "quantity or series", "per input", "none", "named inputs of atmosphere and root-uptake packages (e.g. precipitation), constant or a CSV series"},
    {"packages[].inputs.*.file", "string", "-", "required", "CSV file of the input series"},
    {"packages[].inputs.*.time_column", "string", "-", "required", "header of its date or elapsed-time column"},
    {"packages[].inputs.*.time_unit", "string", "-", "dates", "unit of elapsed times"},
    {"packages[].inputs.*.value_column", "string", "-", "required", "header of its value column"},
    {"packages[].inputs.*.unit", "string", "-", "required", "unit of its values (udunits2)"},
    {"packages[].inputs.*.interpolation", "string", "-", "step", "step or linear"},
    {"packages[].inputs.*.gaps", "string", "-", "error", "error, hold, interpolate or zero: what a gap in the series means"},
    {"packages[].inputs.*.max_gap", "quantity", "s", "1.5 x median spacing", "longest interval between rows that is not a gap"},
    {"packages[].inputs.*.extend", "string", "-", "error", "error, hold or zero: the value outside the series' time span"},
    {"packages[].value.netcdf", "string", "-", "required with a field", "NetCDF file of a value per cell, a (layer, y, x) or (y, x) variable (relative to the scenario)"},
    {"packages[].value.variable", "string", "-", "required with a field", "variable name in that file"},
    {"packages[].value.unit", "string", "-", "the package's unit", "unit of the field's values (udunits2)"},
    {"packages[].parameters.*.netcdf", "string", "-", "required with a field", "NetCDF file of a parameter per cell, a (layer, y, x) or (y, x) variable"},
    {"packages[].parameters.*.variable", "string", "-", "required with a field", "variable name in that file"},
    {"packages[].parameters.*.unit", "string", "-", "the parameter's unit", "unit of the field's values (udunits2)"},
    {"packages[].parameters.*", "quantity or list", "per parameter", "per parameter", "named parameters (e.g. critical_pressure_head: -100 m); a list gives one value per cell"},
    {"packages[].options.*", "string", "-", "first choice", "named choices (e.g. function: averyanov)"},
    {"packages[].segments", "list of [number, number]", "-", "none", "evapotranspiration segments: [depth fraction, rate fraction] points"},
    {"packages[].series.file", "string", "-", "required", "CSV file (relative to the scenario)"},
    {"packages[].series.time_column", "string", "-", "required", "header of the date or elapsed-time column"},
    {"packages[].series.time_unit", "string", "-", "dates", "unit of elapsed times (omit when the column holds dates)"},
    {"packages[].series.value_column", "string", "-", "one of value_column, value_columns", "header of the value column"},
    {"packages[].series.value_columns", "list of strings", "-", "one of value_column, value_columns", "headers of the value columns: one per cell or one per group of cells"},
    {"packages[].series.unit", "string", "-", "required", "unit of the values (udunits2)"},
    {"packages[].series.interpolation", "string", "-", "step", "step (value holds to the next time) or linear"},
    {"packages[].series.gaps", "string", "-", "error", "error, hold, interpolate or zero: what a gap in the series means"},
    {"packages[].series.max_gap", "quantity", "s", "1.5 x median spacing", "longest interval between rows that is not a gap"},
    {"packages[].series.extend", "string", "-", "error", "error, hold or zero: the value outside the series' time span"},
    {"time.start_date", "date", "-", "none", "calendar date of t = 0 (needed for series with dates)"},
    {"time.end", "quantity", "s", "required", "end of the run"},
    {"time.dt_init", "quantity", "s", "1 s", "first time step"},
    {"time.dt_min", "quantity", "s", "1e-6 s", "smallest time step before the run fails"},
    {"time.dt_max", "quantity", "s", "1e10 s", "largest time step"},
    {"time.max_cuts", "integer", "-", "10", "cuts of one step after Newton failures before the run fails"},
    {"time.error_tol", "number", "-", "0", "largest estimated local time error of water content per step (0: off)"},
    {"output.observation_every", "quantity", "s", "field output times", "interval of observation rows, independent of field output (e.g. 1 d)"},
    {"output.prefix", "string", "-", "scenario file name without .yaml", "prefix of output files (relative to the working folder)"},
    {"output.times", "list of quantities", "s", "end only", "output times, besides t = 0 and the end"},
    {"output.every", "quantity", "s", "none", "output interval"},
    {"observations[].quantities", "list of strings", "-", "[pressure_head, water_content]", "pressure_head, hydraulic_head, water_content, saturation, depth_to_water"},
    {"observations[].name", "string", "-", "required", "name used in the observation CSV"},
    {"observations[].x", "quantity", "m", "required", "x from the west edge of the grid"},
    {"observations[].y", "quantity", "m", "centre of the grid", "y from the south edge"},
    {"observations[].z", "quantity", "m", "required", "elevation"},
    {"solver.kr_weighting", "string", "-", "integrated", "integrated (mean of kr over the pressure heads between the cells), arithmetic, upstream or limited (arithmetic capped at the upstream value) relative permeability at faces"},
    {"solver.mass_balance_rtol", "number", "-", "1e-10", "relative mass-balance error each Newton solve must reach"},
    {"solver.dpsi_max", "quantity", "m", "5 m", "largest Newton update of pressure head per iteration"},
    {"solver.gravity", "string", "-", "on", "on, or off for horizontal columns (hydraulic head = pressure head)"},
    {NULL, NULL, NULL, NULL, NULL}};

/*@C
  GWScenarioKeysView - prints every key a scenario file may hold, one per line:
  path, type, unit, default and summary separated by " | "

  Collective

  Input Parameter:
. viewer - an ASCII viewer, or NULL for stdout

  Level: intermediate

.seealso: `GWScenarioLoad()`
@*/
PetscErrorCode GWScenarioKeysView(PetscViewer viewer)
{
  PetscFunctionBegin;
  if (!viewer) PetscCall(PetscViewerASCIIGetStdout(PETSC_COMM_WORLD, &viewer));
  for (const GWKeyDoc *k = GWScenarioKeys; k->path; k++) PetscCall(PetscViewerASCIIPrintf(viewer, "%s | %s | %s | %s | %s\n", k->path, k->type, k->unit, k->deflt, k->summary));
  PetscFunctionReturn(0);
}
