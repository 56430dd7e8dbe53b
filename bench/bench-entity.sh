#!/bin/sh
# bench-entity: gazetteer build time on the demo catalog (or the test
# fixture until the demo store has products) and on a generated
# 100,000-product catalog, and extraction throughput on the labelled set.
# Run by "make bench" (bench/run.sh) from the build tree.
set -u
: "${SHOPDESK:?run through make bench}"
: "${top_srcdir:?}" "${top_builddir:?}"
GEN="$top_builddir/bench/gen-entity-catalog"
D="$top_srcdir/tests/data/entities"
T=$(mktemp -d "${TMPDIR:-/tmp}/sdbench.XXXXXX")
trap 'rm -rf "$T"' EXIT
export SHOPDESK_NOW="2026-11-20T12:00:00Z"

# The demo store, as a new database seeds it.
"$SHOPDESK" -q --db "$T/demo.db" eval entities --json "$D/test.jsonl" \
	>/dev/null 2>&1
echo "demo catalog:"
"$GEN" "$T/demo.db" -t > "$T/demo.out"
cat "$T/demo.out"
if grep -q ' 0 products' "$T/demo.out"; then
	echo "  (no products in the demo store yet; the test fixture:)"
	"$GEN" "$T/fix0.db" "$D/catalog.jsonl"
	"$GEN" "$T/fix0.db" -t
fi

echo "generated catalog (100,000 products, deterministic):"
"$GEN" "$T/big.db" -g 100000
"$GEN" "$T/big.db" -t

# The labels refer to the demo store (tests/data/entities/README).
for f in "$D/train.jsonl" "$D/test.jsonl" "$D/short-test.jsonl" \
    "$D/no-product.jsonl"; do
	"$GEN" "$T/demo.db" -x "$f"
done
# Held out: short names (F1) and sentences naming no product (precision).
printf 'short-name F1 (held out): '
"$SHOPDESK" -q --db "$T/demo.db" eval entities --json \
    "$D/short-test.jsonl" | sed -n 's/^{"n":[0-9]*,"precision":[0-9.]*,"recall":[0-9.]*,"f1":\([0-9.]*\),.*/\1/p'
printf 'no-product precision (held out): '
"$SHOPDESK" -q --db "$T/demo.db" eval entities --json \
    "$D/no-product.jsonl" | sed -n 's/.*"no_product":{[^}]*"precision":\([0-9.]*\)}.*/\1/p'
