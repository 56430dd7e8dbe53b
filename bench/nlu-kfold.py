#!/usr/bin/env python3
"""nlu-kfold.py BUILDDIR [K]: a K-fold check of the intent classifier on
shopdesk's own training lines (share/nlu/store*.jsonl).

Each fold holds back the lines whose text hashes to it (FNV-1a of the
text, so the folds are the same on every run), trains on every other
line of share/nlu and measures the held-back lines with "shopdesk eval
intents".  The dev and test sets measure other people's words; this
measures whether the model learnt our own lines or only remembers them,
and is cheap to run after a change of features or data.  Prints each
fold's lenient accuracy and in-store refused rate, their mean, and the
mean per training file.
"""
import json
import os
import subprocess
import sys
import tempfile


def fnv1a(s):
    h = 0xcbf29ce484222325
    for b in s.encode():
        h = ((h ^ b) * 0x100000001b3) & 0xffffffffffffffff
    return h


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else '.'
    k = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    src = os.environ.get('top_srcdir', build)
    share = os.path.join(src, 'share', 'nlu')
    files = sorted(f for f in os.listdir(share) if f.endswith('.jsonl'))
    own = [f for f in files if f.startswith('store')]
    rows = {f: [l for l in open(os.path.join(share, f)) if l.strip()]
            for f in files}
    env = dict(os.environ, SHOPDESK_NOW='2026-11-20T12:00:00Z')
    tot = {'acc': 0.0, 'ref': 0.0}
    per = {f: [0, 0] for f in own}
    with tempfile.TemporaryDirectory() as tmp:
        for fold in range(k):
            train, held = [], []
            for f in files:
                keep = []
                for l in rows[f]:
                    d = json.loads(l)
                    if f in own and fnv1a(d['text']) % k == fold:
                        held.append(dict(d, source=f))
                    else:
                        keep.append(l)
                p = os.path.join(tmp, f)
                with open(p, 'w') as fp:
                    fp.writelines(keep)
                train.append(p)
            hp = os.path.join(tmp, 'held.jsonl')
            with open(hp, 'w') as fp:
                for d in held:
                    fp.write(json.dumps(d) + '\n')
            db = os.path.join(tmp, 'k%d.db' % fold)
            sd = [os.path.join(build, 'shopdesk'), '-q', '--db', db]
            subprocess.run(sd + ['train'] + train, check=True, env=env,
                           stdout=subprocess.DEVNULL)
            out = subprocess.run(sd + ['eval', 'intents', '--json', hp],
                                 check=True, env=env, capture_output=True,
                                 text=True).stdout
            r = json.loads(out)
            tot['acc'] += r['lenient_accuracy'] / k
            tot['ref'] += r['in_store_refused_rate'] / k
            for f, v in r.get('by_source', {}).items():
                if f in per:
                    per[f][0] += v['n']
                    per[f][1] += round(v['lenient_accuracy'] * v['n'])
            print('fold %d: %4d lines, lenient %.4f, in-store refused '
                  '%.4f' % (fold, len(held), r['lenient_accuracy'],
                            r['in_store_refused_rate']))
    print('mean:   lenient %.4f, in-store refused %.4f' %
          (tot['acc'], tot['ref']))
    for f in own:
        n, ok = per[f]
        if n:
            print('  %-24s %5d lines  lenient %.4f' % (f, n, ok / n))


if __name__ == '__main__':
    main()
