#!/usr/bin/env python3
"""Choice sweep: a word that names lines of several brands in a
category ("ultra", "pro", "mini"), said alone after a product of that
category was discussed ("tell me about the A", then "what about the
ultra").  When one line alone is of the brand discussed, that line is
meant: the reply is about it, never about another brand's.  Otherwise
the bot asks which, naming them; then a pointer that picks none ("and
its price?", "is it in stock", "how much is that") is answered for each
choice, never for the product discussed before the question.  Prints
TAP.  Usage: choice-sweep.py SHOPDESK PRODUCTS.jsonl"""
import re
import sys

import sweeplib

SHOPDESK, PRODUCTS = sys.argv[1], sys.argv[2]
P = sweeplib.products(PRODUCTS)
FOLLOW = ['and its price?', 'is it in stock', 'how much is that',
          'ok and what does it cost']


def line(p):
    return p['name'].split('(')[0].strip()


def words(p):
    return set(w for w in re.findall(r'[a-z]+', line(p).lower())
               if len(w) >= 3 and w not in p['brand'].lower().split())


def cases():
    out = []
    for cat, ps in sorted(sweeplib.by_category(P).items()):
        allw = set().union(*(words(p) for p in ps))
        for w in sorted(allw):
            has = [p for p in ps if w in words(p)]
            lines = {}
            for p in has:
                lines.setdefault(line(p), p)
            brands = set(p['brand'] for p in lines.values())
            if len(lines) < 2 or len(brands) < 2 or len(lines) > 5:
                continue
            # Discussed first: one of the brand of exactly one line,
            # and one of a brand with none of them.
            own = [p for p in ps if w not in words(p) and sum(
                q['brand'] == p['brand'] for q in lines.values()) == 1]
            none = [p for p in ps if w not in words(p) and
                    p['brand'] not in brands]
            if own:
                out.append(('brand', cat, w, own[0], list(lines.values())))
            if none:
                out.append(('ask', cat, w, none[0], list(lines.values())))
    return out


def main():
    cs = cases()
    sessions, meta = [], []
    for kind, cat, w, f, lines in cs:
        if kind == 'brand':
            sessions.append(['tell me about the %s' % f['name'],
                             'what about the %s' % w])
            meta.append((kind, cat, w, f, lines, None))
        else:
            for q in FOLLOW[:2]:
                sessions.append(['tell me about the %s' % f['name'],
                                 'what about the %s' % w, q])
                meta.append((kind, cat, w, f, lines, q))
    tap = sweeplib.Tap()
    runs = sweeplib.replay(SHOPDESK, sessions, tap.bail)
    tap.plan(len(meta) + 1)
    judged = 0
    for (kind, cat, w, f, lines, q), run in zip(meta, runs):
        ref = run[1].get('reference') or {}
        rule = ref.get('rule_id') or ''
        desc = '%s %s "%s" after %s' % (kind, cat, w, f['sku'])
        if kind == 'brand':
            mine = [p for p in lines if p['brand'] == f['brand']][0]
            if not rule.startswith('name-word-in-catalog'):
                tap.ok(True, desc + ' # SKIP not read as a name word')
                continue
            judged += 1
            reply = run[1].get('reply') or ''
            others = [p['name'] for p in lines if p['brand'] != f['brand']
                      and p['name'] in reply]
            why = ''
            if line(mine) not in reply:
                why = 'not about the %s line' % f['brand']
            elif others:
                why = 'named %s' % others[0]
            tap.ok(not why, desc + (' # %s | %s' % (why, sweeplib.clip(
                reply, 160)) if why else ''), kind='brand discussed')
            continue
        desc += ' then "%s"' % q
        if rule != 'name-word-in-catalog-ask' or \
                run[1].get('action') != 'ask_which_product':
            tap.ok(True, desc + ' # SKIP not asked which')
            continue
        judged += 1
        reply = run[2].get('reply') or ''
        asked = ref.get('candidates') or []
        names = [p['name'] for p in P if p['sku'] in asked]
        why = ''
        if f['name'] in reply:
            why = 'answered about %s' % f['sku']
        elif not all(n in reply for n in names):
            why = 'did not name each choice'
        tap.ok(not why, desc + (' # %s | %s' % (why, sweeplib.clip(
            reply, 160)) if why else ''), kind='pointer after asking')
    tap.ok(judged >= 0.4 * len(meta), 'judged %d of %d' % (judged,
                                                            len(meta)))
    tap.kind_totals()


main()
