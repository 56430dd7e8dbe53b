#!/bin/sh
# End-to-end: shopdesk serve on a loopback port, every endpoint, every
# error code, API keys and their sessions, the rate limit, metrics, the
# access log, stats over what the API stored, and a clean shutdown.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/api-lib.sh"

run_ok "create a key" "$SHOPDESK" -q apikey create --name web
K1=$(cat "$T/out")
run_ok "create a second key" "$SHOPDESK" -q apikey create --name other
K2=$(cat "$T/out")
run_ok "create a key to revoke" "$SHOPDESK" -q apikey create
K3=$(cat "$T/out")
run_ok "revoke it" "$SHOPDESK" -q apikey revoke 3
run_ok "create an admin key" "$SHOPDESK" -q apikey create --name ops --admin
KA=$(cat "$T/out")
run_ok "list keys" "$SHOPDESK" apikey list
contains "list shows the name" "$T/out" "web"
grep -q '^4 .* admin .* ops$' "$T/out"; ok $? "list shows the admin role"
grep -q '^1 .* key .* web$' "$T/out"; ok $? "and the plain one"
run_fails "apikey create with a stray argument" 2 "$SHOPDESK" apikey create x
not_contains "list does not show the key" "$T/out" "$K1"
run_fails "revoke an unknown key" 1 "$SHOPDESK" apikey revoke 99
contains "revoke names the key" "$T/err" "no API key 99"

start_server main --rate 1000 --burst 1000
contains "serve says where it listens" "$T/main.err" "listening on http://127.0.0.1:"

# Health and metrics need no key.
req GET /healthz
status_is "GET /healthz" 200
contains "healthz says ok" "$T/body" '"status":"ok"'
req POST /healthz '{}'
status_is "POST /healthz is a wrong method" 405
grep -qi '^Allow: GET' "$T/hdr"; ok $? "405 says Allow: GET"

# Auth.
req POST /api/chat/message '{"user_id":"C001","message":"hello"}'
status_is "no key" 401
grep -qi '^WWW-Authenticate: Bearer' "$T/hdr"; ok $? "401 asks for a bearer token"
contains "401 is JSON" "$T/body" '"error":'
req POST /api/chat/message '{"user_id":"C001","message":"hello"}' sdk_nope
status_is "an unknown key" 401
req POST /api/chat/message '{"user_id":"C001","message":"hello"}' "$K3"
status_is "a revoked key" 401

# A conversation.
req POST /api/chat/message \
    '{"user_id":"C001","message":"I need a gaming laptop under $1500"}' "$K1"
status_is "POST /api/chat/message starts a session" 200
grep -qi '^Content-Type: application/json' "$T/hdr"; ok $? "JSON content type"
S1=$(json_str session_id)
M1=$(json_num message_id)
[ -n "$S1" ]; ok $? "the answer has a session id ($S1)"
[ -n "$M1" ]; ok $? "and a message id ($M1)"
for k in '"reply":' '"intent":{"name":' '"entities":[' '"citations":' \
    '"user_message_id":'; do
	contains "the answer has $k" "$T/body" "$k"
done
not_contains "no trace without debug" "$T/body" '"trace":'
contains "the other picks come as rows" "$T/body" \
    '"tables":[{"kind":"products","columns":["#","product","price","rating","reviews","availability"],"rows":[["2","'
req POST '/api/chat/message?debug=1' \
    "{\"session_id\":\"$S1\",\"user_id\":\"C001\",\"message\":\"how long does the battery last?\"}" "$K1"
status_is "a second turn in the session" 200
[ "$(json_str session_id)" = "$S1" ]; ok $? "same session"
contains "debug adds the trace" "$T/body" '"trace":{'
contains "the trace has timings" "$T/body" '"timings_us":'
M2=$(json_num message_id)
req POST /api/chat/message \
    "{\"session_id\":\"$S1\",\"user_id\":\"C001\",\"message\":\"thanks!\"}" "$K1"
status_is "a third turn" 200
[ "$(db "SELECT count(*) FROM messages WHERE session_id = '$S1'")" = 6 ]
ok $? "six messages stored for three turns"
[ "$(db "SELECT key_id FROM api_sessions WHERE session_id = '$S1'")" = 1 ]
ok $? "the session is recorded with its key"

# History, paged, and only for its own key.
req GET "/api/chat/history/$S1" "" "$K1"
status_is "GET history" 200
contains "history has the first line" "$T/body" "gaming laptop under"
[ "$(json_num total)" = 6 ]; ok $? "history total is 6"
req GET "/api/chat/history/$S1?offset=2&limit=2" "" "$K1"
status_is "GET history, one page" 200
[ "$(grep -o '"seq":' "$T/body" | wc -l)" -eq 2 ]; ok $? "the page has two messages"
contains "the page starts at seq 3" "$T/body" '"seq":3'
not_contains "and not before" "$T/body" '"seq":2,'
req GET "/api/chat/history/$S1?limit=0" "" "$K1"
status_is "limit 0" 400
contains "the error names limit" "$T/body" '"field":"limit"'
req GET "/api/chat/history/$S1?offset=-1" "" "$K1"
status_is "a negative offset" 400
contains "the error names offset" "$T/body" '"field":"offset"'
req GET "/api/chat/history/$S1" "" "$K2"
status_is "another key's session is not found" 404
req GET /api/chat/history/nosuchsession "" "$K1"
status_is "an unknown session" 404
req GET "/api/chat/history/..%2F..%2Fetc" "" "$K1"
status_is "a made-up id" 404
req POST /api/chat/message \
    "{\"session_id\":\"$S1\",\"user_id\":\"C001\",\"message\":\"hi\"}" "$K2"
status_is "another key cannot talk in the session" 404
contains "404 names session_id" "$T/body" '"field":"session_id"'
req POST /api/chat/message \
    '{"session_id":"nosuchsession","user_id":"C001","message":"hi"}' "$K1"
status_is "an unknown session_id" 404
req POST /api/chat/message \
    "{\"session_id\":\"$S1\",\"user_id\":\"C002\",\"message\":\"hi\"}" "$K1"
status_is "another user in the session" 400
contains "400 names user_id" "$T/body" '"field":"user_id"'

# Bad requests name the field.
req POST /api/chat/message '{"user_id":"C001","message":' "$K1"
status_is "malformed JSON" 400
contains "it says malformed" "$T/body" "malformed JSON"
req POST /api/chat/message '[1,2]' "$K1"
status_is "not an object" 400
req POST /api/chat/message '{"user_id":"C001"}' "$K1"
status_is "missing message" 400
contains "names message" "$T/body" '"field":"message"'
req POST /api/chat/message '{"message":"hello"}' "$K1"
status_is "missing user_id" 400
contains "names user_id" "$T/body" '"field":"user_id"'
req POST /api/chat/message '{"user_id":"C001","message":42}' "$K1"
status_is "message not a string" 400
req POST /api/chat/message '{"user_id":"C001","message":"   "}' "$K1"
status_is "blank message" 400
printf '{"user_id":"C001","message":"caf\377"}' >"$T/bad-utf8.json"
req POST /api/chat/message "@$T/bad-utf8.json" "$K1"
status_is "invalid UTF-8" 400
contains "says UTF-8" "$T/body" "UTF-8"
req POST /api/chat/message '{"user_id":"C001","message":"hi","session_id":7}' "$K1"
status_is "session_id not a string" 400
req GET /api/chat/message "" "$K1"
status_is "GET on the message endpoint" 405
req GET /api/chat/nothing "" "$K1"
status_is "unknown endpoint" 404
req GET /nothing
status_is "unknown path" 404
req GET '/no%0Afake%20line%22'
status_is "a path with a newline in it is refused" 400

# Limits: 413.
awk 'BEGIN { printf "{\"user_id\":\"C001\",\"message\":\""; for (i = 0; i < 5000; i++) printf "a"; printf "\"}" }' >"$T/long.json"
req POST /api/chat/message "@$T/long.json" "$K1"
status_is "a message over 4096 bytes" 413
contains "413 names message" "$T/body" '"field":"message"'
awk 'BEGIN { printf "{\"user_id\":\"C001\",\"message\":\""; for (i = 0; i < 70000; i++) printf "a"; printf "\"}" }' >"$T/huge.json"
req POST /api/chat/message "@$T/huge.json" "$K1"
status_is "a body over 64 KiB" 413
STATUS=$(curl -s -o "$T/body" -w '%{http_code}' -H "Authorization: Bearer $K1" \
    -H 'Transfer-Encoding: chunked' --data-binary "@$T/huge.json" \
    "$URL/api/chat/message")
status_is "a chunked body over 64 KiB" 413
req GET /healthz
status_is "the server is still up after the limits" 200

# Feedback.
req POST /api/chat/feedback "{\"message_id\":$M1,\"rating\":\"up\",\"comment\":\"nice\"}" "$K1"
status_is "thumbs up" 201
contains "feedback id" "$T/body" '"feedback_id":'
req POST /api/chat/feedback "{\"message_id\":$M2,\"rating\":2}" "$K1"
status_is "a rating of 2" 201
req POST /api/chat/feedback "{\"message_id\":$M2,\"rating\":\"meh\"}" "$K1"
status_is "a bad rating" 400
contains "names rating" "$T/body" '"field":"rating"'
req POST /api/chat/feedback "{\"message_id\":$M2,\"rating\":6}" "$K1"
status_is "rating 6" 400
req POST /api/chat/feedback '{"rating":"up"}' "$K1"
status_is "no message_id" 400
contains "names message_id" "$T/body" '"field":"message_id"'
req POST /api/chat/feedback '{"message_id":999999,"rating":"up"}' "$K1"
status_is "feedback on an unknown message" 404
req POST /api/chat/feedback "{\"message_id\":$M1,\"rating\":\"down\"}" "$K2"
status_is "feedback on another key's message" 404
req POST /api/chat/feedback "{\"message_id\":$((M1 - 1)),\"rating\":\"up\"}" "$K1"
status_is "feedback on the customer's own line" 400
awk 'BEGIN { printf "{\"message_id\":1,\"rating\":1,\"comment\":\""; for (i = 0; i < 5000; i++) printf "x"; printf "\"}" }' >"$T/longc.json"
req POST /api/chat/feedback "@$T/longc.json" "$K1"
status_is "a comment over 4096 bytes" 413
[ "$(db "SELECT count(*) FROM feedback")" = 2 ]; ok $? "two ratings stored"

# Analytics.
req GET /api/chat/analytics "" "$K1"
status_is "GET analytics" 200
for k in conversations turns resolution_rate fallback_rate escalation_rate \
    satisfaction intents failing latency_us daily; do
	contains "analytics has $k" "$T/body" "\"$k\":"
done
contains "satisfaction counts the ratings" "$T/body" '"ratings":2'
contains "failing lists the line rated 2" "$T/body" "how long does the battery"
contains "analytics has the honest resolution" "$T/body" \
    '"quality":{"resolution":{"conversations":'
contains "and the ratings as helpfulness" "$T/body" \
    '"helpfulness":{"ratings":2,'
# Another key sees none of it: neither counts nor customers' lines.
req GET /api/chat/analytics "" "$K2"
status_is "GET analytics with another key" 200
contains "another key counts no conversation" "$T/body" '"conversations":0,'
contains "nor ratings" "$T/body" '"ratings":0,'
not_contains "nor the customers' lines" "$T/body" "battery"
not_contains "nor their intents" "$T/body" '"intent":"'
contains "nor conversations in quality" "$T/body" \
    '"quality":{"resolution":{"conversations":0,'
req GET /api/chat/analytics "" "$KA"
status_is "GET analytics with an admin key" 200
contains "the admin key sees the ratings" "$T/body" '"ratings":2'
contains "and the failing lines" "$T/body" "how long does the battery"
req GET '/api/chat/analytics?from=2026-11-01&to=2026-11-30' "" "$K1"
status_is "analytics over a range" 200
contains "the range is echoed" "$T/body" '"to":"2026-11-30T23:59:59Z"'
req GET '/api/chat/analytics?from=last-week' "" "$K1"
status_is "a bad date" 400
contains "names from" "$T/body" '"field":"from"'

# Metrics in the Prometheus text format.
req GET /metrics
status_is "GET /metrics" 200
contains "metrics count message requests" "$T/body" \
    'shopdesk_http_requests_total{route="message",code="200"}'
contains "metrics have a turn histogram" "$T/body" \
    'shopdesk_turn_duration_seconds_bucket{le="+Inf"}'
contains "metrics count 413s" "$T/body" 'code="413"'

stop_server
ok $STOP_STATUS "SIGTERM stops the server cleanly"
contains "it says it stopped" "$T/main.err" "stopped"
contains "the access log has a line per request" "$T/main.log" \
    '"POST /api/chat/message" 200'
contains "the access log shows the key" "$T/main.log" "key=1"
! grep -q '^fake' "$T/main.log"
ok $? "a decoded newline does not split a log line"

# Without auth, and the rate limit (per client address then).
start_server open --no-auth --rate 0.5 --burst 2
req POST /api/chat/message '{"user_id":"C009","message":"do you sell headphones?"}'
status_is "--no-auth: no key needed" 200
S2=$(json_str session_id)
req GET "/api/chat/history/$S1"
status_is "--no-auth: every session is visible" 200
req GET "/api/chat/history/$S2"
status_is "third request: rate limited" 429
grep -qi '^Retry-After: [1-9]' "$T/hdr"; ok $? "429 says Retry-After"
req GET /healthz
status_is "health is not rate limited" 200
stop_server
ok $STOP_STATUS "second server stops cleanly"

# Per key: one key's limit leaves the other alone.
start_server keys --rate 0.5 --burst 1
req GET /api/chat/analytics "" "$K1"
status_is "key 1, first request" 200
req GET /api/chat/analytics "" "$K1"
status_is "key 1, second request: limited" 429
req GET /api/chat/analytics "" "$K2"
status_is "key 2 has its own bucket" 200
stop_server

# shopdesk stats shows the same figures.
run_ok "shopdesk stats" "$SHOPDESK" stats
contains "stats shows conversations" "$T/out" "conversations"
contains "stats shows a day bar" "$T/out" "turns per day"
run_ok "shopdesk stats --json" "$SHOPDESK" stats --json
contains "stats --json counts the ratings" "$T/out" '"ratings":2'
contains "stats shows the honest resolution" "$T/out" '"fin_rate":'
run_ok "shopdesk stats --failures" "$SHOPDESK" stats --failures
contains "failures list the line rated 2" "$T/out" "how long does the battery"
contains "with its reason" "$T/out" "negative_feedback"
run_ok "shopdesk stats --gaps --json" "$SHOPDESK" stats --gaps --json
contains "gaps as JSON" "$T/out" '"gaps":['
not_contains "and nothing else" "$T/out" '"conversations"'
run_fails "stats --failures --gaps" 2 "$SHOPDESK" stats --failures --gaps
run_fails "stats with a bad date" 2 "$SHOPDESK" stats --to 2026-02-40
contains "the error names --to" "$T/err" "--to"

# Bad options.
run_fails "serve --port 70000" 2 "$SHOPDESK" serve --port 70000
run_fails "serve --bind nonsense" 2 "$SHOPDESK" serve --bind nonsense --port 0
contains "the error names --bind" "$T/err" "--bind nonsense"

finish
