# Follow-ups that only point at another product ("the Anker one then?")
# ask the question before about it.

story: the question before, about the product pointed at next
> need wireless earbuds with good battery, under $150
action: recommend
> what about the samsung one
contains: Galaxy Buds FE
> is it ok for running in the rain?
contains: IPX2
> hmm. the Anker one then?
action: answer_attribute
contains: Soundcore Liberty 4 NC
contains: IPX4
not-contains: Buds FE

story: a price asked by name, then another product named alone
> how much is the sony wh-1000xm5
contains: $399
> and the bose qc ultra headphones?
action: answer_price
contains: Bose QuietComfort Ultra Headphones
contains: $429
not-contains: Sony
> what about the xm4
action: answer_price
contains: Sony WH-1000XM4
contains: $248

story: stock asked of one size, then another model of that size
> is the lg c4 65 in stock
action: answer_stock
> and the samsung s90d 65?
action: answer_stock
contains: Samsung 65" S90D
not-contains: LG

story: a question about the products just shown is never refused
> need wireless earbuds with good battery, under $150
action: recommend
> which of those is sweatproof?
not-contains: can't help
not-contains: not able to answer
> could they handle a sweaty workout
not-contains: can't help
not-contains: not able to answer
> either of them good for swimming
not-contains: can't help
not-contains: not able to answer
not-contains: passing you
