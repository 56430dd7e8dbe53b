#!/usr/bin/env python3
"""suit-sweep.py SHOPDESK SHARE [-v]: "is the <product> any good for X".

For every category of the demo store, its first products are asked
whether they suit a purpose built from a word of their own listing (a
word of a sentence of the description or of the owners' review summary
that is no part of the name: "is the Sony ZV-E10 any good for
vlogging"), in several phrasings.  The reply must quote a sentence of
that listing holding the word.  A purpose no listing of the catalog
speaks of ("for juggling") must get a reply that says the listing is
silent and quotes nothing made up: every sentence after the product's
name is one of its listing's.  Prints one line per failure, then
"SAID passed total" and "SILENT passed total"."""
import json
import os
import re
import subprocess
import sys

PHRASES = ["is the {n} any good for {p}?", "would the {n} suit {p}",
           "{n}, good for {p}?", "is the {n} worth it for {p}?"]
PER_KIND = 2
# Words that say nothing of a purpose (the sweep's own pick, not the
# engine's: any listing word it could pick must be answerable).
DULL = set("""about after also before being between both could every
first from have into like more most much only other over some such than
that their them then there these they this those through under very
what when where which while with would your price customer customers
reviews review owners buyers reviewers common complaint complaints
criticism negatives downside mention mentions single point typically
report rate rated happy love praise overall several repeat gift
purchases across""".split())
SENT = re.compile(r"(?<=[.!?])\s+")
WORD = re.compile(r"[a-z]+")


def replay(sd, script):
    out = subprocess.run([sd, "-q", "replay", "--json"], input=script,
                         capture_output=True, text=True, check=True).stdout
    return [json.loads(l) for l in out.splitlines() if l.startswith("{")]


def short_name(p):
    return re.sub(r"\s*\(.*?\)", "", p["name"]).strip()


def purpose(p):
    """A word of the listing's first sentences, not of the name."""
    name = set(WORD.findall(p["name"].lower()))
    name |= set(WORD.findall(p.get("brand", "").lower()))
    for text in (p["description"], p["review_summary"]):
        for s in SENT.split(text):
            for w in WORD.findall(s.lower()):
                if len(w) >= 6 and w not in DULL and w not in name:
                    return w
    return None


def sentences(p):
    return [s.strip() for t in (p["description"], p["review_summary"])
            for s in SENT.split(t) if s.strip()]


def main():
    sd, share = sys.argv[1:3]
    verbose = "-v" in sys.argv[3:]
    kinds = {}
    with open(os.path.join(share, "demo", "products.jsonl")) as f:
        for line in f:
            p = json.loads(line)
            if p.get("type", "product") == "product" and \
                    len(kinds.setdefault(p["category"], [])) < PER_KIND:
                kinds[p["category"]].append(p)
    cases = []
    k = 0
    for cat in sorted(kinds):
        for p in kinds[cat]:
            w = purpose(p)
            if w is None:
                continue
            cases.append(("SAID", p, w, PHRASES[k % len(PHRASES)]))
            k += 1
        cases.append(("SILENT", kinds[cat][0], "juggling",
                      PHRASES[k % len(PHRASES)]))
    # The short name where it is one product's alone, else the full one.
    shorts = {}
    with open(os.path.join(share, "demo", "products.jsonl")) as f:
        for line in f:
            q = json.loads(line)
            shorts[short_name(q)] = shorts.get(short_name(q), 0) + 1
    msgs = [ph.format(n=short_name(p) if shorts[short_name(p)] == 1 else
                      p["name"], p=w) for _, p, w, ph in cases]
    turns = replay(sd, "".join("/new\n%s\n" % m for m in msgs))
    tally = {"SAID": [0, 0], "SILENT": [0, 0]}
    for (label, p, w, _), m, tr in zip(cases, msgs, turns):
        reply = tr.get("reply", "")
        own = sentences(p)
        quoted = [s for s in own if s in reply]
        if label == "SAID":
            good = any(re.search(r"\b%s" % w, s.lower()) for s in quoted)
        else:
            # Silent: said so, and nothing but the listing's sentences.
            rest = reply
            for s in quoted:
                rest = rest.replace(s, "")
            good = "doesn't say" in reply and \
                not re.search(r"[0-9]", rest.replace(p["name"], ""))
        tally[label][1] += 1
        tally[label][0] += good
        if not good or verbose:
            print("%s %s | %s | %s" % ("ok  " if good else "FAIL", m,
                  p["sku"], reply[:110].replace("\n", " ")))
    for label in ("SAID", "SILENT"):
        print("%s %d %d" % (label, tally[label][0], tally[label][1]))


main()
