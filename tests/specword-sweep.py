#!/usr/bin/env python3
"""Spec-word sweep: a specification asked in a shopper's words for it,
not the catalog's key, of the product in focus, must be answered with
that specification's value:

  coverage  "how big a house does it cover" of every product whose
            listing states a coverage: the reply holds its number;
  weight    "how many pounds is it" / "how much does it weigh" of
            every product stating a weight: the reply holds its number;
  upgrade   "can i add more ram later" of every product whose manual
            has a section on upgrading: the reply quotes that section,
            not the amount the product ships with.

Prints TAP.  Usage: specword-sweep.py SHOPDESK SHARE"""
import os
import re
import sys

import sweeplib

SHOPDESK, SHARE = sys.argv[1], sys.argv[2]
P = sweeplib.products(SHARE)

COVER = ["how big a house does it cover", "how big a house does that one cover",
         "it covers how big a house?"]
WEIGH = ["how many pounds is it", "how much does it weigh"]


def number(v):
    """The first number the value states, as the catalog writes it."""
    m = re.search(r"[0-9][0-9,.]*", str(v))
    return m.group(0).rstrip(".,") if m else None


def same_number(want, reply):
    """Does reply state the number want, written another way ("4.0" as
    "4")?"""
    w = float(want.replace(",", ""))
    return any(float(x.replace(",", "")) == w
               for x in re.findall(r"[0-9][0-9,]*(?:\.[0-9]+)?", reply))


def upgrade_sections():
    """(sku, first sentence) of each manual section on upgrading."""
    out = []
    d = os.path.join(SHARE, "demo", "manuals")
    for f in sorted(os.listdir(d)):
        text = open(os.path.join(d, f)).read()
        m = re.search(r"^product_sku: *(\S+)", text, re.M)
        s = re.search(r"^## [^\n]*[Uu]pgrad[^\n]*\n+([^\n.]+)", text, re.M)
        if m and s:
            out.append((m.group(1), s.group(1)[:40]))
    return out


sessions, meta = [], []
for p in P:
    attrs = p.get("attrs") or {}
    if attrs.get("coverage") and number(attrs["coverage"]):
        n = len(meta)
        sessions.append(["tell me about the " + p["name"],
                         COVER[n % len(COVER)]])
        meta.append(("coverage", p["sku"], number(attrs["coverage"])))
    for k in ("weight_kg", "weight_g", "weight"):
        if attrs.get(k) and number(attrs[k]):
            n = len(meta)
            sessions.append(["tell me about the " + p["name"],
                             WEIGH[n % len(WEIGH)]])
            meta.append(("weight", p["sku"], number(attrs[k])))
            break
names = {p["sku"]: p["name"] for p in P}
for sku, first in upgrade_sections():
    sessions.append(["tell me about the " + names[sku],
                     "can i add more ram later"])
    meta.append(("upgrade", sku, first))
res = sweeplib.replay(SHOPDESK, sessions)
verdicts = []
for (kind, sku, want), s, tr in zip(meta, sessions, res):
    reply = tr[-1].get("reply", "")
    why = ""
    if want not in reply and not (kind != "upgrade" and
                                  same_number(want, reply)):
        why = "no %r: %s" % (want, sweeplib.clip(reply, 140))
    verdicts.append(("%s: %s | %s" % (kind, sku, s[-1]), why, None))
sys.exit(sweeplib.report(verdicts))
