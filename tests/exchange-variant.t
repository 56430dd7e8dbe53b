#!/bin/sh
# An exchange for another capacity of the item's own family, asked while
# the item is in its return window (order 11928's iPhone 15 (256GB),
# moved to delivered 12 days ago; the demo has no such order in its
# window): the answer names the order, the variant the catalog lists,
# its price now beside the price paid, whether the catalog has it in
# stock, and the day the return policy allows it until; never who pays
# a difference, which the policy does not say.  Sold out in the catalog:
# said so.  A capacity the family lacks: no such version.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
sql() {
	python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2]); c.commit()' \
	    "$SHOPDESK_DB" "$1"
}
"$SHOPDESK" -q replay </dev/null >/dev/null 2>&1
sql "UPDATE shipments SET shipped_at = '2026-11-05T10:00:00Z',
    estimated_delivery = '2026-11-08T20:00:00Z',
    delivered_at = '2026-11-08T10:00:00Z' WHERE order_id = '11928'"
ok $? "order 11928 delivered 12 days ago"
# said MESSAGE: the bot's reply to it, a new session for C1004.
said() {
	printf '/new\n%s\n' "$1" | "$SHOPDESK" -q replay --user C1004 \
	    2>"$T/err" | sed -n 's/^bot> //p'
}
has() {	# has TEXT STRING: a fixed string found
	printf '%s\n' "$1" | grep -F -q -- "$2"
}

for msg in "id rather have the 128gb iphone 15 - can i exchange the 256gb i got" \
    "exchange the iphone from order 11928 for the 128gb pls" \
    "i want to exchange my iphone for the 128gb"; do
	r=$(said "$msg")
	has "$r" "#11928" && has "$r" "Apple iPhone 15 (128GB)" &&
	    has "$r" '$799' && has "$r" '$899' && has "$r" "2026-12-08" &&
	    has "$r" "in stock"
	ok $? "the 128GB variant, its price and the price paid: $msg"
	has "$r" "Apple iPhone 15 (128GB)" || echo "# reply: $r"
	! printf '%s\n' "$r" | grep -E -q "difference|more than|cheaper|refund"
	ok $? "no difference charged or refunded, which the policy does not say"
done

sql "UPDATE products SET stock = 0 WHERE sku = 'PHN-1021'"
r=$(said "can i exchange the phone from my last order for the 512gb")
has "$r" "#11928" && has "$r" "Apple iPhone 15 (512GB)" &&
    has "$r" "out of stock" && ! has "$r" "in stock and"
ok $? "a variant out of stock in the catalog is said to be"
has "$r" "out of stock" || echo "# reply: $r"

r=$(said "can i exchange the phone from my last order for a 1tb one")
has "$r" "#11928" && has "$r" "don't carry a 1tb"
ok $? "a capacity the family lacks: no such version"
has "$r" "don't carry" || echo "# reply: $r"
finish
