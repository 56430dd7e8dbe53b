#!/bin/sh
# make bench: /healthz latency while slowloris clients hold connections.
# The server runs with its default limits; 127.0.0.2 asks for /healthz
# BENCH_SLOW_PROBES times (default 50, 3 s to answer each), first with
# no attack, then while
#   one address:  1,030 connections of 127.0.0.1 each send a header
#                 line every 8 s and never finish their request;
#   many:         2,100 such connections spread over 40 addresses
#                 (127.0.0.10 to .49), each under the per-address limit.
# Each attack lasts BENCH_SLOW_SECONDS (default 20); the probes start
# 4 s into it.  Prints ok/failed and p50/p99/max in milliseconds.
set -u
: "${SHOPDESK:?run through make bench}"
: "${top_srcdir:?}"
secs=${BENCH_SLOW_SECONDS:-20}
probes=${BENCH_SLOW_PROBES:-50}
if ! command -v python3 >/dev/null 2>&1; then
	echo "bench-slowloris: needs python3; skipped"
	exit 0
fi
if ! (ulimit -n 8192) 2>/dev/null; then
	echo "bench-slowloris: cannot open 8192 files (ulimit -n); skipped"
	exit 0
fi
ulimit -n 8192
ABUSE="python3 $top_srcdir/tests/api-abuse.py"
D=$(mktemp -d "${TMPDIR:-/tmp}/sdbench.XXXXXX")
pid=
apid=
cleanup() {
	[ -n "$apid" ] && kill "$apid" 2>/dev/null
	[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid"
	rm -rf "$D"
}
trap cleanup EXIT
export SHOPDESK_DB="$D/shop.db"

"$SHOPDESK" serve --port 0 --log "$D/access.log" 2>"$D/serve.err" &
pid=$!
port=
i=0
while [ -z "$port" ] && [ $i -lt 600 ]; do
	sleep 0.05
	port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$D/serve.err")
	i=$((i + 1))
done
[ -n "$port" ] || { echo "bench-slowloris: server did not start"; cat "$D/serve.err"; exit 1; }

# attack NAME N ADDR...: probe while N slow connections are held.
attack() {
	name=$1 n=$2
	shift 2
	$ABUSE slow "$port" "$secs" 8 "$n" "$@" >"$D/slow.out" &
	apid=$!
	sleep 4
	r=$($ABUSE probe "$port" 127.0.0.2 "$probes" 3)
	wait "$apid"
	apid=
	printf '  %-11s %s (attacker: %s)\n' "$name" "$r" "$(cat "$D/slow.out")"
	sleep 2		# let the server close what the attacker left
}

many=
i=10
while [ $i -lt 50 ]; do
	many="$many 127.0.0.$i"
	i=$((i + 1))
done

echo "bench-slowloris: GET /healthz from 127.0.0.2, $probes probes, attacks of $secs s, $(nproc) CPUs"
printf '  %-11s %s\n' "no attack" "$($ABUSE probe "$port" 127.0.0.2 "$probes" 3)"
attack "one address" 1030 127.0.0.1
# shellcheck disable=SC2086
attack "40 addresses" 2100 $many
exit 0
