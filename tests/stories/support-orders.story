# Customer support: order tracking, refunds and cancellations on the demo
# store (SHOPDESK_NOW 2026-11-20).  Stories share one scratch database, so
# an order a story changes is used by no other story.

story: track an order with its number
user: C1001
> Where is my order #12345?
intent: track_order
entity: order_id=12345
action: order_status
contains: shipped with UPS
contains: 1Z0NCAE50381695266
contains: 2026-11-21

story: track without a number: the form asks, then a bare number fills it
user: C1001
> where's my package?
intent: track_order
action: ask_order_id
contains: #12345
contains: #12076
> it's 12345
action: order_status
contains: UPS
contains: Expected delivery: 2026-11-21

story: track: the form keeps asking until the number comes
user: C1059
> has my order shipped yet?
action: ask_order_id
contains: #12318
> order 12318
entity: order_id=12318
action: order_status
contains: FedEx
contains: 361259253499
contains: 2026-11-21

story: someone else's order is not shown
user: C1001
> track order 12303
intent: track_order
entity: order_id=12303
action: order_not_owned
contains: can't find order #12303
not-contains: HP LaserJet
not-contains: UPS

story: an unknown order number
user: C1001
> what's the status of order 99999
action: order_not_found
contains: #99999
contains: check the number

story: an anonymous customer must sign in first
> where is my order 12345
intent: track_order
action: order_needs_user
contains: sign in
not-contains: UPS

story: a delivered order says when
user: C1004
> has order 11928 been delivered?
action: order_status
contains: delivered on 2026-08-20
contains: Apple iPhone 15 (256GB)

story: a processing order says when it was placed
user: C1018
> status of my order 12359 please
action: order_status
contains: being processed
contains: 2026-11-19
contains: Lenovo Yoga 7i 14 2-in-1

story: refund issued
user: C1003
> where is my refund for order 12107
intent: track_refund
action: order_status
contains: refund for order #12107
contains: $199.99
contains: issued

story: refund pending while the return is on its way
user: C1002
> has my refund for order 12281 been processed?
intent: track_refund
action: order_status
contains: in progress
contains: #12281

story: cancel a processing order, confirmed
user: C1039
> cancel order 12351
intent: cancel_order
action: cancel_offer
contains: Google Pixel Buds Pro 2
contains: $229
contains: Shall I cancel it?
> yes please
action: order_cancelled
contains: order #12351 is cancelled
> where is order 12351
action: order_status
contains: was cancelled

story: cancel a processing order, then changing one's mind
user: C1018
> I want to cancel my order 12359
action: cancel_offer
contains: $849
> no
intent: deny
action: declined
not-contains: cancelled
> what's the status of order 12359
action: order_status
contains: being processed

story: a shipped order cannot be cancelled
user: C1001
> cancel order 12345
intent: cancel_order
action: cancel_refused
contains: already shipped
contains: return it instead

story: a delivered order cannot be cancelled
user: C1020
> please cancel order 12230
action: cancel_refused
contains: delivered on 2026-11-05
contains: return

story: a cancelled order has nothing to cancel
user: C1002
> I want to return an item
action: ask_order_id
contains: #12281
> can I cancel order 12191 instead?
intent: cancel_order
action: cancel_refused
contains: #12191
contains: nothing to cancel
