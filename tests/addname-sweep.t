#!/bin/sh
# The add-by-name sweep: every product in stock of the demo store, added
# by its full catalog name, bracket and all, must put that product alone
# in the cart and never another whose name holds some of its words
# (the single A19 bulb inside "Starter Kit (3 A19 bulbs + Bridge)")
# (tests/addname-sweep.py).  The floor of ADD sits just under the
# measured figure (some phrasings are read as questions, no add); OTHER
# allows none.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
python3 "$top_srcdir/tests/addname-sweep.py" "$SHOPDESK" "$SHOPDESK_SHARE" \
    >"$T/out" 2>"$T/err"
ok $? "the sweep runs"
sed 's/^/# /' "$T/err" | head -5
grep '^FAIL' "$T/out" | sed 's/^/# /' | head -80
set -- $(awk '$1 == "OTHER" { print $2, $3 }' "$T/out")
[ "${2:-0}" -ge 300 ]; ok $? "every product tried (${2:-0})"
[ "${1:-0}" -eq "${2:-1}" ]; ok $? "no other product added: ${1:-0} of ${2:-0}"
set -- $(awk '$1 == "ADD" { print $2, $3 }' "$T/out")
[ "${1:-0}" -ge 260 ]; ok $? "the product alone added: ${1:-0} of ${2:-0} >= 260"
finish
