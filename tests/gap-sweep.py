#!/usr/bin/env python3
"""Gap sweep: for every category of the demo catalog and every attribute
whose key names its unit (weight_kg, battery_hours, refresh_hz, ram_gb,
battery_wh, battery_mah), two products of the category with different
values are put side by side ("compare A and B"), then the customer asks
how much more or less of it one has than the other, in the sweep's own
shoppers' words ("how much heavier is A than B", "by how much does A
last longer than B", "the B, how much lighter is it than A").  The reply
must give both values and their difference as the data says (this file
reads them itself) and never a price.  Then a pair of which neither
states a weight is asked how much lighter one is: the reply must say the
specifications do not give it, never a price.  Prints TAP, one line per
question.  Usage: gap-sweep.py SHOPDESK PRODUCTS.jsonl"""
import re
import sys

import sweeplib

SHOPDESK, PRODUCTS = sys.argv[1], sys.argv[2]
P = sweeplib.products(PRODUCTS)

# The unit a key's last word names, and how a shopper asks for more
# and for less of it ({a} asked about, {b} the other).
ASK = {
    '_kg': (['how much heavier is the {a} than the {b}?',
             'by how much does the {a} weigh more than the {b}'],
            ['how much lighter is the {a} than the {b}',
             'the {a}, by how much is it lighter than the {b}?']),
    '_hours': (['how many more hours does the {a} last than the {b}',
                'how much longer is the battery on the {a} vs the {b}'],
               ['how much shorter is the battery life of the {a} '
                'compared to the {b}?']),
    '_hz': (['how much faster does the {a} refresh than the {b}'],
            ['how much lower is the refresh rate of the {a} than the {b}']),
    'ram_gb': (['how much more ram does the {a} have than the {b}'],
               ['how much less memory has the {a} got than the {b}']),
    '_wh': (['how much bigger is the battery of the {a} than the {b}'],
            []),
    '_mah': (['how much more battery capacity does the {a} have than '
              'the {b}'], []),
}


def unit_of(key):
    for s in ASK:
        if key.endswith(s):
            return s
    return None


def num(v):
    return v if isinstance(v, (int, float)) and not isinstance(v, bool) \
        else None


def fmt(x):
    """A number as the reply writes it (%g)."""
    return '%g' % x


def hundredths(x):
    """The gap as the reply writes it: to the hundredth, every digit
    (the fact-checker backs a gap only when it is exact)."""
    s = '%.2f' % round(x, 2)
    return s.rstrip('0').rstrip('.') if '.' in s else s


def cases():
    out = []
    for cat, ps in sorted(sweeplib.by_category(P).items()):
        keys = sorted({k for p in ps for k in (p.get('attrs') or {})})
        for key in keys:
            u = unit_of(key)
            if u is None:
                continue
            have = [(num(p['attrs'][key]), p) for p in ps
                    if key in (p.get('attrs') or {})]
            have = sorted([(v, p) for v, p in have if v is not None],
                          key=lambda vp: (vp[0], vp[1]['sku']))
            if len(have) < 2 or have[0][0] == have[-1][0]:
                continue
            lo, hi = have[0], have[-1]
            more, less = ASK[u]
            for q in more:
                out.append((cat, key, hi, lo, q))
            for q in less:
                out.append((cat, key, lo, hi, q))
    return out


def silent_pair():
    """Two products of a kind, neither stating a weight."""
    for cat, ps in sorted(sweeplib.by_category(P).items()):
        bare = [p for p in ps if not any(k.startswith('weight')
                                         for k in (p.get('attrs') or {}))]
        if len(bare) >= 2 and len(bare) < len(ps):
            return bare[0], bare[1]
    return None


def main():
    cs = cases()
    sessions = [['compare the %s and the %s' % (a[1]['name'], b[1]['name']),
                 q.format(a=a[1]['name'], b=b[1]['name'])]
                for _, _, a, b, q in cs]
    pair = silent_pair()
    if pair:
        sessions.append(['compare the %s and the %s' % (pair[0]['name'],
                                                        pair[1]['name']),
                         'how much lighter is the %s' % pair[0]['name']])
    traces = sweeplib.replay(SHOPDESK, sessions)
    verdicts = []
    for (cat, key, a, b, q), tr in zip(cs, traces):
        t = tr[-1]
        reply = t.get('reply', '')
        label = 'gap:%s %s %s' % (cat, key, q.split(' ')[2])
        why = ''
        for v in (fmt(a[0]), fmt(b[0]), hundredths(abs(a[0] - b[0]))):
            if not re.search(r'(?<![\d.])%s(?![\d])' % re.escape(v),
                             reply):
                why = 'no %s in the reply' % v
                break
        if not why and '$' in reply:
            why = 'a price in an attribute answer'
        if not why and reply.find(a[1]['name']) < 0:
            why = 'does not name the %s' % a[1]['name']
        verdicts.append((label, why, q.format(a=a[1]['name'],
                                              b=b[1]['name']) + ' -> ' +
                         sweeplib.clip(reply, 200)))
    if pair:
        reply = traces[-1][-1].get('reply', '')
        why = ''
        if '$' in reply:
            why = 'a price for a weight no specification gives'
        elif not re.search(r"don't say|not (listed|stated)|don't list",
                           reply):
            why = 'does not say the specifications are silent'
        verdicts.append(('silent:%s' % pair[0]['category'], why,
                         sweeplib.clip(reply, 200)))
    sys.exit(sweeplib.report(verdicts))


main()
