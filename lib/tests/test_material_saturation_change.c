/* The change of effective saturation over a time step, Se(psi) - Se(psio), as the storage term of
   the mixed-form Richards equation needs it (GWMaterialGetSaturationChange()), against a reference
   computed independently of the library's closed form: the integral of dSe/dpsi from psio to psi,
   dSe/dpsi = (n - 1) alpha^n |psi|^(n-1) (1 + (alpha |psi|)^n)^(-m-1) / Sc (van Genuchten 1980, Soil
   Sci. Soc. Am. J. 44, eq. 3 differentiated; Sc = 1, or Se_classic(h_s) with an air-entry head,
   Vogel et al. 2001, Adv. Water Resour. 24, eq. 4), by 16 panels of 8-point Gauss-Legendre in long
   double. The integral holds the difference to a few ulps of itself, however small the step, where
   subtracting two values of Se near 1 loses 1 ulp of Se (1.1e-16) absolutely: for psi - psio =
   1e-10 m that is 1e-6 of the change. Materials: the fan gravel of examples/arid_fan_river (alpha
   4 1/m, n 2.2, classic) and its plain silt (alpha 1.6 1/m, n 1.37, h_s = -0.02 m); heads from
   -0.05 to -50 m, changes of 1e-12 m to half the head, wetting and drying. Tolerance 1e-12
   relative to the change. The plain difference's error is printed for comparison (INFO). */
#include <gwmaterial.h>
#include <math.h>
#include "gwtest.h"

typedef struct {
  const char *label;
  PetscReal   alpha, n, hs;
} Soil;

static long double DSe(const Soil *s, long double psi)
{
  const long double a = s->alpha, n = s->n, m = 1 - 1 / n, h = -psi;
  const long double sc = s->hs < 0 ? powl(1 + powl(-a * (long double)s->hs, n), -m) : 1;
  return (n - 1) * powl(a, n) * powl(h, n - 1) * powl(1 + powl(a * h, n), -m - 1) / sc;
}

/* integral of dSe/dpsi over [psio, psi] (both below h_s): 16 panels of 8-point Gauss-Legendre */
static long double RefChange(const Soil *s, long double psi, long double psio)
{
  static const long double x[4] = {0.1834346424956498049394761L, 0.5255324099163289858177390L, 0.7966664774136267395915539L, 0.9602898564975362316835609L};
  static const long double w[4] = {0.3626837833783619829651504L, 0.3137066458778872873379622L, 0.2223810344533744705443560L, 0.1012285362903762591525314L};
  const long double        hw   = (psi - psio) / 32;
  long double              sum  = 0;

  for (int p = 0; p < 16; p++) {
    long double c = psio + (2 * p + 1) * hw;
    for (int q = 0; q < 4; q++) sum += w[q] * (DSe(s, c - x[q] * hw) + DSe(s, c + x[q] * hw));
  }
  return sum * hw;
}

int main(int argc, char **argv)
{
  static const Soil      soil[2]     = {{"gravel", 4.0, 2.2, 0.0}, {"silt_hs", 1.6, 1.37, -0.02}};
  static const PetscReal heads[4]    = {-0.05, -0.5, -5.0, -50.0};
  static const PetscReal steps[5]    = {1e-12, 1e-10, 1e-6, 1e-3, 0.5}; /* the last relative to |psio| */
  GWTest                 t           = {0, 0};
  PetscReal              worst_plain = 0;

  PetscCall(PetscInitialize(&argc, &argv, NULL, NULL));
  for (PetscInt s = 0; s < 2; s++) {
    GWMaterial mat;
    PetscReal  worst = 0;
    char       name[96];
    PetscCall(GWMaterialCreate(PETSC_COMM_SELF, &mat));
    PetscCall(GWMaterialSetType(mat, GWMATERIALVANGENUCHTEN));
    PetscCall(GWMaterialVanGenuchtenSetParameters(mat, soil[s].alpha, soil[s].n));
    PetscCall(GWMaterialVanGenuchtenSetAirEntry(mat, soil[s].hs));
    for (PetscInt h = 0; h < 4; h++)
      for (PetscInt d = 0; d < 5; d++)
        for (PetscInt sign = -1; sign <= 1; sign += 2) {
          PetscReal psio = heads[h], dpsi = d == 4 ? 0.5 * PetscAbsReal(psio) : steps[d], psi = psio + sign * dpsi, change, se, seo, ref, e;
          if (psi >= soil[s].hs) continue;
          ref = (PetscReal)RefChange(&soil[s], psi, psio);
          PetscCall(GWMaterialGetSaturationChange(mat, psi, psio, &change));
          e     = PetscAbsReal(change - ref) / PetscAbsReal(ref);
          worst = PetscMax(worst, e);
          PetscCall(GWMaterialEvaluate(mat, psi, &se, NULL, NULL, NULL));
          PetscCall(GWMaterialEvaluate(mat, psio, &seo, NULL, NULL, NULL));
          worst_plain = PetscMax(worst_plain, PetscAbsReal(se - seo - ref) / PetscAbsReal(ref));
          if (e > 1e-12) {
            PetscCall(PetscSNPrintf(name, sizeof(name), "%s_psio_%g_dpsi_%g", soil[s].label, (double)psio, (double)(sign * dpsi)));
            PetscCall(GWTestRel(&t, name, change, ref, 1e-12));
          }
        }
    PetscCall(PetscSNPrintf(name, sizeof(name), "%s_worst_relative_error_of_the_change", soil[s].label));
    PetscCall(GWTestBelow(&t, name, worst, 1e-12));
    PetscCall(GWMaterialDestroy(&mat));
  }
  {
    GWMaterial mat; /* a step within one material's saturated range, and one out of it: exact */
    PetscReal  c1, c2, se;
    PetscCall(GWMaterialCreate(PETSC_COMM_SELF, &mat));
    PetscCall(GWMaterialSetType(mat, GWMATERIALVANGENUCHTEN));
    PetscCall(GWMaterialVanGenuchtenSetParameters(mat, 4.0, 2.2));
    PetscCall(GWMaterialGetSaturationChange(mat, 0.3, 0.1, &c1));
    PetscCall(GWTestAbs(&t, "saturated_step_no_change", c1, 0.0, 0.0));
    PetscCall(GWMaterialGetSaturationChange(mat, 0.2, -0.3, &c2));
    PetscCall(GWMaterialEvaluate(mat, -0.3, &se, NULL, NULL, NULL));
    PetscCall(GWTestAbs(&t, "step_to_saturation_is_1_minus_Se", c2, 1.0 - se, 0.0));
    PetscCall(GWMaterialDestroy(&mat));
  }
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "INFO plain_difference_worst_relative_error value=%.3e\n", (double)worst_plain));
  PetscCall(PetscPrintf(PETSC_COMM_WORLD, "%" PetscInt_FMT " checks, %" PetscInt_FMT " failed\n", t.nchecks, t.nfail));
  PetscCall(PetscFinalize());
  return t.nfail ? 1 : 0;
}
