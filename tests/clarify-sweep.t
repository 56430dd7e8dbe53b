#!/bin/sh
# The clarify sweep: a question naming a product of every category, in
# words no intent is trained on, is answered about that product, never
# with a clarifying question the message gives no ground for
# (tests/clarify-sweep.py).
# The floors sit just under the measured figures.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
python3 "$top_srcdir/tests/clarify-sweep.py" "$SHOPDESK" "$SHOPDESK_SHARE" \
    >"$T/out" 2>"$T/err"
ok $? "the sweep runs"
sed 's/^/# /' "$T/err" | head -5
grep '^FAIL' "$T/out" | sed 's/^/# /'
set -- $(awk '$1 == "PRODUCT" { print $2, $3 }' "$T/out")
[ "${2:-0}" -ge 51 ]; ok $? "every category asked (${2:-0} messages)"
[ "${1:-0}" -ge 42 ]; ok $? "answered about the product: ${1:-0} of ${2:-0} >= 42"
finish
