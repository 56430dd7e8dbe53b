#!/usr/bin/env python3
"""Cheapest-with sweep: a superlative keeps every filter said with it.
From the demo catalog:

  spec    "whats your cheapest 4k <kind>", "cheapest <N> inch <kind>",
          "cheapest <hz>hz <kind>" for each category whose products state
          resolution, screen size or refresh rate, where the cheapest of
          the kind does not meet it: the product put first must meet it
          and be the cheapest in stock that does;
  brand   "cheapest <brand> <kind>" for each brand with products in
          several categories: the cheapest in stock of that brand and
          that kind, never a product of another kind.

The product meant is the turn's focus (its trace).  Prints TAP.
Usage: cheapwith-sweep.py SHOPDESK PRODUCTS.jsonl"""
import re
import sys

import sweeplib
from sweeplib import focus, in_stock, stem

SHOPDESK, PRODUCTS = sys.argv[1], sys.argv[2]
P = {p['sku']: p for p in sweeplib.products(PRODUCTS)}
CATS = sweeplib.by_category(P.values())


def attr(p, k):
    return (p.get('attrs') or {}).get(k)


def num(x):
    m = re.search(r'\d+(\.\d+)?', str(x)) if x is not None else None
    return float(m.group(0)) if m else None


def is4k(p):
    return '3840' in str(attr(p, 'resolution') or '') or \
        '4k' in str(attr(p, 'resolution') or '').lower()


CASES = []      # (label, text, judge(trace) -> '' or why)


def cheapest_of(label, text, ok):
    def judge(tr, ok=ok):
        f = focus(tr)
        if f is None:
            return 'no product (%s: %s)' % (tr.get('action'),
                                            sweeplib.clip(tr.get('reply', ''), 80))
        p = P[f]
        if not ok(p):
            return '%s does not meet it' % p['name']
        cheaper = [q for q in P.values() if ok(q) and in_stock(q) and
                   q['price'] < p['price']]
        if cheaper:
            return '%s, but %s is cheaper' % (p['name'], cheaper[0]['name'])
        return ''
    CASES.append((label, text, judge))


for cat, ps in sorted(CATS.items()):
    stock = [p for p in ps if in_stock(p)]
    if not stock:
        continue
    low = min(stock, key=lambda p: p['price'])
    kind = stem(cat)
    if any(is4k(p) for p in stock) and not is4k(low):
        cheapest_of('spec: cheapest 4k %s' % kind,
                    'whats your cheapest 4k %s' % kind,
                    lambda p, c=cat: p['category'] == c and is4k(p))
    sizes = sorted(set(round(num(attr(p, 'screen_size_in')))
                       for p in stock if num(attr(p, 'screen_size_in'))))
    for n in [s for s in sizes if s != round(num(attr(low,
              'screen_size_in')) or 0)][-2:]:
        cheapest_of('spec: cheapest %d inch %s' % (n, kind),
                    'cheapest %d inch %s you have?' % (n, kind),
                    lambda p, c=cat, n=n: p['category'] == c and
                    round(num(attr(p, 'screen_size_in')) or 0) == n)
    hz = [num(attr(p, 'refresh_hz')) for p in stock
          if num(attr(p, 'refresh_hz'))]
    if hz and 144 <= max(hz) and (num(attr(low, 'refresh_hz')) or 0) < 144:
        cheapest_of('spec: cheapest 144hz %s' % kind,
                    'which is the cheapest 144hz %s' % kind,
                    lambda p, c=cat: p['category'] == c and
                    (num(attr(p, 'refresh_hz')) or 0) >= 144)

brands = {}
for p in P.values():
    if in_stock(p):
        brands.setdefault(p['brand'], set()).add(p['category'])
for b, cats in sorted(brands.items()):
    if len(cats) < 2:
        continue
    for cat in sorted(cats)[:2]:
        cheapest_of('brand: cheapest %s %s' % (b, stem(cat)),
                    'cheapest %s %s' % (b.lower(), stem(cat)),
                    lambda p, b=b, c=cat: p['brand'] == b and
                    p['category'] == c)

traces = sweeplib.replay(SHOPDESK, [[t] for _, t, _ in CASES])
sys.exit(sweeplib.report([(label, judge(tr[-1]), text)
                          for (label, text, judge), tr in
                          zip(CASES, traces)]))
