#!/bin/sh
# End-to-end: a new database is seeded from the demo store in share/demo;
# the counts and the facts the product specification relies on are there,
# and a few searches find what a shopper means.
. "$top_srcdir/tests/lib.sh"

q() {	# q SQL: one value from the seeded database
	"$top_builddir/tests/sql-value" "$SHOPDESK_DB" "$1"
}

run_ok "first use seeds the demo store" "$SHOPDESK" search --limit 1 laptop
[ -s "$SHOPDESK_DB" ]; ok $? "database file created"

n=$(q "SELECT count(*) FROM products"); [ "$n" -ge 300 ]; ok $? "at least 300 products ($n)"
n=$(q "SELECT count(DISTINCT category) FROM products"); [ "$n" -ge 12 ]; ok $? "at least 12 categories ($n)"
n=$(q "SELECT count(*) FROM documents WHERE kind IN ('faq','policy')"); [ "$n" -ge 40 ]; ok $? "at least 40 FAQ and policy entries ($n)"
n=$(q "SELECT count(*) FROM documents WHERE kind = 'manual'"); [ "$n" -ge 10 ]; ok $? "at least 10 manuals ($n)"
n=$(q "SELECT count(*) FROM documents WHERE kind = 'ticket'"); [ "$n" -ge 100 ]; ok $? "at least 100 tickets ($n)"
n=$(q "SELECT count(*) FROM customers"); [ "$n" -ge 50 ]; ok $? "at least 50 customers ($n)"
n=$(q "SELECT count(*) FROM orders"); [ "$n" -ge 150 ]; ok $? "at least 150 orders ($n)"
for s in processing shipped delivered cancelled return_requested refunded; do
	n=$(q "SELECT count(*) FROM orders WHERE status = '$s'")
	[ "$n" -ge 1 ]; ok $? "orders in status $s ($n)"
done
n=$(q "SELECT count(*) FROM orders o WHERE o.status = 'shipped' AND NOT EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id AND s.tracking_number <> '')")
[ "$n" -eq 0 ]; ok $? "every shipped order has a tracking number"
n=$(q "SELECT count(*) FROM products WHERE review_summary LIKE '%battery%'"); [ "$n" -ge 50 ]; ok $? "review summaries mention battery life ($n)"
n=$(q "SELECT count(*) FROM chunk_fts"); m=$(q "SELECT count(*) FROM chunks")
[ "$n" -eq "$m" ]; ok $? "chunk index in step with chunks ($n)"
n=$(q "SELECT count(*) FROM product_fts"); m=$(q "SELECT count(*) FROM products")
[ "$n" -eq "$m" ]; ok $? "product index in step with products ($n)"

# What seed.md names.
v=$(q "SELECT price || '|' || review_count || '|' || warranty || '|' || subcategory FROM products WHERE name = 'ASUS ROG Strix G15'")
[ "$v" = "1299.0|847|1-year manufacturer warranty|gaming" ]; ok $? "ROG Strix G15 at \$1,299 with 847 reviews ($v)"
v=$(q "SELECT review_summary LIKE '%4-6 hours%' AND review_summary LIKE '%2-3 hours%' AND extended_warranty LIKE '%2- or 3-year%' FROM products WHERE name = 'ASUS ROG Strix G15'")
[ "$v" = "1" ]; ok $? "Strix battery 4-6 h / 2-3 h and 2-3 year extended coverage"
n=$(q "SELECT count(*) FROM products WHERE name LIKE 'Apple iPhone 15%'"); [ "$n" -ge 1 ]; ok $? "an iPhone 15 ($n)"
n=$(q "SELECT count(*) FROM products WHERE name LIKE 'Samsung Galaxy S%' AND category = 'smartphones'"); [ "$n" -ge 2 ]; ok $? "Samsung Galaxy phones ($n)"
n=$(q "SELECT count(*) FROM products WHERE name LIKE 'Lenovo ThinkPad E14%' AND price < 800"); [ "$n" -ge 1 ]; ok $? "a ThinkPad E14 under \$800"

# Searches a shopper would make.
s() { "$SHOPDESK" search --json --limit 5 "$@" > "$T/out"; }
s gaming laptop; contains "gaming laptop finds a laptop" "$T/out" '"category":"laptops"'
s thinkpd; contains "typo: thinkpd finds the ThinkPad" "$T/out" 'ThinkPad'
s galxy s24; contains "typo: galxy s24 finds a Galaxy S24" "$T/out" 'Galaxy S24'
s cellphone; contains "synonym: cellphone finds smartphones" "$T/out" '"category":"smartphones"'
s --max-price 800 --category laptops laptop; contains "filters: laptops under \$800" "$T/out" '"kind":"product"'
not_contains "no laptop over \$800" "$T/out" '"price":1299'
s how do I return an item; contains "documents: the return policy" "$T/out" '"kind":"policy"'
s "size: 10 (AND) \"quotes\" -x *"; ok $? "FTS5 syntax in a query is plain text"

# Opening an existing database does not seed it again.
before=$(q "SELECT count(*) FROM products")
"$SHOPDESK" search laptop >/dev/null
after=$(q "SELECT count(*) FROM products")
[ "$before" = "$after" ]; ok $? "a second run does not seed again"
# --empty makes a new database without the demo store.
"$SHOPDESK" --db "$T/empty.db" --empty search laptop > "$T/out"
n=$("$top_builddir/tests/sql-value" "$T/empty.db" "SELECT count(*) FROM products")
[ "$n" -eq 0 ]; ok $? "--empty creates an empty store"
# The demo store is seeded relative to the day it is created: on another
# day every date keeps its spacing to "today" (the files are written as
# of 2026-11-20; 2027-03-05 is 105 days later).
later="$T/later.db"
SHOPDESK_NOW=2027-03-05T09:30:00Z "$SHOPDESK" --db "$later" search laptop \
    >/dev/null
ok $? "a store created on another day"
lq() { "$top_builddir/tests/sql-value" "$later" "$1"; }
v=$(lq "SELECT placed_at FROM orders WHERE id = '12345'")
[ "$v" = "2027-03-02T14:32:00Z" ]; ok $? "an order placed 3 days before today still is ($v)"
v=$(lq "SELECT estimated_delivery FROM shipments WHERE order_id = '12345'")
[ "$v" = "2027-03-06T20:00:00Z" ]; ok $? "its delivery is still expected tomorrow ($v)"
v=$(lq "SELECT count(*) FROM order_events WHERE order_id = '12345' AND note LIKE '%estimated delivery March 6, 2027%'")
[ "$v" = "1" ]; ok $? "the event's text moves with it"
v=$(lq "SELECT value LIKE '%\"starts\":\"2027-02-27\",\"ends\":\"2027-03-16\"%' FROM meta WHERE key LIKE 'facts:%' AND value LIKE '%active_promotions%'")
[ "$v" = "1" ]; ok $? "the sale still ends in 11 days"
v=$(lq "SELECT count(*) FROM documents WHERE body LIKE '%From February 27 to March 16, 2027%'")
[ "$v" -ge 1 ]; ok $? "and its text says so ($v)"
a=$(q "SELECT count(*) FROM orders WHERE status = 'delivered' AND julianday('2026-11-20') - julianday(substr((SELECT max(delivered_at) FROM shipments s WHERE s.order_id = orders.id), 1, 10)) <= 30")
b=$(lq "SELECT count(*) FROM orders WHERE status = 'delivered' AND julianday('2027-03-05') - julianday(substr((SELECT max(delivered_at) FROM shipments s WHERE s.order_id = orders.id), 1, 10)) <= 30")
[ "$a" = "$b" ] && [ "$a" -gt 0 ]; ok $? "as many deliveries inside the return window ($a, $b)"
printf '/user C1001\nWhere is my order #12345?\n' |
    SHOPDESK_NOW=2027-03-05T09:30:00Z "$SHOPDESK" --db "$later" replay \
    > "$T/out"
contains "the reply gives the moved date" "$T/out" "Expected delivery: 2027-03-06"
finish
