#!/usr/bin/env python3
"""Kind-word sweep: how the kind words of an opening request combine with
the words said with them, over the demo catalog.  The requests are made
from the data:

  other kind   a kind word of one category ("oled" of tvs/oled) said with
               the kind word of another whose products some state it
               ("laptops with oled"): a list of the kind said, those
               that state the word first
  device       "a <kind> that works with my <line> <device>", the line a
               device family ("galaxy") of a category whose products
               state their platform (os "Android 14"): every product
               listed lists the line or the platform as what it fits,
               none lists it as one it does not ("not supported on
               Android"), and all that fit are listed, up to five
  device first a category's device word before an add-on kind's word ("a
               printer that is cheap on ink"): a list of the devices,
               no add-on; the add-on's word first ("ink for my
               printer"): no device listed
  refused use  a kind with a use refused ("mice, but not a gaming
               one"): the kind's products (a compound's head's too),
               none made for that use

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


# other kind: "laptops with oled".  The word is a spec of the other
# kind: its products' values say it (not only names), and it is no word
# of a kind's or category's name there, no tag (a use, "gaming"), no
# product line ("iphone") and nothing a product fits ("android").


def tags(c):
    return {w for p in P.values() if p['category'] == c
            for t in p.get('tags') or []
            for w in re.findall(r'[a-z0-9]+', t.lower())}


def fits_words(c):
    return {w for p in P.values() if p['category'] == c
            for k, v in (p.get('attrs') or {}).items()
            if k in ('compatible_with', 'works_with', 'compatibility', 'os')
            for w in words(str(v))}


LINES = {p['name'][len(p['brand']):].split()[0].lower() for p in P.values()
         if p['name'].startswith(p['brand'] + ' ')}


def in_values(p, w):
    return w in words(' '.join(str(v) for v in
                               (p.get('attrs') or {}).values()))


for c1, s1 in KINDS:
    h = head(s1)
    if len(h) < 4 or h in BRANDS or h in LINES or \
            any(h in c.split('-') for c in CATS):
        continue
    for c2 in CATS:
        if c2 == c1 or '-' in c2 or \
                h in fits_words(c2) or any(
                k[0] == c2 and h in k[1].split('-') for k in KINDS):
            continue
        mine = [p for p in P.values() if p['category'] == c2]
        if not any(in_values(p, h) for p in mine):
            continue
        have = [p for p in mine if says(p, h)]
        stocked = [p for p in have if p['stock'] > 0]
        if not stocked or len(have) == len(mine):
            continue

        def check(tr, c=c2, h=h, n=len(stocked)):
            res = cited(tr)
            if not res:
                return 'no list (%s)' % tr.get('action')
            bad = [s for s in res if P[s]['category'] != c]
            if bad:
                return 'lists %s' % bad
            good = [s for s in res if says(P[s], h)]
            if len(good) < min(n, len(res)):
                return 'only %d of %d say %s' % (len(good), len(res), h)
            return ''
        for text in ('%s with %s' % (c2, h), '%s %s' % (h, c2),
                     'do you have %s with %s?' % (c2, h)):
            REQUESTS.append(('other kind: %s' % text, text, check))

# device: "a smartwatch that works with my galaxy phone"
DEVICE_WORD = {'smartphones': 'phone', 'tablets': 'tablet'}
lines = collections.defaultdict(set)    # (cat, line word) -> platforms
for p in P.values():
    os_ = (p.get('attrs') or {}).get('os')
    if p['category'] not in DEVICE_WORD or not os_:
        continue
    name = p['name'][len(p['brand']):].strip() \
        if p['name'].startswith(p['brand']) else p['name']
    first = name.split()[0].lower()
    if first.isalpha() and len(first) > 3:
        lines[(p['category'], first)].add(
            re.match(r'[a-z]+', os_.lower()).group(0))


def compat(p):
    a = p.get('attrs') or {}
    return ' '.join(str(a.get(k, '')) for k in
                    ('compatible_with', 'works_with', 'compatibility'))


def fits(p, names):
    """Does p list one of names as what it fits ("" when none), or as one
    it does not fit ("no")?"""
    text = ' %s ' % ' '.join(re.findall(r'[a-z0-9]+', compat(p).lower()))
    verdict = ''
    for n in names:
        for m in re.finditer(r' %s ' % re.escape(n), text):
            before = text[:m.start()].split()[-3:]
            if set(before) & {'not', 'no', 'without', 'except', 'nor'}:
                verdict = verdict or 'no'
            else:
                return 'yes'
    return verdict


for (dc, line), plats in sorted(lines.items()):
    if sum(1 for p in P.values() if line in words(p['name'])) < 2:
        continue
    for c, s in KINDS:
        ps = [p for p in P.values() if p['subcategory'] == s and
              p['category'] == c and c != dc]
        if not any(fits(p, plats) == 'yes' for p in ps):
            continue
        w = head(s)
        if w in BRANDS or len(w) < 4 or w in ('other', 'smart'):
            continue
        names = {line} | plats

        # The device itself may be named ("the Galaxy S24 has none"):
        # only products of other categories are listed as fitting it.
        def check(tr, names=names, dc=dc, c=c, s=s):
            res = [x for x in cited(tr) if P[x]['category'] not in
                   DEVICE_WORD]
            bad = [x for x in res if fits(P[x], names) != 'yes']
            if bad:
                return 'lists %s' % bad
            # A list holds all that fit, up to five (dlg-recommend.c).
            n = sum(1 for p in P.values() if p['subcategory'] == s and
                    p['category'] == c and p['stock'] > 0 and
                    fits(p, names) == 'yes')
            if tr.get('action') == 'recommend' and len(res) < min(n, 5):
                return 'lists %d of %d that fit' % (len(res), n)
            return ''
        text = 'a %s that works with my %s %s' % (
            stem(w), line, DEVICE_WORD[dc])
        REQUESTS.append(('device: %s' % text, text, check))


# device first: "a printer that is cheap on ink" asks for a printer
def model_words(name):
    return {w for w in re.findall(r'[a-z0-9]+', name.lower())
            if len(w) >= 3 and re.search(r'[a-z]', w) and
            re.search(r'[0-9]', w)}


for c in CATS:
    if '-' in c:
        continue
    subs = sorted({k[1] for k in KINDS if k[0] == c})
    addons = set()
    for sub in subs:
        for p in P.values():
            if p['category'] != c or p['subcategory'] != sub:
                continue
            cw = words(compat(p))
            if any(model_words(q['name']) & cw for q in P.values()
                   if q['category'] == c and q['subcategory'] != sub):
                addons.add(sub)
                break
    # A category most of whose products fit others is one of add-ons
    # ("accessories"), no device.
    mine = [p for p in P.values() if p['category'] == c]
    if not addons or 2 * len(addons) > len(subs) or \
            2 * sum(1 for p in mine if compat(p).strip()) > len(mine):
        continue
    dev = stem(c)
    for a in sorted(addons):
        w = stem(head(a))

        def first(tr, c=c, addons=addons):
            res = cited(tr)
            if not res:
                return 'no list (%s)' % tr.get('action')
            bad = [x for x in res if P[x]['category'] != c or
                   P[x]['subcategory'] in addons]
            return 'lists %s' % bad if bad else ''

        def asked(tr, c=c, addons=addons):
            bad = [x for x in cited(tr) if P[x]['category'] == c and
                   P[x]['subcategory'] not in addons]
            return 'lists %s' % bad if bad else ''
        for text in ('a %s that is cheap on %s' % (dev, w),
                     'looking for a %s with cheap %s' % (dev, w),
                     'i want a %s, the %s should not cost much' % (dev, w)):
            REQUESTS.append(('device first: %s' % text, text, first))
        for text in ('%s for my %s' % (w, dev),
                     'do you sell %s for a %s?' % (w, dev)):
            REQUESTS.append(('add-on first: %s' % text, text, asked))


# refused use: "mice, but not a gaming one": a use the catalog tags some
# products of a kind with (a tag or the kind's slug) said refused; every
# product listed is of the kind and none is made for that use.  The
# kind word is its one-word slug or its category's.
USES = ['gaming', 'programming', 'students', 'business', 'creator',
        'running', 'fitness', 'kids']
REFUSE = ['i want {k}, but not a {u} one', 'show me {k}. no {u} ones please',
          'looking for {k}, not {u} ones']


def made_for(p, u):
    return p['subcategory'] == u or u in (p.get('tags') or [])


GROUPS = collections.defaultdict(list)
for p in P.values():
    if p['subcategory'].isalpha() and p['subcategory'].endswith('s') and \
            p['subcategory'] not in USES:
        GROUPS[p['subcategory']].append(p)
    if p['category'] in ('laptops', 'tablets', 'tvs', 'monitors'):
        GROUPS[p['category']].append(p)
n = 0
for k, ps in sorted(GROUPS.items()):
    for u in USES:
        made = [x for x in ps if made_for(x, u)]
        if not made or len(made) == len(ps) or not any(
                x['stock'] > 0 for x in ps if not made_for(x, u)):
            continue
        text = REFUSE[n % len(REFUSE)].format(k=k, u=u)
        n += 1

        def refused(tr, k=k, u=u):
            res = cited(tr)
            if not res:
                return 'no list (%s)' % tr.get('action')
            skus = {x['sku'] for x in P.values() if k in (
                x['category'], x['subcategory'], head(x['subcategory']))}
            bad = [x for x in res if x not in skus or made_for(P[x], u)]
            return 'lists %s' % bad if bad else ''
        REQUESTS.append(('refused use: %s' % text, text, refused))


def main():
    runs = sweeplib.replay(SHOPDESK, [[text] for _, text, _ in REQUESTS],
                           bail=sweeplib.Tap().bail)
    verdicts = []
    for (label, text, check), tr in zip(REQUESTS, [r[0] for r in runs]):
        why = check(tr)
        # "Wired" is a form of headphones dlg-needs.c reads for any kind
        # (and tests itself): its limit, not the kind word's.
        req = ((tr.get('state_after') or {}).get('filters') or {}).get(
            'require') or {}
        if why and label.startswith('other kind') and 'form' in req:
            label += ' # TODO read as a form'
        # A word read as a form is not read again as a feature.
        twice = [a['has'] for a in req.get('attr') or [] if 'has' in a and
                 str(req.get('form', '')).startswith(a['has'])]
        if twice:
            why = 'read twice: form %s, feature %s' % (req['form'], twice)
            label = label.replace(' # TODO read as a form', '')
        verdicts.append((label, why, '%r: %s' % (
            text, sweeplib.clip(tr.get('reply') or '', 160)) if why
            else None))
    sweeplib.report(verdicts)
    return 0 if all(not why or '# TODO' in label
                    for label, why, _ in verdicts) else 1


sys.exit(main())
