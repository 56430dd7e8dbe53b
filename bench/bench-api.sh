#!/bin/sh
# make bench: POST /api/chat/message under wrk on loopback, on the demo
# store, for BENCH_API_SECONDS (default 10) with BENCH_API_CONNS
# connections (default 32): requests/s, p50/p99 latency, errors, and the
# turns counted in the database afterwards (no turn answered 200 may be
# missing).  Authentication is on (one key); the rate limit is off.
set -u
: "${SHOPDESK:?run through make bench}"
: "${top_srcdir:?}" "${top_builddir:?}"
secs=${BENCH_API_SECONDS:-10}
conns=${BENCH_API_CONNS:-32}
threads=${BENCH_API_THREADS:-0}
if ! command -v wrk >/dev/null 2>&1 || ! command -v curl >/dev/null 2>&1; then
	echo "bench-api: needs wrk and curl (Debian packages wrk, curl); skipped"
	exit 0
fi
D=$(mktemp -d "${TMPDIR:-/tmp}/sdbench.XXXXXX")
pid=
cleanup() {
	[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid"
	rm -rf "$D"
}
trap cleanup EXIT
export SHOPDESK_DB="$D/shop.db"
DB="$top_builddir/tests/test-api-db"

key=$("$SHOPDESK" -q apikey create --name bench) || exit 1
targs="--rate 0"
[ "$threads" -gt 0 ] && targs="$targs --threads $threads"
# shellcheck disable=SC2086
"$SHOPDESK" serve --port 0 $targs --log "$D/access.log" 2>"$D/serve.err" &
pid=$!
port=
i=0
while [ -z "$port" ] && [ $i -lt 600 ]; do
	sleep 0.05
	port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$D/serve.err")
	i=$((i + 1))
done
[ -n "$port" ] || { echo "bench-api: server did not start"; cat "$D/serve.err"; exit 1; }
url="http://127.0.0.1:$port"

# One session per connection, opened with a first turn.
sessions=
i=0
while [ $i -lt "$conns" ]; do
	s=$(curl -s -H "Authorization: Bearer $key" \
	    --data-binary '{"user_id":"C001","message":"hi"}' \
	    "$url/api/chat/message" | sed -n 's/.*"session_id":"\([^"]*\)".*/\1/p')
	[ -n "$s" ] || { echo "bench-api: cannot open a session"; exit 1; }
	sessions="$sessions${sessions:+,}$s"
	i=$((i + 1))
done
before=$("$DB" "$SHOPDESK_DB" "SELECT count(*) FROM messages WHERE role = 'bot'")
# The server's CPU time (user + system, clock ticks) around the wrk run:
# CPU per request does not depend on what else the machine runs, unlike
# requests per second.
cputicks() {
	awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0
}
cpu0=$(cputicks)

SD_KEY=$key SD_SESSIONS=$sessions wrk -t2 -c"$conns" -d"${secs}s" --latency \
    -s "$top_srcdir/bench/api-post.lua" "$url/api/chat/message" >"$D/wrk.out" 2>&1
cpu1=$(cputicks)
# The WALs stay short only if checkpoints keep up with the turns; the
# turns go to the history file beside the catalog.
walkb=$(($(stat -c %s "$SHOPDESK_DB-wal" 2>/dev/null || echo 0) / 1024))
hwalkb=$(($(stat -c %s "$SHOPDESK_DB-history-wal" 2>/dev/null || echo 0) / 1024))
kill -TERM "$pid"
wait "$pid"
pid=
after=$("$DB" "$SHOPDESK_DB" "SELECT count(*) FROM messages WHERE role = 'bot'")
check=$("$DB" "$SHOPDESK_DB" "PRAGMA integrity_check")
# The engine's own time per turn (stored with each reply), to tell it
# from the HTTP and queueing time that wrk sees.
eng=$("$DB" "$SHOPDESK_DB" "SELECT count(*), avg(latency_us) FROM messages WHERE role = 'bot' AND latency_us IS NOT NULL")
engp() {	# engp P: the engine's P-th percentile turn time, microseconds
	"$DB" "$SHOPDESK_DB" "SELECT latency_us FROM messages WHERE role = 'bot' AND latency_us IS NOT NULL ORDER BY latency_us LIMIT 1 OFFSET (SELECT count(*) * $1 / 100 FROM messages WHERE role = 'bot' AND latency_us IS NOT NULL)"
}

reqs=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$D/wrk.out")
rps=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$D/wrk.out")
p50=$(awk '$1 == "50%" { print $2 }' "$D/wrk.out")
p90=$(awk '$1 == "90%" { print $2 }' "$D/wrk.out")
p99=$(awk '$1 == "99%" { print $2 }' "$D/wrk.out")
non2xx=$(sed -n 's/.*Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$D/wrk.out")
sockerr=$(sed -n 's/.*Socket errors: *\(.*\)/\1/p' "$D/wrk.out")
stored=$((after - before))
ok=$((reqs - ${non2xx:-0}))
lost=$((ok - stored))
[ $lost -lt 0 ] && lost=0	# turns finished after wrk stopped counting

echo "bench-api: POST /api/chat/message, demo store, $secs s, $conns connections, wrk -t2, $(nproc) CPUs"
echo "  requests   $reqs ($rps/s)"
echo "  latency    p50 $p50  p90 $p90  p99 $p99"
echo "  errors     non-2xx ${non2xx:-0}, socket errors: ${sockerr:-none}"
echo "  server CPU $(awk -v t="$((cpu1 - cpu0))" -v hz="$(getconf CLK_TCK)" -v n="$reqs" -v s="$secs" 'BEGIN { if (n > 0) printf "%.0f us per request, %.0f%% of one CPU", t / hz * 1e6 / n, t / hz / s * 100 }'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "  engine     $(echo "$eng" | awk -F'\t' '{ printf "%.0f us per turn on average (%d turns)", $2, $1 }'), p50 $(engp 50) us, p99 $(engp 99) us"
echo "  turns      $stored stored in the database, $lost answered 200 but missing; integrity $check; WAL at the end: history $hwalkb KB, catalog $walkb KB"
status=0
if [ "${non2xx:-0}" -ne 0 ] || [ -n "$sockerr" ] || [ $lost -ne 0 ] || [ "$check" != ok ]; then
	echo "bench-api: FAILED: errors or lost turns"
	sed 's/^/  wrk: /' "$D/wrk.out"
	status=1
fi
exit $status
