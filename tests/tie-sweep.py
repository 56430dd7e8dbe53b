#!/usr/bin/env python3
"""Tie sweep: two products of a category that cost the same (or share
a rating) are put side by side ("compare the A and the B"), then a
question picks one by that ranking in shoppers' words ("which one is
cheaper", "and the cheapest of those?", "the best rated one, is it in
stock?").  Neither ranks first, so the reply must name both and ask
which, never answer about one as if it won, nor ask which two to
compare.  As control, pairs whose prices or ratings differ: the winner
by the data must be the focus and named (these count to a floor, 95%,
in one line: their other failings are other modules').  Prints TAP, one
line per question.  Usage: tie-sweep.py SHOPDESK PRODUCTS.jsonl"""
import itertools
import sys

import sweeplib

SHOPDESK, PRODUCTS = sys.argv[1], sys.argv[2]
P = sweeplib.products(PRODUCTS)

ASK = {
    'price': ['which one is cheaper?', 'and the cheapest of those',
              'whats the less expensive one', 'the cheaper one pls',
              'ok so which of them is the cheapest one'],
    'rating': ['which one is better rated?', 'the best rated one then',
               'and the highest rated of those?'],
}


def val(p, by):
    return p['price'] if by == 'price' else p.get('rating')


def pairs():
    """(by, a, b, tie) pairs of each category: a few tied, a few not."""
    out = []
    for cat, ps in sorted(sweeplib.by_category(P).items()):
        for by in ASK:
            tied = other = 0
            for a, b in itertools.combinations(ps, 2):
                va, vb = val(a, by), val(b, by)
                if va is None or vb is None or not va or not vb:
                    continue
                tie = abs(va - vb) < 1e-9
                if tie and tied < 2:
                    tied += 1
                elif not tie and other < 1 and abs(va - vb) >= 1:
                    other += 1
                else:
                    continue
                out.append((by, a, b, tie))
    return out


def main():
    cases = []
    for by, a, b, tie in pairs():
        for q in ASK[by]:
            cases.append((by, a, b, tie, q))
    tap = sweeplib.Tap()
    runs = sweeplib.replay(SHOPDESK, [['compare the %s and the %s' %
                                       (a['name'], b['name']), q]
                                      for _, a, b, _, q in cases], tap.bail)
    tap.plan(sum(c[3] for c in cases) + 2)
    unset = picks = picked = 0
    for (by, a, b, tie, q), (first, ans) in zip(cases, runs):
        shown = (first.get('state_after') or {}).get('results') or []
        desc = '%s %s "%s" | %s / %s' % ('tie' if tie else 'pick', by, q,
                                         a['sku'], b['sku'])
        if sorted(shown) != sorted([a['sku'], b['sku']]):
            unset += 1
            if tie:
                tap.ok(True, desc + ' # SKIP comparison not set up',
                       kind='not set up')
            else:
                picks += 1
                picked += 1
            continue
        reply = ans.get('reply') or ''
        focus = ((ans.get('state_after') or {}).get('focus') or [None])[0]
        why = ''
        if 'Which two products' in reply:
            why = 'asked which two to compare'
        elif tie and not (a['name'] in reply and b['name'] in reply):
            why = 'did not name both tied'
        elif not tie:
            more = by == 'rating'
            win = max(a, b, key=lambda p: val(p, by)) if more else \
                min(a, b, key=lambda p: val(p, by))
            if focus != win['sku'] or win['name'] not in reply:
                why = 'not about %s (focus %s)' % (win['sku'], focus)
        if why:
            desc += ' # %s | %s' % (why, sweeplib.clip(reply, 160))
        if not tie:
            picks += 1
            picked += not why
            if why or sweeplib.VERBOSE:
                print('# %s %s' % ('ok  ' if not why else 'FAIL', desc))
            continue
        tap.ok(not why, desc, kind='tie ' + by)
    tap.ok(picked >= 0.95 * picks, 'pairs that differ: the winner for '
           '%d of %d questions' % (picked, picks))
    n = len(cases) - unset
    tap.ok(n >= 0.8 * len(cases), 'comparisons set up for %d of %d '
           'questions' % (n, len(cases)))
    tap.kind_totals()


main()
