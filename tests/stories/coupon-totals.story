# "So the 8gb with that code comes to?": a coupon code of the store's
# applied to the product meant, from the coupons facts (demo store,
# SHOPDESK_NOW 2026-11-20).  The code is named, or "that code" is the
# one a promotion question pointed at; the reply shows the price, what
# comes off and the result, which the fact check keeps only because it
# adds up.  A code whose terms the items do not meet says why and gives
# the price without it.

story: the code a student question pointed at, on the variant in focus
> how much is the Apple MacBook Air 15-inch
> any student discount?
> so with that code what does it come to
action: coupon_total
contains: STUDENT5
contains: $1,299 - 5% = $1,234.05
not-contains: can't confirm

story: a code named for a product of its kinds
> how much is the ASUS Vivobook 15 with STUDENT5
action: coupon_total
contains: $429 - 5% = $407.55

story: a percent capped by the code's maximum
> what would the Lenovo Legion 5 Gen 8 cost with WELCOME10
action: coupon_total
contains: $1,449 - $50 = $1,399
not-contains: - 10%

story: a code for other kinds says so and gives the price without it
> how much is the JBL Flip 6 with STUDENT5
action: coupon_total_not
contains: does not apply
contains: Without it:
not-contains: - 5%

story: below the code's minimum spend says so
> how much is the OtterBox Defender Series Pro for iPhone 15 Pro Max with ACCESSORY20
action: coupon_total_not
contains: needs $100
contains: Without it:
