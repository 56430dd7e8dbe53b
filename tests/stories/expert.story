# Product expert: specifications, compatibility, features, usage.

story: full specifications
> what are the specs of the Lenovo ThinkPad E14 Gen 5?
intent: product_specs
action: show_specs
contains: $749
contains: Intel Core i5-1335U
contains: Windows 11 Pro

story: one attribute, then another of the same product
> what screen does the ASUS ROG Strix G15 have?
entity: attribute=screen
action: answer_attribute
contains: 15.6" FHD IPS, 300 Hz
> and how heavy is it?
action: answer_attribute
contains: weight 2.1 kg
not-contains: weight_kg

story: an accessory that fits
> does the Spigen Ultra Hybrid MagFit for iPhone 15 fit the iPhone 15?
intent: compatibility
action: compatibility
template: compatible_yes
contains: Apple iPhone 15
not-contains: Beats

story: an accessory that does not fit
> is the Spigen Tough Armor for Galaxy S24 Ultra compatible with the Galaxy S24?
intent: compatibility
action: compatibility
template: compatible_not_listed
contains: Samsung Galaxy S24 Ultra
contains: Samsung Galaxy S24 (128GB)

story: compatibility of the accessory in focus
> tell me about the ASUS ROG 240W AC Adapter
action: product_info
contains: $89.99
> does it work with the ASUS ROG Strix G15?
intent: compatibility
action: compatibility
template: compatible_yes
contains: ROG Strix G15 (G513)

story: a feature explained from the catalog
> what is noise cancelling on the Sony WH-1000XM5 and how do I use it?
action: answer_attribute
contains: adaptive

story: usage advice from a guide
> how should I charge the battery of my laptop to make it last?
intent: usage_advice
action: usage_advice
contains: Laptop battery life and battery care guide
contains: charge limit

story: troubleshooting from a manual
> my earbuds won't connect over bluetooth
intent: troubleshooting
action: troubleshoot
contains: Wireless earbuds troubleshooting guide
contains: pairing mode

story: troubleshooting from a past ticket
> my TV arrived with a cracked screen
intent: troubleshooting
action: troubleshoot
template: ticket_answer
contains: A customer had the same problem
contains: full refund

story: printer setup from its guide
> how do I set up my printer on wifi?
contains: Printer wireless setup and troubleshooting

story: product overview, warranty and stock of the product in focus
> Tell me about iPhone 15
intent: product_inquiry
action: product_info
contains: Apple iPhone 15 (128GB)
contains: $799
contains: 1876 customers
> what about the warranty?
intent: warranty
action: answer_warranty
contains: 1-year Apple limited warranty
contains: extended coverage
> is it in stock?
action: answer_stock
contains: Apple iPhone 15 (128GB)
contains: 42 available

story: warranty of a named product
> what warranty does the Samsung Galaxy S24 have?
intent: warranty
action: answer_warranty
contains: 1-year manufacturer warranty
contains: 2- or 3-year extended coverage
