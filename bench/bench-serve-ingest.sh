#!/bin/sh
# bench-serve-ingest: turns per second while a large catalog is loaded.
# A server answers POST /api/chat/message under wrk (BENCH_SI_CONNS
# connections, default 8, one session each) on the demo store; first for
# BENCH_SI_SECONDS (default 10) alone, then during the ingest of a
# generated catalog of BENCH_SI_N products (default 550,000, ~200 MB).
# Prints turns/s without and during the ingest, the turns that did not
# answer 200, and the ingest's time.  Needs wrk and curl.  Run through
# "make bench".
set -u
: "${SHOPDESK:?run through make bench}"
: "${top_srcdir:?}" "${top_builddir:?}"
N=${BENCH_SI_N:-550000}
secs=${BENCH_SI_SECONDS:-10}
conns=${BENCH_SI_CONNS:-8}
if ! command -v wrk >/dev/null 2>&1 || ! command -v curl >/dev/null 2>&1; then
	echo "bench-serve-ingest: needs wrk and curl; skipped"
	exit 0
fi
D=$(mktemp -d "${TMPDIR:-/tmp}/sdbench.XXXXXX")
pid= wpid=
cleanup() {
	[ -n "$wpid" ] && kill -INT "$wpid" 2>/dev/null && wait "$wpid"
	[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid"
	rm -rf "$D"
}
trap cleanup EXIT
export SHOPDESK_DB="$D/shop.db"
DB="$top_builddir/tests/test-api-db"
now() { date +%s.%N; }
bots() { "$DB" "$SHOPDESK_DB" "SELECT count(*) FROM messages WHERE role = 'bot'"; }

"$top_builddir/bench/gen-catalog" "$N" 42 > "$D/catalog.jsonl" || exit 1
key=$("$SHOPDESK" -q apikey create --name bench) || exit 1
"$SHOPDESK" serve --port 0 --rate 0 --log "$D/access.log" 2>"$D/serve.err" &
pid=$!
port=
i=0
while [ -z "$port" ] && [ $i -lt 600 ]; do
	sleep 0.05
	port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$D/serve.err")
	i=$((i + 1))
done
[ -n "$port" ] || { echo "bench-serve-ingest: server did not start"; exit 1; }
url="http://127.0.0.1:$port"
sessions=
i=0
while [ $i -lt "$conns" ]; do
	s=$(curl -s -H "Authorization: Bearer $key" \
	    --data-binary '{"user_id":"C001","message":"hi"}' \
	    "$url/api/chat/message" | sed -n 's/.*"session_id":"\([^"]*\)".*/\1/p')
	[ -n "$s" ] || { echo "bench-serve-ingest: cannot open a session"; exit 1; }
	sessions="$sessions${sessions:+,}$s"
	i=$((i + 1))
done

wrk_run() {	# wrk_run SECONDS OUT: wrk in the background, pid in wpid
	SD_KEY=$key SD_SESSIONS=$sessions wrk -t2 -c"$conns" -d"${1}s" \
	    -s "$top_srcdir/bench/api-post.lua" "$url/api/chat/message" \
	    >"$2" 2>&1 &
	wpid=$!
}
non2xx() { sed -n 's/.*Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$1"; }

b0=$(bots)
wrk_run "$secs" "$D/wrk-alone.out"
wait "$wpid"; wpid=
b1=$(bots)
alone=$(awk -v n=$((b1 - b0)) -v s="$secs" 'BEGIN { printf "%.0f", n / s }')

# During the ingest: wrk runs until it is interrupted when the ingest ends.
wrk_run 3600 "$D/wrk-ingest.out"
sleep 1
b0=$(bots)
t0=$(now)
"$SHOPDESK" -q ingest "$D/catalog.jsonl" >"$D/ingest.out" 2>"$D/ingest.err"
ist=$?
t1=$(now)
b1=$(bots)
kill -INT "$wpid"; wait "$wpid"; wpid=
during=$(awk -v n=$((b1 - b0)) -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", n / (b - a) }')

echo "bench-serve-ingest: $N products ($(($(stat -c %s "$D/catalog.jsonl") / 1048576)) MB), $conns connections, $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
e1=$(non2xx "$D/wrk-alone.out")
e2=$(non2xx "$D/wrk-ingest.out")
echo "  alone          $alone turns/s over $secs s, non-2xx ${e1:-0}"
echo "  during ingest  $during turns/s over $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s ($((b1 - b0)) turns), non-2xx ${e2:-0}"
echo "  ingest         exit $ist: $(cat "$D/ingest.out" "$D/ingest.err" | head -3)"
errors=$(grep -c '" 5[0-9][0-9] ' "$D/access.log" 2>/dev/null)
echo "  5xx in the access log: ${errors:-0}"
[ "$ist" -eq 0 ]
