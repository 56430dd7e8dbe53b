# Needs said in the shopper's own words, read against the catalog's own
# attributes of the kind: a figure with no unit ("6000+" of mesh Wi-Fi is
# its coverage), a figure with a unit a table lacks ("at least 5000 mah"),
# a feature word that is an attribute key ("robot vacuum that mops"), a
# battery that lasts "a week", a head count ("family of five") and a bound
# on a size ("bigger than 70 inches").  What is listed meets the need and
# the reply shows the value that does; when nothing does, it says so and
# names the nearest.

story: a mesh system by the area it covers, the figure alone
> what's the cheapest mesh you have that handles 6000+
action: recommend
contains: Deco X55
contains: 6,500 sq ft
not-contains: eero 6+
not-contains: Pro 7

story: a phone battery by its mAh
> phone pls, battery has to be at least 5000 mah
action: recommend
contains: 5000 mah
not-contains: iPhone

story: a feature the kind states as a key, only a sold-out one has it
> show me robot vacuums
action: recommend
> i need one that mops too
action: recommend_sold_out
contains: with mopping
contains: Roborock Q7 Max+
contains: out of stock
not-contains: Roomba

story: a watch battery that goes a week, and gps
> after a fitness watch with gps and a battery that lasts a week
action: recommend
contains: Forerunner 265
not-contains: Apple Watch
not-contains: Pixel Watch

story: a licence for the whole household
> family of five here, looking for office software for everyone
action: recommend
contains: Microsoft 365 Family
not-contains: Personal

story: a size floor nothing meets names the nearest
> a tv bigger than 70 inches please
action: recommend_nearest
contains: 65"
