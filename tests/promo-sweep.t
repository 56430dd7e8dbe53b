#!/bin/sh
# The promotions sweep: for two products of every category of the demo
# store, a promotion of the store's asked with the product pointed at
# ("is there a student discount on it?", "can i apply a promo code to
# it") is answered from the store's promotions, names the product and
# keeps it in focus; "is it on sale?" still gets the product's own price
# (tests/promo-sweep.py).  Floors at the measured figures: "any vouchers
# for it" still gets the price, and "do students get a deal" the
# Black Friday deals, with no product named.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
python3 "$top_srcdir/tests/promo-sweep.py" "$SHOPDESK" "$SHOPDESK_SHARE" \
    >"$T/out" 2>"$T/err"
ok $? "the sweep runs"
sed 's/^/# /' "$T/err" | head -5
grep '^FAIL' "$T/out" | sed 's/^/# /'
set -- $(awk '$1 == "PROMO" { print $2, $3 }' "$T/out")
[ "${2:-0}" -ge 34 ]; ok $? "every category asked (${2:-0} messages)"
[ "${1:-0}" -ge 26 ]; ok $? "promotions answered, scoped to the product: ${1:-0} of ${2:-0} >= 26"
set -- $(awk '$1 == "SALE" { print $2, $3 }' "$T/out")
[ "${1:-0}" -ge 34 ]; ok $? "\"is it on sale\" keeps the product's price: ${1:-0} of ${2:-0} >= 34"
finish
