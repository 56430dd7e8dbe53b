#!/bin/sh
# End-to-end: shopdesk experiment create, list, report, replay and stop
# on the demo store, and the exposure in each turn's trace.
. "$top_srcdir/tests/lib.sh"

run_ok "experiment --help" sh -c '"$SHOPDESK" experiment --help; [ $? -eq 2 ]'
contains "usage names replay" "$T/err" "replay"
run_ok "create" "$SHOPDESK" experiment create --description "tone test" \
    tone control warm:variant=1 strict:threshold=0.9,generator=off
contains "says it runs" "$T/out" "experiment tone running with 3 arms"
run_fails "a bad arm" 2 "$SHOPDESK" experiment create x a b:colour=red
contains "names the setting" "$T/err" "colour"
run_fails "a second running" 1 "$SHOPDESK" experiment create other a b
contains "names the running one" "$T/err" "tone is running"
run_fails "no subcommand" 2 "$SHOPDESK" experiment
run_fails "an unknown subcommand" 2 "$SHOPDESK" experiment frob
run_ok "list" "$SHOPDESK" experiment list
contains "list shows the arm settings" "$T/out" "threshold=0.9,generator=off"

# Turns record their exposure in the trace.
printf 'where is my order 12218\nthanks\n' |
    "$SHOPDESK" -q replay --json >"$T/trace" 2>"$T/err"
ok $? "replay with the experiment running"
contains "the trace names the experiment" "$T/trace" '"experiment":{"name":"tone","arm":"'
run_ok "report" "$SHOPDESK" experiment report tone
contains "report lists the arms" "$T/out" "control"
contains "report names the test" "$T/out" "two-proportion z-test"
contains "report warns about peeking" "$T/out" "one look"
run_ok "report --json" "$SHOPDESK" experiment report --json tone
contains "counts one conversation" "$T/out" '"conversations":1,'
run_fails "report of an unknown one" 1 "$SHOPDESK" experiment report nope

# Replay runs each arm on a scratch copy: the database keeps nothing.
mkdir "$T/conv"
printf 'do you have headphones under 100 dollars\nthanks\n' >"$T/conv/a.txt"
n0=$("$SHOPDESK" history | wc -l)
run_ok "replay" "$SHOPDESK" experiment replay tone "$T/conv"
contains "replay shows each arm's outcome" "$T/out" "strict"
contains "and the counts" "$T/out" "turns that differ between arms"
run_ok "replay --json" "$SHOPDESK" experiment replay --json tone "$T/conv"
contains "json outcomes" "$T/out" '"outcomes":{"control":{"outcome":"resolved"'
n1=$("$SHOPDESK" history | wc -l)
[ "$n0" = "$n1" ]; ok $? "replay stores no session ($n0, $n1)"
run_fails "replay of nothing" 1 "$SHOPDESK" experiment replay tone "$T/none"
run_ok "stop" "$SHOPDESK" experiment stop tone
run_fails "stop an unknown one" 1 "$SHOPDESK" experiment stop nope
printf 'hello\n' | "$SHOPDESK" -q replay --json >"$T/trace" 2>"$T/err"
not_contains "no exposure once stopped" "$T/trace" '"experiment":'

# Retrieval weights: FAQs weighted up put an FAQ first where the return
# policy led, and the replay shows it turn by turn.
run_fails "weights that do not add up" 2 "$SHOPDESK" experiment create w \
    a b:bm25=0.5,vector=0.6
contains "says so" "$T/err" "do not add up to 1"
run_ok "create with weights" "$SHOPDESK" experiment create kbw base faqs:faq=3
mkdir "$T/kb"
printf 'what is the return window for opened items\n' >"$T/kb/a.txt"
run_ok "replay the weights" "$SHOPDESK" experiment replay kbw "$T/kb"
contains "base: the policy first" "$T/out" "base         policy_answer (faq_answer#1) top policy:policy-returns"
contains "faqs: an FAQ first" "$T/out" "top faq:faq-returns-window"
contains "the turn differs" "$T/out" "turns that differ between arms: 1 of 1"
printf 'what is the return window for opened items\n' |
    "$SHOPDESK" -q replay --json >"$T/trace" 2>"$T/err"
if grep -q '"arm":"faqs"' "$T/trace"; then
	contains "the exposure records the weight" "$T/trace" '"settings":{"faq":3}'
else
	contains "the exposure records no weight" "$T/trace" '"settings":{}'
fi
run_ok "stop kbw" "$SHOPDESK" experiment stop kbw
finish
