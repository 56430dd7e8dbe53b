# "When did it ship" asks the day the order left: the status answer
# says it too, which the status alone omits.

story: the day a parcel out for delivery shipped
user: C1046
> when did order 12305 ship
contains: out for delivery
contains: It shipped on 2026-11-16

story: a ship date asked in other words
user: C1046
> whats the ship date on 12305?
contains: 2026-11-16

story: where an order is asks no ship day
user: C1046
> where is order 12305
not-contains: It shipped on
