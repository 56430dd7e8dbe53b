#!/usr/bin/env python3
"""Route sweep: questions that must reach the handler their words ask
for, over the demo store's orders and policies.

  SHIP      a signed-in customer with an order not yet delivered asks
            "when is my <kind> shipping" (and like phrasings) of an item
            it holds: the reply names that order and where it stands,
            never the store's shipping-area policy.
  CHECKOUT  "can I use two gift cards on one order", "can I pay with
            amex on my order" and like questions of what paying at
            checkout allows, from customers with orders: the payment
            facts the policies hold, never a request for an order
            number.
  TROUBLE   "my <kind> stopped working, maybe it's just a setup thing?"
            and like doubts of the fault, from a customer whose
            delivered order holds one: how to fix it (troubleshooting),
            never the defective-return answer.

Prints a FAIL line per miss (every case with -v) and "KIND passed
total" for the .t's floors.
Usage: route-sweep.py SHOPDESK SHARE"""
import json
import os
import re
import sys

import sweeplib

SHOPDESK, SHARE = sys.argv[1], sys.argv[2]
P = {p['sku']: p for p in sweeplib.products(SHARE)}
with open(os.path.join(SHARE, 'demo', 'orders.json')) as f:
    ORDERS = json.load(f)['orders']

# A word a customer says for a product of each category.
WORD = {'accessories': None, 'laptops': 'laptop', 'smartphones': 'phone',
        'headphones': 'headphones', 'gaming': None, 'cameras': 'camera',
        'smart-home': None, 'storage': 'ssd', 'tvs': 'tv',
        'speakers': 'speaker', 'monitors': 'monitor', 'tablets': 'tablet',
        'wearables': 'watch', 'networking': 'router',
        'printers': 'printer', 'software': None, 'gift-cards': None}
SHIP_SAID = ['when is my %s shipping', 'is my %s shipping yet',
             'when is my %s shipping out']

ship = sweeplib.Tally('SHIP')
checkout = sweeplib.Tally('CHECKOUT')
trouble = sweeplib.Tally('TROUBLE')

# SHIP: one order of the customer holding one item of the kind said.
cases, users = [], []
for o in ORDERS:
    if o['status'] not in ('processing', 'shipped'):
        continue
    for it in o['items']:
        p = P[it['sku']]
        w = WORD.get(p['category'])
        if p['category'] == 'networking' and p.get('subcategory') == 'mesh':
            w = 'mesh'
        if w is None:
            continue
        same = [x for x in ORDERS if x['customer_id'] == o['customer_id']
                and any(P[i['sku']]['category'] == p['category']
                        for i in x['items'])]
        if len(same) != 1:
            continue
        for said in SHIP_SAID:
            cases.append((o, said % w))
            users.append(o['customer_id'])
        break
STATE = {'processing': 'process|hasn.t shipped|not (yet )?shipped|'
                       'being (packed|prepared)',
         'shipped': 'shipped|on (its|the) way|in transit|tracking|arriv'}
for (o, said), tr in zip(cases, sweeplib.replay_own(
        SHOPDESK, [[c[1]] for c in cases], [u for u in users], 'route')):
    r = tr[-1]['reply']
    good = o['id'] in r and re.search(STATE[o['status']], r, re.I) and \
        'ship to all 50' not in r
    ship.check(good, o['customer_id'], said, sweeplib.clip(r, 140))

# CHECKOUT: customers with orders ask what paying allows.
ASK = [('can I use two gift cards on one order', r'two gift cards|up to 2'),
       ('last one, can I use 2 gift cards on one order',
        r'two gift cards|up to 2'),
       ('can i pay with amex on my order', r'American Express'),
       ('can I pay for an order with paypal', r'PayPal'),
       ('do you take apple pay for orders', r'Apple Pay')]
buyers = sorted({o['customer_id'] for o in ORDERS})[:4]
cases = [(u, q, m) for u in buyers for q, m in ASK]
for (u, q, m), tr in zip(cases, sweeplib.replay_own(
        SHOPDESK, [[c[1]] for c in cases], [c[0] for c in cases],
        'route')):
    r = tr[-1]['reply']
    good = re.search(m, r) and not re.search('order number', r, re.I)
    checkout.check(good, u, q, sweeplib.clip(r, 140))

# TROUBLE: the fault doubted, of an item delivered.
TROUBLE_SAID = ['my %s stopped working but maybe its just a setup thing?',
                'my %s is not working, could be a settings thing?',
                'my %s stopped working, maybe i set it up wrong']
cases, users = [], []
for o in ORDERS:
    if o['status'] != 'delivered':
        continue
    for it in o['items']:
        p = P[it['sku']]
        w = WORD.get(p['category'])
        if w is None or w in ('ssd',):
            continue
        same = [x for x in ORDERS if x['customer_id'] == o['customer_id']
                and any(P[i['sku']]['category'] == p['category']
                        for i in x['items'])]
        if len(same) != 1:
            continue
        for said in TROUBLE_SAID:
            cases.append((o, said % w))
            users.append(o['customer_id'])
        break
    if len(cases) >= 24:
        break
for (o, said), tr in zip(cases, sweeplib.replay_own(
        SHOPDESK, [[c[1]] for c in cases], [u for u in users], 'route')):
    r = tr[-1]['reply']
    good = (tr[-1].get('action') or '').startswith('troubleshoot') and \
        not re.search('replace or refund|return is free', r)
    trouble.check(good, o['customer_id'], said, tr[-1].get('action'),
                  sweeplib.clip(r, 120))

ship.done()
checkout.done()
trouble.done()
