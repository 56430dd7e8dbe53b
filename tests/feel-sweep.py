#!/usr/bin/env python3
"""feel-sweep.py SHOPDESK SHARE [-v]: feelings over every category.

For every category of the demo store, shopping told with some of the
customer's life first, in two wordings ("my niece starts uni in the
autumn, which <kind> would you pick", "for my daughter starting
college, <kind> please") must get no apology, and a message that is
really upset about a product of that kind ("second time my <kind> order
is late, i'm fed up") must get one.  Prints one line per failure, then
"CALM n TOTAL" and "UPSET n TOTAL"."""
import re
import sys

import sweeplib

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


def main():
    sd, share = sys.argv[1:3]
    cats = sweeplib.by_category(sweeplib.products(share))
    kinds = [c.replace("-", " ") for c in sorted(cats)]
    for label, tmpl, want in (("CALM", CALM, False), ("UPSET", UPSET, True)):
        # Two wordings a kind for calm shopping, one for upset.
        per = 2 if not want else 1
        msgs = [tmpl[(per * k + j) % len(tmpl)].format(c)
                for k, c in enumerate(kinds) for j in range(per)]
        runs = sweeplib.replay(sd, [[m] for m in msgs])
        tally = sweeplib.Tally(label)
        for m, (tr,) in zip(msgs, runs):
            said = SORRY.search(tr.get("reply", "")) is not None
            tally.check(said == want, m, tr.get("feeling", {}).get("label"),
                        sweeplib.clip(tr.get("reply", ""), 80))
        tally.done()


main()
