# Where a return stands when the customer asks whether the store got a
# thing back, a thing that died is a defect of its order, and a
# percentage said about a fee is no model number of a product.

story: getting a named laptop back is where its return stands
user: C1002
> hey, has the warehouse got the macbook back?
contains: #12170
contains: RMA-12170-1
not-contains: $1,099

story: a thing mailed back, asked whether it arrived
user: C1002
> the beats i mailed back last week - did u get them yet?
contains: #12281
contains: haven't received it back

story: a laptop that died is a defect of its order
user: C1002
> my galaxy book just died, screen stays black
contains: #12072
contains: warranty

story: a percentage said of a fee keeps the order in focus
user: C1036
> my new dell monitor shows a dead pixel
contains: #12327
> is there a 15% restocking charge on that?
contains: #12327
contains: no restocking fee
not-contains: Inspiron
