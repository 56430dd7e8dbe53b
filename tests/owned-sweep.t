#!/bin/sh
# Owned-products sweep: a signed-in customer's words that say a product
# is theirs name one of the items of their own orders, for every
# customer and item of the demo store: by kind, brand and model words,
# asked a specification, whether it fits, its return and its arrival;
# two of one kind are asked about (tests/owned-sweep.py).
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not installed"; exit 77; }
exec python3 "$top_srcdir/tests/owned-sweep.py" "$SHOPDESK" \
    "$top_srcdir/share/demo"
