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
sweep_run lastreply-sweep.py "$SHOPDESK" \
    "$top_srcdir/share/demo/products.jsonl"
for k in LIST OLDER NEWER TWO; do
	eval floor=\$FLOOR_$k
	sweep_floor $k "$floor" "$k: the item of the last reply first"
done
finish
