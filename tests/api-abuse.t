#!/bin/sh
# Hostile HTTP clients on loopback: slow headers from many connections of
# one address while another address is served, an endless chunked body,
# message framing a proxy could read differently, JSON that is not JSON
# or hides a NUL, floods without a key, a locked database, and --no-auth
# on the network.  Every case ends by itself; the whole file takes about
# half a minute.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/api-lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not installed"; exit 77; }
ABUSE="python3 $top_srcdir/tests/api-abuse.py"
apid=
lpid=
trap 'kill $apid $lpid 2>/dev/null; [ -n "$SERVER_PID" ] && kill -KILL "$SERVER_PID" 2>/dev/null; rm -rf "$T"' EXIT

# raw DESCRIPTION WANT PRINTF-FORMAT: send those bytes on a connection
# (a % is written %%); the first line answered must start with WANT.
raw() {
	hex=$(printf "$3" | od -An -tx1 | tr -d ' \n')
	got=$($ABUSE raw "$port" 3 "$hex")
	case $got in
	"$2"*) ok 0 "$1 ($got)" ;;
	*) ok 1 "$1: wanted $2, got $got" ;;
	esac
}

run_ok "create a key" "$SHOPDESK" -q apikey create --name abuse
K=$(cat "$T/out")

start_server main --rate 1000 --burst 1000 --header-timeout 2 \
    --body-timeout 2

# Framing.
raw "Transfer-Encoding: gzip, chunked is not implemented" "HTTP/1.1 501" \
    'POST /api/chat/message HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n'
raw "two different Content-Length headers" "HTTP/1.1 400" \
    'POST /api/chat/message HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 12\r\n\r\n{}{"a":1}{}{'
raw "Content-Length and Transfer-Encoding together" "HTTP/1.1 400" \
    'POST /api/chat/message HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n'
raw "HTTP/1.1 without Host" "HTTP/1.1 400" 'GET /healthz HTTP/1.1\r\n\r\n'
raw "two Host headers" "HTTP/1.1 400" \
    'GET /healthz HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n'
raw "HTTP/1.0 needs no Host" "HTTP/1.1 200" 'GET /healthz HTTP/1.0\r\n\r\n'
raw "a request line of control bytes" "HTTP/1.1 400" \
    '\001\002\003 /healthz HTTP/1.1\r\nHost: x\r\n\r\n'
raw "a request line of words" "HTTP/1.1 4" 'HELLO THERE\r\n\r\n'
raw "%00 in a path segment" "HTTP/1.1 400" \
    'GET /api/chat/history/abc%%00def HTTP/1.1\r\nHost: x\r\n\r\n'
raw "%00 in a query argument" "HTTP/1.1 400" \
    'GET /api/chat/history/abc?limit=1%%00 HTTP/1.1\r\nHost: x\r\n\r\n'
STATUS=$(curl -s -I -o "$T/body" -w '%{http_code}' "$URL/healthz")
status_is "HEAD /healthz is served" 200
grep -qi '^Content-Length: 16' "$T/body"; ok $? "with GET's length and no body"

# An endless chunked upload: 413 at the limit and the connection closed,
# with a key and without (then 401 before any body is read).
$ABUSE chunked "$port" 10 "$K" >"$T/chunked"
contains "an endless chunked body gets 413" "$T/chunked" "HTTP/1.1 413"
contains "and the connection is closed" "$T/chunked" "closed after"
$ABUSE chunked "$port" 10 >"$T/chunked"
contains "without a key: 401 before the body" "$T/chunked" "HTTP/1.1 401"
contains "and closed too" "$T/chunked" "closed after"

# A body that trickles in is cut at --body-timeout.
$ABUSE trickle "$port" 8 "$K" >"$T/trickle"
contains "a body sent a byte at a time gets 408" "$T/trickle" "HTTP/1.1 408"
contains "and the connection is closed" "$T/trickle" "closed after"

# A request whose headers never end is cut at --header-timeout.
$ABUSE raw "$port" 6 "$(printf 'GET /healthz HTTP/1.1\r\nHost: x\r\n' |
    od -An -tx1 | tr -d ' \n')" >"$T/slowhdr"
contains "headers not done in 2 s: closed" "$T/slowhdr" "closed"

# NUL and strict JSON.
printf '{"user_id":"C1036\\u0000-not-really","message":"hi"}' >"$T/nul-user.json"
req POST /api/chat/message "@$T/nul-user.json" "$K"
status_is "\\u0000 in user_id" 400
contains "names the NUL" "$T/body" "NUL"
printf '{"user_id":"C1","message":"hi\\u0000 and the rest"}' >"$T/nul-msg.json"
req POST /api/chat/message "@$T/nul-msg.json" "$K"
status_is "\\u0000 in the message" 400
printf '{"user_id":"C1","message":"hi"} trailing' >"$T/trail.json"
req POST /api/chat/message "@$T/trail.json" "$K"
status_is "text after the object" 400
printf '{"user_id":"C1","message":"hi"}{}' >"$T/two.json"
req POST /api/chat/message "@$T/two.json" "$K"
status_is "two objects" 400
printf '{"user_id":"C1","message":"a\tb"}' >"$T/ctl.json"
req POST /api/chat/message "@$T/ctl.json" "$K"
status_is "a raw tab inside a string" 400
printf '{"user_id":"C1\\u0001","message":"hi"}' >"$T/ctlid.json"
req POST /api/chat/message "@$T/ctlid.json" "$K"
status_is "an escaped control character in user_id" 400
printf '{"user_id":"C1","message":"line one\\nline two"}\n' >"$T/good.json"
req POST /api/chat/message "@$T/good.json" "$K"
status_is "an escaped newline in a message, trailing whitespace" 200

# A 404 repeats only the start of the id it was given.
awk 'BEGIN { printf "/api/chat/history/"; for (i = 0; i < 8000; i++) printf "x" }' >"$T/longpath"
req GET "$(cat "$T/longpath")" "" "$K"
status_is "an 8 KB session id" 404
[ "$(wc -c <"$T/body")" -lt 300 ]; ok $? "the 404 is short ($(wc -c <"$T/body") bytes)"
stop_server
ok $STOP_STATUS "the server stops cleanly"

# Slowloris: 1,030 connections of 127.0.0.1 that never finish their
# headers, while 127.0.0.2 asks for /healthz.
if (ulimit -n 4096) 2>/dev/null; then
	ulimit -n 4096
	start_server slow
	$ABUSE slow "$port" 7 2 1030 127.0.0.1 >"$T/slow.out" &
	apid=$!
	sleep 3
	$ABUSE probe "$port" 127.0.0.2 10 2 >"$T/probe"
	curl -s --interface 127.0.0.2 -m 3 -o "$T/metrics" "$URL/metrics"
	wait $apid
	contains "another address is served under the attack" "$T/probe" "ok 10 failed 0"
	sed 's/^/# attack: /; s/$//' "$T/slow.out"; sed 's/^/# probe: /' "$T/probe"
	open=$(sed -n 's/^shopdesk_http_connections \([0-9]*\)/\1/p' "$T/metrics")
	[ "${open:-9999}" -le 129 ]; ok $? "one address holds at most 128 connections (server: ${open:-?} open)"
	stop_server
	ok $STOP_STATUS "the server stops cleanly after the attack"
else
	ok 0 "# SKIP cannot open 4096 files"
fi

# Many addresses, each under its limit, nearly fill --max-conns: the
# slow ones then get a second, not --header-timeout.
start_server full --max-conns 40 --conns-per-addr 0 --header-timeout 30
$ABUSE slow "$port" 4 1 38 127.0.0.3 127.0.0.4 >"$T/full.out" &
apid=$!
sleep 3
curl -s --interface 127.0.0.2 -m 3 -o "$T/metrics" "$URL/metrics"
wait $apid
n=$(sed -n 's/^shopdesk_header_timeouts_total \([0-9]*\)/\1/p' "$T/metrics")
[ "${n:-0}" -gt 0 ]; ok $? "near the limit, slow headers are cut after a second ($n cut)"
stop_server

# Requests without a key are limited per address; health is not.
start_server flood --rate 0.1 --burst 5 --metrics key
req GET /metrics
status_is "--metrics key: no key, no metrics" 401
req GET /metrics "" "$K"
status_is "--metrics key: with a key" 200
i=0
: >"$T/codes"
while [ $i -lt 12 ]; do
	req POST /api/chat/message '{"user_id":"C1","message":"hi"}'
	echo "$STATUS" >>"$T/codes"
	i=$((i + 1))
done
grep -q '^429$' "$T/codes"; ok $? "an unauthenticated flood gets 429 ($(sort "$T/codes" | uniq -c | tr -s ' \n' ' '))"
req GET /nothing/here
status_is "a 404 flood too" 429
req GET /healthz
status_is "health is never limited" 200
req GET /api/chat/analytics "" "$K"
status_is "a key has its own bucket" 200
stop_server

# A database locked by another process: 503 with Retry-After, not 500.
start_server busy
python3 -c '
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN EXCLUSIVE")
open(sys.argv[2], "w").close()
time.sleep(60)
' "$SHOPDESK_DB-history" "$T/locked" &
lpid=$!
i=0
while [ ! -f "$T/locked" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
req POST /api/chat/message '{"user_id":"C1","message":"hello"}' "$K"
status_is "a locked database answers 503" 503
grep -qi '^Retry-After: [1-9]' "$T/hdr"; ok $? "with Retry-After"
kill $lpid
wait $lpid
lpid=
req POST /api/chat/message '{"user_id":"C1","message":"hello"}' "$K"
status_is "and 200 once the lock is gone" 200
stop_server

# --no-auth on an address others reach takes a second flag.
run_fails "--no-auth --bind 0.0.0.0 is refused" 2 \
    "$SHOPDESK" serve --no-auth --bind 0.0.0.0 --port 0
contains "it says which flag allows it" "$T/err" "--no-auth-on-network"
run_fails "--no-auth-on-network alone is refused" 2 \
    "$SHOPDESK" serve --no-auth-on-network --port 0
run_fails "--conns-per-addr must leave room" 2 \
    "$SHOPDESK" serve --max-conns 10 --conns-per-addr 10 --port 0
start_server open --no-auth
contains "--no-auth on loopback warns" "$T/open.err" "WARNING: --no-auth"
stop_server

finish
