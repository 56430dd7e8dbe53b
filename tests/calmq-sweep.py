#!/usr/bin/env python3
"""calmq-sweep.py SHOPDESK SHARE [-v]: no apology for a plain question.

For two products of every category of the demo store, a plain store
question (stock, price, warranty, delivery, returns fee, gift, colour)
in several registers (polite, terse, chatty, follow-up fragment, typos)
must get no apology: nothing in it says a feeling or a problem.  The
same products told with a problem the customer suffers (broken, late,
wrong item, charged twice) or with the feeling in words must get one.
Each message opens a session of its own.  Prints one line per failure,
then "CALM n TOTAL" and "UPSET n TOTAL"."""
import re
import sys

import sweeplib

CALM = ["is the {} in stock?",
        "hi there, could you tell me what warranty comes with the {}",
        "and the {}, does it ship free",
        "what colours does the {} come in",
        "hw long does delivry take for the {}",
        "quick one: can i return the {} if it's been opened",
        "and is the {} covered abroad",
        "getting my dad the {}, can it be gift wrapped",
        "same order had the {}, that too",
        "so the {}, can it go to a po box",
        "wait, does the {} come with a charger",
        "my sister is stationed overseas, can the {} ship to her",
        "what about the {}, any fee to send it back",
        "ok and the {}, standard shipping free?"]
UPSET = ["the {} arrived broken, really annoyed",
         "my {} order is late again, this is ridiculous",
         "you sent me the wrong item instead of the {}, fed up",
         "i was charged twice for the {} and nobody answers, unacceptable",
         "the {} stopped working after a week, so frustrating"]
# The apology (not "Sorry, I can't help with that", a refusal).
SORRY = re.compile(r"sorry (about|for)|apologi[sz]e|understand this is "
                   r"frustrating", re.I)


def main():
    sd, share = sys.argv[1:3]
    ps = sweeplib.first_of_each(sweeplib.products(share), 2)
    names = [p["name"] for p in ps]
    for label, tmpl, want in (("CALM", CALM, False), ("UPSET", UPSET, True)):
        # Every calm question for every product; one upset message each.
        if want:
            msgs = [tmpl[k % len(tmpl)].format(n)
                    for k, n in enumerate(names)]
        else:
            msgs = [t.format(n) for t in tmpl for n in names]
        runs = sweeplib.replay(sd, [[m] for m in msgs])
        tally = sweeplib.Tally(label)
        for m, (tr,) in zip(msgs, runs):
            said = SORRY.search(tr.get("reply", "")) is not None
            tally.check(said == want, m, tr.get("feeling", {}).get("label"),
                        sweeplib.clip(tr.get("reply", ""), 80))
        tally.done()


main()
