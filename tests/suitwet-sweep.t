#!/bin/sh
# The wet-purpose sweep: "is the X good for swimming / the pool / the
# shower / the rain" of every product whose listing rates its water
# resistance is answered with that rating, never "its listing doesn't
# say"; of the products of those kinds with no rating, no rating is
# invented (tests/suitwet-sweep.py).  Measured 33 of 34 and 43 of 43
# (21 of 34 before the suitability answer deferred to the rating).
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
sweep_run suitwet-sweep.py "$SHOPDESK" "$SHOPDESK_SHARE/demo/products.jsonl"
sweep_total RATED 30 "every rated product asked (%s questions)"
sweep_floor RATED 32 "answered with its rating"
sweep_total UNRATED 40 "unrated products asked (%s questions)"
sweep_all UNRATED "no rating invented"
finish
