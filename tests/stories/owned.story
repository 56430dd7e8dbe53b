# The products the customer already has: words that say a product is
# theirs ("my", "I got", "arrived", "from you") name an item of their own
# orders before any product of the catalog, and the question asked of it
# is answered, not the order's status.

story: the kind of a thing they bought, asked a specification
user: C1001
> the laptop arrived last week, how much ram has it got?
action: answer_attribute
contains: ASUS ROG Strix G15
contains: 16 GB
not-contains: #12345

story: a brand and kind they own, asked whether it fits
user: C1059
> I've got a Samsung SSD on the way from you, will it work in a PS5?
contains: Samsung 990 PRO
not-contains: UPS
not-contains: Expected delivery

story: two of one kind: asked which, naming both
user: C1019
> is my jbl speaker from you waterproof?
action: ask_which_product
contains: JBL PartyBox 110
contains: JBL Clip 5
not-contains: Tune 760NC

story: feedback first, then a complaint about one item: its return
user: C1045
> package came, the airpods are lovely but the razer mouse hurts my hand
action: return_eligible
contains: Razer DeathAdder V3 Pro from order #12314
contains: return

story: a word of the name they bought, asked how it is used
user: C1054
> the osmo action I got, how long does its battery last?
contains: DJI Osmo Action 4
not-contains: Mini 4 Pro

story: when it comes is still a question about its order
user: C1060
> my wd ssd from you, when is it coming?
contains: #12363

story: their item said as the context of another thing
user: C1004
> I need a case for my iphone 15
not-contains: Which one do you mean
not-contains: #11928

story: a family they have one member of is theirs, not the catalog's best
user: C1045
> the airpods, do they have noise cancelling?
action: answer_attribute
contains: AirPods 4
not-contains: AirPods Max

story: a family asked of as a kind of thing stays the catalog's
user: C1045
> do you sell airpods?
not-contains: AirPods 4

story: "my new" is theirs, not a kind wanted
user: C1013
> my new samsung soundbar, does it do dolby atmos?
contains: Samsung HW-Q990D
not-contains: Sonos
