#!/bin/sh
# Salt left by evaporation (examples/salt_column) run by gw-run on 1 and on 2 MPI ranks (the
# column split along z). Checks, on each run: every step's solute mass balance below 1e-10
# relative; evaporation takes no salt out; the salt in the column at the end equals the salt at
# the start plus the cumulative inflow minus outflow to 1e-10 relative (conservation); the
# concentration peaks in the top cell, above that of the groundwater. The two runs' NetCDF fields,
# concentration included, must agree to 1e-8 (test_io_ranks_compare).
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
    NR == 2 { m0 = $col["salt_dissolved_mass_kg"] - $col["salt_dissolved_storage_change_kg"] }
    { rel = $col["salt_mass_balance_rel"] + 0; if (rel > mx) mx = rel; last = $0 }
    END {
      n = split(last, f, ",")
      m = f[col["salt_dissolved_mass_kg"]]; gin = f[col["salt_cum_groundwater_in_kg"]]; gout = f[col["salt_cum_groundwater_out_kg"]]
      sout = f[col["salt_cum_surface_out_kg"]]
      err = (m - (m0 + gin - gout)) / m; if (err < 0) err = -err
      ok1 = mx < 1e-10; ok2 = sout == 0; ok3 = err < 1e-10 && gin > 0.1
      printf "CHECK %s_max_step_solute_mass_balance_rel value=%g limit=1e-10 %s\n", run, mx, ok1 ? "PASS" : "FAIL"
      printf "CHECK %s_salt_out_by_evaporation_kg value=%g limit=0 %s\n", run, sout, ok2 ? "PASS" : "FAIL"
      printf "CHECK %s_salt_gained_equals_inflow_rel value=%g limit=1e-10 (start %.10g kg, end %.10g kg, inflow %.10g kg) %s\n", run, err, m0, m, gin - gout, ok3 ? "PASS" : "FAIL"
      exit !(ok1 && ok2 && ok3)
    }' "$out/$r-solute-budget.csv" || exit 1
  # the last record of the concentration profile, top cell first
  ncdump -v concentration_salt "$out/$r.nc" | awk -v run="$r" '
    /concentration_salt =/ { on = 1; next }
    on { gsub(/[;,]/, " "); for (i = 1; i <= NF; i++) if ($i ~ /^[0-9.eE+-]+$/) v[n++] = $i + 0 }
    END {
      nz = 40; first = n - nz; top = v[first]; mx = top
      for (i = first + 1; i < n; i++) if (v[i] > mx) mx = v[i]
      ok = n >= nz && top == mx && top > 1
      printf "CHECK %s_concentration_peaks_in_top_cell top=%g max=%g %s\n", run, top, mx, ok ? "PASS" : "FAIL"
      exit !ok
    }' || exit 1
done
exec "$top/lib/tests/test_io_ranks_compare" "$out/np1.nc" "$out/np2.nc"
