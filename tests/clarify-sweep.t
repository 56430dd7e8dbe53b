#!/bin/sh
# The clarify sweep: a question naming a product of every category, in
# words no intent is trained on, is answered about that product, never
# with a clarifying question the message gives no ground for
# (tests/clarify-sweep.py).
# The floors sit just under the measured figures.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
sweep_run clarify-sweep.py "$SHOPDESK" "$SHOPDESK_SHARE"
sweep_total PRODUCT 51 "every category asked (%s messages)"
sweep_floor PRODUCT 42 "answered about the product"
finish
