# Help for a product: its own manual first, then its kind, never another's.

story: the product in focus is reset from its own manual
> tell me about the Ring Battery Doorbell Plus
action: product_info
> how do I reset it?
contains: Ring Battery Doorbell Plus installation
contains: orange setup button
contains: 20 seconds
not-contains: delivered

story: the manual section asked about, not the one naming the product most
> my ASUS ROG Strix G15 screen goes black but the keyboard stays lit
action: troubleshoot
contains: the screen is black or flickers
contains: Shift + B

story: a category said in passing keeps the laptop in focus
> tell me about the ASUS ROG Strix G15
action: product_info
> the screen went black but the keyboard lights are still on
action: troubleshoot
contains: ASUS ROG Strix G15
contains: Shift + B
not-contains: Black Friday

story: a product without a manual gets the guide to its kind
> tell me about the Garmin Instinct 2 Solar
action: product_info
> how do I pair it with my phone?
contains: Smartwatch and fitness tracker
contains: Garmin Connect
not-contains: WH-1000XM5

story: an unclear problem with the product in focus answered from its manual
> tell me about the Samsung 990 PRO NVMe SSD 2TB
action: product_info
> I installed it but it doesn't show up in File Explorer
contains: Samsung 990 PRO NVMe SSD installation
contains: Disk Management
not-contains: would you like to

story: a product named in passing leaves the one in focus the subject
> tell me about the Samsung 990 PRO NVMe SSD 2TB
action: product_info
> how do I move Windows over to it from my old drive?
contains: Cloning your old drive
contains: Samsung Data Migration

story: a follow-up on the manual just quoted is no out-of-scope
> my ASUS ROG Strix G15 battery only lasts 3 hours, is that normal?
contains: Battery life and battery care
> how do i set that optimized thing
contains: Performance modes
contains: Armoury Crate
not-contains: can't help
