#!/bin/sh
# The suitability sweep: for every category, "is the <product> any good
# for <purpose>" with a purpose taken from the product's own listing
# quotes the listing's sentence about it; a purpose no listing speaks of
# is said to be unstated, with nothing made up (tests/suit-sweep.py).
# Floors just under the measured figures.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
sweep_run suit-sweep.py "$SHOPDESK" "$SHOPDESK_SHARE"
sweep_floor SAID 32 "the listing's sentence quoted"
sweep_floor SILENT 16 "a silent listing said so"
finish
