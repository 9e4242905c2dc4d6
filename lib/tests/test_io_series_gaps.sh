#!/bin/sh
# Gaps and ends of CSV series are filled as the scenario says. rain_hole.csv (it starts with a
# UTF-8 byte-order mark) is hourly rain, 2, 4, -, -, 1, 3 mm/h at 00:00..05:00: a 3 h gap after
# 01:00. The good column scenario is run with each choice of gaps, extend and interpolation, and
# (the bottom head series holds its last value) the cumulative rain inflow (m^3 on a 1 m^2 column, so mm / 1000) must equal the integral worked
# out by hand below to 1e-9 mm:
#   step   hold        2 + 4*3 + 1 + 3                            = 18
#   step   zero        2 + 4 + 0 + 0 + 1 + 3                      = 10
#   step   interpolate 2 + 4 + 3 + 2 + 1 + 3 (rows at 02:00, 03:00) = 15
#   linear interpolate, extend hold to 6 h: 3 + 7.5 + 2 + 3         = 15.5
#   linear zero, extend zero: 3 + 2 + 0 + 0.5 + 2 + 1.5             = 9
#   step   zero, extend zero to 7 h: 10 + 0                         = 10
#   step   hold, extend hold to 7 h: 18 + 3                         = 21
LC_ALL=C
export LC_ALL
gwrun="${top_builddir:-.}/apps/gw-run"
src="${srcdir:-.}/lib/tests/scenarios"
[ -x "$gwrun" ] || { echo "no $gwrun; build first"; exit 99; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gwgaps.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' 0
cp "$src"/rain_hole.csv "$src"/bottom.csv "$tmp"/ || exit 99
fail=0

# case NAME END INTERP GAPS EXTEND EXPECTED_MM
case_() {
  sed -e "s|      interpolation: linear|      interpolation: linear\n      extend: hold|" \
    -e "s|file: rain.csv|file: rain_hole.csv\n      interpolation: $3\n      gaps: $4\n      extend: $5|" -e "s|  end: 3 h|  end: $2|" -e "s|  times: \[1 h, 2 h\]|  times: [1 h]|" \
    "$src/good_column.yaml" >"$tmp/$1.yaml"
  if ! "$gwrun" "$tmp/$1.yaml" -o "$tmp/$1" >"$tmp/$1.log" 2>&1; then
    echo "CHECK series_gaps $1 FAIL: gw-run failed"
    cat "$tmp/$1.log"
    fail=$((fail + 1))
    return
  fi
  awk -F, -v want="$6" -v name="$1" '
    NR == 1 { for (i = 1; i <= NF; i++) if ($i == "cum_rain_in_m3") c = i; next }
    { got = $c * 1000 }
    END {
      d = got - want; if (d < 0) d = -d
      printf "CHECK series_gaps %s rain_mm=%.12g expected=%g diff=%.3g tol=1e-9 %s\n", name, got, want, d, (c && d <= 1e-9) ? "PASS" : "FAIL"
      exit !(c && d <= 1e-9)
    }' "$tmp/$1-budget.csv" || fail=$((fail + 1))
}

case_ step_hold 6h step hold error 18
case_ step_zero 6h step zero error 10
case_ step_interpolate 6h step interpolate error 15
case_ linear_interpolate_extend_hold 6h linear interpolate hold 15.5
case_ linear_zero_extend_zero 6h linear zero zero 9
case_ step_zero_extend_zero 7h step zero zero 10
case_ step_hold_extend_hold 7h step hold hold 21

[ "$fail" -eq 0 ] && echo PASS || { echo FAIL; exit 1; }
