#!/usr/bin/env python3
"""Last-reply sweep: a brand said alone ("the <brand> one") right after
the bot showed a list resolves against the items of that reply first,
over the demo catalog.

For each subcategory, "show me <subcategory> <category>" (the list the
bot shows is read from the turn's trace, state_after results), then:

  list     a brand that one listed product has, while the catalog has
           other products of that brand: "the <brand> one, how much is
           it?" is that listed product (the focus after the turn), never
           another of the brand's from the catalog;
  older    the same after an older product of the brand was discussed
           first ("tell me about <older>"): the listed one, not the
           older one;
  newer    the list first, then another product of the brand named
           ("tell me about <other>"): the one of the last reply, not
           the listed one;
  two      a brand that two listed products have: neither is picked
           alone (the reply asks which, naming both).

A case whose list turn, in its session, did not show the product
(the list asked for reads otherwise beside a product discussed) is
left out and counted apart (SKIPPED).

Prints a FAIL line per miss (every case with -v) and "LIST passed
total", "OLDER ...", "TWO ..." for the .t's floors.
Usage: lastreply-sweep.py SHOPDESK PRODUCTS.jsonl"""
import re
import sys

import sweeplib

SHOPDESK, PRODUCTS = sys.argv[1], sys.argv[2]
VERBOSE = '-v' in sys.argv
P = {p['sku']: p for p in sweeplib.products(PRODUCTS)}
BY_BRAND = {}
for s, p in P.items():
    BY_BRAND.setdefault(p['brand'], []).append(s)
SUBS = sorted({(p['category'], p['subcategory']) for p in P.values()
               if p.get('subcategory') and p['subcategory'] != 'other'})


def ask_list(cat, sub):
    return 'show me %s %s' % (sub.replace('-', ' '), cat)


# First pass: the lists the bot shows.
sessions = [[ask_list(c, s)] for c, s in SUBS]
shown = {}
for (c, s), tr in zip(SUBS, sweeplib.replay(SHOPDESK, sessions)):
    res = (tr[0].get('state_after') or {}).get('results') or []
    if len(res) >= 2 and all(r in P for r in res):
        shown[(c, s)] = res

cases = []      # (kind, lines, the brand's listed skus)
for key, res in sorted(shown.items()):
    brands = {}
    for r in res:
        brands.setdefault(P[r]['brand'], []).append(r)
    for b, skus in sorted(brands.items()):
        # Plain words only: a brand the customer can say as written.
        if not re.fullmatch(r"[A-Za-z][A-Za-z' -]+", b):
            continue
        lst = ask_list(*key)
        if len(skus) == 1 and len(BY_BRAND[b]) > 1:
            said = 'the %s one, how much is it?' % b.lower()
            cases.append(('LIST', [lst, said], skus))
            older = [o for o in BY_BRAND[b] if o not in res]
            if older:
                cases.append(('OLDER', ['tell me about the %s' %
                                        sweeplib.base_name(P[older[0]]),
                                        lst, said], skus))
                cases.append(('NEWER', [lst, 'tell me about the %s' %
                                        sweeplib.base_name(P[older[0]]),
                                        said], [older[0]]))
        elif len(skus) == 2 and \
                sweeplib.base_name(P[skus[0]]) != \
                sweeplib.base_name(P[skus[1]]):
            cases.append(('TWO', [lst, 'the %s one, how much is it?' %
                                  b.lower()], skus))

traces = sweeplib.replay(SHOPDESK, [c[1] for c in cases])
KINDS = ('LIST', 'OLDER', 'NEWER', 'TWO')
score = {k: [0, 0] for k in KINDS}
skipped = 0
for (kind, lines, skus), tr in zip(cases, traces):
    last = tr[-1]
    at = 1 if kind == 'OLDER' else 0
    held = (tr[at].get('state_after') or {}).get('results') or []
    if kind in ('OLDER', 'LIST', 'TWO') and not set(skus) <= set(held):
        skipped += 1
        continue
    if kind == 'NEWER' and sweeplib.focus(tr[1]) != skus[0]:
        skipped += 1
        continue
    reply = last.get('reply') or ''
    got = sweeplib.focus(last)
    if kind == 'TWO':
        named = all(sweeplib.base_name(P[s]) in reply for s in skus)
        ok = named and last.get('action', '').startswith('ask')
    else:
        p = P[skus[0]]
        ok = got == skus[0] and sweeplib.money(p['price']) in reply
    score[kind][0] += ok
    score[kind][1] += 1
    if not ok or VERBOSE:
        print('%s %s %s: %s -> %s (%s) %s' % (
            'ok' if ok else 'FAIL', kind, ' / '.join(lines), skus,
            got, last.get('action'), sweeplib.clip(reply, 160)))
for k in KINDS:
    print(k, score[k][0], score[k][1])
print('SKIPPED', skipped)
