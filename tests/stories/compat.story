# Compatibility: yes or no from the product's compatible_with list with
# the entry that says so, "not listed" when the list is silent.

story: a device the list names in other words is a yes, with the reason
> will the Samsung 990 PRO NVMe SSD 2TB work in my PlayStation 5?
action: compatibility
template: compatible_yes
contains: PlayStation 5
contains: heatsink
not-contains: does not include

story: a device the list excludes is a no, with the entry
> will the Apple HomePod (2nd generation) work with my android phone?
action: compatibility
template: compatible_no
contains: not supported on Android

story: a platform in the customer's words
> does the Logitech G502 X Plus work on a mac?
action: compatibility
template: compatible_yes
contains: macOS

story: a device the list does not name is not listed
> will the ASUS ROG 240W AC Adapter work with an MSI Katana 15?
action: compatibility
template: compatible_not_listed
contains: MSI Katana 15 is not on that list

story: the product asked about stays in focus
> does the Samsung T7 Shield work with an iPhone 15?
template: compatible_yes
> how much is it?
contains: Samsung T7 Shield
not-contains: iPhone

story: "it" stays the product asked about when the other one's list is read
> tell me about the wyze cam v4
> does it work with alexa i have an echo dot
contains: Wyze Cam v4
> how much is it
contains: 35.98
not-contains: Echo
