#!/usr/bin/env python3
"""promo-sweep.py SHOPDESK SHARE [-v]: the store's promotions asked of a
product.

For the first two products of every category of the demo store, in a
session of its own: the product is asked about by name, then a
promotion of the store's is asked with the product pointed at ("is
there a student discount on it?", "can i use a coupon for this one").
The answer must come from the store's promotions (a code of the
catalog's coupons facts in the reply), name the product it is scoped
to, and leave that product in focus, so "add it" takes it next; it must
never be the product's bare price.  Then, in another session, "is it on
sale?" (the product's own price) must still name the product and its
price.  Prints one line per failure, then "PROMO n TOTAL" and "SALE n
TOTAL"."""
import sys

import sweeplib

ASK = ["is there a student discount on it?",
       "any coupon i can use for this one?",
       "can i apply a promo code to it",
       "do you have a discount code for this?",
       "do students get a deal on that one",
       "is there a teacher discount on it?",
       "any vouchers for it",
       "can I use a coupon code on this"]
SALE = ["is it on sale?", "is it discounted?", "any discount on it right now?"]


def main():
    sd, share = sys.argv[1:3]
    sweeplib.VERBOSE = "-v" in sys.argv
    products = sweeplib.first_of_each(sweeplib.products(share), 2)
    codes = [c["code"] for c in sweeplib.policy_facts(share)["coupons"]]
    cases = [(p, ASK[k % len(ASK)]) for k, p in enumerate(products)]
    runs = sweeplib.replay(sd, [session(p, m) for p, m in cases])
    promo = sweeplib.Tally("PROMO")
    for (p, msg), trs in zip(cases, runs):
        tr = trs[1]
        reply = tr.get("reply", "")
        good = (any(c in reply for c in codes) or "coupon" in reply.lower()) \
            and p["name"] in reply and sweeplib.focus(tr) == p["sku"]
        promo.check(good, p["name"], msg, tr.get("action"),
                    sweeplib.clip(reply, 90))
    promo.done()
    cases = [(p, SALE[k % len(SALE)]) for k, p in enumerate(products)]
    runs = sweeplib.replay(sd, [session(p, m) for p, m in cases])
    sale = sweeplib.Tally("SALE")
    for (p, msg), trs in zip(cases, runs):
        tr = trs[1]
        reply = tr.get("reply", "")
        sale.check(base_name(p) in reply and
                   sweeplib.money(p["price"]) in reply, p["name"], msg,
                   tr.get("action"), sweeplib.clip(reply, 90))
    sale.done()


def base_name(p):
    return sweeplib.base_name(p)


def session(p, msg):
    """A session of its own: the product asked about, then msg."""
    return ["tell me about the " + p["name"], msg]


if __name__ == "__main__":
    main()
