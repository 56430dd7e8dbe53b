#!/bin/sh
# End-to-end: a customer in "shopdesk chat" asks for a person; an agent
# takes the session over at the console's desk (another process) and
# writes; the line reaches the customer's chat as written, while the
# customer is idle at the prompt.  The escalation's internal reason is
# never shown.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/console-lib.sh"

sid=s000001	# the first session of a fresh database

start_shell
typeline "$SHOPDESK chat --user C1002"
expect "chat starts" "you>"
typeline "I want to talk to a real person"
expect "the hand-over is announced" "support team"
screen
! grep -q "customer asked for a person" "$T/screen"
ok $? "the internal reason is not shown"

# The agent's desk, in a second window of the same server.
tm new-session -d -s desk -x 120 -y 40 "env PS1='\$ ' sh"
sleep 0.5
tm send-keys -t desk -l -- "$SHOPDESK console --desk --agent alice"
tm send-keys -t desk Enter
n=0
while ! tm capture-pane -p -t desk | grep -qF "$sid"; do
	n=$((n + 1)); [ $n -ge 200 ] && break; sleep 0.05
done
tm send-keys -t desk Enter
sleep 0.5
tm send-keys -t desk -l -- "/takeover"
tm send-keys -t desk Enter
n=0
while ! tm capture-pane -p -t desk | grep -qF "You (alice) hold"; do
	n=$((n + 1)); [ $n -ge 200 ] && break; sleep 0.05
done
tm capture-pane -p -t desk | grep -qF "You (alice) hold"
ok $? "the agent takes the session over"
tm send-keys -t desk -l -- "Hi, this is Alice from the store: 50% of it is sorted."
tm send-keys -t desk Enter

expect "the agent's line reaches the idle chat as written" \
    "agent> Hi, this is Alice from the store: 50% of it is sorted."
typeline "thanks Alice"
expect "the bot stays quiet while the agent holds it" \
    "(an agent holds this session)"
typeline "/quit"
sane_ok "terminal sane after quit"
tm send-keys -t desk -l -- "/quit"
tm send-keys -t desk Enter

finish
