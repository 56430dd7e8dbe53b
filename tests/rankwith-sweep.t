#!/bin/sh
# Price superlative with a feature over the list shown: the cheapest or
# dearest of those shown that list it, or "none of them" and no product
# (tests/rankwith-sweep.py).
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not installed"; exit 77; }
exec python3 "$top_srcdir/tests/rankwith-sweep.py" "$SHOPDESK" \
    "$top_srcdir/share/demo/products.jsonl"
