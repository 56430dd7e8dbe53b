#!/bin/sh
# Fits sweep: a kind asked for under a budget that four or five products
# in stock meet, over every category and kind of the demo catalog; the
# list names every fit, and a superlative over "those" (price, battery)
# picks the winner among them (tests/fits-sweep.py).
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not installed"; exit 77; }
exec python3 "$top_srcdir/tests/fits-sweep.py" "$SHOPDESK" \
    "$top_srcdir/share/demo/products.jsonl"
