# Browsing and narrowing: the budget in the words people use, the kind of
# product asked for (a device, not its supplies), needs checked against
# the catalog's data, the nearest offered when nothing fits, and
# follow-ups that narrow the last list.

story: a ceiling said as "nothing over ... bucks"
> hey, earphones for running, nothing over 130 bucks
action: recommend
contains: under $130
contains: Soundcore Liberty 4 NC
not-contains: JBL Tune 760NC
not-contains: AirPods Pro

story: a rough figure and thousands said with k
> need a phone, 450ish
action: recommend
contains: under $495
not-contains: iPhone 15 Pro
> actually 1.2k max is fine
action: recommend
contains: under $1,200

story: "cheap" with no figure: the lower half, lowest price first
> my niece needs a tablet, something cheap
action: recommend
contains: lowest price first
contains: Amazon Fire HD 10
not-contains: iPad Pro
not-contains: iPad Air

story: a printer is not its toner
> looking for a printer that can print on both sides
action: recommend
contains: prints on both sides
contains: Brother HL-L2350DW
not-contains: Toner
not-contains: Cartridge
not-contains: DeskJet

story: the kind named, and the one refused
> a laser printer please, not an inkjet
action: recommend
contains: Brother HL-L2350DW
not-contains: PIXMA
not-contains: OfficeJet
not-contains: Toner

story: a camera is not a lens unless asked
> camera for my holidays, 800 tops
action: recommend
not-contains: F1.8
not-contains: F2.8
> show me lenses
action: recommend
contains: F1.8

story: memory from the specifications
> laptop with 32gb of ram, 2k max
action: recommend
contains: 32 GB of RAM or more
contains: ROG Zephyrus G14
not-contains: MacBook Air

story: the Wi-Fi generation from the specifications
> a wifi 7 router
action: recommend
contains: TP-Link Archer BE800
not-contains: AX55

story: a sweat rating from the specifications
> sweatproof earbuds
action: recommend
contains: sweat resistant
not-contains: Galaxy Buds FE

story: a device it must fit
> a portable ssd for a ps5
action: recommend
contains: Samsung T7 Shield
not-contains: SanDisk Extreme Portable

story: nothing fits: the nearest, with what it misses
> robot vacuum for 300
action: recommend_nearest
contains: The closest is the iRobot Roomba j7+
contains: over your $300 budget
not-contains: Smart Plug

story: follow-ups narrow the last list and keep the budget
> show me laptops around 1.5k
action: recommend
contains: under $1,650
> cheaper ones?
action: recommend
contains: under $1,098.99
not-contains: MacBook Air
> something lighter
action: recommend
contains: under 1.4 kg
contains: Acer Swift Go 14 OLED
> only lenovo
action: recommend_nearest
contains: Lenovo
contains: over your $1,098.99 budget
> ok my budget is actually 900
action: recommend_nearest
contains: under $900

story: the budget is what the customer paid for an item of theirs
user: C1060
> looking for a soundbar, no more than what i spent on my tcl tv
action: recommend_nearest
contains: under $249
contains: The closest is

story: which of the ones shown meet a need, from their specifications
> wireless earbuds for the gym, nothing over 150 bucks
action: recommend
> which of those is sweatproof?
action: which_shown
contains: sweat resistant
contains: Soundcore Liberty 4 NC
not-contains: Galaxy Buds FE

story: none of the ones shown meets it: said so
> show me headphones under 200
action: recommend
> any of those waterproof?
action: which_shown_none
contains: None of the 5

story: more than the one in focus has
> laptop under 1500
action: recommend
contains: MacBook Air 13-inch (M3, 8GB, 256GB)
> any with more ram?
action: recommend
contains: more than 8 GB of RAM
not-contains: 8GB, 256GB
