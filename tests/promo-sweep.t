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
sweep_run promo-sweep.py "$SHOPDESK" "$SHOPDESK_SHARE"
sweep_total PROMO 34 "every category asked (%s messages)"
sweep_floor PROMO 26 "promotions answered, scoped to the product"
sweep_floor SALE 34 "\"is it on sale\" keeps the product's price"
finish
