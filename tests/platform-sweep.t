#!/bin/sh
# Platform sweep: a kind asked for with the platform or ecosystem it must
# work with ("works with Google", "for android"), over every kind whose
# products state it; each product listed must list the platform
# (tests/platform-sweep.py).
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not installed"; exit 77; }
exec python3 "$top_srcdir/tests/platform-sweep.py" "$SHOPDESK" \
    "$top_srcdir/share/demo/products.jsonl"
