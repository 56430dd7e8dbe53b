# Stock asked in everyday words, about the product named or in focus:
# the count, "only N left" when few remain, enough or not for the number
# wanted, no date for a sold-out item but an alert offered, and how a
# digital item arrives.

story: how many are on the shelf
> do you guys have the sony wh-1000xm5 in stock still
action: answer_stock
contains: 20 available

story: enough for a team, asked about the product just shown
> tell me about the logitech mx master 3s
> we'd need 6 of those for the office, do you have that many?
action: answer_stock
contains: 241 available
contains: 6 is no problem

story: too few left for the number wanted
> show me the jbl partybox 110
> any left if we want 4?
action: answer_stock
contains: only 3 left
contains: not enough for 4

story: a sold-out console: no date, an alert offered and taken
user: C1005
> is the xbox series x sold out
contains: out of stock
> any idea when you'll get more in?
action: answer_stock
contains: don't have a date
contains: let you know
> yes please
action: watch

story: a sold-out item for a visitor: the alert on the product page
> when is the canon eos r8 restocked?
action: answer_stock
contains: stock alert on its product page

story: a software key comes by email
> how would i receive norton 360 deluxe after paying
action: answer_delivery
contains: digital key by email
