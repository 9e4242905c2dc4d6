#!/bin/sh
# doc/hostile-inputs.md lists every hostile-input case of the test suite: each scenario in
# lib/tests/scenarios/bad/ must have a row with its name and the message fragment its first line
# says it produces (test_io_bad_scenarios.sh checks gw-run prints it, with status 2), and the
# table must hold at least 40 cases (the acceptance of issue 13) in every class it names.
LC_ALL=C
export LC_ALL
src="${srcdir:-.}"
doc="$src/doc/hostile-inputs.md"
[ -f "$doc" ] || { echo "no $doc"; exit 99; }
fail=0
for f in "$src"/lib/tests/scenarios/bad/*.yaml; do
  n=$(basename "$f" .yaml)
  frag=$(head -n 1 "$f" | sed 's/^# expect: //')
  grep -F "| \`$n\` |" "$doc" | grep -qF -- "$(printf '%s' "$frag" | sed 's/|/\\|/g')" || { echo "CHECK hostile_table $n FAIL: no row with its fragment \"$frag\""; fail=$((fail + 1)); }
done
rows=$(grep -c '^| [A-Za-z][^|]* | `' "$doc")
classes=$(grep '^| [A-Za-z][^|]* | `' "$doc" | cut -d'|' -f2 | sort -u | wc -l | tr -d ' ')
[ "$rows" -ge 40 ] && s=PASS || { s=FAIL; fail=$((fail + 1)); }
echo "CHECK hostile_table rows=$rows classes=$classes min=40 $s"
[ "$fail" -eq 0 ] && echo PASS || { echo FAIL; exit 1; }
