#!/bin/sh
# The troubleshooting sweep: a problem with three products of every
# category of the demo store, and with the kind alone
# (tests/trouble-sweep.py).  Help cited is about that product or its
# kind, never another product; a manual or guide the store holds for it
# is found.  The floor sits just under the measured figure.
. "$top_srcdir/tests/lib.sh"
FLOOR=66

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
sweep_run trouble-sweep.py "$SHOPDESK" "$SHOPDESK_SHARE"
sweep_total PASS 68 "every category asked (%s messages)"
sweep_floor PASS "$FLOOR" "the right help"
finish
