#!/bin/sh
# The accessory's device sweep: for two products of every category, an
# accessory made for another device said not to fit, then "a <kind> for
# it": "it" is the device, not that accessory (tests/accdev-sweep.py).
# The floor sits at the measured figure; the misses left are turns that
# another handler takes (an attribute of the accessory, a feature list).
. "$top_srcdir/tests/lib.sh"
FLOOR=22

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
sweep_run accdev-sweep.py "$SHOPDESK" "$SHOPDESK_SHARE"
sweep_total PASS 28 "every category asked (%s sessions)"
sweep_floor PASS "$FLOOR" "the device meant"
finish
