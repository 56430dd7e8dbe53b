# What sending an item back costs, from what the conversation already
# established (it arrived broken), and when the refund of a delivered
# order would come.

story: a TV that arrived broken costs nothing to send back
user: C1042
> I am very disappointed. I paid $1,999 for a TV that arrived broken.
action: defect_return
contains: #12317
> Do I pay for sending it back?
contains: comes back free
not-contains: return label is deducted

story: earbuds that stopped charging go back free
user: C1037
> one of my galaxy buds stopped charging
contains: #12242
> do i pay to send them back
contains: comes back free
contains: #12242

story: no restocking fee on a watch
user: C1020
> I'd like to return my Galaxy Watch6 Classic, the bezel is too big for my wrist
contains: #12230
> Is there a restocking fee on watches?
contains: There is no restocking fee on order #12230
contains: $7.99

story: how long the refund takes if the TV goes back
user: C1042
> The S90D I just got has a line of dead pixels across the middle.
contains: #12317
> How long until I get the refund if I go that way?
contains: within 5 business days
contains: PayPal

story: where the money of a price drop goes
user: C1034
> I bought the TP-Link Archer BE800 on the 11th for $599.99 and now it's $449.99, can I get the difference back?
contains: #12279
contains: $150
> great. where does the money go
contains: PayPal

story: how to start the return just offered
user: C1020
> I'd like to return my Galaxy Watch6 Classic, the bezel is too big for my wrist
action: return_eligible
> How do I start it?
contains: Account > Orders > Return items
contains: #12230

story: how to send back a TV after its cost
user: C1042
> I want to return my new TV, too big for the room. any fees?
contains: #12317
> how do i send it back
contains: Return items
