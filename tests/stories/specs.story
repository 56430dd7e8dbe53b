# Specifications: what a question asks about a product, answered from
# its attributes (never from reviews or a guess), for the product in
# focus or for both products just compared.

story: two asks in one message, stock and a codec
> is the soundcore space q45 in stock? and does it do LDAC
action: answer_stock
contains: only 3 left
contains: LDAC

story: the wall mount of the TV in focus, not its screen size
> tell me about the Hisense 65" U8N Mini-LED
> and what wall mount size do I need
action: answer_attribute
contains: 300x300
not-contains: screen size

story: battery life from the specifications
> tell me about the Canon EOS R50
> battery life ok for vlogging?
action: answer_attribute
contains: about 1 hour of use
contains: 370 shots

story: a water rating for a swim
> tell me about the Garmin Instinct 2 Solar
> can I swim with it
action: answer_attribute
contains: 10ATM

story: HDMI 2.1 ports of the TV in focus
> tell me about the LG 65" C4 OLED
> how many HDMI 2.1 ports?
action: answer_attribute
contains: 4 x HDMI 2.1

story: an amount asked for, against the specifications
> tell me about the TCL 50" S4 4K LED
> does it do 120hz?
action: answer_attribute
contains: No:
contains: 60 Hz

story: both products just compared: prices and the difference
> compare the Sony WH-1000XM5 and the Bose QuietComfort Ultra Headphones
action: compare
> price difference?
action: compare_followup
contains: $399
contains: $429
contains: down from $449

story: both products just compared: a refresh rate each
> compare the Samsung 65" S90D OLED and the LG 65" C4 OLED
action: compare
> do both do 144hz?
action: compare_followup
contains: Yes: the Samsung 65" S90D OLED 4K has a refresh rate of 144 Hz
contains: Yes: the LG 65" C4 OLED evo 4K has a refresh rate of 144 Hz

story: both keyboards on Linux and a Mac
> compare the Keychron K2 Max and the Logitech MX Keys S
action: compare
> I use Linux at work and a Mac at home, both fine?
action: compare_followup
contains: Keychron K2 Max Wireless Mechanical Keyboard has compatibility with Windows, macOS, Linux
contains: Logitech MX Keys S has compatibility with Windows, macOS, Linux

story: the battery life of a console is a spec, not a spare battery
> tell me about the Nintendo Switch - OLED Model
> battery life of the oled?
action: answer_attribute
contains: 4.5-9 hours

story: a word of the product's name is no question about a spec
> tell me about the Google Nest Learning Thermostat (4th Gen)
> does the nest need a c wire
contains: c wire recommended
not-contains: Temperature Sensor

story: a how-many question gets the facts, not a yes
> tell me about the LG 65" C4 OLED
> how many HDMI ports does it have?
contains: 4 x HDMI
not-contains: Yes:

story: a spec question the classifier takes for stock gets the spec
> tell me about the Garmin Instinct 2 Solar
> is it ok for swimming in the rain?
contains: 10ATM
not-contains: in stock
