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

