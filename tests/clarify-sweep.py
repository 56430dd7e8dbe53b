#!/usr/bin/env python3
"""clarify-sweep.py SHOPDESK SHARE [-v]: questions about a named product
that the classifier is unsure of, over the whole catalog.

For the first three products of every category, a question naming the
product in words no intent is trained on ("is the X a subscription or
do i pay once", "can i take the X on holiday", "third time asking, does
the X work with my setup or not") must be answered about that product
(cited, or named in the reply), never with a clarifying question whose
options the message gives no ground for.  Prints one line per failure,
then "PRODUCT n TOTAL"."""
import json
import os
import subprocess
import sys

ASK = ["is the {} a subscription or do i pay once",
       "can i take the {} on holiday with me",
       "third time asking, does the {} work with my setup or not",
       "eyeing the {} for my flat now. is that any good for me?",
       "would the {} be ok for a total beginner",
       "honestly is the {} worth it for the money"]


def replay(sd, script):
    out = subprocess.run([sd, "-q", "replay", "--json"], input=script,
                         capture_output=True, text=True, check=True).stdout
    return [json.loads(l) for l in out.splitlines() if l.startswith("{")]


def about(tr, p):
    cited = any(c.get("id") == p["sku"] for c in tr.get("citations") or [])
    return cited or p["name"].lower() in tr.get("reply", "").lower()


def main():
    sd, share = sys.argv[1:3]
    verbose = "-v" in sys.argv[3:]
    by_cat = {}
    with open(os.path.join(share, "demo", "products.jsonl")) as f:
        for line in f:
            p = json.loads(line)
            by_cat.setdefault(p["category"], []).append(p)
    cases = [(p, ASK[k % len(ASK)].format(p["name"])) for k, p in
             enumerate(p for c in sorted(by_cat) for p in by_cat[c][:3])]
    turns = replay(sd, "".join("/new\n%s\n" % m for _, m in cases))
    if len(turns) != len(cases):
        sys.exit("%d turns for %d messages" % (len(turns), len(cases)))
    passed = 0
    for (p, msg), tr in zip(cases, turns):
        good = tr.get("action") != "clarify" and about(tr, p)
        passed += good
        if not good or verbose:
            print("%s %s | %s | %s" % ("ok  " if good else "FAIL", msg,
                  tr.get("action"), tr.get("reply", "")[:90].replace(
                      "\n", " ")))
    print("PRODUCT %d %d" % (passed, len(cases)))


main()
