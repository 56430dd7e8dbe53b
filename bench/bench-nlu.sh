#!/bin/sh
# bench-nlu: the understanding step as the engine runs it, intent
# classification plus entity extraction, on one core, over the Bitext test
# split and the store's own test split, on the demo store's gazetteer.
set -u
: "${SHOPDESK:?run through make bench}"
: "${top_srcdir:?}"
: "${top_builddir:?}"
T=$(mktemp -d "${TMPDIR:-/tmp}/sdbench.XXXXXX")
trap 'rm -rf "$T"' EXIT
"$SHOPDESK" -q --db "$T/demo.db" train > /dev/null || exit 1
for f in tests/data/nlu/bitext-test.jsonl tests/data/nlu/store-test.jsonl; do
	printf '%-36s ' "$(basename "$f")"
	taskset -c 0 "$top_builddir/bench/nlu-speed" "$T/demo.db" \
	    "$top_srcdir/share" "$top_srcdir/$f" 5 2>&1 ||
	    "$top_builddir/bench/nlu-speed" "$T/demo.db" "$top_srcdir/share" \
	    "$top_srcdir/$f" 5
done | tee "$T/out"
# The target, on the Bitext split, judged on the CPU time of the one
# core: the wall time also counts the slices a shared machine gives to
# other work (both are shown, with the load).
awk -v load="$(cut -d' ' -f1 /proc/loadavg)" '/^bitext-test/ {
	for (i = 2; i <= NF; i++) {
		if ($i == "utterances/s" && u == "")
			u = $(i - 1)
		if ($i == "CPU")
			c = $(i + 2)
	}
}
END {
	verdict = (c + 0 >= 50000) ? "met" : "NOT met"
	printf "target: intent + entities >= 50000 utterances/s on one core" \
	    " (Bitext): %s (%d/s of CPU time, %d/s wall; load average" \
	    " %s)\n", verdict, c, u, load
}' "$T/out"
