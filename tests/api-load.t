#!/bin/sh
# End-to-end: concurrent turns on one session are neither lost nor
# interleaved, and SIGTERM while requests fly loses no answered turn.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/api-lib.sh"

run_ok "create the database" "$SHOPDESK" -q apikey create
K=$(cat "$T/out")
start_server load --threads 4 --rate 0

# 50 turns on one session: one to open it, 49 at once.
req POST /api/chat/message '{"user_id":"C001","message":"hi there"}' "$K"
status_is "open a session" 200
S=$(json_str session_id)
pids=
i=1
while [ $i -le 49 ]; do
	curl -s -o "$T/par.$i" -w '%{http_code}\n' -H "Authorization: Bearer $K" \
	    --data-binary "{\"session_id\":\"$S\",\"user_id\":\"C001\",\"message\":\"is the turn $i in stock?\"}" \
	    "$URL/api/chat/message" >"$T/par.$i.status" &
	pids="$pids $!"
	i=$((i + 1))
done
wait $pids	# not the server
[ "$(cat "$T"/par.*.status | sort | uniq -c | awk '{$1=$1}; 1')" = "49 200" ]
ok $? "49 parallel requests on one session all answered 200"
[ "$(db "SELECT count(*), min(seq), max(seq), count(DISTINCT seq) FROM messages WHERE session_id = '$S'")" = "$(printf '100\t1\t100\t100')" ]
ok $? "exactly 100 messages, seq 1..100 without gaps"
[ "$(db "SELECT count(*) FROM messages WHERE session_id = '$S' AND ((seq % 2 = 1 AND role <> 'user') OR (seq % 2 = 0 AND role <> 'bot'))")" = 0 ]
ok $? "customer lines and replies alternate: no turn interleaved"
bad=0
i=1
while [ $i -le 49 ]; do
	cp "$T/par.$i" "$T/body"
	u=$(json_num user_message_id); m=$(json_num message_id)
	[ -n "$m" ] && [ "$m" -eq $((u + 1)) ] || bad=$((bad + 1))
	i=$((i + 1))
done
[ $bad -eq 0 ]; ok $? "each reply directly follows its own customer line ($bad not)"
[ "$(db "SELECT count(DISTINCT text) FROM messages WHERE session_id = '$S' AND role = 'user'")" = 50 ]
ok $? "every one of the 50 customer lines is stored once"

# The checkpoint thread copies the WAL back into the database file
# within about a second, though 100 lines are far below SQLite's own
# autocheckpoint size: a copy of the history file alone, without its
# WAL, then holds every line.  (A copy taken mid-checkpoint may be torn;
# try again.)
n=; i=0
while [ $i -lt 50 ]; do
	rm -rf "$T/ckpt" && mkdir "$T/ckpt"
	cp "$SHOPDESK_DB" "$T/ckpt/shop.db"
	cp "$SHOPDESK_DB-history" "$T/ckpt/shop.db-history"
	n=$("$APIDB" "$T/ckpt/shop.db" "SELECT count(*) FROM messages WHERE session_id = '$S'" 2>/dev/null)
	[ "$n" = 100 ] && break
	sleep 0.1
	i=$((i + 1))
done
[ "$n" = 100 ]; ok $? "checkpointed: the history file without its WAL holds the 100 lines (${n:-none})"
req GET /metrics
n=$(sed -n 's/^shopdesk_checkpoints_total \([0-9]*\)$/\1/p' "$T/body")
[ "${n:-0}" -gt 0 ]; ok $? "metrics count the checkpoints (${n:-none})"

# Load, then SIGTERM while requests fly.
client() {	# client N: turns in a session of its own until refused
	n=$1; sid=; j=0
	: >"$T/load.$n"
	while [ $j -lt 300 ]; do
		if [ -z "$sid" ]; then
			body="{\"user_id\":\"C00$n\",\"message\":\"hello\"}"
		else
			body="{\"session_id\":\"$sid\",\"user_id\":\"C00$n\",\"message\":\"turn $j: do you have laptops?\"}"
		fi
		code=$(curl -s -o "$T/load.$n.body" -w '%{http_code}' \
		    -H "Authorization: Bearer $K" --data-binary "$body" \
		    "$URL/api/chat/message")
		mid=$(grep -o '"message_id":[0-9]*' "$T/load.$n.body" 2>/dev/null |
		    head -1 | sed 's/.*://')
		echo "$code ${mid:-none}" >>"$T/load.$n"
		[ "$code" = 000 ] && break
		if [ -z "$sid" ] && [ "$code" = 200 ]; then
			sid=$(grep -o '"session_id":"[^"]*"' "$T/load.$n.body" |
			    head -1 | sed 's/.*:"//; s/"//')
		fi
		[ "$code" = 200 ] || [ "$code" = 503 ] || break
		j=$((j + 1))
	done
}
pids=
for n in 1 2 3 4 5 6; do
	client $n &
	pids="$pids $!"
done
sleep 1
stop_server
wait $pids
ok $STOP_STATUS "the server stops cleanly under load"
cat "$T"/load.[0-9] >"$T/load.all"
n200=$(grep -c '^200 ' "$T/load.all")
[ "$n200" -gt 0 ]; ok $? "turns were answered before the signal ($n200)"
grep -v '^200 [0-9]' "$T/load.all" | grep -v '^503 ' | grep -v '^000 ' >"$T/odd"
[ ! -s "$T/odd" ]; ok $? "only 200, 503 while draining, or refused after"
head -5 "$T/odd" | sed 's/^/# /'
ids=$(grep '^200 ' "$T/load.all" | cut -d' ' -f2 | tr '\n' ',' | sed 's/,$//')
[ "$(db "SELECT count(*) FROM messages WHERE role = 'bot' AND id IN ($ids)")" = "$n200" ]
ok $? "every message_id answered 200 is in the database: no lost turn"
[ "$(db "SELECT count(*) FROM messages m WHERE role = 'user' AND NOT EXISTS (SELECT 1 FROM messages b WHERE b.session_id = m.session_id AND b.seq = m.seq + 1)")" = 0 ]
ok $? "no customer line without its reply: turns are all or nothing"
[ "$(db "PRAGMA integrity_check")" = ok ]; ok $? "the database is intact"
contains "the server drained" "$T/load.err" "finishing requests in flight"

finish
