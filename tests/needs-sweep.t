#!/bin/sh
# Needs sweep: needs said in a shopper's words (a figure with or without
# its unit, a feature word, "a battery that lasts for days", a head
# count), generated from every category's own attributes; every product
# listed is checked against the catalog (tests/needs-sweep.py).
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not installed"; exit 77; }
exec python3 "$top_srcdir/tests/needs-sweep.py" "$SHOPDESK" \
    "$top_srcdir/share/demo/products.jsonl"
