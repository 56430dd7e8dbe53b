#!/usr/bin/env python3
"""Generation sweep: two members of one line whose names differ only in
a model number, the one next to the other (the Sony WH-1000XM4 and XM5,
the iPhone 14 and 15), over the demo catalog.

NUMBER: after the price of one, "and the <other's number>s?" is the
other member, and the price question carries over (its price in the
reply).  OLDER / NEWER: with both discussed, "what does the older
(newer) one cost" is the member with the lower (higher) number, not
the one discussed last.
CATALOG: with one discussed, "what does the newer one cost" is the one
member of its line numbered next above it.  CONTROL: members whose
numbers are further apart (tiers or sizes: the Latitude 5440 and 7440,
the Fire HD 8 and 10) are no generations: "the newer one" never moves
to the other.  Prints a FAIL line per miss (every case with -v) and
"KIND passed total".  Usage: gen-sweep.py SHOPDESK PRODUCTS.jsonl"""
import re
import sys

import sweeplib

SHOPDESK, PRODUCTS = sys.argv[1], sys.argv[2]
VERBOSE = '-v' in sys.argv
ps = sweeplib.products(PRODUCTS)
UNIT = re.compile(r'[ -]?(gb|tb|mm|cm|in|inch|hz|w|mah|ft|m|pack|ports?|"|\')'
                  r'(?![a-z0-9])', re.I)


def numbers(a, b):
    """The model numbers that alone set the base names a and b apart,
    and what follows them, or None."""
    i = 0
    while i < min(len(a), len(b)) and a[i].lower() == b[i].lower():
        i += 1
    while i > 0 and a[i - 1].isdigit():
        i -= 1
    if i == 0 or a[i - 1] in '.,$':
        return None
    ma, mb = re.match(r'\d+', a[i:]), re.match(r'\d+', b[i:])
    if not ma or not mb:
        return None
    ra, rb = a[i + ma.end():], b[i + mb.end():]
    if ra.lower() != rb.lower() or ra.startswith('.') or UNIT.match(ra):
        return None
    na, nb = int(ma.group()), int(mb.group())
    return (na, nb, ra) if na != nb else None


# One product per base name: the first variant in the file.
bases = {}
for p in ps:
    bases.setdefault((p['category'], sweeplib.base_name(p)), p)
count = {}
for (cat, b) in bases:
    count[b] = sum(1 for p in ps if sweeplib.base_name(p) == b)

cases = []
keys = sorted(bases)
for x in keys:
    for y in keys:
        if x >= y or x[0] != y[0]:
            continue
        r = numbers(x[1], y[1])
        if not r:
            continue
        na, nb, rest = r
        a, b = bases[x], bases[y]
        if na > nb:
            a, b, na, nb = b, a, nb, na
        an, bn = sweeplib.base_name(a), sweeplib.base_name(b)
        if nb - na != 1:
            cases.append(('CONTROL', ['how much is the %s' % an,
                                      'what does the newer one cost'],
                          b, False))
            continue
        if rest == '':
            cases.append(('NUMBER', ['how much is the %s' % an,
                                     'and the %ss?' % nb], b, True))
            cases.append(('NUMBER', ['how much is the %s' % bn,
                                     'and the %s?' % na], a, True))
        # The one asked for is not the one discussed last.
        cases.append(('OLDER', ['how much is the %s' % an,
                                'and the %s?' % bn,
                                'ok and what does the older one cost'],
                      a, True))
        cases.append(('NEWER', ['how much is the %s' % bn,
                                'and the %s?' % an,
                                'hm what does the newer one cost'], b, True))
        if count[bn] == 1:
            cases.append(('CATALOG', ['how much is the %s' % an,
                                      'what does the newer one cost'],
                          b, True))

traces = sweeplib.replay(SHOPDESK, [c[1] for c in cases])
score = {}
for (kind, lines, p, meant), tr in zip(cases, traces):
    last = tr[-1]
    reply = last.get('reply') or ''
    if meant:
        ok = sweeplib.focus(last) == p['sku'] and \
            sweeplib.money(p['price']) in reply
    else:
        ok = sweeplib.focus(last) != p['sku']
    s = score.setdefault(kind, [0, 0])
    s[0] += ok
    s[1] += 1
    if not ok or VERBOSE:
        print('%s %s %s: %s -> %s %s' % (
            'ok' if ok else 'FAIL', kind, ' / '.join(lines), p['sku'],
            sweeplib.focus(last), sweeplib.clip(reply, 140)))
for k in ('NUMBER', 'OLDER', 'NEWER', 'CATALOG', 'CONTROL'):
    print(k, *score.get(k, [0, 0]))
