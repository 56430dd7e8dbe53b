#!/bin/sh
# Cheapest-with sweep: a superlative keeps the filters said with it
# ("cheapest 4k monitor", "cheapest 27 inch monitor", "cheapest samsung
# tv"), catalog wide (tests/cheapwith-sweep.py).
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not installed"; exit 77; }
exec python3 "$top_srcdir/tests/cheapwith-sweep.py" "$SHOPDESK" \
    "$top_srcdir/share/demo/products.jsonl"
