#!/bin/sh
# End-to-end: "has my refund gone through?" answered in chat from the
# payment provider (Stripe's API, tests/fake-shop.js on loopback): the
# refunded and pending amounts, the latest refund's state and date, for
# the order in focus or the customer's order with a return.  When the
# provider has no payment, refuses the key, fails or cannot be reached,
# the customer is told so and gets what the store's records say, never
# a guess.  No card number, from the customer or the provider, and no
# key reaches a reply, the history, a trace or the server's log.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/api-lib.sh"
db() { "$APIDB" "$SHOPDESK_DB" "$1"; }
if ! command -v node >/dev/null 2>&1; then
	[ "${CI-}" = true ] && { echo "Bail out! node is missing"; exit 1; }
	echo "1..0 # SKIP node is not installed"
	exit 77
fi
node "$top_srcdir/tests/fake-shop.js" "$T/port" "$T/shop.log" &
FAKE=$!
trap 'kill $FAKE 2>/dev/null; [ -n "$SERVER_PID" ] && kill -KILL "$SERVER_PID" 2>/dev/null; rm -rf "$T"' EXIT
i=0
while [ ! -s "$T/port" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
SHOP="http://127.0.0.1:$(cat "$T/port")"
export XDG_CONFIG_HOME="$T/cfg"

# chat USER LINE...: one new session, the replies in $T/chat, the JSON
# turns in $T/json.
chat() {
	u=$1; shift
	{ echo "/user $u"; for l in "$@"; do echo "$l"; done; } |
	    "$SHOPDESK" -q replay >"$T/chat" 2>&1
	{ echo "/user $u"; for l in "$@"; do echo "$l"; done; } |
	    "$SHOPDESK" -q replay --json >"$T/json" 2>&1
}
asked() { grep -c "GET /v1/payment_intents/search?query=metadata%5B%27order_id%27%5D%3A%27$1%27" "$T/shop.log"; }

# Without a provider the store's records answer, as before.
chat C1012 "has my refund gone through?"
contains "no provider: which order, as before" "$T/chat" "orders are #12197"
[ ! -s "$T/shop.log" ]; ok $? "and no provider is asked"

export SHOPDESK_STRIPE_URL="$SHOP" SHOPDESK_STRIPE_KEY=sk_test_fake
chat C1012 "has my refund gone through?"
contains "the customer's only order with a return, from the provider" \
    "$T/chat" "Yes, your refund has gone through: our payment provider shows \$328 refunded for order #12197 on 2026-11-18."
contains "with how long a card refund takes to show" "$T/chat" \
    "Card refunds take 3-10 business days"
contains "the action says where it came from" "$T/json" '"action":"payment_status"'
[ "$(asked 12197)" -ge 1 ]; ok $? "the provider was asked about order 12197"
grep -q 'GET /v1/refunds?payment_intent=pi_3Ok12197' "$T/shop.log"
ok $? "and for its refunds"
chat C1012 "did you refund me yet"
contains "said otherwise" "$T/chat" "our payment provider shows \$328 refunded for order #12197"
chat C1012 "was my card charged"
contains "a charge question: the charge first" "$T/chat" \
    "Our payment provider shows \$328 charged for order #12197. It also shows a refund of \$328 paid out on 2026-11-18."

chat C1002 "has my refund gone through?" "the macbook one"
contains "two orders with a return: which one" "$T/chat" \
    "#12281 (Beats Solo 4, placed 2026-11-11, return requested); #12170"
not_contains "not the cancelled one" "$T/chat" "#12191"
contains "then the one chosen: pending since" "$T/chat" \
    "Your refund for order #12170 hasn't gone through yet: our payment provider shows \$1,199 pending since 2026-11-19."
chat C1002 "where's my money for order 12170"
contains "an order named" "$T/chat" "\$1,199 pending since 2026-11-19"
chat C1002 "I want to return order 12170" "where's my money"
contains "the order in focus" "$T/chat" "\$1,199 pending since 2026-11-19"

chat C1004 "has my refund gone through?" "yes please"
contains "a failed refund is said to have failed" "$T/chat" \
    "did not go through: our payment provider shows it failed on 2026-11-17"
contains "and a person is offered, then brought in" "$T/chat" "escalated"

chat C1001 "was my card charged for order 12312"
contains "a cancelled payment: nothing charged" "$T/chat" \
    "Nothing was charged for order #12312"

# The provider has nothing, fails, refuses, or is not there.
chat C1007 "has my refund gone through?"
contains "no payment at the provider: said so" "$T/chat" \
    "Our payment provider has no payment on record for order #12241, so this is what our own records show."
contains "then the store's records" "$T/chat" "Your return for order #12241"
not_contains "nothing invented" "$T/chat" "refunded for order"
n=$(asked 12254)
chat C1024 "where is my refund for order 12254"
contains "a provider failing (503): said so" "$T/chat" \
    "I couldn't check with our payment provider just now, so this is what our own records show."
contains "then the store's records" "$T/chat" "Your return for order #12254"
not_contains "nothing invented" "$T/chat" "refunded for order"
[ $(($(asked 12254) - n)) -eq 6 ]; ok $? "asked three times per lookup (a 5xx is retried twice)"
contains "the trace says why" "$T/json" "payment provider answered 503"
SHOPDESK_STRIPE_KEY=sk_wrong chat C1012 "has my refund gone through?"
contains "a key the provider refuses: said so" "$T/chat" \
    "I couldn't check with our payment provider just now"
contains "then the store's records" "$T/chat" "Your return for order #12197"
contains "the trace says why" "$T/json" "answered 401 (check the key)"
not_contains "never the key" "$T/json" "sk_wrong"
SHOPDESK_STRIPE_URL=http://127.0.0.1:1 chat C1012 "has my refund gone through?"
contains "a provider not there: said so" "$T/chat" \
    "I couldn't check with our payment provider just now"
not_contains "nothing invented" "$T/chat" "\$328 refunded"
printf 'stripe.key = sk_test_fake\n' >"$T/sources"
mkdir -p "$T/cfg/shopdesk" && mv "$T/sources" "$T/cfg/shopdesk/sources"
chmod 644 "$T/cfg/shopdesk/sources"
SHOPDESK_STRIPE_KEY= chat C1012 "has my refund gone through?"
contains "a sources file others can read is not used: said so" "$T/chat" \
    "I couldn't check with our payment provider just now"
contains "then the store's records" "$T/chat" "Your return for order #12197"
contains "the trace says why" "$T/json" "chmod 600"
chmod 600 "$T/cfg/shopdesk/sources"
SHOPDESK_STRIPE_KEY= chat C1012 "has my refund gone through?"
contains "the key from the sources file" "$T/chat" "\$328 refunded for order #12197"

# Card numbers: typed by the customer, held by the provider.
chat C1012 "my card 4111 1111 1111 1111 was charged, did you refund me yet"
contains "answered" "$T/chat" "\$328 refunded for order #12197"
# Digits count as a card's only where no other digit or a decimal point
# is next to them: a trace's timings ("ms":1.6011) are no card number.
held() {
	db "SELECT count(*) FROM $1 WHERE (' ' || $2 || ' ')
	    GLOB '*[^0-9.]$3[^0-9]*'"
}
for s in "4111 1111" "4111111111111111" "6011" "9424" "pi_3Ok" \
    "sk_test_fake"; do
	[ "$(held messages text "$s")" = 0 ]
	ok $? "no message holds $s"
	[ "$(held traces trace "$s")" = 0 ]
	ok $? "no trace holds $s"
	[ "$(held sessions state "$s")" = 0 ]
	ok $? "no dialogue state holds $s"
done
"$SHOPDESK" -q export conversations >"$T/export" 2>&1
not_contains "nor an export" "$T/export" "4111 1111"

# The same over the API.
run_ok "an API key" "$SHOPDESK" -q apikey create --name backend
KEY=$(cat "$T/out")
start_server api
req POST /api/chat/message \
    '{"user_id":"C1012","message":"my card 4111-1111-1111-1111, has my refund gone through?"}' "$KEY"
[ "$STATUS" = 200 ]; ok $? "POST /api/chat/message (status $STATUS)"
contains "the provider's answer over the API" "$T/body" "\$328 refunded for order #12197"
not_contains "no card number in the answer" "$T/body" "4111"
stop_server
for f in "$T/api.log" "$T/api.err"; do
	for s in 4111 6011 9424 sk_test_fake; do
		! grep -Eq "(^|[^0-9.])$s([^0-9]|\$)" "$f"
		ok $? "$(basename "$f") has no $s"
	done
done
finish
