#!/bin/sh
# Knowledge answers found by phrases, not scattered words
# (tests/data/kb-phrase.tsv, judged by tests/kb-probes.py): two words
# side by side ("keep my data"), two coupon codes named together, an
# FAQ's whole question in a greeting, advice asked with no product
# wanted.  The floor sits at the measured figure; the ceiling on
# another entry is the one probe the search's scattered words still
# send to the selling-data FAQ.
. "$top_srcdir/tests/lib.sh"
FLOOR=13		# of 16: the right entry and its key fact
WRONG_MAX=1		# "how long do you keep my data": the selling-data FAQ

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
python3 "$top_srcdir/tests/kb-probes.py" "$SHOPDESK" \
    "$top_srcdir/tests/data/kb-phrase.tsv" >"$T/out" 2>"$T/err"
ok $? "the probes run"
sed 's/^/# /' "$T/err" | head -5
grep -v '^kb-phrase ' "$T/out" | sed 's/^/# /'
set -- $(awk '$1 == "kb-phrase" { print $2, $3, $4, $5, $6 }' "$T/out")
[ "${5:-0}" -ge 16 ]; ok $? "at least 16 probes (${5:-0})"
[ "${1:-0}" -ge $FLOOR ]; ok $? "right entry and key fact ${1:-0} >= $FLOOR"
[ "${4:-99}" -le $WRONG_MAX ]; ok $? "another entry ${4:-?} <= $WRONG_MAX"
finish
