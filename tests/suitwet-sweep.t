#!/bin/sh
# The wet-purpose sweep: "is the X good for swimming / the pool / the
# shower / the rain" of every product whose listing rates its water
# resistance is answered with that rating, never "its listing doesn't
# say"; of the products of those kinds with no rating, no rating is
# invented (tests/suitwet-sweep.py).  Measured 33 of 34 and 43 of 43
# (21 of 34 before the suitability answer deferred to the rating).
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
python3 "$top_srcdir/tests/suitwet-sweep.py" "$SHOPDESK" \
    "$SHOPDESK_SHARE/demo/products.jsonl" >"$T/out" 2>"$T/err"
ok $? "the sweep runs"
sed 's/^/# /' "$T/err" | head -5
grep '^FAIL' "$T/out" | sed 's/^/# /'
set -- $(awk '$1 == "RATED" { print $2, $3 }' "$T/out")
[ "${2:-0}" -ge 30 ]; ok $? "every rated product asked (${2:-0} questions)"
[ "${1:-0}" -ge 32 ]; ok $? "answered with its rating: ${1:-0} of ${2:-0} >= 32"
set -- $(awk '$1 == "UNRATED" { print $2, $3 }' "$T/out")
[ "${2:-0}" -ge 40 ]; ok $? "unrated products asked (${2:-0} questions)"
[ "${1:-0}" -eq "${2:-1}" ]; ok $? "no rating invented: ${1:-0} of ${2:-0}"
finish
