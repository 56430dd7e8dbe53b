#!/usr/bin/env python3
"""two-sweep.py SHOPDESK SHARE [-v]: two requests in one message, over the
whole catalog.  For the first three products of every category of the
demo store, a question about the product and a question about the store
are joined in one message ("how much is the X and can i pay with
paypal", or the other way round), each in a session of its own.  The
reply must answer both: name the product, and hold the store's answer.
Prints one line per failure and "PASS n TOTAL" last."""
import re
import sys

import sweeplib

PRODUCT = ["how much is the {}", "is the {} in stock", "tell me about the {}"]
STORE = [("do you ship to alaska", r"50 US states|all 50"),
         ("can i pay with paypal", r"PayPal"),
         ("what is your return policy", r"30 days"),
         ("how long does delivery take", r"business days?"),
         ("do you price match", r"match"),
         ("can i get an invoice for my purchase", r"invoice")]
JOIN = [" and ", " and also "]


def main():
    sd, share = sys.argv[1:3]
    cases = []
    for k, p in enumerate(sweeplib.first_of_each(sweeplib.products(share),
                                                 3)):
        ask = PRODUCT[k % len(PRODUCT)].format(p["name"])
        store, want = STORE[k % len(STORE)]
        join = JOIN[k % len(JOIN)]
        msg = ask + join + store if k % 2 == 0 else store + join + ask
        cases.append((p, want, msg))
    runs = sweeplib.replay(sd, [[m] for _, _, m in cases])
    both = sweeplib.Tally("PASS")
    for (p, want, msg), (tr,) in zip(cases, runs):
        reply = tr.get("reply", "")
        good = (p["name"].lower() in reply.lower() and
                re.search(want, reply) is not None)
        both.check(good, msg, tr.get("action"), sweeplib.clip(reply, 90))
    both.done()


main()
