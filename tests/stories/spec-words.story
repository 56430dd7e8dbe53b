# Specification questions in a shopper's few words, answered from the
# attributes of the product named or in focus, whatever the classifier
# made of them; a word naming one attribute is not read in another's
# value ("screen" is not the battery's "screen-on time").

story: a port asked as two words
> does the galaxy s24 have usb c
action: answer_attribute
contains: USB-C 25 W

story: the attribute named beats a word in another's value
> does the garmin forerunner 265 have gps
action: answer_attribute
contains: multi-band
not-contains: 312 hours

story: the screen, not the battery's screen-on time
> pixel 8a screen?
action: answer_attribute
contains: Actua OLED
not-contains: screen-on

story: a product and an attribute, no verb
> jbl flip 6 battery life
action: answer_attribute
contains: about 12 hours per charge

story: an unsure intent, the words name the attribute
> lg c4 65 refresh rate
action: answer_attribute
contains: 144 Hz

story: a kind's word that is the phone's attribute
> i'm checking out the pixel 8
> storage?
action: answer_attribute
contains: 128GB
not-contains: SanDisk

story: what an attribute is like, of the product in focus
> tell me about the bose quietcomfort ultra headphones
> whats the connectivity like
action: answer_attribute
contains: Bluetooth

story: double sided printing is the duplex attribute
> can the brother hl-l2350dw print double sided
action: answer_attribute
contains: automatic

story: a family named is its best model, not a battery-care guide
> iphone 15 battery?
action: answer_attribute
contains: 7-9 hours screen-on time

story: a product's name said as a feature of the phone in focus
> tell me about the iphone 15
> does it do magsafe
action: answer_attribute
contains: MagSafe 15 W
not-contains: MagSafe Charger

story: a feature the phone's listing never mentions
> tell me about the galaxy s24
> does it have magsafe
contains: No MagSafe
contains: USB-C 25 W
not-contains: MagSafe Charger
