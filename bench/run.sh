#!/bin/sh
# make bench: run every bench/bench-*.sh in turn; each prints its figures.
set -u
dir=$(dirname "$0")
status=0
for b in "$dir"/bench-*.sh; do
	[ -f "$b" ] || continue
	echo "== $(basename "$b" .sh)"
	sh "$b" || status=1
done
exit $status
