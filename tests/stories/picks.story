# Picking one of the products just shown by how it ranks: by price ("the
# expensive one"), by size ("the small one"), by a specification ("the
# one with more storage"), and "which one has it" among those named.

story: the expensive one of two compared is the dearer, the cheap one the other
> compare the iphone 15 and the galaxy s24 ultra
action: compare
> does the expensive one have a stylus
contains: Galaxy S24 Ultra
not-contains: iPhone
> the cheap one, what storage
contains: iPhone 15
contains: 128GB
not-contains: Galaxy

story: the expensive one is among the list and the focus together
> which garmin has maps
contains: fenix
> and the cheapest Garmin you have?
contains: Instinct
> is the expensive one solar
contains: fenix
not-contains: Instinct

story: the one with less storage of a pair compared
> Compare the PS5 Slim digital and the Xbox Series S
contains: Digital Edition
contains: $449.99
> which has more storage?
action: best_of_list
contains: PlayStation 5 Slim Console (Digital Edition)
contains: 1TB SSD
> ok the one with less storage then
contains: Xbox Series S
not-contains: PlayStation

story: the bigger of two TVs is the one with the bigger screen
> compare the LG 55 inch C4 and the Samsung 65 inch S90D
action: compare
> how much is the bigger one
contains: Samsung 65" S90D
not-contains: LG
> and the smaller one?
contains: LG 55" C4
not-contains: Samsung

story: the small one of one line without sizes is the cheaper model
> compare the jbl flip 6 and the jbl charge 5
action: compare
> how long does the small one last
contains: JBL Flip 6
contains: 12 hours
not-contains: Charge 5

story: "last" as a verb is no pick of the last one shown
> what 65 inch tvs do you have
action: recommend
> the second one
contains: Samsung 65" S90D
> how long does its warranty last
contains: Samsung 65" S90D
not-contains: QN90D

story: which one has it, when the one that names it says it has none
> do you have the Logitech MX Keys S and the K380
> which one has a number pad
action: which_has
contains: no number pad
contains: Logitech MX Keys S ($109.99): not said; it lists layout full-size
> and the small one, how long do batteries last
contains: Logitech K380
contains: 17,500 hours
not-contains: MX Keys S

story: which one ranks first by the battery, a price said beside it
> Keychron K2 Max vs Logitech MX Keys S
action: compare
> same price huh. which one lasts longer on battery
action: best_of_list
contains: the Logitech MX Keys S ($109.99) has the longest battery life
not-contains: has a battery life of about 100 hours

story: a word of one variant's name said beside its family picks it
> how much is the ps5 slim digital
contains: PlayStation 5 Slim Console (Digital Edition)
contains: $449.99
not-contains: (Disc)

story: a word of a brand of several words is no reference to that brand
> need wireless earbuds under $150
> the samsung one
contains: Galaxy Buds FE
> does it work in the rain?
not-contains: Rain Design
not-contains: mStand

story: a product said as the customer's own is the context, not the subject
> LG C4 55 or LG B4 55? for movies and ps5
action: compare
> i only have the ps5 so 2 is fine. price of the B4?
contains: LG 55" B4
contains: $1,099
not-contains: PlayStation

story: which one of a pair, asked of a feature, answers for both
> Bose QuietComfort Ultra Earbuds or AirPods Pro 2?
action: compare
> which one is more water resistant
action: best_of_list
contains: AirPods Pro (2nd generation, USB-C) ($249) has the best water resistance
contains: IPX4
contains: IP54

story: three products named together are compared together
> iphone 15 vs galaxy s24 vs pixel 8
action: compare
contains: Google Pixel 8
contains: Lowest price: Google Pixel 8 (128GB) ($699)
> whats the price of each
action: compare_followup
contains: Apple iPhone 15 (128GB) costs $799
contains: Google Pixel 8 (128GB) costs $699

story: the cheapest of three compared
> compare the jbl flip 6, the jbl charge 5 and the sonos roam 2
action: compare
contains: Sonos Roam 2
> which is cheapest
contains: JBL Flip 6
not-contains: Charge 5 costs
