#!/bin/sh
# End-to-end: the agent desk.  A replay (another process) starts a
# session; the console lists it, opens it with its traces, takes it over
# and answers; the customer's next line arrives while the console runs;
# "shopdesk history" shows the agent's line; handback gives it back.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/console-lib.sh"

printf '/user C1002\nwhere is my order 12072?\n' | "$SHOPDESK" replay \
    >"$T/replay1" 2>&1
ok $? "a replay starts a customer's session"
sid=s000001	# the first session of a fresh database

start_shell
typeline "$SHOPDESK console --desk --agent alice"
expect "--desk opens on the sessions view" "Sessions ("
expect "the replay's session is listed" "$sid"
expect "with its user" "C1002"
keys Enter
expect "Enter opens the selected session" "Watching $sid"
expect "its history is shown" "where is my order 12072?"
expect "with the turn's debug data" "intent  track_order"
expect "and its context" "order    12072"

typeline "/takeover"
expect "/takeover" "You (alice) hold $sid"
typeline "Hi, this is Alice. Let me check that order for you."
expect "the agent's line" "agent> Hi, this is Alice."

# The customer writes again from another process: the bot stays quiet
# and the console shows the line by itself.
printf '/session %s\nthanks, any news?\n' "$sid" | "$SHOPDESK" replay \
    >"$T/replay2" 2>&1
ok $? "the customer's next turn (replay)"
contains "the bot stays quiet while an agent holds it" "$T/replay2" \
    "agent holds"
expect "the console picks up the other process's turn" "thanks, any news?"

"$SHOPDESK" history "$sid" >"$T/hist" 2>&1
ok $? "shopdesk history SESSION"
contains "history shows the agent's line" "$T/hist" \
    "Hi, this is Alice. Let me check that order for you."

typeline "/sessions"
expect "the sessions view again" "Sessions ("
expect "the session is held by alice" "held by alice"
keys Escape
typeline "/handback"
expect "/handback" "is back with the bot"
printf '/session %s\nwhere is my order 12072?\n' "$sid" | "$SHOPDESK" replay \
    >"$T/replay3" 2>&1
not_contains "the bot answers again after handback" "$T/replay3" \
    "agent holds"
expect "and the console shows that turn too" "#3"

typeline "/quit"
sane_ok "terminal sane after quit"

finish
