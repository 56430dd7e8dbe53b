#!/bin/sh
# Line-word sweep: after two products are compared, a word of one's line
# said after "the" mid-sentence ("what does the pixel cost") names that
# product, not the focus, over the demo catalog
# (tests/lineref-sweep.py).  Floors at the measured figures.
. "$top_srcdir/tests/lib.sh"
FLOOR_LINE=91
FLOOR_FIRST=93

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
python3 "$top_srcdir/tests/lineref-sweep.py" "$SHOPDESK" \
    "$top_srcdir/share/demo/products.jsonl" >"$T/out" 2>"$T/err"
ok $? "the sweep runs"
sed 's/^/# /' "$T/err" | head -5
grep '^FAIL' "$T/out" | sed 's/^/# /'
set -- $(awk '$1 == "LINE" { print $2, $3 }' "$T/out")
[ "${2:-0}" -ge 40 ]; ok $? "pairs from the catalog (${2:-0} cases)"
[ "${1:-0}" -ge "$FLOOR_LINE" ]; ok $? "the second's line word: ${1:-0} of ${2:-0} >= $FLOOR_LINE"
set -- $(awk '$1 == "FIRST" { print $2, $3 }' "$T/out")
[ "${1:-0}" -ge "$FLOOR_FIRST" ]; ok $? "the first's line word: ${1:-0} of ${2:-0} >= $FLOOR_FIRST"
finish
