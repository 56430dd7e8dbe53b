#!/usr/bin/env python3
"""trouble-sweep.py SHOPDESK SHARE [-v]: troubleshooting over the whole
catalog.  For three products of every category of the demo store, a
problem told in a customer's words with the product named, and for
every category the same problem with only the kind of product named
("my printer says offline"), each in a session of its own.  A manual or
past ticket cited must be about that product or a guide to its kind
(a ticket about another product of the kind only when no product was
named): never help for another product.  Where the store holds a
manual for the product (for the kind alone, a guide to it), the reply
must cite a manual or a ticket.
Prints one line per failure and "PASS n TOTAL" last."""
import json
import os
import sys

import sweeplib

# Problems a customer may have, per category: the kind's own word and
# a problem told with "{}" for the product.
PROBLEMS = {
    "laptops": ("laptop", ["my {} won't turn on anymore",
                           "the {} gets really hot and the fans are loud"]),
    "smartphones": ("phone", ["my {} battery drains way too fast",
                              "the {} won't charge"]),
    "tablets": ("tablet", ["the {} screen froze and nothing responds",
                           "my {} won't connect to the wifi"]),
    "headphones": ("headphones", ["my {} keep disconnecting",
                                  "the {} won't pair with my phone"]),
    "tvs": ("tv", ["the {} says no signal", "there's no sound from the {}"]),
    "cameras": ("camera", ["the {} won't power on",
                           "my {} keeps showing a memory card error"]),
    "smart-home": ("doorbell", ["the {} keeps going offline",
                                "my {} won't connect to wifi"]),
    "wearables": ("watch", ["my {} won't sync my steps",
                            "the battery on my {} dies in a day"]),
    "monitors": ("monitor", ["the {} shows no signal",
                             "my {} keeps flickering"]),
    "accessories": ("charger", ["the {} stopped working",
                                "my {} gets hot and stops charging"]),
    "speakers": ("speaker", ["my {} keeps cutting out",
                             "the {} won't pair over bluetooth"]),
    "gaming": ("console", ["the {} keeps crashing in games",
                           "my {} won't turn on"]),
    "storage": ("ssd", ["my {} isn't detected by windows",
                        "the {} got really slow"]),
    "networking": ("router", ["my {} keeps dropping the connection",
                              "the wifi from my {} is slow upstairs"]),
    "printers": ("printer", ["the {} says it is offline",
                             "my {} has a paper jam i can't clear"]),
    "software": ("software", ["i can't activate {}",
                              "{} won't install on my pc"]),
    "gift-cards": ("gift card", ["the {} code doesn't work at checkout",
                                 "my {} shows a zero balance"]),
}


def front(path):
    meta = {}
    with open(path) as f:
        for line in f:
            if line.strip() == "---":
                if meta:
                    break
                continue
            if ":" not in line:
                break
            k, _, v = line.partition(":")
            meta[k.strip()] = v.strip()
    return meta


def main():
    sd, share = sys.argv[1:3]
    ps = sweeplib.products(share)
    cat_of = {p["sku"]: p["category"] for p in ps}
    by_cat = sweeplib.by_category(ps)
    # A document's scope: (sku or None, category or None).
    scope = {}
    mdir = os.path.join(share, "demo", "manuals")
    for name in sorted(os.listdir(mdir)):
        m = front(os.path.join(mdir, name))
        sku = m.get("product_sku")
        scope[m["id"]] = (sku, m.get("category") or cat_of.get(sku))
    with open(os.path.join(share, "demo", "tickets.jsonl")) as f:
        for line in f:
            t = json.loads(line)
            sku = t.get("product_sku")
            scope[t["id"]] = (sku, cat_of.get(sku))
    cases = []
    k = 0
    for cat in sorted(PROBLEMS):
        noun, probs = PROBLEMS[cat]
        for p in by_cat.get(cat, [])[:3]:
            cases.append((cat, p["sku"], probs[k % 2].format(p["name"])))
            k += 1
        cases.append((cat, None, probs[k % 2].format(noun)))
        k += 1
    runs = sweeplib.replay(sd, [[m] for _, _, m in cases])
    helped = sweeplib.Tally("PASS")
    for (cat, sku, msg), (tr,) in zip(cases, runs):
        cited = [c["id"] for c in tr.get("citations") or []
                 if c.get("kind") in ("manual", "ticket")]
        # The product's own manual; for the kind alone, its guides.
        own = [d for d, (s, c) in scope.items() if not d.startswith("T-")
               and ((sku is not None and s == sku) or
                    (sku is None and c == cat and s is None))]
        wrong = [d for d in cited if scope.get(d, (None, None))[1]
                 not in (None, cat) or (sku is not None and
                                        scope[d][0] not in (None, sku))]
        why = ""
        if wrong:
            why = "help for another product: " + ",".join(wrong)
        elif own and not cited:
            why = "no manual or ticket cited; have " + ",".join(own[:3])
        helped.check(not why, msg, tr.get("action"), why or ",".join(cited),
                     sweeplib.clip(tr.get("reply", ""), 80))
    helped.done()


main()
