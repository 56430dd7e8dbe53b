#!/bin/sh
# Brand-line sweep: a brand of a maker and its line ("Philips Hue") is
# named by the line word alone, as the family of the brand's products,
# and with the name's last words ("the hue starter kit"), catalog wide;
# the word lower case in a sentence of the language names none of them
# (tests/brandline-sweep.py).  Floors at the measured figures.
. "$top_srcdir/tests/lib.sh"
FLOOR_FAMILY=15
FLOOR_TAIL=12
FLOOR_CONTROL=15

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
python3 "$top_srcdir/tests/brandline-sweep.py" "$SHOPDESK" \
    "$top_srcdir/share/demo/products.jsonl" \
    "$top_srcdir/src/entity-vocab.c" >"$T/out" 2>"$T/err"
ok $? "the sweep runs"
sed 's/^/# /' "$T/err" | head -5
grep '^FAIL' "$T/out" | sed 's/^/# /'
set -- $(awk '$1 == "FAMILY" { print $2, $3 }' "$T/out")
[ "${2:-0}" -ge 9 ]; ok $? "brand lines from the catalog (${2:-0} cases)"
[ "${1:-0}" -ge "$FLOOR_FAMILY" ]; ok $? "the line word names the brand's products: ${1:-0} of ${2:-0} >= $FLOOR_FAMILY"
set -- $(awk '$1 == "TAIL" { print $2, $3 }' "$T/out")
[ "${1:-0}" -ge "$FLOOR_TAIL" ]; ok $? "line word and last words: ${1:-0} of ${2:-0} >= $FLOOR_TAIL"
set -- $(awk '$1 == "CONTROL" { print $2, $3 }' "$T/out")
[ "${1:-0}" -ge "$FLOOR_CONTROL" ]; ok $? "the word of the language: ${1:-0} of ${2:-0} >= $FLOOR_CONTROL"
finish
