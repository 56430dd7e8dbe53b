#!/usr/bin/env python3
"""Line-word sweep: after two products of one kind are compared, a
word of the second one's line said after "the" ("how much is the
pixel") names that product, not the one in focus, over the demo
catalog.

Pairs: in each category, products taken two by two whose line words
(the first word of the name after the brand, letters only, three or
more) differ and are each in one of the two names only.  Then "ok, how
much is the <line word of B>?" must leave B in focus and give B's
price (LINE); the same with the first product's word (FIRST).  Prints
a FAIL line per miss (every case with -v) and "LINE passed total",
"FIRST ...".  Usage: lineref-sweep.py SHOPDESK PRODUCTS.jsonl"""
import re
import sys

import sweeplib

SHOPDESK, PRODUCTS = sys.argv[1], sys.argv[2]
VERBOSE = '-v' in sys.argv
ps = sweeplib.products(PRODUCTS)


def words(s):
    return [w.lower() for w in re.findall(r'[A-Za-z0-9]+', s)]


def line_word(p):
    bw = set(words(p['brand']))
    for w in words(sweeplib.base_name(p)):
        if w not in bw and w.isalpha() and len(w) >= 3:
            return w
    return None


cases = []
for cat, group in sorted(sweeplib.by_category(ps).items()):
    seen = {}
    for p in group:
        w = line_word(p)
        if w and w not in seen:
            seen[w] = p
    items = list(seen.items())
    for i in range(0, len(items) - 1, 2):
        (wa, a), (wb, b) = items[i], items[i + 1]
        if wa in words(b['name']) or wb in words(a['name']):
            continue
        lst = 'compare the %s and the %s' % (sweeplib.base_name(a),
                                              sweeplib.base_name(b))
        cases.append(('LINE', [lst, 'what does the %s cost these days' % wb], b))
        cases.append(('FIRST', [lst, 'hm and what does the %s cost now' % wa], a))

traces = sweeplib.replay(SHOPDESK, [c[1] for c in cases])
score = {'LINE': [0, 0], 'FIRST': [0, 0]}
for (kind, lines, p), tr in zip(cases, traces):
    last = tr[-1]
    reply = last.get('reply') or ''
    ok = sweeplib.focus(last) == p['sku'] and \
        sweeplib.money(p['price']) in reply
    score[kind][0] += ok
    score[kind][1] += 1
    if not ok or VERBOSE:
        print('%s %s %s: %s -> %s %s' % (
            'ok' if ok else 'FAIL', kind, ' / '.join(lines), p['sku'],
            sweeplib.focus(last), sweeplib.clip(reply, 140)))
for k in ('LINE', 'FIRST'):
    print(k, score[k][0], score[k][1])
