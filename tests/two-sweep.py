#!/usr/bin/env python3
"""two-sweep.py SHOPDESK SHARE [-v]: two requests in one message, over the
whole catalog.  For the first three products of every category of the
demo store, a question about the product and a question about the store
are joined in one message ("how much is the X and can i pay with
paypal", or the other way round), each in a session of its own.  The
reply must answer both: name the product, and hold the store's answer.
Prints one line per failure and "PASS n TOTAL" last."""
import json
import os
import re
import subprocess
import sys

PRODUCT = ["how much is the {}", "is the {} in stock", "tell me about the {}"]
STORE = [("do you ship to alaska", r"50 US states|all 50"),
         ("can i pay with paypal", r"PayPal"),
         ("what is your return policy", r"30 days"),
         ("how long does delivery take", r"business days?"),
         ("do you price match", r"match"),
         ("can i get an invoice for my purchase", r"invoice")]
JOIN = [" and ", " and also "]


def main():
    sd, share = sys.argv[1:3]
    verbose = "-v" in sys.argv[3:]
    by_cat = {}
    with open(os.path.join(share, "demo", "products.jsonl")) as f:
        for line in f:
            p = json.loads(line)
            by_cat.setdefault(p["category"], []).append(p)
    cases = []
    k = 0
    for cat in sorted(by_cat):
        for p in by_cat[cat][:3]:
            ask = PRODUCT[k % len(PRODUCT)].format(p["name"])
            store, want = STORE[k % len(STORE)]
            join = JOIN[k % len(JOIN)]
            msg = ask + join + store if k % 2 == 0 else store + join + ask
            cases.append((p, want, msg))
            k += 1
    script = "".join("/new\n%s\n" % m for _, _, m in cases)
    out = subprocess.run([sd, "-q", "replay", "--json"], input=script,
                         capture_output=True, text=True, check=True).stdout
    turns = [json.loads(l) for l in out.splitlines() if l.startswith("{")]
    if len(turns) != len(cases):
        sys.exit("%d turns for %d messages" % (len(turns), len(cases)))
    passed = 0
    for (p, want, msg), tr in zip(cases, turns):
        reply = tr.get("reply", "")
        good = (p["name"].lower() in reply.lower() and
                re.search(want, reply) is not None)
        passed += good
        if not good or verbose:
            print("%s %s | %s | %s" % ("ok  " if good else "FAIL", msg,
                  tr.get("action"), reply[:90].replace("\n", " ")))
    print("PASS %d %d" % (passed, len(cases)))


main()
