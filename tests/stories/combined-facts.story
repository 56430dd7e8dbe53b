# Replies that state facts of two records at once keep each fact as the
# record that holds it says it: an order's total next to its items, the
# price of a model whose name is another model's plus a "+".

story: a cancel offer gives the order's total, not an item's price
user: C1057
> please cancel order 12350
action: cancel_offer
contains: Dell Latitude 7440 and Logitech Brio 4K Webcam
contains: $1,818.99
not-contains: $169.99

story: the charge question keeps the order's total too
user: C1057
> has anything been charged for order 12350 yet?
contains: $1,818.99
not-contains: $169.99

story: the plus model's stock and price are its own
> is the Samsung Galaxy S24+ (256GB) in stock
contains: Samsung Galaxy S24+ (256GB)
contains: $999
not-contains: $859
not-contains: can't confirm
> how much is the galaxy s24+
contains: $999
not-contains: $859
