# Compatibility both ways and accessories for a device, from the
# catalog's compatibility lists only: the list under any of its keys,
# a device's own system ("iPadOS") and version ("Android 10+"), another
# device asked right after ("what about ..."), and an accessory asked
# for by kind while a family is named.

story: a doorbell's list under works_with
> does the ring battery doorbell plus work with alexa
action: compatibility
contains: Yes

story: a mouse for an iPad: the tablet's system is on the list
> would the logitech mx master 3s work with an ipad
action: compatibility
contains: iPadOS

story: a system version from the list and the phone's own
> will the samsung galaxy watch6 40mm work with my galaxy s24
action: compatibility
contains: Android 10+

story: another device right after a compatibility answer
> will the anker 735 charger work with a dell xps 14
action: compatibility
> what about a pixel 8
action: compatibility
contains: Anker 735
contains: not on that list
> how much is it
contains: $45.99

story: a model said that the list's entry is not
> does the asus rog 240w adapter fit my rog strix g16
action: compatibility
contains: ROG Strix G16
> and an msi katana 15?
action: compatibility
contains: not on that list

story: a case asked for while the phone family is named
> got a case for the galaxy s24?
action: accessories
contains: OtterBox Commuter
not-contains: compare

story: a spare battery for the camera, not the lens shown after it
> tell me about the canon eos r50
> and the canon rf 50mm f1.8 stm
> do you sell a spare battery for it
contains: LP-E17

story: a range of models on the list
> will the belkin boostcharge pro 3-in-1 work with my iphone 14
action: compatibility
contains: Yes
contains: iPhone 12-15

story: a model outside the range is not listed
> will the belkin boostcharge pro 3-in-1 work with my iphone 11
action: compatibility
contains: not on that list

story: a model and the ones after it
> does the apple magsafe charger work with an iphone 15
action: compatibility
contains: Yes

story: a platform asked is a compatibility question, not a spec
> does the apple watch series 9 work with android
action: compatibility
contains: android is not on that list
