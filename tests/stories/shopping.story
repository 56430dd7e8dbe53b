# A kind of product wanted, with a need or a budget, is a request for
# recommendations whatever intent the other words suggest ("no more
# than" a refund, "register" an account), and the needs said filter the
# list: budgets said after the amount ("1000 max") or negated ("can't
# spend more than"), weights in grams, the kind ("robot vacuums"),
# weather, ruggedness, battery life.

story: a screen size and a ceiling, with background first
> We're redoing the living room. Want a 65 inch TV, no more than $1500.
action: recommend
contains: Hisense 65" U8N
contains: under $1,500
not-contains: TCL 50"
not-contains: order number

story: a budget that can't be passed is a ceiling
> need a laptop for my daughter, we cant spend more than 700
action: recommend
contains: under $700
not-contains: MacBook Pro
> looking for a laptop, don't want to spend more than $700
action: recommend
contains: under $700
not-contains: MacBook Pro
not-contains: ROG

story: a budget said after the amount
> gaming laptop, 1000 max, for fortnite and stuff
action: recommend
contains: under $1,000
not-contains: Zephyrus
not-contains: Legion Pro

story: a weight in grams is no price
> looking for a drone under 250 grams so i dont have to register it
action: recommend
contains: DJI Mini 4 Pro
not-contains: budget
not-contains: account

story: the kind named, not its whole category
> do u have robot vacuums
action: recommend
contains: Roomba
not-contains: Kasa
not-contains: Echo Dot

story: rugged, said without a question, gets no apology
> need a portable ssd thats rugged, i do photo shoots outdoors
action: recommend
contains: T7 Shield
contains: SanDisk Extreme Portable
not-contains: Sorry
not-contains: My Passport

story: weather and battery life, then a cheaper one that keeps a floor
> going camping next month, need a speaker that lasts forever on battery and survives dust and rain
action: recommend
contains: Marshall Emberton II
not-contains: HomePod
not-contains: Rain Design
> how many hours exactly
contains: 30 hours
> any cheaper one that still does 15 hours or more?
action: recommend
contains: Ultimate Ears BOOM 4
not-contains: Flip 6
not-contains: WONDERBOOM

story: waterproof with the budget after the amount
> hi! after a waterproof bluetooth speaker for the pool, 100 bucks max
action: recommend
contains: under $100
not-contains: HomePod mini
not-contains: Charge 5

story: a problem with a kind the customer has is no shopping
user: C1001
> my laptop won't turn on, I need help
not-contains: Here is what I would pick

story: the kind said first is wanted, a brand the customer has is not
> I'm done with my old LG screen. Need a 27 inch monitor with USB-C so one cable charges my laptop
action: recommend
contains: monitors, with USB-C, 27-inch
not-contains: LG
not-contains: accessories
> Budget is about $450 max, and it needs to be 4K.
action: recommend
contains: BenQ PD2705U
contains: ViewFinity S8
not-contains: UltraSharp
