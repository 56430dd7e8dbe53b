#!/bin/sh
# The policy and FAQ probes (tests/data/kb-probes, see its README):
# questions about the store's policies written as strangers type them,
# each judged by the entry it must cite and the key fact (a number, a
# duration, a price) the reply must state (tests/kb-probes.py).  Both
# halves are reported: answered with the right entry and fact, the
# right entry without the fact, refused or fallback, another entry.
# test.tsv is frozen and never tuned on; the floors sit just under the
# measured figures of each half, the ceilings on wrong entries just
# over them.
. "$top_srcdir/tests/lib.sh"
DEV_FLOOR=55		# of 76: right entry and key fact (56 measured)
TEST_FLOOR=56		# of 90 (58 measured)
DEV_WRONG_MAX=6		# 5 measured: weak evidence is not answered
TEST_WRONG_MAX=17

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
python3 "$top_srcdir/tests/kb-probes.py" "$SHOPDESK" \
    "$top_srcdir/tests/data/kb-probes/dev.tsv" \
    "$top_srcdir/tests/data/kb-probes/test.tsv" >"$T/out" 2>"$T/err"
ok $? "the probes run"
sed 's/^/# /' "$T/err" | head -5
# The dev half's misses, to work on; the test half's only counted.
grep -v '^test\|^dev ' "$T/out" | grep ' dev | ' | sed 's/^/# /'
for half in dev test; do
	set -- $(awk -v h=$half '$1 == h { print $2, $3, $4, $5, $6 }' "$T/out")
	echo "# $half: fact ${1:-0} entry ${2:-0} refused ${3:-0} wrong ${4:-0} of ${5:-0}"
	if [ $half = dev ]; then floor=$DEV_FLOOR; max=$DEV_WRONG_MAX; need=70
	else floor=$TEST_FLOOR; max=$TEST_WRONG_MAX; need=85; fi
	[ "${5:-0}" -ge $need ]; ok $? "$half: at least $need probes (${5:-0})"
	[ "${1:-0}" -ge $floor ]; ok $? "$half: right entry and key fact ${1:-0} >= $floor"
	[ "${4:-99}" -le $max ]; ok $? "$half: another entry ${4:-?} <= $max"
done
finish
