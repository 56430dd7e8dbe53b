#!/usr/bin/env python3
"""money-sweep.py SHARE NOW: conversations about the key money and stock
fact of every order and product of the demo store (SHARE/demo), in the
format of "shopdesk eval dialogues", one a line on stdout.

Categories:
  refund     every order still inside the return window, asked what a
             return brings back, then told it was opened, then that it
             was not: the amounts the return policy's own arithmetic
             gives (restocking fee on the categories it names, the label
             on a change of mind);
  refund-logged  every open return whose logged reason is a defect or
             damage: all of it comes back;
  cancel     every order still processing or shipped, asked whether it
             can still be cancelled: yes while processing (saying so),
             no once shipped (and the return instead);
  stock      every product (but those whose name holds a price or a
             "+"), asked how many there are, whether any are
             left, whether there are enough for a number of people: the
             count, "only N left" at or under the low-stock line, out of
             stock when none, and when one comes back, an alert offered.

The phrasings rotate so that each order or product meets several.  The
expectations come from the data and the policy facts alone."""

import datetime
import json
import re
import sys
from decimal import Decimal, ROUND_HALF_UP

import sweeplib
from sweeplib import day, turn

SHARE, NOW = sys.argv[1], datetime.date.fromisoformat(sys.argv[2][:10])
DEMO = SHARE + "/demo/"
# At or under this many the reply says "only N left" (templates/sales.txt).
LOW = 10

orders = json.load(open(DEMO + "orders.json"))["orders"]
products = {p["sku"]: p for p in sweeplib.products(SHARE)}
facts = sweeplib.policy_facts(SHARE)
WINDOW = int(facts["return_window_days"])
NON_RETURNABLE = set(facts["non_returnable_categories"])
FEE_PCT = Decimal(str(facts["restocking_fee_percent"]))
FEE_CATS = set(facts["restocking_fee_categories"])
LABEL = Decimal(str(facts["return_shipping_fee"]))
# Logged return reasons that are a defect or damage in the policy's
# sense ("defective", "damaged in transit").
FAULTY = ("stopped working", "does not power on", "arrived damaged")

out = sweeplib.Dialogues("m")
conv = out.add


def cents(v):
    return v.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def money(v):
    """A dollar amount as the reply may write it: 1,606.16 or 172(.00)."""
    v = cents(v)
    whole, frac = ("%.2f" % v).split(".")
    w = "{:,}".format(int(whole)).replace(",", ",?")
    tail = "(\\.00)?" if frac == "00" else "\\." + frac
    return "(^|[^0-9.,])\\$?%s%s([^0-9]|$)" % (w, tail)


def quote(o):
    """(total, fee, refund opened, refund unopened) of returning o."""
    total = sum(Decimal(str(i["unit_price"])) * i["qty"] for i in o["items"])
    feebase = sum(Decimal(str(i["unit_price"])) * i["qty"]
                  for i in o["items"]
                  if products[i["sku"]]["category"] in FEE_CATS)
    fee = cents(feebase * FEE_PCT / 100)
    return total, fee, cents(total - fee - LABEL), cents(total - LABEL)


def logged_reason(o):
    for e in o["events"]:
        m = re.match(r"Return approved \([^)]*\): ([^;]*)", e["note"])
        if m:
            return m.group(1).lower()
    return None


ASK_BACK = ["how much would i get back for order %s?",
            "what would my refund be on order %s",
            "order %s - if i send it back how much money do i see back",
            "refund amt if i return order %s?",
            "if i returned order %s what would i get back"]
OPENED = ["its been opened tho, is there a fee",
          "we opened it already. will you charge anything for sending it "
          "back?",
          "the box is open, any charge to return it?",
          "i did open it, what does that cost me",
          "opened it and used it once, what do i get back then"]
SEALED = ["and if i never opened it?",
          "what if its still sealed",
          "ok and unopened?"]

i = 0
for o in orders:
    cats = {products[x["sku"]]["category"] for x in o["items"]}
    if o["status"] != "delivered" or cats & NON_RETURNABLE:
        continue
    if (NOW - day(o["shipments"][0]["delivered_at"])).days > WINDOW:
        continue
    total, fee, opened, unopened = quote(o)
    first = [money(unopened)] if fee == 0 else [money(opened),
                                                money(unopened)]
    second = ([money(fee), money(opened)] if fee > 0 else
              ["no restocking fee", money(unopened)])
    conv("refund", o["customer_id"], [
        turn(ASK_BACK[i % len(ASK_BACK)] % o["id"], [o["id"]], first),
        turn(OPENED[i % len(OPENED)], [o["id"]], second),
        turn(SEALED[i % len(SEALED)], [o["id"]], [money(unopened)])])
    i += 1

LOGGED = ["how much do i get back for order %s",
          "do i at least get the whole %s back? its order %s",
          "whats my refund going to be for order %s"]
i = 0
for o in orders:
    why = logged_reason(o)
    if o["status"] != "return_requested" or why is None or \
            not any(w in why for w in FAULTY):
        continue
    total = quote(o)[0]
    q = LOGGED[i % len(LOGGED)]
    text = q % (("%.2f" % total), o["id"]) if q.count("%s") == 2 else \
        q % o["id"]
    conv("refund-logged", o["customer_id"],
         [turn(text, [o["id"]], [money(total)])])
    i += 1

CANCEL = ["can i still cancel order %s?",
          "is it too late to cancel order %s",
          "i want to cancel order %s, possible?",
          "changed my mind about order %s. can it still be cancelled?"]
i = 0
for o in orders:
    if o["status"] == "processing":
        must = ["processing", "cancel"]
    elif o["status"] == "shipped":
        must = ["shipped", "return"]
    else:
        continue
    conv("cancel", o["customer_id"],
         [turn(CANCEL[i % len(CANCEL)] % o["id"], [o["id"]], must)])
    i += 1


def count_must(n):
    if n <= 0:
        return "out of stock|sold out"
    if n <= LOW:
        return "only %d left" % n
    return "(^|[^0-9])%d (available|in stock|left)" % n


HOW_MANY = ["how many %s do you have in stock?",
            "any %s left?",
            "is the %s in stock",
            "how many of the %s have you got",
            "do you still have the %s"]
ENOUGH = ["do you have enough %s for %d people?",
          "i need %d of the %s, do you have that many?",
          "any %s left if i want %d"]
i = 0
for sku, p in sorted(products.items()):
    # A name holding a price or a "+" ("Gift Card $25", "Starter Kit (3
    # A19 bulbs + Bridge)") is read as a budget or two things by the
    # name resolver, which this sweep does not test.
    if "$" in p["name"] or "+" in p["name"]:
        continue
    name = p["name"].replace('"', "")
    n = p["stock"]
    k = (i % 4) + 2
    turns = [turn(HOW_MANY[i % len(HOW_MANY)] % name, [sku],
                  [count_must(n)])]
    e = ENOUGH[i % len(ENOUGH)]
    text = e % (name, k) if e.index("%s") < e.index("%d") else e % (k, name)
    if n <= 0:
        turns.append(turn(text, [sku], ["out of stock|sold out"]))
        turns.append(turn("when will it be back in stock?", [sku],
                          ["let you know|notify|alert|email"]))
    elif n >= k:
        turns.append(turn(text, [sku], [count_must(n)]))
    else:
        turns.append(turn(text, [sku], ["only %d" % n]))
    conv("stock", None, turns)
    i += 1

out.print()
