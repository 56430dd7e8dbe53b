#!/bin/sh
# Line-word sweep: after two products are compared, a word of one's line
# said after "the" mid-sentence ("what does the pixel cost") names that
# product, not the focus, over the demo catalog
# (tests/lineref-sweep.py).  Floors at the measured figures.
. "$top_srcdir/tests/lib.sh"
FLOOR_LINE=91
FLOOR_FIRST=93

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
sweep_run lineref-sweep.py "$SHOPDESK" \
    "$top_srcdir/share/demo/products.jsonl"
sweep_total LINE 40 "pairs from the catalog (%s cases)"
sweep_floor LINE "$FLOOR_LINE" "the second's line word"
sweep_floor FIRST "$FLOOR_FIRST" "the first's line word"
finish
