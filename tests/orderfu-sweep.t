#!/bin/sh
# Follow-ups about the order in focus (tests/orderfu-sweep.py), asked of
# every processing or shipped demo order: who delivers it (the
# shipment's carrier, none for an order not shipped), whether it is
# insured (not listed: no data says, so nothing is promised), and a new
# address (that order's answer).  Every turn right, none about another
# order.
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not installed"; exit 77; }

eval_sweep orderfu-sweep.py "another order" carrier insured address
finish
