#!/bin/sh
# bench-ingest-md: ingest Markdown documents whose body is one long
# paragraph (1, 4 and 20 MB by default; BENCH_MD_SIZES in MB), each into
# a fresh scratch database, and print the time and chunks of each.  The
# chunker cuts such a paragraph into pieces of ~1,000 characters, and
# its time must grow with the size, not its square.  Run through
# "make bench".
set -u
: "${SHOPDESK:?run through make bench}"
SIZES=${BENCH_MD_SIZES:-1 4 20}
T=$(mktemp -d "${TMPDIR:-/tmp}/sdbench.XXXXXX")
trap 'rm -rf "$T"' EXIT

now() { date +%s.%N; }

for mb in $SIZES; do
	# Sentences of words on 70-column lines, no blank line: one paragraph.
	awk -v bytes=$((mb * 1048576)) 'BEGIN {
		srand(42)
		print "# Long manual"; print ""
		n = 0; line = ""
		while (n < bytes) {
			w = "word" int(rand() * 1000)
			if (rand() < 0.08) w = w "."
			if (length(line) + length(w) > 70) {
				print line; n += length(line) + 1; line = w
			} else
				line = line (line == "" ? "" : " ") w
		}
		print line
	}' > "$T/long-$mb.md" || exit 1
	t0=$(now)
	"$SHOPDESK" -q --empty --db "$T/md-$mb.db" ingest "$T/long-$mb.md" \
	    > "$T/out" || { cat "$T/out"; exit 1; }
	t1=$(now)
	awk -v a="$t0" -v b="$t1" -v mb="$mb" -v out="$(cat "$T/out")" 'BEGIN {
		sub(/^[^:]*: /, "", out)
		printf "%d MB paragraph: %.2f s (%s)\n", mb, b - a, out }'
done
