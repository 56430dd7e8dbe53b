#!/bin/sh
# shopdesk eval dialogues --by-rule: the turns each rule that chose the
# product or order decided, passed and got wrong, on a small fixture
# whose turns pass and fail under known rules; the rule of each failed
# turn in --verbose and --json --verbose.
. "$top_srcdir/tests/lib.sh"

# cols KEY: turns pass wrong of the rule row KEY of the by-rule table.
cols() {
	awk -v k="$1" '/^rule / { on = 1; next } on && $1 == k {
	    print $2, $3, $4 }' "$T/out"
}

F="$T/rules.jsonl"
cat >"$F" <<'JSONL'
{"id": "r1", "user": "C1001", "category": "order", "turns": [{"text": "where is my order 12345?", "expect": {"about": ["12345"], "must": [], "must_not": []}}, {"text": "hi there", "expect": {"about": [], "must": [], "must_not": []}}]}
{"id": "r2", "user": null, "category": "product", "turns": [{"text": "what about the sony headphones WH-1000XM5", "expect": {"about": ["AUD-1008"], "must": [], "must_not": []}}, {"text": "how long does its battery last", "expect": {"about": ["AUD-1029"], "must": [], "must_not": []}}, {"text": "and is it waterproof", "expect": {"about": ["AUD-1008"], "must": [], "must_not": []}}]}
{"id": "r3", "user": null, "category": "list", "turns": [{"text": "show me some over-ear headphones", "expect": {"about": [], "must": [], "must_not": []}}, {"text": "how much is the second one", "expect": {"about": ["AUD-1008"], "must": [], "must_not": []}}]}
JSONL

run_ok "--by-rule runs" "$SHOPDESK" eval dialogues --by-rule "$F"
contains "the usual report first" "$T/out" "all                              7     6"
contains "then the rule table" "$T/out" "turns  pass wrong   prec  text"
[ "$(cols product:it)" = "2 1 1" ]; ok $? "'it': 2 turns, 1 passed, 1 wrong"
[ "$(cols product:named)" = "1 1 0" ]; ok $? "a product named: 1 passed"
[ "$(cols list-position)" = "1 1 0" ]; ok $? "a reference rule by its id"
[ "$(cols order:the-order-number-given)" = "1 1 0" ]; ok $? "an order rule"
[ "$(cols -)" = "2 2 0" ]; ok $? "turns with no rule: one row"
first=$(awk '/^rule / { getline; print $1; exit }' "$T/out")
[ "$first" = product:it ]; ok $? "most wrong-item turns first ($first)"
contains "the rule's words beside its key" "$T/out" "place in the last list"

run_ok "without --by-rule" "$SHOPDESK" eval dialogues "$F"
! grep -q "^rule " "$T/out"; ok $? "no rule table"

run_ok "--verbose" "$SHOPDESK" eval dialogues --verbose "$F"
contains "a failed turn names its rule" "$T/out" "  rule: product:it"

run_ok "--json --verbose --by-rule" "$SHOPDESK" eval dialogues --json \
    --verbose --by-rule "$F"
contains "json rules, worst first" "$T/out" '"rules":[{"rule":"product:it","text":"it","turns":2,"turns_passed":1,"wrong_item_turns":1,"precision":0.5}'
contains "json rule by id" "$T/out" '{"rule":"list-position","text":"place in the last list","turns":1'
contains "json failure's rule" "$T/out" '"wrong_item":true,"rule":"product:it"'
run_ok "--json alone" "$SHOPDESK" eval dialogues --json "$F"
! grep -q '"rules"' "$T/out"; ok $? "no rules without --by-rule"

run_ok "--help" "$SHOPDESK" eval dialogues --help
contains "--help tells --by-rule" "$T/out" "--by-rule"

# The trace keeps the rule's id beside its words.
printf 'show me some over-ear headphones\nhow much is the second one\n' \
    >"$T/two.txt"
run_ok "replay --json" "$SHOPDESK" replay --json "$T/two.txt"
contains "trace rule_id" "$T/out" '"rule_id":"list-position","rule":"place in the last list"'

finish
