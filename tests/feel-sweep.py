#!/usr/bin/env python3
"""feel-sweep.py SHOPDESK SHARE [-v]: feelings over every category.

For every category of the demo store, shopping told with some of the
customer's life first, in two wordings ("my niece starts uni in the
autumn, which <kind> would you pick", "for my daughter starting
college, <kind> please") must get no apology, and a message that is
really upset about a product of that kind ("second time my <kind> order
is late, i'm fed up") must get one.  Prints one line per failure, then
"CALM n TOTAL" and "UPSET n TOTAL"."""
import json
import os
import re
import subprocess
import sys

CALM = ["my niece starts uni in the autumn, which {} would you pick",
        "we are moving house next month and need {}",
        "my partner's birthday is coming up, thinking about {}",
        "my father retires this year and wants {}",
        "new baby on the way so we are looking at {}",
        "my old one finally gave up after years, show me {}",
        "looking for {} for my son who is starting high school",
        "for my daughter starting college, {} please",
        "my kid is off to university next month, {} ideas?",
        "buying for my grandma, she wants {} that is simple",
        "first flat of my own, need {}",
        "my old {} broke so i need new ones"]
UPSET = ["second time my {} order is late, i'm fed up",
         "the {} you sent broke after two days, really annoyed",
         "honestly the worst experience, the {} i got doesn't work at all",
         "i'm furious, nobody has answered about my {} for a week"]
# The apology (not "Sorry, I can't help with that", a refusal).
SORRY = re.compile(r"sorry (about|for)|apologi[sz]e|understand this is "
                   r"frustrating", re.I)


def replay(sd, script):
    out = subprocess.run([sd, "-q", "replay", "--json"], input=script,
                         capture_output=True, text=True, check=True).stdout
    return [json.loads(l) for l in out.splitlines() if l.startswith("{")]


def main():
    sd, share = sys.argv[1:3]
    verbose = "-v" in sys.argv[3:]
    cats = set()
    with open(os.path.join(share, "demo", "products.jsonl")) as f:
        for line in f:
            cats.add(json.loads(line)["category"])
    kinds = [c.replace("-", " ") for c in sorted(cats)]
    for label, tmpl, want in (("CALM", CALM, False), ("UPSET", UPSET, True)):
        # Two wordings a kind for calm shopping, one for upset.
        per = 2 if not want else 1
        msgs = [tmpl[(per * k + j) % len(tmpl)].format(c)
                for k, c in enumerate(kinds) for j in range(per)]
        turns = replay(sd, "".join("/new\n%s\n" % m for m in msgs))
        passed = 0
        for m, tr in zip(msgs, turns):
            said = SORRY.search(tr.get("reply", "")) is not None
            good = said == want
            passed += good
            if not good or verbose:
                print("%s %s | %s | %s" % ("ok  " if good else "FAIL", m,
                      tr.get("feeling", {}).get("label"),
                      tr.get("reply", "")[:80].replace("\n", " ")))
        print("%s %d %d" % (label, passed, len(msgs)))


main()
