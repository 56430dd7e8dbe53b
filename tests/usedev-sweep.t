#!/bin/sh
# The device after a verb of use: for every product with a compatibility
# list, "will it charge a <device>" / "does it fit in a <device>" is
# answered from the product's list (COMPAT, not a feature answer), keeps
# the product in focus and the price asked next is its own, never the
# device's (tests/usedev-sweep.py).  The floor sits at the measured
# figure; the misses left are a monitor whose name the gazetteer reads
# as the dock sold for it.
. "$top_srcdir/tests/lib.sh"
FLOOR=102
FLOOR_COMPAT=102

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
python3 "$top_srcdir/tests/usedev-sweep.py" "$SHOPDESK" "$SHOPDESK_SHARE" \
    >"$T/out" 2>"$T/err"
ok $? "the sweep runs"
sed 's/^/# /' "$T/err" | head -5
grep '^FAIL' "$T/out" | sed 's/^/# /'
set -- $(awk '$1 == "PASS" { print $2, $3 }' "$T/out")
[ "${2:-0}" -ge 100 ]; ok $? "every product with a list asked (${2:-0} sessions)"
[ "${1:-0}" -ge "$FLOOR" ]; ok $? "the subject kept: ${1:-0} of ${2:-0} >= $FLOOR"
set -- $(awk '$1 == "COMPAT" { print $2, $3 }' "$T/out")
[ "${1:-0}" -ge "$FLOOR_COMPAT" ]; ok $? "answered from the list: ${1:-0} of ${2:-0} >= $FLOOR_COMPAT"
finish
