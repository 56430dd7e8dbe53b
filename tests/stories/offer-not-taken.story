# The offer of a person after an apology is taken by a yes, not by an
# "ok" or "right" inside a question about a product, a brand or a kind:
# that question is answered and nobody is brought in.

story: "ok" in a question about a soundbar is no yes to a person
user: C1005
> this is so frustrating, the site keeps logging me out
contains: person
> ok the sonos beam is fine under a 55 inch tv right
escalated: no
not-contains: support team

story: "right" in a question about a laptop is no yes to a person
user: C1002
> this is so frustrating, the site keeps logging me out
contains: person
> ok and the asus rog strix g15 has a good keyboard right
escalated: no
not-contains: support team

story: "sure" with a kind asked about is no yes to a person
user: C1010
> this is so frustrating, the site keeps logging me out
contains: person
> sure, are the sony headphones in stock
escalated: no
not-contains: support team

story: a plain yes to the offer still brings a person in
user: C1010
> this is so frustrating, the site keeps logging me out
contains: person
> yes please
action: escalate
escalated: yes
