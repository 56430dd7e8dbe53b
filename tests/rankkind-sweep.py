#!/usr/bin/env python3
"""Kind-ranking sweep: for every subcategory of the demo catalog whose
products state a weight (weight_kg) or a battery life (battery_hours)
as a number, one product of it is asked about, then the customer asks
which is the most or least of it with the budget set aside ("which one
is the lightest, price aside", "which lasts the longest, any price").
The reply must name the subcategory's best by the data (this file reads
the values itself) with its value, and never ask which products to
compare.  And "one more" is no superlative: the same first product, then
"one more question, what's the weight of this one" must stay about it,
never rank the kind.  Prints TAP.  Usage: rankkind-sweep.py SHOPDESK PRODUCTS.jsonl"""
import sys

import sweeplib

SHOPDESK, PRODUCTS = sys.argv[1], sys.argv[2]
P = sweeplib.products(PRODUCTS)

# key -> (more is asked, question), in the sweep's own words.
ASK = {
    'weight_kg': [(False, 'which one is the lightest, price aside'),
                  (True, 'regardless of price, which is the heaviest')],
    'battery_hours': [(True, 'which lasts the longest on a charge, any '
                       'price'),
                      (False, 'forget the budget: which one has the '
                       'shortest battery life')],
}


# key -> a question about the product shown with "more" in it, not a
# ranking.
MORE = {
    'weight_kg': "sorry, one more question: what's the weight of this one",
    'battery_hours': 'ok one more thing - whats the battery life on it',
}


def num(v):
    return v if isinstance(v, (int, float)) and not isinstance(v, bool) \
        else None


def cases():
    sub = {}
    for p in P:
        sub.setdefault((p['category'], p.get('subcategory') or ''),
                       []).append(p)
    out = []
    for (cat, sc), ps in sorted(sub.items()):
        for key, qs in ASK.items():
            have = [(num((p.get('attrs') or {}).get(key)), p) for p in ps]
            have = [(v, p) for v, p in have if v is not None]
            # Every product of it states it: the best is the data's.
            if len(have) < 2 or len(have) < len(ps):
                continue
            for more, q in qs:
                best = max(v for v, _ in have) if more else \
                    min(v for v, _ in have)
                win = [p for v, p in have if v == best]
                if len(win) != 1:
                    continue
                out.append((cat, sc, key, q, ps[0], win[0], best))
    return out


def main():
    cs = cases()
    sessions = [['tell me about the %s' % c[4]['name'], c[3]] for c in cs]
    traces = sweeplib.replay(SHOPDESK, sessions)
    verdicts = []
    for (cat, sc, key, q, first, win, best), tr in zip(cs, traces):
        reply = tr[-1].get('reply', '')
        why = ''
        if win['name'] not in reply:
            why = 'the best is the %s (%g)' % (win['name'], best)
        elif '%g' % best not in reply.replace(',', ''):
            why = 'no %g in the reply' % best
        elif 'which products' in reply.lower():
            why = 'asked which products'
        verdicts.append(('kind:%s/%s %s' % (cat, sc, key), why,
                         q + ' -> ' + sweeplib.clip(reply, 200)))
    seen = set()
    more = []
    for (cat, sc, key, q, first, win, best) in cs:
        if (cat, sc, key) not in seen:
            seen.add((cat, sc, key))
            more.append((cat, sc, key, first))
    traces = sweeplib.replay(SHOPDESK, [['tell me about the %s' %
                                         m[3]['name'], MORE[m[2]]]
                                        for m in more])
    for (cat, sc, key, first), tr in zip(more, traces):
        t = tr[-1]
        reply = t.get('reply', '')
        why = ''
        if 'of all our' in reply.lower() or t.get('action') == \
                'best_of_kind':
            why = 'ranked the kind'
        elif first['name'] not in reply:
            why = 'not about the %s' % first['name']
        verdicts.append(('more:%s/%s %s' % (cat, sc, key), why,
                         MORE[key] + ' -> ' + sweeplib.clip(reply, 200)))
    sys.exit(sweeplib.report(verdicts))


main()
