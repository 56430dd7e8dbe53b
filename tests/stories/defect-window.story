# A defect within the days the warranty policy gives from delivery:
# the days said are that policy's, not the refund's processing days.

story: earbuds that stopped charging, within the window
user: C1037
> one of my galaxy buds stopped charging
contains: #12242
contains: within 30 days of delivery
not-contains: within 5 days

story: earbuds with a return open that stopped working
user: C1036
> my galaxy buds fe stopped working
contains: within 30 days
not-contains: within 5 days
