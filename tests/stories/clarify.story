# An unclear question about the store: a question in the customer's
# words, whose answer ("the second", a word of an option) picks the intent.

story: the second option picks it
> wait, out for delivery today but didn't it say the 21st before?
action: clarify
contains: know how long delivery takes
not-contains: _
escalated: no
> the second
action: faq_answer
escalated: no

story: a word of an option picks it
> wait, out for delivery today but didn't it say the 21st before?
action: clarify
> how long it takes
action: faq_answer

story: yes takes the first option
> wait, out for delivery today but didn't it say the 21st before?
action: clarify
> yes that
not-contains: would you like to
escalated: no

story: the option taken finds the answer, not the vague question alone
> hmm i'm not sure what i need, something about my account
action: clarify
> deleting it
contains: deleted within 30 days
not-contains: Forgot password

story: a word of an option about costs finds the costs
> how much do you guys charge to send stuff
action: clarify
> delivery
contains: $5.99
not-contains: wrong one
