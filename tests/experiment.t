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
finish
