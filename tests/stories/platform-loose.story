# A platform said loosely ("with windows", "for windows") keeps the
# products whose data says nothing of platforms; the reply then never
# says they are for it: over a list shown, each member is answered from
# its own data, and a list recommended is not called "for Windows".

story: which of a list shown has a platform, member by member
> show me gift cards
> any of these with windows?
action: which_has
contains: Xbox Gift Card $50 (digital code) ($50): yes
contains: PlayStation Store Gift Card $50 (digital code) ($50): not said
not-contains: these are for Windows

story: the same asked as which ones are for it
> show me gift cards
> which ones are for windows
action: which_has
contains: Xbox Gift Card $50 (digital code) ($50): yes
not-contains: for Windows

story: a list recommended for a platform its members do not state
> gift cards for windows
action: recommend
not-contains: for Windows

story: a list whose members all state the platform still says it
> smartwatch for android
action: recommend
contains: for Android
not-contains: Apple Watch
