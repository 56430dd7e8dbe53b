#!/bin/sh
# The "add both" sweep: pairs of the demo catalog asked about one after
# the other, or compared, then a cart request that points at two without
# naming them, in several registers: both are added and nothing else.
# With one product discussed it is named and the other asked for; with
# three, the customer is asked which two; nothing is added
# (tests/both-sweep.py).  The floors sit at the measured figures.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
python3 "$top_srcdir/tests/both-sweep.py" "$SHOPDESK" "$SHOPDESK_SHARE" \
    >"$T/out" 2>"$T/err"
ok $? "the sweep runs"
sed 's/^/# /' "$T/err" | head -5
grep '^FAIL' "$T/out" | sed 's/^/# /'
set -- $(awk '$1 == "TWO" { print $2, $3 }' "$T/out")
[ "${2:-0}" -ge 30 ]; ok $? "pairs of the catalog (${2:-0})"
[ "${1:-0}" -ge 32 ]; ok $? "two asked about, both added: ${1:-0} of ${2:-0} >= 32"
set -- $(awk '$1 == "CMP" { print $2, $3 }' "$T/out")
[ "${1:-0}" -ge 32 ]; ok $? "two compared, both added: ${1:-0} of ${2:-0} >= 32"
set -- $(awk '$1 == "ONE" { print $2, $3 }' "$T/out")
[ "${1:-0}" -ge 32 ]; ok $? "one discussed: named, the other asked: ${1:-0} of ${2:-0} >= 32"
set -- $(awk '$1 == "THREE" { print $2, $3 }' "$T/out")
[ "${1:-0}" -ge 32 ]; ok $? "three discussed: asked which two: ${1:-0} of ${2:-0} >= 32"
finish
