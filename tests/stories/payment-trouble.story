# A payment refused at checkout is answered from what the store says
# about declined cards, never from a document that shares only a common
# word with the question ("card" in the gift-card terms).

story: a card declined at checkout
> my card was declined at checkout
intent: payment_issue
action: faq_answer
contains: billing address
not-contains: gift cards never expire

story: a card rejected, in other words
> card got rejected when i tried to pay
intent: payment_issue
contains: billing address
not-contains: gift cards never expire
not-contains: up to two gift cards

story: a payment that failed
> the payment failed
intent: payment_issue
contains: billing address
not-contains: Affirm
