# Yes-or-no questions about one feature of one product: the answer says
# yes or no and the listing's value that backs it; a question is never
# an action.

story: a feature its kind lists and this one lacks is a no, with what it has
> tell me about the canon pixma g6020
> can it send faxes
action: answer_attribute
contains: No fax
contains: print, scan, copy

story: taking it into the pool is a question, not a purchase
> show me the jbl clip 5
> can i take it to the beach and into the pool
action: answer_attribute
contains: Yes
contains: IP67
not-contains: cart

story: an amp asked of low-impedance headphones
> tell me about the audio-technica ath-m50x
> will these need a headphone amp
action: answer_attribute
contains: No
contains: 38 ohms

story: the opposite stated in its description answers no
> tell me about the sennheiser hd 560s
> are they closed-back?
action: answer_attribute
contains: No
contains: Open-back

story: a yearly subscription asked of a perpetual licence
> tell me about adobe photoshop elements 2025
> is it a yearly subscription
action: answer_attribute
contains: No
contains: perpetual

story: a negation in a value is a no
> tell me about the google nest hub 2nd gen
> hmm does it have a camera? kinda worried about privacy
action: answer_attribute
contains: No
contains: no camera

story: another version than the one asked is a no
> tell me about the netgear nighthawk rax54s
> is it wifi 7 though
action: answer_attribute
contains: No Wi-Fi 7
contains: Wi-Fi 6

story: a monochrome screen is no colour screen
> tell me about the garmin instinct 2 solar
> is the display in color
action: answer_attribute
contains: No
contains: monochrome
