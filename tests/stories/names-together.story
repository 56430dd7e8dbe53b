# Which product the words name: the plain model of a line beside its
# variants (read from the catalog's names, not a list of words), several
# products named in one message shown together with their prices, and
# a count off the last list ("the first two").

story: the plain model of a line, not the variant that adds to its name
> what does the regular dualsense cost
action: answer_price
contains: DualSense Wireless Controller
not-contains: Edge
> and the normal xbox pad?
contains: Xbox Wireless Controller
not-contains: Elite

story: "standard" before a name is the plain model, not standard shipping
> hi, how much for the standard galaxy s24
contains: Galaxy S24 (128GB)
not-contains: shipping
not-contains: Ultra

story: two products named in one message are both shown, with prices
> could u pull up the sonos era 100 and the bose soundlink flex
action: show_together
contains: Sonos Era 100, $199
contains: Bose SoundLink Flex (2nd Gen), $149
> ok the bose one, is it waterproof
contains: SoundLink Flex
not-contains: Era 100

story: the first two of a list shown, and not the third
> show me jbl speakers
> what do the first two cost
action: show_together
contains: JBL Charge 5, $179.95
contains: JBL Flip 6, $99.95
not-contains: PartyBox
