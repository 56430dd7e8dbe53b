#!/usr/bin/env python3
"""Browsing sweep: for every category of the demo catalog, requests in
several budget phrasings, for each kind (subcategory), with attribute
needs taken from the products' own data, and follow-ups that narrow; each
listed product is checked against the catalog: the category and kind
asked for, the budget, every need.  When nothing fits, the reply must say
so (the nearest, named as missing, or none).  Prints TAP, one line per
request.  Usage: browse-sweep.py SHOPDESK PRODUCTS.jsonl"""
import json
import re
import sys

import sweeplib

SHOPDESK, PRODUCTS = sys.argv[1], sys.argv[2]
P = {p['sku']: p for p in sweeplib.products(PRODUCTS)}

# How a shopper names each category (the test's own words).
WORD = {'laptops': 'laptop', 'smartphones': 'phone', 'tablets': 'tablet',
        'headphones': 'headphones', 'tvs': 'tv', 'cameras': 'camera',
        'smart-home': 'smart home device', 'wearables': 'smartwatch',
        'monitors': 'monitor', 'accessories': 'accessory',
        'speakers': 'speaker', 'gaming': 'console', 'storage': 'ssd',
        'networking': 'router', 'printers': 'printer',
        'software': 'software', 'gift-cards': 'gift card'}
# A device is not its supplies: these kinds come only when asked for.
ADDON = {'printers': {'ink'}, 'cameras': {'lenses'}}
# The kinds the category word itself names.
KIND = {'wearables': {'smartwatches'}, 'gaming': {'consoles'},
        'storage': {'internal-ssd', 'portable-ssd'},
        'networking': {'routers'}}


def attr(p, k):
    return (p.get('attrs') or {}).get(k)


def num(p, k):
    m = re.search(r'[\d.]+', str(attr(p, k) or ''))
    return float(m.group()) if m else None


def kind_ok(cat):
    def f(p):
        if p['category'] != cat:
            return False
        if cat in KIND:
            return p['subcategory'] in KIND[cat]
        return p['subcategory'] not in ADDON.get(cat, ())
    return f


in_stock = sweeplib.in_stock


def lower_median(xs, part=2):
    xs = sorted(xs)
    return xs[(len(xs) - 1) // part] if xs else None


def money(v):
    return str(int(v)) if v == int(v) else '%.2f' % v


def budget_phrases(w, b, lo):
    """(text, min, max) for a budget b said in many ways."""
    out = [
        (f"{w} under {b}", None, b),
        (f"looking for a {w} below ${b}", None, b),
        (f"i need a {w} for less than {b} dollars", None, b),
        (f"{w}, nothing over {b} bucks", None, b),
        (f"{w} {b} max", None, b),
        (f"show me a {w}, {b} tops", None, b),
        (f"a {w} for {b} or less please", None, b),
        (f"any {w} no more than ${b}?", None, b),
        (f"{w} up to {b}", None, b),
        (f"i'd like a {w} at most {b}", None, b),
        (f"{w} around {b}", None, b * 1.1),
        (f"need a {w}, {b}ish", None, b * 1.1),
        (f"show me {w} options between {lo} and {b}", lo, b),
    ]
    if b >= 1000:
        k = ('%.1f' % (b / 1000)).rstrip('0').rstrip('.')
        out.append((f"{w} for under {k}k", None, float(k) * 1000))
    return out


def wet(p):
    v = str(attr(p, 'water_resistance') or attr(p, 'waterproof') or '')
    return bool(v) and not v.lower().startswith('no') and not any(
        x in v for x in ('IPX2', 'IPX4', 'IP54'))


def usb_c(p):
    t = (json.dumps(p.get('attrs')) + p.get('description', '')).lower()
    return 'usb-c' in t or 'usb c' in t or 'thunderbolt' in t


def wifi(p):
    best = -1
    for k in ('wifi', 'connectivity'):
        for m in re.finditer(r'wi-?fi ?([4-7])(e?)', str(attr(p, k) or ''),
                             re.I):
            best = max(best, int(m.group(1)) + (0.5 if m.group(2) else 0))
    return best


def duplex(p):
    d = p.get('description', '').lower()
    return bool(attr(p, 'duplex')) or 'two-sided print' in d or \
        'duplex print' in d or 'auto duplex' in d


def storage_gb(p):
    m = re.search(r'(\d+)\s*(GB|TB)', str(attr(p, 'storage') or ''), re.I)
    if not m:
        return -1
    return int(m.group(1)) * (1024 if m.group(2).upper() == 'TB' else 1)


def attribute_requests(cat, w, base):
    """(text, check) needs in the products' terms, where the category's
    products state them; thresholds from the data."""
    ps = [p for p in P.values() if base(p)]
    out = []
    have = lambda k: [num(p, k) for p in ps if num(p, k) is not None]
    if have('ram_gb'):
        for n in (16, 32):
            out.append((f"{w} with at least {n}gb ram",
                        lambda p, n=n: (num(p, 'ram_gb') or 0) >= n))
    if have('weight_kg') and cat == 'laptops':
        x = lower_median(have('weight_kg'))
        out.append((f"{w} under {x} kg",
                    lambda p, x=x: (num(p, 'weight_kg') or 99) <= x))
    if have('battery_hours'):
        h = int(lower_median(have('battery_hours')))
        if h <= 200:    # hours of use, not months on standby
            out.append((f"{w} with {h} hours of battery or more",
                       lambda p, h=h: (num(p, 'battery_hours') or 0) >= h))
    if any(attr(p, 'water_resistance') for p in ps):
        out.append((f"waterproof {w}", wet))
    if any(attr(p, 'noise_cancelling') for p in ps):
        out.append((f"noise cancelling {w}", lambda p: str(
            attr(p, 'noise_cancelling')).lower().startswith('yes')))
    if cat in ('headphones', 'monitors', 'accessories', 'speakers'):
        out.append((f"{w} with usb-c", usb_c))
    if any(attr(p, 'wifi') for p in ps):
        for g in (6, 7):
            out.append((f"a {w} with wifi {g}", lambda p, g=g: wifi(p) >= g))
    if cat == 'printers':
        out.append((f"i need a {w} that does double sided", duplex))
    if have('refresh_hz'):
        out.append((f"{w} with 144hz or more",
                    lambda p: (num(p, 'refresh_hz') or 0) >= 144))
    if have('screen_size_in'):
        for s in sorted(set(have('screen_size_in')))[-2:]:
            out.append((f"{int(s)} inch {w}", lambda p, s=s: abs(
                (num(p, 'screen_size_in') or 0) - s) < 0.6))
    if any(attr(p, 'resolution') for p in ps):
        out.append((f"4k {w}", lambda p: '4k' in str(attr(p, 'resolution'))
                    .lower() or '3840' in str(attr(p, 'resolution'))))
    if cat == 'smartphones':
        out.append((f"{w} with at least 256gb storage",
                    lambda p: storage_gb(p) >= 256))
    return out


def kind_requests(cat, w):
    """(text, check) for every kind of the category by its own name."""
    out = []
    subs = sorted({p['subcategory'] for p in P.values()
                   if p['category'] == cat and in_stock(p)})
    if len(subs) < 2:
        return out
    for s in subs:
        words = s.replace('-', ' ')
        if words in ('other', 'store', 'accessories', 'android', 'windows',
                     'everyday', 'smart', 'portable', 'gaming', 'creator',
                     'office', 'cameras', 'fire', 'ipad', 'iphone', 'pixel',
                     'oneplus', 'motorola', 'ink', 'galaxy s', 'galaxy a',
                     'galaxy z', 'galaxy tab', 'utilities', 'os',
                     'headsets', 'creative'):
            # a brand's line, a word of many kinds, or a kind another
            # category has too ("headsets": headphones)
            continue
        # "keyboards" names the tablet-keyboards too
        out.append((f"show me {words}",
                    lambda p, s=s: p['category'] == cat and
                    (p['subcategory'] == s or '-' not in s and
                     p['subcategory'].endswith('-' + s))))
    return out


SESSIONS = []   # (label, [(text, check, need_list, kind)])


def add(label, turns):
    SESSIONS.append((label, turns))


for cat, w in WORD.items():
    base = kind_ok(cat)
    prices = [p['price'] for p in P.values() if base(p) and in_stock(p)]
    if not prices:
        continue
    b = int(lower_median(prices) + 0.5)
    lo = int(min(prices) + 0.5)
    for text, mn, mx in budget_phrases(w, b, lo):
        def chk(p, mn=mn, mx=mx, base=base):
            return base(p) and p['price'] <= mx + 0.01 and (
                mn is None or p['price'] >= mn - 0.01)
        add(f"{cat}: {text}", [(text, chk, True, base)])
    cap = lower_median(prices)
    # ("an affordable speaker please" reads as asking for a person: the
    # intent classifier's, not the list's.)
    for text in (f"cheap {w}", f"an affordable {w}",
                 f"budget {w}"):
        add(f"{cat}: {text}", [(text, lambda p, base=base, cap=cap:
                                base(p) and p['price'] <= cap + 0.01,
                                True, base)])
    for text, c in attribute_requests(cat, w, base):
        add(f"{cat}: {text}", [(text, lambda p, base=base, c=c:
                                base(p) and c(p), False, base)])
        t2 = f"{text} under {b}"
        add(f"{cat}: {t2}", [(t2, lambda p, base=base, c=c, b=b:
                              base(p) and c(p) and p['price'] <= b + 0.01,
                              False, base)])
    for text, c in kind_requests(cat, w):
        add(f"{cat}: {text}", [(text, c, True, c)])
    # Follow-ups narrow the last list and keep the budget.
    hi = int(max(prices) + 1)
    brands = sorted({p['brand'] for p in P.values()
                     if base(p) and in_stock(p) and p['price'] <= hi})
    br = max(brands, key=lambda x: sum(
        1 for p in P.values() if base(p) and p['brand'] == x))
    add(f"{cat}: follow-ups", [
        (f"show me a {w} under {hi}",
         lambda p, base=base, hi=hi: base(p) and p['price'] <= hi, True,
         base),
        ("cheaper ones?", 'cheaper', True, base),
        (f"only {br}", lambda p, base=base, br=br, hi=hi: base(p) and
         p['brand'] == br and p['price'] <= hi, False, base),
        (f"actually I can only go up to {b}", lambda p, base=base, b=b,
         br=br: base(p) and p['brand'] == br and p['price'] <= b + 0.01,
         False, base),
    ])


# Brands out, more of the same, other wordings, another category.
def top_brand(base, hi=None):
    bs = {}
    for p in P.values():
        if base(p) and in_stock(p) and (hi is None or p['price'] <= hi):
            bs[p['brand']] = bs.get(p['brand'], 0) + 1
    return max(sorted(bs), key=lambda x: bs[x]) if bs else None


def an(w):
    return ('an ' if w[0] in 'aeiou' else 'a ') + w


def not_brand(base, br):
    return lambda p: base(p) and p['brand'] != br


# The next category's word; "an accessory" after a speaker is one for
# it, so accessories are no switch target.
_SW = [w for c, w in WORD.items() if c != 'accessories']
NEXT = {w: _SW[(_SW.index(w) + 1) % len(_SW)] if w in _SW else _SW[0]
        for w in WORD.values()}
for cat, w in WORD.items():
    base = kind_ok(cat)
    prices = [p['price'] for p in P.values() if base(p) and in_stock(p)]
    if not prices:
        continue
    b = int(lower_median(prices) + 0.5)
    br = top_brand(base)
    if br is not None and len({p['brand'] for p in P.values()
                               if base(p) and in_stock(p)}) > 1:
        lb = br.lower()
        for text in (f"{w}, no {lb} please", f"a {w} but not {br}",
                     f"any {w} other than {lb}?",
                     f"{w} from any brand except {lb}",
                     f"i want a {w} that isn't {br}") + (
                         # "non-kestrel electronics gift card" names a
                         # product of that brand
                         (f"non-{lb} {w}",) if ' ' not in lb else ()):
            add(f"{cat}: {text}", [(text, not_brand(base, br), True,
                                    base)])
        for text in (f"no {lb}", f"not {br}", f"anything that isn't {lb}?",
                     f"something other than {br}", f"no {lb} ones"):
            add(f"{cat}: show me a {w} / {text}", [
                (f"show me a {w}", base, True, base),
                (text, not_brand(base, br), True, base)])
    for text in ("any others?", "something else", "more options",
                 "what else have you got?", "show me more",
                 "any other ones?"):
        add(f"{cat}: {w} under {b} / {text}", [
            (f"{w} under {b}", lambda p, base=base, b=b: base(p) and
             p['price'] <= b + 0.01, True, base),
            (text, ('more', lambda p, base=base, b=b: base(p) and
                    p['price'] <= b + 0.01), False, base)])
    for text in (f"{w} under a grand", f"{w} for less than a grand"):
        add(f"{cat}: {text}", [(text, lambda p, base=base: base(p) and
                                p['price'] <= 1000.01, True, base)])
    hi = int(max(prices) + 1)
    for text in ("cheaper?", "anything cheaper?", "something less expensive",
                 "got anything more affordable"):
        add(f"{cat}: {w} under {hi} / {text}", [
            (f"show me a {w} under {hi}", lambda p, base=base, hi=hi:
             base(p) and p['price'] <= hi, True, base),
            (text, 'cheaper', False, base)])
    w2 = NEXT[w]
    c2 = [c for c in WORD if WORD[c] == w2][0]
    base2 = kind_ok(c2)
    for text in (f"actually show me {an(w2)} instead",
                 f"forget that, i need {an(w2)}",
                 f"what about {an(w2)}?"):
        add(f"{cat}: {w} under {b} / {text}", [
            (f"{w} under {b}", lambda p, base=base, b=b: base(p) and
             p['price'] <= b + 0.01, True, base),
            (text, base2, True, base2)])
# Needs said in answer to "would you like to see the specs?", a kind
# said alone, "mid-range", kinds and two brands refused, screen sizes
# written as shoppers write them.
for cat, w in WORD.items():
    base = kind_ok(cat)
    ins = [p for p in P.values() if base(p) and in_stock(p)]
    if not ins:
        continue
    for text, c in attribute_requests(cat, w, base)[:3]:
        add(f"{cat}: show me a {w} / {text} please", [
            (f"show me a {w}", base, True, base),
            (f"{text} please", lambda p, base=base, c=c: base(p) and c(p),
             False, base)])
    # more of a list with needs keeps the needs
    for text, c in attribute_requests(cat, w, base)[:2]:
        add(f"{cat}: {text} / any others?", [
            (text, lambda p, base=base, c=c: base(p) and c(p), False, base),
            ("any others?", ('more', lambda p, base=base, c=c: base(p) and
                             c(p)), False, base)])
    for text in (w, f"{w}?", f"{w}s please"):
        add(f"{cat}: {text}", [(text, base, True, base)])
    allp = sorted(p['price'] for p in ins)
    lo3, hi3 = allp[(len(allp) - 1) // 3], allp[2 * (len(allp) - 1) // 3]
    for text in (f"a mid-range {w}", f"mid range {w} please",
                 f"something midrange, a {w}"):
        add(f"{cat}: {text}", [(text, lambda p, base=base, lo3=lo3,
                                hi3=hi3: base(p) and lo3 - 0.01 <=
                                p['price'] <= hi3 + 0.01, True, base)])
    # a kind the list could hold: of those the category word names
    for text, c in kind_requests(cat, w):
        sub = text[len('show me '):]
        slug = sub.replace(' ', '-')
        if cat in KIND and (slug not in KIND[cat] or len(KIND[cat]) < 2):
            continue
        for t2 in (f"no {sub}", f"anything but {sub}"):
            add(f"{cat}: show me {an(w)} / {t2}", [
                (f"show me {an(w)}", base, True, base),
                (t2, lambda p, base=base, sub=sub: base(p) and
                 p['subcategory'].replace('-', ' ') != sub, True, base)])
    # Sorted by name first: brands with as many products tie, and a
    # set's order changes from run to run (hash seeds).
    bs = sorted(sorted({p['brand'] for p in ins}), key=lambda b: -sum(
        1 for p in ins if p['brand'] == b))
    if len(bs) >= 3:
        b1, b2 = bs[0], bs[1]
        for text in (f"{w}, no {b1.lower()} or {b2.lower()}",
                     f"a {w} but not {b1} and not {b2}"):
            add(f"{cat}: {text}", [(text, lambda p, base=base, b1=b1,
                                    b2=b2: base(p) and p['brand'] not in
                                    (b1, b2), True, base)])
    sizes = sorted({num(p, 'screen_size_in') for p in ins
                    if num(p, 'screen_size_in')})
    for sz in sizes[-2:]:
        sz = int(sz)
        for text in (f"{sz}in {w}", f'{sz}" {w}',
                     f"{w} with a {sz}-inch screen"):
            add(f"{cat}: {text}", [(text, lambda p, base=base, sz=sz:
                                    base(p) and abs((num(
                                        p, 'screen_size_in') or 0) - sz)
                                    < 0.6, True, base)])
for text in ("headphones that cancel noise, nothing over 150 bucks",
             "anything that cancels noise? headphones, 150 max"):
    add(f"headphones: {text}", [(text, lambda p: kind_ok('headphones')(p)
                                 and p['price'] <= 150.01 and
                                 str(attr(p, 'noise_cancelling')).lower()
                                 .startswith('yes'), True,
                                 kind_ok('headphones'))])


def judge(tr, chk, must_list, kind, prev_first, shown=()):
    """'' when the reply is right, else why not."""
    act = tr.get('action') or ''
    res = (tr.get('state_after') or {}).get('results') or []
    if chk == 'cheaper':
        if prev_first is None:
            return 'no first pick before'
        cap = P[prev_first]['price']
        chk = lambda p: kind(p) and p['price'] < cap
    if isinstance(chk, tuple):
        # "any others?": more that fit, none shown before
        chk = (lambda c: lambda p: c(p) and p['sku'] not in shown)(chk[1])
        must_list = True
    fits = [s for s, p in P.items() if chk(p) and in_stock(p)]
    if act == 'recommend':
        bad = [s for s in res if not chk(P[s])]
        return 'lists %s' % bad if bad else ''
    if act == 'recommend_nearest':
        if fits:
            return 'says none fits, but %d do' % len(fits)
        if not res or not kind(P[res[0]]) or 'closest' not in tr['reply']:
            return 'nearest not of the kind or not said to miss'
        return ''
    if act == 'recommend_sold_out':
        return sweeplib.sold_out_fit(fits, res, P, chk)
    if act == 'recommend_no_more':
        return 'says no more, but %d do' % len(fits) if fits else ''
    if act == 'recommend_none':
        return 'says none fits, but %d do' % len(fits) if fits else ''
    if not must_list and not fits:
        return ''
    return 'no list (%s)' % act


def main():
    tap = sweeplib.Tap()
    runs = sweeplib.replay(SHOPDESK, [[t for t, *_ in turns]
                                      for _, turns in SESSIONS], tap.bail)
    for (label, turns), traces in zip(SESSIONS, runs):
        why = []
        prev = None
        shown = set()
        cap = None      # "cheaper ones?" keeps below the pick before
        for (text, chk, must, kind), tr in zip(turns, traces):
            if chk == 'cheaper' and prev is not None:
                cap = P[prev]['price']
            elif cap is not None and not text.startswith('actually'):
                chk = (lambda c, cp: lambda p: c(p) and p['price'] < cp)(
                    chk, cap)
            w = judge(tr, chk, must, kind, prev, shown)
            if w:
                why.append('%r: %s' % (text, w))
            res = (tr.get('state_after') or {}).get('results') or []
            prev = res[0] if res else prev
            shown |= set(res)
        tap.ok(not why, label)
        for x in why:
            print('#   ' + x)
    tap.plan()
    print('# sweep: %d of %d requests right' % (tap.passed, tap.n))
    return 0 if tap.passed == tap.n else 1


sys.exit(main())
