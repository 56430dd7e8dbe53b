#!/bin/sh
# The "add both" sweep: pairs of the demo catalog asked about one after
# the other, or compared, then a cart request that points at two without
# naming them, in several registers: both are added and nothing else.
# With one product discussed it is named and the other asked for; with
# three, the customer is asked which two; nothing is added
# (tests/both-sweep.py).  The floors sit at the measured figures.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
sweep_run both-sweep.py "$SHOPDESK" "$SHOPDESK_SHARE"
sweep_total TWO 30 "pairs of the catalog (%s)"
sweep_floor TWO 32 "two asked about, both added"
sweep_floor CMP 32 "two compared, both added"
sweep_floor ONE 32 "one discussed: named, the other asked"
sweep_floor THREE 32 "three discussed: asked which two"
finish
