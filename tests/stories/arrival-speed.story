# How soon things arrive, asked in the customer's words ("arrive", not
# the documents' "delivery"), is answered from the delivery-time entry,
# never from one about a damaged or lost delivery nobody told, whose
# answer opens with an apology.  A damage told still gets the damage
# rules.

story: how fast it arrives, asked casually, gets the delivery times
> hey, how fast does stuff usually arrive?
contains: business day
not-contains: Sorry
not-contains: damage

story: how long for it to arrive, a fragment
> how long for it to arrive
contains: 3-5 business days
not-contains: Sorry
not-contains: refund

story: a damaged arrival told gets the damage rules
> what should i do if something i order arrives damaged
contains: within 7 days of delivery
contains: photo

story: a delivery told as delayed is the late-package policy, not the delivery times
> my package is delayed, what can i do
contains: trace with the carrier
not-contains: 3-5 business days
