#!/bin/sh
# End-to-end: the agent desk shows the proactive messages sent to the
# customer (shopdesk triggers), in the customer panel beside the
# conversation: which trigger, when it was sent, and whether the
# customer's client has fetched it yet.
#
# C1001 talks to the shop over the API; the triggers (at 12:00) send an
# abandoned-cart and a holiday-gifts message into that open session; at
# 12:05 her client reads the first only.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/api-lib.sh"
. "$top_srcdir/tests/console-lib.sh"
trap 'tm kill-server 2>/dev/null; [ -n "$SERVER_PID" ] && kill -KILL "$SERVER_PID" 2>/dev/null; rm -rf "$T"' EXIT

run_ok "an API key" "$SHOPDESK" -q apikey create --name shop
KEY=$(cat "$T/out")
start_server talk
req POST /api/chat/message '{"user_id":"C1001","message":"hello"}' "$KEY"
sid=$(sed -n 's/.*"session_id":"\([^"]*\)".*/\1/p' "$T/body")
[ -n "$sid" ]; ok $? "C1001 opens a session over the API"
stop_server
run_ok "the triggers run" "$SHOPDESK" -q triggers run
SHOPDESK_NOW=2026-11-20T12:05:00Z start_server read
req GET "/api/chat/history/$sid?offset=2&limit=1" "" "$KEY"
contains "her client reads the abandoned-cart message" "$T/body" "Hi Jordan, you left"
not_contains "and not the next one" "$T/body" "Looking for gifts"
stop_server

start_shell
typeline "$SHOPDESK console --desk --agent alice"
expect "the desk opens" "Sessions ("
typeline "/open $sid"
expect "the session opens with its customer panel" "Customer C1001 Jordan Lee"
expect "the proactive messages sent to her are listed" "Proactive messages (2)"
expect "which trigger, marked as this session's" "abandoned-cart here"
expect "when it was sent and seen" "sent 11-20 12:00, seen 11-20 12:05"
expect "another" "holiday-gifts here"
expect "not seen yet" "sent 11-20 12:00, not seen"
expect "the conversation holds them" "Hi Jordan, you left"

SHOPDESK_NOW=2026-11-20T12:30:00Z start_server later
req GET "/api/chat/history/$sid" "" "$KEY"
stop_server
typeline "/customer"
expect "once her client fetched the other, the panel says so" \
    "sent 11-20 12:00, seen 11-20 12:30"
expect "the first keeps its time" "sent 11-20 12:00, seen 11-20 12:05"
expect_gone "none is unseen" "not seen"

typeline "/customer C1005"
expect "another customer's" "Customer C1005 Olivia Ramos"
expect "name the session they are in" "price-drop in w"
expect "not seen" "sent 11-20 12:00, not seen"
expect "and quote the message" "\"Good news, Olivia: the Sonos Beam"
typeline "/customer C1009"
expect "a customer who got none" "Customer C1009"
expect_gone "has no such section" "Proactive messages"

typeline "/quit"
sane_ok "terminal sane after quit"
finish
