#!/usr/bin/env python3
"""Platform sweep: a kind asked for with the platform or smart-home
ecosystem it must work with ("a lock that works with Google", "any
smartwatch for android", "plugs compatible with alexa"), over every kind
(subcategory) of the demo catalog whose products state what they work
with, and every platform some of them list and some do not.  Every
product the reply lists must list the platform in its compatibility data
(a platform is never read as the brand wanted: "Google" there is Google
Home), and the reply lists one when one in stock does.  Prints TAP, one
line per conversation.
Usage: platform-sweep.py SHOPDESK PRODUCTS.jsonl"""
import collections
import re
import sys

import sweeplib

SHOPDESK, PRODUCTS = sys.argv[1], sys.argv[2]
P = sweeplib.products(PRODUCTS)
KEYS = ('compatible_with', 'works_with', 'os', 'compatibility', 'assistant')

# (value the data holds, ways a customer says it, "for" reads it too).
# A phone said as a device ("works with iphone", "with my Android
# phone") is said with "for" or "to use with" only: with "works" it is
# the compatibility question's (dlg-compatlist.c), not this sweep's.
PLATFORMS = [('alexa', ['alexa', 'Alexa'], True),
             ('google', ['google home', 'Google', 'google assistant'],
              False),
             ('apple', ['apple home', 'HomeKit'], True),
             ('iphone', ['my iphone', 'an iPhone'], True),
             ('android', ['android', 'an Android phone'], True)]
# Openings: {w} the kind's word, {p} the platform as said.
HARD = ['any {w} that works with {p}?', '{w} compatible with {p} pls',
        'looking for {w} that work with {p}',
        'which {w} do you have that work with {p}']
SOFT = ['{w} for {p}', 'which {w} would you recommend for {p}',
        'i want {w} to use with {p}']


def lists(p, value):
    """Does p's compatibility data name value (a word, or its start:
    "mac" of "macOS")?"""
    for k in KEYS:
        v = p['attrs'].get(k)
        if not isinstance(v, str):
            continue
        for tok in re.findall(r'[a-z0-9]+', v.lower()):
            if tok.startswith(value) and (tok == value or
                                          len(tok) <= len(value) + 2):
                return True
    return False


def noun(slug):
    last = slug.split('-')[-1]
    return last if last.endswith('s') and len(last) > 3 else None


CASES = []      # (label, line, kind's products, value)
subs = collections.defaultdict(list)
for p in P:
    subs[(p['category'], p['subcategory'])].append(p)
n = 0
CATS = {p['category'] for p in P}
for (c, s), ps in sorted(subs.items()):
    # "cameras" of smart-home names the cameras category first.
    if not noun(s) or c == 'accessories' or (s in CATS and s != c):
        continue
    stock = [p for p in ps if p['stock'] > 0]
    for value, saids, by_for in PLATFORMS:
        yes = [p for p in stock if lists(p, value)]
        if not yes or len(yes) == len(stock):
            continue
        for said in saids:
            forms = (SOFT if value == 'iphone' or 'phone' in said else
                     HARD + (SOFT if by_for else []))
            form = forms[n % len(forms)]
            n += 1
            line = form.format(w=s.replace('-', ' '), p=said)
            CASES.append(('%s / %s: %s' % (s, value, line), line, ps,
                          value, yes))


def listed(tr):
    return [r['id'] for r in tr.get('retrieved') or []
            if r.get('kind') == 'product' and r.get('cited')]


def main():
    tap = sweeplib.Tap()
    runs = sweeplib.replay(SHOPDESK, [[c[1]] for c in CASES],
                           bail=tap.bail)
    by_sku = {p['sku']: p for p in P}
    for (label, line, ps, value, yes), (tr,) in zip(CASES, runs):
        shown = listed(tr)
        bad = [k for k in shown if k in by_sku and
               not lists(by_sku[k], value)]
        why = ''
        if bad:
            why = 'listed %s, which do not list %s' % (bad, value)
        elif not shown:
            why = 'listed none, %s fit' % [p['sku'] for p in yes]
        tap.ok(not why, label, 'wrong' if bad else 'none')
        if why:
            print('#   %r: %s' % (line, why))
            print('#   %s' % sweeplib.clip(tr['reply'], 160))
    tap.plan()
    tap.kind_totals()
    return 0 if tap.passed == tap.n else 1


sys.exit(main())
