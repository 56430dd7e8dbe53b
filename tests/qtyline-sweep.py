#!/usr/bin/env python3
"""qtyline-sweep.py SHARE NOW: questions about an order line bought
more than once ("2 x ..."), asked of every order of the demo store
(SHARE/demo) holding one, in the format of "shopdesk eval dialogues",
one a line on stdout.

Category paid: after the order is looked up by its number, what it
cost, worded in rotating registers; the reply must carry the order's
total and every line's count and unit price as the data has them
("2 x <item> at $29.99 each"), never the withheld-reply apology the
fact-check leaves when it cannot back a number, and no other order of
the customer."""

import json
import re
import sys

import sweeplib
from sweeplib import turn

SHARE, NOW = sys.argv[1], sys.argv[2]
DEMO = SHARE + "/demo/"

orders = json.load(open(DEMO + "orders.json"))["orders"]
out = sweeplib.Dialogues("q")

PAID = ["how much did i pay for it", "what was the order total",
        "hw much did i pay on that one", "whats in it",
        "remind me what i paid",
        "sorry, what did i pay again"]
WITHHELD = "can't confirm those details"


def esc(s):
    return re.sub(r"([][.^$*+?(){}|\\])", r"\\\1", s)


def others(o):
    ids = [x["id"] for x in orders if x["customer_id"] == o["customer_id"]
           and x["id"] != o["id"]]
    return ["#(%s)([^0-9]|$)" % "|".join(ids)] if ids else []


n = 0
for o in orders:
    if not any(i["qty"] > 1 for i in o["items"]):
        continue
    must = [o["id"], esc(sweeplib.money(o["total"]))]
    for i in o["items"]:
        if i["qty"] > 1:
            must.append("%d x %s" % (i["qty"], esc(i["name"])))
        must.append(esc(sweeplib.money(i["unit_price"])))
    out.add("paid", o["customer_id"], [
        turn("can you look up order %s for me" % o["id"], [o["id"]],
             [o["id"]], others(o)),
        turn(PAID[n % len(PAID)], [o["id"]], must,
             others(o) + [WITHHELD])])
    n += 1
out.print()
