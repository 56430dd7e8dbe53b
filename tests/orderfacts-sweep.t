#!/bin/sh
# The order-facts sweep: order questions whose answer needs one more
# fact than the status, asked of every demo order they fit
# (tests/orderfacts-sweep.py writes the conversations from share/demo):
# a new address (still changeable, or the carrier's redirect), what if
# a parcel is late (the delivery policy's rule), must someone be home
# (the signature threshold), a refund of a gift card (non-refundable),
# when a card refund shows (the bank posting days), reordering (the
# price now beside the price paid), one item of several cancelled
# alone (what the status allows, item named), an exchange for a
# capacity the item's family lacks (no such version).  Every
# turn must pass, and none may be about another order.
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not installed"; exit 77; }

eval_sweep orderfacts-sweep.py "another order" redirect late sign nonrefundable cardtime reorder cancelline exchange
finish
