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
sweep_total OTHER 300 "every product tried (%s)"
sweep_all OTHER "no other product added"
sweep_floor ADD 260 "the product alone added"
finish
