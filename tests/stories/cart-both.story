# "Add both", "the two", "one of each": a cart request that points at
# two products without naming them adds the two of the conversation,
# never one of them silently.  One found: it is named and the other
# asked for; more than two: the customer is asked which two.

story: both after a comparison adds the two compared
user: C1026
> compare the Apple iPhone 15 (128GB) and the Samsung Galaxy S24 (128GB)
action: compare
> ok add them both
action: cart_add
contains: Apple iPhone 15 (128GB)
contains: Samsung Galaxy S24 (128GB)

story: the two asked about one after the other, background first
user: C1028
> my son wants a switch, how much is the Nintendo Switch - OLED Model
> and the Nintendo Switch Pro Controller?
> fine, put the two of them in my cart
action: cart_add
contains: Nintendo Switch - OLED Model
contains: Nintendo Switch Pro Controller

story: without an account both are named before signing in
> how much is the JBL Flip 6
> what about the JBL Charge 5
> ill take both
action: cart_sign_in
contains: JBL Flip 6
contains: JBL Charge 5

story: one product discussed: named, the other asked, nothing added
user: C1029
> is the Sony WH-1000XM5 any good
> add both pls
action: cart_which_two
contains: Sony WH-1000XM5
contains: which other product
not-contains: Added

story: a longer list shown: asked which two, nothing added
user: C1035
> show me jbl speakers
> great, add the two to my cart
action: cart_which_two
contains: Which two
not-contains: Added

story: the two named after the question are the two "both" adds
user: C1038
> show me jbl speakers
> add both
action: cart_which_two
> the JBL Flip 6 and the JBL Charge 5
> add both then
action: cart_add
contains: JBL Flip 6
contains: JBL Charge 5
not-contains: PartyBox

story: a product discussed turns ago is not the other one of both
user: C1040
> how much is the Xbox Series X (1TB)
> whats your return policy
> do you ship to canada
> is the Nintendo Switch - OLED Model in stock
> ok add both
action: cart_which_two
contains: Nintendo Switch - OLED Model
not-contains: Xbox
not-contains: Added
