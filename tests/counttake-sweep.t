#!/bin/sh
# A count beside a purchase verb is a quantity bought
# (tests/counttake-sweep.py): after a product's answer, "i want two",
# "could i get 3?", "two of those please" put that many of it in the
# cart, never two-factor sign-in or "two devices"; a count beside any
# other word ("2 day shipping", "two phones", "2fa") adds nothing.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
sweep_run counttake-sweep.py "$SHOPDESK" "$SHOPDESK_SHARE"
sweep_total TAKE 40 "products swept (%s)"
sweep_floor TAKE 40 "a count taken fills the line"
sweep_all NOT "a count beside another word adds nothing"
finish
