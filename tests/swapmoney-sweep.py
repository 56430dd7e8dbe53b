#!/usr/bin/env python3
"""swapmoney-sweep.py SHARE NOW: conversations asking what exchanging an
item of an order for another product comes to, for every order of the
demo store (SHARE/demo) still inside the return window, in the format
of "shopdesk eval dialogues", one a line on stdout.

Categories:
  swap-money  the first item of each such order that has another
              product of its kind (subcategory) the customer never
              ordered, asked in one message what swapping it for that
              one brings back or costs: the price paid on the order
              line, the other's price now, their difference and the
              last day the return policy takes the exchange; never the
              other's catalog price alone;
  swap-focus  the same asked in two turns: the other product first
              ("tell me about ..."), then "how much would I get back
              if I swap my <item> for it".

The expectations come from the order lines, the catalog and the policy
facts alone; who pays the difference the policy does not say, so no
turn asks for it."""

import datetime
import json
import sys

import sweeplib
from sweeplib import day, turn

SHARE, NOW = sys.argv[1], datetime.date.fromisoformat(sys.argv[2][:10])
DEMO = SHARE + "/demo/"

orders = json.load(open(DEMO + "orders.json"))["orders"]
products = {p["sku"]: p for p in sweeplib.products(SHARE)}
facts = sweeplib.policy_facts(SHARE)
WINDOW = int(facts["return_window_days"])
NON_RETURNABLE = set(facts["non_returnable_categories"])

out = sweeplib.Dialogues("x")
conv = out.add


def amount(v):
    """A dollar amount as the reply writes it, as a pattern."""
    return sweeplib.money(v).replace("$", "\\$").replace(".", "\\.")


def plain(p):
    # A name holding a price or a "+" is read as a budget or two things
    # by the name resolver, which this sweep does not test.
    return "$" not in p["name"] and "+" not in p["name"]


ASK = ["how much would i get back if i swap my %s for the %s?",
       "if i exchange the %s for the %s do i pay extra or get money back",
       "what would the difference be if i swap the %s for the %s"]
LATER = ["how much would i get back if i swap my %s for it?",
         "would i pay extra if i exchange the %s for that one"]

owned = {}
for o in orders:
    for it in o["items"]:
        owned.setdefault(o["customer_id"], set()).add(it["sku"])
# How many returnable orders of the customer hold each item.
holding = {}
for o in orders:
    if o["status"] != "delivered" or not o["shipments"] or \
            not o["shipments"][0].get("delivered_at"):
        continue
    if (NOW - day(o["shipments"][0]["delivered_at"])).days > WINDOW:
        continue
    for it in o["items"]:
        k = (o["customer_id"], it["sku"])
        holding[k] = holding.get(k, 0) + 1

i = 0
for o in orders:
    cust = o["customer_id"]
    if o["status"] != "delivered" or not o["shipments"]:
        continue
    delivered = day(o["shipments"][0]["delivered_at"])
    if (NOW - delivered).days > WINDOW:
        continue
    cats = {products[x["sku"]]["category"] for x in o["items"]}
    if cats & NON_RETURNABLE:
        continue
    for it in o["items"]:
        p = products[it["sku"]]
        if not plain(p) or not p.get("subcategory") or \
                holding[(cust, it["sku"])] != 1:
            continue
        others = [q for s, q in sorted(products.items())
                  if q.get("subcategory") == p["subcategory"] and
                  q["category"] == p["category"] and plain(q) and
                  s not in owned[cust]]
        if not others:
            continue
        to = others[i % len(others)]
        paid, now = it["unit_price"], to["price"]
        must = [amount(paid), amount(now), amount(abs(paid - now)),
                str(delivered + datetime.timedelta(days=WINDOW))]
        if abs(paid - now) < 0.005:
            must[2] = "same"
        item, target = p["name"].replace('"', ""), \
            to["name"].replace('"', "")
        conv("swap-money", cust, [
            turn(ASK[i % len(ASK)] % (item, target), [o["id"]], must)])
        conv("swap-focus", cust, [
            turn("tell me about the %s" % target, [to["sku"]], []),
            turn(LATER[i % len(LATER)] % item, [o["id"]], must)])
        i += 1
        break

out.print()
