#!/bin/sh
# fuzz.t: replay every fuzz target's corpus (tests/fuzz/corpus/TARGET:
# seeds and every input that ever crashed) under this build's sanitizers.
# `make fuzz` finds new inputs; this keeps the old ones fixed.
. "$top_srcdir/tests/lib.sh"
FUZZ="$top_builddir/tests/fuzz"
CORPUS="$top_srcdir/tests/fuzz/corpus"
targets="fuzz-nlu fuzz-ingest-json fuzz-ingest-jsonl fuzz-ingest-csv
fuzz-ingest-md fuzz-chunk fuzz-template fuzz-factcheck fuzz-request"

# One seeded, trained store that every target copies, so no target seeds
# the demo store or trains the classifier itself.
"$SHOPDESK" -q train > "$T/train.out" 2>&1 ||
	{ echo "Bail out! could not make the fuzz store"; exit 1; }
export SHOPDESK_FUZZ_DB="$SHOPDESK_DB"


for t in $targets; do
	n=$(ls "$CORPUS/$t" | wc -l)
	"$FUZZ/$t" "$CORPUS/$t" > "$T/$t.out" 2> "$T/$t.err"
	s=$?
	ok $s "$t: $n inputs replayed"
	[ $s -eq 0 ] || tail -n 20 "$T/$t.err" | sed 's/^/# /'
done
finish
