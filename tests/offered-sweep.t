#!/bin/sh
# The offered sweep: accessories of a kind listed for a device, then a
# pointer ("is it in stock?", "add it to my cart"): one of those offered,
# asked which, never the device they are for; the device named again
# stays answerable (tests/offered-sweep.py).  Floors at the measured
# figures.
. "$top_srcdir/tests/lib.sh"
FLOOR_POINTER=20
FLOOR_DEVICE=10

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
sweep_run offered-sweep.py "$SHOPDESK" "$SHOPDESK_SHARE"
for k in POINTER DEVICE; do
	eval floor=\$FLOOR_$k
	sweep_floor $k "$floor" "$k"
done
finish
