#!/bin/sh
# The two-requests sweep: for three products of every category of the
# demo store, a question about the product and one about the store in
# one message, joined by "and" (tests/two-sweep.py); the reply must
# answer both.  The floor sits just under the measured figure.
. "$top_srcdir/tests/lib.sh"
FLOOR=47

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
sweep_run two-sweep.py "$SHOPDESK" "$SHOPDESK_SHARE"
sweep_total PASS 51 "every category asked (%s messages)"
sweep_floor PASS "$FLOOR" "both requests answered"
finish
