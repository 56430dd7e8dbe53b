# Steering a list: a brand refused in any wording (the word may be no
# entity, "apple" in lowercase) keeps that brand out of every list until
# the category changes; "any others?" shows the next ones that fit and,
# when none is left, says so instead of showing the same ones again; a
# budget with no digit ("a grand") is a budget; "cancels noise" is noise
# cancelling, not a cancellation.

story: a brand refused in the first request
> hunting for a smartwatch, but nothing from apple
action: recommend
contains: not Apple
not-contains: Apple Watch

story: a brand refused after the list, whatever it was read as
> show me some phones
action: recommend
> hmm, no apple ones
action: recommend
contains: not Apple
not-contains: iPhone
> and under 500?
action: recommend
contains: under $500
not-contains: iPhone

story: more of the same list, then nothing left
> earbuds under 120
action: recommend
contains: Liberty 4 NC
> got any other ones?
action: recommend_no_more
contains: everything I have in stock
contains: Galaxy Buds FE
not-contains: Tune 760NC

story: more of the list shows the next ones that fit
> show me a monitor for gaming
action: recommend
contains: S2721DGF
> what else have you got?
action: recommend
not-contains: S2721DGF
not-contains: UltraSharp

story: a thousand said as a grand
> a monitor for under a grand
action: recommend
contains: under $1,000

story: cheaper alone after a list asks for cheaper ones
> a tv under 3000
action: recommend
contains: LG 55" C4
> cheaper?
action: recommend
not-contains: LG 55" C4
not-contains: LG 65" C4

story: noise cancelling said as a verb is no cancellation
> over-ear headphones that cancel noise, 300 max
action: recommend
contains: noise cancelling
not-contains: ATH-M50x
not-contains: cancel an order

story: a kind refused after the list
> show me some speakers
action: recommend
> nah, no soundbars
action: recommend
contains: not soundbars
not-contains: No problem

story: two brands refused at once
> i'm after earbuds, nothing from apple or samsung
action: recommend
contains: not Apple, not Samsung
not-contains: AirPods
not-contains: Galaxy Buds

story: mid-range is the middle of the kind's prices
> what's a mid-range tablet
action: recommend
contains: mid-range
not-contains: iPad Pro
not-contains: Fire HD

story: a need in answer to the offer of specs narrows the list
> show me monitors
action: recommend
> a 32 inch one please
action: recommend
contains: 32-inch
not-contains: Here are the specs

story: a kind with a need is shopping, not a request for a person
> speaker with usb-c please
action: recommend
contains: with USB-C
not-contains: member of our support team

story: a device the customer uses is no subject, even named as a family
> my wife uses an iphone, so a smartwatch that works with it, 300 tops
action: recommend
contains: under $300
not-contains: Galaxy Watch
> i work on a macbook pro and i'm after a 4k monitor, no more than 500
action: recommend
contains: 4K
not-contains: M3 Pro
