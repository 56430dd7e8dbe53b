#!/bin/sh
# Kind-ranking sweep: one product of each subcategory asked about, then
# the most or least of a specification asked with the budget set aside;
# the reply names the subcategory's best by the data
# (tests/rankkind-sweep.py).
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not installed"; exit 77; }
exec python3 "$top_srcdir/tests/rankkind-sweep.py" "$SHOPDESK" \
    "$top_srcdir/share/demo/products.jsonl"
