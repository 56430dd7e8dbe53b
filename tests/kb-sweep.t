#!/bin/sh
# The knowledge-base sweep: every FAQ and policy section of the demo
# store asked in several wordings (tests/data/kb-paraphrases.tsv), each
# in a fresh session; the reply must cite the entry that answers and
# quote its words (tests/kb-sweep.py).  The floor sits just under the
# measured figure, so a change in retrieval that loses wordings fails.
. "$top_srcdir/tests/lib.sh"
FLOOR=146

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
python3 "$top_srcdir/tests/kb-sweep.py" "$SHOPDESK" "$SHOPDESK_SHARE" \
    "$top_srcdir/tests/data/kb-paraphrases.tsv" >"$T/out" 2>"$T/err"
ok $? "the sweep runs"
sed 's/^/# /' "$T/err" | head -5
grep '^FAIL' "$T/out" | sed 's/^/# /'
set -- $(awk '$1 == "PASS" { print $2, $3 }' "$T/out")
[ "${2:-0}" -ge 200 ]; ok $? "at least 200 wordings (${2:-0})"
[ "${1:-0}" -ge "$FLOOR" ]; ok $? "answered from the right entry: ${1:-0} of ${2:-0} >= $FLOOR"
finish
