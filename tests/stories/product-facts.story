# The fact asked about a product, from its specifications, whatever
# else the words suggest: an amount in a unit ("how much power") is no
# price, a few words on an attribute ("battery?") no troubleshooting, a
# size said picks the variant of a drive, a brand said picks the one
# shown of that brand, and a device's own compatibility list names what
# goes in it.

story: how much power is no question of price
> tell me about the Apple Studio Display
> how much power does it give over the cable
contains: 96 W
not-contains: $1,599
> how much is it
contains: $1,599

story: an attribute in a few words about the one of a brand shown
> show me noise cancelling over-ear headphones under 300
action: recommend
contains: Sennheiser Momentum 4
> the sennheiser one, battery?
contains: Sennheiser Momentum 4
contains: 60 hours
not-contains: From "

story: a capacity said, then a brand shown with a specification
> need a portable ssd thats rugged, i do photo shoots outdoors
action: recommend
> 2tb?
contains: Samsung T7 Shield Portable SSD 2TB
contains: out of stock
> ok the 1tb sandisk then, how fast
contains: SanDisk Extreme Portable SSD 1TB
contains: 1050 MB/s
not-contains: T7 Shield

story: a size of the customer's own device is no variant of the drive
> tell me about the Samsung T7 Shield Portable SSD 1TB
> my laptop has 512gb, is that enough?
not-contains: T7 Shield Portable SSD 512GB
not-contains: T7 Shield Portable SSD 2TB

story: what goes in a device its own list names
> tell me about the Synology DS224+
> which drives go in it
action: accessories
contains: WD Red Plus

story: a problem told about a product named, from its manual, then a follow-up
> my rog strix g15 battery dies in like 3 hours just browsing. is that normal??
action: troubleshoot
contains: Silent mode
contains: Optimized
> how do i set that optimized thing
contains: Armoury Crate
not-contains: can't help

story: a water question answered from a rating stored under another name
> is the SanDisk Extreme Portable SSD 1TB waterproof?
contains: IP65
> price and stock?
contains: $89.99
contains: 204 available

story: a line's initial and number, a spare for it, then a card for the device
> how long does the sony a7 iv battery last
contains: Sony Alpha 7 IV
not-contains: couldn't find
> what spare battery do i need for it
action: accessories
contains: Sony NP-FZ100
> in stock?
contains: Sony NP-FZ100
contains: only 1 left
> and a memory card that works in it
action: accessories
contains: SanDisk Extreme PRO SDXC
not-contains: compatible with the Sony NP-FZ100
