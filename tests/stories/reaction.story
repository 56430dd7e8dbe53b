# Reactions to the last answer: the customer repeats a figure or a date
# the bot just gave, with disbelief; the fact is told again, and a first
# reaction never hands the customer over.

story: a fee repeated with disbelief is confirmed, with when it is waived
> what's the restocking fee on an opened camera
contains: 15%
> 15%?? that's steep
action: confirm_fact
contains: 15%
contains: defective
escalated: no

story: a price repeated with disbelief is the price, not a list under it
> how much is the Sony WH-1000XM5
contains: $399
> $399?? for headphones
action: confirm_fact
contains: $399
not-contains: Also worth a look
escalated: no

story: a weekday thrown back at a delivery date gets the date again
user: C1001
> when will order 12345 arrive
contains: 2026-11-21
> saturday?? ugh i need it friday
action: confirm_fact
contains: 2026-11-21
contains: UPS
escalated: no

story: a plain question with one question mark is no reaction
> how much is the Sony WH-1000XM5
> price of the XM4?
not-contains: as I said
not-contains: confirm what I said

story: a glad word from the last answer is no reaction
> how much is the Sony WH-1000XM5
contains: sale
> sale! does it come in silver?
not-contains: as I said
