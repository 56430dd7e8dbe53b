#!/bin/sh
# Generation sweep: members of one line whose names differ only in a
# model number one apart (the Sony WH-1000XM4 and XM5) are named by the
# number alone ("and the 5s?", the question before carried over) and by
# "the older / newer one", in the conversation and in the catalog;
# numbers further apart (tiers, sizes) are no generations
# (tests/gen-sweep.py).  Floors at the measured figures.
. "$top_srcdir/tests/lib.sh"
FLOOR_NUMBER=6
FLOOR_OLDER=4
FLOOR_NEWER=4
FLOOR_CATALOG=3
FLOOR_CONTROL=6

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
python3 "$top_srcdir/tests/gen-sweep.py" "$SHOPDESK" \
    "$top_srcdir/share/demo/products.jsonl" >"$T/out" 2>"$T/err"
ok $? "the sweep runs"
sed 's/^/# /' "$T/err" | head -5
grep '^FAIL' "$T/out" | sed 's/^/# /'
for k in NUMBER OLDER NEWER CATALOG CONTROL; do
	set -- $(awk -v k=$k '$1 == k { print $2, $3 }' "$T/out")
	eval floor=\$FLOOR_$k
	[ "${1:-0}" -ge "$floor" ]; ok $? "$k: ${1:-0} of ${2:-0} >= $floor"
done
finish
