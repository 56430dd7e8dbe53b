#!/bin/sh
# shopdesk eval dialogues: the judge on a small fixture whose turns pass
# and fail for each reason, bad input, and the figures of the project's
# own conversations and of the outside set (../shared/data/conversations,
# skipped when absent), each with a floor just under what was measured.
. "$top_srcdir/tests/lib.sh"

# row NAME: the figures of one row of the text report (turns pass rate
# regex conv pass rate wrong rate).
row() {
	awk -v n="$1" '$1 == n { $1 = ""; print }' "$T/out"
}
# field FILE ROW K: the K-th figure of a row, "%" stripped.
field() {
	awk -v n="$2" -v k="$3" '$1 == n { v = $(k + 1); sub(/%$/, "", v);
	    print v }' "$1"
}
# at_least DESC VALUE FLOOR / at_most DESC VALUE CEILING
at_least() {
	awk -v v="${2:-0}" -v f="$3" 'BEGIN { exit !(v + 0 >= f + 0) }'
	ok $? "$1: $2 >= $3"
}
at_most() {
	awk -v v="${2:-100}" -v f="$3" 'BEGIN { exit !(v + 0 <= f + 0) }'
	ok $? "$1: $2 <= $3"
}

F="$T/judge.jsonl"
cat >"$F" <<'JSONL'
{"id": "j1", "user": "C1001", "category": "pass", "turns": [{"text": "where is my order 12345?", "expect": {"about": ["12345"], "must": ["UPS"], "must_not": ["nlu_fallback|\\(null\\)|\\{\\{|%s"], "action_hint": "passes: every check holds"}}, {"text": "what about the sony headphones WH-1000XM5", "expect": {"about": ["AUD-1008"], "must": ["\\$399"], "must_not": [], "action_hint": "passes: the reply names it by its catalog name, not its SKU"}}]}
{"id": "j2", "user": "C1001", "category": "fail", "turns": [{"text": "where is my order 12345?", "expect": {"about": ["12345"], "must": ["FedEx"], "must_not": [], "action_hint": "fails: a must pattern does not match"}}, {"text": "where is my order 12345?", "expect": {"about": [], "must": [], "must_not": ["UPS"], "action_hint": "fails: a must_not pattern that names no product matches"}}, {"text": "where is my order 12345?", "expect": {"about": ["AUD-1029"], "must": [], "must_not": [], "action_hint": "fails: not about the product, but about no other product either"}}]}
{"id": "j3", "user": "C1001", "category": "wrong", "turns": [{"text": "where is my order 12345?", "expect": {"about": ["12076"], "must": [], "must_not": [], "action_hint": "fails and is wrong: about another order"}}, {"text": "where is my order 12345?", "expect": {"about": [], "must": [], "must_not": ["12345|12312"], "action_hint": "fails and is wrong: a must_not pattern naming orders matched"}}, {"text": "where is my order 12345?", "expect": {"about": ["C1001"], "must": [], "must_not": [], "action_hint": "passes: the trace alone resolves to the customer"}}]}
{"id": "j4", "user": "C1057", "category": "setup", "turns": [{"text": "cancel order 12350", "expect": {"about": [], "must": [], "must_not": [], "action_hint": "asks to confirm"}}, {"text": "yes", "expect": {"about": [], "must": ["cancelled"], "must_not": [], "action_hint": "cancels 12350 in this conversation's store only"}}]}
{"id": "j5", "user": "C1057", "category": "isolation", "turns": [{"text": "where is order 12350", "expect": {"about": ["12350"], "must": ["process"], "must_not": ["cancelled"], "action_hint": "a fresh store: the order is still processing"}}]}
JSONL

run_ok "judge fixture runs" "$SHOPDESK" eval dialogues "$F"
cp "$T/out" "$T/fixture"
echo "# $(row all)"
[ "$(field "$T/fixture" all 1)" = 11 ]; ok $? "11 turns"
[ "$(field "$T/fixture" all 2)" = 6 ]; ok $? "6 turns pass"
[ "$(field "$T/fixture" all 4)" = 72.7 ]; ok $? "8 pass must and must_not"
[ "$(field "$T/fixture" all 6)" = 3 ]; ok $? "3 of 5 conversations pass"
[ "$(field "$T/fixture" all 8)" = 2 ]; ok $? "2 turns about the wrong item"
[ "$(field "$T/fixture" pass 2)" = 2 ]; ok $? "named by SKU, order or name"
[ "$(field "$T/fixture" fail 2)" = 0 ]; ok $? "must, must_not, about fail"
[ "$(field "$T/fixture" fail 8)" = 0 ]; ok $? "those are not wrong-item"
[ "$(field "$T/fixture" wrong 2)" = 1 ]; ok $? "the trace resolves about"
[ "$(field "$T/fixture" isolation 2)" = 1 ]; ok $? "a fresh store each"

run_ok "--verbose" "$SHOPDESK" eval dialogues --verbose "$F"
contains "says which must failed" "$T/out" 'must "FedEx" did not match'
contains "says which must_not matched" "$T/out" 'must_not "UPS" matched'
contains "says what it is not about" "$T/out" "not about 12076"
contains "flags the wrong order" "$T/out" "about another product or order"
contains "shows the reply" "$T/out" "reply: Your order #12345"
contains "names file:line" "$T/out" "FAIL $F:2 j2 turn 1 (fail)"

run_ok "--json" "$SHOPDESK" eval dialogues --json --verbose "$F"
contains "json overall" "$T/out" '"overall":{"name":"all","conversations":5,"conversations_passed":3'
contains "json wrong items" "$T/out" '"wrong_item_turns":2'
contains "json failures" "$T/out" '"failed":["must \"FedEx\" did not match"]'

mkdir "$T/dir"
cp "$F" "$T/dir/a.jsonl"
run_ok "a directory" "$SHOPDESK" eval dialogues "$T/dir"
[ "$(field "$T/out" all 1)" = 11 ]; ok $? "reads every *.jsonl of it"

printf '%s\n{"id": "x"\n' "$(head -1 "$F")" >"$T/bad.jsonl"
run_fails "malformed JSON" 1 "$SHOPDESK" eval dialogues "$T/bad.jsonl"
contains "names file:line" "$T/err" "bad.jsonl:2: not a JSON object"
printf '{"id": "x", "user": null, "category": "c", "turns": [{"text": "hi", "expect": {"must": ["(a"]}}]}\n' >"$T/bad.jsonl"
run_fails "bad regex" 1 "$SHOPDESK" eval dialogues "$T/bad.jsonl"
contains "names the pattern" "$T/err" 'bad.jsonl:1: x turn 1: must[0] "(a":'
printf '{"id": "x", "user": null, "category": "c", "turns": []}\n' >"$T/bad.jsonl"
run_fails "no turns" 1 "$SHOPDESK" eval dialogues "$T/bad.jsonl"
contains "says so" "$T/err" '"turns" must be a non-empty array'
run_fails "missing file" 1 "$SHOPDESK" eval dialogues "$T/nonexistent.jsonl"
run_fails "no file" 2 "$SHOPDESK" eval dialogues
run_fails "bad option" 2 "$SHOPDESK" eval dialogues --bogus "$F"

# The figures: floors just under what was measured, ceilings on the turns
# about another product or order just above.
D="$top_srcdir/tests/data/dialogues"
run_ok "own conversations" "$SHOPDESK" eval dialogues "$D/dev.jsonl" \
    "$D/test.jsonl"
echo "# own dev:  $(row "$D/dev.jsonl")"
echo "# own test: $(row "$D/test.jsonl")"
at_least "own dev turns correct (%)" "$(field "$T/out" "$D/dev.jsonl" 3)" \
    79.5
at_least "own test turns correct (%)" "$(field "$T/out" "$D/test.jsonl" 3)" \
    63.2
at_most "own dev turns about the wrong item (%)" \
    "$(field "$T/out" "$D/dev.jsonl" 9)" 7.2
at_most "own test turns about the wrong item (%)" \
    "$(field "$T/out" "$D/test.jsonl" 9)" 11.0
n=$(field "$T/out" all 1)
[ "${n:-0}" -ge 700 ]; ok $? "at least 700 turns of our own ($n)"


C="$top_srcdir/../shared/data/conversations"
if [ -f "$C/dev.jsonl" ] && [ -f "$C/test.jsonl" ]; then
	run_ok "outside conversations" "$SHOPDESK" eval dialogues \
	    "$C/dev.jsonl" "$C/test.jsonl"
	echo "# outside dev:  $(row "$C/dev.jsonl")"
	echo "# outside test: $(row "$C/test.jsonl")"
	at_least "outside dev turns correct (%)" \
	    "$(field "$T/out" "$C/dev.jsonl" 3)" 85.9
	at_least "outside test turns correct (%)" \
	    "$(field "$T/out" "$C/test.jsonl" 3)" 55.9
	at_most "outside dev turns about the wrong item (%)" \
	    "$(field "$T/out" "$C/dev.jsonl" 9)" 2.2
	at_most "outside test turns about the wrong item (%)" \
	    "$(field "$T/out" "$C/test.jsonl" 9)" 11.9
else
	echo "# $C absent: the outside figures are skipped"
fi

finish
