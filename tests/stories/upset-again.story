# Feelings: upset once, calmer, then upset again with a request the bot
# can carry out; upset twice in a row.

story: upset again after a calm turn, with a question the bot answers
> honestly this site is a mess, i've wasted my whole evening
escalated: no
> ok. tell me about the sony wh-1000xm5
contains: WH-1000XM5
escalated: no
> ugh this is taking forever. how long does its battery last
contains: 30 hours
contains: person
escalated: no

story: upset twice in a row brings a person in
> honestly this site is a mess, i've wasted my whole evening
escalated: no
> this is useless, i am so done with you people
action: escalate
escalated: yes
