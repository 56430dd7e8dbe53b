#!/usr/bin/env python3
"""counttake-sweep.py SHOPDESK SHARE [-v]: a count beside a purchase
verb, said of the product in focus, is a quantity bought.

From the demo catalog, the first products of every category, each case
for a customer of its own with no cart, after "tell me about <name>":
  TAKE  "i want two", "could i get 3?", "two of those please" in many
        registers: the product's line in the cart holds the count;
  NOT   a count beside another word ("can i get 2 day shipping", "does
        it pair with two phones", "i want 2fa"): no cart line at all.
Prints one line per failure, then "LABEL passed total" for each."""
import sys

import sweeplib

WORDS = ["zero", "one", "two", "three", "four", "five"]
TAKE = ["i want {w}", "{w} of those please", "could i get {n}?",
        "i'd like {n} of them", "ok ill take {w}", "buy {w}",
        "i need {w} of them", "get me {w}", "i want {n}",
        "i'll have {w} then", "can i order {n} of these",
        "i want to buy {n}", "gimme {n} pls", "id like {w}",
        "want {n}", "add {w} to my cart please"]
NOT = ["can i get {n} day shipping", "does it pair with {w} phones",
       "i want 2fa", "i have {w} questions", "i need it in {n} days",
       "can i pay in {w} installments", "do i need {w}",
       "is there a {n} year warranty"]


def qty(tr):
    return (tr.get("state_after") or {}).get("cart", {}).get("qty", {})


def main():
    sd, share = sys.argv[1:3]
    ps = [p for p in sweeplib.products(share)
          if p["category"] != "gift-cards" and p["stock"] > 5]
    users = sweeplib.cart_free(share)
    cats = sweeplib.by_category(ps)
    picks = [p for c in sorted(cats) for p in cats[c][:3]]
    cases = []
    for k, p in enumerate(picks):
        n = 2 + k % 4
        ask = "tell me about the %s" % p["name"]
        cases.append(("TAKE", p, n, [ask, TAKE[k % len(TAKE)].format(
            n=n, w=WORDS[n])]))
        cases.append(("NOT", p, 0, [ask, NOT[k % len(NOT)].format(
            n=n, w=WORDS[n])]))
    res = sweeplib.replay_own(sd, [c[3] for c in cases], users, "count")
    tallies = {}
    for (label, p, n, script), trs in zip(cases, res):
        tr = trs[-1]
        q = qty(tr)
        if label == "TAKE":
            good = q.get(p["sku"]) == n and len(q) == 1
        else:
            good = not q
        tallies.setdefault(label, sweeplib.Tally(label)).check(
            good, p["sku"], script[-1], q, tr.get("action"),
            sweeplib.clip(tr["reply"], 100))
    for label in ("TAKE", "NOT"):
        tallies[label].done()


main()
