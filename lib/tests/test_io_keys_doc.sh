#!/bin/sh
# doc/input.md documents every scenario key, and only those: the key paths in backticks at the
# start of its table rows ("| `grid.nx` | ...") must be the same set as the first field of
# "gw-run --list-keys", which prints the table the reader validates keys against (lib/io/keys.c).
LC_ALL=C; export LC_ALL
doc="${srcdir:-.}/doc/input.md"
gwrun="${top_builddir:-.}/apps/gw-run"
[ -r "$doc" ] || { echo "cannot read $doc"; exit 99; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gwkeys.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' 0
"$gwrun" --list-keys >"$tmp/list" 2>"$tmp/err" || { cat "$tmp/err"; echo "gw-run --list-keys failed"; exit 99; }
sed 's/ | .*//' "$tmp/list" | sort >"$tmp/code"
sed -n 's/^| `\([^`]*\)`.*/\1/p' "$doc" | sort >"$tmp/doc.all"
uniq "$tmp/doc.all" >"$tmp/doc"
status=0
ncode=$(wc -l <"$tmp/code" | tr -d ' ')
ndoc=$(wc -l <"$tmp/doc" | tr -d ' ')
[ "$ncode" -gt 0 ] || { echo "gw-run --list-keys printed no keys"; exit 99; }
comm -23 "$tmp/code" "$tmp/doc" >"$tmp/undocumented"
comm -13 "$tmp/code" "$tmp/doc" >"$tmp/unknown"
uniq -d "$tmp/doc.all" >"$tmp/twice"
while read -r k; do echo "key accepted by the reader but not documented in doc/input.md: $k"; status=1; done <"$tmp/undocumented"
while read -r k; do echo "key documented in doc/input.md but unknown to the reader: $k"; status=1; done <"$tmp/unknown"
while read -r k; do echo "key documented more than once in doc/input.md: $k"; status=1; done <"$tmp/twice"
echo "CHECK keys_doc reader=$ncode documented=$ndoc undocumented=$(wc -l <"$tmp/undocumented" | tr -d ' ') unknown=$(wc -l <"$tmp/unknown" | tr -d ' ') duplicated=$(wc -l <"$tmp/twice" | tr -d ' ')"
[ $status -eq 0 ] && echo PASS || echo FAIL
exit $status
