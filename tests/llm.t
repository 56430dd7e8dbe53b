#!/bin/sh
# llm.t: generated replies through a real local server (tests/fake-llm on
# loopback): corrected facts in replies and the trace, fallbacks to the
# template path, embeddings with shopdesk embed.
. "$top_srcdir/tests/lib.sh"
FAKE="$top_builddir/tests/fake-llm"
"$FAKE" "$T/port" "$T/requests.log" &
fake=$!
trap 'kill $fake 2>/dev/null; rm -rf "$T"' EXIT
i=0
while [ ! -s "$T/port" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
URL="http://127.0.0.1:$(cat "$T/port")"
export SHOPDESK_LLM_API_KEY=sk-test-secret

cat > "$T/script" <<'S'
/user C1024
how much is the asus rog strix g15? #wrong-price
what else is like the asus rog strix g15? #invented
where is my order 11922? #say:Your order #11922 has shipped.
is order 11915 on its way? #say:Order #11915 was delivered.
what is the return window? #say:You can return it within 14 days; a 20% restocking fee applies.
hello #500
S
run_ok "replay --generator llm through the fake server" \
	"$SHOPDESK" -q --generator llm --llm-url "$URL" replay "$T/script"
grep '^bot>' "$T/out" > "$T/text"
contains "wrong price corrected" "$T/text" \
	"The ASUS ROG Strix G15 costs \$1,299. It is rated 4.7/5 by 847 reviews"
not_contains "the wrong price is never shown" "$T/text" '$999'
not_contains "the invented product is removed" "$T/text" "G99"
contains "wrong order status corrected" "$T/text" \
	"Your order #11922 has been delivered."
not_contains "someone else's order is not confirmed" "$T/text" \
	"Order #11915 was delivered"
contains "policy window and fee corrected" "$T/text" \
	"within 30 days; a 15% restocking fee applies"
run_ok "replay --json" "$SHOPDESK" -q --generator llm --llm-url "$URL" \
	replay --json "$T/script"
cp "$T/out" "$T/json"
contains "trace: generator llm" "$T/json" '"generator":"llm"'
contains "trace: corrected price with evidence" "$T/json" \
	'"claim":"$999","kind":"price","verdict":"corrected","corrected":"$1,299","evidence":{"kind":"product","id":"LAP-1008","field":"price","value":"1299"}'
contains "trace: unknown product removed" "$T/json" \
	'"verdict":"unknown_product_removed"'
contains "trace: order status corrected" "$T/json" \
	'"kind":"order_status","verdict":"corrected"'
contains "trace: contradiction falls back" "$T/json" \
	'"fallback_reason":"fact-check: a claim contradicts the store'
contains "trace: server error falls back after retries" "$T/json" \
	'"attempts":3,"fallback_reason":"llm: POST http://127.0.0.1:'
contains "trace: template generator on fallback" "$T/json" \
	'"generator":"template"'
not_contains "the API key is not in the trace" "$T/json" "sk-test-secret"
grep -q "auth=Bearer sk-test-secret" "$T/requests.log"
ok $? "the API key reaches the server as a bearer token"
run_ok "--show-verdicts marks claims" "$SHOPDESK" -q --generator llm \
	--llm-url "$URL" --show-verdicts replay "$T/script"
contains "inline verdict" "$T/out" "[✗ corrected: \$1,299]"
contains "inline support" "$T/out" "[✓ stock]"

# Every reply's verdicts are stored and summed.
run_ok "stats --json after the replays" "$SHOPDESK" -q stats --json
contains "stats count checked replies and claims" "$T/out" \
	'"factcheck":{"replies_checked":'
grep -q '"factcheck":{[^}]*"accuracy":0\.[0-9]' "$T/out"
ok $? "accuracy is below 1: the wrong price was not backed as written"
run_ok "stats" "$SHOPDESK" -q stats
contains "stats shows the facts backed" "$T/out" "facts backed"

# The library of lying replies, checked offline.
run_ok "eval factcheck" env SHOPDESK_NOW=2026-11-18T12:00:00Z \
	"$SHOPDESK" -q eval factcheck --json \
	"$top_srcdir/tests/data/factcheck-lies.jsonl"
contains "eval factcheck: no false fact shown" "$T/out" '"false_shown":0,'
contains "eval factcheck: no true fact dropped" "$T/out" '"true_dropped":0,'
run_fails "eval factcheck without a file" 2 "$SHOPDESK" -q eval factcheck
printf '{"user":"x"}\n' > "$T/bad.jsonl"
run_fails "eval factcheck on a line without a reply" 1 "$SHOPDESK" -q \
	eval factcheck "$T/bad.jsonl"
contains "names file and line" "$T/err" "bad.jsonl:1:"

# Down server: the template answers, the trace says why.
printf '/user C1024\nhow much is the asus rog strix g15?\n' > "$T/s2"
run_ok "server down: replay still answers" "$SHOPDESK" -q --generator llm \
	--llm-url http://127.0.0.1:1 replay --json "$T/s2"
contains "server down: template reply" "$T/out" '"generator":"template"'
contains "server down: reason" "$T/out" \
	'"fallback_reason":"llm: POST http://127.0.0.1:1/v1/chat/completions:'
run_ok "template mode never calls the server" "$SHOPDESK" -q \
	--generator template --llm-url "$URL" replay --json "$T/s2"
not_contains "template mode: no llm trace" "$T/out" '"llm":'
run_fails "--generator llm without a server" 1 "$SHOPDESK" -q \
	--generator llm replay "$T/s2"
contains "names the missing setting" "$T/err" "--llm-url or SHOPDESK_LLM_URL"
run_fails "bad --generator" 1 "$SHOPDESK" -q --generator gpt replay "$T/s2"
contains "bad mode named" "$T/err" '--generator "gpt"'
printf 'generator = llm\nllm_api_key = x\n' > "$T/conf"
run_fails "API key in the config file is refused" 1 "$SHOPDESK" -q \
	--config "$T/conf" replay "$T/s2"
contains "config error names file:line" "$T/err" "$T/conf:2: llm_api_key"
printf 'generator = llm\nllm_url = %s\n' "$URL" > "$T/conf"
printf '/user C1024\nhow much is the asus rog strix g15? #wrong-price\n' \
	> "$T/s3"
run_ok "settings from a config file" "$SHOPDESK" -q --config "$T/conf" \
	replay "$T/s3"
contains "config file selects the server" "$T/out" "costs \$1,299"

# Embeddings, incrementally.
run_ok "embed --status" "$SHOPDESK" -q embed --status
contains "nothing embedded yet" "$T/out" "0 embedded"
run_ok "embed" "$SHOPDESK" -q --llm-url "$URL" embed --batch 50
n1=$(sed -n 's/^embedded \([0-9]*\) rows.*/\1/p' "$T/out")
[ "${n1:-0}" -gt 100 ]; ok $? "embedded $n1 rows"
run_ok "embed again" "$SHOPDESK" -q --llm-url "$URL" embed
contains "second run has nothing to do" "$T/out" "embedded 0 rows"
run_ok "embed --status after" "$SHOPDESK" -q embed --status
contains "all embedded" "$T/out" ", 0 to embed"
kill $fake
finish
