# "Is it any good for X": what the product's listing and its owners'
# reviews say about X, never an opinion the listing does not back.

story: a purpose the listing speaks to is answered from its sentence
> would the Sony ZV-E10 suit a vlogger? i film myself a lot
action: suitability
contains: flip-out screen
contains: viewfinder
escalated: no

story: a purpose the listing is silent about is said to be unstated
> is the Logitech MX Master 3S good for gaming?
action: suitability
contains: doesn't say
not-contains: gaming mouse

story: worth the extra over the other one shown: where the two differ
> compare the LG 55" B4 and the LG 55" C4
action: compare
> is the c4 worth the extra for movies?
action: suitability
contains: movies
contains: Where the two differ
contains: 144
contains: 120

story: a specification asked for a purpose stays a specification
> tell me about the Canon EOS R50
> battery life ok for vlogging?
action: answer_attribute
