# A brand said alone ("the lenovo one", "the google one") means the item
# of the bot's last reply first (the product it just offered or answered
# about), then the last list, then older products discussed; never a
# product of that brand from the catalog when the conversation has one.

story: the brand of the charger just offered, not the laptop in the cart
user: C1016
> I need a laptop for college under $800
> ok add it to my cart
contains: Lenovo ThinkPad E14
> is there a 65w charger compatible with my thinkpad e14
contains: Lenovo 65W
> great, the lenovo one - what does it cost?
contains: $44.99
not-contains: $749

story: the brand of one item in the list just shown, not its phone
> mesh wifi for a large house, max 300 bucks
contains: Google Nest Wifi Pro
> and the google one, does it do wifi 6e
contains: Nest Wifi Pro
not-contains: Pixel

story: a product named after a list: its brand means the newer one
> show me over-ear headphones
contains: Sony WH-1000XM5
> tell me about the Sony WF-1000XM5
contains: WF-1000XM5
> hmm and the sony one costs what
contains: WF-1000XM5
not-contains: WH-1000XM5
