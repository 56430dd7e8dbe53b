#!/bin/sh
# End-to-end: the chat widget's side of shopdesk serve over loopback.
# Site keys and their origins (CORS preflight and requests), signed
# customer identities (valid, forged, expired, another customer's),
# anonymous visitors who see no orders, sessions a widget cannot leave,
# the widget's files and their security headers, and refusals logged.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/api-lib.sh"

SHOP=http://shop.test:8000
OTHER=https://other.test

run_ok "create a site" "$SHOPDESK" -q site create --name shop --origin "$SHOP"
PK=$(sed -n 's/^public_key //p' "$T/out")
SK=$(sed -n 's/^secret //p' "$T/out")
[ -n "$PK" ] && [ -n "$SK" ]; ok $? "create prints the public key and secret"
run_ok "create a second site" "$SHOPDESK" -q site create --origin "$OTHER"
PK2=$(sed -n 's/^public_key //p' "$T/out")
run_ok "create a site to revoke" "$SHOPDESK" -q site create --origin "$SHOP"
PK3=$(sed -n 's/^public_key //p' "$T/out")
run_ok "revoke it" "$SHOPDESK" -q site revoke 3
run_ok "list sites" "$SHOPDESK" site list
contains "list shows the origins" "$T/out" "$SHOP"
not_contains "list never shows a secret" "$T/out" "$SK"
run_fails "a site without an origin" 2 "$SHOPDESK" site create --name x
run_fails "a site with a bad origin" 1 "$SHOPDESK" site create --origin shop.test
contains "which is named" "$T/err" '"shop.test" is not an origin'
run_fails "revoke an unknown site" 1 "$SHOPDESK" site revoke 99
run_fails "sign for an unknown site" 1 "$SHOPDESK" site sign 99 C1001
run_ok "sign C1001's identity" "$SHOPDESK" site sign 1 C1001
ID1=$(cat "$T/out")
run_ok "sign C1002's identity" "$SHOPDESK" site sign 1 C1002
ID2=$(cat "$T/out")
run_ok "sign an expired identity" "$SHOPDESK" site sign 1 C1001 --expires 1000000000
IDX=$(cat "$T/out")
run_ok "sign with the other site's secret" "$SHOPDESK" site sign 2 C1001
IDO=$(cat "$T/out")
FORGED=$(echo "$ID1" | sed 's/^C1001\./C1002./')

run_ok "an API key" "$SHOPDESK" -q apikey create --name backend
KEY=$(cat "$T/out")
start_server main --rate 1000 --burst 1000

# wreq METHOD PATH ORIGIN KEY IDENTITY [BODY]: a widget's request.
wreq() {
	m=$1; p=$2; o=$3; k=$4; i=$5; b=${6-}
	set -- -s -o "$T/body" -D "$T/hdr" -w '%{http_code}' -X "$m"
	[ -n "$o" ] && set -- "$@" -H "Origin: $o"
	[ -n "$k" ] && set -- "$@" -H "X-Shopdesk-Site: $k"
	[ -n "$i" ] && set -- "$@" -H "X-Shopdesk-Identity: $i"
	[ -n "$b" ] && set -- "$@" -H 'Content-Type: application/json' \
	    --data-binary "$b"
	STATUS=$(curl "$@" "$URL$p")
}

# The widget's files.
req GET /widget/shopdesk.js
status_is "the widget's script" 200
grep -qi '^Content-Type: text/javascript' "$T/hdr"; ok $? "served as JavaScript"
grep -qi "^Content-Security-Policy: default-src 'none'; script-src 'self'" "$T/hdr"
ok $? "with a Content-Security-Policy"
grep -qi "frame-ancestors 'self'" "$T/hdr"; ok $? "framed by its own origin only by default"
grep -qi '^X-Content-Type-Options: nosniff' "$T/hdr"; ok $? "and nosniff"
contains "the script reads its site key" "$T/body" "dataset.site"
req GET /widget/shopdesk.css
status_is "its styles" 200
grep -qi '^Content-Type: text/css' "$T/hdr"; ok $? "served as CSS"
req GET /widget/demo.html
status_is "the demo page" 200
not_contains "the demo page has no inline script" "$T/body" "<script>"
req GET /widget/..%2fserve.h
status_is "no path out of the widget's folder" 404
req GET /widget/shopdesk.exe
status_is "no other kinds of file" 404
req POST /widget/shopdesk.js '{}'
status_is "the files are GET only" 405

# CORS preflights.
wreq OPTIONS /api/chat/message "$SHOP" "" ""
status_is "a preflight from the shop's origin" 204
grep -qi "^Access-Control-Allow-Origin: $SHOP" "$T/hdr"; ok $? "allows that origin"
grep -qi '^Access-Control-Allow-Headers:.*X-Shopdesk-Identity' "$T/hdr"
ok $? "and the widget's headers"
wreq OPTIONS /api/chat/message "https://evil.test" "" ""
status_is "a preflight from a foreign origin" 403
grep -qi '^Access-Control-Allow-Origin' "$T/hdr"; ok $((! $?)) "gets no CORS header"
wreq OPTIONS /api/chat/analytics "$SHOP" "" ""
status_is "no preflight for analytics" 405

# An anonymous visitor.
wreq POST /api/chat/message "$SHOP" "$PK" "" '{"message":"where is my order?"}'
status_is "an anonymous visitor's message" 200
grep -qi "^Access-Control-Allow-Origin: $SHOP" "$T/hdr"; ok $? "the answer allows the page's origin"
grep -qi '^Vary: Origin' "$T/hdr"; ok $? "and varies by origin"
not_contains "the visitor sees no customer's orders" "$T/body" "placed 20"
SV=$(json_str session_id)
[ -n "$SV" ]; ok $? "a session for the visitor"
[ "$(db "SELECT user_id FROM sessions WHERE id = '$SV'")" = "visitor-$(echo "$SV" | cut -c1-16)" ]
ok $? "stored as an anonymous visitor"
wreq POST /api/chat/message "$SHOP" "$PK" "" '{"message":"do you sell the sony wh-1000xm5?"}'
status_is "a product question" 200
contains "the answer carries product cards" "$T/body" '"products":[{"sku":"AUD-1008"'
wreq POST /api/chat/message "$SHOP" "$PK" "" '{"user_id":"C1001","message":"where is my order?"}'
status_is "a widget cannot name the customer" 400
contains "and is told why" "$T/body" "signed identity"

# Refusals.
wreq POST /api/chat/message "https://evil.test" "$PK" "" '{"message":"hi"}'
status_is "a foreign origin" 403
contains "is named" "$T/body" "https://evil.test is not allowed"
wreq POST /api/chat/message "" "$PK" "" '{"message":"hi"}'
status_is "no origin" 403
wreq POST /api/chat/message "$SHOP" "pk_nope" "" '{"message":"hi"}'
status_is "an unknown site key" 401
wreq POST /api/chat/message "$SHOP" "$PK3" "" '{"message":"hi"}'
status_is "a revoked site key" 401
wreq POST /api/chat/message "$OTHER" "$PK2" "" '{"message":"hi"}'
status_is "the other site from its own origin" 200
wreq POST /api/chat/message "$SHOP" "$PK2" "" '{"message":"hi"}'
status_is "the other site's key from this shop's origin" 403
wreq POST /api/chat/message "$SHOP" "$PK" "$FORGED" '{"message":"where is my order?"}'
status_is "a token edited to another customer" 401
contains "says the signature does not match" "$T/body" "signature does not match"
wreq POST /api/chat/message "$SHOP" "$PK" "$IDX" '{"message":"where is my order?"}'
status_is "an expired token" 401
contains "says it expired" "$T/body" "expired"
wreq POST /api/chat/message "$SHOP" "$PK" "$IDO" '{"message":"where is my order?"}'
status_is "a token signed by another site" 401
wreq POST /api/chat/message "$SHOP" "$PK" "garbage" '{"message":"hi"}'
status_is "a malformed token" 401
wreq GET /api/chat/analytics "$SHOP" "$PK" ""
status_is "a site key opens no analytics" 403

# A signed-in customer.
wreq POST /api/chat/message "$SHOP" "$PK" "$ID1" '{"message":"where is my order?"}'
status_is "C1001, signed, asks for orders" 200
contains "and sees their own orders" "$T/body" "#12345 (ASUS ROG Strix G15"
S1=$(json_str session_id)
M1=$(json_num message_id)
wreq POST /api/chat/message "$SHOP" "$PK" "$ID1" "{\"session_id\":\"$S1\",\"message\":\"thanks\"}"
status_is "C1001 goes on in the session" 200
wreq POST /api/chat/message "$SHOP" "$PK" "$ID2" "{\"session_id\":\"$S1\",\"message\":\"where is my order?\"}"
status_is "C1002 cannot write in C1001's session" 404
wreq POST /api/chat/message "$SHOP" "$PK" "" "{\"session_id\":\"$S1\",\"message\":\"hi\"}"
status_is "nor can an anonymous visitor" 404
wreq POST /api/chat/message "$SHOP" "$PK" "$ID1" "{\"session_id\":\"$SV\",\"message\":\"hi\"}"
status_is "a visitor's session does not become a customer's" 404

# History and feedback stay within the session's customer.
wreq GET "/api/chat/history/$S1" "$SHOP" "$PK" "$ID1"
status_is "C1001 reads the history" 200
contains "with the messages" "$T/body" "where is my order?"
not_contains "without traces" "$T/body" '"trace"'
wreq GET "/api/chat/history/$S1?debug=1" "$SHOP" "$PK" "$ID1"
not_contains "even when asked for" "$T/body" '"trace"'
wreq GET "/api/chat/history/$S1" "$SHOP" "$PK" "$ID2"
status_is "C1002 cannot" 404
wreq GET "/api/chat/history/$S1" "$SHOP" "$PK" ""
status_is "nor an anonymous visitor" 404
wreq GET "/api/chat/history/$S1" "$OTHER" "$PK2" ""
status_is "nor the other site" 404
wreq GET "/api/chat/history/$SV" "$SHOP" "$PK" ""
status_is "the visitor reads their own" 200
req GET "/api/chat/history/$S1"
status_is "an API key is still needed without a site key" 401

# The session's events: its messages as a stream, to its own customer.
curl -sN --max-time 2 -o "$T/events" -D "$T/hdr" -H "Origin: $SHOP" \
    -H "X-Shopdesk-Site: $PK" -H "X-Shopdesk-Identity: $ID1" \
    "$URL/api/chat/events/$S1?after=1"
grep -qi '^Content-Type: text/event-stream' "$T/hdr"; ok $? "events stream as server-sent events"
grep -qi "^Access-Control-Allow-Origin: $SHOP" "$T/hdr"; ok $? "to the page's origin"
contains "with the session's messages" "$T/events" '"role":"bot"'
not_contains "from the after-th on" "$T/events" '"seq":1,'
wreq GET "/api/chat/events/$S1" "$SHOP" "$PK" "$ID2"
status_is "C1002 cannot listen to C1001's session" 404
wreq GET "/api/chat/events/$S1" "$OTHER" "$PK2" ""
status_is "nor the other site" 404
wreq GET "/api/chat/events/$S1?after=-1" "$SHOP" "$PK" "$ID1"
status_is "a negative after" 400
wreq POST /api/chat/feedback "$SHOP" "$PK" "$ID2" "{\"message_id\":$M1,\"rating\":\"up\"}"
status_is "C1002 cannot rate C1001's reply" 404
wreq POST /api/chat/feedback "$SHOP" "$PK" "$ID1" "{\"message_id\":$M1,\"rating\":\"up\"}"
status_is "C1001 rates it" 201
[ "$(db "SELECT rating FROM feedback WHERE message_id = $M1")" = 5 ]; ok $? "the rating is stored"

# Proactive messages reach the customer's widget.
run_ok "the triggers run" "$SHOPDESK" -q triggers run
wreq GET /api/chat/notifications "$SHOP" "$PK" "$ID1"
status_is "C1001's notifications" 200
contains "hold the abandoned cart's message" "$T/body" "Hi Jordan, you left"
NS=$(json_str session_id)
not_contains "and nobody else's" "$T/body" "Hi Paige"
wreq GET "/api/chat/history/$NS" "$SHOP" "$PK" "$ID1"
status_is "the widget may open the message's session" 200
contains "which holds it" "$T/body" "Hi Jordan, you left"
wreq GET /api/chat/notifications "$SHOP" "$PK" "$ID2"
not_contains "C1002 does not see C1001's" "$T/body" "Hi Jordan"
wreq GET "/api/chat/history/$NS" "$SHOP" "$PK" "$ID2"
status_is "nor open that session" 404
wreq GET /api/chat/notifications "$SHOP" "$PK" ""
status_is "an anonymous visitor" 200
contains "has none" "$T/body" '{"notifications":[]}'
req GET "/api/chat/notifications?user_id=C1005" "" "$KEY"
status_is "an API key asks for a customer's" 200
contains "and gets them" "$T/body" "Good news, Olivia"
req GET "/api/chat/notifications" "" "$KEY"
status_is "an API key must name the customer" 400
wreq GET "/api/chat/notifications?after=999999" "$SHOP" "$PK" "$ID1"
contains "after the last one there is nothing" "$T/body" '{"notifications":[]}'

stop_server
grep -q '"POST /api/chat/message" 401 .*refused="bad site key or identity"' "$T/main.log"
ok $? "bad tokens are logged as refused"
grep -q '"POST /api/chat/message" 403 .*refused="foreign origin"' "$T/main.log"
ok $? "foreign origins are logged as refused"
not_contains "the log holds no token" "$T/main.log" "$ID1"
finish
