#!/bin/sh
# Kind-word sweep: kind words of an opening request with the words said
# with them, over the demo catalog: a compound kind name covers the
# kinds its head names ("smartwatch": GPS watches too), another
# category's kind word is a spec of the kind said ("laptops with oled"),
# a device's line fits by its platform ("works with my galaxy
# phone": Android), and a use refused lists none made for it ("mice,
# not a gaming one") (tests/kindword-sweep.py).
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not installed"; exit 77; }
exec python3 "$top_srcdir/tests/kindword-sweep.py" "$SHOPDESK" \
    "$top_srcdir/share/demo/products.jsonl"
