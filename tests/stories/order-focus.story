# Which order the customer means without its number: the order holding
# the product, brand or category named, one of several listed picked by
# position, and the order in focus for follow-ups (demo store,
# SHOPDESK_NOW 2026-11-20).  Orders here are only read.

story: the laptop one: the only order holding an item of that category
user: C1001
> where's my order? the laptop one
intent: track_order
action: order_status
contains: #12345
contains: UPS
contains: 2026-11-21
not-contains: 12312
> can i get the tracking number
action: order_status
contains: 1Z0NCAE50381695266
not-contains: Which order

story: several orders hold the category: listed with items, dates, status
user: C1039
> I want to return my tablet
action: ask_order_id
template: ask_order_choice
contains: #12079 (Apple iPad Pro 13-inch (M4, 256GB, Wi-Fi), placed 2026-09-25, delivered)
contains: #12218 (Lenovo Tab M10 Plus (3rd Gen, 64GB), placed 2026-10-31, delivered)
> the older one
action: return_ineligible
contains: #12079
not-contains: 12218

story: several orders listed, the second one picked as shown
user: C1039
> I want to return my tablet
template: ask_order_choice
> the second one
action: return_eligible
contains: #12218

story: which order: the recent orders with items, dates and status
user: C1001
> where's my package?
action: ask_order_id
contains: #12345 (ASUS ROG Strix G15, Logitech G502 X Plus, placed 2026-11-17, in transit)

story: a product of another order ends the focus
user: C1039
> where is my Fitbit order?
action: order_status
contains: #12114
> where is my Pixel Watch order?
action: order_status
contains: #12185
not-contains: 12114
> can i get the tracking number
action: order_status
contains: #12185
not-contains: 12114

story: the key fact: a delivery exception as the carrier logged it
user: C1017
> where is my order 12313?
action: order_status
contains: delayed
contains: weather delay
contains: November 22

story: the key fact: out for delivery, not just shipped
user: C1059
> where is order 12303?
action: order_status
contains: out for delivery
contains: tracking

story: the key fact: a cancelled order's authorisation released
user: C1001
> where is my order 12312?
action: order_status
contains: cancelled
contains: payment authorisation released

story: the key fact: where a refund went and when
user: C1019
> where is my refund for order 12156?
action: order_status
contains: $129.00
contains: American Express ending 2490
contains: 2026-11-01

story: several orders hold the category, "new" picks the latest
user: C1039
> I want to return my new tablet
action: return_eligible
contains: #12218
not-contains: 12079
