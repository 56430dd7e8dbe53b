# Store questions in a customer's own words: the FAQ or policy section
# that answers, whatever the wording (tests/kb-sweep.t asks them all).

story: a receipt is the store's invoice
> how do i get a receipt for my expenses
action: faq_answer
contains: PDF invoice

story: a card rejected is a card declined
> my visa keeps getting rejected at checkout
contains: billing address
not-contains: can't help

story: a country outside the US, asked politely
> hello, I live in Germany. Can you ship there?
contains: do not ship internationally

story: a question with a verb that says nothing finds the subject
> do you take paypal
contains: PayPal
not-contains: business days

story: a sale asked about though the classifier finds it off topic
> when does black friday start
contains: Black Friday
not-contains: can't help

story: how cancelling works, asked before any order is given
> can i cancel my order
contains: processing
contains: order number

story: an off-topic question sharing one word with an FAQ is not answered from it
> how do i change a tire
not-contains: processing
not-contains: shipping address

story: the intent the classifier is sure of names the topic the words do not
> i'd like you to close my account for good
contains: deleted within 30 days
not-contains: original payment method

story: a late cancellation asked about before any order is given
> am i too late to cancel what i ordered
contains: processing

story: a visitor with a parcel problem gets the store's answer, then the sign-in
> my delivery is way overdue what now
action: ask_order_id
contains: open a trace with the carrier
contains: sign in

story: a visitor asking where their parcel is gets the sign-in, not an FAQ
> where is my package
action: ask_order_id
contains: sign in
not-contains: neighbours

story: a vague request is no question for the documents
> can you help me with something
not-contains: manufacturer
