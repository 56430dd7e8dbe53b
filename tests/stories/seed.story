# The example conversation of the product specification (seed.md), with
# the facts it must state.

story: seed.md example: gaming laptop, battery, warranty
> I'm looking for a gaming laptop under $1500
intent: recommendation
action: recommend
entity: category=laptops
entity: price
contains: ASUS ROG Strix G15
contains: $1,299
contains: Would you like to see the specs?
> Yes, and how's the battery life?
action: answer_attribute
contains: 847 customer reviews
contains: 4-6 hours
contains: 2-3 hours
> What about warranty?
intent: warranty
action: answer_warranty
contains: 1-year manufacturer warranty
contains: 2- or 3-year extended coverage

story: seed.md intents: product inquiry, order status, comparison
user: C1001
> Tell me about iPhone 15
intent: product_inquiry
action: product_info
contains: Apple iPhone 15 (128GB)
contains: $799
> Where is my order #12345?
intent: track_order
entity: order_id=12345
action: order_status
contains: UPS
contains: 2026-11-21
> Compare iPhone vs Samsung Galaxy
intent: comparison
action: compare
contains: Apple iPhone 15
contains: Samsung Galaxy S24
> How do I return this item?
contains: order
> What laptop should I buy?
intent: recommendation
not-contains: sorry
