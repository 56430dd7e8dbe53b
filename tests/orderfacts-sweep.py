#!/usr/bin/env python3
"""orderfacts-sweep.py SHARE NOW: order questions whose answer needs one
more fact than the order's status (dlg-orderfacts.c), asked of every
order of the demo store (SHARE/demo) that the question fits, in the
format of "shopdesk eval dialogues", one a line on stdout.

Categories, each the fact the reply must carry, from the data alone:
  redirect: a new address for an order; processing: it can still be
      changed; shipped: not here, and the carrier's redirect when the
      order-change policy lists that carrier.
  late: what if a shipped order comes late: its carrier and tracking
      number, and the delivery policy's days and trace.
  sign: must someone be home for a processing or shipped order: a
      signature over the shipping policy's amount, else none; a parcel
      out for delivery says so.
  nonrefundable: a refund asked of a delivered item the return policy
      never takes back (gift cards, software): non-refundable.
  reorder: a cancelled or refunded order's item bought again: its price
      now beside the price paid (out of stock when it is).
  cardtime: when a refund on an open return shows on the card: the
      refund policy's bank posting days (card payments only).
  cancelline: one item of an order of several cancelled alone: the
      order and the item named; processing: the whole order is cancelled
      and the rest ordered again; shipped: the order-change policy's
      after-shipping rule; delivered: returned instead.
  exchange: a delivered item in the return window exchanged for a
      capacity or size its own family (the name before its bracket)
      lacks: no such version (the item named, or the order's only item
      sold by capacity).
The wording rotates over registers (plain, typos, fragments, background
first); the order is named by the thing in it or is the one just asked
about."""

import json
import re
import sys

import sweeplib
from sweeplib import turn

SHARE, NOW = sys.argv[1], sys.argv[2]
ONLY = sys.argv[3:]     # categories to write; all when none
DEMO = SHARE + "/demo/"

orders = json.load(open(DEMO + "orders.json"))["orders"]
products = {p["sku"]: p for p in sweeplib.products(SHARE)}
facts = sweeplib.policy_facts(SHARE)

out = sweeplib.Dialogues("f")


def esc(s):
    return re.sub(r"([][.^$*+?(){}|\\])", r"\\\1", s)


def short(name):
    return name.split(" (")[0].replace('"', "")


def others(o):
    """must_not: the customer's other order numbers."""
    ids = [x["id"] for x in orders if x["customer_id"] == o["customer_id"]
           and x["id"] != o["id"]]
    return ["#(%s)([^0-9]|$)" % "|".join(ids)] if ids else []


def opener(o):
    """A first turn that puts the order in focus by its number."""
    return turn("can you look up order %s for me" % o["id"], [o["id"]],
                [o["id"]], others(o))


REDIRECT = ["can i change the delivery address? i wont be home",
            "pls send it to my work address instead",
            "moving this week - could it go to a different address",
            "can i redirect it to my moms place",
            "chnage the adress?",
            "i'll be away at the weekend, can the parcel be rerouted to my office"]


def redirect(k, o):
    sh = o["shipments"][0] if o["shipments"] else {}
    text = REDIRECT[k % len(REDIRECT)]
    if o["status"] == "processing":
        must = ["can still be changed|still be changed"]
    elif o["status"] == "shipped":
        c = sh["carrier"]
        must = [esc(c), esc(sh["tracking_number"]), "no longer be changed"]
        if c in facts["redirect_carriers"]:
            must.append("redirect from the carrier's website")
        else:
            must.append("can't promise")
    else:
        return
    out.add("redirect", o["customer_id"],
            [opener(o), turn(text, [o["id"]], must, others(o))])


LATE = ["what happens if its late",
        "and if it still isnt here by monday what do i do",
        "what if it never arrives?",
        "its meant to be a gift. what are my options if it doesnt arrive in time",
        "if its delayed, then what",
        "wat do i do if it doesnt come"]


def late(k, o):
    if o["status"] != "shipped":
        return
    sh = o["shipments"][0]
    must = [esc(sh["carrier"]), esc(sh["tracking_number"]), "trace",
            "%d business days" % facts["late_after_business_days"]]
    out.add("late", o["customer_id"],
            [opener(o), turn(LATE[k % len(LATE)], [o["id"]], must,
                             others(o))])


SIGN = ["do i have to be home for it",
        "does someone need to be home when it comes?",
        "work all day, nobody home. problem?",
        "do i need to stay home for it",
        "gotta be home for this one?",
        "signature needed? or can they leave it at the door"]


def sign(k, o):
    if o["status"] not in ("processing", "shipped"):
        return
    if o["total"] > facts["signature_required_over"]:
        must = ["adult signature", esc(sweeplib.money(o["total"]))]
    else:
        must = ["No signature"]
    if o["shipments"] and o["shipments"][0]["status"] == "out_for_delivery":
        must.append("out for delivery today")
    out.add("sign", o["customer_id"],
            [opener(o), turn(SIGN[k % len(SIGN)], [o["id"]], must,
                             others(o))])


NONREF = ["can that be refunded",
           "i want my money back for the {kind}",
           "refund the {kind} pls",
           "cn i get a refund on it?",
           "changed my mind about the {kind}, can i get a refund",
           "never used the {kind}. refund?"]
KINDS = {"gift-cards": "gift card", "software": "software"}


def nonrefundable(k, o):
    never = set(facts["non_returnable_categories"])
    cats = {i["category"] if "category" in i else
            products[i["sku"]]["category"] for i in o["items"]}
    if o["status"] != "delivered" or not cats & never:
        return
    if not cats <= never and k % 2 == 0:
        return      # a mixed order: asked by the kind, below
    kind = KINDS.get(sorted(cats & never)[0], "it")
    text = NONREF[k % len(NONREF)].format(kind=kind)
    if not cats <= never and "{kind}" not in NONREF[k % len(NONREF)]:
        text = "refund the %s pls" % kind
    out.add("nonrefundable", o["customer_id"],
            [opener(o), turn(text, [o["id"]], ["non-refundable"],
                             others(o))])


CARDTIME = ["how long does it take to show on my card",
            "when will i see the refund on my statement",
            "and when does the money hit my bank",
            "how many days till it appears on the card",
            "refund to my card - how long?",
            "ok so once you get it back, when do i see it on my card"]


def cardtime(k, o):
    pm = o["payment_method"]
    if o["status"] != "return_requested" or pm.startswith("PayPal") or \
            "gift" in pm:
        return
    out.add("cardtime", o["customer_id"],
            [opener(o), turn(CARDTIME[k % len(CARDTIME)], [o["id"]],
                             [esc(facts["bank_posting_days"])],
                             others(o))])


REORDER = ["can i reorder at the same price",
           "i want to order the {item} again, same price as before?",
           "reorder it? whats it cost now",
           "is it still the price i paid if i reorder",
           "re-order pls. how much now",
           "want the {item} after all - reorder at the old price?"]


def reorder(k, o):
    if o["status"] not in ("cancelled", "refunded"):
        return
    it = o["items"][0]
    p = products.get(it["sku"])
    if p is None:
        return
    text = REORDER[k % len(REORDER)].format(item=short(it["name"]))
    must = [esc(sweeplib.money(p["price"]))]
    if abs(p["price"] - it["unit_price"]) > 0.005:
        must.append(esc(sweeplib.money(it["unit_price"])))
    if p.get("stock", 1) <= 0:
        must.append("out of stock")
    out.add("reorder", o["customer_id"],
            [opener(o), turn(text, [o["id"]], must, others(o))])


CANCELLINE = ["cancel just the {kind} from that order",
              "can i cancel only the {kind}? keep the rest",
              "pls remove the {kind} from the order",
              "take the {kind} off the order, i dont want it",
              "cancel the {kind} only pls, rest is fine",
              "changed my mind on the {kind} - can you drop it from my order, not the whole thing"]
LINEKINDS = {"cases": "case", "mice": "mouse", "webcams": "webcam",
             "chargers": "charger", "keyboards": "keyboard",
             "bags": "bag", "tablet-keyboards": "keyboard", "docks": "dock", "cables": "cable", "screen-protectors": "screen protector",
             "stands": "stand"}


def cancelline(k, o):
    if len(o["items"]) < 2 or o["status"] not in ("processing", "shipped",
                                                   "delivered"):
        return
    it = o["items"][k % len(o["items"])]
    p = products.get(it["sku"])
    if p is None:
        return
    kind = LINEKINDS.get(p.get("subcategory"))
    same = [i for i in o["items"] if products.get(i["sku"], {})
            .get("subcategory") == p.get("subcategory")]
    mine = [i for x in orders if x["customer_id"] == o["customer_id"]
            and x["id"] != o["id"] for i in x["items"]]
    # A bare kind beside another item of its category (a keyboard and a
    # charger, both accessories) is not told apart yet: the brand too.
    near = [i for i in o["items"] if i is not it and
            products.get(i["sku"], {}).get("category") == p["category"]]
    if near or any(products.get(i["sku"], {}).get("subcategory") ==
                   p.get("subcategory") for i in mine):
        # the kind would name another item too: the brand with it
        kind = "%s %s" % (p["brand"], kind) if kind else None
    if kind is None or len(same) > 1:
        kind = short(it["name"])
    text = CANCELLINE[k % len(CANCELLINE)].format(kind=kind)
    must = [esc(o["id"]), esc(it["name"])]
    st = o["status"]
    if st == "processing":
        must.append("whole order is cancelled")
    elif st == "shipped":
        must += ["already shipped", esc(facts["after_shipping"])]
    elif st == "delivered":
        must += ["delivered on", "return"]
    else:
        must.append("can't be cancelled")
    out.add("cancelline", o["customer_id"],
            [opener(o), turn(text, [o["id"]], must, others(o))])


EXCHANGE = ["can i swap it for the {want}",
            "wrong one, can i exchange it for the {want}?",
            "i'd rather have the {want} - can i switch it",
            "want to exchange for {want} pls",
            "too small tbh. can i exchange it for the {want} version?",
            "is it possible to exchange my {have} {fam} for a {want} one"]


def family(name):
    """The name before its bracket, a size at its end dropped."""
    return re.sub(r" \d+(GB|TB|mm)$", "", name.split(" (")[0])


def capacity(name):
    m = re.search(r"\b(\d+(?:GB|TB|mm))\b", name)
    return m.group(1) if m else None


def exchange(k, o):
    import datetime
    if o["status"] != "delivered":
        return
    held = [i for i in o["items"] if capacity(i["name"])]
    if len(held) != 1:
        return
    it = held[0]
    have = capacity(it["name"])
    day = o["shipments"][0]["delivered_at"][:10]
    left = (datetime.date.fromisoformat(day) +
            datetime.timedelta(days=facts["return_window_days"]) -
            datetime.date.fromisoformat(NOW[:10])).days
    if left < 0 or day > NOW[:10]:
        return
    fam = family(it["name"])
    sibs = [p for p in products.values() if family(p["name"]) == fam
            and p["sku"] != it["sku"] and capacity(p["name"])]
    if sibs:
        return      # a variant the family has: the return answer's
    unit = have.lstrip("0123456789")
    want = {"GB": "2TB", "TB": "16TB", "mm": "99mm"}[unit]
    must = [esc(o["id"]), esc(it["name"]), "don't carry a %s" %
            want.lower()]
    text = EXCHANGE[k % len(EXCHANGE)].format(have=have.lower(),
                                              want=want.lower(),
                                              fam=short(fam))
    out.add("exchange", o["customer_id"],
            [opener(o), turn(text, [o["id"]], must, others(o))])


for k, o in enumerate(orders):
    exchange(k, o)
    cancelline(k, o)
    reorder(k, o)
    cardtime(k, o)
    nonrefundable(k, o)
    redirect(k, o)
    late(k, o)
    sign(k, o)

if ONLY:
    out.convs = [c for c in out.convs if c["category"] in ONLY]
out.print()
