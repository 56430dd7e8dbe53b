#!/bin/sh
# Inner-word sweep: a lone word that leads one product's name but stands
# inside another's ("desktop": Parallels Desktop, Seagate Expansion
# Desktop) names no product alone; the name still does
# (tests/innerword-sweep.py).
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not installed"; exit 77; }
exec python3 "$top_srcdir/tests/innerword-sweep.py" "$SHOPDESK" \
    "$top_srcdir/share/demo/products.jsonl"
