# The apology goes where a feeling is said about the store or the
# situation, not to a message that only tells its problem loudly.

story: a mess told in capitals is no complaint about the store
> sand ALL OVER the hallway, do you sell robot vacuums
not-contains: sorry
not-contains: hassle

story: a guess at small talk does not hide an angry message
> you are useless
contains: sorry

story: an upset request for a person hears a word for the feeling
> this has taken far too long, get me a manager
action: escalate
contains: sorry
escalated: yes
