# Follow-ups about a customer's orders: another order pointed at by a
# thing in it, one of those listed picked by how it stands, one item of
# an order returned.

story: a printer pointed at after another order switches to its order
user: C1059
> has 12303 come yet
contains: #12303
> ok and the ssd one?
contains: #12318
contains: 361259253499
not-contains: #12303

story: a kind of thing alone, right after an order's answer
user: C1017
> status of order 12347 please
contains: #12347
> and the printer
contains: #12313
contains: 1ZUE7UEJ0308436838
not-contains: cart

story: a listed order picked by how it stands
user: C1046
> I have a question about one of my orders
contains: #12305
> the one out for delivery
contains: #12305
contains: out for delivery
not-contains: #12348

story: a delayed order picked from the list
user: C1017
> need help with an order
contains: #12313
> the delayed one
contains: #12313
contains: November 22

story: one item of an order returned, beside software that never can be
user: C1047
> could I send back only the anker charger from 12049?
action: return_ineligible
template: return_window_passed
contains: Anker 735 Charger
not-contains: software

story: a return whose order the customer forgot is no purchase
user: C1043
> want to send something back, can't remember what order it was in. the soundbar
contains: #12219
not-contains: cart

story: what an order held
user: C1059
> order 12268 pls
contains: #12268
> what was in that order again
contains: Epson EcoTank
contains: Logitech MX Keys S

story: a package feared lost is the order's status
user: C1050
> did my nest wifi get lost??
contains: #12326
contains: new estimated delivery

story: an answer that points at none of the orders listed asks again
user: C1055
> where's my tv
contains: #12334
contains: #12358
> when will that one get here
contains: #12334
contains: #12358
