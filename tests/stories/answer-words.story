# A message is a bare answer only when nothing after its yes, no or ok
# carries content; otherwise the rest is the turn.  Not having received
# something is a complaint about the order in focus, never a "no".

story: an ok with a store question after it answers the question
> show me some smartwatches
> ok, and can i pay for it with paypal?
contains: PayPal
not-contains: Here are the specs

story: a missing label about a return in focus is about that return
user: C1007
> what's happening with the return of my printer
> i still haven't received a label
contains: label
not-contains: No problem

story: a sentence of impatience then the question
> honestly i can't be bothered with this. did my order ship or not
contains: sign in

story: a bare no declines the offer
> show me some soundbars
> nah im good
action: declined
