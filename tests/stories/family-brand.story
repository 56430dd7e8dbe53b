# A brand said right before a family's words names a product of that
# brand: "the belkin 3 in 1" is never a Lenovo 2-in-1 that shares the
# words "in 1".  The members of the brand said are weighed, and when none
# has that brand (with the number said between), the product is one the
# catalog lacks: said so with the nearest of the brand, never another
# brand's product answered in its place.

story: the brand said before a family's words keeps that brand's member
> will the belkin 3 in 1 charge my iphone
contains: Belkin BoostCharge
not-contains: Lenovo

story: the brand's member after another member was discussed
> tell me about the Lenovo Yoga 7i 14 2-in-1
> and the belkin 3 in 1, how much is it
contains: Belkin BoostCharge
contains: 119.99
not-contains: Yoga

story: no member of the brand said: not in the catalog, not another brand's
> how much is the anker 8 in 1
action: product_not_found
contains: couldn't find
contains: Anker
not-contains: Lenovo

story: a brand and a number that no member has, the focus elsewhere
> tell me about the Dell Inspiron 14 2-in-1
> is the sony 8 in 1 any good
action: product_not_found
not-contains: Inspiron
not-contains: Lenovo

story: the brand one member has is still that member
> price of the dell 2 in 1
contains: Dell Inspiron 14 2-in-1
not-contains: Lenovo
