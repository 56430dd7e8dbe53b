# "The cheaper one" when the bot showed one product alone: nothing to
# rank it against, so a cheaper one of its kind than it, never "which two
# products would you like me to compare?" nor the one shown again.

story: the cheaper one after a single robot vacuum
> do you guys sell robot vacuums
contains: Roomba j7+
> whats the cheaper one
contains: Roborock Q7 Max+
not-contains: Which two products

story: the less expensive one, other words
> cat hair everywhere, need a robot vacuum
contains: Roomba j7+
> ok and the less expensive one?
contains: Roborock Q7 Max+
not-contains: Which two products
