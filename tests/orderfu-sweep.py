#!/usr/bin/env python3
"""orderfu-sweep.py SHARE NOW: follow-ups about the order in focus
that name neither the order nor its item, asked of every processing or
shipped order of the demo store (SHARE/demo), in the format of
"shopdesk eval dialogues", one a line on stdout.

Categories, after the order is looked up by its number:
  carrier: "who's delivering it", "which courier": a shipped order's
      carrier as its shipment has it; a processing one names no
      carrier (none is chosen yet);
  insured: "is it insured": no data says, so the reply says it is not
      listed and never "yes" or "no";
  address: "can i change the address": about that order.
The wording rotates over registers."""

import json
import sys

import sweeplib
from sweeplib import turn

SHARE, NOW = sys.argv[1], sys.argv[2]
orders = json.load(open(SHARE + "/demo/orders.json"))["orders"]
out = sweeplib.Dialogues("u")

CARRIER = ["who's delivering it", "which courier", "who is delivering it?",
           "what carrier is it with", "whos bringing it",
           "which delivery company has it"]
INSURED = ["is it insured", "is it insured if it gets lost?",
           "is there insurance on it", "is the parcel insured"]
ADDRESS = ["can i change the address", "can it go to another address",
           "i need to change the delivery address"]
CARRIERS = ["UPS", "FedEx", "USPS", "DHL"]


def others(o):
    ids = [x["id"] for x in orders if x["customer_id"] == o["customer_id"]
           and x["id"] != o["id"]]
    return ["#(%s)([^0-9]|$)" % "|".join(ids)] if ids else []


k = 0
for o in orders:
    if o["status"] not in ("processing", "shipped"):
        continue
    ships = o.get("shipments") or []
    if o["status"] == "shipped" and not ships:
        continue
    first = turn("can you look up order %s for me" % o["id"], [o["id"]],
                 [o["id"]], others(o))
    if ships:
        c = ships[-1]["carrier"]
        must, never = [o["id"], c], [x for x in CARRIERS if x != c]
    else:
        must, never = [o["id"]], CARRIERS
    out.add("carrier", o["customer_id"], [first, turn(
        CARRIER[k % len(CARRIER)], [o["id"]], must, others(o) + never)])
    out.add("insured", o["customer_id"], [first, turn(
        INSURED[k % len(INSURED)], [o["id"]], [o["id"], "isn't listed"],
        others(o) + ["^(Yes|No)\\b", "is insured[.,;!]"])])
    out.add("address", o["customer_id"], [first, turn(
        ADDRESS[k % len(ADDRESS)], [o["id"]], [o["id"], "address"],
        others(o))])
    k += 1
out.print()
