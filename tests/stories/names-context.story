# Names said in context: a model word alone ("the e16", "the 8 pro") is
# a product of the family or brand being discussed, and it is the
# subject of the turn over the product in focus.  The customer's own
# device said beside a question is context, and a price of something
# out of stock says so.

story: a model word alone is the line of the family in focus
> show me the lenovo thinkpad t14
contains: ThinkPad T14
> hmm what about the e16, is it lighter
contains: ThinkPad E16
not-contains: T14

story: two model words compared, with a third in focus
> tell me about the google pixel 8 pro
contains: Pixel 8 Pro
> how do the 7a and the 8 differ
action: compare
contains: Google Pixel 7a
contains: Google Pixel 8 (128GB)
not-contains: 8 Pro

story: the model named is added, not the one in focus
user: C1016
> what's the galaxy tab s9 fe like
contains: Galaxy Tab S9 FE
> right, then put the s9 ultra in my cart
action: cart_add
contains: Added the Samsung Galaxy Tab S9 Ultra
not-contains: Added the Samsung Galaxy Tab S9 FE

story: a model word with the brand said names that brand's product only
> i'm thinking about the sony alpha 6400 kit
contains: Sony Alpha 6400
> would the sony 50mm 1.8 fit on it?
action: compatibility
contains: Sony FE 50mm F1.8
contains: Alpha 6400
not-contains: Canon
not-contains: 16-50mm lens is listed

story: the customer's own device is the context of the question
> tell me about the samsung t7 shield 1tb
contains: T7 Shield
> does it come with usb-c? i have a macbook air
contains: T7 Shield
not-contains: the Apple MacBook Air 13-inch (M3, 8GB, 256GB) has

story: a price of a product out of stock says it is out of stock
> what does the oneplus 12 cost
contains: $799
contains: out of stock

story: what the store has of a family is listed, the sold out marked
> which galaxy tab tablets do you sell?
contains: Galaxy Tab S9 FE (128GB, Wi-Fi), $449
contains: (out of stock)
> the s9 fe, how much is it
contains: $449
contains: out of stock

story: taking a product out of stock says it will wait for stock
user: C1016
> the jbl clip 5, what does it cost
contains: out of stock
> fine, add it to my cart
action: cart_add
contains: Added the JBL Clip 5
contains: out of stock right now
