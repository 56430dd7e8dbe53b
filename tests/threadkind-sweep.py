#!/usr/bin/env python3
"""threadkind-sweep.py SHOPDESK SHARE_DEMO_DIR: a kind said as the thing
meant ("and the webcam, what's its resolution?") in a conversation about
a signed-in customer's orders is one of their items (dlg-owned.c), not
the catalog's best match nor the product in focus.  Generated from the
demo store: every customer with orders, every item whose kind word the
extractor reads, after one of their orders is looked up by number (the
order holding the item or another one), asked a specification of its
listing:

  one      the only item of that kind among all they ever ordered or
           have in their cart: the reply is about it (the focus after
           the turn), naming no other of their items first;
  several  two or more of that kind, none in the order looked up, all
           still theirs: one question naming each of them;
  shown    the same words after a list of that kind was shown (no
           order looked up): not taken as theirs, the conversation's
           product of that kind as before.

Prints "KIND passed total" for the .t's floors and a FAIL line for each
case that fails."""
import json
import re
import subprocess
import sys

import sweeplib

SHOPDESK, DEMO = sys.argv[1], sys.argv[2]
P = {p['sku']: p for p in sweeplib.products(DEMO + '/products.jsonl')}
ORDERS = json.load(open(DEMO + '/orders.json'))['orders']
CARTS = json.load(open(DEMO + '/carts.json'))['carts']
GONE = ('cancelled', 'refunded')
OPEN = ["where is my order {id}", "any news on order {id}?",
        "order {id} status pls", "can you check order {id} for me"]
ASK = ["and the {k}, what's its {a}?", "the {k} - {a}?",
       "ok thanks. the {k}, whats the {a} on it",
       "also the {k}: what {a} does it have"]


def words(s):
    return re.findall(r"[a-z0-9]+", s.lower())


def nlu_kinds(phrases):
    """The category the extractor reads in "the <phrase>", per phrase."""
    out = subprocess.run([SHOPDESK, '-q', 'nlu'], text=True,
                         capture_output=True,
                         input=''.join('the %s\n' % w for w in phrases))
    kinds, cur = {}, None
    for ln in out.stdout.splitlines():
        if not ln.startswith(' '):
            cur = ln[4:] if ln.startswith('the ') else ln
        elif ln.split()[:2] == ['entity', 'category'] and cur not in kinds:
            kinds[cur] = ln.split()[2]
    return kinds


def attr_key(p):
    for k in (p.get('attrs') or {}):
        if k not in ('compatible_with', 'color', 'colour') and \
                not re.search(r'deliver|ship|licen', k):
            return k.replace('_', ' ')
    return None


# customer -> {sku: [orders]}: every item ever ordered; the cart's apart.
ALL, HAVE, CART = {}, {}, {}
for o in sorted(ORDERS, key=lambda o: o['placed_at'], reverse=True):
    for it in o['items']:
        if it['sku'] in P:
            ALL.setdefault(o['customer_id'], {}).setdefault(
                it['sku'], []).append(o)
            if o['status'] not in GONE:
                HAVE.setdefault(o['customer_id'], {}).setdefault(
                    it['sku'], []).append(o)
for c in CARTS:
    CART.setdefault(c['customer_id'], set()).update(
        it.get('sku') for it in c.get('items', []))


def singular(w):
    if w.endswith('ies'):
        return w[:-3] + 'y'
    if w.endswith(('ches', 'shes')):
        return w[:-2]
    if w.endswith('s') and not w.endswith(('ss', 'us')):
        return w[:-1]
    return w


# Kind words: the singular of the subcategory's last word, else of the
# category, that the extractor reads as the item's category ("webcam").
cand = {}
for items in ALL.values():
    for sku in items:
        cand[sku] = [singular((P[sku].get('subcategory') or
                               '').split('-')[-1]),
                     singular(P[sku]['category'])]
KIND = nlu_kinds(sorted({w for v in cand.values() for w in v}))


def kind_of(sku):
    for w in cand.get(sku, []):
        if KIND.get(w) == P[sku]['category']:
            return w
    return None


def of_kind(cust, w, skus):
    return sorted(s for s in skus if s in P and (
        w in words(P[s]['name']) or w in cand.get(s, [])))


CASES = []      # (kind, customer, lines, sku or skus, note)
k = 0
for cust in sorted(ALL):
    asked = set()
    for sku in sorted(ALL[cust]):
        w, key = kind_of(sku), attr_key(P[sku])
        if w is None or key is None or w in asked:
            continue
        asked.add(w)
        same = of_kind(cust, w, ALL[cust])
        if of_kind(cust, w, CART.get(cust, ())):
            continue
        orders = sorted({o['id'] for v in ALL[cust].values() for o in v})
        if not orders:
            continue
        ask = ASK[k % len(ASK)].format(k=w, a=key)
        if same == [sku] and sku in HAVE.get(cust, {}):
            # The order holding it, or another of theirs.
            mine = [o['id'] for o in ALL[cust][sku]]
            other = [o for o in orders if o not in mine]
            oid = (other or mine)[0] if k % 2 else (mine or other)[0]
            CASES.append(('one', cust, [OPEN[k % len(OPEN)].format(id=oid),
                                        ask], sku, w))
        elif len(same) > 1 and all(s in HAVE.get(cust, {}) for s in same):
            held = {o['id'] for s in same for o in ALL[cust][s]}
            other = [o for o in orders if o not in held]
            if other:
                CASES.append(('several', cust,
                              [OPEN[k % len(OPEN)].format(id=other[0]),
                               ask], same, w))
        k += 1

# A list of the kind shown, no order: the kind is the list's.
for kind, cust, lines, sku, w in [c for c in CASES if c[0] == 'one'][::3]:
    CASES.append(('shown', cust, ["show me some %ss" % w, lines[1]],
                  sku, w))

runs = sweeplib.replay(SHOPDESK, [['/user ' + c[1]] + c[2] for c in CASES])
tally = {x: sweeplib.Tally(x) for x in ('one', 'several', 'shown')}
for (kind, cust, lines, want, w), tr in zip(CASES, runs):
    last = tr[-1]
    rep, act = last.get('reply', ''), last.get('action', '')
    f = sweeplib.focus(last)
    owned = last.get('owned') or {}
    if kind == 'one':
        good = f == want and act not in ('order_status', 'recommend',
                                         'ask_which_product', 'fallback')
        for o in ALL[cust]:
            if o != want and P[o]['name'] in rep and \
                    rep.find(P[o]['name']) < max(rep.find(P[want]['name']),
                                                 0):
                good = False
    elif kind == 'several':
        good = act == 'ask_which_product' and \
            all(P[s]['name'] in rep for s in want)
    else:
        good = owned.get('rule_id') not in ('owned-kind-in-thread',
                                            'owned-kind-in-thread-ask')
    tally[kind].check(good, cust, ' / '.join(lines), owned.get('rule_id'),
                      f, sweeplib.clip(rep, 140))
for t in tally.values():
    t.done()
