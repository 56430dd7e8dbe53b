#!/bin/sh
# Last-reply sweep: "the <brand> one" right after a list, after an older
# product of the brand, and after a newer one named past the list, over
# the demo catalog: the item of the bot's last reply first, then the
# last list; two of the brand in the list are asked about
# (tests/lastreply-sweep.py).  Floors at the measured figures.
. "$top_srcdir/tests/lib.sh"
FLOOR_LIST=80
FLOOR_OLDER=55
FLOOR_NEWER=74
FLOOR_TWO=39

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
python3 "$top_srcdir/tests/lastreply-sweep.py" "$SHOPDESK" \
    "$top_srcdir/share/demo/products.jsonl" >"$T/out" 2>"$T/err"
ok $? "the sweep runs"
sed 's/^/# /' "$T/err" | head -5
grep '^FAIL' "$T/out" | sed 's/^/# /'
for k in LIST OLDER NEWER TWO; do
	set -- $(awk -v k=$k '$1 == k { print $2, $3 }' "$T/out")
	eval floor=\$FLOOR_$k
	[ "${1:-0}" -ge "$floor" ]
	ok $? "$k: the item of the last reply first: ${1:-0} of ${2:-0} >= $floor"
done
finish
