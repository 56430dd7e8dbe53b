#!/usr/bin/env python3
"""fitq-sweep.py SHOPDESK PRODUCTS.jsonl: "what X can I put in it" over
the demo catalog's compatibility data.

For every device (a product of no accessory category) and every kind word
(a subcategory slug's words, the last singular: "power bank")
of whose products some list that device by its name in compatible_with
(an entry, between commas, semicolons or parentheses, that is the
device's name without its parenthesis, with or without the brand), a
session asks about the device by name and then "what <kind> can i put in
it" (or "which <kind> fits it?", "what <kind> works with it"): the reply
lists products of that kind, each of which names the device in its
compatibility data, and no specification of the device in their place.
For a device of the same category that no product of the kind lists, the
reply says none is listed and lists none of the kind.  A family (an
entry that begins two or more devices' names, "PlayStation 5") said as
the customer's ("what internal ssd can i put in my playstation 5"):
products of the kind that list it.  Kinds dlg-accessory.c has words
for are left to its stories.

Prints TAP.  Usage: fitq-sweep.py SHOPDESK PRODUCTS.jsonl"""
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
ASK = ['what {w} can i put in it', 'which {w} fits it?',
       'what {w} works with it']
# Kinds dlg-accessory.c knows by its own words (and tests in stories):
# this sweep is of the kinds only the catalog's words name.
TABLE = {'case', 'cover', 'screen protector', 'power bank',
         'memory card', 'camera accessory', 'charger', 'adapter', 'cable',
         'battery', 'card', 'drive', 'lens', 'lense', 'dock', 'hub',
         'stylus', 'pencil', 'pen', 'keyboard', 'controller', 'strap',
         'band', 'bag', 'sleeve', 'ink', 'accessory', 'accessorie'}


def core(p):
    n = p['name'].split('(')[0].split(' with ')[0].strip()
    out = {n.lower()}
    if n.startswith(p['brand'] + ' '):
        out.add(n[len(p['brand']) + 1:].lower())
    return out


def entries(p):
    c = str((p.get('attrs') or {}).get('compatible_with') or '')
    return {e.strip().lower() for e in re.split(r'[,;()]', c) if e.strip()}


def name_words(d):
    """The words of d's name but its brand's."""
    return set(re.findall(r'[a-z0-9]+', d['name'].lower())) - set(
        re.findall(r'[a-z0-9]+', d['brand'].lower()))


def kind_word(p):
    """Its subcategory's words, the last singular: "power bank"."""
    w = p['subcategory'].replace('-', ' ')
    return w[:-1] if w.endswith('ses') else sweeplib.stem(w)


def of_kind(p, w):
    return any(re.search(r'(^|[^a-z0-9])' + re.escape(w), x.lower())
               for x in (p['name'], p['subcategory'].replace('-', ' '),
                         p['category']))


DEVICES = [p for p in P.values() if p['category'] != 'accessories']
KINDS = {}      # kind word -> products of it with compatibility data
for p in P.values():
    if entries(p):
        KINDS.setdefault(kind_word(p), []).append(p)
CASES = []      # (device, word, text, skus that fit)
n = 0
for w, ps in sorted(KINDS.items()):
    if len(w) < 3 or any(x in w.split() or x == w for x in TABLE):
        continue
    hit_cats = set()
    fits_of = {}
    for d in DEVICES:
        fit = {p['sku'] for p in ps if p['sku'] != d['sku'] and
               entries(p) & core(d)}
        if fit and not of_kind(d, w):
            fits_of[d['sku']] = fit
            hit_cats.add(d['category'])
    for sku, fit in sorted(fits_of.items()):
        CASES.append((P[sku], w, ASK[n % len(ASK)].format(w=w), fit))
        n += 1
    # One device of each category hit that none of the kind lists.
    for c in sorted(hit_cats):
        for d in DEVICES:
            if d['category'] == c and d['sku'] not in fits_of and \
                    not of_kind(d, w) and not any(
                        name_words(d) & set(re.findall(r'[a-z0-9]+', e))
                        for p in ps for e in entries(p)):
                CASES.append((d, w, ASK[n % len(ASK)].format(w=w), set()))
                n += 1
                break

# A family: a compatibility entry that is the first words of two or more
# devices' names ("PlayStation 5" of the Slim and the Pro), said as the
# customer's own ("my playstation 5"): the kind's products that list it.
FAMILY = []     # (entry, word, text, skus that list it)
for w, ps in sorted(KINDS.items()):
    if len(w) < 3 or any(x in w.split() or x == w for x in TABLE):
        continue
    for e in sorted({e for p in ps for e in entries(p)}):
        heads = [d for d in DEVICES if d['name'].lower().startswith(e + ' ')
                 and not of_kind(d, w)]
        if len(heads) >= 2 and len(e.split()) >= 2:
            FAMILY.append((e, w, 'what %s can i put in my %s' % (w, e),
                           {p['sku'] for p in ps if e in entries(p)}))


def judge_family(e, w, fit, tr):
    listed = [r['id'] for r in tr.get('retrieved') or []
              if r.get('kind') == 'product' and r.get('cited') and
              r['id'] in P and of_kind(P[r['id']], w)]
    if not listed:
        return 'none listed (%s)' % tr.get('action')
    bad = [x for x in listed if x not in fit]
    return 'lists %s, which do not list it' % bad if bad else ''


def judge(d, w, fit, tr):
    listed = [r['id'] for r in tr.get('retrieved') or []
              if r.get('kind') == 'product' and r.get('cited') and
              r['id'] in P and r['id'] != d['sku']]
    reply = tr.get('reply') or ''
    if fit:
        if not listed:
            return 'none listed (%s)' % tr.get('action')
        bad = [x for x in listed if not of_kind(P[x], w) or
               not any(c in str((P[x].get('attrs') or {}).get(
                   'compatible_with', '')).lower() for c in core(d))]
        return 'lists %s' % bad if bad else ''
    bad = [x for x in listed if of_kind(P[x], w)]
    if bad:
        return 'lists %s, which do not name it' % bad
    if "don't list" not in reply:
        return 'does not say none is listed (%s)' % tr.get('action')
    return ''


def main():
    runs = sweeplib.replay(SHOPDESK, [['tell me about the ' + d['name'], t]
                                      for d, _, t, _ in CASES],
                           bail=sweeplib.Tap().bail)
    verdicts = []
    for (d, w, text, fit), trs in zip(CASES, runs):
        why = judge(d, w, fit, trs[1])
        label = '%s: %s %s' % ('fits' if fit else 'none', d['name'], text)
        verdicts.append((label, why, sweeplib.clip(
            trs[1].get('reply') or '', 160) if why else None))
    runs = sweeplib.replay(SHOPDESK, [[t] for _, _, t, _ in FAMILY],
                           bail=sweeplib.Tap().bail)
    for (e, w, text, fit), trs in zip(FAMILY, runs):
        why = judge_family(e, w, fit, trs[0])
        verdicts.append(('family: ' + text, why, sweeplib.clip(
            trs[0].get('reply') or '', 160) if why else None))
    return sweeplib.report(verdicts)


sys.exit(main())
