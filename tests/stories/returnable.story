# Which orders can still go back: the delivered ones inside the return
# window, each with its last day; the only one is then in focus.

story: which orders can still be returned
user: C1053
> which of my orders can i still return
action: returnable_orders
contains: #12263
contains: until 2026-12-11
contains: #12189
contains: until 2026-11-29
not-contains: #12150

story: which of the soundbars can go back, then its fee
user: C1043
> which of my orders can i still send back
action: returnable_orders
contains: #12219
contains: until 2026-12-03
not-contains: #12034
> restocking fee on that?
contains: There is no restocking fee on order #12219

story: a price drop past the window says so without a status
user: C1043
> the bose soundbar is 399 now and i paid 499, can i get the difference
contains: #12219
contains: only pay back a price drop within 14 days
not-contains: delivered within
