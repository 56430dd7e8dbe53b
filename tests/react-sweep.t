#!/bin/sh
# The reactions sweep: every kind of fact the bot states (each
# category's price, each FAQ figure, each shipped order's date), then
# the customer's reaction repeating it with disbelief in several voices:
# the reply states the fact again and does not hand over on a first
# reaction (tests/react-sweep.py).  Floors just under the measured
# figures.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
sweep_run react-sweep.py "$SHOPDESK" "$SHOPDESK_SHARE"
for k in PRICE:48 FEE:25 DATE:19; do
	sweep_counts "${k%:*}"
	[ "${sw_pass:-0}" -ge "${k#*:}" ]
	ok $? "${k%:*}: the fact again ${sw_pass:-0} of ${sw_total:-0} >= ${k#*:}"
done
finish
