# "Two of those plus the nas, total?": what the products meant come to,
# each line with its count and today's price and the sum, which the fact
# check keeps only because it adds up.  The cart's total is the cart's
# when the customer names it or just changed it; something named that
# no product shown is makes the bot ask which items.

story: a count of the one listed plus the kind shown before
> whats a good nas for backing up family photos
> which drives go in it
> so two of those plus the nas, total?
action: items_total
contains: WD Red Plus 8TB NAS Hard Drive 2 x $179.99
contains: = $659.97

story: a count of the one listed alone
> does the synology ds224+ come with drives in it
> which of your drives go in it
> two of those, total?
action: items_total
contains: 2 x $179.99 = $359.98

story: the last two in focus, for both
> how much is the JBL Flip 6
> what about the JBL Charge 5
> total for both
action: items_total
contains: = $
not-contains: can't confirm

story: a kind no product shown is: which items
> how much is the JBL Flip 6
> the flip 6 plus a tv, total?
action: items_total_which
not-contains: = $

story: a new total after a removal is the cart's
user: C1003
> remove the case ill get one later
> new total?
action: cart_total
contains: $1,348.99

story: the total of a product's own is no sum
> how much is the JBL Flip 6
> whats the total battery life
not-contains: = $
