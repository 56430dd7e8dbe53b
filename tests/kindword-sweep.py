#!/usr/bin/env python3
"""Kind-word sweep: how the kind words of an opening request combine with
the words said with them, over the demo catalog.  The requests are made
from the data:

  compound     a kind's own name that is a compound of another kind's
               head in its category ("smartwatches": "gps-watches" are
               watches too): the list may hold both kinds and no other,
               and the filters name both

Prints TAP, one line per request.  Usage: kindword-sweep.py SHOPDESK
PRODUCTS.jsonl"""
import collections
import json
import re
import sys

import sweeplib

SHOPDESK, PRODUCTS = sys.argv[1], sys.argv[2]
P = {}
for line in open(PRODUCTS):
    p = json.loads(line)
    if p.get('type', 'product') == 'product' and p.get('subcategory'):
        P[p['sku']] = p


stem = sweeplib.stem


def head(slug):
    return slug.split('-')[-1]


def words(text):
    return set(re.findall(r'[a-z0-9]+', text.lower()))


def says(p, w):
    vals = ' '.join(str(v) for v in (p.get('attrs') or {}).values())
    return w in words(p['name'] + ' ' + vals)


KINDS = sorted({(p['category'], p['subcategory']) for p in P.values()})
BRANDS = {x for p in P.values() for x in words(p['brand'])}
CATS = sorted({k[0] for k in KINDS})
REQUESTS = []   # (label, text, check)


def cited(tr):
    return [r['id'] for r in tr.get('retrieved') or []
            if r.get('kind') == 'product' and r.get('cited') and r['id'] in P]


def kinds_filter(tr):
    req = ((tr.get('state_after') or {}).get('filters') or {}).get(
        'require') or {}
    return set(req.get('kinds') or [])


# compound: "smartwatch" names the kinds "watch" heads in its category
for c1, s1 in KINDS:
    h1 = stem(head(s1))
    for c2, s2 in KINDS:
        if c2 != c1 or s2 == s1 or not sweeplib.compound_of(h1, s2):
            continue
        ks = {s1, s2}
        cheap = sorted(p['price'] for p in P.values()
                       if p['subcategory'] == s2 and p['category'] == c2
                       and p['stock'] > 0)
        budget = int(cheap[0]) + 1 if cheap else 1000

        def check(tr, c=c1, ks=ks):
            res = cited(tr)
            if not res:
                return 'no list (%s)' % tr.get('action')
            bad = [s for s in res if P[s]['category'] != c or
                   P[s]['subcategory'] not in ks]
            if bad:
                return 'lists %s' % bad
            if kinds_filter(tr) and not ks <= kinds_filter(tr):
                return 'kinds %s' % sorted(kinds_filter(tr))
            return ''
        for text in ('show me your %s' % head(s1).replace('-', ' '),
                     'any %s you would recommend?' % h1,
                     'i want a %s under $%d' % (h1, budget),
                     '%s for my dad, nothing fancy' % h1):
            REQUESTS.append(('compound: %s' % text, text, check))

def main():
    runs = sweeplib.replay(SHOPDESK, [[text] for _, text, _ in REQUESTS],
                           bail=sweeplib.Tap().bail)
    verdicts = []
    for (label, text, check), tr in zip(REQUESTS, [r[0] for r in runs]):
        why = check(tr)
        verdicts.append((label, why, '%r: %s' % (
            text, sweeplib.clip(tr.get('reply') or '', 160)) if why
            else None))
    sweeplib.report(verdicts)
    return 0 if all(not why or '# TODO' in label
                    for label, why, _ in verdicts) else 1


sys.exit(main())
