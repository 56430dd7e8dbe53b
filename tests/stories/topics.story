# Topic switches: the old topic is kept and can be taken up again.

story: a product question in the middle of a return, then back to it
user: C1001
> I want to return something
intent: return_item
action: ask_order_id
contains: #12345
> actually, is the iPhone 15 in stock?
intent: stock_availability
action: answer_stock
contains: 42 available
> ok, back to my return: it's order 11942
action: return_ineligible
contains: 85 days ago
contains: 30-day return window

story: from tracking to a recommendation and back to an order
user: C1059
> has my order shipped yet?
intent: track_order
action: ask_order_id
contains: #12318
> order 12318
action: order_status
contains: FedEx
contains: 2026-11-21
> I also need a business laptop under $1200
action: recommend
contains: Dell Latitude 5440
contains: $1,149
> and where is order 12303?
action: order_status
contains: UPS
contains: 1ZU2U75G0314143782

story: a shipping question while shopping keeps the product in focus
> tell me about the Acer Nitro 5
action: product_info
contains: $899
> how much is shipping?
contains: free on orders of $49 or more
> what warranty does it have?
action: answer_warranty
contains: 1-year manufacturer warranty

story: a recommendation, then a policy question, then the recommendation's product
> what tablet would you recommend under $400?
action: recommend
contains: Amazon Fire HD 10 (32GB)
contains: $139
> do you price match?
action: policy_answer
contains: 14 days
not-contains: Fire HD
> what about the first one?
action: product_info
contains: Amazon Fire HD 10 (32GB)
contains: $139

story: a return put aside for a tracking question is offered again
user: C1043
> can I return order 12219?
action: return_eligible
contains: 13 days
> wait, where is order 12058?
intent: track_order
action: order_status
contains: #12058
contains: delivered on
contains: Shall we get back to your return?
> yes
action: return_eligible
contains: #12219
> no, I'll keep it
action: declined

story: the cart shown is what "it" and "the phone" mean next
user: C1003
> whats in my cart
action: cart_show
> and the phone, how much storage
contains: Samsung Galaxy S24 Ultra (256GB)
contains: 256GB
not-contains: Spigen

story: the one item of the cart shown is "it"
user: C1001
> whats in my cart rn
action: cart_show
> how much is it now
contains: Sony WH-1000XM5
contains: $399

story: a product named while the bot asks what for stays in focus
> is the echo dot any good for a bedroom
> how many are in stock
contains: Amazon Echo Dot (5th Gen)
contains: 2 left

story: a product named while the bot asks which two stays in focus
> thinking about the sony wh-1000xm5 for my commute
> is it on sale
contains: Sony WH-1000XM5
contains: $399

story: an item of the order just discussed, said by a word of its name
user: C1018
> tell me about order 11937
> what is the warranty on the pencil
contains: Apple Pencil Pro
not-contains: Apple Pencil (USB-C)

story: the kind of an item of the order just discussed
user: C1036
> what did i get in order 12009
contains: LG 27" UltraGear
> what is the refresh rate of the monitor
contains: LG 27" UltraGear 27GP850-B
contains: 180 Hz

story: a brand chosen over the one product discussed is its kind's
user: C1062
> does the nest learning thermostat work with alexa
> ok, ecobee then
action: cart_add
contains: Added the ecobee Smart Thermostat Premium
not-contains: Nest
