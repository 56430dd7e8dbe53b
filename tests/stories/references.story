# References: which product a short name, a family, a brand said alone
# or a variant means.  The conversation is asked first, then the catalog.

story: model numbers without the brand's full name, linked by their words
> sony xm5 vs bose qc ultra, which is better at noise cancelling?
action: compare
contains: Sony WH-1000XM5
contains: Bose QuietComfort Ultra Headphones
not-contains: XM4
not-contains: Earbuds

story: a category beside two names only says what they are
> thinking about headphones for flights. sony xm5 vs bose qc ultra?
action: compare
contains: Sony WH-1000XM5
contains: Bose QuietComfort Ultra Headphones
not-contains: Bose QuietComfort Headphones

story: the capacity said picks the variant
> how much is the Samsung 990 PRO 2TB?
contains: Samsung 990 PRO NVMe SSD 2TB
not-contains: SSD 1TB
not-contains: SSD 4TB

story: the size said after a model picks the variant
> is the LG C4 65 in stock?
contains: LG 65" C4 OLED evo 4K
not-contains: LG 55"

story: a brand said alone is the one the bot just compared
> Keychron K2 Max vs Logitech MX Keys S
> ok the keychron then, how much is it
contains: Keychron K2 Max
not-contains: MX Keys S

story: a brand said alone is never the product in focus of another brand
> how much is the Sony WH-1000XM5?
contains: Sony WH-1000XM5
> and the bose one, how much?
contains: Bose
not-contains: Sony

story: a capacity said alone is that variant of the product meant
> how much is the galaxy s24?
contains: Samsung Galaxy S24 (128GB)
> ok the 256 then, how much
contains: Samsung Galaxy S24 (256GB)
contains: $859
not-contains: 128GB

story: a brand said alone, the catalog's within the size asked for
> what 65 inch tvs do you have
> the hisense one, how much
contains: Hisense 65"
not-contains: Hisense 55"

story: a product the catalog lacks is said to be missing, with the nearest
> how much is the Bose QuietComfort Ultra Headphones?
contains: QuietComfort Ultra Headphones
> and is the sony xm6 in stock?
action: product_not_found
contains: couldn't find sony xm6
contains: Sony WH-1000XM5
not-contains: Bose

story: a newer model than the catalog has is never the older one's answer
> how much is the galaxy s25 ultra?
action: product_not_found
contains: couldn't find galaxy s25 ultra
contains: Samsung Galaxy S24 Ultra (256GB)
not-contains: costs
> the first one then, how much
contains: Samsung Galaxy S24 Ultra (256GB)
contains: $1,299

story: a family said alone is the one the bot just showed
> Compare iPhone 15 vs Samsung Galaxy S24
action: compare
> ok the galaxy then, how much is it?
contains: Samsung Galaxy S24 (128GB)
not-contains: Ultra
not-contains: iPhone

story: of two of a family just shown, asked which: both fit alike
> Compare the ThinkPad X1 Carbon and the ThinkPad T14
action: compare
> ok the thinkpad then, how much is it?
action: ask_which_product
contains: Which one do you mean
contains: Lenovo ThinkPad X1 Carbon Gen 12
contains: Lenovo ThinkPad T14 Gen 4
not-contains: $

story: two products named as a pair are weighed side by side
> Samsung S90D or LG C4, both 65 inch. Which would you get for movies?
action: compare
contains: Samsung 65" S90D OLED 4K
contains: LG 65" C4 OLED evo 4K
not-contains: Steam Deck

story: a pair settles an unclear reading as a comparison
> switch oled or switch lite for my 9 year old
action: compare
contains: Nintendo Switch - OLED Model
contains: Nintendo Switch Lite

story: a model number said alone is the product shown that has it
> Compare the Epson EcoTank ET-2800 and the EcoTank ET-4850
action: compare
> price of the 2800?
contains: Epson EcoTank ET-2800
not-contains: ET-4850

story: a model number of the line of the product in focus
> how much is the Epson EcoTank ET-4850?
contains: ET-4850
> how much is the 2800 then?
contains: Epson EcoTank ET-2800
not-contains: ET-4850

story: a brand said alone for the product in focus is the one made for it
> how much is the iphone 15?
contains: Apple iPhone 15 (128GB)
> is the spigen one magsafe
contains: Spigen Ultra Hybrid MagFit for iPhone 15
not-contains: Apple MagSafe Charger
not-contains: Galaxy

story: a kind of product said as the one meant is the one discussed
> how much is the Sony WH-1000XM5?
contains: Sony WH-1000XM5
> how much is the Samsung 990 PRO 2TB?
contains: Samsung 990 PRO NVMe SSD 2TB
> ok and the headphones, are they in stock?
contains: Sony WH-1000XM5
not-contains: 990 PRO

story: a generation or tier word the line lacks names no product of it
> sony zv-e10 price?
contains: $749
> do you have the zv-e10 ii
action: product_not_found
contains: couldn't find zv-e10 ii
contains: Sony ZV-E10
not-contains: in stock
> you guys have the eero max 7?
action: product_not_found
contains: couldn't find eero max 7
not-contains: $

story: a model word alone, one number off a sold one, is not that one
> how much are the sony xm4
contains: $248
> any xm6?
action: product_not_found
contains: couldn't find xm6
contains: Sony WH-1000XM5
not-contains: $
> is the xm5 good
contains: Sony WH-1000XM5
not-contains: couldn't find
