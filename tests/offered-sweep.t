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
python3 "$top_srcdir/tests/offered-sweep.py" "$SHOPDESK" "$SHOPDESK_SHARE" \
    >"$T/out" 2>"$T/err"
ok $? "the sweep runs"
sed 's/^/# /' "$T/err" | head -5
grep '^FAIL' "$T/out" | sed 's/^/# /'
for k in POINTER DEVICE; do
	set -- $(awk -v k=$k '$1 == k { print $2, $3 }' "$T/out")
	eval floor=\$FLOOR_$k
	[ "${1:-0}" -ge "$floor" ]
	ok $? "$k: ${1:-0} of ${2:-0} >= $floor"
done
finish
