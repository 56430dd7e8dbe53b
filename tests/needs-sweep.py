#!/usr/bin/env python3
"""Needs sweep: for every category of the demo catalog, needs said in a
shopper's words and generated from the products' own attributes: a figure
with its unit ("at least 5000 mah", "4500+ sq ft"), a figure alone where
only one attribute of the kind has values of that size ("that does
4500+"), a feature the kind's products have as a key ("with gps", "one
that has mopping"), a battery that lasts "for days", "a week" or "all
day" where the data backs it, and a head count ("we are 4 at home").
Every product listed must meet the need by the catalog's data; when some
product in stock meets it the reply must be a list, not "nothing fits",
and it shows the value that meets it.  Prints TAP, one line per request.
Usage: needs-sweep.py SHOPDESK PRODUCTS.jsonl"""
import re
import sys

import sweeplib

SHOPDESK, PRODUCTS = sys.argv[1], sys.argv[2]
P = {p['sku']: p for p in sweeplib.products(PRODUCTS)}

# How a shopper names each category (this test's own words).
WORD = {'laptops': 'laptop', 'smartphones': 'phone', 'tablets': 'tablet',
        'headphones': 'headphones', 'tvs': 'tv', 'cameras': 'camera',
        'smart-home': 'smart home gadget', 'wearables': 'watch',
        'monitors': 'monitor', 'accessories': 'accessories',
        'speakers': 'speaker', 'gaming': 'controller',
        'storage': 'ssd', 'networking': 'wifi system',
        'printers': 'printer', 'software': 'software',
        'gift-cards': 'gift card'}
# The kinds this test's word for a category names: "a controller" is
# not a headset with the battery asked for.
NAMED = {'gaming': ('controllers',), 'storage': ('internal-ssd',
                                                  'portable-ssd')}
# Units as this test reads them from the values: (regex, unit, factor).
UNITS = [(r'sq ?ft', 'sq ft', 1), (r'mah', 'mah', 1), (r'w\b', 'w', 1),
         (r'tb', 'gb', 1024), (r'gb', 'gb', 1)]
# Keys that state their unit by name.
KEY_UNIT = {'_mah': 'mah', '_hours': 'hours', '_gb': 'gb'}
SAY = {'sq ft': 'sq ft', 'mah': 'mah', 'w': 'w', 'gb': 'gb',
       'hours': 'hours'}


def attrs(p):
    return p.get('attrs') or {}


def value(p, k, unit):
    """The number of unit key k of p states, or None."""
    v = attrs(p).get(k)
    if v is None:
        return None
    for suf, u in KEY_UNIT.items():
        if k.endswith(suf) and u == unit:
            m = re.match(r'\d[\d.]*', str(v))
            return float(m.group()) if m else None
    for rx, u, f in UNITS:
        if u != unit:
            continue
        m = re.search(r'(?<![\w.])(\d[\d,]*(?:\.\d+)?) ?' + rx, str(v),
                      re.I)
        if m:
            return float(m.group(1).replace(',', '')) * f
    return None


def yes(v):
    s = str(v).strip().lower()
    return v not in (None, False, 0) and s not in ('', 'no', 'none') and \
        not s.startswith('no ') and not s.startswith('not ')


in_stock = sweeplib.in_stock


SESSIONS = []   # (label, [texts], check(p), value shown or None)


def numeric_needs(cat, w, ps):
    """Figures said with their unit, and alone where only one key of the
    kind has values of that size."""
    units = ['sq ft', 'mah', 'w', 'gb', 'hours']
    found = []
    keys = sorted({k for p in ps for k in attrs(p)})
    for k in keys:
        for u in units:
            vals = sorted(x for x in (value(p, k, u) for p in ps)
                          if x is not None)
            if len(vals) >= 3 and vals[0] != vals[-1]:
                found.append((k, u, vals))
                break
    for k, u, vals in found:
        # A key naming its unit wins over a text of the same unit
        # ("battery_hours" and "battery_life"): one need per unit.
        if any(k2 != k and u2 == u and k2.endswith('_' + u)
               for k2, u2, _ in found) and not k.endswith('_' + u):
            continue
        # dlg-needs.c owns RAM and storage figures; a size in GB of
        # another key is not what "16 gb" means.
        if u == 'gb' and k not in ('capacity',):
            continue
        x = vals[len(vals) // 2]
        xs = ('%g' % (x / 1024)) + 'tb' if u == 'gb' and x >= 1024 else \
            '%g' % x + ('' if u != 'gb' else 'gb')
        said = xs if u == 'gb' else '%g %s' % (x, SAY[u])
        unit_of[k] = u
        # Where several keys of the kind carry the unit (a charger's
        # output, a cable's power), any of them may meet it.
        chk = (lambda u, x: lambda p: max(
            [value(p, k2, u) or -1 for k2 in attrs(p)] + [-1]) >= x)(u, x)
        add(f"{cat}: {k} {said}", [f"i need {an(w)} with at least {said}"],
            chk, k)
        add(f"{cat}: {k} {said}+", [f"looking for {an(w)} with {said}+"],
            chk, k)
        # The figure alone, where no other key of the kind holds it.
        others = [(k2, v2) for k2, u2, v2 in found if k2 != k]
        alone = u not in ('hours', 'gb') and not any(
            v2[0] / 4 <= x <= v2[-1] * 1.5 for _, v2 in others)
        if alone:
            add(f"{cat}: {k} {x:g} alone", [f"{an(w)} that does {x:g}+"],
                chk, k)


# Words that name a kind somewhere in the catalog ("dock", "case",
# "stand"): "with a dock" may ask for one, so not a feature of this test.
KINDS = {re.sub(r's$', '', p['subcategory'].split('-')[-1])
         for p in P.values()}


# Words a shopper says of an order as well ("with tracking").
SUPPORT = {'tracking', 'delivery', 'warranty', 'subscription'}


# How descriptions say a feature in words of their own.
PROSE = {'duplex': r'\b(two|double)[- ]sided|\bboth sides'}


def feature_needs(cat, w, ps):
    """Keys some of the kind's products have as a yes: one word each."""
    n = len(ps)
    keys = sorted({k for p in ps for k in attrs(p)})
    for k in keys:
        if '_' in k or len(k) < 3 or k in KINDS or k.rstrip('s') in KINDS \
                or k in SUPPORT:
            continue
        have = [p for p in ps if yes(attrs(p).get(k))]
        if not have or len(have) * 4 > n * 3 or k in WORD[cat]:
            continue
        # A word in the name of a product without it ("MagSafe
        # Charger") may name that product: not a feature said alone.
        if any(re.search(r'\b' + k + r'\b', p['name'], re.I) and
               not yes(attrs(p).get(k)) for p in P.values()):
            continue
        # Only keys whose values say a yes or name the feature, not a
        # figure or a part ("stylus: Surface Pen").
        if not all(re.fullmatch(r'(yes|built-in|included|automatic|'
                                r'multi-band)', str(attrs(p)[k]), re.I) or
                   k.lower() in str(attrs(p)[k]).lower() for p in have):
            continue
        # A feature the description states in prose ("two-sided
        # printing") when no attribute says it meets it too.
        chk = (lambda k: lambda p: yes(attrs(p).get(k)) or
               re.search(r'\b' + k + r'\b', p['name'], re.I) or
               (k not in attrs(p) and k in PROSE and
                re.search(PROSE[k], p['description'], re.I)))(k)
        add(f"{cat}: with {k}", [f"i want {an(w)} with {k}"], chk, None)
        add(f"{cat}: one that has {k}",
            [f"show me {an(w)}", f"i need one that has {k} too"], chk,
            None)


def an(w):
    if w.endswith('s') and not w.endswith('ss'):
        return 'some ' + w
    return ('an ' if w[0] in 'aeiou' else 'a ') + w


def duration_needs(cat, w, ps):
    hours = [attrs(p).get('battery_hours') for p in ps]
    hours = [h for h in hours if isinstance(h, (int, float))]
    for words, h in (("a battery that lasts for days", 48),
                     ("a battery that lasts a week", 168),
                     ("a battery that lasts all day", 10)):
        if not any(x >= h for x in hours) or all(x >= h for x in hours):
            continue
        chk = (lambda h: lambda p: (attrs(p).get('battery_hours') or 0)
               >= h)(h)
        add(f"{cat}: battery {h} h", [f"i want {an(w)} with {words}"],
            chk, 'battery_hours')


def count_needs(cat, w, ps):
    for k in ('users', 'devices'):
        vals = [attrs(p).get(k) for p in ps if k in attrs(p)]
        if len(vals) < 2:
            continue

        def count(p):
            best = -1
            for kk in ('users', 'devices'):
                v = str(attrs(p).get(kk, ''))
                if 'unlimited' in v.lower():
                    return 1e9
                m = re.search(r'\d+', v)
                if m:
                    best = max(best, int(m.group()))
            return best
        for n in (3, 4, 6):
            add(f"{cat}: {n} people", [f"we are {n} at home and all "
                                       f"need {w}"],
                (lambda n: lambda p: count(p) >= n)(n), None)
        return


unit_of = {}     # key -> the unit this test asked it in


def add(label, texts, chk, key):
    SESSIONS.append((label, texts, chk, key))


for cat, w in WORD.items():
    ps = [p for p in P.values() if p['category'] == cat]
    numeric_needs(cat, w, ps)
    feature_needs(cat, w, ps)
    duration_needs(cat, w, ps)
    count_needs(cat, w, ps)


def judge(tr, cat, chk, key):
    """'' when the reply is right, else why not."""
    act = tr.get('action') or ''
    res = (tr.get('state_after') or {}).get('results') or []
    fits = [s for s, p in P.items() if p['category'] == cat and
            p['subcategory'] in NAMED.get(cat, (p['subcategory'],)) and
            in_stock(p) and chk(p)]
    if act in ('recommend', 'which_shown'):
        bad = [s for s in res if not chk(P[s])]
        if bad:
            return 'lists %s' % bad
        if key is not None and act == 'recommend' and res:
            # The value that meets it: the key's, or another that carries
            # the same unit.
            vs = [str(attrs(P[res[0]]).get(key))] + [
                str(v) for k, v in attrs(P[res[0]]).items()
                if key.endswith('_hours') and k == 'battery_life' or
                unit_of.get(key) and value(P[res[0]], k, unit_of[key])]
            if not any(v in tr['reply'] for v in vs):
                return 'does not show %s %r' % (key, vs[0])
        return ''
    if act in ('recommend_nearest', 'recommend_none', 'which_shown_none'):
        return 'says none fits, but %d do' % len(fits) if fits else ''
    if act == 'recommend_sold_out':
        return sweeplib.sold_out_fit(fits, res, P, chk)
    return 'no list (%s)' % act


def main():
    tap = sweeplib.Tap()
    runs = sweeplib.replay(SHOPDESK, [t for _, t, _, _ in SESSIONS],
                           tap.bail)
    tap.plan(len(SESSIONS))
    for (label, texts, chk, key), traces in zip(SESSIONS, runs):
        tr = traces[-1]
        cat = label.split(':')[0]
        why = judge(tr, cat, chk, key)
        tap.ok(not why, label)
        if why:
            print('# %r: %s' % (texts[-1], why))
            print('#   reply: %s' % tr.get('reply', '')[:300])
    return 1 if tap.passed < tap.n else 0


sys.exit(main())
