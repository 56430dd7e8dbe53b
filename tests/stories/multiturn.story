# Multi-turn references: "it", "the first one", "the second", "the
# cheaper one", "what about the warranty?".

story: the second one and the cheaper one of a recommendation
> I need a laptop for college under $800
action: recommend
contains: Lenovo ThinkPad E14 Gen 5
> what about the second one?
action: product_info
contains: Acer Aspire 5
contains: $599
> and the cheaper one?
contains: Acer Aspire 5
not-contains: ThinkPad
> how much is it?
action: answer_price
contains: $599
contains: down from $679

story: compare the first and the third of a list
> recommend a gaming laptop under $1000
action: recommend
contains: Lenovo LOQ 15
contains: HP Victus 15
> compare the first and the third
intent: comparison
action: compare
contains: Lenovo LOQ 15
contains: HP Victus 15
contains: RTX 4050
not-contains: Acer Nitro 5

story: yes to the specs, then the warranty of the same laptop
> I'm looking for a gaming laptop under $1500
action: recommend
contains: ASUS ROG Strix G15
> yes please
action: show_specs
contains: AMD Ryzen 7 6800H
contains: $1,299
> what about warranty?
action: answer_warranty
contains: 1-year manufacturer warranty
contains: 2- or 3-year extended coverage

story: "it" follows the last product named
> tell me about the Sony WH-1000XM5
action: product_info
contains: Sony WH-1000XM5
> is it in stock?
action: answer_stock
contains: Sony WH-1000XM5
> what warranty does it have?
action: answer_warranty
contains: 1-year manufacturer warranty

story: the more expensive of two compared phones
> compare the Pixel 8a and the Galaxy A35
action: compare
contains: Google Pixel 8a (128GB)
contains: Samsung Galaxy A35 5G (128GB)
> tell me more about the more expensive one
contains: Google Pixel 8a
contains: $499

story: the last one of a brand's list
> can you recommend a Samsung phone?
action: recommend
contains: Samsung Galaxy S24 (128GB)
> is the last one in stock?
action: answer_stock
contains: Samsung Galaxy S24+ (256GB)
contains: 80 available
