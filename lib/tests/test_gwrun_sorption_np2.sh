#!/bin/sh
# Langmuir sorption from a scenario file (lib/tests/scenarios/langmuir_column.yaml: Smax in mg/g,
# KL in L/g, a second material with its own KL and bulk density) run by gw-run on 1 and 2 MPI
# ranks. Checks, on each run: every step's solute mass balance below 1e-10 relative; the sorbed
# mass of the budget at 60 and 90 d equals sum over cells of V rho_b Smax KL c / (1 + KL c) computed
# here from the NetCDF concentrations with the parameters in SI (7.5e-4 kg/kg; 1 and 2 m3/kg;
# 1600 and 1500 kg/m3) to 1e-10 relative (the keys, their units and the per-material values reach
# the isotherm); the dissolved plus sorbed mass equals the inflow minus the outflow to 1e-10. The
# two runs' NetCDF fields must agree to 1e-8 (test_io_ranks_compare).
set -u
top="${top_builddir:-.}"
src="${srcdir:-.}"
py=/usr/bin/python3
"$py" -c "import netCDF4, numpy" 2>/dev/null || { echo "python3-netcdf4 is needed: run share/install-deps"; exit 99; }
out=$(mktemp -d "${TMPDIR:-/tmp}/gwrun-sorption.XXXXXX") || exit 99
trap 'rm -rf "$out"' EXIT
scen="$src/lib/tests/scenarios/langmuir_column.yaml"
"$top/apps/gw-run" "$scen" -o "$out/np1" > "$out/np1.log" 2>&1 || { cat "$out/np1.log"; exit 1; }
${MPIEXEC:-mpiexec} -n 2 "$top/apps/gw-run" "$scen" -o "$out/np2" > "$out/np2.log" 2>&1 || { cat "$out/np2.log"; exit 1; }
for r in np1 np2; do
  "$py" - "$out/$r" "$r" <<'PYEOF' || exit 1
import csv, sys
import netCDF4
import numpy as np
prefix, run = sys.argv[1], sys.argv[2]
rows = list(csv.DictReader(open(prefix + "-solute-budget.csv")))
ok = True
mb = max(abs(float(r["solute_mass_balance_rel"])) for r in rows)
print("CHECK %s_max_step_solute_mass_balance_rel value=%g limit=1e-10 %s" % (run, mb, "PASS" if mb < 1e-10 else "FAIL"))
ok &= mb < 1e-10
with netCDF4.Dataset(prefix + ".nc") as ds:
    t, c = np.array(ds["time"][:]), np.array(ds["concentration_solute"][:, 0, 0, :])
V, smax = 0.4 * 1.0 * 10.0, 7.5e-4
kl = np.where(np.arange(150) < 75, 1.0, 2.0)
rho = np.where(np.arange(150) < 75, 1600.0, 1500.0)
for day in (60, 90):
    it = int(np.argmin(abs(t - day * 86400.0)))
    row = min(rows, key=lambda r: abs(float(r["time_s"]) - day * 86400.0))
    ref = float(np.sum(V * rho * smax * kl * c[it] / (1 + kl * c[it])))
    got = float(row["solute_sorbed_mass_kg"])
    err = abs(got - ref) / ref
    print("CHECK %s_sorbed_mass_t%dd_vs_langmuir_of_concentration_rel value=%g limit=1e-10 (budget %.10g kg, isotherm %.10g kg) %s" % (run, day, err, got, ref, "PASS" if err < 1e-10 else "FAIL"))
    ok &= err < 1e-10
last = rows[-1]
m = float(last["solute_dissolved_mass_kg"]) + float(last["solute_sorbed_mass_kg"])
net = sum(float(last["solute_cum_%s_in_kg" % p]) - float(last["solute_cum_%s_out_kg" % p]) for p in ("inlet", "outlet"))
err = abs(m - net) / m
print("CHECK %s_mass_in_column_equals_net_inflow_rel value=%g limit=1e-10 (%.10g kg, net inflow %.10g kg) %s" % (run, err, m, net, "PASS" if err < 1e-10 else "FAIL"))
ok &= err < 1e-10
sys.exit(0 if ok else 1)
PYEOF
done
exec "$top/lib/tests/test_io_ranks_compare" "$out/np1.nc" "$out/np2.nc"
