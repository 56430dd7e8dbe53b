#!/bin/sh
# Not-sold sweep: near-miss names made from every demo product's name (its
# last model number one up, a generation or tier word its line lacks)
# are said to be missing with the nearest names, never answered as the
# neighbour; the real names and short names shoppers use still are
# answered (tests/notsold-sweep.py).  Floors at the measured figures.
. "$top_srcdir/tests/lib.sh"
FLOOR_BUMP=160
FLOOR_SUFFIX=290
FLOOR_REAL=292
FLOOR_SHORT=5

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
sweep_run notsold-sweep.py "$SHOPDESK" \
    "$top_srcdir/share/demo/products.jsonl"
for k in BUMP SUFFIX REAL SHORT; do
	sweep_counts $k
	eval floor=\$FLOOR_$k
	[ "${sw_pass:-0}" -ge "$floor" ]
	ok $? "$k: ${sw_pass:-0} of ${sw_total:-0} right >= $floor"
done
finish
