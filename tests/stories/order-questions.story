# Questions about an order the customer has in mind, whatever the
# classifier makes of them: the order in focus, picked by its product,
# by the status the customer names or by position, and the key fact
# from the order's rows and the policy facts (demo store, SHOPDESK_NOW
# 2026-11-20).

story: a follow-up names the order by its product; out for delivery early
user: C1055
> hey, the samsung one, when will that get here?
action: order_status
contains: #12334
contains: out for delivery
contains: UPS
> hmm wasn't it supposed to come on the 21st?
action: order_status
contains: #12334
contains: 2026-11-21
contains: early

story: the order picked by the status the customer names
user: C1001
> the one i cancelled, was my card charged for it?
action: order_status
contains: #12312
contains: nothing was charged
contains: released
not-contains: 12345

story: the same product ordered twice: both orders, then one by position
user: C1046
> looks like I bought the ThinkPad X1 Carbon twice??
action: ask_order_id
contains: #12260
contains: #12348
> please cancel the second one
action: cancel_refused
contains: #12348
contains: shipped
> do I pay a restocking fee if I send it back unopened?
action: return_cost
contains: #12348
contains: no restocking fee
contains: $7.99
> ok so when does it arrive
action: order_status
contains: #12348
contains: 2026-11-21

story: a zip code in a new address is no order number
user: C1018
> I ordered the Yoga 7i last night with my old address on it, can I change that?
action: change_check
contains: #12359
contains: address
> the new address is 88 Grant St Apt 2, Pittsburgh PA 15213
action: change_check
contains: #12359
not-contains: #15213
> will it ship today?
action: order_status
contains: #12359
contains: 1 business day

story: what an opened return brings back, computed for the order
user: C1042
> I'd like to return my new TV
action: return_eligible
contains: #12317
contains: 2026-12-18
> we opened it already. what would I get back?
action: return_cost
contains: 15%
contains: $299.85
contains: $1,691.16

story: refund timing by payment method and a defective return
user: C1002
> where is my refund for the macbook?
action: order_status
contains: #12170
contains: 5 business days
contains: PayPal
> it's still sealed, how much comes back?
action: return_cost
contains: #12170
contains: $1,191.01
> and the beats stopped working, do I pay to send those back?
action: return_cost
contains: #12281
contains: free

story: a card refund says how long the bank takes
user: C1019
> where is my refund for order 12156?
action: order_status
contains: American Express ending 2490
contains: 3-10 business days

story: signature on delivery from the policy threshold
user: C1001
> where's my laptop order?
action: order_status
contains: #12345
> does someone have to sign for it?
action: order_signature
contains: #12345
contains: $500
contains: signature

story: a price drop since the order is refunded within the window
user: C1034
> the first wifi router I bought was 599.99 and now it's 449.99, can I get the difference?
action: price_drop
contains: #12279
contains: $150
contains: 14-day

story: the bot asked which order; "the X one" answers it with the same question
user: C1017
> two of my packages are coming, one looks stuck?
action: ask_order_id
contains: #12347
contains: #12313
> the printer one
action: order_status
contains: #12313
contains: weather delay
> and the keyboard, when does that arrive
action: order_status
contains: #12347
contains: 2026-11-22

story: a defect within the first days: replaced or refunded, a free return
user: C1042
> the S90D I got has dead pixels all over
action: defect_return
contains: #12317
contains: replace or refund
contains: no restocking fee

story: the price said picks among orders of the same kind
user: C1042
> I paid $1,999 for a TV and it arrived broken
action: defect_return
contains: #12317
not-contains: 12053

story: an order placed last night, then its address
user: C1034
> I ordered another router last night, should I cancel it?
action: cancel_offer
contains: #12368
> no, keep it. can it ship to 19 Linden St, Cherry Hill NJ 08002 instead?
action: change_check
contains: #12368
contains: address
not-contains: #08002

story: a question after "shall I start the return?" is no yes
user: C1042
> I'd like to return my new TV
action: return_eligible
> yes it's opened, so what would I get back?
action: return_cost
contains: $1,691.16
not-contains: is started

story: an item named by a word of its name, for its invoice
user: C1037
> can i get an invoice for my windows key
action: order_invoice
contains: #12142

story: an item bought in a month: its warranty from delivery
user: C1048
> is the monitor i got in august still under warranty?
action: order_warranty
contains: #11930
contains: 2029-08-19

story: the order the bot asked for, named with a question of its own
user: C1002
> what's the status of my returns
action: ask_order_id
> the macbook one, did you get it yet
action: order_status
contains: #12170
contains: Return approved
> and where will the refund go
action: order_status
contains: original payment method

story: after an order, questions about the store and a product stay theirs
user: C1001
> where's my laptop order?
action: order_status
contains: #12345
> do you ship to canada?
not-contains: #12345
> how much is the Sony WH-1000XM5?
contains: WH-1000XM5
> does it come with a case?
not-contains: Several of your orders
not-contains: #12345

story: where is my laptop: the one on its way, not one delivered before
user: C1024
> WHERE IS MY LAPTOP. it was supposed to be here today
action: order_status
contains: #12343
not-contains: 11922
