# An accessory named for a device, said with another model of that
# device ("... for galaxy s25 ultra" where the store sells only the S24
# Ultra one), and a brand with a model number one or two away from one
# it makes ("samsung 991 pro" against the 990 PRO): a product the
# catalog lacks, said so with the nearest names, never the neighbour
# answered in its place ("Yes, ... in stock").

story: an accessory's full name with a newer device model
> do you have the spigen tough armor for galaxy s25 ultra
action: product_not_found
contains: couldn't find
contains: Spigen Tough Armor for Galaxy S24 Ultra
not-contains: in stock

story: a line of one model per device, asked for a device it lacks
> how much is the spigen ultra hybrid magfit for iphone 16
action: product_not_found
contains: couldn't find
not-contains: $19.99

story: the line's member for a device it has is still that member
> how much is the spigen ultra hybrid magfit for iphone 15 plus
contains: Spigen Ultra Hybrid MagFit for iPhone 15 Plus
contains: 19.99

story: the accessory's own name still answers
> is the zagg invisibleshield glass elite for iphone 15 in stock
contains: ZAGG InvisibleShield Glass Elite for iPhone 15
not-contains: couldn't find

story: a brand and a model number one away from one it makes
> do you have the samsung 991 pro
action: product_not_found
contains: couldn't find
contains: 990 PRO
not-contains: in stock

story: a brand, a model number two away, and the line's words
> how much is the anker 557 usb-c hub
action: product_not_found
contains: couldn't find
contains: Anker 555

story: a brand and a size stays a size
> do you have a samsung 65 inch tv
not-contains: couldn't find

story: a newer model of the device an accessory is listed for: not listed, named whole
> will the spigen tough armor fit my galaxy s25 ultra
contains: listed as compatible with Samsung Galaxy S24 Ultra
contains: galaxy s25 ultra is not on that list
not-contains: Yes

story: the same with a bare number after the device's name
> does the zagg invisibleshield glass elite work with iphone 16
contains: iphone 16 is not on that list
not-contains: Yes
