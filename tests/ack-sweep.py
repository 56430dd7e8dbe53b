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
import json
import os
import re
import subprocess
import sys

LEADS = ["no, ", "nope ", "fine. ", "ok ", "whatever. ", "never mind, ",
         "yes but ", "no i mean "]
STORE = [("do you ship to alaska", r"50 US states"),
         ("can i pay with paypal", r"PayPal"),
         ("what is your return policy", r"30 days"),
         ("do your gift cards expire", r"expire"),
         ("how long does standard delivery take", r"business days?")]
BARE = ["no thanks", "nope", "ok", "fine", "nah im good", "no that's all"]
ASKED = r"PayPal|50 US states|30 days|expire|business days?"


def replay(sd, script):
    out = subprocess.run([sd, "-q", "replay", "--json"], input=script,
                         capture_output=True, text=True, check=True).stdout
    return [json.loads(l) for l in out.splitlines() if l.startswith("{")]


def main():
    sd, share = sys.argv[1:3]
    verbose = "-v" in sys.argv[3:]
    by_cat = {}
    with open(os.path.join(share, "demo", "products.jsonl")) as f:
        for line in f:
            p = json.loads(line)
            by_cat.setdefault(p["category"], []).append(p)
    firsts = [by_cat[c][0] for c in sorted(by_cat)]
    # What makes the bot ask: (user or None, message).
    contexts = [(None, "show me some %s" % c.replace("-", " "))
                for c in sorted(by_cat)][:6]
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
    for p in firsts:
        lead = LEADS[k % len(LEADS)]
        cases.append((None, "show me some %s" % p["category"].replace(
            "-", " "), lead + "how much is the " + p["name"],
            re.escape(p["name"])))
        k += 1
    script = "".join("/new\n%s%s\n%s\n" % (
        "/user %s\n" % u if u else "", c, m) for u, c, m, _ in cases)
    turns = replay(sd, script)
    if len(turns) != 2 * len(cases):
        sys.exit("%d turns for %d cases" % (len(turns), len(cases)))
    passed = 0
    for i, (u, ctx, msg, want) in enumerate(cases):
        reply = turns[2 * i + 1].get("reply", "")
        good = re.search(want, reply) is not None
        passed += good
        if not good or verbose:
            print("%s %s / %s | %s | %s" % (
                "ok  " if good else "FAIL", ctx, msg,
                turns[2 * i + 1].get("action"),
                reply[:90].replace("\n", " ")))
    print("CONTENT %d %d" % (passed, len(cases)))
    bare = [(u, c, BARE[j % len(BARE)]) for j, (u, c) in
            enumerate(contexts)]
    script = "".join("/new\n%s%s\n%s\n" % (
        "/user %s\n" % u if u else "", c, m) for u, c, m in bare)
    turns = replay(sd, script)
    passed = 0
    for i, (u, ctx, msg) in enumerate(bare):
        tr = turns[2 * i + 1]
        reply = tr.get("reply", "")
        good = ((tr.get("action") == "show_specs" or
                 re.search(ASKED, reply) is None) and
                tr.get("action") in ("declined", "ack", "help_offer",
                                     "escalation_wait", "thanks",
                                     "show_specs", "escalate"))
        passed += good
        if not good or verbose:
            print("%s bare %s / %s | %s | %s" % (
                "ok  " if good else "FAIL", ctx, msg, tr.get("action"),
                reply[:90].replace("\n", " ")))
    print("BARE %d %d" % (passed, len(bare)))


main()
