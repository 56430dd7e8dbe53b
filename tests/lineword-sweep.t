#!/bin/sh
# Line-word sweep: a short name and a line word said apart ("back to
# the ipad, the mini") mean the line the word names, catalog wide; the
# short name alone, or with the line word set aside ("the ultra is too
# pricey"), stays its own product (tests/lineword-sweep.py).
# The floors sit at the measured figures; the misses left are the
# Amazon Echo lines, whose short name "echo" is not read as a product
# at all (the gazetteer's, not this rule's).
. "$top_srcdir/tests/lib.sh"
FLOOR_APART=14
FLOOR_ASIDE=4
FLOOR_CONTROL=4

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
sweep_run lineword-sweep.py "$SHOPDESK" \
    "$top_srcdir/share/demo/products.jsonl"
sweep_total APART 18 "line words from the catalog (%s cases)"
sweep_floor APART "$FLOOR_APART" "the line named"
sweep_floor ASIDE "$FLOOR_ASIDE" "the line set aside"
sweep_floor CONTROL "$FLOOR_CONTROL" "the short name alone"
finish
