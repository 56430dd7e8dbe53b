#!/bin/sh
# Ranking sweep: every category of the demo catalog, every attribute
# stated as a number in a unit, products put side by side and asked
# which has the most or least of it in words made from the key and in
# shoppers' words; the winner must be the data's (tests/rank-sweep.py).
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not installed"; exit 77; }
exec python3 "$top_srcdir/tests/rank-sweep.py" "$SHOPDESK" \
    "$top_srcdir/share/demo/products.jsonl"
