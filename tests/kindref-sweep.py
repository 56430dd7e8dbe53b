#!/usr/bin/env python3
"""Kind-reference sweep: a kind said as the thing meant ("the webcam,
how much is it?") after two products of one category were discussed
resolves to the product of that kind, never to the one discussed last,
over the demo catalog.

For each category, products named one after the other ("tell me about
the <A>", "tell me about the <B>"), then "the <word>, how much is it?":

  sub    the word heads A's subcategory ("webcams": "webcam") and not
         B's, which is of another kind of the category: A, not B, and
         A's price in the reply;
  addon  the word is the category's ("cameras": "camera"); B is of a
         kind that is an add-on of another kind of the category (a lens
         listing camera bodies it fits, ink listing printers), A of the
         kind it fits: A, the device, not the add-on;
  two    two products of one subcategory compared ("compare the <A> and
         the <B>"), then its word: neither is picked alone, the reply
         asks which, naming both.

A case whose naming turns did not put A, then B, in focus is left out
and counted apart (SKIPPED).

Prints a FAIL line per miss (every case with -v) and "SUB passed total",
"ADDON ...", "TWO ..." for the .t's floors.
Usage: kindref-sweep.py SHOPDESK PRODUCTS.jsonl [-v]"""
import re
import sys

import sweeplib

SHOPDESK, PRODUCTS = sys.argv[1], sys.argv[2]
VERBOSE = '-v' in sys.argv
PS = [p for p in sweeplib.products(PRODUCTS) if p.get('subcategory')]
P = {p['sku']: p for p in PS}
BRANDS = {p['brand'].lower() for p in PS if p.get('brand')}


def singular(slug):
    """The last word of a plural slug as one thing ("power-banks":
    "power bank"... its head "bank"); None when it is no plural noun."""
    w = slug.split('-')[-1]
    if not re.fullmatch(r'[a-z]{4,}', w) or not w.endswith('s') or \
            w.endswith('ss') or w in BRANDS:
        return None
    if w.endswith('us'):
        return None
    if w.endswith('ies'):
        return w[:-3] + 'y'
    if re.search(r'(xes|ches|shes|sses)$', w):
        return w[:-2]
    if w.endswith('ses') and not any(w[:-1] in p['name'].lower()
                                     for p in PS):
        return w[:-2]       # "lenses", not "cases"
    return w[:-1]


def plain(s):
    return ' ' + ' '.join(re.findall(r'[a-z0-9]+', s.lower())) + ' '


def compat(p):
    a = p.get('attrs') or {}
    c = a.get('compatible_with') if isinstance(a, dict) else None
    return c or p.get('compatible_with') or ''


def names_device(cw, q):
    """Does the plain compat text cw name q by a model word of its name
    (letters and digits) or its first two words after the brand?"""
    name = q['name']
    if q.get('brand') and name.lower().startswith(q['brand'].lower()):
        name = name[len(q['brand']):]
    words = plain(name).split()
    for w in words:
        if len(w) >= 3 and re.search('[a-z]', w) and re.search('[0-9]', w) \
                and ' %s ' % w in cw:
            return True
    return len(words) >= 2 and words[0].isalpha() and len(words[0]) >= 3 \
        and ' %s %s ' % (words[0], words[1]) in cw


def addon_subs(cat):
    ps = [p for p in PS if p['category'] == cat]
    out = set()
    for p in ps:
        cw = plain(compat(p))
        if cw.strip() and any(q['subcategory'] != p['subcategory'] and
                              names_device(cw, q) for q in ps):
            out.add(p['subcategory'])
    return out


def said(word):
    return 'the %s, how much is it?' % word


def first_of(cat, sub, avoid=None):
    for p in PS:
        if p['category'] == cat and p['subcategory'] == sub and \
                (avoid is None or avoid not in p['name'].lower()):
            return p
    return None


CATS = sorted({p['category'] for p in PS})
cases = []              # (kind, lines, sku meant, sku named last)
for cat in CATS:
    subs = sorted({p['subcategory'] for p in PS if p['category'] == cat})
    if len(subs) < 2:
        continue
    for sub in subs:
        w = singular(sub)
        if w is None:
            continue
        a = first_of(cat, sub)
        bs = [first_of(cat, o, avoid=w) for o in subs if o != sub]
        bs = [b for b in bs if b is not None]
        if not bs:
            continue
        b = bs[0]
        two = [p for p in PS if p['category'] == cat and
               p['subcategory'] == sub]
        two = [p for p in two if sweeplib.base_name(p) !=
               sweeplib.base_name(two[0])][:1] + two[:1]
        if len(two) == 2:
            cases.append(('TWO', ['compare the %s and the %s' % (
                sweeplib.base_name(two[1]), sweeplib.base_name(two[0])),
                said(w)], two[1]['sku'], two[0]['sku']))
        cases.append(('SUB', ['tell me about the ' + sweeplib.base_name(a),
                              'tell me about the ' + sweeplib.base_name(b),
                              said(w)], a['sku'], b['sku']))
    w = singular(cat)
    adds = addon_subs(cat)
    if w is None or not adds or len(adds) * 2 > len(subs):
        continue
    for add in sorted(adds):
        b = first_of(cat, add)
        for sub in subs:
            a = first_of(cat, sub)
            if sub in adds or not names_device(plain(compat(b)), a) and \
                    not any(names_device(plain(compat(x)), a) for x in PS
                            if x['subcategory'] == add):
                continue
            cases.append(('ADDON', [
                'tell me about the ' + sweeplib.base_name(a),
                'tell me about the ' + sweeplib.base_name(b), said(w)],
                a['sku'], b['sku']))
            break

traces = sweeplib.replay(SHOPDESK, [c[1] for c in cases])
KINDS = ('SUB', 'ADDON', 'TWO')
score = {k: [0, 0] for k in KINDS}
skipped = 0
for (kind, lines, meant, last_named), tr in zip(cases, traces):
    last = tr[-1]
    reply = last.get('reply') or ''
    got = sweeplib.focus(last)
    if kind == 'TWO':
        if tr[0].get('action') != 'compare':
            skipped += 1
            continue
        ok = last.get('action', '').startswith('ask') and all(
            sweeplib.base_name(P[s]) in reply for s in (meant, last_named))
    elif sweeplib.focus(tr[0]) != meant or \
            sweeplib.focus(tr[1]) != last_named:
        skipped += 1
        continue
    else:
        ok = got == meant and sweeplib.money(P[meant]['price']) in reply
    score[kind][0] += ok
    score[kind][1] += 1
    if not ok or VERBOSE:
        print('%s %s %s: %s -> %s (%s) %s' % (
            'ok' if ok else 'FAIL', kind, ' / '.join(lines), meant, got,
            last.get('action'), sweeplib.clip(reply, 160)))
for k in KINDS:
    print(k, score[k][0], score[k][1])
print('SKIPPED', skipped)
