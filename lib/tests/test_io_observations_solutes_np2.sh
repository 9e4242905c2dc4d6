#!/bin/sh
# Concentration observations through gw-run on examples/salt_column shortened to 60 d (fields at
# 10 d and 30 d), with four observations: a point in the top cell (water_content and
# concentration_salt), a point at z = -12 cm (concentration), a layer from 2 cm to 17 cm (partial
# cells at both ends: storage and concentration) and a layer from 0 to 1.5 m (across the two
# ranks' halves of the column). At every row (t = 0, 10, 30, 60 d) each value must equal the one
# computed here from the NetCDF fields of the same time, independently of the observation code:
# at a point the concentration_salt of the cell whose faces (top, bottom) bracket z; over a layer
# sum(theta c l) / sum(theta l) with l the length of each cell inside the layer (top minus depths),
# and storage sum(theta l); tolerance 1e-9 relative (the CSV's 10 digits). The salt must have
# risen into the layer (its value at 60 d above 1.05 kg/m3, the groundwater's 1, so the layer
# average is not a constant). On 1 and 2 ranks; the two observation files agree to 1e-8 relative,
# and every step's solute mass balance is below 1e-10 relative.
LC_ALL=C
export LC_ALL
top="${top_builddir:-.}"
src="${srcdir:-.}"
gw="$top/apps/gw-run"
py=/usr/bin/python3
[ -x "$py" ] || py=python3
"$py" -c "import netCDF4, numpy" 2>/dev/null || { echo "no python3 netCDF4"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gwobssol.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' 0
sed -e 's/^time: {end: 365 d,/time: {end: 60 d,/' -e 's/^output: {times: \[30 d, 100 d, 200 d\]}/output: {times: [10 d, 30 d]}/' "$src/examples/salt_column/scenario.yaml" >"$tmp/s.yaml"
grep -q "end: 60 d" "$tmp/s.yaml" && grep -q "times: \[10 d, 30 d\]" "$tmp/s.yaml" || { echo "could not make the 60 d scenario"; exit 99; }
cat >>"$tmp/s.yaml" <<'YAML'
observations:
  - {name: top, x: 0.5 m, z: -1 cm, quantities: [water_content, concentration_salt]}
  - {name: p12, x: 0.5 m, z: -12 cm, quantities: [concentration]}
  - {name: root, x: 0.5 m, depth: [2 cm, 17 cm], quantities: [storage, concentration]}
  - {name: deep, x: 0.5 m, depth: [0 m, 1.5 m], quantities: [concentration_salt]}
YAML
cd "$tmp" || exit 99
"$gw" s.yaml -o one >one.log 2>&1 || { cat one.log; exit 1; }
${MPIEXEC:-mpiexec} -n 2 "$gw" s.yaml -o two >two.log 2>&1 || { cat two.log; exit 1; }
"$py" - <<'PY'
import csv, sys
import numpy as np, netCDF4
bad = 0
def check(name, value, ref, tol):
    global bad
    e = abs(value - ref) / max(abs(ref), 1e-300)
    ok = e <= tol
    print("CHECK %s value=%.10g reference=%.10g relerror=%.3e tol=%g %s" % (name, value, ref, e, tol, "PASS" if ok else "FAIL"))
    bad |= not ok
obs = {"top": ("point", -0.01), "p12": ("point", -0.12), "root": ("layer", (0.02, 0.17)), "deep": ("layer", (0.0, 1.5))}
rows = {}
for run in ("one", "two"):
    d = netCDF4.Dataset(run + ".nc")
    t = np.asarray(d["time"][:])
    c = np.asarray(d["concentration_salt"][:])[:, :, 0, 0]
    th = np.asarray(d["water_content"][:])[:, :, 0, 0]
    land = float(d["top"][0, 0])
    bot = np.asarray(d["bottom"][:])[:, 0, 0]
    tops = np.concatenate(([land], bot[:-1]))
    r = list(csv.reader(open(run + "-obs.csv")))
    head, rows[run] = r[0], r[1:]
    col = {h: i for i, h in enumerate(head)}
    if len(rows[run]) != len(t):
        print("CHECK %s rows=%d netcdf_records=%d FAIL" % (run, len(rows[run]), len(t)))
        sys.exit(1)
    for row in rows[run]:
        n = int(np.argmin(np.abs(t - float(row[0]))))
        if abs(t[n] - float(row[0])) > 1e-6 * max(t[n], 1):
            print("CHECK %s row at t=%s has no NetCDF record FAIL" % (run, row[0]))
            sys.exit(1)
        day = "%s_t%gd" % (run, t[n] / 86400)
        for name, (kind, where) in obs.items():
            if kind == "point":
                k = int(np.nonzero((bot < where) & (tops >= where))[0][0])
                ref = c[n, k]
            else:
                l = np.clip(np.minimum(tops, land - where[0]) - np.maximum(bot, land - where[1]), 0, None)
                ref = np.sum(th[n] * c[n] * l) / np.sum(th[n] * l)
                if name == "root":
                    check(day + "_root_storage_m", float(row[col["root_storage_m"]]), np.sum(th[n] * l), 1e-9)
            check(day + "_" + name + "_concentration", float(row[col[name + "_concentration_salt_kg_per_m3"]]), ref, 1e-9)
        check(day + "_top_water_content", float(row[col["top_water_content"]]), th[n, 0], 1e-9)
    last = float(rows[run][-1][col["root_concentration_salt_kg_per_m3"]])
    print("CHECK %s_root_concentration_60d_above_1.05 value=%.6g %s" % (run, last, "PASS" if last > 1.05 else "FAIL"))
    bad |= not last > 1.05
    mb = max(abs(float(x[i])) for x in list(csv.reader(open(run + "-solute-budget.csv")))[1:] for i in [list(csv.reader(open(run + "-solute-budget.csv")))[0].index("salt_mass_balance_rel")])
    print("CHECK %s_max_step_solute_mass_balance_rel value=%.3e limit=1e-10 %s" % (run, mb, "PASS" if mb < 1e-10 else "FAIL"))
    bad |= not mb < 1e-10
worst = max(abs(float(a) - float(b)) / max(abs(float(a)), 1e-300) for ra, rb in zip(rows["one"], rows["two"]) for a, b in zip(ra[1:], rb[1:]))
print("CHECK one_vs_two_ranks_observations max_rel_diff=%.3e tol=1e-8 %s" % (worst, "PASS" if worst <= 1e-8 else "FAIL"))
bad |= not worst <= 1e-8
sys.exit(1 if bad else 0)
PY
