#!/bin/sh
# End-to-end: POST /api/chat/message with Accept: text/event-stream.
# Generated replies (through tests/fake-llm on loopback) arrive as token
# events of checked sentences, then a done event with the stored turn;
# corrections and resets reach the stream; errors before the turn are
# plain JSON; template mode streams the whole reply; a client that leaves
# loses no turn; SIGTERM lets a running stream finish.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/api-lib.sh"
FAKE="$top_builddir/tests/fake-llm"
"$FAKE" "$T/port" "$T/requests.log" 2>"$T/fake.err" &
fake=$!
trap 'kill $fake 2>/dev/null; [ -n "$SERVER_PID" ] && kill $SERVER_PID 2>/dev/null; rm -rf "$T"' EXIT
i=0
while [ ! -s "$T/port" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
LLM="http://127.0.0.1:$(cat "$T/port")"

run_ok "create a key" "$SHOPDESK" -q apikey create --name web
K=$(cat "$T/out")

# sse NAME BODY [KEY]: stream into $T/NAME, status in $STATUS.
sse() {
	set -- "$1" "$2" "${3-$K}"
	STATUS=$(curl -sN -o "$T/$1" -D "$T/$1.hdr" -w '%{http_code}' \
	    -H 'Accept: text/event-stream' -H "Authorization: Bearer $3" \
	    -H 'Content-Type: application/json' --data-binary "$2" \
	    "$URL/api/chat/message")
}
# events FILE: the event names, one a line.
events() {
	sed -n 's/^event: //p' "$1"
}
# data FILE EVENT: the data lines of that event, one a line.
data() {
	awk -v ev="$2" '/^event: /{cur=substr($0, 8)} /^data: /{if (cur == ev) print substr($0, 7)}' "$1"
}

# serve_with NAME GLOBAL-OPTION...: start_server with options that go
# before the command (the generator's are global).  The first start
# trains the intent model: under sanitizers on a busy machine that took
# more than 20 s, so allow two minutes as start_server does.
serve_with() {
	name=$1; shift
	"$SHOPDESK" "$@" serve --port 0 --log "$T/$name.log" --rate 1000 \
	    --burst 1000 --threads 2 2>"$T/$name.err" &
	SERVER_PID=$!
	i=0
	while ! grep -q 'listening on' "$T/$name.err" 2>/dev/null &&
	    kill -0 "$SERVER_PID" 2>/dev/null && [ $i -lt 2400 ]; do
		sleep 0.05; i=$((i + 1))
	done
	port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' \
	    "$T/$name.err")
	if [ -z "$port" ]; then
		echo "Bail out! shopdesk serve did not start"
		sed 's/^/# /' "$T/$name.err"
		kill -KILL "$SERVER_PID" 2>/dev/null
		SERVER_PID=
		exit 1
	fi
	URL="http://127.0.0.1:$port"
}

serve_with llm --generator llm --llm-url "$LLM"
contains "serve names the generator" "$T/llm.err" "generator llm at $LLM"

# A generated answer with a wrong price: corrected sentence by sentence.
sse s1 '{"user_id":"C1024","message":"how much is the asus rog strix g15? #wrong-price"}'
[ "$STATUS" = 200 ]; ok $? "streamed turn answers 200 ($STATUS)"
grep -qi '^Content-Type: text/event-stream' "$T/s1.hdr"
ok $? "Content-Type: text/event-stream"
n=$(events "$T/s1" | grep -c '^token$')
[ "$n" -ge 2 ]; ok $? "the reply arrives as several token events ($n)"
[ "$(events "$T/s1" | tail -1)" = done ]; ok $? "done is the last event"
[ "$(events "$T/s1" | grep -c '^done$')" = 1 ]; ok $? "exactly one done"
[ "$(events "$T/s1" | grep -vc '^token$')" = 1 ]; ok $? "only tokens before done"
data "$T/s1" done > "$T/body"
contains "done: corrected price" "$T/body" '"reply":"The ASUS ROG Strix G15 costs $1,299.'
data "$T/s1" token > "$T/tokens"
contains "tokens: corrected price" "$T/tokens" 'costs $1,299.'
not_contains "the wrong price is never streamed" "$T/s1" '$999'
# The streamed sentences put together are the reply done reports.
joined=$(sed 's/^{"text":"//; s/"}$//' "$T/tokens" | tr -d '\n')
[ "$joined" = "$(json_str reply)" ]; ok $? "tokens add up to done's reply"
for k in session_id message_id user_message_id intent entities citations action; do
	contains "done has $k" "$T/body" "\"$k\":"
done
S=$(json_str session_id)
M=$(json_num message_id)
[ "$(db "SELECT role, text FROM messages WHERE id = $M")" = \
    "$(printf 'bot\t%s' "$(json_str reply)")" ]
ok $? "done's message_id is the stored reply"
[ "$(db "SELECT json_extract(trace, '$.generator') FROM traces WHERE message_id = $M")" = llm ]
ok $? "the stored trace says the reply was generated"

# Same session, ?debug=1: the trace comes in done.
sse s2 "{\"session_id\":\"$S\",\"user_id\":\"C1024\",\"message\":\"and how much is the asus rog strix g15? #wrong-price\"}"
data "$T/s2" done > "$T/body"
[ "$(json_str session_id)" = "$S" ]; ok $? "a streamed turn continues its session"
[ "$(db "SELECT count(*) FROM messages WHERE session_id = '$S'")" = 4 ]
ok $? "two turns stored in the session"
curl -sN -o "$T/s3" -H 'Accept: text/event-stream' \
    -H "Authorization: Bearer $K" \
    --data-binary '{"user_id":"C1024","message":"how much is the asus rog strix g15?"}' \
    "$URL/api/chat/message?debug=1"
data "$T/s3" done > "$T/body"
contains "?debug=1: done carries the trace" "$T/body" '"trace":{'
contains "?debug=1: the fact-check verdicts" "$T/body" '"factcheck":'

# A claim that cannot be corrected: reset to the template answer.
sse s4 '{"user_id":"C1024","message":"is order 11915 on its way? #say:Order #11915 was delivered."}'
[ "$(events "$T/s4" | head -1)" = reset ]; ok $? "a reset event when the template takes over"
data "$T/s4" done > "$T/body"
reply=$(json_str reply)
data "$T/s4" reset | grep -qF "{\"text\":\"$reply\"}"
ok $? "reset carries the template reply done reports"
not_contains "the wrong status is never streamed" "$T/s4" "was delivered"

# A server error: the template answers in one token event.
sse s5 '{"user_id":"C1024","message":"hello #500"}'
[ "$(events "$T/s5" | tr '\n' ' ')" = "token done " ]; ok $? "fallback: one token, then done"

# Errors before the turn are ordinary JSON responses.
sse e1 '{"user_id":"C1024","message":"hi"}' sdk_nope
[ "$STATUS" = 401 ]; ok $? "streamed request without a valid key: 401 ($STATUS)"
grep -qi '^Content-Type: application/json' "$T/e1.hdr"; ok $? "401 is JSON"
sse e2 '{"user_id":"C1024"}'
[ "$STATUS" = 400 ]; ok $? "missing message: 400 ($STATUS)"
contains "400 names the field" "$T/e2" '"field":"message"'
sse e3 '{"session_id":"nosuch","user_id":"C1024","message":"hi"}'
[ "$STATUS" = 404 ]; ok $? "unknown session: 404 ($STATUS)"
awk 'BEGIN { printf "{\"user_id\":\"C1024\",\"message\":\""; for (i = 0; i < 9000; i++) printf "a"; print "\"}" }' > "$T/long.json"
sse e4 "@$T/long.json"
[ "$STATUS" = 413 ]; ok $? "message too long: 413 ($STATUS)"

# Streamed and plain turns at once on one session: none lost or mixed.
pids=
i=1
while [ $i -le 12 ]; do
	if [ $((i % 2)) = 0 ]; then acc='text/event-stream'; else acc='application/json'; fi
	curl -sN -o "$T/par.$i" -H "Accept: $acc" -H "Authorization: Bearer $K" \
	    --data-binary "{\"session_id\":\"$S\",\"user_id\":\"C1024\",\"message\":\"what does the asus rog strix g15 cost, turn $i?\"}" \
	    "$URL/api/chat/message" &
	pids="$pids $!"
	i=$((i + 1))
done
wait $pids
[ "$(grep -l '^event: done' "$T"/par.* | wc -l)" = 6 ]; ok $? "six streams ended with done"
[ "$(db "SELECT count(*), count(DISTINCT seq), max(seq) FROM messages WHERE session_id = '$S'")" = "$(printf '28\t28\t28')" ]
ok $? "all 14 turns of the session stored, seq without gaps"
[ "$(db "SELECT count(*) FROM messages WHERE session_id = '$S' AND ((seq % 2 = 1 AND role <> 'user') OR (seq % 2 = 0 AND role <> 'bot'))")" = 0 ]
ok $? "customer lines and replies alternate: no turn interleaved"

# A client that leaves while its turn waits for the model.
before=$(db "SELECT count(*) FROM messages WHERE role = 'bot'")
curl -sN -o "$T/gone" --max-time 1 -H 'Accept: text/event-stream' \
    -H "Authorization: Bearer $K" \
    --data-binary '{"user_id":"C1024","message":"how much is the asus rog strix g15? #slow"}' \
    "$URL/api/chat/message"
[ $? = 28 ]; ok $? "the client gave up before the answer"
i=0
while [ "$(db "SELECT count(*) FROM messages WHERE role = 'bot'")" = "$before" ] && [ $i -lt 200 ]; do
	sleep 0.05; i=$((i + 1))
done
[ "$(db "SELECT count(*) FROM messages WHERE role = 'bot'")" = $((before + 1)) ]
ok $? "its turn is stored all the same"
i=0
while ! grep -q ' aborted$' "$T/llm.log" && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
contains "the access log marks the stream aborted" "$T/llm.log" '"POST /api/chat/message" 200'
grep -q ' aborted$' "$T/llm.log"; ok $? "aborted noted"
req GET /healthz
status_is "the server is still up" 200

# SIGTERM while a stream waits: it finishes, then the server stops.
curl -sN -o "$T/late" -H 'Accept: text/event-stream' \
    -H "Authorization: Bearer $K" \
    --data-binary '{"user_id":"C1024","message":"how much is the asus rog strix g15? #slow"}' \
    "$URL/api/chat/message" &
late=$!
i=0
while [ "$(db "SELECT count(*) FROM messages WHERE role = 'user' AND text LIKE '%#slow'")" != 2 ] && [ $i -lt 200 ]; do
	sleep 0.05; i=$((i + 1))
done
stop_server
[ "$STOP_STATUS" = 0 ]; ok $? "SIGTERM during a stream: clean exit ($STOP_STATUS)"
wait $late
[ "$(events "$T/late" | tail -1)" = done ]; ok $? "the stream in flight got its done"

# Template mode: no server asked, the whole reply in one token event.
reqs=$(wc -l < "$T/requests.log")
SHOPDESK_LLM_URL=$LLM serve_with tpl --generator template
sse t1 '{"user_id":"C1024","message":"how much is the asus rog strix g15? #wrong-price"}'
[ "$(events "$T/t1" | tr '\n' ' ')" = "token done " ]; ok $? "template mode: one token, then done"
data "$T/t1" done > "$T/body"
contains "template reply" "$T/body" '"reply":"The ASUS ROG Strix G15 costs $1,299'
M=$(json_num message_id)
[ "$(db "SELECT count(*) FROM messages WHERE id = $M AND role = 'bot'")" = 1 ]
ok $? "template mode: done's message_id is stored"
[ "$(wc -l < "$T/requests.log")" = "$reqs" ]; ok $? "template mode never calls the server"
req POST /api/chat/message '{"user_id":"C1024","message":"how much is the asus rog strix g15?"}' "$K"
status_is "without Accept: text/event-stream the answer is JSON" 200
contains "plain JSON reply" "$T/body" '"reply":"The ASUS ROG Strix G15 costs $1,299'
stop_server
[ "$STOP_STATUS" = 0 ]; ok $? "template server stops cleanly"

# A bad generator setting stops serve before it listens.
run_fails "serve --generator llm without a server" 2 "$SHOPDESK" \
    --generator llm serve --port 0
contains "names the missing setting" "$T/err" "--llm-url or SHOPDESK_LLM_URL"
finish
