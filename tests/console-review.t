#!/bin/sh
# End-to-end: review mode in the console.  /review lists the turns worth
# a look; Enter opens one with its traces and a review card; the reviewer
# marks it, corrects the intent (Tab completes it), entity, product and
# reply, and what the console stored is what "shopdesk review show" and
# the exported story say.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/console-lib.sh"

printf 'hi, I am ann@example.com\ncan i get a cheap reader tablet\n' |
    "$SHOPDESK" -q replay >/dev/null 2>&1
printf '/user C1001\nhow much is the ROG Strix G15?\n' |
    "$SHOPDESK" -q replay >/dev/null 2>&1
ok $? "two conversations"

start_shell
typeline "$SHOPDESK console --agent alice"
expect "the console" "you>"
typeline "/review"
expect "the review queue" "Review queue (2)"
expect "the worst turn first, selected" ">      1   6.5  s000001#1"
expect "with its reasons" "why:      angry, fallback, low relevance 0/3"
expect "the misread request" "       3   5.4  s000001#2    get_refund           0.29"
expect "its line under it" "customer: can i get a cheap reader tablet"
keys Down
expect "Down selects it" ">      3   5.4"
keys Enter
expect "Enter watches its session" "Watching s000001"
expect "the review card in the debug pane" "Review of turn #2 (line 3)"
expect "not reviewed yet" "not reviewed"
expect "the intent scores beside it" "intent  get_refund       0.29"
expect "the entities" "category  tablets"
expect "the status line says what to do" "reviewing turn 3 (s000001#2)"
echo "# A turn opened for review:"
screen; dump

tm send-keys -t sd -l "/review intent recom"
keys Tab
expect "Tab completes the intent" "watch> /review intent recommendation"
keys Enter
expect "the correction is stored, the turn marked bad" \
    "bad by alice: intent recommendation"
typeline "/review intent recomendation"
expect "an unknown intent is refused" 'unknown intent "recomendation"'
typeline "/review entity colour=red"
expect "an unknown entity type is refused" 'entity "colour=red": unknown'
typeline "/review entity category=tablets"
expect "an entity" "intent recommendation, entity category=tablets"
typeline "/review product XYZ"
expect "an unknown product is refused" 'product "XYZ": no such SKU'
typeline "/review reply We have several tablets: the Apple iPad Air 11-inch at \$599 is rated best."
expect "the reply it should have given" "should say: We have several tablets"
echo "# The turn reviewed:"
screen; dump

typeline "/review next"
expect "next: the other turn of the queue" "reviewing turn 1 (s000001#1)"
typeline "/review good"
expect "marked good" "good by alice"
typeline "/review all"
expect "the queue with reviewed turns" "Review queue (2, reviewed too)"
expect "marked in the list" "[bad]"
keys Escape
expect_gone "Esc closes it" "Review queue"
typeline "/quit"
sane_ok "terminal sane after quit"

"$SHOPDESK" review show 3 >"$T/out" 2>&1
contains "review show sees what the console stored" "$T/out" \
    "review      bad by alice: intent recommendation, entity category=tablets"
"$SHOPDESK" -q export stories >"$T/out" 2>&1
contains "and the story expects it" "$T/out" "> can i get a cheap reader tablet
intent: recommendation
entity: category=tablets
reply-like: We have several tablets"
finish
