#!/bin/sh
# End-to-end: proactive messages (shopdesk triggers) on the demo store.
# A dry run lists who would be messaged and stores nothing; a run sends
# each message once, into the customer's session; running again sends
# nothing twice; cool-downs, the daily cap, opt-out and quiet hours hold
# messages back; a product watched while out of stock fires when it is
# back; a phone bought gets the case made for it, not one for its
# bigger sibling; the report counts replies.
. "$top_srcdir/tests/lib.sh"
APIDB="$top_builddir/tests/test-api-db"
db() { "$APIDB" "$SHOPDESK_DB" "$1"; }
DEMO="$top_srcdir/share/demo"

run_ok "a dry run" "$SHOPDESK" -q triggers run --dry-run
contains "an abandoned cart would be messaged" "$T/out" \
    "abandoned-cart	C1001	-	cart CART-2002"
contains "with the items and the customer's first name" "$T/out" \
    "Hi Jordan, you left Sony WH-1000XM5 in your cart (\$399.00)"
contains "a price drop on a carted product" "$T/out" \
    "price-drop	C1019	-	in cart CART-2008 at \$449.00, now \$349.00"
contains "a seasonal suggestion from past categories" "$T/out" \
    "holiday-gifts	C1002"
[ "$(db 'SELECT count(*) FROM trigger_firings')" = 0 ]
ok $? "a dry run stores nothing"
[ "$(db "SELECT count(*) FROM messages WHERE action = 'proactive'")" = 0 ]
ok $? "and sends nothing"
DRY=$(wc -l <"$T/out")

run_ok "a run" "$SHOPDESK" triggers run
[ "$(wc -l <"$T/out")" = "$DRY" ]; ok $? "sends what the dry run listed ($DRY)"
contains "and says how many" "$T/err" "$DRY sent"
[ "$(db 'SELECT count(*) FROM trigger_firings')" = "$DRY" ]
ok $? "each firing is stored"
SID=$(db "SELECT session_id FROM trigger_firings WHERE customer = 'C1001' AND trigger = 'abandoned-cart'")
[ -n "$SID" ]; ok $? "in a session of the customer's"
[ "$(db "SELECT user_id FROM sessions WHERE id = '$SID'")" = C1001 ]; ok $? "C1001's"
db "SELECT text FROM messages WHERE session_id = '$SID' AND role = 'bot'" >"$T/msg"
contains "as a bot message" "$T/msg" "Hi Jordan, you left Sony WH-1000XM5"
[ "$(db "SELECT count(*) FROM trigger_firings WHERE customer = 'C1005'")" = 2 ]
ok $? "the daily cap holds a customer at two messages"

run_ok "run again" "$SHOPDESK" triggers run
[ ! -s "$T/out" ]; ok $? "nothing is sent twice"
contains "everything was sent before" "$T/err" "0 sent (of"
contains "counted" "$T/err" "sent before"

# Quiet hours: nothing at 23:00 UTC.
run_ok "a run in quiet hours" "$SHOPDESK" triggers run --now 2026-11-20T23:00:00Z
[ ! -s "$T/out" ]; ok $? "sends nothing"
contains "and says why" "$T/err" "quiet hours"

# A second price drop on the same product: a new subject, but within
# the cool-down; a day later it goes out, unless the customer opted out.
grep '"sku": "PHN-1100"' "$DEMO/products.jsonl" >/dev/null ||
    echo "# PHN-1100 missing from the demo"
sku=$(db "SELECT sku FROM cart_items WHERE cart_id = 'CART-2008'")
grep "\"sku\": \"$sku\"" "$DEMO/products.jsonl" |
    sed 's/"price": [0-9.]*/"price": 299.0/' >"$T/drop.jsonl"
run_ok "the price drops again" "$SHOPDESK" -q ingest "$T/drop.jsonl"
run_ok "a run an hour later" "$SHOPDESK" triggers run --now 2026-11-20T13:00:00Z
not_contains "the new drop waits for the cool-down" "$T/out" "price-drop	C1019"
grep -q ' [1-9][0-9]* in cool-down' "$T/err"; ok $? "counted as cool-down"
run_ok "C1019 opts out" "$SHOPDESK" -q triggers optout C1019
run_ok "a run two days later" "$SHOPDESK" triggers run --now 2026-11-22T13:00:00Z
not_contains "an opted-out customer hears nothing" "$T/out" "	C1019	"
grep -q ' [1-9][0-9]* opted out' "$T/err"; ok $? "counted as opted out"
run_ok "C1019 opts in again" "$SHOPDESK" -q triggers optout C1019 --undo
run_ok "and a run" "$SHOPDESK" triggers run --now 2026-11-22T14:00:00Z
contains "then the drop is sent" "$T/out" "price-drop	C1019"
contains "at the new price" "$T/out" "is now \$299.00"

# Back in stock, for a customer who watched it while it was out.
run_ok "C1002 watches an out-of-stock laptop" "$SHOPDESK" -q triggers watch C1002 LAP-1197
run_fails "watching an unknown product" 1 "$SHOPDESK" -q triggers watch C1002 NOPE-1
run_ok "a run" "$SHOPDESK" triggers run --now 2026-11-22T15:00:00Z
not_contains "nothing while it is out of stock" "$T/out" "back-in-stock"
grep '"sku": "LAP-1197"' "$DEMO/products.jsonl" |
    sed 's/"stock": 0/"stock": 7/' >"$T/restock.jsonl"
run_ok "it is restocked" "$SHOPDESK" -q ingest "$T/restock.jsonl"
run_ok "a run" "$SHOPDESK" triggers run --now 2026-11-22T16:00:00Z
contains "back in stock fires" "$T/out" "back-in-stock	C1002"
contains "with the stock" "$T/out" "is back in stock (7 available"

# An accessory made for what was bought: the S24's case for an S24.
cat >"$T/order.json" <<'JSON'
{"orders": [{"type": "order", "id": "99001", "customer_id": "C1010",
 "status": "delivered", "placed_at": "2026-11-21T10:00:00Z",
 "updated_at": "2026-11-21T10:00:00Z", "currency": "USD",
 "items": [{"sku": "PHN-1079", "name": "Samsung Galaxy S24 (128GB)",
   "qty": 1, "unit_price": 799.0}], "total": 799.0,
 "shipments": [], "events": []}]}
JSON
run_ok "C1010 buys a Galaxy S24" "$SHOPDESK" -q ingest "$T/order.json"
run_ok "a run" "$SHOPDESK" triggers run --now 2026-11-23T10:00:00Z
contains "the case made for it is suggested" "$T/out" \
    "accessory-for-purchase	C1010"
contains "by name" "$T/out" "OtterBox Commuter Series for Galaxy S24 ("
not_contains "never a case for another model" "$T/out" "S24 Ultra"

# The report: C1001 answers the abandoned-cart message.
printf '/session %s\nyes, what colours does it come in?\n' "$SID" |
    "$SHOPDESK" -q replay --user C1001 >"$T/replay" 2>&1
ok $? "C1001 answers in the session"
run_ok "the report" "$SHOPDESK" triggers report
grep -q '^abandoned-cart .* 1 ' "$T/out"; ok $? "counts the reply"
contains "lists each trigger" "$T/out" "price-drop"

# From the chat: watching a product, and opting out.
printf '/user C1007\nis the dell xps 14 in stock?\ntell me when it is back in stock\n' |
    "$SHOPDESK" -q replay >"$T/replay" 2>&1
grep -q "^bot> .*I'll tell you here as soon as it is back" "$T/replay"
ok $? "\"tell me when it's back\" in chat watches the product"
[ "$(db "SELECT sku FROM trigger_watches WHERE customer = 'C1007'")" = LAP-1205 ]
ok $? "the one in focus"
grep '"sku": "LAP-1205"' "$DEMO/products.jsonl" |
    sed 's/"stock": 0/"stock": 3/' >"$T/restock2.jsonl"
run_ok "it is restocked" "$SHOPDESK" -q ingest "$T/restock2.jsonl"
run_ok "a run" "$SHOPDESK" triggers run --now 2026-11-24T10:00:00Z
contains "its restock reaches the customer" "$T/out" "back-in-stock	C1007"
printf '/user C1010\nplease stop sending me these messages\n' |
    "$SHOPDESK" -q replay >"$T/replay" 2>&1
grep -q "^bot> Done: I won't send you any more messages" "$T/replay"
ok $? "\"stop sending me these messages\" in chat opts out"
[ "$(db "SELECT count(*) FROM trigger_optouts WHERE customer = 'C1010'")" = 1 ]
ok $? "recorded for every channel"
printf '/user C1010\nI got no messages about my order\n' |
    "$SHOPDESK" -q replay >"$T/replay" 2>&1
not_contains "a complaint about messages is no opt-out" "$T/replay" "send me offers again"

# shopdesk serve --triggers: on a schedule, in a fresh store.
export SHOPDESK_DB="$T/serve.db"
"$SHOPDESK" serve --port 0 --triggers 0.5 2>"$T/serve.err" &
SPID=$!
i=0
while [ $i -lt 600 ] && ! grep -q 'triggers: [0-9]* sent' "$T/serve.err"; do
	sleep 0.1
	i=$((i + 1))
done
contains "serve runs the triggers on its schedule" "$T/serve.err" "triggers: $DRY sent"
sleep 1.2
kill -TERM $SPID
wait $SPID
ok $? "and stops cleanly"
[ "$(grep -c 'triggers: [0-9]* sent' "$T/serve.err")" = 1 ]
ok $? "its later runs send nothing twice"
[ "$(db 'SELECT count(*) FROM trigger_firings')" = "$DRY" ]
ok $? "what it sent is stored"
run_fails "--triggers that is not a number" 2 "$SHOPDESK" serve --triggers soon
export SHOPDESK_DB="$T/shop.db"

# Bad input.
run_fails "--now that is not a time" 2 "$SHOPDESK" triggers run --now tomorrow
printf '{"triggers": [{"name": "x", "kind": "nope", "message": "hi"}]}' >"$T/bad.json"
run_fails "a triggers file with an unknown kind" 1 "$SHOPDESK" triggers run --file "$T/bad.json"
contains "names the trigger" "$T/err" "trigger x: kind must be"
printf '{"triggers": [{"name": "y", "kind": "abandoned_cart", "message": "hi {product}"}]}' >"$T/bad.json"
run_fails "a placeholder the kind has not" 1 "$SHOPDESK" triggers run --file "$T/bad.json"
contains "is named" "$T/err" "{product} is not a placeholder of abandoned_cart"
printf 'not json' >"$T/bad.json"
run_fails "a file that is not JSON" 1 "$SHOPDESK" triggers run --file "$T/bad.json"
run_fails "a file that is missing" 1 "$SHOPDESK" triggers run --file "$T/none.json"
run_fails "no subcommand" 2 "$SHOPDESK" triggers frob
finish
