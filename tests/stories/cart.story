# The cart: taking a product adds it, removing and listing show it.

story: taking a recommended product puts it in the cart
user: C1016
> I need a laptop for college under $800
action: recommend
contains: Lenovo ThinkPad E14 Gen 5
> ok add it to my cart
action: cart_add
contains: Added the Lenovo ThinkPad E14 Gen 5
contains: $749 in total
not-contains: order number
not-contains: Goodbye
> what's in my cart?
action: cart_show
contains: Lenovo ThinkPad E14 Gen 5
> remove it from my cart
action: cart_remove
contains: Removed the Lenovo ThinkPad E14 Gen 5
contains: 0 item(s)

story: a brand said alone picks from the last list
user: C1016
> I need a laptop for college under $800
action: recommend
contains: Acer Aspire 5
> going with the acer
action: cart_add
contains: Added the Acer Aspire 5

story: the cart needs a customer
> I need a laptop for college under $800
action: recommend
> add it to my cart
action: cart_sign_in

story: which of the list has the longest battery, which is lightest
user: C1016
> I need a laptop for college under $800
action: recommend
> which one has the longest battery?
action: best_of_list
contains: Of the 3 I just showed you
contains: the Lenovo ThinkPad E14 Gen 5 and the Dell Inspiron 14 2-in-1 tie for the longest battery life
contains: Acer Aspire 5: 7-9 hours
not-contains: Which two products
> which one is the lightest?
action: best_of_list
contains: Lenovo ThinkPad E14 Gen 5 ($749) has the lowest weight: 1.41 kg
> add it to my cart
action: cart_add
contains: Added the Lenovo ThinkPad E14 Gen 5

story: a constraint narrows the last list and keeps the budget
user: C1016
> looking for noise cancelling headphones, budget around 200 bucks
action: recommend
not-contains: Sennheiser HD 560S
not-contains: WH-1000XM5
> over-ear pls, earbuds hurt my ears
action: recommend
contains: over-ear, noise cancelling, under $220
contains: Soundcore Space Q45 at $149
not-contains: Beats Fit Pro
not-contains: Sorry
> which one has the longest battery?
action: best_of_list
contains: Soundcore Space Q45 ($149) has the longest battery life: 50 hours

story: taking a product before signing in names the product understood
> compare the jbl flip 6 and the jbl charge 5
action: compare
> ok ill take the bigger one
action: cart_sign_in
contains: JBL Charge 5 ($179.95)
contains: sign in
not-contains: Flip

story: taking one of a list before signing in names it, not the first shown
> what 65 inch tvs do you have
action: recommend
> the samsung qn90d then, add it to my cart
action: cart_sign_in
contains: Samsung 65" QN90D
not-contains: LG

story: a brand said as the choice between two compared takes that one
user: C1062
> compare the ecobee premium and the nest learning thermostat
action: compare
> i dont have a c wire, ecobee then
action: cart_add
contains: Added the ecobee Smart Thermostat Premium
not-contains: Nest

story: a family said as the choice, with "it is", takes it
user: C1019
> Bose QuietComfort Ultra Earbuds or AirPods Pro 2?
action: compare
> ok airpods it is
action: cart_add
contains: Added the Apple AirPods Pro (2nd generation, USB-C)
not-contains: Bose

story: the brand of one shown said as the choice, with no name at all
user: C1019
> compare the airpods 4 and the galaxy buds fe
action: compare
> the apple ones then
action: cart_add
contains: Added the Apple AirPods 4
not-contains: Buds FE

story: a choice with a question after it is a question, not a purchase
user: C1019
> compare the jbl flip 6 and the jbl charge 5
action: compare
> I dont want the flip then
not-contains: Added
> the charge 5 then. does it float
not-contains: Added
contains: JBL Charge 5

story: "fine" with a brand of the two compared takes that one
user: C1019
> compare the samsung 990 pro 2tb and the seagate firecuda 530
action: compare
> fine, the seagate
action: cart_add
contains: Added the Seagate FireCuda 530
not-contains: 990 PRO
