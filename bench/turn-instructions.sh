#!/bin/sh
# turn-instructions: the instructions each turn of bench-engine.sh's
# conversations costs, counted by callgrind (one dump after engine_open
# and after each engine_turn), where wall-clock times on a shared or
# loaded machine are noise.  Prints the engine's opening cost, p50, p99,
# mean and max per turn, and the costliest turns by text.  Not part of
# make bench (a few minutes under valgrind); run it by hand:
#   SHOPDESK=./shopdesk SHOPDESK_SHARE=share sh bench/turn-instructions.sh
# BENCH_ENGINE_ROUNDS sets how many times the conversations repeat (20).
set -u
: "${SHOPDESK:?set SHOPDESK to the shopdesk binary}"
command -v valgrind >/dev/null 2>&1 || { echo "no valgrind"; exit 77; }
ROUNDS=${BENCH_ENGINE_ROUNDS:-20}
SHOPDESK=$(cd "$(dirname "$SHOPDESK")" && pwd)/$(basename "$SHOPDESK")
T=$(mktemp -d "${TMPDIR:-/tmp}/sdturnir.XXXXXX")
trap 'rm -rf "$T"' EXIT
export SHOPDESK_NOW=2026-11-20T12:00:00Z

. "$(dirname "$0")/engine-rounds.sh"

rounds "$ROUNDS" "$T/script"
# As bench-engine.sh: a first short replay trains and stores the model.
round warm | "$SHOPDESK" -q --db "$T/db" replay --json > /dev/null ||
    exit 1
(valgrind --tool=callgrind --callgrind-out-file="$T/cg.%p" \
    --dump-after=engine_open --dump-after=engine_turn \
    "$SHOPDESK" -q --db "$T/db" replay --json "$T/script" > "$T/out" \
    2> "$T/err") || { cat "$T/err"; exit 1; }
# Dump k (1: the opening, 2...: the turns) and its instructions.
for f in "$T"/cg.*.*; do
	printf '%s %s\n' "${f##*.}" "$(sed -n 's/^totals: *//p' "$f")"
done | sort -n > "$T/ir"
sed -n 's/^{"session_id":"[^"]*","user_id":\("[^"]*"\|null\),"text":"\(\([^"\\]\|\\.\)*\)".*/\2/p' "$T/out" > "$T/texts"
awk 'NR == FNR { text[FNR] = $0; next }
$1 == 1 { open = $2; next }
{ i = $1 - 1; v[++n] = $2; who[i] = text[i]; cost[i] = $2 }
END {
	if (n == 0) { print "no turns"; exit 1 }
	for (i = 1; i <= n; i++) { s[i] = v[i]; sum += v[i] }
	# insertion sort: a few hundred turns
	for (i = 2; i <= n; i++) {
		x = s[i]
		for (j = i - 1; j >= 1 && s[j] > x; j--)
			s[j + 1] = s[j]
		s[j + 1] = x
	}
	printf "engine open: %.2fM instructions\n", open / 1e6
	printf "%d turns: p50 %.2fM, p99 %.2fM, mean %.2fM, max %.2fM " \
	    "instructions\n", n, s[int((n - 1) * 0.50) + 1] / 1e6,
	    s[int((n - 1) * 0.99) + 1] / 1e6, sum / n / 1e6, s[n] / 1e6
	for (k = 1; k <= 8; k++) {
		best = 0
		for (i in cost)
			if (!(i in shown) && (best == 0 || cost[i] > cost[best]))
				best = i
		if (best == 0)
			break
		shown[best] = 1
		printf "  turn %d: %.2fM \"%s\"\n", best, cost[best] / 1e6,
		    who[best]
	}
}' "$T/texts" "$T/ir"
