#!/usr/bin/env python3
"""buy-sweep.py SHOPDESK SHARE [-v]: buying acts over the whole catalog.

For the first three products of every category of the demo store, in a
session of its own for a signed-in customer: the product is asked about
by name, then taken with a count in one of several phrasings ("add 3 of
those", "put two in my cart", "i'll take it x4").  The cart must get
that product, that many (the trace's cart_quantity), and the reply say
so.  Then, in another session, a question that says "take it" or "get
it" ("can i take it to the beach?", "can i get it in red") must leave
the cart alone.  Then a kind of another category or of accessories, one
whose word is not in the product's name, attributes or subcategory,
asked for beside it ("and a soundbar to go with it", "add a charger
too") must not put the product in the cart, while "i'll go with it and
a charger" takes it.  Prints one line per failure, then "BUY n TOTAL",
"ASK n TOTAL", "KIND n TOTAL", "TAKE n TOTAL" and "GRAB n TOTAL" (the product
taken with no count: "ok grab it", "sure, grab them")."""
import json
import sys

import sweeplib

NUMBERS = ["zero", "one", "two", "three", "four", "five", "six", "seven",
           "eight", "nine", "ten"]
# {n}: the count in digits, {w}: in words.
BUY = ["add {n} of those", "put {w} in my cart", "i'll take it x{n}",
       "ok add {n} of em", "fine, get me {w} of them",
       "{w} of those in my cart please", "add it to my basket, {n} please",
       "great, i'll take {w}"]
ASK = ["can i take it to the beach?", "can i take it on a plane",
       "ok and can i take it in the shower", "can i get it in red",
       "could i get it by friday?", "can i take it hiking?",
       "will i get it before christmas", "can i get it with a case",
       "can i grab it in black?", "could i grab one with a warranty"]
USER = "C1002"
# {k}: a kind word the product is not.
NEW = ["and a {k} to go with it", "also want a {k} to go with it",
       "add a {k} too", "i need a {k} to go with it, any ideas",
       "ok now a {k} to go with that", "could you add a {k} as well"]
# Taking the product talked about, with no count and no cart named.
GRAB = ["ok grab it", "grab that one please", "alright i'll grab it",
        "ok take those", "sure, grab them", "fine grab this one"]
TAKE = ["i'll go with it and a {k}", "add it, and a {k} too",
        "great, i'll take it, plus a {k}"]


def kind_words(ps):
    """Kind words from the catalog: each category's and each accessory
    kind's slug, one word, as its singular."""
    words = set()
    for p in ps:
        for slug in (p["category"], p["category"] == "accessories" and
                     p["subcategory"]):
            if slug and "-" not in slug and slug not in ("mice", "stylus", "gaming",
                                                         "software"):
                words.add(slug[:-1] if slug.endswith("ses") else
                          sweeplib.stem(slug))
    return sorted(words)


def other_kind(p, words, k):
    """The k-th kind word (cycling) that is no word of p."""
    text = " ".join([p["name"], json.dumps(p.get("attrs", {})),
                     p["subcategory"], p["category"]]).lower()
    ok = [w for w in words if w not in text]
    return ok[k % len(ok)]


def main():
    sd, share = sys.argv[1:3]
    products = sweeplib.first_of_each(sweeplib.products(share), 3)
    buys = []
    for k, p in enumerate(products):
        n = 2 + k % 8
        msg = BUY[k % len(BUY)].format(n=n, w=NUMBERS[n])
        buys.append((p, n, msg))
    runs = sweeplib.replay(sd, [session(p, m) for p, _, m in buys])
    bought = sweeplib.Tally("BUY")
    for (p, n, msg), trs in zip(buys, runs):
        tr = trs[1]
        reply = tr.get("reply", "")
        qty = (tr.get("cart_quantity") or {}).get(p["sku"])
        good = (tr.get("action") == "cart_add" and qty == n and
                ("Added %d of the %s" % (n, p["name"])) in reply)
        bought.check(good, "buy " + p["name"], msg, tr.get("action"),
                     sweeplib.clip(reply, 90))
    bought.done()
    asks = [(p, ASK[k % len(ASK)]) for k, p in enumerate(products)]
    runs = sweeplib.replay(sd, [session(p, m) for p, m in asks])
    asked = sweeplib.Tally("ASK")
    for (p, msg), trs in zip(asks, runs):
        tr = trs[1]
        reply = tr.get("reply", "")
        good = (not (tr.get("action") or "").startswith("cart_") and
                "to your cart" not in reply)
        asked.check(good, "ask " + p["name"], msg, tr.get("action"),
                    sweeplib.clip(reply, 90))
    asked.done()
    words = kind_words(sweeplib.products(share))
    kinds = [(p, NEW[k % len(NEW)].format(k=other_kind(p, words, k)))
             for k, p in enumerate(products)]
    runs = sweeplib.replay(sd, [session(p, m) for p, m in kinds])
    other = sweeplib.Tally("KIND")
    for (p, msg), trs in zip(kinds, runs):
        tr = trs[1]
        got = tr.get("state_after", {}).get("cart", {}).get("qty", {})
        other.check(p["sku"] not in got, "kind beside " + p["name"], msg,
                    tr.get("action"), sweeplib.clip(tr.get("reply", ""), 90))
    other.done()
    takes = [(p, TAKE[k % len(TAKE)].format(k=other_kind(p, words, k)))
             for k, p in enumerate(products)]
    runs = sweeplib.replay(sd, [session(p, m) for p, m in takes])
    took = sweeplib.Tally("TAKE")
    for (p, msg), trs in zip(takes, runs):
        tr = trs[1]
        got = tr.get("state_after", {}).get("cart", {}).get("qty", {})
        took.check(p["sku"] in got, "take " + p["name"], msg,
                   tr.get("action"), sweeplib.clip(tr.get("reply", ""), 90))
    took.done()
    grabs = [(p, GRAB[k % len(GRAB)]) for k, p in enumerate(products)]
    runs = sweeplib.replay(sd, [session(p, m) for p, m in grabs])
    grabbed = sweeplib.Tally("GRAB")
    for (p, msg), trs in zip(grabs, runs):
        tr = trs[1]
        got = tr.get("state_after", {}).get("cart", {}).get("qty", {})
        grabbed.check(tr.get("action") == "cart_add" and p["sku"] in got,
                      "grab " + p["name"], msg, tr.get("action"),
                      sweeplib.clip(tr.get("reply", ""), 90))
    grabbed.done()


def session(p, msg):
    """A session of its own: the product asked about, then msg."""
    return ["/user " + USER, "tell me about the " + p["name"], msg]


main()
