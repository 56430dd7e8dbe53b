#!/bin/sh
# make bench: run every bench/bench-*.sh in turn; each prints its figures.
# When node and npm are there and SHOPDESK_PEERS names no installed copy,
# the peer libraries of ../shared/peers are installed once (npm ci, into a
# temporary copy) for the benchmarks that compare with them.
set -u
dir=$(dirname "$0")
status=0
peers_src=${top_srcdir:-.}/../shared/peers
if [ ! -d "${SHOPDESK_PEERS:-/nonexistent}/node_modules" ] &&
    command -v npm >/dev/null 2>&1 && [ -d "$peers_src" ]; then
	P=$(mktemp -d "${TMPDIR:-/tmp}/sdpeers.XXXXXX")
	trap 'rm -rf "$P"' EXIT
	cp -r "$peers_src" "$P/peers" && chmod -R u+w "$P/peers"
	echo "== installing the peer libraries (npm ci)"
	if (cd "$P/peers" && npm ci --silent >/dev/null 2>&1); then
		SHOPDESK_PEERS=$P/peers
		export SHOPDESK_PEERS
	else
		echo "peers: npm ci failed; comparisons will be skipped"
	fi
fi
for b in "$dir"/bench-*.sh; do
	[ -f "$b" ] || continue
	echo "== $(basename "$b" .sh)"
	sh "$b" || status=1
done
exit $status
