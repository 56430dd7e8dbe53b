#!/usr/bin/env python3
"""Names sweep: the product the customer names is the subject, over the
whole demo catalog.

  model    each line of a family with several lines (the words of the
           catalog's names before the first one with a digit: "Google
           Pixel", "Lenovo ThinkPad") said by its model words alone
           ("the 8 pro", "the e14") with ANOTHER line of the family in
           focus: "what about the X" must be about X; "add the X to my
           cart" must add X; "the difference between the A and the B"
           must compare A and B;
  context  each product with a compatible_with list, in focus: "does it
           work with my D" and "does it have usb-c? i have a D", D a
           product of another kind, must stay about the product in
           focus (the customer's own device is context, not the
           subject);
  list     each family of one kind with a line out of stock: "which X
           do you have" lists its lines, those out of stock marked;
  stock    each product out of stock: a price question must give the
           price and say it is out of stock.

The product meant is read from the turn's trace (state_after focus, the
action and its reason), never from the reply's words alone.  Prints TAP,
one line per case.  Usage: names-sweep.py SHOPDESK PRODUCTS.jsonl"""
import json
import re
import sys

import sweeplib
from sweeplib import base_name, focus, money

SHOPDESK, PRODUCTS = sys.argv[1], sys.argv[2]
USER = 'C1001'
P = {}
for line in open(PRODUCTS):
    p = json.loads(line)
    if p.get('type', 'product') == 'product':
        P[p['sku']] = p


CASES = []      # (label, [messages], judge(traces) -> '' or why)


def about(skus, tr):
    f = focus(tr)
    if f is None:
        return 'no product (%s: %s)' % (tr.get('action'),
                                        tr.get('reply', '')[:80])
    if f not in skus:
        return 'about %s (%s)' % (P[f]['name'], tr.get('action'))
    return ''


def added(skus, tr):
    why = tr.get('reason') or ''
    if tr.get('action') != 'cart_add' or \
            not any(s in why.split() for s in skus):
        return 'not added (%s: %s)' % (tr.get('action'), why[:80])
    return ''


def compared(a, b, tr):
    rep = tr.get('reply', '')
    if tr.get('action') != 'compare':
        return 'no comparison (%s: %s)' % (tr.get('action'), rep[:80])
    miss = [base_name(P[s[0]]) for s in (a, b)
            if not any(P[k]['name'] in rep for k in s)]
    return '; '.join('%s not compared' % m for m in miss)


# ---- model words said in the family in focus ----
lines = {}      # family -> base name -> skus
for s, p in sorted(P.items()):
    n = base_name(p)
    if ' for ' in n or ' with ' in n:
        continue
    w = n.split(' ')
    i = next((k for k, x in enumerate(w) if re.search(r'\d', x)), None)
    # A family is a line's words before its model (two words at least:
    # a brand alone spans kinds).
    if i is None or i < 2:
        continue
    lines.setdefault(' '.join(w[:i]), {}).setdefault(n, []).append(s)


def said(fam, n):
    """The model words of base name n after its family's words: its word
    with a digit and the words after it that have none ("8 pro", "x1
    carbon"), not the generation ("gen 5") nor sizes ("13-inch")."""
    rest = n[len(fam):].split()
    out = [rest[0].lower()]
    for x in rest[1:]:
        if re.search(r'\d', x) or x.lower() in ('gen', 'with'):
            break
        out.append(x.lower())
    return ' '.join(out)


for fam, names in sorted(lines.items()):
    if len(names) < 2:
        continue
    forms = {n: said(fam, n) for n in names}
    if len(set(forms.values())) != len(forms):
        continue        # two lines said alike: not a name of one
    # Not a size or a price ("the 13-inch", "the $25": a variant of the
    # product meant, dlg-lines.c's), nor the start of another line's
    # words unless it is all of its own ("the x1" beside the X1 Carbon
    # is ambiguous; "the 8" beside the 8 Pro is the Pixel 8).
    if any(re.match(r'^\$|^\d+(\.\d+)?(-inch|"|mm|gb|tb)$', f)
           for f in forms.values()):
        continue
    if any(g.startswith(f + ' ') and n[len(fam):].strip().lower() != f
           for n, f in forms.items() for g in forms.values()):
        continue
    order = sorted(names)
    for k, n in enumerate(order[:4]):
        other = order[(k + 1) % len(order)]
        a, b = names[other], names[n]
        intro = 'tell me about the %s' % other
        CASES.append(('model: what about the %s (%s in focus)' %
                      (forms[n], other),
                      [intro, 'what about the %s?' % forms[n]],
                      (lambda b: lambda t: about(b, t[-1]))(b)))
        CASES.append(('model: add the %s (%s in focus)' % (forms[n], other),
                      [intro, 'ok add the %s to my cart' % forms[n]],
                      (lambda b: lambda t: added(b, t[-1]))(b)))
        CASES.append(('model: the %s and the %s' % (forms[other], forms[n]),
                      [intro, "what's the difference between the %s and "
                       "the %s" % (forms[other], forms[n])],
                      (lambda a, b: lambda t: compared(a, b, t[-1]))(a, b)))

# ---- the customer's own device is context ----
# Devices as customers name them: a line's words without the brand
# ("iphone 15", "macbook air 13-inch"), one of each kind.
devices = {}
for s, p in sorted(P.items()):
    if p['category'] in ('smartphones', 'laptops', 'tablets', 'gaming') \
            and p['category'] not in devices:
        n = base_name(p)
        if n.lower().startswith(p['brand'].lower() + ' '):
            n = n[len(p['brand']) + 1:]
        devices[p['category']] = n.lower()
kinds_seen = {}
for s, p in sorted(P.items()):
    if 'compatible_with' not in (p.get('attrs') or {}):
        continue
    # Two of each kind, each asked one way, the ways taken in turn.
    k = kinds_seen.setdefault(p.get('subcategory') or p['category'], [0])
    if k[0] == 2:
        continue
    k[0] += 1
    others = [v for c, v in sorted(devices.items()) if c != p['category']]
    d = others[len(CASES) % len(others)]
    same = [x for x, q in P.items() if base_name(q) == base_name(p)]
    intro = 'tell me about the %s' % p['name']
    ask = ('does it work with my %s' % d if len(CASES) % 2 else
           'it has usb-c? i have a %s' % d)
    CASES.append(('context: %s (%s)' % (ask, p['sku']), [intro, ask],
                  (lambda b: lambda t: about(b, t[-1]))(same)))

# ---- a family's lines listed, those out of stock marked ----
def listed(skus, tr):
    rep = tr.get('reply', '')
    why = []
    for s in skus:
        at = rep.find(P[s]['name'])
        if at < 0:
            why.append('%s not listed' % P[s]['name'])
        elif P[s]['stock'] == 0 and 'out of stock' not in \
                rep[at:].split('\n')[0]:
            why.append('%s not marked out of stock' % P[s]['name'])
    return '; '.join(why)


for fam, names in sorted(lines.items()):
    skus = [s for n in names for s in names[n]]
    subs = set(P[s]['subcategory'] for s in skus)
    brand = P[skus[0]]['brand']
    word = fam[len(brand):].strip().lower()
    if len(names) < 2 or len(subs) != 1 or not word or \
            all(P[s]['stock'] > 0 for s in skus) or len(skus) > 5:
        continue
    q = 'which %s %s do you have' % (word, P[skus[0]]['category'])
    CASES.append(('list: ' + q, [q],
                  (lambda k: lambda t: listed(k, t[-1]))(skus)))

# ---- a price said with the stock ----
OUT = re.compile(r'out of stock|sold out', re.I)


def price_and_stock(s, tr):
    rep = tr.get('reply', '')
    why = about([s], tr)
    if not why and money(P[s]['price']) not in rep:
        why = 'no price %s: %s' % (money(P[s]['price']), rep[:80])
    if not why and not OUT.search(rep):
        why = 'not said out of stock: ' + rep[:80]
    return why


for s, p in sorted(P.items()):
    if p.get('stock', 1) != 0:
        continue
    for q in (('how much is the %s', 'whats the price of the %s')
              [len(CASES) % 2],):
        CASES.append(('stock: ' + q % p['name'], [q % p['name']],
                      (lambda s: lambda t: price_and_stock(s, t[-1]))(s)))


def run():
    """Each case's traces; replay bails when their count is off."""
    return sweeplib.replay(SHOPDESK, [['/user ' + USER] + list(msgs)
                                      for _, msgs, _ in CASES],
                           bail=sweeplib.Tap().bail)


def main():
    return sweeplib.report((label, judge(trs), None)
                           for (label, _, judge), trs in zip(CASES, run()))


sys.exit(main())
