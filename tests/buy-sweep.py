#!/usr/bin/env python3
"""buy-sweep.py SHOPDESK SHARE [-v]: buying acts over the whole catalog.

For the first three products of every category of the demo store, in a
session of its own for a signed-in customer: the product is asked about
by name, then taken with a count in one of several phrasings ("add 3 of
those", "put two in my cart", "i'll take it x4").  The cart must get
that product, that many (the trace's cart_quantity), and the reply say
so.  Then, in another session, a question that says "take it" or "get
it" ("can i take it to the beach?", "can i get it in red") must leave
the cart alone.  Prints one line per failure, then "BUY n TOTAL" and
"ASK n TOTAL"."""
import json
import os
import subprocess
import sys

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
       "will i get it before christmas", "can i get it with a case"]
USER = "C1002"


def replay(sd, script):
    out = subprocess.run([sd, "-q", "replay", "--json"], input=script,
                         capture_output=True, text=True, check=True).stdout
    return [json.loads(l) for l in out.splitlines() if l.startswith("{")]


def main():
    sd, share = sys.argv[1:3]
    verbose = "-v" in sys.argv[3:]
    by_cat = {}
    with open(os.path.join(share, "demo", "products.jsonl")) as f:
        for line in f:
            p = json.loads(line)
            by_cat.setdefault(p["category"], []).append(p)
    products = [p for cat in sorted(by_cat) for p in by_cat[cat][:3]]
    buys = []
    for k, p in enumerate(products):
        n = 2 + k % 8
        msg = BUY[k % len(BUY)].format(n=n, w=NUMBERS[n])
        buys.append((p, n, msg))
    script = "".join("/new\n/user %s\ntell me about the %s\n%s\n" %
                     (USER, p["name"], m) for p, _, m in buys)
    turns = replay(sd, script)
    if len(turns) != 2 * len(buys):
        sys.exit("%d turns for %d messages" % (len(turns), 2 * len(buys)))
    passed = 0
    for i, (p, n, msg) in enumerate(buys):
        tr = turns[2 * i + 1]
        reply = tr.get("reply", "")
        qty = (tr.get("cart_quantity") or {}).get(p["sku"])
        good = (tr.get("action") == "cart_add" and qty == n and
                ("Added %d of the %s" % (n, p["name"])) in reply)
        passed += good
        if not good or verbose:
            print("%s buy %s | %s | %s | %s" % (
                "ok  " if good else "FAIL", p["name"], msg,
                tr.get("action"), reply[:90].replace("\n", " ")))
    print("BUY %d %d" % (passed, len(buys)))
    asks = [(p, ASK[k % len(ASK)]) for k, p in enumerate(products)]
    script = "".join("/new\n/user %s\ntell me about the %s\n%s\n" %
                     (USER, p["name"], m) for p, m in asks)
    turns = replay(sd, script)
    if len(turns) != 2 * len(asks):
        sys.exit("%d turns for %d messages" % (len(turns), 2 * len(asks)))
    passed = 0
    for i, (p, msg) in enumerate(asks):
        tr = turns[2 * i + 1]
        reply = tr.get("reply", "")
        good = (not (tr.get("action") or "").startswith("cart_") and
                "to your cart" not in reply)
        passed += good
        if not good or verbose:
            print("%s ask %s | %s | %s | %s" % (
                "ok  " if good else "FAIL", p["name"], msg,
                tr.get("action"), reply[:90].replace("\n", " ")))
    print("ASK %d %d" % (passed, len(asks)))


main()
