#!/bin/sh
# End-to-end: the console in a terminal (tmux): a conversation with its
# context and debug panes, turn selection, every slash command, resize,
# wide characters, monochrome, and a sane terminal after quit, Ctrl-C and
# a crash signal.  Plus the non-terminal fallback (replay).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/console-lib.sh"

# Not a terminal: no curses, the script is replayed.
printf 'hello\n' | "$SHOPDESK" console >"$T/out" 2>"$T/err"
ok $? "console without a terminal runs as replay"
contains "replay prints the reply" "$T/out" "bot> "
! grep -q "$(printf '\033')" "$T/out"
ok $? "no escape sequences without a terminal"

start_shell
typeline "$SHOPDESK console --user C1001 --agent alice"
expect "console starts with a prompt" "you>"
expect "status line names the user" "user C1001"
expect "new session until the first line" "Session (new)"

typeline 'I need a gaming laptop under $1500'
expect "reply in the conversation" "\$1,299 stands out"
expect "user line numbered" "#1  12:00 you>"
expect "bot line" "12:00 bot>"
expect "context pane lists a retrieved product" "product  LAP-"
expect "context pane counts citations" "Turn #1:"
expect "debug pane shows the intent" "intent  recommendation"
expect "debug pane shows the verdict" "verdict ok  threshold"
expect "debug pane shows the feeling and its score" "feeling none             1.00"
expect "debug pane shows an entity and its extractor" "by gazetteer"
expect "debug pane shows the action" "action  recommend"
expect "debug pane shows per-stage timings" "time    normalize"
expect "debug pane shows the dialogue state" "*filters"
keys F9
keys F9
keys NPage
expect_gone "PgDn scrolls the focused (debug) pane" "intent  recommendation"
keys PPage
expect "PgUp scrolls it back" "intent  recommendation"
keys F9
expect "status line shows the session" "| s000002 |"
"$SHOPDESK" history --json >"$T/sessions" 2>&1
contains "the console's session is stored as console" "$T/sessions" \
    '"id":"s000002","user_id":"C1001","channel":"console"'

typeline "how is the battery life?"
expect "second turn answered" "4-6 hours"
expect "second turn numbered" "#2  12:00 you>"
expect "debug follows the latest turn" "intent  product_specs"

keys F5
expect "F5 selects the previous turn" "Debug (selected turn)"
expect "its debug data comes back" "intent  recommendation"
keys F6
expect_gone "F6 back to the latest" "(selected turn)"
typeline "/turn 1"
expect "/turn 1 selects the first turn" "turn #1 of 2"
typeline "/turn 9"
expect "/turn out of range is a hint" "/turn: a number from 1 to 2"

typeline "compare the ROG Strix G15 and the Legion 5"
expect "comparison table" "battery_life"
screen
ok $(awk '/refresh_hz/ { print (index($0, "300") > 0 && index($0, "165") > 0) ? 0 : 1; exit }' "$T/screen") \
    "comparison row shows both values on one row"

typeline "/search warranty"
expect "/search shows results in the context pane" "Context: search"
expect "/search lists hits" "hits"
typeline "/search"
expect_gone "/search alone goes back to the turns" "Context: search"

typeline "/feedback up very helpful"
expect "/feedback up stores a rating" "Thanks: rated message"
[ "$("$top_builddir/tests/sql-value" "$SHOPDESK_DB" "SELECT rating || ':' || comment FROM feedback")" = "5:very helpful" ]
ok $? "feedback row: rating 5 and the comment"
typeline "/feedback sideways"
expect "/feedback with a bad rating is a hint" "usage: /feedback up|down"

typeline "/panes"
expect "/panes reports the panes" "Panes: conversation 55%"
typeline "/panes debug off"
expect_gone "/panes debug off hides the debug pane" "Debug"
typeline "/panes debug on"
expect "/panes debug on shows it" "Debug"
typeline "/panes size 70"
expect "/panes size" "conversation 70%"
typeline "/panes reset"
keys F2
expect_gone "F2 hides the context pane" "Context"
keys F2
expect "F2 shows it again" "Context"
keys F3
expect_gone "F3 hides the debug pane" "Debug"
keys F3

typeline "/session"
expect "/session describes the session" "Session s000002, user C1001"
typeline "/history"
expect "/history lists the user's sessions" "Sessions of C1001"

keys F1
expect "F1 shows the keys" "Keys: F1 help"
typeline "/help"
expect "/help lists the commands" "/takeover [--force]    answer"

typeline "/frobnicate"
expect "unknown command gets a hint" "Unknown command /frobnicate"
typeline "/sess"
expect "a prefix gets a suggestion" "Did you mean /session"

keys -l "/he"
keys Tab
expect "Tab completes slash commands" "you> /help"
keys C-u
keys -l "tell me about asus rog strix g"
keys Tab
expect "Tab completes product names" "tell me about ASUS ROG Strix G15"
keys C-u
keys -l "tell me about asus rog st"
keys Tab
expect "Tab lists several products" "2 matches:  ASUS ROG Strix G15  ASUS ROG Strix SCAR 16"
keys C-u
keys -l "where is order 1207"
keys Tab
expect "Tab completes the user's order numbers" "where is order 12076"
keys C-u
keys -l "where is order 123"
keys Tab
expect "Tab lists the user's orders only" "2 matches:  12345  12312"
keys C-u
keys -l "/user C100"
keys Tab
expect "Tab lists customer ids" "matches:  C1001"
keys C-u

typeline "/user NOBODY"
expect "/user with an unknown id" "no such customer"
typeline "/user C1002"
expect "/user switches the customer" "You are C1002"
expect "and starts a new session" "Session (new)"
typeline "/escalate"
expect "/escalate without a session is a hint" "no session yet"
typeline "I want to talk to a person about my order"
expect "a turn as C1002" "#1  12:00 you>"
typeline "/escalate asked from the test"
expect "/escalate marks the session" "escalated: asked from the test"
typeline "/new"
expect "/new starts a new session" "Session (new)"
typeline "/session s000002"
expect "/session ID continues a session" "Session s000002 | user C1001"

typeline "/sessions"
expect "/sessions lists sessions" "Sessions ("
expect "escalated sessions first (our own escalation unmarked)" ">  s000003"
keys Escape
expect_gone "Esc closes the sessions view" "Sessions ("

typeline "/open s000002"
expect "/open watches a session" "Watching s000002"
typeline "hello?"
expect "watching does not talk as the customer" "Not sent: you are watching s000002"
expect "the line is back in the input" "watch> hello?"
keys C-u
typeline "/takeover"
expect "/takeover holds the session" "You (alice) hold s000002"
expect "the prompt says agent" "agent>"
typeline "Hello, Alice from support here"
expect "agent line in the conversation" "agent> Hello, Alice from support here"
typeline "/handback"
expect "/handback returns it to the bot" "s000002 is back with the bot"
typeline "/open nope"
expect "/open with an unknown session" "no such session"

# Wide and combining characters go through readline and the panes.
typeline "/new"
typeline "日本語のテキストを見せて café"
expect "wide characters in the conversation" "you>   日本語のテキストを見せて café"

# Resize to the smallest supported size and back.
tm resize-window -t sd -x 80 -y 24
expect "80x24: status line with the database's name" "db shop.db"
screen
[ "$(sed -n 23p "$T/screen" | cut -c1-4)" = "you>" ]
ok $? "80x24: the input line is on row 23"
expect "80x24: panes stacked under the conversation" "Context"
tm resize-window -t sd -x 120 -y 40
expect "back to 120x40: key hints again" "F4 sessions"
screen
[ "$(sed -n 39p "$T/screen" | cut -c1-4)" = "you>" ]
ok $? "120x40: the input line is on row 39"

typeline "/quit"
expect_gone "/quit leaves the console" "F1 help"
sane_ok "terminal sane after /quit"
ok $(grep -c "you>" "$T/screen" | awk '{ print ($1 == 0) ? 0 : 1 }') \
    "no console left on the screen after quit"
[ -s "$HOME/.local/share/shopdesk/console_history" ]
ok $? "input history saved in the data directory"

# History comes back: Ctrl-R finds an earlier line.
typeline "$SHOPDESK console --user C1001"
expect "console starts again" "you>"
keys C-r
keys -l "battery"
expect "Ctrl-R searches the saved history" "how is the battery life?"
keys C-g
keys C-c
expect_gone "Ctrl-C leaves the console" "F1 help"
sane_ok "terminal sane after Ctrl-C"

# A crash signal restores the terminal before the process dies.
typeline "$SHOPDESK console"
expect "console starts for the crash test" "you>"
kill -SEGV "$(console_pid)"
expect_gone "SIGSEGV ends the console" "F1 help"
sane_ok "terminal sane after SIGSEGV"

# Monochrome: NO_COLOR and a terminal without colours.
typeline "TERM=vt100 NO_COLOR=1 $SHOPDESK console"
expect "console on a monochrome terminal" "you>"
tm capture-pane -p -e -t sd >"$T/esc"
! grep -q "$(printf '\033')\[[0-9;]*3[0-7]m" "$T/esc"
ok $? "NO_COLOR: no colour on screen"
grep -q "$(printf '\033')\[[0-9;]*7m" "$T/esc"
ok $? "monochrome still marks titles (reverse video)"
typeline "/quit"
sane_ok "terminal sane after quitting on a monochrome terminal"

finish
