#!/bin/sh
# llm-vector.t: hybrid retrieval against tests/fake-llm's deterministic
# embeddings.  The fake embeds "rugged" and "durable" alike (see its
# related words), so a query with none of a document's words finds it
# through its vector, and BM25 alone does not.
. "$top_srcdir/tests/lib.sh"
FAKE="$top_builddir/tests/fake-llm"
"$FAKE" "$T/port" "$T/requests.log" &
fake=$!
trap 'kill $fake 2>/dev/null; rm -rf "$T"' EXIT
i=0
while [ ! -s "$T/port" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
URL="http://127.0.0.1:$(cat "$T/port")"
D="$top_srcdir/tests/data/vector"

run_ok "ingest the FAQ" "$SHOPDESK" -q ingest "$D/faq.jsonl"
run_ok "BM25 before any embedding" "$SHOPDESK" -q --llm-url "$URL" \
	search --kind faq rugged
not_contains "no embeddings: BM25 only" "$T/out" "faq-casing"
not_contains "no embeddings: not fused" "$T/out" "fused"
run_fails "--vector without embeddings" 1 "$SHOPDESK" -q --llm-url "$URL" \
	search --vector --kind faq rugged
contains "--vector names the missing step" "$T/err" "shopdesk embed"
run_fails "--vector without a server" 2 "$SHOPDESK" -q search --vector x
contains "--vector names the missing server" "$T/err" "--llm-url"

run_ok "embed" "$SHOPDESK" -q --llm-url "$URL" embed
run_ok "search without vectors" "$SHOPDESK" -q --llm-url "$URL" \
	search --no-vector --kind faq rugged
not_contains "BM25 alone misses the casing FAQ" "$T/out" "faq-casing"
run_ok "search with vectors" "$SHOPDESK" -q --llm-url "$URL" \
	search --kind faq rugged
contains "fused" "$T/out" "(fused with vector search)"
contains "fusion finds the casing FAQ" "$T/out" "faq-casing"
contains "ranks shown" "$T/out" "(bm25 -, vector #1"
run_ok "search --vector --json" "$SHOPDESK" -q --llm-url "$URL" \
	search --vector --json --kind faq --limit 1 rugged
contains "JSON: vector rank" "$T/out" '"id":"faq-casing"'
contains "JSON: both ranks" "$T/out" '"bm25_rank":0,'
contains "JSON: fused score" "$T/out" '"vector_rank":1,'
contains "JSON: fused score" "$T/out" '"fused_score":0.008197'
printf 'vector_weight = 0\n' > "$T/conf"
run_ok "vector_weight 0 is BM25" "$SHOPDESK" -q --config "$T/conf" \
	--llm-url "$URL" search --kind faq rugged
not_contains "weight 0: not fused" "$T/out" "faq-casing"

# Rows without an embedding still rank by BM25.
printf '{"type":"faq","id":"faq-rugged-case","question":"Do you sell rugged cases?","answer":"Yes, see accessories.","topic":"product","tags":[]}\n' \
	> "$T/more.jsonl"
run_ok "ingest one more FAQ" "$SHOPDESK" -q ingest "$T/more.jsonl"
contains "ingest without a server hints at embed" "$T/out" \
	"(1 rows lack embeddings for model default: run shopdesk embed"
run_ok "search with one row unembedded" "$SHOPDESK" -q --llm-url "$URL" \
	search --json --kind faq rugged
contains "unembedded row found by BM25" "$T/out" \
	'"id":"faq-rugged-case"'
contains "its vector rank is absent" "$T/out" '"bm25_rank":1,'
contains "the embedded one still found" "$T/out" '"id":"faq-casing"'

# Ingest with a server embeds each file's new and changed rows.
printf '{"type":"faq","id":"faq-sturdy-bag","question":"Is the laptop bag waterproof?","answer":"The bag is sturdy and water resistant.","topic":"product","tags":[]}\n' \
	> "$T/bag.jsonl"
run_ok "ingest with a server" "$SHOPDESK" -q --llm-url "$URL" \
	ingest "$T/bag.jsonl"
contains "ingest embeds the new rows (and the one left)" "$T/out" \
	"bag.jsonl: embedded 2 rows with model default"
run_ok "nothing left to embed" "$SHOPDESK" -q embed --status
contains "status after ingest" "$T/out" ", 0 to embed"
run_ok "the new FAQ is found by its vector" "$SHOPDESK" -q \
	--llm-url "$URL" search --kind faq --limit 3 rugged
contains "found through the related word" "$T/out" "faq-sturdy-bag"
sed 's/water resistant/waterproof/' "$T/bag.jsonl" > "$T/bag2.jsonl"
run_ok "ingest with the server down still loads" "$SHOPDESK" -q \
	--llm-url http://127.0.0.1:1 ingest "$T/bag2.jsonl"
contains "server down: the file is loaded" "$T/out" "1 changed"
contains "server down: the warning names the fix" "$T/err" \
	"embeddings not updated"

# The engine retrieves through the same fusion; the trace shows it.
printf 'my vacuum cleaner is loud\n' > "$T/s"
run_ok "replay with vectors" "$SHOPDESK" -q --llm-url "$URL" \
	replay --json "$T/s"
contains "trace: noisy vacuum FAQ retrieved" "$T/out" \
	'"id":"faq-noisy-vacuum"'
contains "trace: BM25 rank" "$T/out" '"bm25_rank":'
contains "trace: vector rank and score" "$T/out" '"vector_score":'
contains "trace: fused score" "$T/out" '"fused_score":'
run_ok "replay without a server" "$SHOPDESK" -q replay --json "$T/s"
not_contains "no server: no fusion" "$T/out" '"fused_score"'
kill $fake
run_ok "replay with the server down" "$SHOPDESK" -q --llm-url "$URL" \
	replay --json "$T/s"
contains "server down: still answers from BM25" "$T/out" \
	'"id":"faq-noisy-vacuum"'
contains "server down: the trace says why" "$T/out" '"vector_error":"llm: POST'
finish
