# One product's fact asked in a shopper's own words: the price wrapped in
# thanks, the price before a sale, a colour or size of the model in
# focus, an attribute said alone, whatever the classifier made of them.

story: a price asked with thanks at the end is a price
> could you let me know how much the Marshall Emberton II costs? thank you!
action: answer_price
contains: Marshall Emberton II
contains: $169.99
not-contains: welcome

story: the price before the sale, of a product on sale
> what can you tell me about the google nest mini
> did it use to cost more
action: answer_price
contains: $49
contains: $59
not-contains: Goodbye

story: the price before, of a product not on sale, is not made up
> jbl charge 5 please
> was it cheaper before?
action: answer_price
contains: $179.95
contains: not on sale
not-contains: down from

story: an attribute said alone that the listing lacks
> tell me about the marshall emberton ii
> weight
action: answer_attribute
contains: don't have the weight
not-contains: kg

story: an attribute's name alone gets no apology
> jbl charge 5 noise cancelling?
action: answer_attribute
not-contains: sorry
not-contains: order

story: a colour of the one in focus that no colour list names
> info on the google nest mini
> got it in chalk?
action: answer_variant
contains: Chalk
contains: Google Nest Mini

story: another colour of the model in focus picks the model that has it
> samsung galaxy s24 128gb
> is there a violet one
action: answer_variant
contains: Samsung Galaxy S24 (256GB)
contains: $859

story: the bigger model of the one in focus
> tell me about the samsung galaxy s24 (128gb)
> and the bigger one, what does it cost
action: answer_variant
contains: Samsung Galaxy S24 (256GB)
contains: $859

story: a question about battery life with background first
> hey! my nephew wants the google pixel 8 (128gb) for school. how long does the battery last on it?
action: answer_attribute
contains: Google Pixel 8
contains: hours

story: a case listed for a model is not said to fit its Pro
> would the iphone 15 silicone case go on an iphone 15 pro?
not-contains: Yes
contains: not on that list

story: a drive listed for a console still fits it when the model is not said
> does the samsung 990 pro 2tb work with a ps5
contains: PlayStation 5
not-contains: not on that list
