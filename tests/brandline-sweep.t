#!/bin/sh
# Brand-line sweep: a brand of a maker and its line ("Philips Hue") is
# named by the line word alone, as the family of the brand's products,
# and with the name's last words ("the hue starter kit"), catalog wide;
# the word lower case in a sentence of the language names none of them
# (tests/brandline-sweep.py).  Floors at the measured figures.
. "$top_srcdir/tests/lib.sh"
FLOOR_FAMILY=15
FLOOR_TAIL=12
FLOOR_CONTROL=15

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
sweep_run brandline-sweep.py "$SHOPDESK" \
    "$top_srcdir/share/demo/products.jsonl" "$top_srcdir/src/entity-vocab.c"
sweep_total FAMILY 9 "brand lines from the catalog (%s cases)"
sweep_floor FAMILY "$FLOOR_FAMILY" "the line word names the brand's products"
sweep_floor TAIL "$FLOOR_TAIL" "line word and last words"
sweep_floor CONTROL "$FLOOR_CONTROL" "the word of the language"
finish
