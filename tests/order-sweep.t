#!/bin/sh
# The order sweep: every order of every customer of the demo store asked
# about by its number, by the product, brand or kind of thing in it, by
# the month placed, by position in the list shown and by its bare number,
# with the follow-ups that keep it in focus, another order pointed at by
# a thing in it right after one was answered, one of those listed picked
# by how it stands, the return verdict of every delivered order and of
# each item of one, another customer's order, an anonymous visitor, and
# account questions that are no order question (tests/order-sweep.py
# writes the conversations from share/demo).  Every turn must pass, and
# none may be about another order.
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not installed"; exit 77; }

python3 "$top_srcdir/tests/order-sweep.py" "$SHOPDESK_SHARE" \
    "$SHOPDESK_NOW" >"$T/sweep.jsonl"
ok $? "the conversations are written"
run_ok "eval dialogues runs" "$SHOPDESK" -q --db "$T/e.db" eval dialogues \
    "$T/sweep.jsonl"
cp "$T/out" "$T/report"
echo "# $(awk '$1 == "all"' "$T/report")"
for c in number product brand kind period position bare-number return \
    not-theirs anonymous switch status-pick item-return account; do
	set -- $(awk -v n="$c" '$1 == n { print $2, $3, $9 }' "$T/report")
	[ $# -eq 3 ] && [ "$1" -gt 0 ] && [ "$1" = "$2" ] && [ "$3" = 0 ]
	ok $? "$c: ${2:-0} of ${1:-0} turns right, ${3:-?} about another order"
done
# The failures, to see which class broke.
[ $tap_fail -eq 0 ] || "$SHOPDESK" -q --db "$T/v.db" eval dialogues --verbose "$T/sweep.jsonl" |
    grep -A6 '^FAIL' | head -60 | sed 's/^/# /'
finish
