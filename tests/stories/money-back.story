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

story: the return label never came: where it was sent
user: C1024
> i never received the label for sending back my airpods max
action: return_not_delivered
contains: #12254
contains: malik.hayes@example.com
contains: spam

story: the same laptop twice: the one that can still go back
user: C1058
> oops, i got the yoga 7i two times. can i return one of them?
contains: #12152
not-contains: #11974
> we did open the box. any fee?
contains: #12152
contains: $127.35
> and in the end what comes back to me
contains: $713.66

story: the same doorbell twice, none in the window's way: which to return
user: C1034
> I have two of the ring doorbell, can i return one of them
action: ask_order_id
contains: Which one would you like to return

story: a day of the month picks among orders of the same router
user: C1034
> the tp-link i bought on the 11th dropped in price
contains: #12279
not-contains: #12368

story: a word that begins an item's name picks its order
user: C1059
> can i still return the laser printer?
contains: #12303
not-contains: #12268

story: a replacement asked for an item that stopped working
user: C1045
> the razer mouse from order 12314 stopped clicking, i'd prefer a replacement
contains: #12314
contains: replace

story: software asked about before buying: the policy takes none back
> tell me about parallels desktop 20 for mac
> and if it won't run on my old mac, could i send it back?
action: return_ineligible
contains: can't be returned
contains: software

story: a signed-in customer asks the same of software never ordered
user: C1005
> if norton 360 deluxe clashes with my other antivirus can i return it
action: return_ineligible
contains: can't be returned

story: what an order came to, item by item
user: C1053
> how much did i pay for order 12189 in the end
action: order_paid
contains: $828.99
contains: $229.99

story: the refund asked after an item's restocking fee is that item's
user: C1046
> if I return the thinkpad, opened, changed my mind, whats the restocking fee
action: return_cost
contains: $284.85 for the Lenovo ThinkPad X1 Carbon Gen 12
contains: $1,606.16 back
> how much would i get back
action: return_cost
contains: $1,606.16 back
not-contains: $1,665.16
