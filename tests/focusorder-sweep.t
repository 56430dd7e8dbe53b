#!/bin/sh
# Focus-order sweep: "can I still return it?" right after questions about
# a product the customer bought, with no order in focus, is about the
# customer's only order holding it; never a pick when several orders or
# none hold it (tests/focusorder-sweep.py).
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not installed"; exit 77; }
exec python3 "$top_srcdir/tests/focusorder-sweep.py" "$SHOPDESK" \
    "$top_srcdir/share"
