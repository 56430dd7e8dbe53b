#!/bin/sh
# End-to-end: conversations keep being answered while a large catalog is
# loaded into the store they read.  The ingest checks the file, then
# writes the catalog in batches holding main's write lock only, never the
# history file where turns are saved: every turn (in an open session or
# starting a new one) answers 200, an API key can be created meanwhile,
# and the ingest loads every product.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/api-lib.sh"

# 37 MB: without the fix the load outlasts the 5 s busy timeout of a
# turn's save even on a fast machine.  Sanitizer builds are several times
# slower, so a third of it does the same there.
N=100000
[ "${SHOPDESK_SANITIZERS:-no}" = yes ] && N=30000
N=${SERVE_INGEST_N:-$N}
"$top_builddir/bench/gen-catalog" "$N" 7 > "$T/catalog.jsonl"
ok $? "a catalog of $N products ($(wc -c < "$T/catalog.jsonl") bytes)"
run_ok "create a key" "$SHOPDESK" -q apikey create --name web
K=$(cat "$T/out")
before=$(db "SELECT count(*) FROM products")
start_server main --rate 1000000 --burst 1000000
req POST /api/chat/message '{"user_id":"C001","message":"hello"}' "$K"
status_is "a turn before the ingest" 200
S=$(json_str session_id)

# The ingest runs in the background; its status lands in a file.
( "$SHOPDESK" -q ingest "$T/catalog.jsonl" > "$T/ingest.out" \
    2> "$T/ingest.err"; echo $? > "$T/ingest.rc" ) &
IPID=$!
turns=0 bad=0 keys=0 keys_bad=0 i=0
while [ ! -f "$T/ingest.rc" ] && [ $i -lt 3000 ]; do
	i=$((i + 1))
	if [ $((i % 2)) -eq 0 ]; then
		req POST /api/chat/message "{\"session_id\":\"$S\",\"user_id\":\
\"C001\",\"message\":\"do you have a gaming laptop under \$1500?\"}" "$K"
	else
		req POST /api/chat/message \
		    '{"user_id":"C002","message":"what is your return policy?"}' \
		    "$K"
	fi
	turns=$((turns + 1))
	if [ "$STATUS" != 200 ]; then
		bad=$((bad + 1))
		echo "# turn $turns: $STATUS $(head -c 200 "$T/body")"
	fi
	if [ $((i % 25)) -eq 0 ]; then
		keys=$((keys + 1))
		"$SHOPDESK" -q apikey create --name "during-$i" \
		    > /dev/null 2> "$T/key.err" || {
			keys_bad=$((keys_bad + 1)); sed 's/^/# /' "$T/key.err"; }
	fi
done
wait $IPID
[ "$(cat "$T/ingest.rc" 2>/dev/null)" = 0 ]; ok $? "the ingest succeeds"
sed 's/^/# /' "$T/ingest.err"
contains "it loaded every product" "$T/ingest.out" "$N products ($N new"
[ $turns -ge 10 ]; ok $? "turns were sent during the ingest ($turns)"
[ $bad -eq 0 ]; ok $? "every turn during the ingest answered 200 ($bad of $turns did not)"
[ $keys_bad -eq 0 ]; ok $? "API keys could be created during the ingest ($keys_bad of $keys failed)"
n=$(db "SELECT count(*) FROM products")
[ "$n" -eq $((before + N)) ]; ok $? "the catalog holds the new products ($n)"
req POST /api/chat/message "{\"session_id\":\"$S\",\"user_id\":\"C001\",\
\"message\":\"thanks\"}" "$K"
status_is "a turn after the ingest" 200
stop_server
[ "$STOP_STATUS" -eq 0 ]; ok $? "the server stops cleanly"
finish
