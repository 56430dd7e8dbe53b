#!/usr/bin/env python3
"""swapcolour-sweep.py SHOPDESK SHARE [-v]: "swap it for the black one",
"can i get it in blue instead" of the product in focus is a request
for its family's model in that colour (the catalog's "color").

From the demo catalog, every family (the name before its bracket) whose
models differ in colour; for each ordered pair of models (A, B), after
"tell me about <A>":
  SWAP  B's colour asked for in a swap, exchange or "instead" wording
        in rotating registers: the reply names B and B takes the focus;
  NONE  a colour no model of the family has: the reply says it is not
        listed and names no model as that colour.
Prints one line per failure, then "LABEL passed total" for each."""
import re
import sys

import sweeplib

SWAP = ["swap it for the {c} one", "can i get it in {c} instead",
        "actually i'd rather have the {c} one", "exchange it for {c}?",
        "hmm switch to the {c} version pls", "i prefer the {c} one",
        "could i change it to {c}", "the {c} one instead please"]
COLOURS = ["black", "white", "blue", "red", "green", "pink", "purple",
           "yellow", "silver", "gold", "orange"]


def main():
    sd, share = sys.argv[1:3]
    ps = sweeplib.products(share)
    fams = {}
    for p in ps:
        c = (p.get("attrs") or {}).get("color")
        if c:
            fams.setdefault(sweeplib.base_name(p), []).append((p, c))
    cases = []
    k = 0
    for fam, ms in sorted(fams.items()):
        if len({c for _, c in ms}) < 2:
            continue
        for a, _ in ms:
            for b, cb in ms:
                if a is b:
                    continue
                # The word of B's colour no other model's colour has.
                words = [w for w in cb.lower().split() if not any(
                    w in c.lower().split() for _, c in ms if c != cb)]
                if not words:
                    continue
                say = SWAP[k % len(SWAP)].format(c=words[0])
                cases.append(("SWAP", a, b, ["tell me about the %s" %
                                            a["name"], say]))
                k += 1
            lacks = [c for c in COLOURS if not any(
                c in x.lower() for _, x in ms)]
            say = SWAP[k % len(SWAP)].format(c=lacks[k % len(lacks)])
            cases.append(("NONE", a, None, ["tell me about the %s" %
                                           a["name"], say]))
            k += 1
    res = sweeplib.replay(sd, [c[3] for c in cases])
    tallies = {}
    for (label, a, b, script), trs in zip(cases, res):
        tr = trs[-1]
        reply = tr["reply"]
        if label == "SWAP":
            good = (b["name"] in reply and sweeplib.focus(tr) == b["sku"])
        else:
            good = bool(re.search(r"don't list it in that colou?r", reply))
        tallies.setdefault(label, sweeplib.Tally(label)).check(
            good, a["sku"], b["sku"] if b else "-", script[-1],
            tr.get("action"), sweeplib.clip(reply, 110))
    for label in ("SWAP", "NONE"):
        tallies[label].done()


main()
