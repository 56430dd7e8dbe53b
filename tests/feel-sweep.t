#!/bin/sh
# The feelings sweep: for every category of the demo store, shopping
# told with some of the customer's life first gets no apology, and a
# really upset message about a product of that kind gets one
# (tests/feel-sweep.py).  The floors sit just under the measured figures.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
python3 "$top_srcdir/tests/feel-sweep.py" "$SHOPDESK" "$SHOPDESK_SHARE" \
    >"$T/out" 2>"$T/err"
ok $? "the sweep runs"
sed 's/^/# /' "$T/err" | head -5
grep '^FAIL' "$T/out" | sed 's/^/# /'
set -- $(awk '$1 == "CALM" { print $2, $3 }' "$T/out")
[ "${2:-0}" -ge 34 ]; ok $? "every category told twice (${2:-0} messages)"
[ "${1:-0}" -ge 25 ]; ok $? "no apology for calm shopping: ${1:-0} of ${2:-0} >= 25"
set -- $(awk '$1 == "UPSET" { print $2, $3 }' "$T/out")
[ "${1:-0}" -ge 14 ]; ok $? "an apology when upset: ${1:-0} of ${2:-0} >= 14"
finish
