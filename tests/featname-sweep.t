#!/bin/sh
# Feature-name sweep: phrases the demo catalog's specifications say
# ("Google Assistant") asked about after a list never hand over to a
# person; said with a word for a person they do (tests/featname-sweep.py).
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not installed"; exit 77; }
exec python3 "$top_srcdir/tests/featname-sweep.py" "$SHOPDESK" \
    "$top_srcdir/share/demo/products.jsonl"
