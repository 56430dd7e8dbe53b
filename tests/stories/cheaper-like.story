# "Something like the X I ordered but cheaper": products of the same
# kind as the item, in stock, under the price paid for it on the order
# in focus (or under the catalog price of the product in focus), listed
# with their prices, never the item itself (demo store, SHOPDESK_NOW
# 2026-11-20).

story: like the ordered earbuds, under what was paid
user: C1037
> the left one of my galaxy buds3 pro stopped charging. got them this month
> whats something similar to them but cheaper
action: cheaper_like
contains: for less than the $249 you paid on order #12242:
contains: Samsung Galaxy Buds FE, $99
not-contains: Buds3 Pro, $
> the galaxy buds fe, are they water resistant
contains: IPX2

story: like the ordered router, under the $599.99 paid though it costs less now
user: C1034
> the tp-link router i bought on the 11th is cheaper now
> anything similar to it but cheaper
action: cheaper_like
contains: for less than the $599.99 you paid on order #12279
contains: TP-Link Archer AX55 Pro (AX3000 Wi-Fi 6), $119.99
not-contains: Archer BE800 (BE19000 Wi-Fi 7), $

story: like the product in focus, under its price
> tell me about the Samsung Galaxy Buds3 Pro
> whats similar but cheaper
action: cheaper_like
contains: for less than its $249
contains: Soundcore Liberty 4 NC, $99
