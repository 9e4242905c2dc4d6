#!/bin/sh
# Salt left by evaporation (examples/salt_column) run by gw-run on 1 and on 2 MPI ranks (the
# column split along z). Checks, on each run: every step's solute mass balance below 1e-10
# relative; evaporation takes no salt out; the salt in the column at the end (dissolved + solid)
# equals the salt at the start plus the cumulative inflow minus outflow to 1e-10 relative
# (conservation); solid salt has appeared (its solubility 2.4 kg/m3 was passed), peaks in the top
# cell, and no concentration exceeds the solubility, which the top cell holds. The two runs'
# NetCDF fields, concentration and solid included, must agree to 1e-8 (test_io_ranks_compare).
set -u
top="${top_builddir:-.}"
src="${srcdir:-.}"
out=$(mktemp -d "${TMPDIR:-/tmp}/gwrun-salt.XXXXXX") || exit 99
trap 'rm -rf "$out"' EXIT
scen="$src/examples/salt_column/scenario.yaml"
"$top/apps/gw-run" "$scen" -o "$out/np1" > "$out/np1.log" 2>&1 || { cat "$out/np1.log"; exit 1; }
${MPIEXEC:-mpiexec} -n 2 "$top/apps/gw-run" "$scen" -o "$out/np2" > "$out/np2.log" 2>&1 || { cat "$out/np2.log"; exit 1; }
command -v ncdump >/dev/null 2>&1 || { echo "no ncdump"; exit 77; }
for r in np1 np2; do
  awk -F, -v run="$r" '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    NR == 2 { m0 = $col["salt_dissolved_mass_kg"] + $col["salt_solid_mass_kg"] - $col["salt_dissolved_storage_change_kg"] - $col["salt_solid_storage_change_kg"] }
    { rel = $col["salt_mass_balance_rel"] + 0; if (rel > mx) mx = rel; last = $0 }
    END {
      n = split(last, f, ",")
      m = f[col["salt_dissolved_mass_kg"]] + f[col["salt_solid_mass_kg"]]; msol = f[col["salt_solid_mass_kg"]]; gin = f[col["salt_cum_groundwater_in_kg"]]; gout = f[col["salt_cum_groundwater_out_kg"]]
      sout = f[col["salt_cum_surface_out_kg"]]
      err = (m - (m0 + gin - gout)) / m; if (err < 0) err = -err
      ok1 = mx < 1e-10; ok2 = sout == 0; ok3 = err < 1e-10 && gin > 0.1; ok4 = msol > 0.1
      printf "CHECK %s_max_step_solute_mass_balance_rel value=%g limit=1e-10 %s\n", run, mx, ok1 ? "PASS" : "FAIL"
      printf "CHECK %s_salt_out_by_evaporation_kg value=%g limit=0 %s\n", run, sout, ok2 ? "PASS" : "FAIL"
      printf "CHECK %s_salt_gained_equals_inflow_rel value=%g limit=1e-10 (start %.10g kg, end %.10g kg, inflow %.10g kg) %s\n", run, err, m0, m, gin - gout, ok3 ? "PASS" : "FAIL"
      printf "CHECK %s_solid_salt_mass_kg value=%g min=0.1 %s\n", run, msol, ok4 ? "PASS" : "FAIL"
      exit !(ok1 && ok2 && ok3 && ok4)
    }' "$out/$r-solute-budget.csv" || exit 1
  # the last record of the concentration and solid profiles, top cell first
  for v in concentration_salt solid_salt; do
    ncdump -v $v "$out/$r.nc" | awk -v run="$r" -v var=$v '
      $0 ~ var " =" { on = 1; next }
      on { gsub(/[;,]/, " "); for (i = 1; i <= NF; i++) if ($i ~ /^[0-9.eE+-]+$/) v[n++] = $i + 0 }
      END {
        nz = 40; first = n - nz; top = v[first]; mx = top
        for (i = first + 1; i < n; i++) if (v[i] > mx) mx = v[i]
        if (var == "solid_salt") ok = n >= nz && top == mx && top > 0
        else ok = n >= nz && top == mx && mx <= 2.4 * (1 + 1e-12) && top >= 2.4 * (1 - 1e-12)
        printf "CHECK %s_%s_peaks_in_top_cell top=%.15g max=%.15g%s %s\n", run, var, top, mx, var == "solid_salt" ? "" : " solubility=2.4", ok ? "PASS" : "FAIL"
        exit !ok
      }' || exit 1
  done
done
exec "$top/lib/tests/test_io_ranks_compare" "$out/np1.nc" "$out/np2.nc"
