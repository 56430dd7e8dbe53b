# An order whose money already went back (cancelled or refunded) is
# never offered what only an order that goes ahead gets: no price-drop
# refund, no free defect return, no warranty left on an item sent back.

story: a price drop asked on a cancelled order offers no adjustment
user: C1048
> the sony headphones order i cancelled - they're cheaper now, do i get the difference back?
contains: #12264
contains: no price adjustment
contains: $149
not-contains: refund the difference

story: a price drop asked on a cancelled laptop order, in a fragment
user: C1036
> thinkpad e14 price went down since my order?? refund diff pls
contains: #11914
contains: cancelled
not-contains: refund the difference

story: a refunded tablet is not offered a defect return
user: C1047
> my ipad pro 13 arrived with a cracked screen
contains: #11917
contains: refunded
not-contains: Shall I start the return
not-contains: the return is free

story: a refunded tablet has no warranty left to count
user: C1047
> the ipad pro 13 i ordered, is it still under warranty?
contains: #11917
contains: refunded
not-contains: covered until
