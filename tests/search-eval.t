#!/bin/sh
# The retrieval evaluation on the labelled DummyJSON set: fails when
# nDCG@10 drops below what the ranker reached when it was written
# (0.9528) minus 0.02.
. "$top_srcdir/tests/lib.sh"

D="$top_srcdir/tests/data/retrieval"
floor=0.9328

run_ok "eval retrieval --json" "$SHOPDESK" eval retrieval --json \
    --docs "$D/products.jsonl" --queries "$D/queries.jsonl" \
    --qrels "$D/qrels.tsv"
ndcg=$(sed -n 's/.*"ndcg@10":\([0-9.]*\).*/\1/p' "$T/out")
nq=$(sed -n 's/.*"n_queries":\([0-9]*\).*/\1/p' "$T/out")
echo "# nDCG@10 $ndcg over $nq queries (floor $floor)"
[ "${nq:-0}" -ge 100 ]; ok $? "at least 100 queries ($nq)"
awk -v n="${ndcg:-0}" -v f="$floor" 'BEGIN { exit !(n >= f) }'
ok $? "nDCG@10 $ndcg >= $floor"
contains "recall@10 reported" "$T/out" '"recall@10":'
contains "mrr@10 reported" "$T/out" '"mrr@10":'

run_ok "text output" "$SHOPDESK" eval retrieval --docs "$D/products.jsonl" \
    --queries "$D/queries.jsonl" --qrels "$D/qrels.tsv"
contains "a table" "$T/out" "nDCG@10"
contains "latency" "$T/out" "latency p99"

run_fails "missing --queries" 2 "$SHOPDESK" eval retrieval --docs x
printf '{"qid":"1"}\n' > "$T/q.jsonl"
run_fails "bad queries file" 1 "$SHOPDESK" eval retrieval \
    --docs "$D/products.jsonl" --queries "$T/q.jsonl" --qrels "$D/qrels.tsv"
contains "names file:line" "$T/err" "q.jsonl:1:"
printf 'Q1\t1\n' > "$T/r.tsv"
run_fails "bad qrels file" 1 "$SHOPDESK" eval retrieval \
    --docs "$D/products.jsonl" --queries "$D/queries.jsonl" --qrels "$T/r.tsv"
contains "names qrels line" "$T/err" "r.tsv:1:"

finish
