#!/usr/bin/env python3
"""focusorder-sweep.py SHOPDESK SHARE: "can I still return it?" right
after questions about a product the customer bought, with no order in
focus, is about the customer's only order holding that product
(dlg-orderpick.c, focus_product_order), generated from every demo
customer's orders (SHARE/demo/orders.json).

Each session: the customer signs in, asks about a product by its
catalog name (it is in focus, no order is), then asks an order question
that points at it ("can I still return it?", "where is it now"), the
wording rotating over registers (plain, typos, fragments, background
first).

  one      a product in exactly one of the customer's orders: the reply
           answers about that order (its number), names none of the
           customer's other orders, and does not ask which order;
  several  a product in two or more of the customer's orders: the rule
           never picks one of them (the customer says which);
  none     a product the customer never ordered: the rule never picks
           an order;
  said     the product named in the same message as the pointer ("is
           the X any good? thinking of getting it again"): the rule
           never picks an order (the product is talked about, not
           pointed back at).

Prints TAP, one line per case, via sweeplib.report."""
import json
import sys

import sweeplib

SD, SHARE = sys.argv[1], sys.argv[2]
P = {p["sku"]: p for p in sweeplib.products(SHARE)}
ORDERS = json.load(open(SHARE + "/demo/orders.json"))["orders"]
RULE = "the customer's only order holding the product in focus"
ASK = ["can i still return it?",
       "where is it now",
       "has it shipped yet?",
       "hmm ok. can i return that one?",
       "wen did it arrive",
       "i might not keep it, is it still returnable",
       "sorry, where's it at right now",
       "my partner wants me to return it. can I?"]

held = {}       # customer -> sku -> order ids
for o in ORDERS:
    for i in o["items"]:
        if i["sku"] in P:
            held.setdefault(o["customer_id"], {}).setdefault(
                i["sku"], set()).add(o["id"])
ids_of = {}
for o in ORDERS:
    ids_of.setdefault(o["customer_id"], set()).add(o["id"])

cases, sessions = [], []
k = 0
skus = sorted(P)
for cust in sorted(held):
    for sku in sorted(held[cust]):
        orders = held[cust][sku]
        kind = "one" if len(orders) == 1 else "several"
        cases.append((kind, cust, sku, orders))
        sessions.append(["/user " + cust, "tell me about the %s" %
                         P[sku]["name"], ASK[k % len(ASK)]])
        k += 1
    # A product of the same category the customer never ordered.
    mine = {P[s]["category"] for s in held[cust]}
    other = next((s for s in skus if P[s]["category"] in mine and
                  s not in held[cust] and P[s]["stock"] > 0), None)
    if other is not None:
        cases.append(("none", cust, other, set()))
        sessions.append(["/user " + cust, "tell me about the %s" %
                         P[other]["name"], ASK[k % len(ASK)]])
        k += 1

SAID = ["is the {n} any good? thinking of getting it again",
        "does the {n} need anything extra? i'd buy it for my brother"]
for j, cust in enumerate(sorted(held)):
    one = [s for s in sorted(held[cust]) if len(held[cust][s]) == 1]
    if one:
        cases.append(("said", cust, one[0], held[cust][one[0]]))
        sessions.append(["/user " + cust,
                         SAID[j % len(SAID)].format(n=P[one[0]]["name"])])

traces = sweeplib.replay(SD, sessions)
verdicts = []
for (kind, cust, sku, orders), lines, tr in zip(cases, sessions, traces):
    q = tr[-1]
    reply, rule = q.get("reply", ""), q.get("order_resolution") or ""
    note = "%s %s %s | %s -> %s" % (cust, sku, sorted(orders), lines[-1],
                                    sweeplib.clip(reply, 160))
    why = ""
    if kind == "one":
        (oid,) = orders
        others = [x for x in ids_of[cust] - orders if "#" + x in reply]
        if "#" + oid not in reply:
            why = "#%s not in the reply (%s)" % (oid, q.get("action"))
        elif others:
            why = "names other orders %s" % others
        elif q.get("action") == "ask_order_id":
            why = "asks which order"
    elif rule == RULE:
        why = "picked an order by the focus (%s)" % kind
    verdicts.append(("%s: %s %s" % (kind, cust, sku), why, note))
sys.exit(sweeplib.report(verdicts))
