#!/usr/bin/env python3
"""clarify-sweep.py SHOPDESK SHARE [-v]: questions about a named product
that the classifier is unsure of, over the whole catalog.

For the first three products of every category, a question naming the
product in words no intent is trained on ("is the X a subscription or
do i pay once", "can i take the X on holiday", "third time asking, does
the X work with my setup or not") must be answered about that product
(cited, or named in the reply), never with a clarifying question whose
options the message gives no ground for.  Prints one line per failure,
then "PRODUCT n TOTAL"."""
import sys

import sweeplib

ASK = ["is the {} a subscription or do i pay once",
       "can i take the {} on holiday with me",
       "third time asking, does the {} work with my setup or not",
       "eyeing the {} for my flat now. is that any good for me?",
       "would the {} be ok for a total beginner",
       "honestly is the {} worth it for the money"]


def about(tr, p):
    cited = any(c.get("id") == p["sku"] for c in tr.get("citations") or [])
    return cited or p["name"].lower() in tr.get("reply", "").lower()


def main():
    sd, share = sys.argv[1:3]
    cases = [(p, ASK[k % len(ASK)].format(p["name"])) for k, p in
             enumerate(sweeplib.first_of_each(sweeplib.products(share), 3))]
    runs = sweeplib.replay(sd, [[m] for _, m in cases])
    answered = sweeplib.Tally("PRODUCT")
    for (p, msg), (tr,) in zip(cases, runs):
        answered.check(tr.get("action") != "clarify" and about(tr, p), msg,
                       tr.get("action"),
                       sweeplib.clip(tr.get("reply", ""), 90))
    answered.done()


main()
