#!/bin/sh
# The knowledge-base typo sweep: every FAQ question of the demo store
# with one long word misspelt and wrapped in a greeting or a "pls", next
# to the question spelt right; a question answered from an entry spelt
# right must be answered from it misspelt too (tests/kbtypo-sweep.py).
# The floor sits at the measured figure.
. "$top_srcdir/tests/lib.sh"
FLOOR=25

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
python3 "$top_srcdir/tests/kbtypo-sweep.py" "$SHOPDESK" "$SHOPDESK_SHARE" \
    >"$T/out" 2>"$T/err"
ok $? "the sweep runs"
sed 's/^/# /' "$T/err" | head -5
grep '^FAIL' "$T/out" | sed 's/^/# /'
set -- $(awk '$1 == "TYPO" { print $2, $3 }' "$T/out")
[ "${2:-0}" -ge 30 ]; ok $? "at least 30 questions (${2:-0})"
[ "${1:-0}" -ge "$FLOOR" ]; ok $? "answered from the same entry misspelt: ${1:-0} of ${2:-0} >= $FLOOR"
finish
