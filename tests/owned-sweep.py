#!/usr/bin/env python3
"""Owned-products sweep: a signed-in customer's words that say a product
is theirs ("my soundbar", "the ssd I ordered", "arrived yesterday") name
one of the items of their own orders, generated from the demo store:
every customer with orders, every item still theirs (not cancelled or
refunded), referred to

  kind     by the kind of thing it is: a word of its name the catalog
           knows as its kind ("soundbar", "mouse"), else its category;
  brand    by its brand and kind ("my Samsung soundbar");
  model    by the words of its name without the brand ("the ROG Strix
           G15");

and asked about it:

  spec     a specification of its own (an attribute key of its listing):
           the reply is about that SKU, never an order status, a list or
           another of their items;
  fits     whether it works with something: about that SKU;
  return   returning it: the reply names an order holding it and no
           other order of theirs;
  arrival  when it comes (items on their way): the order holding it;
  which    a customer with two items of one kind, said by the kind
           alone: one question naming each of them.

The product meant is read from the turn's trace (state_after focus), the
order from the reply.  Prints TAP, one line per case.
Usage: owned-sweep.py SHOPDESK SHARE_DEMO_DIR"""
import json
import re
import subprocess
import sys

import sweeplib

SHOPDESK, DEMO = sys.argv[1], sys.argv[2]
P = {}
for line in open(DEMO + '/products.jsonl'):
    p = json.loads(line)
    if p.get('type', 'product') == 'product':
        P[p['sku']] = p
ORDERS = json.load(open(DEMO + '/orders.json'))['orders']
CUSTOMERS = [c['id'] for c in json.load(open(DEMO + '/customers.json'))
             ['customers']]
GONE = ('cancelled', 'refunded')
NOT_ANSWERS = ('order_status', 'recommend', 'recommend_none', 'fallback',
               'clarify', 'ask_which_product')


def words(s):
    return re.findall(r"[a-z0-9]+(?:[-'][a-z0-9]+)*", s.lower())


def singular(w):
    w = w.replace('-', ' ')
    if w.endswith('ies'):
        return w[:-3] + 'y'
    if w.endswith(('ches', 'shes')):
        return w[:-2]
    if w.endswith('s') and not w.endswith('ss'):
        return w[:-1]
    return w


def nlu_kinds(phrases):
    """The category the extractor reads in "my <phrase>", per phrase."""
    out = subprocess.run([SHOPDESK, '-q', 'nlu'], text=True,
                         capture_output=True,
                         input=''.join('my %s\n' % w for w in phrases))
    kinds, cur = {}, None
    for ln in out.stdout.splitlines():
        if not ln.startswith(' '):
            cur = ln[3:]
        elif ln.split()[:2] == ['entity', 'category'] and cur not in kinds:
            kinds[cur] = ln.split()[2]
    return kinds


def owned():
    """customer -> {sku: [order ids, newest first]} of items still had."""
    have = {}
    for o in sorted(ORDERS, key=lambda o: o['placed_at'], reverse=True):
        if o['status'] in GONE or o['customer_id'] not in CUSTOMERS:
            continue
        for it in o['items']:
            if it['sku'] in P:
                have.setdefault(o['customer_id'], {}).setdefault(
                    it['sku'], []).append(o)
    return have


HAVE = owned()
# The kind words of each item: a word of its name, else its category.
cand = set()
for items in HAVE.values():
    for sku in items:
        cand.update(w for w in words(P[sku]['name']) if len(w) > 3)
        cand.add(singular(P[sku]['category']))
KIND = nlu_kinds(sorted(cand))


def kind_word(p):
    for w in words(p['name']):
        if KIND.get(w) == p['category']:
            return w
    w = singular(p['category'])
    return w if KIND.get(w) == p['category'] else None


def of_kind(cust, w):
    """The customer's items the kind word w names: of the category the
    catalog reads in it, all when w is the category's own word, else
    those whose name or subcategory has it ("mouse") when some do; none
    of the category: those whose name has the word."""
    cat = [s for s in HAVE[cust] if P[s]['category'] == KIND.get(w)]
    if not cat:
        return [s for s in HAVE[cust] if w in words(P[s]['name'])]
    if w == singular(KIND[w]):      # "monitor": the whole kind
        return cat
    named = [s for s in cat if w in words(P[s]['name']) or
             singular(P[s]['subcategory']) == w]
    return named or cat


def model_words(p):
    n = re.sub(r'\s*\(.*?\)', '', p['name'])
    br = set(words(p['brand']))
    return ' '.join(w for w in n.split() if w.lower() not in br)


def attr_key(p):
    """A specification of its listing (not how it is delivered, which
    asks about the order)."""
    for k in (p.get('attrs') or {}):
        if k not in ('compatible_with', 'color', 'colour') and \
                not re.search(r'deliver|ship', k):
            return k.replace('_', ' ')
    return None


CASES = []      # (label, customer, message, judge(trace) -> '' or why)


def about_item(sku, cust):
    def judge(tr):
        f = ((tr.get('state_after') or {}).get('focus') or [None])[0]
        rep = tr.get('reply', '')
        if tr.get('action') in NOT_ANSWERS:
            return '%s, not an answer about %s: %s' % (
                tr.get('action'), P[sku]['name'], rep[:90])
        if f != sku:
            return 'about %s, not %s' % (P[f]['name'] if f in P else f,
                                        P[sku]['name'])
        at = rep.find(P[sku]['name'])
        if at < 0:
            at = rep.find(model_words(P[sku]))
        if at < 0:      # "I can't confirm that": no name, no other's
            at = len(rep)
        for other in HAVE[cust]:
            o = rep.find(P[other]['name'])
            if other != sku and 0 <= o < at:
                return 'names %s first' % P[other]['name']
        return ''
    return judge


def about_order(sku, cust, ids):
    def judge(tr):
        rep = tr.get('reply', '')
        said = set(re.findall(r'#?(\d{5})', rep))
        mine = {o['id'] for items in [HAVE[cust]] for v in items.values()
                for o in v}
        if not said & set(ids):
            return 'no order holding %s named: %s' % (P[sku]['name'],
                                                     rep[:100])
        wrong = (said & mine) - set(ids)
        if wrong:
            return 'names order %s, which does not hold it' % \
                ', '.join(sorted(wrong))
        return ''
    return judge


def asks_which(skus):
    def judge(tr):
        rep = tr.get('reply', '')
        missing = [P[s]['name'] for s in skus if P[s]['name'] not in rep]
        if tr.get('action') != 'ask_which_product' or missing:
            return 'no question naming each (%s): %s' % (
                tr.get('action'), rep[:100])
        return ''
    return judge


for cust in sorted(HAVE):
    asked = set()
    for sku, orders in sorted(HAVE[cust].items()):
        p = P[sku]
        kw = kind_word(p)
        ids = [o['id'] for o in orders]
        key = attr_key(p)
        if kw is not None:
            kin = of_kind(cust, kw)
            if len(kin) == 1 and key is not None:
                CASES.append(('spec by kind: %s %s' % (cust, sku), cust,
                              'my %s arrived, what is its %s?' % (kw, key),
                              about_item(sku, cust)))
            elif len(kin) > 1 and kw not in asked:
                asked.add(kw)
                CASES.append(('which: %s %s' % (cust, kw), cust,
                              'my %s from you, what is its %s?' % (
                                  kw, key or 'price'),
                              asks_which(sorted(kin))))
            brand = [s for s in kin if P[s]['brand'] == p['brand']]
            if p['brand'] and len(brand) == 1:
                CASES.append(('fits by brand: %s %s' % (cust, sku), cust,
                              'the %s %s I bought, does it work with an '
                              'iphone?' % (p['brand'], kw),
                              about_item(sku, cust)))
            if orders[0]['status'] in ('shipped', 'processing') and \
                    len(kin) == 1:
                CASES.append(('arrival by kind: %s %s' % (cust, sku), cust,
                              'when will the %s I ordered arrive?' % kw,
                              about_order(sku, cust, ids)))
        mw = model_words(p)
        if len(words(mw)) > 0 and key is not None:
            CASES.append(('spec by model: %s %s' % (cust, sku), cust,
                          'got the %s yesterday, thanks! whats the %s '
                          'of it?' % (mw, key), about_item(sku, cust)))
        if orders[0]['status'] == 'delivered' and len(orders) == 1:
            CASES.append(('return by model: %s %s' % (cust, sku), cust,
                          'I want to return the %s I bought' % mw,
                          about_order(sku, cust, ids)))


def run():
    """Each case's one trace; replay bails when their count is off."""
    runs = sweeplib.replay(SHOPDESK, [['/user ' + cust, msg]
                                      for _, cust, msg, _ in CASES],
                           bail=sweeplib.Tap().bail)
    return [r[0] for r in runs]


def main():
    return sweeplib.report((label, judge(tr), msg)
                           for (label, _, msg, judge), tr in zip(CASES,
                                                                 run()))


sys.exit(main())
