#!/bin/sh
# bench-llm: vector search latency and recall at 1,000,000 x 384, and the
# fact-check cost per generated reply (replay through tests/fake-llm, with
# and without generation).
set -u
: "${SHOPDESK:?run through make bench}"
: "${top_builddir:?}"
T=$(mktemp -d "${TMPDIR:-/tmp}/sdbench.XXXXXX")
export SHOPDESK_DB="$T/bench.db"
"$top_builddir/bench/bench-vector" "${VEC_N:-1000000}" 384 20 || exit 1
"$top_builddir/tests/fake-llm" "$T/port" &
fake=$!
trap 'kill $fake 2>/dev/null; rm -rf "$T"' EXIT
i=0
while [ ! -s "$T/port" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
URL="http://127.0.0.1:$(cat "$T/port")"
{
	echo "/user C1024"
	for i in $(seq 1 50); do
		echo "how much is the asus rog strix g15? #wrong-price $i"
		echo "what else is like the asus rog strix g15? #invented $i"
		echo "return window? #say:You can return it within 14 days; a 20% restocking fee applies. $i"
	done
} > "$T/script"
"$SHOPDESK" -q --generator llm --llm-url "$URL" replay --json "$T/script" \
	> "$T/out.json" || exit 1
awk -F'"generate":' 'NF > 1 { split($2, a, /[,}]/); s += a[1]; n++ }
	END { if (n) printf "generated turn (fake server, fact-check included): %.0f us mean over %d turns\n", s / n, n }' "$T/out.json"
awk -F'"latency_ms":' 'NF > 1 { split($2, a, /[,}]/); s += a[1]; n++ }
	END { if (n) printf "  of which the HTTP call: %.2f ms mean\n", s / n }' "$T/out.json"
grep -o '"verdict":"[a-z_]*"' "$T/out.json" | sort | uniq -c | \
	sed 's/^/  claims /'
