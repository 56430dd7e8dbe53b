#!/usr/bin/env python3
"""Feature-name sweep: every phrase of two or more words the demo
catalog's specifications or tags say ("Google Assistant", "alexa
built-in", "voice control"), asked about after a list of its kind in
several phrasings ("cheapest one with X", "which of them has x?", "any
w/ X"), must not hand the customer to a person: a feature whose name
holds a word a request for one uses ("assistant", "support") is a
product's feature.  Control cases say the same feature with a word for
a person ("X is fine but let me talk to a real person") and must hand
over.  Prints TAP.  Usage: featname-sweep.py SHOPDESK PRODUCTS.jsonl"""
import json
import re
import sys

import sweeplib

SHOPDESK, PRODUCTS = sys.argv[1], sys.argv[2]
P = sweeplib.products(PRODUCTS)
STOP = {"the", "a", "an", "of", "and", "or", "with", "for", "to", "in",
        "on", "up", "via", "per", "not", "no", "is", "by", "at"}

ASKS = ["cheapest one with {f}", "which of them has {f}?",
        "any w/ {f}", "i need {f}, which one", "ok so the one that has {f}"]
PERSON = ["{f} is fine but let me talk to a real person",
          "forget {f}, get me a human"]


def phrases(p):
    """Two-word runs of content words in the product's attribute values
    and tags, as the catalog writes them."""
    attrs = p.get("attrs") or {}
    if isinstance(attrs, str):
        attrs = json.loads(attrs)
    texts = list(p.get("tags") or [])
    for v in attrs.values():
        texts += [str(x) for x in v] if isinstance(v, list) else [str(v)]
    out = []
    for t in texts:
        for seg in re.split(r'[,;()\[\]"/:.]', t):
            w = re.findall(r"[A-Za-z0-9]+", seg)
            for i in range(len(w) - 1):
                a, b = w[i], w[i + 1]
                if (a.lower() in STOP or b.lower() in STOP or len(a) < 2
                        or len(b) < 2 or a.isdigit() or b.isdigit()):
                    continue
                out.append("%s %s" % (a, b))
    return out


# One phrase per kind and feature; a kind is shown by its subcategory.
seen, cases = set(), []
for p in P:
    kind = (p.get("subcategory") or p["category"]).replace("-", " ")
    for f in phrases(p):
        key = (kind, f.lower())
        if key in seen:
            continue
        seen.add(key)
        cases.append((kind, f))
# Phrases that hold a word of a request for a person come first; then
# every tenth other one, so the sweep stays short.
CUE = re.compile(r"\b(assist\w*|support\w*|help\w*|service|agent|call\w*|"
                 r"chat|live|contact|talk|voice)\b", re.I)
cue = [c for c in cases if CUE.search(c[1])]
rest = [c for c in cases if not CUE.search(c[1])][::10]
sessions, meta = [], []
for n, (kind, f) in enumerate(cue + rest):
    ask = ASKS[n % len(ASKS)].format(f=f if n % 2 else f.lower())
    sessions.append(["show me " + kind, ask])
    meta.append(("feature" if (kind, f) in cue else "other", kind, f, ask,
                 False))
for n, (kind, f) in enumerate(cue):
    ask = PERSON[n % len(PERSON)].format(f=f.lower())
    sessions.append(["show me " + kind, ask])
    meta.append(("person", kind, f, ask, True))
res = sweeplib.replay(SHOPDESK, sessions)
verdicts = []
for (label, kind, f, ask, want), tr in zip(meta, res):
    t = tr[-1]
    handed = bool(t.get("escalated")) or t.get("action") == "escalate"
    why = ""
    if handed != want:
        why = ("handed to a person" if handed else
               "no hand-over") + ": " + sweeplib.clip(t.get("reply", ""), 120)
    verdicts.append(("%s: %s | %s" % (label, kind, ask), why, None))
sys.exit(sweeplib.report(verdicts))
