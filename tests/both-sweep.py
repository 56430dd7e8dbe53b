#!/usr/bin/env python3
"""both-sweep.py SHOPDESK SHARE [-v]: "add both" adds the two meant.

From the demo catalog: pairs of products (A, B), the first two of each
category and A of one category with B the first of the next, asked about
by their full names; then a cart request that points at two without
naming them ("add both", "put the two of them in my cart", "one of
each"...), in several registers.  Cases:
  TWO    A then B asked about: both added, and nothing else, both named;
  CMP    A and B compared side by side: both added, both named;
  ONE    only A asked about: nothing added; A named, the other asked;
  THREE  A, B and C asked about: nothing added; the three named, asked.
Prints one line per failure, then "LABEL passed total" for each."""
import sys

import sweeplib

BOTH = ["add both", "ok put both of them in my cart",
        "fine, i'll take the two", "add them both to my basket pls",
        "great, get me one of each", "both please, add to cart",
        "alright add the two to my cart", "perfect, i'll take both"]
ASK = ["tell me about the {n}", "what about the {n}?",
       "how much is the {n}", "is the {n} any good"]


def pairs(ps):
    """(A, B, C): the first two and the third of each category, and the
    first of a category with the first of the next."""
    cats = sweeplib.by_category(
        [p for p in ps if p["category"] != "gift-cards"])
    names = sorted(cats)
    out = []
    for i, c in enumerate(names):
        v = cats[c]
        nxt = cats[names[(i + 1) % len(names)]]
        if len(v) >= 3:
            out.append((v[0], v[1], v[2]))
        out.append((v[0], nxt[0], nxt[1] if len(nxt) > 1 else v[-1]))
    return out


def main():
    sd = sys.argv[1]
    cases = []
    for k, (a, b, c) in enumerate(pairs(sweeplib.products(sys.argv[2]))):
        say = BOTH[k % len(BOTH)]
        ask = [ASK[(k + j) % len(ASK)] for j in range(3)]
        cases.append(("TWO", a, b, c, [ask[0].format(n=a["name"]),
                                       ask[1].format(n=b["name"]), say]))
        cases.append(("CMP", a, b, c, ["compare the %s and the %s" %
                                       (a["name"], b["name"]),
                                       BOTH[(k + 3) % len(BOTH)]]))
        cases.append(("ONE", a, b, c, [ask[2].format(n=a["name"]),
                                       BOTH[(k + 5) % len(BOTH)]]))
        cases.append(("THREE", a, b, c, [x.format(n=p["name"]) for x, p in
                                         zip(ask, (a, b, c))] +
                      [BOTH[(k + 6) % len(BOTH)]]))
    runs = sweeplib.replay(sd, [["/user C1001"] + x[-1] for x in cases])
    tallies = {x: sweeplib.Tally(x) for x in ("TWO", "CMP", "ONE",
                                              "THREE")}
    for (kind, a, b, c, lines), trs in zip(cases, runs):
        tr = trs[-1]
        reply, act = tr.get("reply", ""), tr.get("action")
        # The setup: each product asked about was the one answered.
        asked = {"TWO": (a, b), "THREE": (a, b, c), "ONE": (a,)}
        setup = (trs[0].get("action") == "compare" if kind == "CMP" else
                 all(p["sku"] in ((x.get("state_after") or {}).get("focus")
                                  or [])[:1]
                     for x, p in zip(trs, asked[kind])))
        if kind in ("TWO", "CMP"):
            added = (tr.get("reason") or "").split()
            good = (act == "cart_add" and added[:1] == ["added"] and
                    sorted(added[1:]) == sorted([a["sku"], b["sku"]]) and
                    a["name"] in reply and b["name"] in reply)
        elif kind == "ONE":
            good = (act == "cart_which_two" and a["name"] in reply and
                    b["name"] not in reply)
        else:
            good = (act == "cart_which_two" and all(
                p["name"] in reply for p in (a, b, c)))
        if not setup:
            good = good or act != "cart_add"
        tallies[kind].check(good, kind.lower(), a["name"], b["name"],
                            lines[-1], "" if setup else "(setup missed)",
                            act, sweeplib.clip(reply, 100))
    for x in ("TWO", "CMP", "ONE", "THREE"):
        tallies[x].done()


if __name__ == "__main__":
    main()
