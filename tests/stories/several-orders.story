# Two order numbers in one message: both answered, or asked which one
# when the answer would change one; never one of them silently.

story: where two orders are
user: C1002
> where are 12170 and 12281?
contains: #12170
contains: #12281
contains: RMA-12170-1
contains: RMA-12281-1

story: two orders, one of them not the customer's
user: C1002
> where are 12170 and 12188?
contains: #12170
contains: can't find order #12188
not-contains: Could you give me the order number

story: two refunds asked at once
user: C1019
> any news on the refunds for orders 12156 and 12041
contains: #12156
contains: #12041

story: cancelling two orders asks which
user: C1002
> can you cancel #12170 and #12281
action: ask_order_id
contains: #12170
contains: #12281
> the beats one
contains: #12281
not-contains: Done

story: an order number without the word order
user: C1055
> where is 12334
contains: #12334
contains: out for delivery
