# Feelings when the bot cannot tell what the customer asks: the apology
# and the offer of a person, never a refusal after the apology; asking
# who one is talking to is a question about the bot.

story: upset with nothing to answer: an apology and a person offered
> honestly this is a joke, nobody answers anything
contains: person
not-contains: can't help
not-contains: not able to
escalated: no
> yes please
action: escalate
escalated: yes

story: the bot's name is asked: an honest answer, no ticket
> whats your name
action: about_bot
contains: automated assistant
not-contains: A customer had the same problem

story: who the customer talks with, asked as a question
> who am i talking to?
action: about_bot
escalated: no

story: a longer question with "who are you" asks about an order
> who are you shipping my order with
not-contains: automated assistant
