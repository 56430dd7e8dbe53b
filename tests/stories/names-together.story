# Which product the words name: the plain model of a line beside its
# variants (read from the catalog's names, not a list of words), several
# products named in one message shown together with their prices, and
# a count off the last list ("the first two").

story: the plain model of a line, not the variant that adds to its name
> what does the regular dualsense cost
action: answer_price
contains: DualSense Wireless Controller
not-contains: Edge
> and the normal xbox pad?
contains: Xbox Wireless Controller
not-contains: Elite

story: "standard" before a name is the plain model, not standard shipping
> hi, how much for the standard galaxy s24
contains: Galaxy S24 (128GB)
not-contains: shipping
not-contains: Ultra

story: two products named in one message are both shown, with prices
> could u pull up the sonos era 100 and the bose soundlink flex
action: show_together
contains: Sonos Era 100, $199
contains: Bose SoundLink Flex (2nd Gen), $149
> ok the bose one, is it waterproof
contains: SoundLink Flex
not-contains: Era 100

story: the first two of a list shown, and not the third
> show me jbl speakers
> what do the first two cost
action: show_together
contains: JBL Charge 5, $179.95
contains: JBL Flip 6, $99.95
not-contains: PartyBox

story: a family said with nothing that picks one of its lines: each line, priced
> how much would an xbox set me back
action: show_together
contains: Xbox Series X (1TB), $499.99
contains: Xbox Series S (512GB), $299.99
not-contains: Controller

story: a word of one name beside a kind it is not: the product of that kind
> hey whats the price on the elite controller
contains: Xbox Elite Wireless Controller
not-contains: Jabra

story: a model number alone, written with its hyphen
> thinking about the et-2800 for my mum, is it any good
contains: EcoTank ET-2800

story: an amount said with a gift card's name picks that card
> i'd like the kestrel electronics gift card $100 and the playstation store gift card $50
action: show_together
contains: Kestrel Electronics Gift Card $100 (e-gift), $100
contains: PlayStation Store Gift Card $50 (digital code), $50

story: a place in a list shown, asked about a feature, is about that one
> what sony tvs do you have
> what about the middle one, oled or not?
contains: BRAVIA 7
not-contains: troubleshooting

story: a line's members ranked by the size their names give, or by price
> how much is the bigger ipad pro
contains: iPad Pro 13-inch
> and the smallest 990 pro?
contains: 990 PRO NVMe SSD 1TB
not-contains: 4TB

story: a brand and a size that several of its products have: each, priced
> the sandisk 128gb one, how much?
action: show_together
contains: SanDisk Extreme PRO SDXC 128GB, $29.99
contains: SanDisk Ultra Dual Drive USB-C 128GB, $14.99

story: "do you have" asks the store, not what the customer owns
> hi do u have the sonos roam 2 and the jbl clip 5?
action: show_together
contains: Sonos Roam 2, $179
contains: JBL Clip 5, $79.95
