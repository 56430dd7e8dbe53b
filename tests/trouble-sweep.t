#!/bin/sh
# The troubleshooting sweep: a problem with three products of every
# category of the demo store, and with the kind alone
# (tests/trouble-sweep.py).  Help cited is about that product or its
# kind, never another product; a manual or guide the store holds for it
# is found.  The floor sits just under the measured figure.
. "$top_srcdir/tests/lib.sh"
FLOOR=66

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
python3 "$top_srcdir/tests/trouble-sweep.py" "$SHOPDESK" "$SHOPDESK_SHARE" \
    >"$T/out" 2>"$T/err"
ok $? "the sweep runs"
sed 's/^/# /' "$T/err" | head -5
grep '^FAIL' "$T/out" | sed 's/^/# /'
set -- $(awk '$1 == "PASS" { print $2, $3 }' "$T/out")
[ "${2:-0}" -ge 68 ]; ok $? "every category asked (${2:-0} messages)"
[ "${1:-0}" -ge "$FLOOR" ]; ok $? "the right help: ${1:-0} of ${2:-0} >= $FLOOR"
finish
