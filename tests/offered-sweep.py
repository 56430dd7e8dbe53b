#!/usr/bin/env python3
"""offered-sweep.py SHOPDESK SHARE [-v]: "it" after accessories offered.
For the first three products of every category that is not accessories
(the device), a session asks for an accessory of a kind for it ("got a
case for the <device>?").  Where the bot lists two or more accessories
for it (read from the turn's trace: action "accessories", state_after
results), a second session asks the same, then a question with a
pointer ("is it in stock?", "how much is it", ...) or a few
words asked of a product without naming one ("in stock?"):

  POINTER  "it" is one of those offered, not the device they are for:
           the reply asks which, naming the first two offered, or
           answers about one offered (in focus after), never about the
           device;
  DEVICE   the device named again ("and the <device>, how much is
           it?") stays available: its price, the device in focus.

Prints one line per failure (every case with -v), then "POINTER passed
total" and "DEVICE passed total"."""
import sys

import sweeplib

ASK = ["got a {} for the {}?", "do you have a {} for the {}",
       "which {} works with the {}", "any {} that fits the {}?"]
KINDS = ["case", "charger", "cable", "keyboard", "stylus", "bag",
         "screen protector", "power bank", "memory card", "controller"]
POINT = ["is it in stock?", "how much is it", "is it any good",
         "what's the rating on that one", "does it come in other colours?",
         "add it to my cart please", "in stock?", "what colour?"]


def main():
    sd, share = sys.argv[1:3]
    ps = sweeplib.products(share)
    P = {p["sku"]: p for p in ps}
    devs = [p for p in sweeplib.first_of_each(ps, 3)
            if p["category"] not in ("accessories", "gift-cards")]
    asks, k = [], 0
    for d in devs:
        for kind in KINDS:
            asks.append((d, ASK[k % len(ASK)].format(kind, d["name"])))
            k += 1
    first = sweeplib.replay(sd, [[a] for _, a in asks])
    cases = []
    for (d, a), tr in zip(asks, first):
        res = (tr[0].get("state_after") or {}).get("results") or []
        if tr[0].get("action") != "accessories" or len(res) < 2 or \
                not all(r in P for r in res):
            continue
        n = len(cases)
        cases.append(("POINTER", d, res, [a, POINT[n % len(POINT)]]))
        if n % 3 == 0:
            cases.append(("DEVICE", d, res, [a, "and the %s, how much "
                                             "is it?" % d["name"]]))
    runs = sweeplib.replay(sd, [c[3] for c in cases])
    tally = {"POINTER": sweeplib.Tally("POINTER"),
             "DEVICE": sweeplib.Tally("DEVICE")}
    for (kind, d, res, lines), trs in zip(cases, runs):
        last = trs[-1]
        reply = last.get("reply", "")
        got = sweeplib.focus(last)
        if kind == "POINTER":
            asked = (last.get("action", "").startswith("ask") and
                     all(P[r]["name"] in reply for r in res[:2]))
            good = asked or (got in res and d["name"] not in reply)
        else:
            good = got == d["sku"] and \
                sweeplib.money(d["price"]) in reply
        tally[kind].check(good, " / ".join(lines), d["sku"], res, got,
                          last.get("action"), sweeplib.clip(reply, 120))
    for t in tally.values():
        t.done()


main()
