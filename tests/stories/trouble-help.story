# Troubleshooting: help for the product named, or a guide to its kind,
# never a manual or past case about another product; when the store has
# none, that is said and a person offered.

story: a monitor with no guide of its own gets no help for another product
> the Dell 24 Monitor SE2425H just says no signal
action: troubleshoot_none
contains: Dell 24 Monitor SE2425H
contains: person
not-contains: Tracking
not-contains: A customer had the same problem
> yes please
action: escalate
escalated: yes

story: a speaker named, its problem unknown to the manuals of others
> the JBL Charge 5 keeps cutting out
contains: JBL Charge 5
not-contains: out of stock
not-contains: restock

story: a laptop named, a manual about another laptop is no answer
> my Lenovo LOQ 15 won't turn on anymore
not-contains: ThinkPad
not-contains: ROG
