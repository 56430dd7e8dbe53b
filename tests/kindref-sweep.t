#!/bin/sh
# Kind-reference sweep: "the <kind>, how much is it?" after two products
# of one category were discussed is the product of that kind, not the
# one discussed last: a word heading one kind of the category ("the
# webcam" beside a cable), and the category's word beside an add-on of
# it ("the camera" after a lens for it); two of the kind compared are
# asked about, naming both (tests/kindref-sweep.py).
# Floors at the measured figures.
. "$top_srcdir/tests/lib.sh"
FLOOR_SUB=34
FLOOR_ADDON=2
FLOOR_TWO=20

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
sweep_run kindref-sweep.py "$SHOPDESK" \
    "$top_srcdir/share/demo/products.jsonl"
for k in SUB ADDON TWO; do
	eval floor=\$FLOOR_$k
	sweep_floor $k "$floor" "$k: the product of the kind said"
done
finish
