/* Atmosphere: precipitation, irrigation and evaporation at the land surface, with the switching
   boundary of soil physics (Neuman et al. 1974; Simunek et al., HYDRUS-1D manual, sec. 2.5.3):
   the surface takes the potential flux while the soil can carry it, and becomes a head boundary
   at the maximum ponding depth (excess runs off) or at the critical pressure head (evaporation
   becomes soil-limited). The switch is decided inside Newton's iteration as a clamp:

     Q = min( max( q_pot A, Q_h(h_crit) ), Q_h(h_pond) ),  q_pot = P + I - E_pot,

   where Q_h(h) = T kr (h + z_f - H_c) is the flux through the face with pressure head h imposed
   on it (T = Kz A / d). Q_h grows with h, so Q_h(h_crit) <= Q_h(h_pond) and the surface pressure
   head implied by Q never leaves [h_crit, h_pond]. */
#include <gw/private/surfacewaterimpl.h>

enum {
  IN_P,
  IN_I,
  IN_E,
  IN_ET,
  IN_LAI,
  NIN
};
enum {
  PAR_HPOND,
  PAR_HCRIT,
  PAR_KEXT,
  PAR_KC,
  NPAR
};
enum {
  T_P,
  T_I,
  T_EPOT,
  T_E,
  T_INF,
  T_EXF,
  T_RUNOFF,
  NTERM
};

static const GWPackageSlot Inputs[NIN] = {
    {"precipitation", "m/s", 0, "precipitation rate on the surface"},
    {"irrigation", "m/s", 0, "irrigation rate on the surface"},
    {"potential_evaporation", "m/s", 0, "potential soil evaporation rate"},
    {"potential_et", "m/s", 0, "potential evapotranspiration; with lai, its soil share exp(-k LAI) becomes the potential evaporation (used when potential_evaporation is not given)"},
    {"lai", "-", 0, "leaf area index for the split of potential_et"}};
static const GWPackageSlot Params[NPAR] = {
    {"max_ponding_depth", "m", 0.0, "largest depth of water on the surface; more runs off"},
    {"critical_pressure_head", "m", -100.0, "driest pressure head the surface reaches; evaporation is soil-limited there"},
    {"extinction_coefficient", "-", 0.463, "k in the split exp(-k LAI) of potential_et (Ritchie 1972; Belmans et al. 1983)"},
    {"crop_coefficient", "-", 1.0, "Kc turning potential_et (reference ET0) into the crop's potential ET (FAO-56 eq. 56)"}};
static const char *const Terms[NTERM] = {"precipitation", "irrigation", "potential_evaporation", "evaporation", "infiltration", "exfiltration", "runoff"};

/* Potential rates over the current step [m/s]: precipitation, irrigation and evaporation. */
static PetscErrorCode Rates(GWPackage pkg, GWModel m, PetscReal *prec, PetscReal *irr, PetscReal *evap)
{
  PetscReal et, lai;

  PetscFunctionBegin;
  PetscCall(GWScheduleValue_Private(&pkg->input[IN_P], m->step_t0, m->step_t1, prec));
  PetscCall(GWScheduleValue_Private(&pkg->input[IN_I], m->step_t0, m->step_t1, irr));
  if (pkg->input[IN_E].n || !pkg->input[IN_ET].n)
    PetscCall(GWScheduleValue_Private(&pkg->input[IN_E], m->step_t0, m->step_t1, evap));
  else {
    PetscCall(GWScheduleValue_Private(&pkg->input[IN_ET], m->step_t0, m->step_t1, &et));
    PetscCall(GWScheduleValue_Private(&pkg->input[IN_LAI], m->step_t0, m->step_t1, &lai));
    *evap = pkg->param[PAR_KC] * et * PetscExpReal(-pkg->param[PAR_KEXT] * lai);
  }
  PetscFunctionReturn(0);
}

/* Flux through the surface face with pressure head h on it, and dQ/dpsi of the cell. */
static PetscErrorCode HeadFlux(GWModel m, const GWPackageEntry *e, PetscReal h, PetscReal psi, PetscReal *Q, PetscReal *dQ)
{
  GWMaterial mat = m->mat[e->mat];
  PetscReal  T = e->K * e->area / e->dist, Hs = h + e->zf, Hc = psi + e->zc, krc, dkrc, krs, dkrs, kr, dkc, dks, se, dse;

  PetscFunctionBegin;
  PetscCall(mat->ops->evaluate(mat, psi, &se, &dse, &krc, &dkrc));
  PetscCall(mat->ops->evaluate(mat, h, &se, &dse, &krs, &dkrs));
  PetscCall(GWFaceRelPermEvaluate_Private(m->krweight, mat, psi, krc, dkrc, Hc, mat, h, krs, 0.0, Hs, &kr, &dkc, &dks));
  *Q  = T * kr * (Hs - Hc);
  *dQ = T * dkc * (Hs - Hc) - T * kr;
  PetscFunctionReturn(0);
}

static PetscErrorCode GWPackageEvaluate_Atmosphere(GWPackage pkg, GWModel m, const GWPackageEntry *e, PetscReal v, PetscReal psi, PetscReal *Q, PetscReal *dQ)
{
  PetscReal prec, irr, evap, qA, Qlo, dlo, Qhi, dhi;

  PetscFunctionBegin;
  (void)v;
  PetscCall(Rates(pkg, m, &prec, &irr, &evap));
  qA = (prec + irr - evap) * e->area;
  PetscCall(HeadFlux(m, e, pkg->param[PAR_HCRIT], psi, &Qlo, &dlo));
  PetscCall(HeadFlux(m, e, pkg->param[PAR_HPOND], psi, &Qhi, &dhi));
  if (qA > Qhi) { /* ponded: the surface is at h_pond, excess runs off (or water seeps out) */
    *Q  = Qhi;
    *dQ = dhi;
  } else if (qA < Qlo) { /* dry: the surface is at h_crit, evaporation is soil-limited */
    *Q  = Qlo;
    *dQ = dlo;
  } else { /* the soil takes the potential flux */
    *Q  = qA;
    *dQ = 0.0;
  }
  PetscFunctionReturn(0);
}

/* Runoff of entry e of an atmosphere package at pressure head psi of its cell, R = max(q_pot A - Q,
   0) with Q the flux into the soil (the package's own evaluation), and dR/dpsi: the excess of the
   potential flux over what a ponded surface takes. The budget term runoff is the same sum. */
PetscErrorCode GWAtmosphereRunoff_Private(GWPackage pkg, GWModel m, PetscInt e, PetscReal psi, PetscReal *R, PetscReal *dR)
{
  PetscReal prec, irr, evap, qA, Q, dQ;

  PetscFunctionBegin;
  PetscCall(Rates(pkg, m, &prec, &irr, &evap));
  qA = (prec + irr - evap) * pkg->entry[e].area;
  PetscCall(GWPackageEvaluate_Atmosphere(pkg, m, &pkg->entry[e], 0.0, psi, &Q, &dQ));
  *R  = qA > Q ? qA - Q : 0.0;
  *dR = qA > Q ? -dQ : 0.0;
  PetscFunctionReturn(0);
}

static PetscErrorCode GWPackageTerms_Atmosphere(GWPackage pkg, GWModel m, PetscReal dt, PetscReal *vals)
{
  PetscReal prec, irr, evap;

  PetscFunctionBegin;
  PetscCall(Rates(pkg, m, &prec, &irr, &evap));
  for (PetscInt e = 0; e < pkg->nentry; e++) {
    PetscReal A = pkg->entry[e].area, Q = pkg->Q[e], qA = (prec + irr - evap) * A, runoff = PetscMax(qA - Q, 0.0);
    vals[pkg->nterm * pkg->entry[e].mat + T_P] += prec * A * dt;
    vals[pkg->nterm * pkg->entry[e].mat + T_I] += irr * A * dt;
    vals[pkg->nterm * pkg->entry[e].mat + T_EPOT] += evap * A * dt;
    vals[pkg->nterm * pkg->entry[e].mat + T_E] += ((prec + irr) * A - Q - runoff) * dt; /* the closure of the surface water balance */
    vals[pkg->nterm * pkg->entry[e].mat + T_INF] += PetscMax(Q, 0.0) * dt;
    vals[pkg->nterm * pkg->entry[e].mat + T_EXF] += PetscMax(-Q, 0.0) * dt;
    vals[pkg->nterm * pkg->entry[e].mat + T_RUNOFF] += runoff * dt;
  }
  PetscFunctionReturn(0);
}

/* Water that brings the package's solute: precipitation and irrigation less runoff, (P + I) A -
   runoff = Q + actual evaporation (see GWPackageTerms_Atmosphere()). */
static PetscErrorCode GWPackageSoluteInflow_Atmosphere(GWPackage pkg, GWModel m, PetscReal *qin)
{
  PetscReal prec, irr, evap;

  PetscFunctionBegin;
  PetscCall(Rates(pkg, m, &prec, &irr, &evap));
  for (PetscInt e = 0; e < pkg->nentry; e++) {
    PetscReal A = pkg->entry[e].area, Q = pkg->Q[e], qA = (prec + irr - evap) * A, runoff = PetscMax(qA - Q, 0.0);
    qin[e] = PetscMax((prec + irr) * A - runoff, 0.0);
  }
  PetscFunctionReturn(0);
}

static PetscErrorCode GWPackageSetUp_Atmosphere(GWPackage pkg, GWModel m)
{
  const char *name;

  PetscFunctionBegin;
  (void)m;
  PetscCall(PetscObjectGetName((PetscObject)pkg, &name));
  PetscCheck(pkg->param[PAR_HPOND] >= 0, PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_OUTOFRANGE, "Atmosphere package %s: max_ponding_depth %g m must not be negative", name, (double)pkg->param[PAR_HPOND]);
  PetscCheck(pkg->param[PAR_HCRIT] < 0, PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_OUTOFRANGE, "Atmosphere package %s: critical_pressure_head %g m must be negative (e.g. -100 m)", name, (double)pkg->param[PAR_HCRIT]);
  for (PetscInt e = 0; e < pkg->nentry; e++)
    PetscCheck(pkg->entry[e].face == GW_FACE_TOP, PETSC_COMM_SELF, PETSC_ERR_ARG_WRONGSTATE, "Atmosphere package %s acts on top faces: cell (%" PetscInt_FMT ", %" PetscInt_FMT ", %" PetscInt_FMT ") has another face", name, pkg->entry[e].i, pkg->entry[e].j, pkg->entry[e].k);
  for (PetscInt s = 0; s < NIN; s++)
    if (s != IN_LAI)
      for (PetscInt q = 0; q < pkg->input[s].n; q++) PetscCheck(pkg->input[s].v[q] >= 0, PetscObjectComm((PetscObject)pkg), PETSC_ERR_ARG_OUTOFRANGE, "Atmosphere package %s: %s must not be negative (%g m/s at t = %g s)", name, Inputs[s].name, (double)pkg->input[s].v[q], (double)pkg->input[s].t[q]);
  PetscFunctionReturn(0);
}

/*MC
  GWPACKAGEATMOSPHERE - "atmosphere": precipitation, irrigation and evaporation on top faces,
  switching to a head boundary when the surface ponds or dries

  Inputs (GWPackageSetInput(), [m/s] unless noted): precipitation, irrigation,
  potential_evaporation, or potential_et with lai [-] (soil share exp(-k LAI) of potential ET).
  Parameters (GWPackageSetParameter()): max_ponding_depth [m] (0), critical_pressure_head [m]
  (-100), extinction_coefficient k [-] (0.463), crop_coefficient Kc [-] (1): with potential_et,
  E_pot = Kc ET0 exp(-k LAI).
  Budget terms: precipitation, irrigation, potential_evaporation, evaporation (actual),
  infiltration, exfiltration, runoff.

  Notes:
  Q = min(max(q_pot A, Q_h(h_crit)), Q_h(h_pond)) with q_pot = P + I - E_pot and Q_h(h) the flux
  through the face at pressure head h (Neuman, Feddes and Bresler 1974, Soil Sci. Soc. Am. J.
  38; HYDRUS-1D manual, Simunek et al. 2013, eqs. 2.63-2.64); decided inside Newton's iteration.
  Actual evaporation = (P + I) A - Q - runoff; runoff = max(q_pot A - Q, 0).

  Level: beginner

.seealso: `GWPACKAGEEVAPOTRANSPIRATION`, `GWPACKAGEROOTUPTAKE`
M*/
PetscErrorCode GWPackageCreate_Atmosphere(GWPackage pkg)
{
  PetscFunctionBegin;
  pkg->ops->setup    = GWPackageSetUp_Atmosphere;
  pkg->ops->evaluate = GWPackageEvaluate_Atmosphere;
  pkg->ops->terms    = GWPackageTerms_Atmosphere;
  pkg->ops->soluteinflow = GWPackageSoluteInflow_Atmosphere;
  pkg->needs_value   = PETSC_FALSE;
  pkg->face_rule     = GW_PACKAGE_FACE_TOP;
  PetscCall(GWPackageDeclare_Private(pkg, NIN, Inputs, NPAR, Params, 0, NULL, NTERM, Terms));
  PetscFunctionReturn(0);
}
