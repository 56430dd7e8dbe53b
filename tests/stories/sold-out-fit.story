# A need that only a sold-out product meets: that product named as out
# of stock (not an in-stock one that misses the need), in focus, so
# "when is it back" asks about it; "back" said of one in stock is no
# restock question.

story: a need only a sold-out one meets, then when it is back
> robot vacuum?
action: recommend
> needs to mop aswell
action: recommend_sold_out
contains: Roborock Q7 Max+
contains: out of stock
not-contains: Roomba
> when's it back
action: answer_stock
contains: Roborock Q7 Max+
contains: stock alert

story: a budget only a sold-out one meets
> tablet for my kid, under 100 bucks
action: recommend_sold_out
contains: Amazon Fire HD 8
contains: out of stock
not-contains: Fire Max 11
> and when does that come back
action: answer_stock
contains: Amazon Fire HD 8
contains: don't have a date

story: back said of one in stock is not a restock question
> tell me about the JBL Flip 6
> when will it be back
not-contains: out of stock
