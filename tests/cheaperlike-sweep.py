#!/usr/bin/env python3
"""cheaperlike-sweep.py SHOPDESK SHARE [-v]: "something like it but
cheaper".

FOCUS  for the first two products of every category, in a session of
       its own: the product asked about by name, then "similar but
       cheaper" in one of several registers.  Every product the reply
       lists must be of the product's category and subcategory, in
       stock, priced (as listed) under the product's price, and not the
       product itself; when the catalog has such products the reply
       lists at least one, else it says nothing costs less.
ORDER  for customers' orders of one line: the order asked about by
       number, then "something like the one i ordered but cheaper": the
       same, under the price paid on that order, which the reply states.
Every claim of the reply backed.  Prints one line per failure, then
"LABEL passed total"."""
import json
import os
import re
import sys

import sweeplib

ASK = ["whats similar but cheaper", "anything like it but cheaper?",
       "got something similar thats less expensive",
       "any alternatives that are cheaper", "something like that but "
       "more affordable pls"]
ORDER = ["something like the one i ordered but cheaper",
         "anything similar to what i bought but cheaper?",
         "show me alternatives to it that are cheaper"]
LINE = re.compile(r"^\s+\d+\. (.*), \$([0-9,]+(?:\.\d\d)?)$", re.M)


def listed(reply, by_name):
    """The products a reply lists, with the price it lists them at."""
    return [(by_name.get(m.group(1)), float(m.group(2).replace(",", "")))
            for m in LINE.finditer(reply)]


def verdict(reply, rc, item, below, ps, by_name):
    kind = [p for p in ps if p["category"] == item["category"] and
            p.get("subcategory") == item.get("subcategory") and
            sweeplib.in_stock(p) and p["sku"] != item["sku"] and
            p["price"] < below]
    got = listed(reply, by_name)
    good = all(p is not None and p["sku"] != item["sku"] and
               p["category"] == item["category"] and
               p.get("subcategory") == item.get("subcategory") and
               price < below and abs(price - p["price"]) < 0.005
               for p, price in got)
    good = good and (bool(got) if kind else "Nothing" in reply)
    return good and rc.get("claims", 0) == rc.get("backed", 0) and \
        not rc.get("bug")


def main():
    sd, share = sys.argv[1:3]
    sweeplib.VERBOSE = "-v" in sys.argv
    ps = sweeplib.products(share)
    by_name = {p["name"]: p for p in ps}
    by_sku = {p["sku"]: p for p in ps}
    items = [p for p in sweeplib.first_of_each(ps, 2)
             if p["category"] != "gift-cards"]
    runs = sweeplib.replay(sd, [["tell me about the " + p["name"],
                                 ASK[k % len(ASK)]]
                                for k, p in enumerate(items)])
    focus = sweeplib.Tally("FOCUS")
    for p, trs in zip(items, runs):
        tr = trs[1]
        reply = tr.get("reply", "")
        focus.check(verdict(reply, tr.get("reply_check") or {}, p,
                            p["price"], ps, by_name), p["name"],
                    tr.get("action"), sweeplib.clip(reply, 200))
    focus.done()
    with open(os.path.join(share, "demo", "orders.json")) as f:
        orders = json.load(f)
    orders = orders if isinstance(orders, list) else orders["orders"]
    ones = [o for o in orders if len(o["items"]) == 1 and
            o["items"][0]["sku"] in by_sku and
            by_sku[o["items"][0]["sku"]]["category"] != "gift-cards"]
    seen, cases = set(), []
    for o in ones:
        if o["customer_id"] in seen or len(cases) >= 30:
            continue
        seen.add(o["customer_id"])
        cases.append(o)
    sessions = [["/user " + o["customer_id"],
                 "where is my order %s" % o["id"],
                 ORDER[k % len(ORDER)]] for k, o in enumerate(cases)]
    runs = sweeplib.replay(sd, sessions)
    order = sweeplib.Tally("ORDER")
    for o, trs in zip(cases, runs):
        tr = trs[-1]
        reply = tr.get("reply", "")
        line = o["items"][0]
        paid = line["unit_price"]
        good = verdict(reply, tr.get("reply_check") or {},
                       by_sku[line["sku"]], paid, ps, by_name) and \
            sweeplib.money(paid) in reply and "#" + o["id"] in reply
        order.check(good, o["customer_id"], o["id"], line["sku"],
                    tr.get("action"), sweeplib.clip(reply, 200))
    order.done()


if __name__ == "__main__":
    main()
