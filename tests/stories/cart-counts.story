# A count said with a buying act puts that many of the product meant in
# the cart; a question that only says "take it" or "get it" about where
# or how the product goes is no buying act.

story: a count of the product just shown
user: C1030
> what do you know about the Anker 737 Power Bank
> stick three of them in my basket
action: cart_add
contains: Added 3 of the Anker 737 Power Bank
contains: x 3

story: a count in digits with a pointer
user: C1031
> how much are the Bose QuietComfort Ultra Earbuds
> ok add 2 of em
action: cart_add
contains: Added 2 of the Bose QuietComfort Ultra Earbuds

story: taking it somewhere is a question, not a purchase
user: C1032
> is the Garmin Forerunner 265 any good
> can i take it swimming in the sea?
not-contains: to your cart

story: getting it in a colour is a question, not a purchase
user: C1033
> show me the Apple iPhone 15 (128GB)
> can i get it in pink
not-contains: to your cart
