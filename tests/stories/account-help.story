# Account questions a signed-in customer asks, in their own words: the
# policy fact that answers, never an order lookup or a product list.

story: sign-in trouble gets the way back in, not a sign-up
user: C1021
> it won't let me log in, keeps saying wrong password
action: policy_fact
contains: Forgot password
contains: 60 minutes
contains: 5 failed

story: a new email address is not an order question
user: C1001
> I'd like to update the email on my account
action: policy_fact
contains: confirming the new address
not-contains: #12345

story: saved cards are not a product search
user: C1004
> can you remove the card on file for me
action: policy_fact
contains: Account > Profile
not-contains: Gift Card $

story: a gift card's balance is not a product search
user: C1020
> how much money is still on my gift card?
action: policy_fact
contains: Account > Gift cards
not-contains: $50 (e-gift)

story: an account question after an order's answer is the account's
user: C1008
> whats the status of my latest order
action: order_status
> side note: the password reset email isn't arriving at all
contains: spam
not-contains: Your order
