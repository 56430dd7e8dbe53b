#!/bin/sh
# End-to-end: the agent desk.  A replay (another process) starts a
# session; the console lists it, opens it with its traces, takes it over
# and answers; the customer's next line arrives while the console runs;
# "shopdesk history" shows the agent's line; handback gives it back.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/console-lib.sh"
SQL="$top_builddir/tests/sql-value"

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

# The customer panel beside the conversation: who, orders with items,
# tracking and whether they can come back, cart, past conversations.
expect "the customer panel opens with the session" "Customer C1002 Paige Lopez"
expect "with the tier" "tier"
expect "and the contact" "paige.lopez@example.com"
expect "the conversation's order first, in focus" "> #12072 delivered"
expect "its items" "1 x Samsung Galaxy Book4 360 15"
expect "its tracking" "ship UPS"
expect "whether it can come back" "return: no, delivered 53 days ago"
expect "the cart" "Cart ("
expect "past conversations" "Past conversations (1)"
typeline "/order 12170"
expect "/order N puts that order in focus" "> #12170 return_requested"
expect "with its return state" "return: already requested"
typeline "/order nope-nothing"
expect "/order with neither an order nor a product" \
    "no such order, and none of"
typeline "/order galaxy book"
expect "/order PRODUCT finds the customer's orders holding it" \
    "Orders of C1002 holding \"galaxy book\": 12072"
typeline "/search 12170"
expect "/search finds an order by number" \
    "Order 12170 (return_requested, customer C1002)"
typeline "/customer C1001"
expect "/customer ID shows another customer" "Customer C1001 Jordan Lee"
typeline "/customer NOBODY"
expect "/customer with an unknown id" "/customer NOBODY: no such customer"
typeline "/feedback down too slow"
expect "a rating of the session" "Thanks: rated message"
typeline "/customer"
expect "/customer alone: the session's customer" "Customer C1002 Paige Lopez"
expect "the panel lists the customer's feedback" "down 1 s000001"
keys -l "/order 1228"
keys Tab
expect "Tab completes the panel customer's order numbers" "/order 12281"
keys C-u

typeline "/takeover"
expect "/takeover" "You (alice) hold $sid"
typeline "Hi, this is Alice. Let me check that order for you."
expect "the agent's line" "agent> Hi, this is Alice."

# Canned replies, filled from the customer panel, edited, then sent.
typeline "/canned"
expect "/canned lists the shop's replies" "Canned replies: greeting tracking"
keys -l "/canned tra"
keys Tab
expect "Tab completes a canned reply's name" "agent> /canned tracking"
keys Enter
expect "the reply is on the input line, placeholders filled" \
    "FedEx, tracking number 526284034533, delivery date 2026-09-28."
keys End
keys -l " Anything else?"
keys Enter
expect "the edited reply is sent" "agent> Hi Paige, your order #12072"
[ "$("$SQL" "$SHOPDESK_DB" "SELECT text FROM messages WHERE role = 'agent' ORDER BY id DESC LIMIT 1")" = "Hi Paige, your order #12072 (Samsung Galaxy Book4 360 15) is with FedEx, tracking number 526284034533, delivery date 2026-09-28. Anything else?" ]
ok $? "the edited canned reply is sent with name, order and tracking"
typeline "/canned nosuch"
expect "/canned with an unknown name" "/canned: no reply named nosuch."

# Private notes: agents see them, the customer never does.
typeline "/note customer was charged twice, check with billing"
expect "the note in the conversation, marked private" \
    "note>  (alice, private) customer was charged twice"
"$SHOPDESK" history "$sid" >"$T/hist-note" 2>&1
not_contains "the note is not in the conversation's history" \
    "$T/hist-note" "charged twice"
"$SHOPDESK" history --json "$sid" >"$T/hist-json" 2>&1
not_contains "nor in its JSON export" "$T/hist-json" "charged twice"
typeline "/note"
expect "/note alone is a hint" "usage: /note TEXT"

# Labels.
typeline "/label Billing"
expect "/label adds a label (folded to lower case)" "Labels of $sid: billing"
typeline "/label refund"
expect "a second label" "Labels of $sid: billing, refund"
typeline "/label -refund"
expect "/label -NAME removes one" "Labels of $sid: billing"
typeline "/label two words"
expect "a label is one word" "/label: label \"two words\""

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

# Resolve: the conversation is closed and counted.
"$SHOPDESK" stats --json >"$T/stats0" 2>&1
contains "no conversation resolved by an agent yet" "$T/stats0" \
    '"agent_resolved":0'
typeline "/resolve refund not needed"
expect "/resolve closes the session" "$sid is resolved and closed"
expect "with the desk's event" "desk>  alice resolved the session"
[ "$("$SQL" "$SHOPDESK_DB" "SELECT status FROM sessions WHERE id = '$sid'")" = closed ]
ok $? "the session is closed"
"$SHOPDESK" stats --json >"$T/stats1" 2>&1
contains "the analytics count it as resolved by an agent" "$T/stats1" \
    '"agent_resolved":1'

typeline "/quit"
sane_ok "terminal sane after quit"

finish
