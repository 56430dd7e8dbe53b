#!/bin/sh
# References sweep: which product the words name or point at, over the
# whole demo catalog: the plain model of each line beside its variants,
# each variant by its own word, every model number alone, several named
# in one message, a brand after them and counts off a list
# (tests/refs-sweep.py).
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not installed"; exit 77; }
exec python3 "$top_srcdir/tests/refs-sweep.py" "$SHOPDESK" \
    "$top_srcdir/share/demo/products.jsonl"
