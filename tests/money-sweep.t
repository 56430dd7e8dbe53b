#!/bin/sh
# The money and stock sweep: every order inside the return window asked
# what a return brings back (then opened, then unopened), every open
# return logged as a defect, every order still processing or shipped
# asked whether it can be cancelled, and every product asked for its
# stock in several phrasings (tests/money-sweep.py writes the
# conversations from share/demo and the policy facts).  Every turn must
# pass, and none may be about another order or product.
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not installed"; exit 77; }

python3 "$top_srcdir/tests/money-sweep.py" "$SHOPDESK_SHARE" \
    "$SHOPDESK_NOW" >"$T/sweep.jsonl"
ok $? "the conversations are written"
run_ok "eval dialogues runs" "$SHOPDESK" -q --db "$T/e.db" eval dialogues \
    "$T/sweep.jsonl"
cp "$T/out" "$T/report"
echo "# $(awk '$1 == "all"' "$T/report")"
for c in refund refund-logged cancel stock; do
	set -- $(awk -v n="$c" '$1 == n { print $2, $3, $9 }' "$T/report")
	[ $# -eq 3 ] && [ "$1" -gt 0 ] && [ "$1" = "$2" ] && [ "$3" = 0 ]
	ok $? "$c: ${2:-0} of ${1:-0} turns right, ${3:-?} about another"
done
[ $tap_fail -eq 0 ] || "$SHOPDESK" -q --db "$T/v.db" eval dialogues --verbose "$T/sweep.jsonl" |
    grep -A6 '^FAIL' | head -60 | sed 's/^/# /'
finish
