#!/bin/sh
# Choice sweep: a word naming lines of several brands said alone after a
# product was discussed: the line of its brand when one alone is, else
# "which one?", and a pointer next is answered for each choice
# (tests/choice-sweep.py).
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not installed"; exit 77; }
exec python3 "$top_srcdir/tests/choice-sweep.py" "$SHOPDESK" \
    "$top_srcdir/share/demo/products.jsonl"
