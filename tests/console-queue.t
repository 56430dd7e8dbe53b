#!/bin/sh
# End-to-end: the agent desk's queue and alerts.  The sessions view
# shows the customer's name, channel, last line, waiting time, labels and
# holder, escalated sessions whose customer waits first; a new
# escalation and a customer's reply in a session the agent holds ring
# the bell and mark the session; filters and search narrow the list.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/console-lib.sh"

printf '/user C1002\nwhere is my order 12072?\n' | "$SHOPDESK" replay \
    >/dev/null 2>&1
printf '/user C1001\ndo you have gaming laptops?\n' | "$SHOPDESK" chat \
    >/dev/null 2>&1
ok $? "two customers' sessions (replay, chat)"

start_shell
typeline "$SHOPDESK console --desk --agent alice"
expect "the queue" "Sessions (2)"
expect "a session with its customer's name and channel" \
    "s000001  Paige Lopez        C1002  replay"
expect "the other with its channel" "s000002  Jordan Lee         C1001  chat"
expect "and the last line under it" "bot: Your order #12072"

typeline "/open s000001"
typeline "/takeover"
expect "alice holds s000001" "You (alice) hold s000001"
typeline "/label billing"
expect "labelled" "Labels of s000001: billing"
typeline "/sessions"
expect "the holder and the label in the list" "held by alice [billing]"
[ "$(tm display -p -t sd '#{window_bell_flag}')" = 0 ]
ok $? "no bell yet"

# A customer asks for a person, from another process.
printf '/session s000002\nI want to talk to a human\n' | "$SHOPDESK" chat \
    >/dev/null 2>&1
expect "a new escalation is announced" "s000002 escalated:"
expect "and marked in the list, first: escalated and waiting" \
    "> !s000002  Jordan Lee"
expect "with how long the customer waits" "escalated waiting 0m"
[ "$(tm display -p -t sd '#{window_bell_flag}')" = 1 ]
ok $? "the terminal bell rang"

# The customer of the session alice holds writes again.
printf '/session s000001\nany news on my order?\n' | "$SHOPDESK" replay \
    >/dev/null 2>&1
expect "a customer's reply in a held session is announced" \
    "the customer wrote in s000001: any news on my order?"
expect "and marked" " !s000001  Paige Lopez"
expect "the list shows the customer's line" "customer: any news on my order?"
echo "# An agent's shift, the queue after two alerts:"
screen; dump

# Answer from the held session, the customer panel beside it.
typeline "/open s000001"
expect "the held session opens" "You hold s000001"
typeline "/canned tracking"
expect "a canned reply on the input line" "tracking number 526284034533"
keys Enter
expect "sent" "agent> Hi Paige, your order #12072"
typeline "/note promised a call back if the carrier disputes delivery"
expect "a private note" "note>  (alice, private) promised a call back"
echo "# An agent's shift, answering in a held session:"
screen; dump

typeline "/sessions escalated"
expect "/sessions escalated" "filter: escalated"
expect_gone "lists only escalated sessions" "s000001  Paige"
typeline "/sessions mine"
expect "/sessions mine" "s000001  Paige Lopez"
expect_gone "lists only alice's" "s000002  Jordan"
typeline "/sessions label:billing"
expect "/sessions label:NAME" "filter: label:billing"
expect "lists the labelled session" "s000001  Paige Lopez"
typeline "/sessions gaming laptops"
expect "/sessions TEXT searches the conversations" \
    "filter: all, text \"gaming laptops\""
expect "finding the session that said it" "s000002  Jordan Lee"
expect_gone "and only it" "s000001  Paige"
typeline "/sessions all"
expect "/sessions all lists everything" "Sessions (2)"
keys Enter
expect "Enter opens the selected (escalated) session" "Watching s000002"
typeline "/sessions"
expect_gone "opening it clears its mark" "!s000002"

typeline "/quit"
sane_ok "terminal sane after quit"

finish
