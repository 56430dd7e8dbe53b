# What a product costs beyond its tag: extended-warranty plans priced
# from the policy's tiers, the sale and its end date, and the variant a
# storage size names.

story: a 2-year plan priced for the product's tier
> tell me about the Sony WH-1000XM5
> can i add 2 year protection to it?
action: answer_warranty
contains: the 2-year plan costs $49.99
contains: the 3-year plan $69.99

story: no plan where the maker covers 3 years already
> tell me about the BenQ PD2705U
> what warranty does it have
action: answer_warranty
contains: 3-year manufacturer warranty
not-contains: plan costs

story: a sale price with the sale's end date
> is the Sony WH-1000XM5 on sale?
action: answer_price
contains: down from $449
contains: runs until December 1, 2026

story: a storage size answers with that variant's price
> tell me about the Samsung Galaxy S24 (128GB)
> is 128 enough or should i get 256
action: answer_variant
contains: Samsung Galaxy S24 (128GB) costs $799
contains: Samsung Galaxy S24 (256GB) costs $859
not-contains: Ultra

story: the variant chosen is the one added
user: C1024
> tell me about the Samsung Galaxy S24 (128GB)
> ok the 256 then, add it to my cart
action: cart_add
contains: Added the Samsung Galaxy S24 (256GB)

story: the variant of the product a brand names among those compared
> compare the Apple iPhone 15 (128GB) and the Samsung Galaxy S24 (128GB)
action: compare
> the samsung, is 128 enough or should i get 256
action: answer_variant
contains: Samsung Galaxy S24 (256GB) costs $859
not-contains: iPhone

story: a size inside a product's name or a price is no variant asked for
> tell me about the Samsung Galaxy S24 (128GB)
action: product_info
> anything similar under $256?
not-contains: (256GB)
