#!/bin/sh
# Spec-word sweep: a specification asked in a shopper's words for it
# ("how big a house", "how many pounds", "add more ram later") is
# answered with that specification (tests/specword-sweep.py).
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not installed"; exit 77; }
exec python3 "$top_srcdir/tests/specword-sweep.py" "$SHOPDESK" \
    "$top_srcdir/share"
