#!/bin/sh
# The feelings sweep: for every category of the demo store, shopping
# told with some of the customer's life first gets no apology, and a
# really upset message about a product of that kind gets one
# (tests/feel-sweep.py).  The floors sit just under the measured figures.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
sweep_run feel-sweep.py "$SHOPDESK" "$SHOPDESK_SHARE"
sweep_total CALM 34 "every category told twice (%s messages)"
sweep_floor CALM 25 "no apology for calm shopping"
sweep_floor UPSET 14 "an apology when upset"
finish
