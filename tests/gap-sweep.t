#!/bin/sh
# Gap sweep: every category of the demo catalog, every attribute whose
# key names its unit, two products side by side and asked how much more
# or less of it one has; the reply gives both values and the difference
# as the data says, never a price (tests/gap-sweep.py).
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not installed"; exit 77; }
exec python3 "$top_srcdir/tests/gap-sweep.py" "$SHOPDESK" \
    "$top_srcdir/share/demo/products.jsonl"
