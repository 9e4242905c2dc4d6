/* The state of solute transport that a restart needs besides the concentration and solid fields:
   the cumulative solute budget of each solute and the water volumes the next transport step starts
   from. Packed into arrays of reals for the checkpoint (lib/io/checkpoint_solutes.c), so that the
   physics knows no file format. */
#include <gw/private/transportimpl.h>

#define GW_SOLUTE_STATE_SCALARS 21

/* Number of reals in the state of solute q: per package in and out of the last step and since the
   start, the scalars packed by GWModelTransportGetState_Private(), then the zone budget of the
   last step and since the start. */
PetscErrorCode GWModelTransportGetStateSize_Private(GWModel m, PetscInt *n)
{
  PetscFunctionBegin;
  *n = 4 * m->npkg + GW_SOLUTE_STATE_SCALARS + 2 * GW_SZ_N * m->nmat;
  PetscFunctionReturn(0);
}

/* Copies the budget state of solute q into buf[GWModelTransportGetStateSize_Private()]. */
PetscErrorCode GWModelTransportGetState_Private(GWModel m, PetscInt q, PetscReal buf[])
{
  GWSolute  s  = m->transport->solute[q];
  PetscInt  np = m->npkg, o = 4 * np;
  PetscReal sc[GW_SOLUTE_STATE_SCALARS] = {s->dis, s->sorb, s->decay, s->prod, s->dis_cum, s->sorb_cum, s->decay_cum, s->prod_cum, s->mb_abs, s->mb_rel, s->mb_abs_cum, s->mb_rel_cum, s->solid_step, s->solid_cum, s->mass_solid, s->gross_cum, s->mass_dis, s->mass_sorb, (PetscReal)s->nlinear, (PetscReal)s->nsorp, (PetscReal)s->nsorp_max};

  PetscFunctionBegin;
  for (PetscInt p = 0; p < np; p++) {
    buf[p]          = s->in[p];
    buf[np + p]     = s->out[p];
    buf[2 * np + p] = s->in_cum[p];
    buf[3 * np + p] = s->out_cum[p];
  }
  for (PetscInt i = 0; i < GW_SOLUTE_STATE_SCALARS; i++) buf[o + i] = sc[i];
  o += GW_SOLUTE_STATE_SCALARS;
  for (PetscInt i = 0; i < GW_SZ_N * m->nmat; i++) {
    buf[o + i]                     = s->zone[i];
    buf[o + GW_SZ_N * m->nmat + i] = s->zone_cum[i];
  }
  PetscFunctionReturn(0);
}

/* Restores the budget state of solute q from buf, as packed by GWModelTransportGetState_Private(). */
PetscErrorCode GWModelTransportSetState_Private(GWModel m, PetscInt q, const PetscReal buf[])
{
  GWSolute         s  = m->transport->solute[q];
  PetscInt         np = m->npkg;
  const PetscReal *sc = &buf[4 * np];

  PetscFunctionBegin;
  for (PetscInt p = 0; p < np; p++) {
    s->in[p]      = buf[p];
    s->out[p]     = buf[np + p];
    s->in_cum[p]  = buf[2 * np + p];
    s->out_cum[p] = buf[3 * np + p];
  }
  s->dis        = sc[0];
  s->sorb       = sc[1];
  s->decay      = sc[2];
  s->prod       = sc[3];
  s->dis_cum    = sc[4];
  s->sorb_cum   = sc[5];
  s->decay_cum  = sc[6];
  s->prod_cum   = sc[7];
  s->mb_abs     = sc[8];
  s->mb_rel     = sc[9];
  s->mb_abs_cum = sc[10];
  s->mb_rel_cum = sc[11];
  s->solid_step = sc[12];
  s->solid_cum  = sc[13];
  s->mass_solid = sc[14];
  s->gross_cum  = sc[15];
  s->mass_dis   = sc[16];
  s->mass_sorb  = sc[17];
  s->nlinear    = (PetscInt)sc[18];
  s->nsorp      = (PetscInt)sc[19];
  s->nsorp_max  = (PetscInt)sc[20];
  sc += GW_SOLUTE_STATE_SCALARS;
  for (PetscInt i = 0; i < GW_SZ_N * m->nmat; i++) {
    s->zone[i]     = sc[i];
    s->zone_cum[i] = sc[GW_SZ_N * m->nmat + i];
  }
  PetscFunctionReturn(0);
}

/* The water volume of each cell at the end of the last transport step [m^3] (a global vector of
   the model's grid, borrowed) and whether it holds one: the next step starts from it rather than
   from V theta^n, which differ by the flow step's unbalanced volume, so a restart that restores it
   continues the run bitwise. */
PetscErrorCode GWModelTransportGetWaterVolume_Private(GWModel m, Vec *W, PetscBool *valid)
{
  PetscFunctionBegin;
  *W     = m->transport->W;
  *valid = m->transport->wvalid;
  PetscFunctionReturn(0);
}

/* Marks the water volume as restored (valid) or not, after a restart filled it. */
PetscErrorCode GWModelTransportSetWaterVolumeValid_Private(GWModel m, PetscBool valid)
{
  PetscFunctionBegin;
  m->transport->wvalid = valid;
  PetscFunctionReturn(0);
}
