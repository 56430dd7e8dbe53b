# Two requests in one message, each answered in the same reply, in the
# order they were asked; background before a question is no request.

story: an order's status and a shipping question together
user: C1020
> where is order 12006? and do you ship to alaska
action: order_status
contains: was delivered on
contains: all 50 states

story: a cart action, then a store question
user: C1020
> tell me about the Logitech MX Master 3S
> nice, add it to my cart. how long does delivery take?
action: cart_add
contains: Added the Logitech MX Master 3S
contains: 3-5 business days

story: background first is one question, not two
user: C1020
> I bought a laptop here last month. the battery drains fast
action: troubleshoot
not-contains: Here is what I would pick

story: a product question and a store question joined by "and"
> is the JBL Flip 6 in stock and do you take paypal
contains: JBL Flip 6
contains: PayPal

story: "and" between two products joins no requests
> can you compare the jbl flip 6 and the jbl charge 5
action: compare
contains: JBL Charge 5

story: a store question and more about its topic is one request
> what's a restocking fee and when do you charge it
contains: 15%
not-contains: double charge
