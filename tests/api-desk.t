#!/bin/sh
# End-to-end: the agent desk over the HTTP API.  Keys with the agent
# role take a session over (a second agent is refused with the holder's
# name unless forced), write as the agent, add a private note the
# customer's history never shows, label and resolve it; a customer's
# key may do none of it.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/api-lib.sh"

run_ok "a customer-facing key" "$SHOPDESK" -q apikey create --name web
KC=$(cat "$T/out")
run_ok "an agent key for alice" "$SHOPDESK" -q apikey create --agent alice
KA=$(cat "$T/out")
run_ok "and one for bob" "$SHOPDESK" -q apikey create --name inbox \
    --agent bob
KB=$(cat "$T/out")
run_ok "list keys" "$SHOPDESK" apikey list
grep -q '^2 .* agent ' "$T/out"; ok $? "list shows the agent role"
contains "and the agent's name" "$T/out" "acts as agent bob"
run_fails "an agent name with a space" 2 "$SHOPDESK" apikey create \
    --agent "a b"

start_server desk --rate 1000 --burst 1000

req POST /api/chat/message \
    '{"user_id":"C1002","message":"where is my order 12072?"}' "$KC"
status_is "a customer's turn" 200
S=$(json_str session_id)

req POST /api/desk/takeover "{\"session_id\":\"$S\"}"
status_is "no key" 401
req POST /api/desk/takeover "{\"session_id\":\"$S\"}" "$KC"
status_is "a customer's key has no agent role" 403
contains "and is told how to get one" "$T/body" "apikey create --agent"

req POST /api/desk/takeover "{\"session_id\":\"$S\"}" "$KA"
status_is "alice takes the session over" 200
contains "nobody held it" "$T/body" '"taken_from":null'
req POST /api/desk/takeover "{\"session_id\":\"$S\"}" "$KB"
status_is "bob's takeover is refused" 409
contains "with the holder's name" "$T/body" "is held by alice"
req POST /api/desk/takeover "{\"session_id\":\"$S\",\"force\":true}" "$KB"
status_is "bob forces it" 200
contains "taken from alice" "$T/body" '"taken_from":"alice"'
[ "$(db "SELECT count(*) FROM desk_notes WHERE kind = 'event' AND text = 'bob took the session over from alice'")" = 1 ]
ok $? "alice's desk gets the event"

req POST /api/desk/message "{\"session_id\":\"$S\",\"text\":\"Alice here\"}" \
    "$KA"
status_is "alice's line after losing it is refused" 409
contains "saying who holds it" "$T/body" "is held by bob now"
req POST /api/desk/message \
    "{\"session_id\":\"$S\",\"text\":\"Bob here: it was delivered on the 28th.\"}" \
    "$KB"
status_is "bob's line is stored" 201
contains "with its id" "$T/body" '"message_id":'

req POST /api/chat/message \
    "{\"session_id\":\"$S\",\"user_id\":\"C1002\",\"message\":\"thanks!\"}" \
    "$KC"
status_is "the customer writes again" 200
contains "the bot stays quiet while bob holds it" "$T/body" '"reply":""'

req POST /api/desk/note \
    "{\"session_id\":\"$S\",\"text\":\"offered a voucher, approved by Sam\"}" \
    "$KB"
status_is "a private note" 201
req GET "/api/chat/history/$S" "" "$KC"
status_is "the customer's history" 200
contains "shows bob's line" "$T/body" "Bob here: it was delivered"
not_contains "never the note" "$T/body" "voucher"
not_contains "nor the desk's events" "$T/body" "took the session over"

req POST /api/desk/label "{\"session_id\":\"$S\",\"label\":\"Refund\"}" "$KB"
status_is "a label" 200
contains "the labels, folded" "$T/body" '"labels":["refund"]'
req POST /api/desk/label "{\"session_id\":\"$S\",\"label\":\"two words\"}" \
    "$KB"
status_is "a label must be one word" 400
contains "naming the field" "$T/body" '"field":"label"'

req POST /api/desk/resolve "{\"session_id\":\"$S\"}" "$KA"
status_is "alice cannot resolve bob's session" 409
req POST /api/desk/resolve "{\"session_id\":\"$S\",\"note\":\"voucher sent\"}" \
    "$KB"
status_is "bob resolves it" 200
contains "closed" "$T/body" '"status":"closed"'
req GET /api/chat/analytics "" "$KC"
status_is "the analytics" 200
contains "count it as resolved by an agent" "$T/body" '"agent_resolved":1'

req POST /api/desk/takeover '{}' "$KA"
status_is "no session_id" 400
contains "names the field" "$T/body" '"field":"session_id"'
req POST /api/desk/takeover '{"session_id":"nope"}' "$KA"
status_is "an unknown session" 404
req POST /api/desk/nosuch "{\"session_id\":\"$S\"}" "$KA"
status_is "an unknown desk action" 404
req GET /api/desk/takeover "" "$KA"
status_is "desk actions are POST" 405

stop_server
ok $STOP_STATUS "the server stops cleanly"
finish
