# A brand said alone ("the amazon one") while a kind is discussed, when
# the brand makes nothing of that kind under its own brand but the
# catalog sells a line of it under the brand's name (the eero mesh
# systems, brand eero, named "Amazon eero ..."): that line, never
# another kind of the brand's (an Echo speaker).  When the brand has the
# kind under its own brand, that one as before.

story: the amazon one beside a mesh system is the eero, not an Echo
> tell me about the TP-Link Deco X55
> and the amazon one?
action: product_info
contains: Amazon eero
not-contains: Echo

story: a price asked of the amazon one after another brand's mesh
> how much is the Google Nest Wifi Pro
> what about the amazon one, is it cheaper
contains: Amazon eero
not-contains: Echo
not-contains: Fire

story: a feature asked of the amazon one, background first
> im looking at the netgear orbi for my flat
> the amazon one - does it do wifi 6?
contains: Amazon eero
not-contains: Echo

story: a tablet in focus: the amazon one is still its Fire tablet
> tell me about the Apple iPad Air 11-inch
> and the amazon one?
action: product_info
contains: Amazon Fire
not-contains: eero

# The brand said is not the focus's, so the focus guard sets the product
# discussed aside; its kind is still the one discussed.

story: the google one after a TP-Link mesh system is Google's mesh, not a phone
> tell me about the TP-Link Deco X55
> and the google one?
action: product_info
contains: Google Nest Wifi Pro
not-contains: Pixel

story: a spec asked of the google one after another brand's mesh
> how much is the NETGEAR Orbi 770
> what about the google one, how many in the pack
contains: Google Nest Wifi Pro
not-contains: Pixel

story: the samsung one after a tablet is Samsung's tablet, not a soundbar
> tell me about the Apple iPad Air 11-inch
> the samsung one then?
action: product_info
contains: Samsung Galaxy Tab
not-contains: Soundbar
