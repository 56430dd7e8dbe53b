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
sweep_run usedev-sweep.py "$SHOPDESK" "$SHOPDESK_SHARE"
sweep_total PASS 100 "every product with a list asked (%s sessions)"
sweep_floor PASS "$FLOOR" "the subject kept"
sweep_floor COMPAT "$FLOOR_COMPAT" "answered from the list"
finish
