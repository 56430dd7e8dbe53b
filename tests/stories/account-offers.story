# Account and payment questions answered from structured policy facts:
# a coupon's terms by its code, the Kestrel Protect plan (its price for
# the amount said, what it excludes, when it can be bought), shipping
# options, financing for an amount; a plan's cost asked of the product or
# order in focus is that product's price band.

story: a coupon's terms, then a follow-up
user: C1015
> accessory20, what's the minimum
action: policy_fact
contains: $100
contains: $20
> does it expire
contains: 2026-12-31

story: another coupon by its code
user: C1012
> what about STUDENT5? I'm a grad student
contains: 5%
contains: verified students

story: the welcome code's cap
> how much does welcome10 take off
contains: 10%
contains: $50

story: a coupon that fails goes to what to check
user: C1015
> my WELCOME10 code isnt working
not-contains: takes 10%

story: Kestrel Protect, how it works and what it costs
> how does the kestrel protect thing work
contains: Kestrel Protect
contains: 2- or 3-year
> how much for a $1,299 laptop
contains: $149.99
contains: $199.99
not-contains: $139.99
> does it cover me dropping it
contains: does not cover accidental damage
> can i buy it later, not at checkout
contains: within 30 days of delivery

story: Kestrel Protect, an item its facts list as covered or not
> how does kestrel protect work
contains: Kestrel Protect
> what if my screen ends up with dead pixels
contains: Yes: Kestrel Protect covers
contains: 3 or more dead pixels
> and a surge fries it?
contains: Yes: Kestrel Protect covers
contains: power surge damage
> my laptop batteries always die after two years, covered?
contains: less than 80%
> and cosmetic stuff like scuffs
contains: does not cover
contains: cosmetic damage

story: Kestrel Protect for a cheap item and a dear one
> what does the protection plan cost for a $120 speaker
contains: $19.99
contains: $29.99
> and for a $2,500 tv
contains: $229.99
contains: $299.99

story: shipping to an APO address, then option costs
user: C1020
> can you ship to an APO address? my son is deployed
contains: APO/FPO
> How much is next-day?
contains: $29.99
> and expedited?
contains: $14.99
> And standard, is it free?
contains: $5.99
contains: $49

story: financing for an amount
user: C1009
> Can I get 0% financing on a $700 TV?
contains: Affirm
contains: 0% APR
contains: $599
> what about financing a $300 soundbar
contains: can be financed
contains: $599

story: financing for an amount said roughly is for that amount
> is there a way to pay monthly for something around $700?
action: policy_fact
contains: $700
contains: 0% APR
not-contains: $770

story: a plan's cost asked of the product in focus is its price band
> tell me about the sony wh-1000xm5
> how much would kestrel protect be on it
contains: $49.99
contains: $69.99
not-contains: $229.99
> does it cover me dropping it
contains: does not cover

story: a plan's cost for a product that takes none says so
> show me the dell latitude 5440
> whats the price of an extended warranty for this one
contains: Not offered
not-contains: $149.99

story: a plan's cost for the lone item of the order in focus
user: C1032
> where is order 12360
> how much is the protection plan for it?
contains: Brio
contains: $19.99
not-contains: $299.99

story: where the store ships, asked of a place, answers from the policy
> OK and you deliver to Manaus? is my family there
action: policy_fact
contains: United States
contains: do not ship internationally
> can you deliver to Canada
action: policy_fact
contains: do not ship internationally
> I am living in France, is delivery possible to my country?
contains: United States

story: delivering to an address of one's own is no question of where we ship
> can you deliver to my office address
not-contains: do not ship internationally
