#!/bin/sh
# The exchange money sweep: for every order inside the return window,
# an item swapped for another product of its kind the customer never
# ordered, asked what that brings back or costs, in one message and
# after the other product was shown (tests/swapmoney-sweep.py writes the
# conversations from share/demo and the policy facts).  Every turn must
# give the price paid, the other's price now, their difference and the
# last day of the window, and none may be about another order.
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not installed"; exit 77; }

eval_sweep swapmoney-sweep.py "another order" swap-money swap-focus
finish
