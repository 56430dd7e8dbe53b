#!/usr/bin/env python3
"""usedev-sweep.py SHOPDESK SHARE [-v]: a device after a verb of use.
For every product with a compatibility list (the subject), a session asks
about it, then whether "it" charges, fits or powers a device of another
category named after the verb ("will it charge a macbook air", "does it
fit in the ps5"), then its price.  The device is the context of the
question, not its subject: the question is answered from the subject's
compatibility list (COMPAT), and after it the subject is still in focus
and the price asked next is the subject's, with the device not named
(PASS).  The registers vary (typos, fragments, background first).
Prints one line per failure, then "COMPAT n TOTAL" and "PASS n TOTAL"."""
import re
import sys

import sweeplib

FIRST = ["tell me about the {}", "looking at the {}", "how much is the {}",
         "whats the {} like", "thinking of getting the {}"]
CHARGE = ["will it charge a {}", "can it charge my {} too?",
          "does it charge the {}", "wil it charge a {} ok",
          "got one at home already, can this charge a {}"]
FIT = ["does it fit in a {}", "will it fit the {}?", "would it fit on a {}",
       "does this fit into the {}", "for my kid, does it fit a {}"]
PRICE = ["how much is it", "price on it?", "whats it cost", "and the price",
         "how much"]
DEVICE_CATS = ["laptops", "phones", "tablets", "gaming", "cameras", "tvs",
               "monitors", "printers"]


def short(name):
    """The name a customer says: up to a parenthesis, a comma or a
    "with" (a kit's lens)."""
    return re.split(r"[(,]| with ", name)[0].strip()


def main():
    sd, share = sys.argv[1:3]
    ps = sweeplib.products(share)
    subjects = [p for p in ps
                if (p.get("attrs") or {}).get("compatible_with")]
    cats = sweeplib.by_category(ps)
    devs = [p for c in DEVICE_CATS for p in cats.get(c, [])[:3]]
    cases = []
    for k, a in enumerate(subjects):
        others = [d for d in devs if d["category"] != a["category"]]
        d = others[k % len(others)]
        lines = CHARGE if re.search(r"charg|power bank|adapter|cable",
                                    a["name"], re.I) else FIT
        ask = lines[k % len(lines)]
        dev = short(d["name"]).lower()
        ask = ask.format(dev)
        cases.append((a, d, [FIRST[k % len(FIRST)].format(a["name"]), ask,
                             PRICE[k % len(PRICE)]]))
    runs = sweeplib.replay(sd, [s for _, _, s in cases])
    compat = sweeplib.Tally("COMPAT")
    for (a, d, s), trs in zip(cases, runs):
        compat.check(trs[1].get("action") == "compatibility", s[1],
                     a["sku"], trs[1].get("action"),
                     sweeplib.clip(trs[1].get("reply", ""), 100))
    compat.done()
    tally = sweeplib.Tally("PASS")
    for (a, d, s), trs in zip(cases, runs):
        focus = (trs[1].get("state_after") or {}).get("focus") or [None]
        reply = trs[-1].get("reply", "")
        good = (focus[0] == a["sku"] and
                a["name"].lower() in reply.lower() and
                d["name"].lower() not in reply.lower())
        tally.check(good, s[1], a["sku"], d["sku"], focus[0],
                    sweeplib.clip(reply, 100))
    tally.done()


main()
