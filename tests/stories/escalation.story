# Fallbacks, repeated fallbacks, asking for a person, complaints.

story: out of scope: one fallback, then another, then a person
> what's the weather like in Paris tomorrow?
intent: out_of_scope
action: fallback
contains: order
escalated: no
> can you tell me a joke
action: fallback
contains: find a person
escalated: no
> who won the football game
action: escalate
contains: support team
not-contains: repeated fallbacks
escalated: yes
> hello?
action: escalation_wait
contains: will join here shortly
not-contains: How can I help
> I want to talk to a human
action: escalate
template: escalate_waiting
not-contains: passing you

story: a fallback that recovers resets nothing it should not
> what's the meaning of life?
action: fallback
escalated: no
> is the iPhone 15 in stock?
action: answer_stock
contains: 42 available
escalated: no

story: asking for a human
> I want to talk to a human
intent: contact_human_agent
action: escalate
contains: support team
not-contains: customer asked for a person
escalated: yes

story: a complaint goes to a person
user: C1001
> this is unacceptable, your service is terrible and I want to file a complaint
intent: complaint
action: escalate
contains: support team
not-contains: complaint
escalated: yes

story: a person asked for after a failed tracking
user: C1001
> where is my order 99999
action: order_not_found
> let me speak to a real person please
action: escalate
escalated: yes
