#!/bin/sh
# bench-search.sh: search quality against the JavaScript peers on the
# labelled DummyJSON set, and search latency on the demo store and on a
# generated catalog of 100,000 products.
#
# Peers (MiniSearch, Lunr, FlexSearch from /work/shared/peers) run when
# node is installed and an installed copy of the peers directory (with
# node_modules, see its README: npm ci in a copy) is found: $SHOPDESK_PEERS,
# else ../peers beside the source tree, else ${TMPDIR:-/tmp}/*/peers.
# BENCH_SEARCH_N changes the size of the generated catalog.
set -u
src=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
bin=${SHOPDESK:-$src/shopdesk}
D=$src/tests/data/retrieval
N=${BENCH_SEARCH_N:-100000}
export SHOPDESK_SHARE="${SHOPDESK_SHARE:-$src/share}"
unset SHOPDESK_DB
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-search.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
status=0

[ -x "$bin" ] || { echo "bench-search: $bin not built"; exit 1; }

# get KEY FILE: a number from a JSON object (the peers pretty-print)
get() { tr -d '\n' < "$2" | sed -n "s/.*\"$1\": *\([-0-9.eE+]*\).*/\1/p"; }
row() {
	printf "%-40s %8s %9s %8s %9s %9s\n" "$1" "$2" "$3" "$4" "$5" "$6"
}
fmt() { [ -n "$1" ] && printf "%.4f" "$1" || printf "-"; }
fmtms() { [ -n "$1" ] && printf "%.3f" "$1" || printf "-"; }
result() {	# result NAME FILE
	row "$1" "$(fmt "$(get 'ndcg@10' "$2")")" \
	    "$(fmt "$(get 'recall@10' "$2")")" "$(fmt "$(get 'mrr@10' "$2")")" \
	    "$(fmtms "$(get query_ms_p50 "$2")")" \
	    "$(fmtms "$(get query_ms_p99 "$2")")"
}

echo "retrieval on $D ($(wc -l < "$D/queries.jsonl") queries, 194 products, k=10)"
row "system" "nDCG@10" "recall@10" "MRR@10" "p50 ms" "p99 ms"
if "$bin" eval retrieval --json --docs "$D/products.jsonl" \
    --queries "$D/queries.jsonl" --qrels "$D/qrels.tsv" > "$tmp/ours.json"
then
	result "shopdesk" "$tmp/ours.json"
else
	echo "shopdesk eval retrieval failed"; status=1
fi

peers=
for p in ${SHOPDESK_PEERS:-} "$src/../peers" "${TMPDIR:-/tmp}"/*/peers; do
	if [ -d "$p/node_modules/minisearch" ]; then peers=$p; break; fi
done
if ! command -v node >/dev/null 2>&1; then
	echo "peers: skipped (node is not installed)"
elif [ -z "$peers" ]; then
	echo "peers: skipped (no installed peers copy; set SHOPDESK_PEERS to" \
	    "a copy of /work/shared/peers after npm ci)"
else
	# The peers read {"id","title",...} JSON Lines: the same fields our
	# index has (title, description, brand, category, tags).
	node -e '
		const fs = require("fs");
		const rows = fs.readFileSync(process.argv[1], "utf8")
		    .split("\n").filter(Boolean).map((l) => {
			const p = JSON.parse(l);
			return JSON.stringify({ id: String(p.id), title: p.title,
			    description: p.description || "",
			    brand: p.brand || "",
			    category: (p.category || "").replace(/-/g, " "),
			    tags: (p.tags || []).join(" ") });
		    });
		fs.writeFileSync(process.argv[2], rows.join("\n") + "\n");
	' "$D/products.jsonl" "$tmp/peer-docs.jsonl"
	f="--fields title,description,brand,category,tags"
	runpeer() {	# runpeer NAME SCRIPT ARGS...
		name=$1; script=$2; shift 2
		if node "$peers/$script" "$tmp/peer-docs.jsonl" \
		    "$D/queries.jsonl" "$D/qrels.tsv" $f "$@" \
		    > "$tmp/peer.json" 2> "$tmp/peer.err"; then
			result "$name" "$tmp/peer.json"
		else
			echo "$name: failed: $(head -1 "$tmp/peer.err")"
		fi
	}
	runpeer "minisearch (defaults)" search_minisearch.js
	runpeer "minisearch (title x3, fuzzy .2, prefix)" \
	    search_minisearch.js --title-boost 3 --fuzzy 0.2 --prefix
	runpeer "lunr (defaults)" search_lunr.js
	runpeer "lunr (title x3)" search_lunr.js --title-boost 3
	runpeer "flexsearch (defaults)" search_flexsearch.js
	echo "(peers: $peers, node $(node --version))"
fi

# Latency on the demo store, when there is one.
if grep -q '^[^#[:space:]]' "$src/share/demo/MANIFEST" 2>/dev/null; then
	if "$bin" -q --db "$tmp/demo.db" eval retrieval --json \
	    --queries "$D/queries.jsonl" > "$tmp/demo.json"; then
		echo "demo store: $(get n_docs "$tmp/demo.json") products and" \
		    "documents, latency p50 $(fmtms "$(get query_ms_p50 \
		    "$tmp/demo.json")") ms, p99 $(fmtms "$(get query_ms_p99 \
		    "$tmp/demo.json")") ms"
	else
		echo "demo store: eval failed"; status=1
	fi
else
	echo "demo store: skipped (share/demo lists no files yet)"
fi

# bigcat NAME JSONL QUERIES: load a generated catalog, time its queries.
bigcat() {
	rm -f "$tmp/big.db"*
	t0=$(date +%s%N)
	if ! "$bin" -q -e --db "$tmp/big.db" ingest "$2" >/dev/null ||
	    ! "$bin" -q --db "$tmp/big.db" synonyms import \
	    "$SHOPDESK_SHARE/synonyms.tsv" >/dev/null; then
		echo "$1: ingest failed"; status=1; return
	fi
	t1=$(date +%s%N)
	"$bin" --db "$tmp/big.db" eval retrieval --json --queries "$3" \
	    > "$tmp/big.json" || { echo "$1: eval failed"; status=1; return; }
	# Typo queries alone: the vocabulary scan is their extra cost.
	awk 'NR % 5 == 2' "$3" > "$tmp/typoq.jsonl"
	"$bin" --db "$tmp/big.db" eval retrieval --json \
	    --queries "$tmp/typoq.jsonl" > "$tmp/typo.json"
	echo "$1: $N products loaded in $(( (t1 - t0) / 1000000 )) ms," \
	    "$(sqlite3_words) vocabulary words"
	echo "  $(wc -l < "$3") queries (plain, brand, typos, synonyms," \
	    "price words): p50 $(fmtms "$(get query_ms_p50 "$tmp/big.json")")" \
	    "ms, p99 $(fmtms "$(get query_ms_p99 "$tmp/big.json")") ms"
	echo "  typo queries only ($(wc -l < "$tmp/typoq.jsonl")):" \
	    "p50 $(fmtms "$(get query_ms_p50 "$tmp/typo.json")") ms," \
	    "p99 $(fmtms "$(get query_ms_p99 "$tmp/typo.json")") ms"
}
# The size of the typo-correction vocabulary, read through search itself
# would be indirect; the eval output carries no such count, so say "?"
# unless sqlite3(1) is at hand.
sqlite3_words() {
	if command -v sqlite3 >/dev/null 2>&1; then
		sqlite3 "$tmp/big.db" "SELECT count(*) FROM term_vocab"
	else
		echo "?"
	fi
}

# 1. The ingest developer's generator (bench/gen-catalog, built by make
# bench): a small vocabulary, every word in a tenth of the catalog, so
# ranking dominates.  Queries over its words, generated here.
gen=${top_builddir:-$src}/bench/gen-catalog
if [ -x "$gen" ]; then
	"$gen" "$N" 42 > "$tmp/cat1.jsonl"
	awk 'BEGIN {
		nb = split("acer asus dell hp lenovo msi apple samsung sony " \
		    "logitech", B, " ")
		nc = split("laptop phone tablet headphones monitor keyboard " \
		    "mouse camera", C, " ")
		ns = split("gaming everyday business creator budget", S, " ")
		nw = split("fast light quiet bright durable compact wireless " \
		    "premium slim", W, " ")
		split("notebook|cellphone|earbuds|ipad|lenvo|samsnug|" \
		    "logitec|keybord|moniter|gamign", X, "|")
		seed = 7
		for (i = 1; i <= 300; i++) {
			seed = (seed * 16807) % 2147483647; a = seed
			seed = (seed * 16807) % 2147483647; b = seed
			k = i % 5
			if (k == 0) q = C[a % nc + 1]
			else if (k == 1) q = B[a % nb + 1] " " C[b % nc + 1]
			else if (k == 2) q = X[a % 10 + 1] " " S[b % ns + 1]
			else if (k == 3) q = W[a % nw + 1] " " S[b % ns + 1] \
			    " " C[b % nc + 1]
			else q = C[a % nc + 1] " under " (100 + (b % 20) * 100)
			printf("{\"qid\":\"B%03d\",\"query\":\"%s\"}\n", i, q)
		}
	}' > "$tmp/q1.jsonl"
	bigcat "bench/gen-catalog" "$tmp/cat1.jsonl" "$tmp/q1.jsonl"
else
	echo "bench/gen-catalog: skipped (not built; run through make bench)"
fi

# 2. A long-tail catalog (search-catalog.awk: made-up model names give
# some 16,000 vocabulary words, like a real catalog), where the typo
# scan has work to do.
awk -v n="$N" -v out="$tmp/cat2.jsonl" -v queries="$tmp/q2.jsonl" \
    -f "$src/bench/search-catalog.awk"
bigcat "bench/search-catalog.awk" "$tmp/cat2.jsonl" "$tmp/q2.jsonl"
exit $status
