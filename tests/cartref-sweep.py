#!/usr/bin/env python3
"""cartref-sweep.py SHOPDESK SHARE [-v]: a removal means the cart's item.

From the demo catalog: for every brand with two products or more, the
first (A) is put in the cart of a customer of its own, then another of
the same brand (B) is asked about, so the conversation's focus is a
product the cart does not hold.  Then, in one of several registers:
  BRAND  "remove the <brand> from my cart" must take A out;
  KIND   "take the <brand> <kind of A> out" must take A out;
  NONE   a brand no cart item has (that of a product shown just before)
         must remove nothing, and the reply show the cart (name A);
  MANY   with A and B both in the cart, the brand must remove nothing
         and ask which, naming both.
Prints one line per failure, then "LABEL passed total" for each."""
import sys

import sweeplib

REMOVE = ["remove the {r} from my cart", "take the {r} out of my cart",
          "pls delete the {r} from my basket",
          "actually, drop the {r} from the cart",
          "get rid of the {r} in my cart",
          "hmm changed my mind, remove the {r} from my cart",
          "can you take the {r} out of my basket?",
          "remove {r} from cart"]
# Kind words the customer says for a category (one word categories).
KINDS = {"headphones": "headphones", "laptops": "laptop",
         "cameras": "camera", "monitors": "monitor", "printers": "printer",
         "speakers": "speaker", "tablets": "tablet", "tvs": "tv",
         "smartphones": "phone", "wearables": "watch"}


def pairs(ps):
    """(A, B) for each brand with two products or more: the first two
    of one category when it has two, else the first two."""
    brands = {}
    for p in ps:
        if p.get("brand") and p["category"] != "gift-cards":
            brands.setdefault(p["brand"], []).append(p)
    out = []
    for b in sorted(brands):
        v = brands[b]
        if len(v) < 2:
            continue
        same = [q for q in v[1:] if q["category"] == v[0]["category"]]
        out.append((v[0], same[0] if same else v[1]))
    return out


def qty(tr):
    return (tr.get("state_after") or {}).get("cart", {}).get("qty", {})


def main():
    sd, share = sys.argv[1:3]
    ps = sweeplib.products(share)
    users = sweeplib.cart_free(share)
    prs = pairs(ps)
    cases = []
    for k, (a, b) in enumerate(prs):
        say = REMOVE[k % len(REMOVE)]
        setup = ["add the %s to my cart" % a["name"],
                 "tell me about the %s" % b["name"]]
        cases.append(("BRAND", a, b, setup +
                      [say.format(r=a["brand"].lower())]))
        if a["category"] in KINDS:
            r = "%s %s" % (a["brand"], KINDS[a["category"]])
            cases.append(("KIND", a, b, setup +
                          [REMOVE[(k + 3) % len(REMOVE)].format(r=r)]))
        o = prs[(k + 1) % len(prs)][1]
        cases.append(("NONE", a, o, ["add the %s to my cart" % a["name"],
                                     "tell me about the %s" % o["name"],
                                     REMOVE[(k + 5) % len(REMOVE)].format(
                                         r=o["brand"])]))
        cases.append(("MANY", a, b, ["add the %s to my cart" % a["name"],
                                     "add the %s to my cart" % b["name"],
                                     REMOVE[(k + 2) % len(REMOVE)].format(
                                         r=a["brand"])]))
    runs = sweeplib.replay_own(sd, [c[-1] for c in cases], users,
                               "cartref")
    tallies = {x: sweeplib.Tally(x) for x in ("BRAND", "KIND", "NONE",
                                              "MANY")}
    for (kind, a, b, lines), trs in zip(cases, runs):
        tr = trs[-1]
        reply = tr.get("reply", "")
        held = qty(trs[-2])
        now = qty(tr) if tr.get("action") == "cart_remove" else held
        setup = set(held) == ({a["sku"], b["sku"]} if kind == "MANY"
                              else {a["sku"]})
        if kind in ("BRAND", "KIND"):
            good = (setup and a["sku"] not in now and
                    ("Removed the " + a["name"]) in reply)
        elif kind == "NONE":
            good = (setup and a["sku"] in now and "Removed" not in reply
                    and a["name"] in reply)
        else:
            good = (setup and a["sku"] in now and b["sku"] in now and
                    "Removed" not in reply and a["name"] in reply and
                    b["name"] in reply)
        tallies[kind].check(good, kind.lower() + " " + a["name"],
                            "shown " + b["name"], lines[-1],
                            "" if setup else "(setup: cart %s)" % held,
                            tr.get("action"), sweeplib.clip(reply, 90))
    for x in ("BRAND", "KIND", "NONE", "MANY"):
        tallies[x].done()


if __name__ == "__main__":
    main()
