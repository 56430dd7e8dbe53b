#!/bin/sh
# The two-requests sweep: for three products of every category of the
# demo store, a question about the product and one about the store in
# one message, joined by "and" (tests/two-sweep.py); the reply must
# answer both.  The floor sits just under the measured figure.
. "$top_srcdir/tests/lib.sh"
FLOOR=47

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
python3 "$top_srcdir/tests/two-sweep.py" "$SHOPDESK" "$SHOPDESK_SHARE" \
    >"$T/out" 2>"$T/err"
ok $? "the sweep runs"
sed 's/^/# /' "$T/err" | head -5
grep '^FAIL' "$T/out" | sed 's/^/# /'
set -- $(awk '$1 == "PASS" { print $2, $3 }' "$T/out")
[ "${2:-0}" -ge 51 ]; ok $? "every category asked (${2:-0} messages)"
[ "${1:-0}" -ge "$FLOOR" ]; ok $? "both requests answered: ${1:-0} of ${2:-0} >= $FLOOR"
finish
