# The kind and brand of an opening request, read against the catalog:
# a kind word two categories share settled by the other words, a brand
# only some kinds carry, a brand a kind does not carry, and a kind
# corrected in the next turn.

story: security cameras are the smart-home kind, not photo cameras
> do you have security cameras for the front of the house?
action: recommend
contains: Wyze Cam v4
not-contains: Alpha
not-contains: lens

story: outdoor cameras with night vision
> need a camera that works outdoor with night vision
action: recommend
contains: Arlo
not-contains: Fujifilm

story: a brand that makes only one kind of speaker
> google speakers
action: recommend
contains: Google Nest
not-contains: Sonos

story: a brand with none of that kind says so
> nikon speakers?
action: kind_brand_none
contains: We don't carry any Nikon speakers
contains: cameras
not-contains: $

story: the kind corrected after a list
> show me jbl headphones
action: recommend
contains: JBL Tune
> not headphones, speakers
action: recommend
contains: JBL Charge 5
not-contains: Tune

story: a kind corrected with a no
> show me some cameras
action: recommend
> no, I mean security cameras
action: recommend
contains: Wyze Cam v4
not-contains: Alpha

story: a kind word used as a verb beside another kind picks no kind
> need a cheap camera to watch the baby room at nite under 50
action: recommend
contains: Wyze Cam v4
not-contains: Fitbit
not-contains: smartwatches

story: a kind two categories share, settled by the budget
> is there a camera under 40
action: recommend
contains: Wyze Cam v4
not-contains: Instax

story: a question asked of the customer's own kind is no request for the other
> can my anker power bank charge a laptop
not-contains: MacBook
not-contains: pick for laptops
