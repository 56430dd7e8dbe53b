#!/bin/sh
# make bench: analytics over a history of BENCH_ANALYTICS_SESSIONS
# sessions (default 35,400: 177,000 messages, 60 days, two keys), written
# by bench/gen-history through the turn save: the cost of a turn's save,
# "shopdesk stats" time, GET /api/chat/analytics latency over whole days
# (the running totals) and over a range cut inside a day (the walk over
# the messages), and another tenant's turn latency while four clients
# ask for analytics at once.
set -u
: "${SHOPDESK:?run through make bench}"
: "${top_srcdir:?}" "${top_builddir:?}"
nsess=${BENCH_ANALYTICS_SESSIONS:-35400}
nturns=${BENCH_ANALYTICS_TURNS:-200}
if ! command -v curl >/dev/null 2>&1; then
	echo "bench-analytics: needs curl (Debian package curl); skipped"
	exit 0
fi
D=$(mktemp -d "${TMPDIR:-/tmp}/sdbench.XXXXXX")
pid=
hpids=
cleanup() {
	calm
	[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid"
	rm -rf "$D"
}
trap cleanup EXIT
export SHOPDESK_DB="$D/shop.db"

k1=$("$SHOPDESK" -q apikey create --name tenant1) || exit 1
k2=$("$SHOPDESK" -q apikey create --name tenant2) || exit 1
ka=$("$SHOPDESK" -q apikey create --name ops --admin 2>/dev/null) || ka=$k1
"$top_builddir/bench/gen-history" "$SHOPDESK_DB" "$nsess" 2 || exit 1
msgs=$("$top_builddir/tests/test-api-db" "$SHOPDESK_DB" "SELECT count(*) FROM messages")

# The demo store's first open, not in the timings.
"$SHOPDESK" stats --json --to 2000-01-01 >/dev/null || exit 1
# secs CMD...: wall time of a command, seconds.
secs() {
	s=$(date +%s.%N)
	"$@" >/dev/null 2>&1
	e=$(date +%s.%N)
	awk -v s="$s" -v e="$e" 'BEGIN { printf "%.3f", e - s }'
}
first=$(secs "$SHOPDESK" stats --json)
warm=$(secs "$SHOPDESK" stats --json)
cut=$(secs "$SHOPDESK" stats --json --from 2026-10-01T00:00:01Z)

"$SHOPDESK" serve --port 0 --rate 0 --log "$D/access.log" 2>"$D/serve.err" &
pid=$!
port=
i=0
while [ -z "$port" ] && [ $i -lt 600 ]; do
	sleep 0.05
	port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$D/serve.err")
	i=$((i + 1))
done
[ -n "$port" ] || { echo "bench-analytics: server did not start"; cat "$D/serve.err"; exit 1; }
url="http://127.0.0.1:$port"

# pct FILE P: the P-th percentile of the numbers in FILE, in ms.
pct() {
	sort -n "$1" | awk -v p="$2" '{ v[NR] = $1 }
	    END { k = int(p / 100 * NR + 0.999999); if (k < 1) k = 1;
	    printf "%.1f", v[k] * 1000 }'
}
# calls N PATH KEY OUT: N analytics calls, one at a time; times in OUT.
calls() {
	: >"$4"
	j=0
	while [ $j -lt "$1" ]; do
		curl -s -o /dev/null -w '%{time_total}\n' \
		    -H "Authorization: Bearer $3" "$url$2" >>"$4"
		j=$((j + 1))
	done
}
# turns OUT: $nturns turns of tenant 2, one at a time; times in OUT.
turns() {
	: >"$1"
	sid=$(curl -s -H "Authorization: Bearer $k2" \
	    --data-binary '{"user_id":"C002","message":"hi"}' \
	    "$url/api/chat/message" | sed -n 's/.*"session_id":"\([^"]*\)".*/\1/p')
	j=0
	while [ $j -lt "$nturns" ]; do
		curl -s -o /dev/null -w '%{time_total}\n' \
		    -H "Authorization: Bearer $k2" --data-binary \
		    "{\"session_id\":\"$sid\",\"user_id\":\"C002\",\"message\":\"do you sell headphones?\"}" \
		    "$url/api/chat/message" >>"$1"
		j=$((j + 1))
	done
}
# hammer PATH: four clients asking for analytics until calm.
hammer() {
	rm -f "$D/stop"
	for c in 1 2 3 4; do
		( while [ ! -f "$D/stop" ]; do
			curl -s -o /dev/null -H "Authorization: Bearer $ka" \
			    "$url$1"
		done ) &
		hpids="$hpids $!"
	done
}
calm() {
	touch "$D/stop"
	for h in $hpids; do
		wait "$h"
	done
	hpids=
}

calls 10 /api/chat/analytics "$ka" "$D/a-all"
calls 10 /api/chat/analytics "$k1" "$D/a-key"
calls 10 '/api/chat/analytics?from=2026-10-15&to=2026-11-14' "$ka" "$D/a-month"
calls 5 '/api/chat/analytics?from=2026-10-01T00:00:01Z' "$ka" "$D/a-cut"
turns "$D/t-idle"
hammer /api/chat/analytics
turns "$D/t-whole"
calm
hammer '/api/chat/analytics?from=2026-10-01T00:00:01Z'
turns "$D/t-cut"
calm

echo "bench-analytics: $msgs messages in $nsess sessions, $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "  shopdesk stats     first ${first} s, then ${warm} s; a range cut inside a day ${cut} s"
echo "  GET analytics      whole shop p50 $(pct "$D/a-all" 50) ms; one key $(pct "$D/a-key" 50) ms; 30 days $(pct "$D/a-month" 50) ms; cut inside a day $(pct "$D/a-cut" 50) ms"
echo "  tenant 2's turns   alone p50 $(pct "$D/t-idle" 50) ms p99 $(pct "$D/t-idle" 99) ms"
echo "    4 x analytics    p50 $(pct "$D/t-whole" 50) ms p99 $(pct "$D/t-whole" 99) ms (whole days)"
echo "    4 x analytics    p50 $(pct "$D/t-cut" 50) ms p99 $(pct "$D/t-cut" 99) ms (cut inside a day)"
