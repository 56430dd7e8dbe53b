# Which order an item's words name: every word of a product named, a
# pair of short words of one item's name, a brand narrowed by the kind
# or a feature word said, and getting a thing back as where its return
# stands.

story: a product named after a list is not another listed item sharing a word
user: C1002
> i want to return something
contains: #12191
> the galaxy book, is that one still returnable
contains: #12072
not-contains: #12191

story: two short words of one item's name pick its order
user: C1042
> that hue bulb i got, is it still returnable?
contains: #12249
not-contains: #12124

story: the brand and a feature word pick one of three orders of the brand
user: C1042
> hi! the Samsung OLED tv arrived, can it still go back?
contains: #12317
not-contains: #12053
not-contains: #12124

story: the brand and the kind narrow, and two left are asked about
user: C1042
> return my samsung tv
contains: #12053
contains: #12317
not-contains: #12124

story: a family said in the plural finds its orders, the returnable one answers which
user: C1053
> so i own 2 ipad airs now lol. which of them is still returnable
contains: #12189
contains: 2026-11-29
not-contains: #12109
> any restocking fee on it?
contains: $89.85
contains: #12189
