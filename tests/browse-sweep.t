#!/bin/sh
# Browsing sweep: every category of the demo catalog, budgets said many
# ways, each kind, needs from the products' data and follow-ups that
# narrow; every product listed is checked against the catalog
# (tests/browse-sweep.py).
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not installed"; exit 77; }
exec python3 "$top_srcdir/tests/browse-sweep.py" "$SHOPDESK" \
    "$top_srcdir/share/demo/products.jsonl"
