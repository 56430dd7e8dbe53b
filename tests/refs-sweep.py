#!/usr/bin/env python3
"""References sweep: which product the customer's words name or point
at, generated from the whole demo catalog.

  base     every line with variants beside it (the catalog's names: the
           words of one line a strict part of another's, same kind) by
           "the normal/regular/standard X": the base line, never a
           variant;
  variant  each variant by the base's words and its own distinguishing
           word;
  model    every product by a model number of its name alone ("the
           g502"), where no other product's name has it;
  two      two products named in one message: both shown, with prices;
  brand    a brand said alone after two shown, one of that brand: it;
  place    "the first two" of three shown: both; "the middle one".

The product meant is read from the turn's trace (state_after focus and
results), never from the reply's words alone.  Prints TAP, one line per
case.  Usage: refs-sweep.py SHOPDESK PRODUCTS.jsonl"""
import re
import sys

import sweeplib
from sweeplib import base_name, focus, money

SHOPDESK, PRODUCTS = sys.argv[1], sys.argv[2]
P = {p['sku']: p for p in sweeplib.products(PRODUCTS)}

UNIT = re.compile(r'^\d+(\.\d+)?(gb|tb|mm|w|mah|hz|ft|m|inch|-inch|-pack|'
                  r'-port|-in-1)$')


def words(s):
    return re.findall(r"[a-z0-9+]+(?:[-_'][a-z0-9+]+)*", s.lower())


def line_words(p):
    """A name's words without brand, bracketed variant, sizes."""
    n = re.sub(r'\s*\(.*?\)', '', p['name'])
    br = set(words(p['brand']))
    return [w for w in words(n) if w not in br and not UNIT.match(w)]


CASES = []      # (label, [messages], judge(traces) -> '' or why)


def results(tr):
    return (tr.get('state_after') or {}).get('results') or []


def about(sku_ok, tr):
    f = focus(tr)
    if f is None:
        return 'no product (%s: %s)' % (tr.get('action'),
                                        tr.get('reply', '')[:80])
    if not sku_ok(f):
        return 'about %s (%s)' % (P[f]['name'], tr.get('action'))
    return ''


def shows(skus, tr):
    """Every sku named in the reply with its price, in the results."""
    rep = tr.get('reply', '')
    why = []
    for s in skus:
        if P[s]['name'] not in rep:
            why.append('%s not named' % P[s]['name'])
        elif money(P[s]['price']) not in rep:
            why.append('%s without its price' % P[s]['name'])
    if not why and not set(skus) <= set(results(tr)):
        why.append('not kept as the list shown')
    return '; '.join(why)


# ---- base and variants ----
BASE_WORDS = ['normal', 'regular', 'standard']
lines = {}
for s, p in P.items():
    lines.setdefault((p['brand'], p['subcategory'],
                      tuple(line_words(p))), []).append(s)
for (br, sub, lw), skus in sorted(lines.items()):
    if not lw:
        continue
    variants = [k for k in lines if k[0] == br and k[1] == sub and
                set(lw) < set(k[2])]
    if not variants:
        continue
    said = ' '.join(lw)
    if len(lw) == 1:        # "echo" alone is a word of the language
        said = br.lower() + ' ' + said
    base = set(skus)
    for bw in BASE_WORDS:
        q = 'how much is the %s %s' % (bw, said)
        CASES.append(('base: ' + q, [q],
                      (lambda base: lambda t: about(lambda f: f in base,
                                                    t[-1]))(base)))
    b0 = sorted(skus)[0]
    for v in variants:
        extra = [w for w in v[2] if w not in lw]
        vs = set(lines[v])
        v0 = sorted(vs)[0]
        two = 'show me the %s and the %s' % (base_name(P[b0]),
                                              base_name(P[v0]))
        word = max(extra, key=len)
        CASES.append(('variant after both: the %s one' % word,
                      [two, 'the %s one, is it in stock' % word],
                      (lambda vs: lambda t: about(lambda f: f in vs,
                                                  t[-1]))(vs)))
        CASES.append(('base after both: %s' % base_name(P[b0]),
                      [two, 'and the regular one?'],
                      (lambda base: lambda t: about(lambda f: f in base,
                                                    t[-1]))(base)))

# ---- a line's members ranked by the size their names give, or price ----
def name_size(n):
    m = re.search(r'\$(\d+)', n)
    if m:
        return float(m.group(1))
    for m in re.finditer(r'(?<![\w.])(\d+(?:\.\d+)?)("|-inch| inch|gb|tb|mm)',
                         n, re.I):
        v = float(m.group(1))
        return v * 1000 if m.group(2).lower() == 'tb' else v
    return None


for (br, sub, lw), skus in sorted(lines.items()):
    if len(skus) < 2 or not lw or ' for ' in P[skus[0]]['name']:
        continue
    said = ' '.join(lw)
    if len(lw) == 1:
        said = br.lower() + ' ' + said
    for word, key, pick in (('bigger', name_size, max),
                            ('smallest', name_size, min),
                            ('more expensive', lambda n: None, max)):
        vals = {s: (key(P[s]['name']) if word != 'more expensive'
                    else P[s]['price']) for s in skus}
        if any(v is None for v in vals.values()):
            continue
        best = pick(vals.values())
        if list(vals.values()).count(best) != 1:
            continue
        want = next(s for s, v in vals.items() if v == best)
        q = 'how much is the %s %s' % (word, said)
        CASES.append(('ranked: ' + q, [q],
                      (lambda w: lambda t: about(lambda f: f == w,
                                                 t[-1]))(want)))

# ---- model numbers alone ----
tok_owner = {}
for s, p in P.items():
    # "Disc Drive for PS5": the words after "for" name another product
    own = re.sub(r'\s*\(.*?\)', '', p['name']).split(' for ')[0]
    for w in set(words(own)):
        if re.search(r'\d', w) and re.search(r'[a-z]', w) and \
                not UNIT.match(w) and len(w) >= 3:
            tok_owner.setdefault(w, set()).add(s)
for w, owners in sorted(tok_owner.items()):
    if len(owners) != 1:
        continue
    s = next(iter(owners))
    CASES.append(('model: the %s' % w, ['tell me about the %s' % w],
                  (lambda s: lambda t: about(lambda f: f == s, t[-1]))(s)))

# ---- two named, a brand after them, places ----
bycat = {}
for s, p in sorted(P.items()):
    bycat.setdefault(p['category'], []).append(s)
for cat, skus in sorted(bycat.items()):
    picked = []
    for s in skus:     # two of other brands and other lines
        if all(P[s]['brand'] != P[o]['brand'] for o in picked):
            picked.append(s)
        if len(picked) == 3:
            break
    if len(picked) < 2:
        continue
    a, b = picked[0], picked[1]
    na, nb = base_name(P[a]), base_name(P[b])
    CASES.append(('two: %s and %s' % (na, nb),
                  ['show me the %s and the %s' % (na, nb)],
                  (lambda a, b: lambda t: shows([a, b], t[-1]))(a, b)))
    CASES.append(('brand after two: %s' % P[b]['brand'],
                  ['can you show me the %s and the %s' % (na, nb),
                   'the %s one, how much is it' % P[b]['brand'].lower()],
                  (lambda b: lambda t: about(lambda f: f == b,
                                             t[-1]))(b)))
    if len(picked) == 3:
        c = picked[2]
        nc = base_name(P[c])
        CASES.append(('first two of three: %s' % cat,
                      ['show me the %s, the %s and the %s' % (na, nb, nc),
                       'tell me about the first two'],
                      (lambda a, b: lambda t: shows([a, b], t[-1]))(a, b)))
        CASES.append(('middle of three: %s' % cat,
                      ['show me the %s, the %s and the %s' % (na, nb, nc),
                       'the middle one, how much?'],
                      (lambda b: lambda t: about(lambda f: f == b,
                                                 t[-1]))(b)))


def main():
    runs = sweeplib.replay(SHOPDESK, [m for _, m, _ in CASES],
                           sweeplib.Tap().bail)
    return sweeplib.report((label, judge(trs), None)
                           for (label, _, judge), trs in zip(CASES, runs))


sys.exit(main())
