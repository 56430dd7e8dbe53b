#!/usr/bin/env python3
"""feature-sweep.py SHOPDESK PRODUCTS [-v]: yes-or-no questions about one
feature of one product, over the whole catalog, generated from the data.

For every product and every attribute whose value lists things ("HDMI
2.0, DisplayPort 1.4", "print, scan, copy, fax"), a thing it lists (the
answer is yes, with that thing) and a thing another product of its kind
lists under the same attribute that it does not (the answer is no, with
what it lists instead); for every attribute that is a plain yes or no
("mopping": "yes"), that; for every product with colours, a colour it
comes in and one a product of its kind comes in and it does not.  Each
question is asked in one of several phrasings: the product named in the
question, or shown first and then pointed at ("does it...", a fragment
"usb-c?"), in a session of its own.  A reply passes when it is about
that product, says yes or no as the data does and states the value that
backs it; it never takes an action (a cart, an order).
Prints one line per failure and "PASS n TOTAL" last."""
import json
import re
import sys

import sweeplib

# The phrasings: (first message or None, question); {n} is the name,
# {f} the feature.
PHRASES = [
    (None, "does the {n} have {f}?"),
    ("tell me about the {n}", "does it have {f}"),
    ("show me the {n}", "ok and does it support {f}?"),
    ("i'm looking at the {n}", "is there {f} on it"),
    ("tell me about the {n}", "{f}?"),
    (None, "hi! quick question, does the {n} do {f}"),
]
COLOUR = [
    ("tell me about the {n}", "does it come in {f}?"),
    (None, "is the {n} available in {f}"),
]
# Attributes that are no list of features, and the colour (asked apart).
SKIP_KEYS = {"color", "compatible_with", "works_with", "compatibility",
             "battery_life", "description", "includes", "redeemable",
             "delivery", "expiry", "camera", "chip", "cpu", "gpu",
             "storage", "screen", "bulbs", "sensor", "video", "lens",
             "users", "devices", "platform", "renewal", "ink_included",
             "yield_pages", "runtime", "range", "flight_time", "resolution",
             "gaming", "panel", "material", "capacity", "interface",
             "case", "bezel", "install", "ram", "network", "bays", "power",
             "output", "length", "cable", "charging", "stand", "ring"}


def norm(s):
    return re.sub(r"[^a-z0-9]+", "", s.lower())


def items(value):
    """The things a listing value names, each as written."""
    if not isinstance(value, str) or not re.search(r"[,/]", value):
        return []
    out = []
    for part in re.split(r",|/|\band\b", re.sub(r"\([^)]*\)", "", value)):
        part = part.strip()
        words = part.split()
        if (not part or len(words) > 2 or not re.search("[A-Za-z]", part)
                or re.match(r"^(no|not|up|about|x)\b", part, re.I)
                or re.search(r"\d+ ?x\b", part, re.I) or len(norm(part)) < 3):
            continue
        out.append(part)
    return out


def has(value, item):
    return norm(item) in norm(str(value))


def cases_for(products):
    by_cat = sweeplib.by_category(products)
    cases = []
    k = 0
    for cat in sorted(by_cat):
        ps = by_cat[cat]
        for p in ps:
            attrs = p.get("attrs") or {}
            for key in sorted(attrs):
                if key in SKIP_KEYS or key.endswith(("_hours", "_in", "_hz",
                                                      "_kg", "_mah", "_wh",
                                                      "_gb", "_ohm")):
                    continue
                v = attrs[key]
                if isinstance(v, str) and v.lower() in ("yes", "no"):
                    f = key.replace("_", " ")
                    cases.append((p, f, v.lower() == "yes", v, PHRASES[k % 6]))
                    k += 1
                    continue
                mine = items(v)
                if mine:
                    f = mine[k % len(mine)]
                    cases.append((p, f, True, f, PHRASES[k % 6]))
                    k += 1
                # A thing a sibling lists under this key that p lacks.
                other = [i for q in ps if q is not p
                         for i in items((q.get("attrs") or {}).get(key))
                         if not has(v, i) and not has(p["name"], i)
                         and not has(p.get("description", ""), i)
                         and not has(p.get("review_summary", ""), i)]
                if other and isinstance(v, str) and re.search(r"[,/;+]", v):
                    f = sorted(set(other))[k % len(set(other))]
                    cases.append((p, f, False, items(v)[0] if items(v)
                                  else v, PHRASES[k % 6]))
                    k += 1
            col = attrs.get("color")
            if isinstance(col, str):
                cases.append((p, col.lower(), True, col, COLOUR[k % 2]))
                k += 1
                others = sorted({(q.get("attrs") or {}).get("color")
                                 for q in ps if isinstance(
                                     (q.get("attrs") or {}).get("color"), str)}
                                - {col})
                if others:
                    f = others[k % len(others)]
                    if not has(col, f):
                        cases.append((p, f.lower(), False, col, COLOUR[k % 2]))
                        k += 1
    return cases


def judge(p, feature, yes, backing, tr):
    reply = tr.get("reply") or ""
    low = reply.lower()
    act = tr.get("action") or ""
    if act in ("cart_add", "add_to_cart", "checkout", "order") or \
            "your cart" in low:
        return "took an action"
    if p["sku"] not in json.dumps(tr.get("citations") or []) and \
            p["name"].lower() not in low:
        return "about another product"
    if yes and not re.match(r"^(yes|it does|it has)\b", low):
        return "no yes"
    if not yes and not re.match(r"^(no|we don't|not)\b", low) and \
            "don't list" not in low:
        return "no no"
    if not has(reply, backing):
        return "no backing value (%s)" % backing
    return ""


def main():
    sd, path = sys.argv[1:3]
    cases = cases_for(sweeplib.products(path))
    runs = sweeplib.replay(sd, [
        ([first.format(n=p["name"], f=f)] if first else []) +
        [q.format(n=p["name"], f=f)]
        for p, f, yes, backing, (first, q) in cases])
    answered = sweeplib.Tally("PASS")
    for (p, f, yes, backing, (first, q)), trs in zip(cases, runs):
        why = judge(p, f, yes, backing, trs[-1])
        answered.check(not why, q.format(n=p["name"], f=f),
                       "yes" if yes else "no", why,
                       sweeplib.clip(trs[-1].get("reply") or "", 100))
    answered.done()


main()
