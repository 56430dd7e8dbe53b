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
python3 "$top_srcdir/tests/threadkind-sweep.py" "$SHOPDESK" \
    "$top_srcdir/share/demo" >"$T/out" 2>"$T/err"
ok $? "the sweep runs"
sed 's/^/# /' "$T/err" | head -5
grep '^FAIL' "$T/out" | sed 's/^/# /'
for k in one several shown; do
	set -- $(awk -v k=$k '$1 == k { print $2, $3 }' "$T/out")
	eval floor=\$FLOOR_$k
	[ "${1:-0}" -ge "$floor" ]
	ok $? "$k: the customer's item of the kind said: ${1:-0} of ${2:-0} >= $floor"
done
finish
