# A message that names a kind, a brand or another product is about what
# it names, never about the product in focus of another kind or brand;
# only pointers ("it", "this") and bare follow-ups keep the focus.

story: another kind with a device it must work with
> tell me about the LG 65" C4 OLED evo 4K
> smartwatch that works with iphone
not-contains: LG 65"
contains: Watch

story: another product named as the subject, with a feature word
> i'm looking at the JBL Flip 6
> does the Sonos Era 100 work with alexa?
contains: Sonos Era 100
not-contains: Flip 6

story: another console named after one in focus
> what does the nintendo switch oled cost
> does the steam deck come with a case
not-contains: Nintendo

story: the store asked for another kind is not the customer's own
> show me some laptops
> do you have a phone
not-contains: MacBook
contains: iPhone

story: a kind that is a part of the product in focus keeps it
> tell me about the iphone 15
> and what is the camera like
contains: 48 MP

story: a feature's word that is a kind the product lacks names the kind
> tell me about the LG 65" C4 OLED evo 4K
> camera that works with iphone
not-contains: LG 65"

story: a pointer keeps the focus beside a kind named as context
> tell me about the LG 65" C4 OLED evo 4K
> how many hdmi ports does it have for a console
contains: LG 65" C4 OLED evo 4K has HDMI ports
