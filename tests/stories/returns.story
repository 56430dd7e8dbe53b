# Returns: eligibility from the order's dates and the store's policy.

story: a return within the 30-day window, confirmed
user: C1039
> I want to return order 12218
intent: return_item
entity: order_id=12218
action: return_eligible
contains: delivered on 2026-11-05
contains: 15 days
contains: 30-day return window
> yes
action: return_started
contains: #12218
contains: prepaid label

story: a return within the window, declined
user: C1043
> can I send back order 12219?
action: return_eligible
contains: delivered on 2026-11-03
contains: 13 days
> no thanks
action: declined

story: past the return window
user: C1001
> I'd like to return order 11942
action: return_ineligible
template: return_window_passed
contains: 2026-08-27
contains: 85 days ago
contains: 30-day return window

story: gift cards cannot be returned
user: C1001
> can I return order 12076
action: return_ineligible
template: return_non_returnable
contains: Kestrel Electronics Gift Card $200
contains: gift-cards

story: software cannot be returned, whatever the window
user: C1047
> return order 12049 please
action: return_ineligible
contains: Parallels Desktop 20 for Mac
contains: software

story: a return already open
user: C1002
> I want to return order 12170
action: return_not_delivered
contains: already open for order #12170

story: an order already refunded
user: C1003
> return order 12107
action: return_not_delivered
contains: already been refunded

story: an order on its way cannot be returned yet
user: C1059
> I want to return order 12303
action: return_not_delivered
contains: still on its way
contains: 30 days

story: a return found from the product named
user: C1054
> I want to return my DJI Osmo Action 4
intent: return_item
entity: product
action: return_eligible
contains: #12220
contains: 2026-11-06

story: the return policy, asked without an order
> what is your return policy?
intent: check_refund_policy
action: faq_answer
contains: 30 days of delivery
contains: 15% restocking fee

story: the return window asked by a signed-in customer
user: C1001
> what is the return window?
action: policy_answer
contains: 30 days
not-contains: Which order

story: which items cannot be returned
> which items cannot be returned?
contains: gift cards
contains: software
