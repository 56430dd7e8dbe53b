# Account and payment questions a policy fact answers exactly, short
# follow-ups included (demo store, SHOPDESK_NOW 2026-11-20).

story: sign-in facts: the reset link, the password length, two-factor
user: C1047
> the reset email came, how long does that link last?
action: policy_fact
contains: 60 minutes
> and how many characters does a password need
action: policy_fact
contains: 12 characters
> can I enable 2fa on my account?
action: policy_fact
contains: Account > Security
contains: authenticator app

story: coupons: one per order, none on gift cards
user: C1047
> is it possible to combine WELCOME10 with ACCESSORY20?
action: policy_fact
contains: one coupon
> can a coupon code be used on a gift card?
action: policy_fact
contains: gift-cards

story: the newsletter: how to stop it, and how soon
user: C1047
> no more newsletter for me please, how do I stop it
action: policy_fact
contains: Account > Notifications
> does it stop right away?
action: policy_fact
contains: 2 business days

story: a request of its own is no yes to the offer of a person
user: C1047
> ugh this is so frustrating, my account is locked
contains: 30 minutes
contains: a person
> also stop sending me the newsletter please
action: policy_fact
contains: unsubscribe
not-contains: passing you

story: cash on delivery is a payment method asked, not a delivery time
> do you take cash on delivery
action: policy_fact
contains: don't take cash on delivery
contains: PayPal
not-contains: business days
> can i pay cash when it arrives
contains: don't take cash on delivery

story: whether the store's gift cards expire, with background around it
> do your gift cards expire? thinking of the 50 dollar e-gift one for my nephew
action: policy_fact
contains: never expire

story: a third-party gift card named keeps its own answer
> do xbox gift cards expire
not-contains: never expire

story: the rules a new password must meet are its length
> what are the password rules, it keeps rejecting mine
action: policy_fact
contains: 12 characters
