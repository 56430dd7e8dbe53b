#!/bin/sh
# End-to-end: a proactive message is seen when the customer's client
# fetches it: the notifications list, the session's event stream, or
# the session's history over the API.  The first time is kept; the
# report and the analytics endpoint count seen per trigger.
#
# On the demo store at 2026-11-20T12:00Z the triggers send 9
# abandoned-cart, 49 holiday-gifts and 2 price-drop messages.  C1001 and
# C1003 each get an abandoned-cart and a holiday-gifts message, in the
# session they have open; C1005 an abandoned-cart and a price-drop one.
# C1001's arrive by the event stream, C1003 reads the history, C1005's
# client lists the notifications: abandoned-cart 3 seen, holiday-gifts
# 2, price-drop 1.  C1003 then answers: 1 replied each for
# abandoned-cart and holiday-gifts.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/api-lib.sh"
db() { "$APIDB" "$SHOPDESK_DB" "$1"; }

run_ok "an admin key" "$SHOPDESK" -q apikey create --name ops --admin
KEY=$(cat "$T/out")
run_ok "a key for one front end" "$SHOPDESK" -q apikey create --name shop
KEY2=$(cat "$T/out")
start_server main
req POST /api/chat/message '{"user_id":"C1001","message":"hello"}' "$KEY"
S1=$(sed -n 's/.*"session_id":"\([^"]*\)".*/\1/p' "$T/body")
req POST /api/chat/message '{"user_id":"C1003","message":"hi there"}' "$KEY"
S3=$(sed -n 's/.*"session_id":"\([^"]*\)".*/\1/p' "$T/body")
[ -n "$S1" ] && [ -n "$S3" ]; ok $? "C1001 and C1003 have a session open"
run_ok "the triggers run" "$SHOPDESK" -q triggers run
[ "$(db "SELECT count(*) FROM trigger_firings WHERE session_id IN ('$S1', '$S3')")" = 4 ]
ok $? "C1001's and C1003's messages go to their open sessions"
[ "$(db 'SELECT count(*) FROM trigger_firings WHERE seen_at IS NOT NULL')" = 0 ]
ok $? "sent is not seen"
run_ok "the report" "$SHOPDESK" triggers report
grep -q '^abandoned-cart  *9  *0  *0  *0$' "$T/out"; ok $? "nothing seen yet"

curl -s --max-time 2 -H "Authorization: Bearer $KEY" \
    "$URL/api/chat/events/$S1?after=2" >"$T/events"
contains "the event stream delivers C1001's message" "$T/events" "Hi Jordan, you left"
[ "$(db "SELECT count(*) FROM trigger_firings WHERE session_id = '$S1' AND seen_at = '2026-11-20T12:00:00Z'")" = 2 ]
ok $? "both of C1001's are seen, when they were streamed"
req GET "/api/chat/history/$S3" "" "$KEY"
contains "C1003's client reads the session" "$T/body" "Hi Gabriel"
[ "$(db "SELECT count(*) FROM trigger_firings WHERE session_id = '$S3' AND seen_at IS NOT NULL")" = 2 ]
ok $? "both of C1003's are seen"
[ "$(db "SELECT count(*) FROM trigger_firings WHERE customer = 'C1005' AND seen_at IS NOT NULL")" = 0 ]
ok $? "C1005's are not, yet"
req GET "/api/chat/notifications?user_id=C1005" "" "$KEY"
contains "C1005's client lists the notifications" "$T/body" "Hi Olivia"
[ "$(db "SELECT count(*) FROM trigger_firings WHERE customer = 'C1005' AND seen_at IS NOT NULL")" = 2 ]
ok $? "both are seen"
[ "$(db 'SELECT count(*) FROM trigger_firings WHERE seen_at IS NOT NULL')" = 6 ]
ok $? "and no one else's (6)"
req POST /api/chat/message "{\"session_id\":\"$S3\",\"user_id\":\"C1003\",\"message\":\"what colours does it come in?\"}" "$KEY"
[ "$STATUS" = 200 ]; ok $? "C1003 answers (status $STATUS)"
stop_server

# A day later the same fetches keep the first time.
SHOPDESK_NOW=2026-11-21T09:00:00Z start_server later
req GET "/api/chat/notifications?user_id=C1005" "" "$KEY"
req GET "/api/chat/history/$S1" "" "$KEY"
[ "$(db "SELECT count(*) FROM trigger_firings WHERE seen_at = '2026-11-20T12:00:00Z'")" = 6 ]
ok $? "seen again, the first time stays"
req GET /api/chat/analytics "" "$KEY"
[ "$STATUS" = 200 ]; ok $? "the analytics (status $STATUS)"
contains "count seen per trigger" "$T/body" \
    '"triggers":[{"trigger":"abandoned-cart","sent":9,"seen":3,"replied":1,"converted":0,"converted_within_days":7},{"trigger":"holiday-gifts","sent":49,"seen":2,"replied":1,"converted":0,"converted_within_days":7},{"trigger":"price-drop","sent":2,"seen":1,"replied":0,"converted":0,"converted_within_days":7}]'
req GET /api/chat/analytics "" "$KEY2"
not_contains "a key that is not the shop's admin sees no triggers" "$T/body" '"triggers"'
stop_server

run_ok "the report" "$SHOPDESK" triggers report
contains "has a SEEN column" "$T/out" "TRIGGER                    SENT   SEEN  REPLIED  CONVERTED"
grep -q '^abandoned-cart  *9  *3  *1  *0$' "$T/out"; ok $? "abandoned-cart: 9 sent, 3 seen, 1 replied"
grep -q '^holiday-gifts  *49  *2  *1  *0$' "$T/out"; ok $? "holiday-gifts: 49 sent, 2 seen, 1 replied"
grep -q '^price-drop  *2  *1  *0  *0$' "$T/out"; ok $? "price-drop: 2 sent, 1 seen"
finish
