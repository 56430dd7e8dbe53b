#!/usr/bin/env python3
"""ack-sweep.py SHOPDESK SHARE [-v]: a yes, a no or an ok with a request
after it, after every kind of question the bot ends a reply with.

Each session first makes the bot ask something: the specs of a list
("would you like to see the specs?"), the offer of a person after an
upset message, which order a return is about, or the specs of a
product of every category (first product of each).  Then the customer
answers with a leading "no", "nope", "fine.", "ok", "whatever.", "never
mind," or "yes but" and a request of their own: a store question, or
the price of a product.  The reply must answer the request.  A bare
answer ("no thanks", "nope", "ok", "fine") must stay an answer to the
question (declined, or the offer taken), none of the requests' answers.  Prints one line per failure, then "CONTENT n
TOTAL" and "BARE n TOTAL"."""
import re
import sys

import sweeplib

LEADS = ["no, ", "nope ", "fine. ", "ok ", "whatever. ", "never mind, ",
         "yes but ", "no i mean "]
STORE = [("do you ship to alaska", r"50 US states|all 50 states"),
         ("can i pay with paypal", r"PayPal"),
         ("what is your return policy", r"30 days"),
         ("do your gift cards expire", r"expire"),
         ("how long does standard delivery take", r"business days?")]
BARE = ["no thanks", "nope", "ok", "fine", "nah im good", "no that's all"]
ASKED = r"PayPal|50 US states|all 50 states|30 days|expire|business days?"


def main():
    sd, share = sys.argv[1:3]
    ps = sweeplib.products(share)
    cats = sorted(sweeplib.by_category(ps))
    # What makes the bot ask: (user or None, message).
    contexts = [(None, "show me some %s" % c.replace("-", " "))
                for c in cats][:6]
    contexts += [(None, "this is so frustrating, nothing on your site "
                  "works"),
                 (None, "ugh, i am really fed up with this"),
                 ("C1050", "i want to return something"),
                 ("C1019", "i need to return an item")]
    cases = []
    k = 0
    for user, ctx in contexts:
        for lead in LEADS:
            ask, want = STORE[k % len(STORE)]
            cases.append((user, ctx, lead + ask, want))
            k += 1
    for p in sweeplib.first_of_each(ps, 1):
        lead = LEADS[k % len(LEADS)]
        cases.append((None, "show me some %s" % p["category"].replace(
            "-", " "), lead + "how much is the " + p["name"],
            re.escape(p["name"])))
        k += 1
    runs = sweeplib.replay(sd, [session(u, c, m) for u, c, m, _ in cases])
    content = sweeplib.Tally("CONTENT")
    for (u, ctx, msg, want), trs in zip(cases, runs):
        reply = trs[1].get("reply", "")
        content.check(re.search(want, reply) is not None,
                      "%s / %s" % (ctx, msg), trs[1].get("action"),
                      sweeplib.clip(reply, 90))
    content.done()
    bare = [(u, c, BARE[j % len(BARE)]) for j, (u, c) in
            enumerate(contexts)]
    runs = sweeplib.replay(sd, [session(u, c, m) for u, c, m in bare])
    answers = sweeplib.Tally("BARE")
    for (u, ctx, msg), trs in zip(bare, runs):
        tr = trs[1]
        reply = tr.get("reply", "")
        good = ((tr.get("action") == "show_specs" or
                 re.search(ASKED, reply) is None) and
                tr.get("action") in ("declined", "ack", "help_offer",
                                     "escalation_wait", "thanks",
                                     "show_specs", "escalate"))
        answers.check(good, "bare %s / %s" % (ctx, msg), tr.get("action"),
                      sweeplib.clip(reply, 90))
    answers.done()


def session(user, ctx, msg):
    """A session of its own: the question asked, then the answer."""
    return (["/user " + user] if user else []) + [ctx, msg]


main()
