#!/bin/sh
# End-to-end: webhooks from the shop's own systems into shopdesk serve.
# WooCommerce and Shopify sign each delivery (base64 HMAC-SHA-256 of the
# body); a valid one is applied once (a retried delivery changes nothing
# twice), a forged one is refused and logged; an order's status, a
# product's price and stock and a customer's details change; a product
# back in stock sends the restock message at once.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/api-lib.sh"
HMAC="$top_builddir/tests/test-hmac"

export SHOPDESK_WOOCOMMERCE_WEBHOOK_SECRET=woo-secret
mkdir -p "$T/cfg/shopdesk"
printf '# webhook secrets\nshopify.webhook_secret = shop-secret\n' >"$T/cfg/shopdesk/sources"
chmod 644 "$T/cfg/shopdesk/sources"
export XDG_CONFIG_HOME="$T/cfg"
run_fails "serve refuses a secrets file others can read" 1 "$SHOPDESK" serve --port 0
contains "and says how to fix it" "$T/err" "chmod 600"
chmod 600 "$T/cfg/shopdesk/sources"

run_ok "C1002 watches an out-of-stock laptop" "$SHOPDESK" -q triggers watch C1002 LAP-1197
start_server main --triggers 3600

# hook SOURCE SECRET EVENT TOPIC FILE: a signed delivery.
hook() {
	src=$1; secret=$2; event=$3; topic=$4; file=$5
	sig=$("$HMAC" "$secret" "$file")
	case $src in
	woocommerce) h1=X-WC-Webhook-Signature; h2=X-WC-Webhook-Delivery-ID
	    h3=X-WC-Webhook-Topic ;;
	*) h1=X-Shopify-Hmac-Sha256; h2=X-Shopify-Webhook-Id; h3=X-Shopify-Topic ;;
	esac
	STATUS=$(curl -s -o "$T/body" -D "$T/hdr" -w '%{http_code}' \
	    -H "$h1: $sig" -H "$h2: $event" -H "$h3: $topic" \
	    -H 'Content-Type: application/json' --data-binary "@$file" \
	    "$URL/api/webhooks/$src")
}

printf '{"id": 12345, "status": "cancelled", "total": "1378.98"}' >"$T/order.json"
hook woocommerce woo-secret d-1 order.updated "$T/order.json"
status_is "a WooCommerce order update" 200
contains "is applied" "$T/body" '"status":"applied"'
contains "and says what changed" "$T/body" "order 12345: shipped -> cancelled"
[ "$(db "SELECT status FROM orders WHERE id = '12345'")" = cancelled ]
ok $? "the order is cancelled in the store"
[ "$(db "SELECT count(*) FROM order_events WHERE order_id = '12345' AND note = 'Updated from woocommerce'")" = 1 ]
ok $? "with an order event naming the source"
hook woocommerce woo-secret d-1 order.updated "$T/order.json"
status_is "the same delivery again" 200
contains "is a duplicate" "$T/body" '"status":"duplicate"'
[ "$(db "SELECT count(*) FROM order_events WHERE order_id = '12345' AND note = 'Updated from woocommerce'")" = 1 ]
ok $? "and changes nothing twice"

hook woocommerce wrong-secret d-2 order.updated "$T/order.json"
status_is "a forged signature" 401
STATUS=$(curl -s -o "$T/body" -w '%{http_code}' -H 'X-WC-Webhook-Delivery-ID: d-3' \
    -H 'X-WC-Webhook-Topic: order.updated' --data-binary "@$T/order.json" \
    "$URL/api/webhooks/woocommerce")
status_is "no signature" 401
printf '{"id": 12345, "status": "completed"}' >"$T/tampered.json"
sig=$("$HMAC" woo-secret "$T/order.json")
STATUS=$(curl -s -o "$T/body" -w '%{http_code}' -H "X-WC-Webhook-Signature: $sig" \
    -H 'X-WC-Webhook-Delivery-ID: d-4' -H 'X-WC-Webhook-Topic: order.updated' \
    --data-binary "@$T/tampered.json" "$URL/api/webhooks/woocommerce")
status_is "a body changed after signing" 401
[ "$(db "SELECT status FROM orders WHERE id = '12345'")" = cancelled ]
ok $? "none of them changed the order"

printf '{"id": 99999, "status": "completed"}' >"$T/nope.json"
hook woocommerce woo-secret d-5 order.updated "$T/nope.json"
status_is "an order the store lacks" 200
contains "is reported" "$T/body" '"status":"not_found"'
hook woocommerce woo-secret d-6 coupon.updated "$T/order.json"
status_is "a topic not applied" 202
contains "is ignored" "$T/body" '"status":"ignored"'
printf 'not json' >"$T/bad.json"
hook woocommerce woo-secret d-7 order.updated "$T/bad.json"
status_is "a body that is not JSON" 400
hook magento x d-8 order.updated "$T/order.json"
status_is "an unknown source" 404

email=$(db "SELECT email FROM customers WHERE id = 'C1003'")
printf '{"id": 7, "email": "%s", "first_name": "Gabe", "last_name": "Moreau", "billing": {"phone": "+1-555-0199"}}' \
    "$email" >"$T/customer.json"
hook woocommerce woo-secret d-9 customer.updated "$T/customer.json"
status_is "a customer update" 200
[ "$(db "SELECT name || '|' || phone FROM customers WHERE id = 'C1003'")" = "Gabe Moreau|+1-555-0199" ]
ok $? "changes the customer's name and phone"

# Shopify: a product's variant back in stock, at a new price.
printf '{"id": 1, "title": "Acer", "variants": [{"sku": "LAP-1197", "price": "379.00", "compare_at_price": "429.00", "inventory_quantity": 5}]}' >"$T/product.json"
hook shopify shop-secret s-1 products/update "$T/product.json"
status_is "a Shopify product update" 200
[ "$(db "SELECT stock || '|' || price || '|' || list_price FROM products WHERE sku = 'LAP-1197'")" = "5|379.0|429.0" ]
ok $? "sets stock, price and the price before the sale"
i=0
while [ $i -lt 100 ] && [ "$(db "SELECT count(*) FROM trigger_firings WHERE trigger = 'back-in-stock'")" = 0 ]; do
	sleep 0.1
	i=$((i + 1))
done
[ "$(db "SELECT customer FROM trigger_firings WHERE trigger = 'back-in-stock'")" = C1002 ]
ok $? "the watcher hears it is back at once"
hook shopify woo-secret s-2 products/update "$T/product.json"
status_is "Shopify with the other source's secret" 401

stop_server
grep -q '"POST /api/webhooks/woocommerce" 401 .*refused="bad webhook signature"' "$T/main.log"
ok $? "refused deliveries are logged"
not_contains "secrets never reach the log" "$T/main.log" "woo-secret"
finish
