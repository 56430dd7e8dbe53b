#!/bin/sh
# Order-item sweep: a product question right after an order's answer
# ("what's the storage on it", "battery life?") is about that order's
# item, for every demo order whose items list an attribute asked: the
# only item, or which of several (or the one whose kind lists it); never
# the product asked about before the order; then "when will it get
# here" is the order's answer again (tests/orderit-sweep.py).
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not installed"; exit 77; }
exec python3 "$top_srcdir/tests/orderit-sweep.py" "$SHOPDESK" \
    "$top_srcdir/share"
