# A protection plan asked of "the <kind>" while a product of that kind
# is in focus is that product's plan, priced for it: not the policy's
# general text about every kind.

story: the tablet in focus, its 2-year plan and price
> tell me about the Lenovo Tab M10 Plus (3rd Gen, 64GB)
> if the tablet breaks is there like a 2 year protection and how much
contains: $19.99

story: a kind asked with nothing of it in focus is the policy's
> if a tablet breaks is there a 2 year protection plan
contains: Kestrel Protect
