# What a return brings back and whether an order can still be
# cancelled, asked in everyday words: the amount from the return
# policy's own arithmetic, the full price for a return logged as a
# defect, and the order's status named when a cancel is asked.

story: the money back on speakers, asked loosely
user: C1013
> if i sent the soundbar back what money would i see back
action: return_cost
contains: #12300
contains: $1,392

story: the charge for returning a camera already opened
user: C1054
> i've unboxed and opened the action cam. would you charge me anything to send it back?
action: return_cost
contains: $52.35
contains: $288.66

story: a charge word that is also a product name picks no other order
user: C1039
> what would my refund come to on order 12185
contains: #12185
> opened it already, any charge for sending it back?
contains: #12185
not-contains: #12114

story: an open return for a dead item brings back every cent
user: C1012
> how much money comes back to me for order 12197
contains: $328
contains: defective or damaged

story: a processing order can be cancelled, and says why
user: C1060
> is it possible to still cancel order 12363
action: cancel_offer
contains: processing
contains: hasn't shipped

story: a shipped order cannot, and the way out is named
user: C1022
> order 12349 - can i still cancel?
action: cancel_refused
contains: shipped
contains: refuse the delivery
