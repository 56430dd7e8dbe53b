# A short follow-up on a store question ("and next day?", "how about
# express") is read with the question before, not as a goodbye or a
# greeting on its own few words; one that names a topic of its own, or
# says its own cue words, keeps its own reading (dlg-ellipsis.c).

story: a shipping option asked after the cost question
> what does shipping cost on a $25 order
contains: $5.99
> and next day?
contains: $29.99
not-contains: Bye
not-contains: Goodbye

story: another delivery speed asked after the delivery time
> hi, how long does standard delivery usually take
contains: 3-5 business days
> how about next-day
contains: Next-day
not-contains: Hello

story: a follow-up naming a topic of its own is not read with the question before
> how do I delete my account
> will you keep my order history
contains: 7 years
> and these chats?
contains: 90 days

story: a goodbye said with its own words stays a goodbye
> what's your return policy
> and thanks, bye
action: goodbye
