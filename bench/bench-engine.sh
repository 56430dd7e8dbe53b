#!/bin/sh
# bench-engine: a whole conversation turn (normalize -> intent -> entities
# -> state -> retrieval -> policy -> template -> persist), p50 and p99 from
# the trace's timings_us.total, on the demo store and on the demo store
# plus a generated 100,000-product catalog; and replay throughput in turns
# per second (the sum of turn times, and wall time including start-up).
# Run through "make bench".  BENCH_ENGINE_N sets the catalog size,
# BENCH_ENGINE_ROUNDS how many times the script's conversations repeat.
set -u
: "${SHOPDESK:?run through make bench}"
: "${top_builddir:?run through make bench}"
N=${BENCH_ENGINE_N:-100000}
ROUNDS=${BENCH_ENGINE_ROUNDS:-20}
T=$(mktemp -d "${TMPDIR:-/tmp}/sdbench.XXXXXX")
trap 'rm -rf "$T"' EXIT
export SHOPDESK_NOW=2026-11-20T12:00:00Z

# round R: one round of the conversations (engine-rounds.sh).
. "$(dirname "$0")/engine-rounds.sh"

rounds "$ROUNDS" "$T/script"

now() { date +%s.%N; }

bench() {	# bench LABEL DB TARGET_MS
	# A first short replay trains and stores the intent model, so the
	# timed run measures turns, not training.
	round warm | "$SHOPDESK" -q --db "$2" replay --json > /dev/null ||
	    exit 1
	t0=$(now)
	"$SHOPDESK" -q --db "$2" replay --json "$T/script" > "$T/out" ||
	    exit 1
	t1=$(now)
	sed -n 's/.*"timings_us":{[^}]*"total":\([0-9]*\).*/\1/p' "$T/out" |
	    sort -n > "$T/us"
	awk -v l="$1" -v a="$t0" -v b="$t1" -v target="$3" \
	    -v load="$(cut -d' ' -f1 /proc/loadavg)" '
	{ v[NR] = $1; sum += $1 }
	END {
		if (NR == 0) { print l ": no turns"; exit 1 }
		p50 = v[int((NR - 1) * 0.50) + 1]
		p99 = v[int((NR - 1) * 0.99) + 1]
		wall = b - a
		printf "%s: %d turns, turn p50 %.3f ms, p99 %.3f ms, " \
		    "max %.3f ms\n", l, NR, p50 / 1000, p99 / 1000,
		    v[NR] / 1000
		printf "%s: replay %.0f turns/s (turn time), %.0f turns/s " \
		    "(wall %.2f s, start-up included)\n", l,
		    NR / (sum / 1e6), NR / wall, wall
		# Wall times: a loaded machine lengthens the tail.
		verdict = (p99 / 1000 < target) ? "met" : "NOT met"
		printf "%s: target: turn p99 < %d ms: %s (load average %s)\n",
		    l, target, verdict, load
		print p99 > tail
	}' tail="$T/p99" "$T/us"
	tail_turns "$1" "$(cat "$T/p99")"
}

# The turns at or over the p99, by text, with their stages' mean times:
# which questions make the tail, and where their time goes.
tail_turns() {	# tail_turns LABEL P99_US
	awk -v l="$1" -v p99="$2" '
	match($0, /"timings_us":\{[^}]*\}/) {
		tm = substr($0, RSTART + 14, RLENGTH - 15)
		if (!match(tm, /"total":[0-9]+/) ||
		    substr(tm, RSTART + 8, RLENGTH - 8) + 0 < p99 + 0)
			next
		text = "?"
		if (match($0, /"text":"([^"\\]|\\.)*"/))
			text = substr($0, RSTART + 8, RLENGTH - 9)
		if (!(text in n))
			order[++nt] = text
		n[text]++
		k = split(tm, kv, ",")
		for (i = 1; i <= k; i++) {
			split(kv[i], f, ":")
			gsub(/"/, "", f[1])
			if (!((text, f[1]) in sum))
				stage[text, ++ns[text]] = f[1]
			sum[text, f[1]] += f[2]
		}
	}
	END {
		for (t = 1; t <= nt; t++) {
			x = order[t]
			line = ""
			for (i = 1; i <= ns[x]; i++) {
				sep = i > 1 ? ", " : ""
				ms = sum[x, stage[x, i]] / n[x] / 1000
				line = line sprintf("%s%s %.2f", sep,
				    stage[x, i], ms)
			}
			printf "%s: p99 tail: %dx \"%s\": %s ms\n", l, n[x],
			    x, line
		}
	}' "$T/out"
}

bench "demo store" "$T/demo.db" 2

"$top_builddir/bench/gen-catalog" "$N" 42 > "$T/catalog.jsonl" || exit 1
"$SHOPDESK" -q --db "$T/big.db" ingest "$T/catalog.jsonl" > /dev/null ||
    exit 1
bench "demo + $N products" "$T/big.db" 10
