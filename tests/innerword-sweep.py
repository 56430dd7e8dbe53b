#!/usr/bin/env python3
"""Inner-word sweep: a lone word that leads one product's name names it
only when no other name of the catalog has the word inside.  From the
demo catalog: every word that starts one product's name (its brand
left out, up to "for" or a bracket) and stands inside another's
("desktop" of "Parallels Desktop 20" and "Seagate Expansion Desktop"):

  alone    "i have a W thing at home" names no product at all by W;
  name     the product's name as the catalog has it still names it
           ("parallels desktop 20").

The names are read from the extractor ("nlu --json", one line each).
Prints TAP, one line per case.  Usage: innerword-sweep.py SHOPDESK
PRODUCTS.jsonl"""
import json
import re
import subprocess
import sys

import sweeplib

SHOPDESK, PRODUCTS = sys.argv[1], sys.argv[2]
P = [p for p in sweeplib.products(PRODUCTS)]


def core(p):
    """The words of a name after its brand, before "for" or "(" ."""
    n = re.sub(r'\s*\(.*', '', p['name'])
    n = re.split(r'\s+for\s+', n)[0]
    w = re.findall(r"[a-z0-9]+", n.lower())
    b = re.findall(r"[a-z0-9]+", (p.get('brand') or '').lower())
    if b and w[:len(b)] == b and len(w) > len(b):
        w = w[len(b):]
    return w


lead, inner = {}, {}
for p in P:
    w = core(p)
    if not w:
        continue
    lead.setdefault(w[0], set()).add(p['sku'])
    for x in w[1:]:
        if x.isalpha():
            inner.setdefault(x, set()).add(p['sku'])

CASES = []      # (label, text, judge(entities) -> '' or why)
for word in sorted(lead):
    skus = lead[word]
    if len(skus) != 1 or not word.isalpha() or len(word) < 3 or \
            not (inner.get(word, set()) - skus):
        continue
    sku = next(iter(skus))
    p = next(q for q in P if q['sku'] == sku)
    CASES.append(('alone: %s (%s)' % (word, p['name']),
                  'i have a %s thing at home, anything you suggest' % word,
                  lambda ents, w=word: '; '.join(
                      'named %s' % e.get('name') for e in ents
                      if e.get('type') == 'product' and
                      e.get('product_id') and
                      w in (e.get('value') or '').lower().split())))
    name = ' '.join(core(p))
    if len(core(p)) > 1:
        CASES.append(('name: %s' % name, 'tell me about the %s' % name,
                      lambda ents, s=sku, n=p['name']: '' if any(
                          e.get('sku') == s or e.get('matches', 0) > 1 or
                          e.get('value', '').startswith(
                              re.sub(r'\s*\(.*', '', n))
                          for e in ents if e.get('type') == 'product')
                      else 'not named: %s' % json.dumps(ents)[:120]))

env = sweeplib._env()
out = subprocess.run([SHOPDESK, '-q', 'nlu', '--json'],
                     input=''.join(t + '\n' for _, t, _ in CASES),
                     capture_output=True, text=True, env=env, check=True)
rows = [json.loads(x) for x in out.stdout.splitlines() if x.strip()]
print('1..%d' % len(CASES))
if len(rows) != len(CASES):
    for k in range(len(CASES)):
        print('not ok %d - %s (no answer)' % (k + 1, CASES[k][0]))
    sys.exit(0)
for k, ((label, text, judge), r) in enumerate(zip(CASES, rows)):
    why = judge(r.get('entities') or [])
    print('%sok %d - %s%s' % ('not ' if why else '', k + 1, label,
                              ' # ' + why if why else ''))
