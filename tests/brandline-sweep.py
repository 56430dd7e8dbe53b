#!/usr/bin/env python3
"""Brand-line sweep: a brand of a maker and its line ("Philips Hue",
"Ultimate Ears") is named by its line word without the maker, over the
whole demo catalog.

  family   the line word said as a name ("how much is the Hue"): the
           brand's products in focus, all of them when it has several
           (the dialogue asks which one), never one picked alone;
  tail     the line word with the name's last word or two ("the hue
           starter kit"): that product when no other of the brand ends
           so, else all that do;
  control  the line word lower case as a word of the language ("not sure
           about the hue of it"): none of the brand's products.

Line words are the brands' last words, written apart from the maker
("TP-Link" is one name), that are not common words
(src/entity-vocab.c) and have three letters or more.  The product meant
is read from the turn's trace (state_after focus).  Prints a FAIL line
per miss (every case with -v) and "FAMILY passed total", "TAIL ...",
"CONTROL ..." for the .t's floors.  Usage:
brandline-sweep.py SHOPDESK PRODUCTS.jsonl ENTITY-VOCAB.c"""
import json
import re
import sys

import sweeplib
from sweeplib import base_name

SHOPDESK, PRODUCTS, VOCAB = sys.argv[1], sys.argv[2], sys.argv[3]
USER = 'C1001'
P = {}
for line in open(PRODUCTS):
    p = json.loads(line)
    if p.get('type', 'product') == 'product':
        P[p['sku']] = p

src = open(VOCAB).read()
src = src[src.index('vocab_common[] = {'):]
COMMON = set(re.findall(r'"([a-z]+)"', src[:src.index('NULL')]))


def words(n):
    return [w.lower() for w in re.findall(r'[A-Za-z0-9]+', n)]


BRANDS = {}     # brand -> (line word, [sku])
for s, p in sorted(P.items()):
    bw = words(p['brand'])
    if len(p['brand'].split()) < 2 or \
            not re.fullmatch('[A-Za-z]+', p['brand'].split()[-1]) or \
            len(bw) < 2 or len(bw[-1]) < 3 or bw[-1] in COMMON or \
            re.search(r'\d', bw[-1]):
        continue
    if not words(p['name'])[:len(bw)] == bw:
        continue
    BRANDS.setdefault(p['brand'], (bw[-1], []))[1].append(s)


def tail(s, k, nb):
    w = words(base_name(P[s]))[nb:]
    return w[-k:] if k < len(w) else None


CASES = []      # (label, [messages], judge(trace) -> '' or why)


def names(skus):
    return ', '.join(sorted(P[x]['name'] for x in skus)) or 'none'


def want(skus):
    def judge(tr):
        f = (tr.get('state_after') or {}).get('focus') or []
        if set(f) != set(skus):
            return 'about %s, not %s (%s)' % (names(f), names(skus),
                                               tr.get('action'))
        return ''
    return judge


def none_of(skus):
    def judge(tr):
        f = (tr.get('state_after') or {}).get('focus') or []
        if set(f) & set(skus):
            return 'about %s (%s)' % (names(f), tr.get('action'))
        return ''
    return judge


FAMILY = ['how much is the %s', 'is the %s in stock?',
          'hi there. tell me about the %s please']
TAIL = ['is the %s in stock', 'how much is the %s?',
        'my mum wants a present... the %s, any good?']
CONTROL = ['not sure about the %s of it', 'what %s is it exactly',
           'the %s seems off to me']

for k, (brand, (w, skus)) in enumerate(sorted(BRANDS.items())):
    cap = w.capitalize()
    for j, m in enumerate(FAMILY):
        m = m % cap
        CASES.append(('family: %s (%s)' % (m, brand), [m], want(skus)))
    nb = len(words(brand))
    for s in skus:
        for n in (2, 1):
            t = tail(s, n, nb)
            if t is None or not any(re.search('[a-z]', x) for x in t):
                continue
            same = [x for x in skus if tail(x, n, nb) == t]
            m = TAIL[(k + n) % len(TAIL)] % ' '.join([w] + t)
            CASES.append(('tail: %s (%s)' % (m, names(same)), [m],
                          want(same)))
    for m in CONTROL:
        m = m % w
        CASES.append(('control: %s (%s)' % (m, brand), [m], none_of(skus)))


def main():
    tally = {'family': sweeplib.Tally('FAMILY'),
             'tail': sweeplib.Tally('TAIL'),
             'control': sweeplib.Tally('CONTROL')}
    trs = sweeplib.replay(SHOPDESK, [['/user ' + USER] + list(msgs)
                                     for _, msgs, _ in CASES],
                          bail=sys.exit)
    for (label, _, judge), tr in zip(CASES, trs):
        why = judge(tr[-1])
        tally[label.split(':')[0]].check(not why, label, why)
    for k in ('family', 'tail', 'control'):
        tally[k].done()
    return 0


sys.exit(main())
