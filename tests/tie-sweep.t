#!/bin/sh
# Tie sweep: two products of a category at the same price or rating,
# side by side, then "which one is cheaper": the reply names both and
# asks which; pairs that differ, the winner by the data
# (tests/tie-sweep.py).
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not installed"; exit 77; }
exec python3 "$top_srcdir/tests/tie-sweep.py" "$SHOPDESK" \
    "$top_srcdir/share/demo/products.jsonl"
