#!/usr/bin/env python3
"""Price superlative with a feature over the list shown: for every kind
of the demo catalog a list is shown ("show me <kind>"), then the
cheapest or dearest one "with" a feature is asked for, the feature a
word or two of a shown product's specifications, or of another kind's
(which none shown may list).  The reply must name the cheapest (or
dearest) of those shown whose specifications say the feature's words,
as this file reads them, or say that none of them does and name no
product; never a product that was not shown.  Prints TAP.
Usage: rankwith-sweep.py SHOPDESK PRODUCTS.jsonl"""
import json
import re
import sys

import sweeplib

SHOPDESK, PRODUCTS = sys.argv[1], sys.argv[2]
P = sweeplib.products(PRODUCTS)
BY = {p["sku"]: p for p in P}
ASK = [("cheapest one with {f}", True), ("most expensive of those with {f}",
                                          False),
       ("which is the cheapest one that has {f}?", True),
       ("ok the priciest of them w/ {f}", False)]


def spec_text(p):
    a = p.get("attrs") or {}
    if isinstance(a, str):
        a = json.loads(a)
    out = []
    for k, v in a.items():
        out.append(k.replace("_", " "))
        out += [str(x) for x in v] if isinstance(v, list) else [str(v)]
    return " ".join(out).lower()


def words(s):
    return re.findall(r"[a-z0-9]+", s.lower())


def says(p, f):
    t = " " + " ".join(words(spec_text(p))) + " "
    return " " + " ".join(words(f)) + " " in t


def features(p):
    """Attribute values of one or two words of letters: a feature."""
    a = p.get("attrs") or {}
    if isinstance(a, str):
        a = json.loads(a)
    for v in a.values():
        for x in (v if isinstance(v, list) else [v]):
            x = str(x)
            if re.fullmatch(r"[A-Za-z][A-Za-z-]+( [A-Za-z][A-Za-z-]+)?", x) \
                    and x.lower() not in ("yes", "no", "none", "true",
                                          "false"):
                yield x


kinds = {}
for p in P:
    kinds.setdefault(p.get("subcategory") or p["category"], []).append(p)
names = sorted(kinds)
sessions, meta = [], []
for n, k in enumerate(names):
    fs = [f for p in kinds[k] for f in features(p)]
    other = [f for p in kinds[names[(n + 7) % len(names)]]
             for f in features(p)]
    for m, f in enumerate(fs[:2] + other[:1]):
        q, low = ASK[(n + m) % len(ASK)]
        sessions.append(["show me " + k.replace("-", " "),
                         q.format(f=f.lower())])
        meta.append((k, f, q.format(f=f.lower()), low, m < 2))
res = sweeplib.replay(SHOPDESK, sessions)
verdicts = []
for (k, f, q, low, own), tr in zip(meta, res):
    shown = (tr[0].get("state_after") or {}).get("results") or []
    t = tr[-1]
    reply = t.get("reply", "")
    label = "%s: %s | %s" % (k, q, "")
    why = ""
    if t.get("action") != "best_of_list" or len(shown) < 2 or \
            "I just showed you" not in reply:
        # A feature of the kind's own, a list shown: ranked there.
        fit = [s for s in shown if s in BY and says(BY[s], f)]
        # (A product or kind named in the feature is read as such.)
        named_ent = any(e.get("type") in ("product", "category")
                        for e in t.get("entities") or [])
        why = ("not ranked among those shown: " + sweeplib.clip(reply, 120)
               if own and len(shown) >= 2 and fit and not named_ent
               else "")
        verdicts.append(("other: %s | %s" % (k, q), why, None))
        continue
    fit = [BY[s] for s in shown if s in BY and says(BY[s], f)]
    named = [s for s, p in BY.items() if p["name"] in reply]
    if any(s not in shown for s in named):
        why = "names a product not shown: " + sweeplib.clip(reply, 160)
    elif reply.startswith("None of"):
        if fit:
            why = "said none, but %s lists it" % fit[0]["name"]
    elif fit:
        best = (min if low else max)(p["price"] for p in fit)
        want = [p["name"] for p in fit if p["price"] == best]
        if not any(w in reply for w in want):
            why = "wanted %s: %s" % (want, sweeplib.clip(reply, 160))
    verdicts.append(("ranked: %s | %s" % (k, q), why, None))
sys.exit(sweeplib.report(verdicts))
