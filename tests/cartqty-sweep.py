#!/usr/bin/env python3
"""cartqty-sweep.py SHOPDESK SHARE [-v]: cart changes said without the cart.

From the demo catalog, for pairs of products (P, O) of other brands and
categories, each case for a customer of its own with no cart:
  FOCUS  O then P put in the cart, then "make it N" in one of many
         registers: P's line holds N, O's still 1;
  NAMED  P then O put in the cart (O in focus), then a count for P by
         its brand and kind: P's line holds N, O's still 1;
  WHICH  P in the cart, O asked about (in focus, not in the cart), then
         "make it N": nothing changes and the reply asks which, naming P;
  MANY   P and Q of one brand in the cart, a count for the brand: nothing
         changes and the reply names both.
  DROP   P then O in the cart (O in focus), P's brand and kind said with
         a removal and no cart ("never mind the sony headphones"): P's
         line out, O's kept;
  DROPIT O then P in the cart, "remove it": P's line out, O's kept;
  ASK    a question with a removal's verb ("how do i remove the ..."):
         both lines kept.
  TOTAL  P then O in the cart, P's count set, the total asked without
         the cart ("how much is that all together"): the cart's total
         and count as the catalog's prices make them, every claim backed,
         nothing changed;
  SPEC   "what's the total weight of it": the product's, no cart total.
  EMPTY  P then O in the cart, "empty it", "clear my basket": no line
         left;
  KEEP   a question with an emptying word ("is my cart empty?", "how do
         i clear the cache on it"): both lines kept.
Prints one line per failure, then "LABEL passed total" for each."""
import sys

import sweeplib

WORDS = ["zero", "one", "two", "three", "four", "five"]
FOCUS = ["make it {n}", "actually make that {n} pls", "{n} of those please",
         "hmm wait, just {w}", "oh can you change it to {n}?",
         "set the quantity to {w}", "i only need {w}", "{n} instead",
         "can u make it {w} thx", "change qty to {n}",
         "sorry, make it {w} of them", "ok so only {n} please"]
NAMED = ["change the {r} to {n}", "make the {r} {w}",
         "can you set the {r} quantity to {n}", "{n} of the {r} please",
         "i only want {w} of the {r}", "actually just {w} {r}"]
DROP = ["remove the {r}", "take the {r} out", "never mind the {r}",
        "pls get rid of the {r}", "i dont want the {r} anymore",
        "nvm the {r}", "hmm can you delete the {r}", "actually drop the {r}",
        "on second thought forget the {r}", "ok remove {r} please"]
DROPIT = ["remove it", "take it out pls", "actually delete that one",
          "hmm get rid of it", "can you remove that?", "ok drop it"]
ASK = ["how do i remove the {r}", "what if i drop the {r}?",
       "can i take the {r} out of the box easily", "is it easy to remove "
       "the {r} from the stand", "does the {r} need to be taken out to "
       "charge"]
TOTAL = ["how much is that all together", "whats my total",
         "ok what does it all come to?", "how much in total do i owe",
         "and the total is?", "what's the subtotal now",
         "how much will that be altogether pls", "so whats the damage in "
         "total", "how much does everything come to"]
SPEC = ["what's the total weight of it", "how much storage in total does "
        "it have", "whats the total battery life", "total dimensions?",
        "how much power does it draw in total"]
EMPTY = ["empty it", "pls clear my cart", "remove everything please",
         "ok empty my basket", "can you clear out the cart",
         "actually take everything out of my cart", "wipe my cart pls",
         "hmm just empty the whole cart"]
KEEP = ["is my cart empty?", "how do i clear the cache on it",
        "how do i empty the memory on it?", "does it clear the dust "
        "itself", "will it wipe my settings?"]
KINDS = {"headphones": "headphones", "laptops": "laptop",
         "cameras": "camera", "monitors": "monitor", "printers": "printer",
         "speakers": "speaker", "tablets": "tablet", "tvs": "tv",
         "smartphones": "phone", "wearables": "watch"}


def money(v):
    """A sum as the replies write it: "$1,299", "$45.99"."""
    c = round(v * 100)
    s = "{:,}".format(c // 100)
    return "$" + s + ("" if c % 100 == 0 else ".%02d" % (c % 100))


def qty(tr):
    return (tr.get("state_after") or {}).get("cart", {}).get("qty", {})


def main():
    sd, share = sys.argv[1:3]
    ps = [p for p in sweeplib.products(share)
          if p["category"] != "gift-cards" and p.get("brand")]
    users = sweeplib.cart_free(share)
    cats = sweeplib.by_category(ps)
    picks = [p for c in sorted(cats) for p in cats[c][:4]]
    cases = []
    for k, p in enumerate(picks):
        o = next(q for q in picks[k + 1:] + picks
                 if q["brand"] != p["brand"] and
                 q["category"] != p["category"])
        n = 2 + k % 4
        say = FOCUS[k % len(FOCUS)].format(n=n, w=WORDS[n])
        cases.append(("FOCUS", p, o, n, [
            "add the %s to my cart" % o["name"],
            "add the %s to my cart" % p["name"], say]))
        if p["category"] in KINDS:
            r = "%s %s" % (p["brand"].lower(), KINDS[p["category"]])
            say = NAMED[k % len(NAMED)].format(n=n, w=WORDS[n], r=r)
            cases.append(("NAMED", p, o, n, [
                "add the %s to my cart" % p["name"],
                "add the %s to my cart" % o["name"], say]))
        # "3 of those" of a product the cart lacks takes them: not here.
        say = [x for x in FOCUS if not x.startswith("{n} of")][
            (k + 5) % (len(FOCUS) - 1)].format(n=n, w=WORDS[n])
        cases.append(("WHICH", p, o, n, [
            "add the %s to my cart" % p["name"],
            "tell me about the %s" % o["name"], say]))
        same = [q for q in ps if q["brand"] == p["brand"] and
                q["sku"] != p["sku"]]
        if same and k % 2 == 0:
            q = same[0]
            say = NAMED[(k + 1) % len(NAMED)].format(
                n=n, w=WORDS[n], r=p["brand"].lower())
            cases.append(("MANY", p, q, n, [
                "add the %s to my cart" % p["name"],
                "add the %s to my cart" % q["name"], say]))
        if p["category"] in KINDS:
            r = "%s %s" % (p["brand"].lower(), KINDS[p["category"]])
            if k % 3 == 1:
                r = KINDS[p["category"]]
            cases.append(("DROP", p, o, 0, [
                "add the %s to my cart" % p["name"],
                "add the %s to my cart" % o["name"],
                DROP[k % len(DROP)].format(r=r)]))
            cases.append(("ASK", p, o, 1, [
                "add the %s to my cart" % p["name"],
                "add the %s to my cart" % o["name"],
                ASK[k % len(ASK)].format(r=r)]))
        cases.append(("DROPIT", p, o, 0, [
            "add the %s to my cart" % o["name"],
            "add the %s to my cart" % p["name"],
            DROPIT[k % len(DROPIT)]]))
        cases.append(("TOTAL", p, o, n, [
            "add the %s to my cart" % o["name"],
            "add the %s to my cart" % p["name"], "make it %d" % n,
            TOTAL[k % len(TOTAL)]]))
        if k % 2 == 1:
            cases.append(("SPEC", p, o, 1, [
                "add the %s to my cart" % p["name"],
                "add the %s to my cart" % o["name"],
                SPEC[k % len(SPEC)]]))
        if k % 2 == 0:
            cases.append(("EMPTY", p, o, 0, [
                "add the %s to my cart" % p["name"],
                "add the %s to my cart" % o["name"],
                EMPTY[(k // 2) % len(EMPTY)]]))
        else:
            cases.append(("KEEP", p, o, 1, [
                "add the %s to my cart" % p["name"],
                "add the %s to my cart" % o["name"],
                KEEP[(k // 2) % len(KEEP)]]))
    runs = sweeplib.replay_own(sd, [c[-1] for c in cases], users, "cartqty")
    labels = ("FOCUS", "NAMED", "WHICH", "MANY", "DROP", "DROPIT", "ASK",
              "TOTAL", "SPEC", "EMPTY", "KEEP")
    tallies = {x: sweeplib.Tally(x) for x in labels}
    for (kind, p, o, n, lines), trs in zip(cases, runs):
        tr = trs[-1]
        reply = tr.get("reply", "")
        held = qty(trs[-2])
        now = qty(tr) if tr.get("action", "").startswith("cart_") else held
        rc = tr.get("reply_check") or {}
        # The questions' own answers are other handlers' to back.
        backed = (rc.get("claims", 0) == rc.get("backed", 0) or
                  kind in ("ASK", "SPEC", "KEEP"))
        setup = (held.get(p["sku"]) == 1 and held.get(o["sku"]) == 1
                 if kind != "WHICH" else held == {p["sku"]: 1})
        if kind == "TOTAL":
            setup = held == {p["sku"]: n, o["sku"]: 1}
        if kind == "EMPTY":
            good = now == {} and tr.get("action") == "cart_empty"
        elif kind == "KEEP":
            good = now == held and tr.get("action") != "cart_empty"
        elif kind == "TOTAL":
            want = money(p["price"] * n + o["price"])
            good = (now == held == {p["sku"]: n, o["sku"]: 1} and
                    tr.get("action") == "cart_total" and want in reply and
                    ("%d item(s)" % (n + 1)) in reply and
                    p["name"] in reply and o["name"] in reply)
        elif kind == "SPEC":
            good = now == held and tr.get("action") != "cart_total"
        elif kind in ("DROP", "DROPIT"):
            good = (p["sku"] not in now and now.get(o["sku"]) == 1 and
                    len(now) == 1 and ("Removed the " + p["name"]) in reply)
        elif kind == "ASK":
            good = now == held and "Removed" not in reply
        elif kind in ("FOCUS", "NAMED"):
            good = (now.get(p["sku"]) == n and now.get(o["sku"]) == 1 and
                    len(now) == 2 and p["name"] in reply)
        else:
            good = (now == held and p["name"] in reply and
                    (kind == "WHICH" or o["name"] in reply))
        tallies[kind].check(setup and good and backed,
                            kind.lower() + " " + p["name"],
                            "other " + o["name"], lines[-1],
                            "" if setup else "(setup: cart %s)" % held,
                            "" if backed else "(unbacked %s)" % rc,
                            tr.get("action"), now, sweeplib.clip(reply, 90))
    for x in labels:
        tallies[x].done()


if __name__ == "__main__":
    main()
