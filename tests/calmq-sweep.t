#!/bin/sh
# The plain-question sweep: a store question about a product of every
# category, in several registers, gets no apology; the same products told
# with a problem the customer suffers, or the feeling in words, get one
# (tests/calmq-sweep.py).  Measured 475 of 476 calm (465 before the
# apology needed a clear reading or a told problem) and 29 of 34 upset;
# the floors sit just under.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
python3 "$top_srcdir/tests/calmq-sweep.py" "$SHOPDESK" "$SHOPDESK_SHARE" \
    >"$T/out" 2>"$T/err"
ok $? "the sweep runs"
sed 's/^/# /' "$T/err" | head -5
grep '^FAIL' "$T/out" | sed 's/^/# /'
set -- $(awk '$1 == "CALM" { print $2, $3 }' "$T/out")
[ "${2:-0}" -ge 400 ]; ok $? "every question for every product (${2:-0} messages)"
[ "${1:-0}" -ge 474 ]; ok $? "no apology for a plain question: ${1:-0} of ${2:-0} >= 474"
set -- $(awk '$1 == "UPSET" { print $2, $3 }' "$T/out")
[ "${1:-0}" -ge 28 ]; ok $? "an apology for a told problem: ${1:-0} of ${2:-0} >= 28"
finish
