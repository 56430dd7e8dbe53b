#!/bin/sh
# Names sweep: the product the customer names is the subject, catalog
# wide: a line's model words said with another line of its family in
# focus ("what about the 8 pro", "add the e14", "the 8 and the 8a"),
# the customer's own device said beside a question about the product in
# focus, and a price asked of a product out of stock
# (tests/names-sweep.py).
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not installed"; exit 77; }
exec python3 "$top_srcdir/tests/names-sweep.py" "$SHOPDESK" \
    "$top_srcdir/share/demo/products.jsonl"
