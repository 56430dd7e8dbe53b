#!/usr/bin/env python3
"""react-sweep.py SHOPDESK SHARE [-v]: reactions to the last answer.

Every kind of fact the bot states, generated from the demo store's
data, is followed by a customer's reaction that repeats it with
disbelief, in several voices ("15%?? seriously", "wait, $399?! for
that", "tuesday?! i needed it sooner"):

  price  each category's first product: "how much is the <name>";
  fee    each FAQ whose answer states a percentage or a dollar figure:
         its own question, then that figure;
  date   each shipped order of the demo customers: "where is my order
         <id>", then a weekday or "2 weeks".

The reply to the reaction must state the fact again (the figure, or the
date the first reply gave) and must not hand the customer over: a first
reaction is answered, not escalated.  A case whose first reply does not
state the fact is skipped.  Prints one line per failure, then
"<KIND> passed total" per kind."""
import json
import os
import re
import subprocess
import sys

VOICES = {
    "price": ["{f}?? for a {k}, seriously", "wait, {f}?! thats a lot",
              "{f}?? lol"],
    "fee": ["{f}?? thats insane", "{f}?! are you serious",
            "wait {f}?? on top of everything"],
    "date": ["{d}?! i needed it sooner", "2 weeks?? seriously",
             "{d}?? ugh"],
}
DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"]
FIGURE = re.compile(r"\$\d[\d,]*(?:\.\d\d)?|\d+(?:\.\d+)?%")
ISO = re.compile(r"\d{4}-\d\d-\d\d")


def money(v):
    s = "${:,.2f}".format(v)
    return s[:-3] if s.endswith(".00") else s


def replay(sd, script, user=None):
    cmd = [sd, "-q", "replay", "--json"] + (["--user", user] if user else [])
    out = subprocess.run(cmd, input=script, capture_output=True, text=True,
                         check=True).stdout
    return [json.loads(l) for l in out.splitlines() if l.startswith("{")]


def cases(share):
    """(kind, user, first message, fact as the reply must state it,
    figure as the customer says it)."""
    seen = set()
    with open(os.path.join(share, "demo", "products.jsonl")) as f:
        for line in f:
            p = json.loads(line)
            if p.get("type", "product") != "product" or \
                    p["category"] in seen:
                continue
            seen.add(p["category"])
            fig = money(p["price"])
            yield ("price", None, "how much is the %s" % p["name"], fig,
                   fig, p["category"].replace("-", " "))
    with open(os.path.join(share, "demo", "faq.jsonl")) as f:
        for line in f:
            q = json.loads(line)
            m = FIGURE.search(q.get("answer", ""))
            if m:
                yield ("fee", None, q["question"], m.group(0), m.group(0),
                       "")
    with open(os.path.join(share, "demo", "orders.json")) as f:
        orders = json.load(f)["orders"]
    for o in orders:
        if o.get("status") == "shipped":
            yield ("date", o["customer_id"], "where is my order %s" %
                   o["id"], None, None, "")


def main():
    sd, share = sys.argv[1:3]
    verbose = "-v" in sys.argv[3:]
    tally = {}
    n = 0
    # One replay per customer (one for the guests): the cases in turn.
    groups = {}
    for kind, user, first, fact, fig, k in cases(share):
        for v in VOICES[kind]:
            n += 1
            said = v.format(f=fig, k=k, d=DAYS[n % len(DAYS)])
            groups.setdefault(user, []).append((kind, first, fact, said))
    for user, cs in groups.items():
        script = "".join("/new\n%s\n%s\n" % (c[1], c[3]) for c in cs)
        turns = replay(sd, script, user)
        for i, (kind, first, fact, said) in enumerate(cs):
            if 2 * i + 1 >= len(turns):
                break
            r0 = turns[2 * i].get("reply", "")
            r1 = turns[2 * i + 1].get("reply", "")
            want = fact
            if kind == "date":
                m = ISO.search(r0)
                want = m.group(0) if m else None
            if want is None or want not in r0:
                continue        # the bot never stated the fact
            why = ""
            if want not in r1:
                why = "fact not stated again"
            elif turns[2 * i + 1].get("escalated"):
                why = "escalated on a first reaction"
            t = tally.setdefault(kind, [0, 0])
            t[1] += 1
            t[0] += not why
            if why or verbose:
                print("%s %s | %s | %s | %s" % ("FAIL" if why else "ok  ",
                      first, said, why, r1[:100].replace("\n", " ")))
    for kind in ("price", "fee", "date"):
        t = tally.get(kind, [0, 0])
        print("%s %d %d" % (kind.upper(), t[0], t[1]))


main()
