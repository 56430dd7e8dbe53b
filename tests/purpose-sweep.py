#!/usr/bin/env python3
"""purpose-sweep.py SHOPDESK SHARE_DEMO_DIR: products named loosely, by
what they are for, by a budget, or as what the customer has.  Generated
from the demo store:

  verb     "need a <kind> to watch the <thing>": "watch" used as a verb
           beside another kind word picks no kind; the reply is about
           the kind said (the focus after the turn is of its category);
  budget   "need a <kind> under <budget>" for a kind word that heads
           kinds of two categories ("camera": the cameras category and
           smart-home cameras) where only one of them has something in
           stock within the budget: the product shown is of that one
           and within it;
  family   "quick question about the <family>, what specs does it have?" by
           a signed-in customer who has exactly one of the family's
           products (an order not cancelled or refunded) and no other
           of it: theirs, not the catalog's best;
  mine     "can my <brand> <kind> work with a <other kind>?" or "my new
           <brand> <kind>, does it work with a <other kind>?" by a
           customer whose orders hold exactly one product of that brand
           and kind: the reply is about theirs, not a list of the other
           kind.

Prints "KIND passed total" for the .t's floors and a FAIL line for each
case that fails."""
import json
import math
import re
import subprocess
import sys

import sweeplib

SHOPDESK, DEMO = sys.argv[1], sys.argv[2]
PS = sweeplib.products(DEMO + '/products.jsonl')
P = {p['sku']: p for p in PS}
ORDERS = json.load(open(DEMO + '/orders.json'))['orders']
CARTS = json.load(open(DEMO + '/carts.json'))['carts']
GONE = ('cancelled', 'refunded')
THINGS = ["baby room", "front door", "kids", "garden"]


def words(s):
    return re.findall(r"[a-z0-9]+", s.lower())


def nlu(lines):
    """The entities the extractor reads in each line: [(type, value)]."""
    out = subprocess.run([SHOPDESK, '-q', 'nlu'], text=True,
                         capture_output=True,
                         input=''.join(x + '\n' for x in lines))
    ents, cur = {}, None
    for ln in out.stdout.splitlines():
        if not ln.startswith(' '):
            cur = ln
            ents[cur] = []
        elif ln.split()[:1] == ['entity'] and cur is not None:
            f = ln.split()
            ents[cur].append((f[1], f[2].lower()))
    return ents


def kind_words(p):
    return {sweeplib.stem((p.get('subcategory') or '').split('-')[-1]),
            sweeplib.stem(p['category'])}


CASES = []      # (kind, customer or None, lines, want)

# verb: every kind word the extractor reads alone as a category.
allw = sorted({w for p in PS for w in kind_words(p) if len(w) > 2})
alone = nlu(['the %s' % w for w in allw])
cat_of = {}
for w in allw:
    e = [v for t, v in alone.get('the %s' % w, []) if t == 'category']
    if e and len(alone['the %s' % w]) == 1:
        cat_of[w] = e[0]
for i, w in enumerate(sorted(cat_of)):
    if cat_of[w] == 'wearables':
        continue
    CASES.append(('verb', None, ['need a %s to watch the %s' %
                                 (w, THINGS[i % len(THINGS)])], cat_of[w]))

# budget: a kind word heading kinds of two categories or more.
heads = {}
for p in PS:
    for w in kind_words(p):
        if w in cat_of:
            heads.setdefault(w, {}).setdefault(p['category'], []).append(p)
for w, cats in sorted(heads.items()):
    if len(cats) < 2 or w.endswith('ing'):   # "gaming" names no thing
        continue
    low = {c: min([p['price'] for p in v if sweeplib.in_stock(p)] or
                  [math.inf]) for c, v in cats.items()}
    for c in sorted(cats):
        others = min(low[o] for o in cats if o != c)
        if low[c] == math.inf or others <= low[c] + 2:
            continue
        budget = int(low[c]) + 1
        CASES.append(('budget', None, ['need a %s under %d' % (w, budget)],
                      (c, budget)))

# The customers' items: every one ever ordered, those still theirs.
ALL, HAVE = {}, {}
for o in ORDERS:
    for it in o['items']:
        if it['sku'] in P:
            ALL.setdefault(o['customer_id'], set()).add(it['sku'])
            if o['status'] not in GONE:
                HAVE.setdefault(o['customer_id'], set()).add(it['sku'])
for c in CARTS:
    ALL.setdefault(c['customer_id'], set()).update(
        it.get('sku') for it in c.get('items', []) if it.get('sku') in P)

# family: a word of a product's name the extractor reads as a family.
fw = sorted({w for p in PS for w in words(sweeplib.base_name(p))
             if w.isalpha() and len(w) > 3 and
             w not in words(p.get('brand') or '')})
fam = nlu(['the %s' % w for w in fw])


def leads(w, p):
    """Is w the first word of p's name after its brand?"""
    n = [x for x in words(sweeplib.base_name(p))
         if x not in words(p.get('brand') or '')]
    return n[:1] == [w]


FAM = {w: [p['sku'] for p in PS if leads(w, p)]
       for w in fw if fam.get('the %s' % w) == [('product', w)]}
for cust in sorted(HAVE):
    for w, members in sorted(FAM.items()):
        mine = [s for s in members if s in ALL[cust]]
        if len(members) > 1 and len(mine) == 1 and mine[0] in HAVE[cust]:
            CASES.append(('family', cust, ['quick question about the %s, '
                                           'what specs does it have?' % w],
                          mine[0]))

# mine: "my <brand> <kind>" asked whether it works with another kind.
for cust in sorted(HAVE):
    for s in sorted(HAVE[cust]):
        p = P[s]
        b = (p.get('brand') or '').lower()
        w = sweeplib.stem((p.get('subcategory') or '').split('-')[-1])
        if not b or w not in cat_of or cat_of[w] != p['category']:
            continue
        same = [x for x in ALL[cust] if (P[x].get('brand') or '').lower()
                == b and w in kind_words(P[x])]
        if same != [s]:
            continue
        other = 'laptop' if p['category'] != 'laptops' else 'tablet'
        ask = ['can my %s %s work with a %s?',
               'my new %s %s, does it work with a %s?'][len(CASES) % 2]
        CASES.append(('mine', cust, [ask % (b, w, other)], s))

runs = sweeplib.replay(SHOPDESK, [(['/user ' + c[1]] if c[1] else []) +
                                  c[2] for c in CASES])
tally = {x: sweeplib.Tally(x) for x in ('verb', 'budget', 'family',
                                         'mine')}
for (kind, cust, lines, want), tr in zip(CASES, runs):
    last = tr[-1]
    rep, act = last.get('reply', ''), last.get('action', '')
    f = sweeplib.focus(last)
    if kind == 'verb':
        good = f is not None and P[f]['category'] == want
    elif kind == 'budget':
        good = f is not None and P[f]['category'] == want[0] and \
            P[f]['price'] <= want[1]
    else:
        good = f == want and act not in ('recommend', 'recommend_nearest',
                                         'fallback')
    tally[kind].check(good, cust, ' / '.join(lines), act, f,
                      sweeplib.clip(rep, 140))
for t in tally.values():
    t.done()
