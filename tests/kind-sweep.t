#!/bin/sh
# Kind sweep: the kind and brand of an opening request over every kind of
# the demo catalog: each brand with its kind's word, brands a kind does
# not carry, a kind word several categories share with words of one
# kind's own descriptions, and such a word alone (tests/kind-sweep.py).
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not installed"; exit 77; }
exec python3 "$top_srcdir/tests/kind-sweep.py" "$SHOPDESK" \
    "$top_srcdir/share/demo/products.jsonl"
