#!/bin/sh
# Line-word sweep: a short name and a line word said apart ("back to
# the ipad, the mini") mean the line the word names, catalog wide; the
# short name alone, or with the line word set aside ("the ultra is too
# pricey"), stays its own product (tests/lineword-sweep.py).
# The floors sit at the measured figures; the misses left are the
# Amazon Echo lines, whose short name "echo" is not read as a product
# at all (the gazetteer's, not this rule's).
. "$top_srcdir/tests/lib.sh"
FLOOR_APART=14
FLOOR_ASIDE=4
FLOOR_CONTROL=4

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
python3 "$top_srcdir/tests/lineword-sweep.py" "$SHOPDESK" \
    "$top_srcdir/share/demo/products.jsonl" >"$T/out" 2>"$T/err"
ok $? "the sweep runs"
sed 's/^/# /' "$T/err" | head -5
grep '^FAIL' "$T/out" | sed 's/^/# /'
set -- $(awk '$1 == "APART" { print $2, $3 }' "$T/out")
[ "${2:-0}" -ge 18 ]; ok $? "line words from the catalog (${2:-0} cases)"
[ "${1:-0}" -ge "$FLOOR_APART" ]; ok $? "the line named: ${1:-0} of ${2:-0} >= $FLOOR_APART"
set -- $(awk '$1 == "ASIDE" { print $2, $3 }' "$T/out")
[ "${1:-0}" -ge "$FLOOR_ASIDE" ]; ok $? "the line set aside: ${1:-0} of ${2:-0} >= $FLOOR_ASIDE"
set -- $(awk '$1 == "CONTROL" { print $2, $3 }' "$T/out")
[ "${1:-0}" -ge "$FLOOR_CONTROL" ]; ok $? "the short name alone: ${1:-0} of ${2:-0} >= $FLOOR_CONTROL"
finish
