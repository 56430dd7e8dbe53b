#!/bin/sh
# End-to-end: shopdesk search and shopdesk synonyms on a small catalog
# loaded with ingest into an empty database.
. "$top_srcdir/tests/lib.sh"

D="$top_srcdir/tests/data/retrieval"
db="$T/s.db"
S() { "$SHOPDESK" -q -e --db "$db" "$@"; }

run_ok "ingest the DummyJSON catalog" S ingest "$D/products.jsonl"
run_ok "import the shipped synonyms" S synonyms import \
    "$top_srcdir/share/synonyms.tsv"

run_ok "search galaxy" S search galaxy
contains "text output shows kind, id and title" "$T/out" \
    "product SMA-SAM-SAM-132"
contains "text output marks the match" "$T/out" "[Galaxy]"

run_ok "search --json" S search --json --limit 3 iphone
contains "JSON: kind" "$T/out" '"kind":"product"'
contains "JSON: price and currency" "$T/out" '"currency":"USD"'
contains "JSON: brand" "$T/out" '"brand":"Apple"'
contains "JSON: score" "$T/out" '"score":'
contains "JSON: snippet" "$T/out" '"snippet":'
case $(head -c 1 "$T/out") in "[") ok 0 "JSON is one array";;
*) ok 1 "JSON is one array";; esac
[ "$(grep -o '"kind"' "$T/out" | wc -l)" -eq 3 ]; ok $? "--limit 3 gives 3"

run_ok "typo" S search iphnoe
contains "typo corrected" "$T/out" "iphnoe -> iphone"
contains "typo finds the iPhone" "$T/out" "iPhone"
run_ok "synonym" S search couch
contains "synonym used" "$T/out" "couch -> sofa"
contains "synonym finds the sofa" "$T/out" "Annibale Colombo Sofa"

for q in 'size: 10' '"quoted' 'a AND (b' '*' '-x' 'NEAR(a b)'; do
	run_ok "FTS syntax taken as text: $q" S search -- "$q"
done
run_ok "no results is not an error" S search xyzzyplugh
contains "no results said" "$T/out" "no results"
run_ok "filters" S search --json --category smartphones --max-price 200 \
    --in-stock phone
contains "the cheap phone" "$T/out" '"id":"SMA-APP-IPH-121"'
not_contains "nothing dearer" "$T/out" '"id":"SMA-APP-IPH-124"'
run_ok "--kind product" S search --kind product phone
run_fails "unknown kind" 2 S search --kind gadget phone
contains "unknown kind named" "$T/err" '"gadget"'
run_fails "bad price" 2 S search --max-price cheap phone
contains "bad price named" "$T/err" '"cheap"'
run_fails "bad limit" 2 S search --limit 0 phone
run_fails "no query" 2 S search

# synonyms
run_ok "synonyms add" "$SHOPDESK" --db "$db" synonyms add settee sofa couch
contains "added count (settee -> sofa was seeded)" "$T/out" \
    'added 1 synonym for "settee"'
run_ok "synonyms list TERM" S synonyms list settee
contains "listed" "$T/out" "$(printf 'settee\tsofa\tshop')"
run_ok "synonyms list --json" S synonyms list --json settee
contains "JSON list" "$T/out" '"synonym":"sofa"'
run_ok "synonyms remove pair" S synonyms remove settee couch
run_fails "remove again fails" 1 S synonyms remove settee couch
contains "remove names the pair" "$T/err" '"couch"'
run_fails "list unknown term" 1 S synonyms list nosuchterm
run_fails "add needs a synonym" 2 S synonyms add lonely
run_fails "unknown subcommand" 2 S synonyms frob
printf 'good\tword\nbad line without tab\n' > "$T/bad.tsv"
run_fails "import a bad file" 1 S synonyms import "$T/bad.tsv"
contains "import names file:line" "$T/err" "bad.tsv:2:"
run_fails "bad import leaves nothing" 1 S synonyms list good
run_fails "import a missing file" 1 S synonyms import "$T/none.tsv"

finish
