# Waiting for a person: told once that one will join, with the wait
# only when the desk's recent past backs it (test-engine checks the
# number); no greeting or small talk meanwhile, no internal reason.

story: asked how long, with no past to go by
user: C1017
> i dont want excuses i want a person
action: escalate
escalated: yes
not-contains: minutes
not-contains: asked for a person
> how long do i have to wait
action: escalation_wait
contains: as soon as possible
not-contains: minutes
> ok thanks
not-contains: support team
not-contains: Glad
not-contains: Hi
> hello?
contains: will join here shortly

story: how long, after a refund question, asks the refund's time
user: C1002
> HUMAN. now
action: escalate
> i want my money back for the beats
contains: #12281
> how long
not-contains: as soon as possible
