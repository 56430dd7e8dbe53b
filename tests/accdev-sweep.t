#!/bin/sh
# The accessory's device sweep: for two products of every category, an
# accessory made for another device said not to fit, then "a <kind> for
# it": "it" is the device, not that accessory (tests/accdev-sweep.py).
# The floor sits at the measured figure; the misses left are turns that
# another handler takes (an attribute of the accessory, a feature list).
. "$top_srcdir/tests/lib.sh"
FLOOR=22

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
python3 "$top_srcdir/tests/accdev-sweep.py" "$SHOPDESK" "$SHOPDESK_SHARE" \
    >"$T/out" 2>"$T/err"
ok $? "the sweep runs"
sed 's/^/# /' "$T/err" | head -5
grep '^FAIL' "$T/out" | sed 's/^/# /'
set -- $(awk '$1 == "PASS" { print $2, $3 }' "$T/out")
[ "${2:-0}" -ge 28 ]; ok $? "every category asked (${2:-0} sessions)"
[ "${1:-0}" -ge "$FLOOR" ]; ok $? "the device meant: ${1:-0} of ${2:-0} >= $FLOOR"
finish
