#!/bin/sh
# End-to-end: two agents on one session (two consoles in tmux).  Alice
# takes it over; Bob opening it sees that she holds it; his lines and
# his /takeover are refused with her name, his line given back to him;
# /takeover --force takes it and tells Alice, whose next line is then
# refused (and given back), never stored as if sent nor lost.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/console-lib.sh"
SQL="$top_builddir/tests/sql-value"

printf '/user C1002\nwhere is my order 12072?\n' | "$SHOPDESK" replay \
    >"$T/replay1" 2>&1
ok $? "a replay starts a customer's session"
sid=s000001

start_shell
typeline "$SHOPDESK console --desk --agent alice"
expect "alice's desk" "Sessions ("
typeline "/open $sid"
expect "alice opens the session: nobody holds it" "(C1002, active, nobody"
typeline "/takeover"
expect "alice takes it over" "You (alice) hold $sid"

start_other bob
typeline "$SHOPDESK console --desk --agent bob"
expect "bob's desk" "Sessions ("
expect "the sessions view shows the holder" "held by alice"
typeline "/open $sid"
expect "opening it tells bob who holds it" "held by alice"
typeline "I can help with that"
expect "bob's line is refused with the holder's name" \
    "Not sent: alice holds $sid; you are watching"
expect "and given back to him in the input line" "watch> I can help with that"
keys C-u
typeline "/takeover"
expect "bob's takeover is refused with alice's name" \
    "/takeover refused: $sid is held by alice"
[ "$("$SQL" "$SHOPDESK_DB" "SELECT agent FROM sessions WHERE id = '$sid'")" = alice ]
ok $? "alice still holds it"

typeline "/takeover --force"
expect "a forced takeover" "You (bob) took $sid over from alice"
expect "bob holds it" "You (bob) hold $sid"

use sd
expect "alice is told" "bob took $sid over from you"
expect "with the desk's event in the conversation" \
    "desk>  bob took the session over from alice"
typeline "Sorry for the wait, checking now"
expect "alice's line is refused: bob holds it now" \
    "Not sent: bob holds $sid"
expect "and given back to her" "watch> Sorry for the wait, checking now"
keys C-u
[ "$("$SQL" "$SHOPDESK_DB" "SELECT count(*) FROM messages WHERE role = 'agent'")" = 0 ]
ok $? "no agent line was stored for a refused line"
typeline "/handback"
expect "alice cannot hand back bob's session" "/handback refused"

use bob
typeline "Hi, Bob here: order 12072 is on its way."
expect "bob's line is sent" "agent> Hi, Bob here"
[ "$("$SQL" "$SHOPDESK_DB" "SELECT text FROM messages WHERE role = 'agent'")" = "Hi, Bob here: order 12072 is on its way." ]
ok $? "and stored once, as bob's"
use sd
expect "alice's console shows bob's line" "agent> Hi, Bob here"

typeline "/quit"
sane_ok "alice's terminal sane after quit"
use bob
typeline "/quit"
sane_ok "bob's terminal sane after quit"

# Sessions keep the channel they came from, also without a terminal.
printf 'hello\n' | "$SHOPDESK" chat >/dev/null 2>&1
printf 'hello\n' | "$SHOPDESK" console >/dev/null 2>&1
"$SHOPDESK" history --json >"$T/sessions" 2>&1
contains "a piped chat is a chat session" "$T/sessions" '"channel":"chat"'
contains "a piped console is a console session" "$T/sessions" \
    '"channel":"console"'

finish
