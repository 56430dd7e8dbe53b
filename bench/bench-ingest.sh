#!/bin/sh
# bench-ingest: load a generated 100,000-product JSON Lines catalog into a
# scratch database, then load it again (every row unchanged), and print
# products per second for both.  Run through "make bench".
set -u
: "${SHOPDESK:?run through make bench}"
: "${top_builddir:?run through make bench}"
N=${BENCH_INGEST_N:-100000}
T=$(mktemp -d "${TMPDIR:-/tmp}/sdbench.XXXXXX")
trap 'rm -rf "$T"' EXIT
"$top_builddir/bench/gen-catalog" "$N" 42 > "$T/catalog.jsonl" || exit 1

now() { date +%s.%N; }

run() {	# run LABEL: ingest the catalog, print the rate
	t0=$(now)
	"$SHOPDESK" -q --empty --db "$T/bench.db" ingest "$T/catalog.jsonl" \
	    > "$T/out" || { cat "$T/out"; exit 1; }
	t1=$(now)
	awk -v n="$N" -v a="$t0" -v b="$t1" -v l="$1" 'BEGIN {
		s = b - a; if (s <= 0) s = 0.001
		printf "%s: %d products in %.1f s (%d products/s)\n",
		    l, n, s, n / s }'
	sed 's/^/  /' "$T/out"
}

run "ingest"
run "re-ingest (unchanged)"
