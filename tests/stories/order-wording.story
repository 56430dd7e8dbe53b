# Orders as customers outside the scripts ask about them: which order
# (an index, a brand, a word of the item, a model number, a month, "an
# order"), what happens next after a carrier exception, returns picked
# from a list and one item of an order quoted alone (demo store,
# SHOPDESK_NOW 2026-11-20).  Orders here are only read.

story: a carrier exception says what comes next
user: C1050
> my mesh wifi has been stuck for days, what is happening
action: order_status
contains: #12326
contains: weather delay
contains: nothing you need to do
contains: 2 business days
> so what now, is there anything i should do
action: order_status
contains: #12326
not-contains: Sorry, I can't help

story: a bare index picks from the orders listed
user: C1060
> order status pls
action: ask_order_id
contains: #12341
> 2
action: order_status
contains: #12341
contains: UPS
not-contains: 12363

story: a brand picks among the orders asked about
user: C1055
> the tv i ordered, where is it
template: ask_order_choice
> no the sony one
action: order_status
contains: #12358
not-contains: 12334
> can i still cancel that
action: cancel_offer
contains: #12358

story: another order is not the one in focus
user: C1022
> where is my tablet
action: order_status
contains: #12349
> I need to check on another order
action: ask_order_id

story: a word of the item narrows the kind
user: C1042
> the OLED tv is defective, the screen flickers
contains: #12317
not-contains: 12053

story: the phone, not a case for one
user: C1047
> where is the phone i ordered
action: order_status
contains: #12007
contains: cancelled
not-contains: 11939

story: a word of a product name is no question word
user: C1008
> any news about the Anker 737 Power Bank i ordered
action: order_status
contains: #11964
not-contains: refund

story: a model number names the item
user: C1059
> what's happening with the 560S i sent back
contains: #12296
contains: RMA-12296-1

story: a month the catalog also knows as a brand
user: C1001
> how is the order i placed in august
action: order_status
contains: #11942

story: the one order holding the item named is answered
user: C1046
> is my sd card arriving today?
action: order_status
contains: #12305 (SanDisk Extreme PRO SDXC 128GB
contains: out for delivery today

story: a code sent by email has its delivery day
user: C1001
> where is order 12076
action: order_status
contains: delivered on 2026-09-25

story: track questions mean the order on its way
user: C1046
> my thinkpad order - when does it land
action: order_status
contains: #12348
not-contains: 12260

story: return questions mean the order that came
user: C1034
> can the wifi router i bought still go back if i opened it
contains: #12279
not-contains: 12368

story: returnable orders listed, one picked by its item
user: C1053
> which orders can i still return?
action: returnable_orders
contains: #12263
contains: #12189
> the samsung phone one, how long do i have
contains: #12263
contains: 2026-12-11
not-contains: 12189

story: one item of an order quoted alone
user: C1053
> how much would i get back if i return just the charger from order 12263
action: return_cost
contains: the Samsung 45W Super Fast Charging Wall Charger from order #12263

story: past the window, no quote for a return
user: C1010
> what would it cost to return the gigabyte laptop from august?
contains: #11963
contains: past our 30-day return window
not-contains: restocking fee

story: the carrier of the order in focus
user: C1022
> where is my tablet
action: order_status
contains: #12349
> what carrier is it with
action: order_status
contains: UPS
contains: #12349

story: a visitor returning a purchase is asked to sign in
> i want to return something i bought
action: ask_order_id
contains: please sign in
not-contains: #12345 (

story: cancelling means the order not shipped yet
user: C1018
> i'd like to cancel the yoga
action: cancel_offer
contains: #12359
not-contains: 11937

story: why an order was cancelled, as logged
user: C1048
> my sony headphones order was cancelled, why
contains: #12264
contains: ordered the wrong model

story: a return on its way back, asked as "did you get it"
user: C1024
> the airpods max, did you get them back yet
contains: #12254
contains: RMA-12254-2
not-contains: in stock

story: the orders a customer has, listed
user: C1025
> which orders do i have
action: ask_order_id
contains: #12253
contains: #12002

story: "delayed" asks where it is
user: C1017
> my printer is delayed?? what's the new date
action: order_status
contains: #12313
contains: November 22

story: a power bank is no bank
user: C1044
> hey, the power bank I got this month, can it go back
action: return_eligible
contains: #12325

story: the item and the month said disagree: asked, never guessed
user: C1039
> the watch from september, can i return it
template: ask_order_choice
contains: #12185
contains: #12079
