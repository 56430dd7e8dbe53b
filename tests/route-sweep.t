#!/bin/sh
# Route sweep: "when is my <kind> shipping" from a customer whose order
# holds one is that order's state, not the shipping policy; "can I use
# two gift cards on one order", "can I pay with amex on my order" are
# the store's payment facts, not a request for an order number; a fault
# the customer doubts ("maybe it's just a setup thing?") is
# troubleshooting, not the defective-return answer
# (tests/route-sweep.py).  Floors at the measured figures.
. "$top_srcdir/tests/lib.sh"
FLOOR_SHIP=33
FLOOR_CHECKOUT=20
FLOOR_TROUBLE=24

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
python3 "$top_srcdir/tests/route-sweep.py" "$SHOPDESK" \
    "$top_srcdir/share" >"$T/out" 2>"$T/err"
ok $? "the sweep runs"
sed 's/^/# /' "$T/err" | head -5
grep '^FAIL' "$T/out" | sed 's/^/# /'
for k in SHIP CHECKOUT TROUBLE; do
	set -- $(awk -v k=$k '$1 == k { print $2, $3 }' "$T/out")
	eval floor=\$FLOOR_$k
	[ "${1:-0}" -ge "$floor" ]
	ok $? "$k: the handler the words ask for: ${1:-0} of ${2:-0} >= $floor"
done
finish
