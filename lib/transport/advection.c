/* Advection schemes of a solute: first-order upwind (the matrix) and a TVD flux limiter applied
   by deferred correction on the right side, so the implicit matrix stays upwind (an M-matrix). */
#include <gw/private/transportimpl.h>

const char *const GWAdvectionSchemes[] = {"upwind", "tvd", "GWAdvectionScheme", "GW_ADVECTION_", NULL};

/*@C
  GWSoluteSetAdvectionScheme - sets how the solute's advective flux across a face is computed

  Logically collective

  Input Parameters:
+ solute - the solute, before GWModelSetUp()
- scheme - GW_ADVECTION_UPWIND (the default) or GW_ADVECTION_TVD

  Notes:
  GW_ADVECTION_UPWIND takes the concentration of the upstream cell, c_U: first order, monotone,
  with a numerical dispersion of about |v| dx / 2 (Zheng and Bennett 2002, ch. 7).
  GW_ADVECTION_TVD takes the face value c_U + psi(r) (c_D - c_U) / 2, D the downstream cell,
  r = (c_U - c_UU) / (c_D - c_U) the ratio of the upstream to the local difference (UU the cell
  upstream of U on the same axis) and psi the van Leer limiter psi(r) = (r + |r|) / (1 + |r|)
  (van Leer 1974, J. Comput. Phys. 14, eq. 10; Sweby 1984, SIAM J. Numer. Anal. 21, the flux-limiter
  form): second order where the profile is smooth, first order at extrema (psi = 0 for r <= 0), no
  new extrema. The high-order part |Q| psi(r) (c_D - c_U) / 2 is a deferred correction
  (Khosla and Rubin 1974, Comput. Fluids 2): the matrix keeps the upwind terms and the correction,
  evaluated at the current iterate, goes to the right side; the step iterates (as for nonlinear
  sorption, stopping on the mass residual, -gw_transport_sorption_rtol and _max_it) until the
  correction and the concentration agree. Each face's correction leaves one cell and enters the
  other, so mass is conserved exactly. At faces whose upstream cell has no cell behind it (the
  grid's edge) and at package faces, the flux stays upwind. The ratio r uses cell differences,
  exact for uniform spacing along the axis.

  Errors:
  PETSC_ERR_ARG_WRONGSTATE after set-up; PETSC_ERR_ARG_OUTOFRANGE for an unknown scheme.

  Level: intermediate

.seealso: `GWSoluteGetAdvectionScheme()`, `GWAdvectionSchemes`
@*/
PetscErrorCode GWSoluteSetAdvectionScheme(GWSolute solute, GWAdvectionScheme scheme)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(solute, GWSOLUTE_CLASSID, 1);
  PetscCall(GWSoluteCheckNotSetUp_Private(solute));
  PetscCheck(scheme == GW_ADVECTION_UPWIND || scheme == GW_ADVECTION_TVD, PetscObjectComm((PetscObject)solute), PETSC_ERR_ARG_OUTOFRANGE, "Solute %s: unknown advection scheme %d; use GW_ADVECTION_UPWIND or GW_ADVECTION_TVD", ((PetscObject)solute)->name, (int)scheme);
  solute->adv = scheme;
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteGetAdvectionScheme - gets the solute's advection scheme

  Not collective

  Input Parameter:
. solute - the solute

  Output Parameter:
. scheme - GW_ADVECTION_UPWIND or GW_ADVECTION_TVD

  Level: intermediate

.seealso: `GWSoluteSetAdvectionScheme()`
@*/
PetscErrorCode GWSoluteGetAdvectionScheme(GWSolute solute, GWAdvectionScheme *scheme)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(solute, GWSOLUTE_CLASSID, 1);
  PetscValidPointer(scheme, 2);
  *scheme = solute->adv;
  PetscFunctionReturn(0);
}

/* The TVD correction [kg/s] into cell (i, j, k) through its face towards neighbour n (0..5, as
   GWNeighbours_Private) from the ghosted face arrays f (GWSoluteTVDCorrection_Private()); the
   neighbour must be inside the grid. */
PetscReal GWSoluteTVDFaceFlux_Private(PetscScalar ***f[3], PetscInt i, PetscInt j, PetscInt k, PetscInt n)
{
  PetscInt a = GWNeighbours_Private[n][3];

  if (GWNeighbours_Private[n][a] < 0) return f[a][k + GWNeighbours_Private[n][2]][j + GWNeighbours_Private[n][1]][i + GWNeighbours_Private[n][0]];
  return -f[a][k][j][i];
}

/* The TVD deferred correction at the concentration of the iterate, in the local (ghosted) vector
   tr->cl: for each interior face with flow |Q| from U to D, g = |Q| psi(r) (c_D - c_U) / 2 moves
   from U to D. Faces are visited from their upstream cell on the rank owning it and stored in the
   face arrays (tr->fc, a ghost face of another rank's cell added there), then the ghosts are
   filled (tr->fcl) and each cell's net inflow of correction goes to tr->corr. qf is the stored
   face-flux array. */
PetscErrorCode GWSoluteTVDCorrection_Private(GWModel m, PetscScalar ****qf, Vec cl)
{
  struct _n_GWTransport *tr = m->transport;
  PetscScalar         ***c, ***f[3], ***corr;
  PetscInt               xs, ys, zs, xm, ym, zm;

  PetscFunctionBegin;
  PetscCall(DMDAGetCorners(m->da, &xs, &ys, &zs, &xm, &ym, &zm));
  for (PetscInt a = 0; a < 3; a++) {
    PetscCall(VecSet(tr->fcl[a], 0.0));
    PetscCall(DMDAVecGetArray(m->da, tr->fcl[a], &f[a]));
  }
  PetscCall(DMDAVecGetArrayRead(m->da, cl, &c));
  for (PetscInt k = zs; k < zs + zm; k++)
    for (PetscInt j = ys; j < ys + ym; j++)
      for (PetscInt i = xs; i < xs + xm; i++)
        for (PetscInt n = 0; n < 6; n++) {
          PetscInt  di = GWNeighbours_Private[n][0], dj = GWNeighbours_Private[n][1], dk = GWNeighbours_Private[n][2], a = GWNeighbours_Private[n][3];
          PetscInt  id = i + di, jd = j + dj, kd = k + dk, iu = i - di, ju = j - dj, ku = k - dk;
          PetscReal Q, du, dd, r, psi, g;
          if (id < 0 || id >= m->nx || jd < 0 || jd >= m->ny || kd < 0 || kd >= m->nz) continue;
          if (iu < 0 || iu >= m->nx || ju < 0 || ju >= m->ny || ku < 0 || ku >= m->nz) continue;
          Q = GWStoredFaceFlux_Private(qf, i, j, k, n); /* into (i, j, k): outflow to D is Q < 0 */
          if (Q >= 0) continue;
          dd = c[kd][jd][id] - c[k][j][i];
          du = c[k][j][i] - c[ku][ju][iu];
          if (dd == 0) continue;
          r   = du / dd;
          psi = (r + PetscAbsReal(r)) / (1 + PetscAbsReal(r));
          g   = -Q * 0.5 * psi * dd;
          if (di + dj + dk > 0)
            f[a][k][j][i] = g; /* D = U + e: the face is stored at U, positive from U to D */
          else
            f[a][kd][jd][id] = -g; /* D = U - e: stored at D, positive from D to U */
        }
  PetscCall(DMDAVecRestoreArrayRead(m->da, cl, &c));
  for (PetscInt a = 0; a < 3; a++) {
    PetscCall(DMDAVecRestoreArray(m->da, tr->fcl[a], &f[a]));
    PetscCall(VecSet(tr->fc[a], 0.0));
    PetscCall(DMLocalToGlobal(m->da, tr->fcl[a], ADD_VALUES, tr->fc[a]));
    PetscCall(DMGlobalToLocal(m->da, tr->fc[a], INSERT_VALUES, tr->fcl[a]));
    PetscCall(DMDAVecGetArrayRead(m->da, tr->fcl[a], &f[a]));
  }
  PetscCall(DMDAVecGetArray(m->da, tr->corr, &corr));
  for (PetscInt k = zs; k < zs + zm; k++)
    for (PetscInt j = ys; j < ys + ym; j++)
      for (PetscInt i = xs; i < xs + xm; i++) {
        PetscReal in = 0;
        for (PetscInt n = 0; n < 6; n++) {
          PetscInt in_ = i + GWNeighbours_Private[n][0], jn = j + GWNeighbours_Private[n][1], kn = k + GWNeighbours_Private[n][2];
          if (in_ < 0 || in_ >= m->nx || jn < 0 || jn >= m->ny || kn < 0 || kn >= m->nz) continue;
          in += GWSoluteTVDFaceFlux_Private(f, i, j, k, n);
        }
        corr[k][j][i] = in;
      }
  PetscCall(DMDAVecRestoreArray(m->da, tr->corr, &corr));
  for (PetscInt a = 0; a < 3; a++) PetscCall(DMDAVecRestoreArrayRead(m->da, tr->fcl[a], &f[a]));
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteSetCourantMax - asks for transport sub-steps inside each flow step so that no cell's
  Courant number exceeds a limit

  Logically collective

  Input Parameters:
+ solute - the solute, before GWModelSetUp()
- cmax - the largest Courant number of a sub-step, > 0; 0 for none (the default: one transport
         step per flow step)

  Notes:
  A cell's Courant number over a flow step of length dt is Cr = dt sum(Q_out) / W, the water
  leaving it through its faces and packages over the water it holds (the smaller of the step's
  start and end volumes). The transport takes n = ceil(max Cr / cmax) equal sub-steps with the
  flow step's fluxes and the water volume going linearly from its start to its end value; the
  step's budget is the sum of the sub-steps'. The sub-steps are shared by the model's solutes
  (the smallest cmax any asks for decides n). With a steady flow the result equals that of flow
  steps n times shorter. The implicit upwind scheme is stable at any Courant number; the limit
  bounds the time-discretisation error (numerical dispersion grows with Cr) and keeps the TVD
  deferred correction close to its explicit form (Zheng and Bennett 2002, ch. 7: Cr <= 1 for
  explicit advection schemes).

  Errors:
  PETSC_ERR_ARG_OUTOFRANGE for a negative or non-finite cmax; PETSC_ERR_ARG_WRONGSTATE after set-up.

  Level: intermediate

.seealso: `GWSoluteGetCourantMax()`, `GWSoluteSetAdvectionScheme()`, `GWModelGetTransportSubSteps()`
@*/
PetscErrorCode GWSoluteSetCourantMax(GWSolute solute, PetscReal cmax)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(solute, GWSOLUTE_CLASSID, 1);
  PetscCall(GWSoluteCheckNotSetUp_Private(solute));
  PetscCheck(cmax >= 0 && !PetscIsInfOrNanReal(cmax), PetscObjectComm((PetscObject)solute), PETSC_ERR_ARG_OUTOFRANGE, "Solute %s: the largest Courant number of a transport sub-step must be positive (0 for no sub-steps), got %g", ((PetscObject)solute)->name, (double)cmax);
  solute->courant_max = cmax;
  PetscFunctionReturn(0);
}

/*@C
  GWSoluteGetCourantMax - gets the Courant limit of the transport sub-steps

  Not collective

  Input Parameter:
. solute - the solute

  Output Parameter:
. cmax - the limit; 0: no sub-steps

  Level: intermediate

.seealso: `GWSoluteSetCourantMax()`
@*/
PetscErrorCode GWSoluteGetCourantMax(GWSolute solute, PetscReal *cmax)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(solute, GWSOLUTE_CLASSID, 1);
  PetscValidRealPointer(cmax, 2);
  *cmax = solute->courant_max;
  PetscFunctionReturn(0);
}

/*@C
  GWModelGetTransportSubSteps - gets the number of transport sub-steps of the last flow step and
  the most in one step since set-up

  Not collective

  Input Parameter:
. model - the model, with solutes

  Output Parameters:
+ last - sub-steps of the last step (1 without a Courant limit; may be NULL)
- most - the most in one step (may be NULL)

  Level: intermediate

.seealso: `GWSoluteSetCourantMax()`
@*/
PetscErrorCode GWModelGetTransportSubSteps(GWModel model, PetscInt *last, PetscInt *most)
{
  PetscFunctionBegin;
  PetscValidHeaderSpecific(model, GWMODEL_CLASSID, 1);
  PetscCheck(model->transport, PetscObjectComm((PetscObject)model), PETSC_ERR_ARG_WRONGSTATE, "The model has no solutes");
  if (last) *last = model->transport->nsub;
  if (most) *most = model->transport->nsub_max;
  PetscFunctionReturn(0);
}
