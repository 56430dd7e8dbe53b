#!/bin/sh
# End-to-end: "shopdesk ingest" -- summaries, exit codes, file:line
# messages, all-or-nothing files, --dry-run, --map, --kind.
. "$top_srcdir/tests/lib.sh"
D="$top_srcdir/tests/data/ingest"
SD="$SHOPDESK -e -q"

# unchanged FILE: the database file is byte-for-byte what it was.
snap() { cp "$SHOPDESK_DB" "$T/snap.db"; }
unchanged() { cmp -s "$SHOPDESK_DB" "$T/snap.db"; ok $? "$1"; }

run_ok "DummyJSON catalog loads" $SD ingest "$top_srcdir/tests/data/dummyjson/products.json"
contains "194 products, all new" "$T/out" \
	"products.json: 194 products (194 new, 0 changed, 0 unchanged)"
run_ok "DummyJSON again" $SD ingest "$top_srcdir/tests/data/dummyjson/products.json"
contains "194 unchanged" "$T/out" "194 products (0 new, 0 changed, 194 unchanged)"

run_ok "every fixture format in one command" $SD ingest "$D/products.csv" \
	"$D/products.jsonl" "$D/catalog.json" "$D/faq.jsonl" \
	"$D/policies.jsonl" "$D/tickets.jsonl" "$D/customers.json" \
	"$D/orders.json" "$D/carts.json" "$D/manual.md" "$D/notes.txt"
contains "CSV summary" "$T/out" "products.csv: 3 products (3 new, 0 changed, 0 unchanged)"
contains "orders summary" "$T/out" "orders.json: 1 customer, 2 orders (3 new"
contains "manual summary" "$T/out" "manual.md: 1 document, 5 chunks (1 new"
[ "$(wc -l < "$T/out")" -eq 11 ]; ok $? "one summary line per file"

# Bad files: exit 1, file:line, database untouched.
snap
run_fails "unbalanced CSV quote" 1 $SD ingest "$D/bad/unbalanced.csv"
contains "names file and line" "$T/err" "unbalanced.csv:3: malformed CSV"
unchanged "unbalanced CSV leaves the database as it was"
run_fails "wrong column count" 1 $SD ingest "$D/bad/columns.csv"
contains "column count message" "$T/err" "columns.csv:3: 3 fields, but the header has 4 columns"
run_fails "truncated JSON" 1 $SD ingest "$D/bad/truncated.json"
contains "truncated JSON message" "$T/err" "truncated.json:3: malformed JSON: unexpected end of file"
run_fails "wrong type" 1 $SD ingest "$D/bad/wrong-type.jsonl"
contains "wrong type message" "$T/err" 'wrong-type.jsonl:2: product "B": "price" must be a number'
run_fails "invalid UTF-8" 1 $SD ingest "$D/bad/bad-utf8.jsonl"
contains "UTF-8 message" "$T/err" "bad-utf8.jsonl:2: invalid UTF-8"
run_fails "order of an unknown customer" 1 $SD ingest "$D/bad/unknown-customer.json"
contains "customer message" "$T/err" 'unknown-customer.json:2: order "9": customer "C404"'
unchanged "bad files leave the database as it was"

# Several files, a bad one in the middle: the ones before it stay.
printf 'sku,name,category,price\nNEW-1,n,x,1\n' > "$T/new.csv"
run_fails "a bad file stops the command" 1 $SD ingest "$T/new.csv" \
	"$D/bad/columns.csv" "$D/products.csv"
contains "good file before it reported" "$T/out" "new.csv: 1 product (1 new"
contains "says what stays loaded" "$T/err" "the 1 file before it stays loaded"
not_contains "the file after it is not read" "$T/out" "products.csv"
run_ok "reload the first file" $SD ingest "$T/new.csv"
contains "it had stayed" "$T/out" "(0 new, 0 changed, 1 unchanged)"

# --dry-run checks, counts and leaves nothing.
printf 'sku,name,category,price\nDRY-1,d,x,1\n' > "$T/dry.csv"
snap
run_ok "--dry-run" $SD ingest --dry-run "$T/dry.csv"
contains "--dry-run says so" "$T/out" "dry.csv: 1 product (1 new, 0 changed, 0 unchanged) [dry run]"
unchanged "--dry-run leaves the database as it was"
run_fails "--dry-run still rejects bad files" 1 $SD ingest -n "$D/bad/columns.csv"
contains "--dry-run: nothing loaded" "$T/err" "nothing was loaded"
run_ok "--dry-run: carts checked against the customers file before them" \
	$SD --db "$T/dry2.db" ingest -n "$D/customers.json" "$D/carts.json"
contains "--dry-run: the cart counts" "$T/out" "carts.json: 1 cart (1 new"
run_ok "after that dry run" $SD --db "$T/dry2.db" ingest "$D/customers.json"
contains "the customers were not kept" "$T/out" "2 customers (2 new"
run_ok "after --dry-run the file is new" $SD ingest "$T/dry.csv"
contains "dry-run left nothing" "$T/out" "(1 new, 0 changed, 0 unchanged)"

# --map and --kind.
printf 'product_title,cost,code,category\nWidget,9.5,W-1,gadgets\n' > "$T/mapped.csv"
run_fails "unmapped columns: no sku" 1 $SD ingest --kind product "$T/mapped.csv"
contains "missing sku named" "$T/err" 'mapped.csv:2: "sku" is required'
run_ok "--map" $SD ingest --map name=product_title --map price=cost \
	--map sku=code "$T/mapped.csv"
contains "--map loads" "$T/out" "mapped.csv: 1 product (1 new"
run_fails "unknown --map field" 2 $SD ingest --map colour=color "$T/mapped.csv"
contains "names the field" "$T/err" '"colour"'
run_fails "--map without =" 2 $SD ingest --map name "$T/mapped.csv"
run_fails "unknown --kind" 2 $SD ingest --kind gadget "$T/mapped.csv"
contains "names the kind" "$T/err" "--kind gadget"
printf 'Just a note\n\nAbout returns.\n' > "$T/note.txt"
run_ok "--kind policy on text" $SD ingest --kind policy "$T/note.txt"
run_fails "no files" 2 $SD ingest
run_fails "missing file" 1 $SD ingest "$T/nope.jsonl"
contains "missing file named" "$T/err" "nope.jsonl"
run_fails "unknown extension" 2 $SD ingest "$T/new.xml"
run_ok "help ingest" "$SHOPDESK" help ingest
contains "usage shows --map" "$T/out" "--map FIELD=COLUMN"

finish
