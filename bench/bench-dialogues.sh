#!/bin/sh
# bench-dialogues: whole conversations judged turn by turn ("shopdesk eval
# dialogues"): the share of correct turns, of conversations correct
# throughout and of turns about another product or order, for the
# project's own set (tests/data/dialogues) and the outside set
# ($top_srcdir/../shared/data/conversations, skipped when absent), the
# dev and test half of each on its own line.  Run through "make bench".
set -u
: "${SHOPDESK:?run through make bench}"
: "${top_srcdir:?run through make bench}"
T=$(mktemp -d "${TMPDIR:-/tmp}/sdbench.XXXXXX")
trap 'rm -rf "$T"' EXIT

# line LABEL FILE: one line of figures for FILE of the report in $T/out.
line() {
	awk -v f="$2" -v l="$1" '$1 == f {
		printf "%-14s %4d turns: %5s correct (%s regex alone), " \
		    "%4d conversations: %5s correct, wrong item %s\n",
		    l, $2, $4, $5, $6, $8, $10 }' "$T/out"
}

run() {		# run NAME DIR
	if [ ! -f "$2/dev.jsonl" ] || [ ! -f "$2/test.jsonl" ]; then
		echo "$1: $2 absent; skipped"
		return 0
	fi
	t0=$(date +%s.%N)
	"$SHOPDESK" eval dialogues "$2/dev.jsonl" "$2/test.jsonl" \
	    >"$T/out" 2>"$T/err" || { cat "$T/err"; return 1; }
	t1=$(date +%s.%N)
	line "$1 dev" "$2/dev.jsonl"
	line "$1 test" "$2/test.jsonl"
	awk -v a="$t0" -v b="$t1" '$1 == "all" {
		printf "%-14s %.1f s for %d turns\n", "", b - a, $2 }' "$T/out"
}

status=0
run own "$top_srcdir/tests/data/dialogues" || status=1
run outside "$top_srcdir/../shared/data/conversations" || status=1
exit $status
