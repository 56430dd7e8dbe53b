# tests/api-lib.sh: helpers for the HTTP API tests (api*.t), sourced after
# tests/lib.sh.  They start "shopdesk serve" on a free loopback port and
# talk to it with curl.
command -v curl >/dev/null 2>&1 || { echo "1..0 # SKIP curl not installed"; exit 77; }
APIDB="$top_builddir/tests/test-api-db"
SERVER_PID=
# A server left running when a test stops early would hold make's pipe
# open and hang the whole suite: kill it on every exit.
trap '[ -n "$SERVER_PID" ] && kill -KILL "$SERVER_PID" 2>/dev/null; rm -rf "$T"' EXIT

# start_server NAME ARGS...: serve in the background, log to $T/NAME.log;
# sets URL and SERVER_PID.  Fails the test run when it does not come up
# within two minutes (a sanitizer build on a busy machine seeds and
# trains slowly).
start_server() {
	name=$1; shift
	"$SHOPDESK" serve --port 0 --log "$T/$name.log" "$@" \
	    2>"$T/$name.err" &
	SERVER_PID=$!
	port=
	i=0
	while [ $i -lt 2400 ]; do
		port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' \
		    "$T/$name.err" 2>/dev/null)
		[ -n "$port" ] && break
		kill -0 "$SERVER_PID" 2>/dev/null || break
		sleep 0.05
		i=$((i + 1))
	done
	if [ -z "$port" ]; then
		echo "Bail out! shopdesk serve did not start"
		sed 's/^/# /' "$T/$name.err"
		kill -KILL "$SERVER_PID" 2>/dev/null
		SERVER_PID=
		exit 1
	fi
	URL="http://127.0.0.1:$port"
}

# stop_server: SIGTERM and wait; STOP_STATUS gets its exit status.
stop_server() {
	kill -TERM "$SERVER_PID"
	wait "$SERVER_PID"
	STOP_STATUS=$?
	SERVER_PID=
}

# req METHOD PATH [BODY-FILE-OR-STRING] [KEY]: $T/body, $T/hdr, $STATUS.
req() {
	m=$1; p=$2; b=${3-}; k=${4-}
	set -- -s -o "$T/body" -D "$T/hdr" -w '%{http_code}' -X "$m"
	[ -n "$k" ] && set -- "$@" -H "Authorization: Bearer $k"
	case $b in
	"") ;;
	@*) set -- "$@" -H 'Content-Type: application/json' --data-binary "$b" ;;
	*) set -- "$@" -H 'Content-Type: application/json' --data-binary "$b" ;;
	esac
	STATUS=$(curl "$@" "$URL$p")
}

# status_is DESCRIPTION WANT: the last request's status.
status_is() {
	[ "$STATUS" = "$2" ]; ok $? "$1 ($STATUS)"
	[ "$STATUS" = "$2" ] || head -c 400 "$T/body" | sed 's/^/# /'
}

# json_str KEY: the first string value of KEY in $T/body.
json_str() {
	grep -o "\"$1\":\"[^\"]*\"" "$T/body" | head -1 |
	    sed "s/^\"$1\":\"//; s/\"\$//"
}
# json_num KEY: the first number value of KEY in $T/body.
json_num() {
	grep -o "\"$1\":[0-9.]*" "$T/body" | head -1 | sed "s/^\"$1\"://"
}

# db SQL: query the test database.
db() {
	"$APIDB" "$SHOPDESK_DB" "$1"
}
