#!/usr/bin/env python3
"""Fits sweep: an opening request for a kind under a budget, then a
superlative over "those", over every category and every kind (sub-
category) of the demo catalog whose word is a plural noun.  The budget is
chosen from the data so that four or five products in stock fit; the
reply must list every one of them (not only the three best rated), and
the superlative that follows ("which of them is cheapest", "the priciest
of those", "which lasts longest on a charge") must pick the winner among
those fits by the data, and put it in focus.  A list that left a fit out
cannot give the right winner.  Prints TAP, one line per conversation.
Usage: fits-sweep.py SHOPDESK PRODUCTS.jsonl"""
import collections
import sys

import sweeplib

SHOPDESK, PRODUCTS = sys.argv[1], sys.argv[2]
P = sweeplib.products(PRODUCTS)
BRANDS = {p['brand'].lower() for p in P if p.get('brand')}

# Openings in several registers; {w} the kind's word, {b} the budget.
OPEN = ['any {w} under ${b}?', 'looking for {w}, max {b} dollars',
        '{w} below {b} pls', 'show me your {w} under {b}',
        'i need {w}. budget is under {b}', 'got {w} for less than ${b}']
# Superlatives over the list: (wording, key, most?)
ASK = [('which of those is cheapest', 'price', False),
       ('whats the cheapest one of them', 'price', False),
       ('and the priciest of those?', 'price', True),
       ('which of them costs the most', 'price', True),
       ('which one costs the least', 'price', False),
       ('which of those lasts longest on a charge', 'battery_hours', True),
       ('longest battery out of them?', 'battery_hours', True)]


def noun(slug):
    """The plural noun a slug ends in ("power-banks": "banks"), or None
    ("gaming", "business", "galaxy-s")."""
    last = slug.split('-')[-1]
    if (last.endswith('s') and not last.endswith('ss') and len(last) > 3
            and last not in BRANDS):
        return last
    return None


def kinds():
    """(word, members): each category whose kinds are all adjectives or
    lines (none a noun of its own, as "lenses" in cameras, nor supplies,
    as ink for printers), by its slug; and each kind whose slug ends in a
    plural noun, with the category's kinds that end in the same word
    ("keyboards" names "tablet-keyboards" too, not the other way)."""
    out = []
    cats = collections.defaultdict(list)
    subs = collections.defaultdict(list)
    for p in P:
        cats[p['category']].append(p)
        subs[(p['category'], p['subcategory'])].append(p)
    for c, ps in sorted(cats.items()):
        if noun(c) and not any(noun(p['subcategory']) or
                               'supplies' in p.get('tags', []) for p in ps):
            out.append((c, ps))
    for (c, s), ps in sorted(subs.items()):
        if noun(s) and noun(s) != c and s != 'accessories':
            out.append((s.replace('-', ' '), [
                p for p in cats[c] if p['subcategory'] == s or
                ('-' not in s and p['subcategory'].endswith('-' + s))]))
    return out


def value(p, key):
    return p['price'] if key == 'price' else p['attrs'].get(key)


CASES = []      # (label, lines, fits, winner)
for i, (word, ps) in enumerate(kinds()):
    stock = sorted((p for p in ps if p['stock'] > 0),
                   key=lambda p: p['price'])
    for k in (5, 4):
        if len(stock) < k:
            continue
        budget = int(stock[k - 1]['price']) + 1
        if len(stock) > k and stock[k]['price'] < budget:
            continue
        fits = stock[:k]
        break
    else:
        continue
    for j, (ask, key, most) in enumerate(ASK):
        vals = [value(p, key) for p in fits]
        if any(not isinstance(v, (int, float)) for v in vals):
            continue
        best = max(vals) if most else min(vals)
        if vals.count(best) != 1:
            continue
        winner = fits[vals.index(best)]
        if (i + j) % 2:         # half the kinds, each wording in turn
            continue
        opening = OPEN[(i + j) % len(OPEN)].format(w=word, b=budget)
        CASES.append(('%s: %s' % (word, ask), [opening, ask],
                      {p['sku'] for p in fits}, winner))


def listed(tr):
    return {r['id'] for r in tr.get('retrieved') or []
            if r.get('kind') == 'product' and r.get('cited')}


def main():
    tap = sweeplib.Tap()
    runs = sweeplib.replay(SHOPDESK, [c[1] for c in CASES], bail=tap.bail)
    for (label, lines, fits, winner), (t1, t2) in zip(CASES, runs):
        shown = listed(t1)
        focus = (t2.get('state_after') or {}).get('focus') or [None]
        why = ''
        if shown != fits:
            why = 'listed %s, fits %s' % (sorted(shown), sorted(fits))
        elif focus[0] != winner['sku'] or winner['name'] not in t2['reply']:
            why = 'picked %s, not %s' % (focus[0], winner['sku'])
        tap.ok(not why, label, 'list' if shown != fits else 'pick')
        if why:
            print('#   %r: %s' % (lines, why))
            print('#   %s' % sweeplib.clip(t2['reply'], 160))
    tap.plan()
    tap.kind_totals()
    return 0 if tap.passed == tap.n else 1


sys.exit(main())
