# Sales: recommendations from budget, use and brand, comparisons, stock,
# prices and promotions.

story: a laptop for college under a budget, with reasons
> I need a laptop for college under $800
intent: recommendation
action: recommend
entity: category=laptops
entity: price
contains: Lenovo ThinkPad E14 Gen 5
contains: $749
contains: within your $800 budget
contains: rated 4.5/5 by 412 customers
contains: Acer Aspire 5
not-contains: MacBook

story: a brand's phones, best rated first
> can you recommend a Samsung phone?
intent: recommendation
entity: brand=Samsung
action: recommend
contains: Samsung Galaxy S24 Ultra (256GB)
contains: $1,299
not-contains: iPhone

story: needs asked, then a use and budget, then the kind of product
> what should I buy?
action: ask_needs
not-contains: Sorry
> something for gaming, under 1000 dollars
action: ask_needs
template: ask_category
contains: laptops
> a laptop
action: recommend
contains: Lenovo LOQ 15
contains: $999
contains: only 2 left
contains: Acer Nitro 5
not-contains: ROG Strix G15

story: nothing matches the budget: the nearest, said to be over it
> I want a gaming laptop under $300
action: recommend_nearest
contains: gaming laptops
contains: The closest is
contains: over your $300 budget

story: compare two families as a table
> Compare iPhone 15 vs Samsung Galaxy S24
intent: comparison
action: compare
contains: Apple iPhone 15 (128GB)
contains: Samsung Galaxy S24 (128GB)
contains: A16 Bionic
contains: Snapdragon 8 Gen 3
contains: Both cost $799

story: compare two named laptops
> ROG Strix G15 or Acer Nitro 5, which is better?
intent: comparison
action: compare
entity: product=LAP-1008
entity: product=LAP-1016
contains: $1,299
contains: $899
contains: RTX 3060
contains: The Acer Nitro 5 is the cheaper of the two
contains: the ASUS ROG Strix G15 is the better rated

story: compare without products asks which
> can you compare two products for me?
intent: comparison
action: ask_compare
contains: Which two products

story: in stock, but few left
> Is the Galaxy S24 Ultra in stock?
intent: stock_availability
action: answer_stock
contains: Samsung Galaxy S24 Ultra (256GB)
contains: only 6 left
contains: $1,299

story: plenty in stock
> do you have the iPhone 15 in stock?
action: answer_stock
contains: 42 available

story: out of stock
> is the Dell XPS 14 available?
intent: stock_availability
action: answer_stock
contains: Dell XPS 14 is out of stock

story: a sale price with the saving
> how much is the HP Victus 15?
action: answer_price
contains: $749
contains: down from $849
contains: you save $100

story: a price with its discount
> what's the price of the Sony WH-1000XM5?
action: answer_price
entity: product=AUD-1008
contains: $399
contains: $449

story: coupon codes
> are there any promotions or discount codes right now?
intent: price_promotions
contains: WELCOME10
contains: ACCESSORY20

story: the Black Friday sale dates
> when is your black friday sale?
contains: November 14 to December 1, 2026

story: a coupon that does not work
> my coupon code doesn't work
contains: WELCOME10 is for a first order only

story: personalised: the budget and brands of the customer's profile
user: C1001
> recommend a laptop
action: recommend
contains: within your $1,500 budget
not-contains: $1,999
