#!/usr/bin/env python3
"""Kind sweep: the kind and brand of an opening request, over every kind
(subcategory) of the demo catalog.  The requests are made from the data:

  brand + kind   each brand a kind carries, named with the kind's word
                 (the last word of its slug when that is a noun, else its
                 category's): every product listed is of that brand and
                 of a kind that word names
  absent brand   a brand the catalog has, but none of the kinds the word
                 names: the reply says there is none, and lists none
  need + word    a kind word several categories share ("cameras": the
                 cameras category and smart-home/cameras), with words of
                 the kind's own descriptions that no other candidate
                 says: the products listed are of that kind's category
  word alone     such a shared word alone: a list of one of the kinds it
                 names, or one question naming them

Prints TAP, one line per request.  Usage: kind-sweep.py SHOPDESK
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
    return stem(slug.split('-')[-1])


KINDS = sorted({(p['category'], p['subcategory']) for p in P.values()})
BRANDS = collections.defaultdict(set)       # kind -> brands
for p in P.values():
    if p['brand']:
        BRANDS[(p['category'], p['subcategory'])].add(p['brand'])
ALL_BRANDS = sorted({b for bs in BRANDS.values() for b in bs})


def named_by(word):
    """The kinds a kind word names: its subcategory's or category's head."""
    w = stem(word)
    return {k for k in KINDS if head(k[1]) == w or head(k[0]) == w}


def word_of(kind):
    """How the test names a kind: its subcategory's words if they end in
    a plural noun ("power banks"), else its category's; None when
    neither does ("smart-home/plugs" is "plugs", "tvs/oled" is "tvs")."""
    brands = {b.lower() for b in ALL_BRANDS}
    for slug in kind[1], kind[0]:
        last = slug.split('-')[-1]
        if last.endswith('s') and len(last) > 3 and last not in brands \
                and not named_elsewhere(last, kind[0]):
            return slug.replace('-', ' ')
    return None


def named_elsewhere(word, cat):
    """Do other categories' product names say the word ("Windows 11")?"""
    w = stem(word)
    return any(p['category'] != cat and w in map(stem, re.findall(
        r'[a-z]+', p['name'].lower())) for p in P.values())


def words(text):
    return [w for w in re.findall(r'[a-z]+', text.lower()) if len(w) > 3]


def kind_text(kind):
    out = collections.Counter()
    for p in P.values():
        if (p['category'], p['subcategory']) == kind:
            out.update(set(words(p['description'] + ' ' + p['name'])))
    return out


REQUESTS = []   # (label, text, check)


def listing(pred):
    def check(tr):
        res = cited(tr)
        if not res and not any(pred(p) and p['stock'] > 0
                               for p in P.values()):
            return ''   # none in stock: saying so is right
        if not res:
            return 'no list (%s)' % tr.get('action')
        bad = [s for s in res if not pred(P[s])]
        return 'lists %s' % bad if bad else ''
    return check


def cited(tr):
    return [r['id'] for r in tr.get('retrieved') or []
            if r.get('kind') == 'product' and r.get('cited') and r['id'] in P]


# brand + kind, and brands absent from the kinds a word names
seen_words = set()
for kind in KINDS:
    w = word_of(kind)
    if w is None:
        continue
    kinds = named_by(w.split()[-1])
    for b in sorted(BRANDS[kind])[:2]:
        REQUESTS.append((
            '%s/%s: %s %s' % (kind + (b, w)),
            'show me %s %s' % (b.lower(), w),
            listing(lambda p, b=b, ks=kinds: p['brand'] == b and
                    (p['category'], p['subcategory']) in ks)))
    if w in seen_words:
        continue
    seen_words.add(w)
    have = {b for k in kinds for b in BRANDS[k]}
    absent = [b for b in ALL_BRANDS if b not in have and ' ' not in b]
    for b in absent[len(seen_words) % 7::23][:1]:
        def none(tr, b=b, ks=kinds):
            res = [s for s in cited(tr) if P[s]['brand'] == b]
            if res:
                return 'lists %s' % res
            if not re.search(r"\b(don't|do not|no)\b.*\b%s\b" % re.escape(
                    b), tr.get('reply') or '', re.I):
                return 'does not say there is none (%s)' % tr.get('action')
            return ''
        REQUESTS.append(('%s: %s %s (none)' % (kind[0], b, w),
                         '%s %s?' % (b.lower(), w), none))

# shared kind words: a need from the kind's own words, and the word alone
shared = collections.defaultdict(set)
for kind in KINDS:
    w = word_of(kind)
    if w is not None:
        w = stem(w.split()[-1])
        cats = {k[0] for k in named_by(w)}
        if len(cats) > 1:
            shared[w] = cats
# Words of attribute keys read as needs of their own ("c_wire").
KEYWORDS = {x for p in P.values() for k in (p.get('attrs') or {})
            for x in k.lower().split('_')}
# Brands and kinds' own names say a brand or a kind, not a need.
NAMES = {x for b in ALL_BRANDS for x in words(b)} | {
    x for p in P.values() for x in words(p['name'])} | {
    x for k in KINDS for slug in k for x in slug.split('-')} | {
    stem(x) for k in KINDS for slug in k for x in slug.split('-')}
DF = collections.Counter()      # in how many kinds a word is said
TEXT = {k: kind_text(k) for k in KINDS}
for k in KINDS:
    DF.update(TEXT[k].keys())
for w, cats in sorted(shared.items()):
    texts = {c: collections.Counter() for c in cats}
    for k in named_by(w):
        texts[k[0]].update(TEXT[k])
    for c in sorted(cats):
        others = collections.Counter()
        for o in cats - {c}:
            others.update(texts[o])
        # words few kinds of the whole catalog say, and none of the
        # other candidates
        # ties by the word itself, so each run asks the same
        own = [x for x, n in sorted(texts[c].items(),
                                    key=lambda xn: (-xn[1], xn[0]))
               if x not in others and stem(x) != w and
               DF[x] <= 3 and x not in KEYWORDS and x not in NAMES][:2]
        if len(own) < 2:
            continue
        REQUESTS.append((
            '%s: a %s, %s' % (c, w, ' '.join(own)),
            'i want a %s, %s and %s' % (w, own[0], own[1]),
            listing(lambda p, c=c: p['category'] == c)))

    def alone(tr, cats=cats):
        if tr.get('action') == 'ask_kind':
            return ''
        res = cited(tr)
        cs = {P[s]['category'] for s in res}
        if not res:
            return 'no list nor question (%s)' % tr.get('action')
        return '' if len(cs) == 1 and cs <= cats else 'lists %s' % res
    REQUESTS.append(('%s alone' % w, '%ss?' % w, alone))


def kind_word_in(text, e):
    """Does the category entity e cover a word heading a kind?"""
    span = text[e['start']:e['end']]
    return any(named_by(x) for x in re.findall(r'[a-z]+', span.lower()))


def run():
    runs = sweeplib.replay(SHOPDESK, [[text] for _, text, _ in REQUESTS],
                           bail=sweeplib.Tap().bail)
    return [r[0] for r in runs]


def main():
    traces = run()
    if len(traces) != len(REQUESTS):
        print('Bail out! %d traces for %d requests' % (len(traces),
                                                        len(REQUESTS)))
        return 1
    npass = 0
    todo = 0
    for i, ((label, text, check), tr) in enumerate(zip(REQUESTS, traces)):
        why = check(tr)
        npass += not why
        # The reading starts from the kind word the entity extractor
        # found; a word it does not read as a kind is its limit.
        skip = ''
        if why and not any(e.get('type') == 'category' and
                           e.get('value') and kind_word_in(text, e)
                           for e in tr.get('entities') or []):
            skip = ' # TODO no category entity for the kind word'
            todo += 1
        print('%s %d - %s%s' % ('not ok' if why else 'ok', i + 1, label,
                                skip))
        if why:
            print('#   %r: %s' % (text, why))
    print('1..%d' % len(REQUESTS))
    print('# sweep: %d of %d requests right (%d left to the entity '
          'extractor)' % (npass, len(REQUESTS), todo))
    return 0 if npass + todo == len(REQUESTS) else 1


sys.exit(main())
