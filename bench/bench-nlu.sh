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
done
