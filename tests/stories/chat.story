# Greetings, thanks and goodbyes, personalised when the customer is known.

story: a known customer is greeted by name
user: C1001
> hi there
intent: greeting
action: greet
contains: Jordan
> thanks a lot
intent: thanks
action: thanks
not-contains: Sorry
> bye
intent: goodbye
action: goodbye
escalated: no

story: an anonymous greeting says what the bot does
> hello
intent: greeting
action: greet
contains: order
not-contains: Jordan

story: a greeting, then straight to business
user: C1002
> good morning
action: greet
contains: Paige
> where is order 12281?
action: order_status
contains: return was requested

story: a call for help read as thanks is offered help, not a welcome
> i need help
action: help_offer
contains: What do you need help with
not-contains: Glad I could help
> thanks a lot
action: thanks
