# Accessories for the product in focus, from the compatibility data: a
# case listed for another model is never offered, and when none is
# listed the reply says so.

story: a case for the phone in focus, not one for another model
> tell me about the Samsung Galaxy S24 (256GB)
> is there a case for it
action: accessories
contains: OtterBox Commuter Series for Galaxy S24
contains: Samsung Galaxy S24 Silicone Case
not-contains: Ultra

story: a spare of the laptop's charger
> tell me about the ASUS ROG Strix G15
> do you sell a spare of the big charger
action: accessories
contains: ASUS ROG 240W AC Adapter, $89.99

story: no spare battery listed: the battery the camera takes
> tell me about the Canon EOS R50
> do you sell a spare battery for it
action: accessories_none
contains: LP-E17
not-contains: NP-FZ100

story: a memory card that works in the camera in focus
> tell me about the Sony Alpha 7 IV
> and a memory card that works in it
action: accessories
contains: SanDisk Extreme PRO SDXC

story: a case for the Ultra is the Ultra's, not the plain S24's
> tell me about the Samsung Galaxy S24 Ultra (256GB)
> is there a case for it
action: accessories
contains: Spigen Tough Armor for Galaxy S24 Ultra
not-contains: OtterBox

story: a platform listed takes in every device of that name
> tell me about the Garmin Forerunner 265
> will it work with my iphone 15
action: compatibility
contains: Yes, the Apple iPhone 15 (128GB) is covered
contains: listed as compatible with iPhone

story: toner for the printer in focus, listed by its model number
> how much is the brother hl-l2350dw
> how much is the toner for it
action: accessories
contains: Brother TN760 High Yield Toner, $76.99
> in stock?
action: answer_stock
contains: TN760
contains: only 1 left

story: a microsd for the console in focus
> tell me about the Steam Deck OLED
> do you have a microsd for it
action: accessories
contains: SanDisk Extreme microSDXC 256GB
not-contains: SanDisk Extreme PRO SDXC
