/* Integrated (Kirchhoff) mean of relative permeability at a face.

   Between two cells at pressure heads psi_c and psi_n the face value is the mean of kr over the
   pressure heads between them,

     kr_f = 1/(psi_n - psi_c) * integral_{psi_c}^{psi_n} kr(psi) dpsi,

   the exact conductivity of steady flow without gravity between the two centres (the Kirchhoff
   transform; the "integrated" or "integral" mean of Haverkamp and Vauclin 1979, Water Resour. Res.
   15(1), 181-187, Belfort and Lehmann 2005, Vadose Zone J. 4(4), 1005-1014, and Szymkiewicz 2009,
   Water Resour. Res. 45, W10403). Across a wetting front it lies between the geometric and the
   arithmetic mean, so the front neither lags nor runs ahead as with those, and it does not vanish
   while one side conducts, so dry cells do not lock up.

   The integral is Simpson's rule, kr_f = (kr_c + 4 kr(psi_m) + kr_n)/6 with psi_m the midpoint:
   the two end values are already known, so a face costs one more constitutive evaluation. */
#include <gw/private/modelimpl.h>

/*
  GWFaceRelPermIntegrated_Private - integrated (Kirchhoff) mean of kr at a face, by Simpson's rule

  Input Parameters:
+ mc, mn - materials of the cell and of the neighbour (the cell's own for a boundary)
. psic, krc, dkrc - the cell's pressure head [m], kr and dkr/dpsi [1/m]
- psin, krn, dkrn - the same for the neighbour (for a boundary value, kr of mc at psin)

  Output Parameters:
+ kr - face relative permeability [-]
. dkr_c - d kr / d psi_c [1/m]
- dkr_n - d kr / d psi_n [1/m]

  Notes:
  kr = 1 for psi >= 0 in every material, so with one material an interval that crosses 0 is split
  there and Simpson's rule is applied to its unsaturated part only. With two materials (a layer
  interface) the midpoint term is the mean of both materials' kr at the midpoint, and each end
  value is the cell's own. The derivatives are those of the rule, so the Jacobian is exact for
  the discrete residual. All sums are arranged so that both sides of a face get the same bits.
*/
PetscErrorCode GWFaceRelPermIntegrated_Private(GWMaterial mc, GWMaterial mn, PetscReal psic, PetscReal krc, PetscReal dkrc, PetscReal psin, PetscReal krn, PetscReal dkrn, PetscReal *kr, PetscReal *dkr_c, PetscReal *dkr_n)
{
  PetscReal se, dse, km, dkm;

  PetscFunctionBegin;
  if (mc != mn) {
    PetscReal km2, dkm2, pm = 0.5 * (psic + psin);
    if (psic == psin) { /* the midpoint is each cell's own head (0.5 (p + p) = p exactly): values known */
      km   = krc;
      dkm  = dkrc;
      km2  = krn;
      dkm2 = dkrn;
    } else {
      PetscCall(mc->ops->evaluate(mc, pm, &se, &dse, &km, &dkm));
      PetscCall(mn->ops->evaluate(mn, pm, &se, &dse, &km2, &dkm2));
    }
    *kr    = ((krc + krn) + 2 * (km + km2)) / 6;
    *dkr_c = (dkrc + (dkm + dkm2)) / 6;
    *dkr_n = (dkrn + (dkm + dkm2)) / 6;
  } else if (psic >= 0 && psin >= 0) {
    *kr    = 1.0;
    *dkr_c = *dkr_n = 0.0;
  } else if (psic <= 0 && psin <= 0) {
    if (psic == psin) { /* as above: a face between cells at the same head (a level layer at rest) */
      km  = krc;
      dkm = dkrc;
    } else
      PetscCall(mc->ops->evaluate(mc, 0.5 * (psic + psin), &se, &dse, &km, &dkm));
    *kr    = ((krc + krn) + 4 * km) / 6;
    *dkr_c = (dkrc + 2 * dkm) / 6;
    *dkr_n = (dkrn + 2 * dkm) / 6;
  } else { /* lo < 0 < hi: kr_f = (-lo S + hi)/(hi - lo), S Simpson's mean of kr over [lo, 0] */
    PetscBool clo = (PetscBool)(psic < psin);
    PetscReal lo = clo ? psic : psin, hi = clo ? psin : psic, klo = clo ? krc : krn, dklo = clo ? dkrc : dkrn, L = hi - lo, S, dS, dlo, dhi;
    PetscCall(mc->ops->evaluate(mc, 0.5 * lo, &se, &dse, &km, &dkm));
    S      = (klo + 4 * km + 1.0) / 6;
    dS     = (dklo + 2 * dkm) / 6;
    *kr    = (-lo * S + hi) / L;
    dlo    = (-S - lo * dS + *kr) / L;
    dhi    = (1.0 - *kr) / L;
    *dkr_c = clo ? dlo : dhi;
    *dkr_n = clo ? dhi : dlo;
  }
  PetscFunctionReturn(0);
}

/*
  GWModelComputeFaceRelPerm_Private - integrated kr of every face between two ghosted cells, once
  per face, into m->kface

  Input Parameters:
+ m - the model, with m->cons evaluated at the iterate x
. box - ghosted corners gxs, gys, gzs and widths gxm, gym, gzm of this rank's local arrays
. x - pressure head [m] of the ghosted cells, x-fastest
- g - their geometry records (GW_NGEO per cell)

  Notes:
  For the +x, +y and lower face (d = 0, 1, 2) of ghosted cell c whose neighbour n there is in the
  grid and in the ghosted box, m->kface[9 c + 3 d + {0, 1, 2}] = kr_f, dkr_f/dpsi_c, dkr_f/dpsi_n
  from GWFaceRelPermIntegrated_Private(): the cell loops of the residual and the Jacobian read a face
  from either side instead of evaluating it twice (and again in the Jacobian at the same iterate).
  The rule gives the same bits with the two cells swapped, so the results do not change.
*/
PetscErrorCode GWModelComputeFaceRelPerm_Private(GWModel m, const PetscInt box[6], const PetscScalar *x, const PetscScalar *g)
{
  const PetscInt   gxs = box[0], gys = box[1], gzs = box[2], gxm = box[3], gym = box[4], gzm = box[5];
  const PetscInt   off[3] = {1, gxm, gxm * gym};
  const PetscReal *cons   = m->cons;

  PetscFunctionBegin;
  if (!m->kface) PetscCall(PetscMalloc1(9 * gxm * gym * gzm, &m->kface));
  for (PetscInt k = gzs, c = 0; k < gzs + gzm; k++)
    for (PetscInt j = gys; j < gys + gym; j++)
      for (PetscInt i = gxs; i < gxs + gxm; i++, c++) {
        const PetscBool in[3] = {i + 1 < gxs + gxm && i + 1 < m->nx, j + 1 < gys + gym && j + 1 < m->ny, k + 1 < gzs + gzm && k + 1 < m->nz};
        GWMaterial      mc    = m->mat[(PetscInt)g[GW_NGEO * c + GW_GEO_MAT]];
        for (PetscInt d = 0; d < 3; d++) {
          PetscReal *kf = &m->kface[9 * c + 3 * d];
          PetscInt   n  = c + off[d];
          if (!in[d]) continue;
          PetscCall(GWFaceRelPermIntegrated_Private(mc, m->mat[(PetscInt)g[GW_NGEO * n + GW_GEO_MAT]], x[c], cons[4 * c + 2], cons[4 * c + 3], x[n], cons[4 * n + 2], cons[4 * n + 3], &kf[0], &kf[1], &kf[2]));
        }
      }
  m->kface_valid = PETSC_TRUE;
  PetscFunctionReturn(0);
}
