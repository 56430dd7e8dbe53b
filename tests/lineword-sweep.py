#!/usr/bin/env python3
"""Line-word sweep: a line word said apart from a short name ("back to
the ipad, the mini") means that line, over the whole demo catalog.

  apart    each product whose name past its brand is one or two words
           without a digit ("iPad", "Echo", "HomePod") and each other
           product of its brand and category whose name holds those
           words and one word of its own no other such product has
           ("mini", "dot", "show", "ultra"): the short name and the word
           said apart, in several registers, background first or not,
           must leave that other product in focus, never the short
           name's own;
  aside    the same word said in a sentence setting it aside ("the
           ultra is too pricey", "i dont want the mini") must leave the
           short name's own product in focus (a word setting aside in
           another sentence, "how much? no rush", does not: "apart");
  control  the short name said alone with a question must not move to
           another line (the rule needs a word said).

The product meant is read from the turn's trace (state_after focus).
Prints a FAIL line per miss (every case with -v) and "APART passed
total", "ASIDE ...", "CONTROL ..." for the .t's floors.  Usage:
lineword-sweep.py SHOPDESK PRODUCTS.jsonl"""
import json
import re
import sys

import sweeplib
from sweeplib import base_name, focus

SHOPDESK, PRODUCTS = sys.argv[1], sys.argv[2]
USER = 'C1001'
P = {}
for line in open(PRODUCTS):
    p = json.loads(line)
    if p.get('type', 'product') == 'product':
        P[p['sku']] = p


def words(n):
    return [w.lower() for w in re.findall(r'[A-Za-z0-9]+', n)]


def short_name(p):
    """A name past its brand, one or two words, no digit; else None."""
    n = base_name(p)
    if not n.lower().startswith(p['brand'].lower() + ' '):
        return None
    s = n[len(p['brand']) + 1:]
    w = words(s)
    if not w or len(w) > 2 or any(re.search(r'\d', x) for x in w):
        return None
    return s.lower()


# (base sku, short name, other line's sku, its own word)
PAIRS = []
for b, pb in sorted(P.items()):
    short = short_name(pb)
    if short is None:
        continue
    sw = words(short)
    sib = [s for s, q in sorted(P.items()) if s != b and
           q['brand'] == pb['brand'] and q['category'] == pb['category'] and
           all(w in words(q['name']) for w in sw)]
    for s in sib:
        for w in words(base_name(P[s])):
            if len(w) < 3 or re.search(r'\d', w) or \
                    w in words(pb['name']):
                continue
            if sum(w in words(P[x]['name']) for x in sib) != 1:
                continue
            PAIRS.append((b, short, s, w))
            break

# Ways of saying the word apart from the name: (intro turns, message).
WAYS = [
    (['tell me about the %(short)s'],
     'back to the %(short)s, the %(w)s, how much is it'),
    ([], '%(short)s question. the %(w)s - is it in stock?'),
    (['hi, my sister wants something from apple or amazon for xmas'],
     'the %(short)s... the %(w)s one, is it on sale'),
    ([], 'for the %(short)s, i mean the %(w)s, whats the price'),
    # A word setting aside in another sentence does not rule it out.
    ([], 'the %(short)s, the %(w)s. how much? no rush'),
]

# A line set aside: the short name's own is meant.
ASIDE = [
    '%(short)s, how much is it? the %(w)s is too pricey',
    'i dont want the %(w)s. the %(short)s, is it in stock',
]

CASES = []      # (label, [messages], judge(traces) -> '' or why)


def about(sku, tr, base=None):
    f = focus(tr)
    if f is None:
        return 'no product (%s: %s)' % (tr.get('action'),
                                        sweeplib.clip(tr.get('reply', ''),
                                                      80))
    if f != sku:
        return 'about %s, not %s (%s)' % (P[f]['name'], P[sku]['name'],
                                          tr.get('action'))
    return ''


for k, (b, short, s, w) in enumerate(PAIRS):
    for j, (intro, msg) in enumerate(WAYS):
        if (k + j) % 2 and j > 1:
            continue    # every pair three or four ways, not all five
        m = msg % {'short': short, 'w': w}
        CASES.append(('apart: %s (%s)' % (m, P[s]['name']), intro + [m],
                      (lambda s: lambda t: about(s, t[-1]))(s)))
    for j, msg in enumerate(ASIDE):
        if (k + j) % 2:
            continue
        m = msg % {'short': short, 'w': w}
        CASES.append(('aside: %s (%s)' % (m, P[b]['name']), [m],
                      (lambda b: lambda t: about(b, t[-1]))(b)))
    # Control: the short name alone, its own product.
    if short not in [c[1] for c in PAIRS[:k]]:
        m = 'how much is the %s' % short
        CASES.append(('control: %s (%s)' % (m, P[b]['name']), [m],
                      (lambda b: lambda t: about(b, t[-1]))(b)))


def run():
    """Each case's traces; replay bails when their count is off."""
    return sweeplib.replay(SHOPDESK, [['/user ' + USER] + list(msgs)
                                      for _, msgs, _ in CASES],
                           bail=sys.exit)


def main():
    tally = {'apart': sweeplib.Tally('APART'),
             'aside': sweeplib.Tally('ASIDE'),
             'control': sweeplib.Tally('CONTROL')}
    for (label, _, judge), trs in zip(CASES, run()):
        why = judge(trs)
        tally[label.split(':')[0]].check(not why, label, why)
    for k in ('apart', 'aside', 'control'):
        tally[k].done()
    return 0


sys.exit(main())
