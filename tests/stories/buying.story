# Buying is an action: accepting a product, or adding two at once, puts
# them in the customer's cart (the carts table), shows the cart and says
# what comes next.

story: two products added in one message, by kind and by brand
user: C1021
> compare the Samsung Galaxy S24 (256GB) and the OtterBox Commuter Series for Galaxy S24
action: compare
> add the phone and the otterbox
action: cart_add
contains: Added the Samsung Galaxy S24 (256GB) ($859) and the OtterBox Commuter Series for Galaxy S24 ($44.95)
contains: 2 item(s), $903.95 in total
contains: check out
not-contains: bye

story: accepting the product in focus
user: C1022
> tell me about the BenQ PD2705U
> great, that's the one
action: cart_add
contains: Added the BenQ PD2705U
contains: 1 item(s)

story: ordering it is buying it
user: C1023
> tell me about the Sony WH-1000XM5
> Perfect. I'll order it.
action: cart_add
contains: Added the Sony WH-1000XM5

story: a question about adding something later is no cart action
user: C1016
> tell me about the PlayStation 5 Slim Digital Edition
> can i add a disc drive to it later
not-contains: Added the

story: a brand that nothing shown is asks which, never adds the focus
user: C1024
> tell me about the Lenovo 65W USB-C Laptop Power Adapter
> fine, I'll go with the Samsung one
not-contains: Added the Lenovo

story: wanting to buy something later is no cart action
user: C1025
> does the Sennheiser HD 560S need an amp? I want to buy it again after my return
not-contains: Added the
