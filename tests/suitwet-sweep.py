#!/usr/bin/env python3
"""suitwet-sweep.py SHOPDESK PRODUCTS [-v]: "is it good for swimming"
of products whose listing rates water resistance, over the demo catalog.

For every product with a water rating (water_resistance, waterproof),
a question whether it suits a wet purpose (swimming, the pool, the
shower, the rain), in several phrasings, must be answered about that
product with its rating (the first word of the value: "IP68", "5ATM",
"10"), never with "its listing doesn't say".  For every product of the
same kinds without a rating, the same question must not invent one: no
IP or ATM rating in the reply.  Prints one line per failure, then
"RATED n TOTAL" and "UNRATED n TOTAL"."""
import re
import sys

import sweeplib

ASK = ["is the {} good for {}",
       "is the {} waterproof enough for {}",
       "would the {} be ok for {}",
       "hows the {} for {}?",
       "is the {} suitable for {}"]
WET = ["swimming", "the pool", "the shower", "the rain"]
KEYS = ("water_resistance", "waterproof")


def rating(p):
    a = p.get("attrs") or {}
    for k in KEYS:
        if a.get(k):
            return str(a[k])
    return None


def about(tr, p):
    cited = any(c.get("id") == p["sku"] for c in tr.get("citations") or [])
    reply = tr.get("reply", "").lower()
    return cited or sweeplib.base_name(p).lower() in reply or \
        p["sku"] in (tr.get("state_after") or {}).get("focus", [])[:1]


def main():
    sd, path = sys.argv[1:3]
    ps = sweeplib.products(path)
    rated = [p for p in ps if rating(p)]
    kinds = {p["category"] for p in rated}
    unrated = [p for p in ps if p["category"] in kinds and not rating(p)
               and p["category"] not in ("accessories", "storage")]
    cases = []
    for k, p in enumerate(rated + unrated):
        q = ASK[k % len(ASK)].format(sweeplib.base_name(p),
                                     WET[k % len(WET)])
        cases.append((p, q))
    runs = sweeplib.replay(sd, [[q] for _, q in cases])
    good = sweeplib.Tally("RATED")
    none = sweeplib.Tally("UNRATED")
    for (p, q), (tr,) in zip(cases, runs):
        reply = tr.get("reply", "")
        r = rating(p)
        if r:
            first = re.escape(re.split(r"[ ,]", r)[0])
            ok = about(tr, p) and re.search(first, reply, re.I) and \
                "doesn't say how it does" not in reply
            good.check(ok, q, r, sweeplib.clip(reply, 100))
        else:
            ok = not re.search(r"IP[X0-9][0-9]|[0-9] ?ATM", reply, re.I)
            none.check(ok, q, sweeplib.clip(reply, 100))
    good.done()
    none.done()


main()
