# A return already open: where it stands and what comes next, not only
# that it is open.

story: a return sent back, no money yet
user: C1024
> my AirPods Max return. I sent them back a week ago and nothing
contains: #12254
contains: RMA-12254-2
contains: haven't received it back yet
contains: within 5 business days
not-contains: already open for order #12254.

story: asking to return what is already on its way back
user: C1002
> i want my money back for the beats
contains: #12281
contains: once it arrives and is inspected
contains: PayPal
> i alredy sent them back!!!
contains: haven't received it back yet

story: where is the return of a printer
user: C1007
> did you get my printer back yet? where is my refund
contains: #12241
contains: haven't received it back yet
contains: Mastercard ending 2547

story: how long, right after what a return brings back
user: C1002
> will I get the full 1199 back for the macbook?
contains: #12170
> and how long after you get it?
contains: within 5 business days
contains: PayPal

story: how long, after a fee on a return
user: C1031
> i returned my samsung tv, will you take some fee
contains: #12273
> how long
contains: within 5 business days
contains: Mastercard ending 9578

story: how long delivery takes is still the store's answer
user: C1031
> i returned my samsung tv, will you take some fee
contains: #12273
> how long does delivery take in general
not-contains: #12273

story: a refund issued that the customer does not see yet
user: C1019
> hey i returned some soundcore earbuds last month, where's my refund?
contains: #12156
> it's been almost 3 weeks tho and I don't see it
contains: 3-10 business days
contains: #12156
not-contains: can't help
