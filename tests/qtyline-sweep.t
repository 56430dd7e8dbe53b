#!/bin/sh
# The quantity-line sweep: what an order cost, asked of every demo order
# with a line bought more than once (tests/qtyline-sweep.py); the reply
# keeps the order's total and each line's count and price ("2 x ...",
# which the fact-check backs by the line's quantity), about that order.
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not installed"; exit 77; }

eval_sweep qtyline-sweep.py "another order" paid
finish
