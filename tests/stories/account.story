# Account help: password, create, delete, edit.

story: a forgotten password
> I forgot my password
intent: recover_password
action: faq_answer
contains: Forgot password
contains: 60 minutes

story: creating an account
> how do I create an account?
intent: create_account
action: faq_answer
contains: Sign up
contains: at least 12 characters

story: deleting an account
> I want to delete my account
intent: delete_account
action: faq_answer
contains: Account > Privacy
contains: within 30 days

story: editing the account's details
> how do I edit my account details?
intent: edit_account
contains: Account > Profile

story: payment methods
> which payment methods do you accept?
intent: check_payment_methods
contains: PayPal
contains: Affirm

story: delivery times and shipping costs
> how long does delivery take?
intent: delivery_period
contains: 3-5 business days
> how much is shipping?
contains: $5.99
contains: $14.99

story: international shipping
> do you ship to Canada?
contains: all 50 states
contains: do not ship internationally
