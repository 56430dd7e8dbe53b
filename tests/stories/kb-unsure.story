# A store question whose only word shared with the best FAQ or policy
# section is one of the store's generic words gets a not-sure reply that
# names the topic found (tests/kb-unsure.t sweeps more); a "yes" to it
# is answered from that section, a question instead is answered itself.

story: one generic word: not sure, the topic named
> cards??
action: kb_unsure
contains: not sure
contains: Buying gift cards
not-contains: emailed

story: a yes to the topic named is answered from it
> what about orders
> yes please
action: kb_answer
contains: processing

story: a question instead of a yes is answered itself
> cards??
> no, how much is shipping
contains: $5.99
not-contains: gift card
