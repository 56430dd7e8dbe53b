#!/bin/sh
# The money and stock sweep: every order inside the return window asked
# what a return brings back (then opened, then unopened), every open
# return logged as a defect, every order still processing or shipped
# asked whether it can be cancelled, and every product asked for its
# stock in several phrasings (tests/money-sweep.py writes the
# conversations from share/demo and the policy facts).  Every turn must
# pass, and none may be about another order or product.
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not installed"; exit 77; }

eval_sweep money-sweep.py another refund refund-logged cancel stock
finish
