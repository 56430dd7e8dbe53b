#!/bin/sh
# Kind-in-thread sweep: "and the webcam, what's its resolution?" in a
# conversation about a signed-in customer's orders is their only item of
# that kind (the focus after the turn), whichever of their orders was
# looked up; several of the kind: one question naming each; after a list
# of that kind, no order looked up, the list's as before
# (tests/threadkind-sweep.py).  Floors at the measured figures.
. "$top_srcdir/tests/lib.sh"
FLOOR_one=112
FLOOR_several=21
FLOOR_shown=38

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
sweep_run threadkind-sweep.py "$SHOPDESK" "$top_srcdir/share/demo"
for k in one several shown; do
	eval floor=\$FLOOR_$k
	sweep_floor $k "$floor" "$k: the customer's item of the kind said"
done
finish
