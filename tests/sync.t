#!/bin/sh
# End-to-end: shopdesk sync against a local WooCommerce and Shopify that
# speak their REST APIs (tests/fake-shop.js): every page is read, a 429
# is waited out and a 500 retried, records the store cannot take are
# skipped, the catalog, customers and orders land in the store, and the
# next sync asks only for what changed since.
. "$top_srcdir/tests/lib.sh"
APIDB="$top_builddir/tests/test-api-db"
db() { "$APIDB" "$SHOPDESK_DB" "$1"; }
if ! command -v node >/dev/null 2>&1; then
	[ "${CI-}" = true ] && { echo "Bail out! node is missing"; exit 1; }
	echo "1..0 # SKIP node is not installed"
	exit 77
fi
node "$top_srcdir/tests/fake-shop.js" "$T/port" "$T/shop.log" &
FAKE=$!
trap 'kill $FAKE 2>/dev/null; rm -rf "$T"' EXIT
i=0
while [ ! -s "$T/port" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
SHOP="http://127.0.0.1:$(cat "$T/port")"

mkdir -p "$T/cfg/shopdesk"
export XDG_CONFIG_HOME="$T/cfg"
printf 'woocommerce.url = %s/\nwoocommerce.key = ck_test\nwoocommerce.secret = cs_test\n' \
    "$SHOP" >"$T/cfg/shopdesk/sources"
chmod 644 "$T/cfg/shopdesk/sources"
run_fails "a sources file others can read is refused" 1 "$SHOPDESK" sync woocommerce
contains "saying why" "$T/err" "chmod 600"
chmod 600 "$T/cfg/shopdesk/sources"

run_ok "sync from WooCommerce" "$SHOPDESK" sync woocommerce
contains "says what came" "$T/out" "woocommerce: 4 products, 2 customers, 3 orders (2 skipped) since the start"
grep -q 'retried' "$T/out" && ! grep -q ' 0 retried' "$T/out"
ok $? "the 429 was waited out and retried"
grep -q 'GET /wp-json/wc/v3/products?per_page=100&page=3' "$T/shop.log"
ok $? "every page was read (X-WP-TotalPages)"
[ "$(db "SELECT price || '|' || list_price || '|' || stock || '|' || category FROM products WHERE sku = 'WOO-1'")" = "39.0|49.0|12|smart-home" ]
ok $? "a product on sale, with its stock and category"
[ "$(db "SELECT stock FROM products WHERE sku = 'WOO-2'")" = 0 ]
ok $? "out of stock is 0"
[ "$(db "SELECT description FROM products WHERE sku = 'WOO-1'")" = "A dimmable lamp." ]
ok $? "descriptions without their HTML"
[ "$(db "SELECT name || '|' || phone FROM customers WHERE id = 'woo:5'")" = "Ana Ruiz|+1-555-0101" ]
ok $? "customers by the source's id"
[ "$(db "SELECT status || '|' || customer_id FROM orders WHERE id = '9002'")" = "delivered|woo:6" ]
ok $? "orders with the store's status (completed is delivered)"
[ "$(db "SELECT count(*) FROM order_items WHERE order_id = '9001'")" = 2 ]
ok $? "and their items"
[ "$(db "SELECT count(*) FROM orders WHERE id = '9003'")" = 0 ]
ok $? "a guest order is skipped"

run_ok "sync again" "$SHOPDESK" sync woocommerce
contains "only what changed" "$T/out" "woocommerce: 1 products, 2 customers, 1 orders (0 skipped) since 2026-11-20T12:00:00Z"
grep -q 'modified_after=2026-11-20T12:00:00Z' "$T/shop.log"
ok $? "asking the source for changes since the last sync"

# A cancellation in chat goes to WooCommerce first.
printf '/user woo:5\ncancel order 9001\nyes\n' | "$SHOPDESK" -q replay >"$T/replay" 2>&1
grep -q '^bot> Done: order #9001 is cancelled' "$T/replay"
ok $? "a cancellation the source accepts is confirmed"
grep -q 'PUT /wp-json/wc/v3/orders/9001' "$T/shop.log"; ok $? "after asking the source"
[ "$(db "SELECT status FROM orders WHERE id = '9001'")" = cancelled ]; ok $? "and is done here too"
printf '/user woo:5\ncancel order 9004\nyes\n' | "$SHOPDESK" -q replay >"$T/replay" 2>&1
grep -q '^bot> I couldn.t cancel order #9004: our order system says "Order is already being packed"' "$T/replay"
ok $? "a cancellation the source refuses is not confirmed, and says why"
[ "$(db "SELECT status FROM orders WHERE id = '9004'")" = processing ]; ok $? "nothing changed here"
printf '/user woo:5\ncancel order 9004\nyes\n' |
    SHOPDESK_WOOCOMMERCE_URL=http://127.0.0.1:1 "$SHOPDESK" -q replay >"$T/replay" 2>&1
grep -q "^bot> I couldn't reach our order system to cancel order #9004" "$T/replay"
ok $? "an unreachable source: the customer is told, nothing is cancelled"
[ "$(db "SELECT status FROM orders WHERE id = '9004'")" = processing ]; ok $? "still processing"

printf 'woocommerce.url = %s\nwoocommerce.key = ck_wrong\nwoocommerce.secret = cs_test\n' \
    "$SHOP" >"$T/cfg/shopdesk/sources"
run_fails "wrong credentials" 1 "$SHOPDESK" sync woocommerce
contains "are named" "$T/err" "answered 401 (check the credentials)"
run_fails "no settings for shopify" 1 "$SHOPDESK" sync shopify
contains "says what is missing" "$T/err" "shopify needs a url and a token"
run_fails "an unknown source" 2 "$SHOPDESK" sync magento

export SHOPDESK_SHOPIFY_URL="$SHOP" SHOPDESK_SHOPIFY_TOKEN=shpat_test
run_ok "sync from Shopify (settings from the environment)" "$SHOPDESK" sync shopify
contains "says what came" "$T/out" "shopify: 3 products, 1 customers, 2 orders (0 skipped) since the start"
grep -q 'page_info=1' "$T/shop.log"; ok $? "following Link rel=next"
[ "$(db "SELECT name || '|' || price || '|' || list_price || '|' || stock || '|' || brand FROM products WHERE sku = 'SHP-11-B'")" = "Aurora Earbuds (Black)|59.0|79.0|4|Aurora" ]
ok $? "each variant is a product"
[ "$(db "SELECT status || '|' || placed_at FROM orders WHERE id = '1001'")" = "shipped|2026-11-13T01:30:00Z" ]
ok $? "orders by their number, fulfilled is shipped, times in UTC"
[ "$(db "SELECT status FROM orders WHERE id = '1002'")" = cancelled ]
ok $? "a cancelled order"
[ "$(db "SELECT customer_id FROM orders WHERE id = '1001'")" = "shopify:77" ]
ok $? "tied to its customer"
printf '/user shopify:77\nwhere is my order 1001?\n' | "$SHOPDESK" -q replay >"$T/replay" 2>&1
grep -q '^bot> .*#1001 has shipped with UPS (tracking 1Z999AA10123456784)' "$T/replay"
ok $? "and a synced customer asks about it: the carrier and tracking"
# The payment provider (Stripe's API): an order's payment and refunds.
export SHOPDESK_STRIPE_URL="$SHOP" SHOPDESK_STRIPE_KEY=sk_test_fake
run_ok "an order's payment" "$SHOPDESK" payments 12345
contains "its amount and state" "$T/out" "order 12345: payment pi_3Ok12345 1378.98 usd (succeeded)"
contains "what is refunded and what is pending" "$T/out" "refunded 500.00, pending 200.00; latest refund pending at 2026-11-19T"
not_contains "no card details" "$T/out" "4242"
run_ok "a cancelled payment" "$SHOPDESK" payments 12312
contains "says so" "$T/out" "(canceled); no refund"
run_fails "an order the provider does not have" 1 "$SHOPDESK" payments 99999
contains "is named" "$T/err" "no payment for order 99999"
run_fails "an id that could change the query" 1 "$SHOPDESK" payments "1' OR '1"
SHOPDESK_STRIPE_KEY=sk_wrong run_fails "a wrong key" 1 "$SHOPDESK" payments 12345
contains "is named" "$T/err" "answered 401 (check the key)"
not_contains "and never printed" "$T/err" "sk_wrong"

# A card number typed into the chat is masked on arrival.
printf '/user C1001\nmy card 4242 4242 4242 4242 was charged twice\n' |
    "$SHOPDESK" -q replay --json >"$T/replay" 2>&1
not_contains "the turn never holds the card number" "$T/replay" "4242 4242"
contains "it reads [card]" "$T/replay" "my card [card] was charged twice"
[ "$(db "SELECT count(*) FROM messages WHERE text LIKE '%4242%4242%'")" = 0 ]
ok $? "no message in the history holds it"
[ "$(db "SELECT count(*) FROM traces WHERE trace LIKE '%4242%4242%'")" = 0 ]
ok $? "nor any trace"
"$SHOPDESK" -q export conversations >"$T/export" 2>&1
not_contains "nor an export" "$T/export" "4242 4242"
printf '/user C1001\norder 12345, tracking 1Z999AA10123456784\n' |
    "$SHOPDESK" -q replay --json >"$T/replay" 2>&1
contains "order and tracking numbers stay" "$T/replay" "1Z999AA10123456784"
finish
