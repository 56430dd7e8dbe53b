#!/usr/bin/env python3
"""accdev-sweep.py SHOPDESK SHARE [-v]: the device of "a <kind> for it".
For the first two products of every category that is not accessories (the
device), a session asks about the device, then whether an accessory made
for another device fits it ("would the X fit it"), then for an accessory
of some kind that works with "it".  "It" is the device, not the
accessory just named that does not fit it: the last reply must name the
device and not that accessory.  The registers vary.  Prints one line per
failure and "PASS n TOTAL" last."""
import sys

import sweeplib

FIRST = ["tell me about the {}", "i have the {}", "how much is the {}",
         "got the {} last week"]
FITS = ["would the {} fit it", "does the {} work with it?",
        "will the {} go with it", "is the {} compatible w/ it"]
ASK = ["any {} that would work with it then?", "ok so which {} fits it",
       "got a {} for it?", "what {} works with it instead",
       "Is there a {} that is compatible with it?"]
KINDS = ["case", "charger", "cable", "keyboard", "stylus", "bag",
         "screen protector", "power bank"]


def lists(acc, dev):
    """Does the accessory's compatibility name the device's line?"""
    compat = (acc.get("attrs") or {}).get("compatible_with", "").lower()
    words = dev["name"].split("(")[0].lower().split()
    return any(w in compat for w in words[1:3] if len(w) > 2)


def main():
    sd, share = sys.argv[1:3]
    ps = sweeplib.products(share)
    accs = [p for p in ps if p["category"] == "accessories" and
            (p.get("attrs") or {}).get("compatible_with")]
    devs = [p for p in sweeplib.first_of_each(ps, 2)
            if p["category"] not in ("accessories", "gift-cards")]
    cases = []
    for k, d in enumerate(devs):
        others = [a for a in accs if not lists(a, d)]
        if not others:
            continue
        a = others[k % len(others)]
        kind = KINDS[k % len(KINDS)]
        cases.append((d, a, [FIRST[k % len(FIRST)].format(d["name"]),
                             FITS[k % len(FITS)].format(a["name"]),
                             ASK[k % len(ASK)].format(kind)]))
    runs = sweeplib.replay(sd, [s for _, _, s in cases])
    tally = sweeplib.Tally("PASS")
    for (d, a, s), trs in zip(cases, runs):
        reply = trs[-1].get("reply", "")
        good = (d["name"].lower() in reply.lower() and
                a["name"].lower() not in reply.lower())
        tally.check(good, s[-1], d["sku"], a["sku"],
                    sweeplib.clip(reply, 100))
    tally.done()


main()
