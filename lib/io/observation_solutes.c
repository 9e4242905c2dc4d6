/* Concentration observations: the quantities concentration (every solute) and
   concentration_<solute> (one, named as the NetCDF variable) of a point or a layer observation. */
#include <gw/private/ioimpl.h>
#include <gw/private/modelimpl.h>

/* Whether quantity item of observation o is a concentration; if so, marks the solutes it names
   (sc->obssol) and the bit GW_OBS_CONCENTRATION of sc->obsq[o]. Allocates sc->obssol at the
   first observation. */
PetscErrorCode GWScenarioReadConcentrationQuantity_Private(GWScenario sc, GWYamlNode item, PetscInt o, PetscBool *is)
{
  PetscInt    ns;
  const char *v   = item->value;
  PetscBool   any = PETSC_FALSE, all;

  PetscFunctionBegin;
  *is = PETSC_FALSE;
  if (strncmp(v, "concentration", 13)) PetscFunctionReturn(0);
  *is = PETSC_TRUE;
  PetscCall(GWModelGetNumSolutes(sc->model, &ns));
  GWInputCheck(ns > 0, item, "quantity \"%s\" needs a solute, but the scenario has none; add a solutes: section or remove the quantity", v);
  if (!sc->obssol) PetscCall(PetscCalloc1(sc->nobs * ns, &sc->obssol));
  all = (PetscBool)!strcmp(v, "concentration");
  for (PetscInt q = 0; q < ns; q++) {
    GWSolute  s;
    char      name[256];
    PetscBool same;
    PetscCall(GWModelGetSolute(sc->model, q, &s));
    PetscCall(GWSoluteVariableName_Private(s, "concentration", name, sizeof(name)));
    PetscCall(PetscStrcmp(name, v, &same));
    if (all || same) {
      sc->obssol[o * ns + q] = PETSC_TRUE;
      any                    = PETSC_TRUE;
    }
  }
  if (!any) {
    char list[1024] = "";
    for (PetscInt q = 0; q < ns; q++) {
      GWSolute s;
      char     name[256];
      PetscCall(GWModelGetSolute(sc->model, q, &s));
      PetscCall(GWSoluteVariableName_Private(s, "concentration", name, sizeof(name)));
      PetscCall(PetscStrlcat(list, q ? ", " : "", sizeof(list)));
      PetscCall(PetscStrlcat(list, name, sizeof(list)));
    }
    GWInputCheck(PETSC_FALSE, item, "unknown quantity \"%s\": the scenario's solutes give concentration (all of them) or %s", v, list);
  }
  sc->obsq[o] |= 1 << GW_OBS_CONCENTRATION;
  PetscFunctionReturn(0);
}

/* The columns of observation o's concentrations, ",<name>_concentration_<solute>_kg_per_m3". */
PetscErrorCode GWScenarioConcentrationHeader_Private(GWScenario sc, PetscInt o, FILE *fp)
{
  PetscInt ns;

  PetscFunctionBegin;
  if (!(sc->obsq[o] >> GW_OBS_CONCENTRATION & 1)) PetscFunctionReturn(0);
  PetscCall(GWModelGetNumSolutes(sc->model, &ns));
  for (PetscInt q = 0; q < ns; q++) {
    GWSolute s;
    char     suf[300];
    if (!sc->obssol[o * ns + q]) continue;
    PetscCall(GWModelGetSolute(sc->model, q, &s));
    suf[0] = '_';
    PetscCall(GWSoluteVariableName_Private(s, "concentration", suf + 1, sizeof(suf) - 12));
    PetscCall(PetscStrlcat(suf, "_kg_per_m3", sizeof(suf)));
    PetscCall(GWPutNameField_Private(fp, "", sc->obsname[o], suf));
  }
  PetscFunctionReturn(0);
}

/* This rank's share of the concentrations of the observations, cval[nobs][ns]: at a point, the
   concentration of the cell holding it (the finite-volume value, as in the NetCDF field; above the
   top or below the bottom, that of the top or bottom cell); over a layer, the sum over the column's
   cells of theta c times the length of the cell inside the layer, which rank 0 divides by the
   water stored in the layer (GWScenarioConcentrationFinish_Private()): the concentration of the
   layer's water as a whole, the mass of solute dissolved in it over its water. psi is the local
   pressure-head array, g the geometry array. */
PetscErrorCode GWScenarioConcentrationObservations_Private(GWScenario sc, PetscScalar ***psi, PetscScalar ****g, PetscReal cval[])
{
  GWModel  m = sc->model;
  PetscInt ns, xs, ys, zs, xm, ym, zm;

  PetscFunctionBegin;
  PetscCall(GWModelGetNumSolutes(m, &ns));
  if (!sc->obssol) PetscFunctionReturn(0);
  PetscCall(DMDAGetCorners(m->da, &xs, &ys, &zs, &xm, &ym, &zm));
  for (PetscInt q = 0; q < ns; q++) {
    GWSolute       s;
    Vec            cv;
    PetscScalar ***c;
    PetscCall(GWModelGetSolute(m, q, &s));
    PetscCall(GWSoluteGetConcentration(s, &cv));
    PetscCall(DMDAVecGetArrayRead(m->da, cv, &c));
    for (PetscInt o = 0; o < sc->nobs; o++) {
      PetscReal px = sc->obsxyz[3 * o], py = sc->obsxyz[3 * o + 1], pz = sc->obsxyz[3 * o + 2], xe = 0, ye = 0;
      PetscInt  i = 0, j = 0;
      if (!sc->obssol[o * ns + q]) continue;
      while (i < m->nx - 1 && xe + m->dx[i] < px) xe += m->dx[i++];
      while (j < m->ny - 1 && ye + m->dy[j] < py) ye += m->dy[j++];
      if (i < xs || i >= xs + xm || j < ys || j >= ys + ym) continue;
      for (PetscInt k = zs; k < zs + zm; k++) {
        if (!PetscIsNanReal(sc->obsrange[2 * o])) {
          PetscReal land = g[k][j][i][GW_GEO_ZTOP], bot = g[k][j][i][GW_GEO_ZBOT], top = 2 * g[k][j][i][GW_GEO_ZC] - bot, theta;
          PetscReal ov = PetscMin(top, land - sc->obsrange[2 * o]) - PetscMax(bot, land - sc->obsrange[2 * o + 1]);
          if (ov <= 0) continue;
          PetscCall(GWMaterialGetWaterContent(m->mat[(PetscInt)g[k][j][i][GW_GEO_MAT]], psi[k][j][i], &theta, NULL));
          cval[o * ns + q] += theta * ov * c[k][j][i];
        } else {
          /* the same cell as the point's water content (run.c): one rank claims the face between layers */
          PetscReal bot = g[k][j][i][GW_GEO_ZBOT], top = k ? g[k - 1][j][i][GW_GEO_ZBOT] : 0.0;
          if ((k == 0 || pz <= top) && (k == m->nz - 1 || pz > bot)) cval[o * ns + q] = c[k][j][i];
        }
      }
    }
    PetscCall(DMDAVecRestoreArrayRead(m->da, cv, &c));
  }
  PetscFunctionReturn(0);
}

/* On rank 0, after the sums over ranks: the layers' concentrations from their solute mass and
   water (storage[o], the water over layer o [m]), then the columns of observation o. */
PetscErrorCode GWScenarioConcentrationWrite_Private(GWScenario sc, PetscInt o, PetscReal storage, PetscReal cval[], FILE *fp)
{
  PetscInt ns;

  PetscFunctionBegin;
  if (!(sc->obsq[o] >> GW_OBS_CONCENTRATION & 1)) PetscFunctionReturn(0);
  PetscCall(GWModelGetNumSolutes(sc->model, &ns));
  for (PetscInt q = 0; q < ns; q++) {
    PetscReal v = cval[o * ns + q];
    if (!sc->obssol[o * ns + q]) continue;
    if (!PetscIsNanReal(sc->obsrange[2 * o])) v = storage > 0 ? v / storage : 0.0;
    PetscCall(PetscFPrintf(PETSC_COMM_SELF, fp, ",%.10g", (double)v));
  }
  PetscFunctionReturn(0);
}
