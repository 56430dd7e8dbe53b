# Feelings: an apology and the offer of a person for an upset customer,
# a person when it happens again or when asked; small talk and questions
# about the bot never escalate.

story: an upset customer gets the answer after an apology
user: C1001
> where is my order 12345?? this is taking forever!!
action: order_status
contains: sorry
contains: person
contains: 12345
escalated: no
> this is ridiculous, still nothing
action: escalate
contains: sorry
contains: support team
not-contains: upset again
escalated: yes

story: yes to the offer of a person
user: C1001
> where is my order 12345?? this is taking forever!!
escalated: no
> yes please
action: escalate
escalated: yes

story: a calm customer gets no apology
user: C1001
> where is my order 12345?
not-contains: sorry
escalated: no

story: asking for a supervisor escalates
> I want to talk to a supervisor
action: escalate
escalated: yes

story: questions about the bot get an honest answer, never a fallback
> are you a bot?
action: about_bot
contains: automated assistant
escalated: no
> are you a real person?
action: about_bot
escalated: no
> is this a robot
action: about_bot
escalated: no
> are you a bot?
action: about_bot
escalated: no

story: upset thanks is small talk
> thanks!!! finally!!!
action: thanks
not-contains: sorry
escalated: no
