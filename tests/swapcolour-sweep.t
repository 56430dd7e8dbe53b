#!/bin/sh
# A colour asked for in a swap, an exchange or "instead" of the product
# in focus (tests/swapcolour-sweep.py): over every family of the demo
# catalog whose models differ in colour, "swap it for the blue one"
# names the model in that colour and moves the focus to it; a colour no
# model has is said not to be listed.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
sweep_run swapcolour-sweep.py "$SHOPDESK" "$SHOPDESK_SHARE"
sweep_total SWAP 18 "model pairs swept (%s)"
sweep_all SWAP "the model in the colour asked"
sweep_all NONE "a colour not listed is said so"
finish
