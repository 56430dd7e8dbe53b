# Hand-over to a person: said once, no small talk while waiting, and an
# upset customer's question still answered.

story: an angry call for a person after an apology hands over
user: C1002
> i sent the beats back ages ago!!! this is ridiculous
> this is useless. HUMAN. now
action: escalate
contains: support team
escalated: yes

story: no goodbye or welcome while waiting for a person
> I want to talk to a human
action: escalate
escalated: yes
> ok thanks
action: escalation_wait
not-contains: Bye
not-contains: What else can I help
> bye
action: escalation_wait
not-contains: Bye
not-contains: Come back

story: a question the bot cannot answer while waiting is no refusal
> get me an agent please
action: escalate
> so you can't do anything?
action: escalation_wait
contains: will join here shortly
not-contains: can't help
not-contains: not able to

story: upset again with a real question: the answer, then the hand-over
> tell me about the ASUS ROG Strix G15
action: product_info
> this is ridiculous, I'm so fed up with this garbage laptop
> this is useless, now the screen went black but the keyboard lights are still on
action: escalate
escalated: yes
contains: Shift + B
contains: support team

story: a complaint about a broken item gets the store's answer, not a queue
> I am really disappointed, the TV I got from you arrived broken
escalated: no
contains: Sorry
contains: photo
