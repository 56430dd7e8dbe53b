#!/bin/sh
# Fit-question sweep: "what <kind> can i put in it" about a device, for
# the kinds only the catalog's words name ("portable ssd", "lighting"),
# over the demo catalog's compatibility data: the products of that kind
# that list the device, or that none is listed; said of a family ("my
# playstation 5"), those that list the family's name
# (tests/fitq-sweep.py).
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not installed"; exit 77; }
exec python3 "$top_srcdir/tests/fitq-sweep.py" "$SHOPDESK" \
    "$top_srcdir/share/demo/products.jsonl"
