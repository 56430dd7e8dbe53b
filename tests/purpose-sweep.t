#!/bin/sh
# Purpose sweep: products named loosely.  "A <kind> to watch the baby
# room" is that kind ("watch" a verb, no smartwatch); "a camera under
# 35" is the kind the word heads that has one within the budget; "the
# airpods" of a customer who has one of them is theirs; "can my <brand>
# <kind> work with a laptop" is about their item, not a list of laptops
# (tests/purpose-sweep.py).  Floors at the measured figures.
. "$top_srcdir/tests/lib.sh"
FLOOR_verb=62
FLOOR_budget=2
FLOOR_family=29
FLOOR_mine=97

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
python3 "$top_srcdir/tests/purpose-sweep.py" "$SHOPDESK" \
    "$top_srcdir/share/demo" >"$T/out" 2>"$T/err"
ok $? "the sweep runs"
sed 's/^/# /' "$T/err" | head -5
grep '^FAIL' "$T/out" | sed 's/^/# /'
for k in verb budget family mine; do
	set -- $(awk -v k=$k '$1 == k { print $2, $3 }' "$T/out")
	eval floor=\$FLOOR_$k
	[ "${1:-0}" -ge "$floor" ]
	ok $? "$k: the product meant: ${1:-0} of ${2:-0} >= $floor"
done
finish
