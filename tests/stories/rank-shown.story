# Ranking the products just shown by a specification, in words no
# table lists: the winner by the data, its value, a tie said as a tie,
# the silent ones named, and the winner in focus for the next turn.

story: how far a mesh system reaches, then a question about the winner
> show me mesh wifi systems
action: recommend
> which of them reaches the biggest area
action: best_of_list
contains: NETGEAR Orbi 770 Series Wi-Fi 7 mesh (3-pack) ($999.99) has the widest coverage: up to 7,500 sq ft
not-contains: Which two products
> is it in stock
contains: Orbi 770

story: the quickest drive of those listed, by its read speed
> show me ssds
> whats the quickest one
action: best_of_list
contains: the Samsung 990 PRO NVMe SSD 1TB and the Samsung 990 PRO NVMe SSD 2TB tie for the fastest read speed: 7450 MB/s
contains: 560 MB/s

story: a bound on hours that none of those shown reaches
> show me headphones
> do any of them go past 40 hours?
action: best_of_list
contains: none of the 5 I just showed you is over 40 hours
contains: Sony WH-1000XM4
contains: do not give it

story: a watch that goes deepest, then whether one can dive with it
> got any smartwatches
> which one handles water best
action: best_of_list
contains: Apple Watch Ultra 2 (49mm, GPS + Cellular) ($799) has the best water resistance: WR100
> can i dive with it
contains: Ultra 2

story: three monitors of one size tie, said as a tie
> show me 27 inch monitors
> which one is the biggest
action: best_of_list
contains: tie for the biggest screen size: 27 in

story: a loudness no specification of those shown gives
> show me noise cancelling headphones
> which of these is the quietest
action: best_of_list
contains: don't say how they compare
not-contains: Which two products

story: the price gap of a pair compared is their difference
> compare the Samsung Galaxy S24 Ultra and the iPhone 15 Pro Max
action: compare
> whats the price difference between them
action: compare_followup
contains: The difference between the two prices is $100.

story: the cheapest of those shown that meets a bound on coverage
> show me mesh systems
> the cheapest one that covers 4000+ sq ft
action: best_of_list
contains: the cheapest of them is the TP-Link Deco X55
