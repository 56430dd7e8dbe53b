#!/usr/bin/env python3
"""make-clinc150.py: write clinc150-train.jsonl, the parts of CLINC150's
in-scope train split that truly map onto shopdesk's intents, and lines of
the intents no store answers as out_of_scope.

    python3 share/nlu/make-clinc150.py [SHARED_DATA_DIR]

The mapping and the out-of-scope list are those of
tests/data/nlu/make-cross.py (which builds the test sets from CLINC150's
test and val splits): only the train split is read here.  Selection is by a
hash of the text; a line whose folded text occurs in a test or dev set of
tests/data/nlu is left out.
"""
import hashlib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.join(HERE, '..', '..', 'tests', 'data', 'nlu')
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    HERE, '..', '..', '..', 'shared', 'data')
sys.argv = sys.argv[:1] + [DATA]
spec = {'__file__': os.path.join(TESTS, 'make-cross.py')}
with open(os.path.join(TESTS, 'make-cross.py')) as f:
    src = f.read()
# the tables only, not main()
exec(src[:src.index('\ndef h(')], spec)

PER_MAPPED = 100    # all of them, less the ones about elsewhere
PER_OOS = 20


def fold(text):
    return re.sub(r'[^a-z0-9]+', ' ', text.lower()).strip()


def h(text):
    return hashlib.sha1(('train\0' + text).encode()).hexdigest()


def main():
    held = set()
    for name in sorted(os.listdir(TESTS)):
        if name.endswith('.jsonl'):
            with open(os.path.join(TESTS, name)) as f:
                held.update(fold(json.loads(l)['text']) for l in f if
                            l.strip())
    by = {}
    with open(os.path.join(DATA, 'clinc150', 'inscope_train.jsonl')) as f:
        for line in f:
            r = json.loads(line)
            by.setdefault(r['intent'], []).append(r['text'])
    out = []
    for name, labels in spec['CLINC_MAP'].items():
        ok = [t for t in by[name] if not spec['ELSEWHERE'].search(t)]
        out += [(t, labels[0]) for t in sorted(ok, key=h)[:PER_MAPPED]]
    for name in spec['CLINC_OOS']:
        out += [(t, 'out_of_scope') for t in
                sorted(by[name], key=h)[:PER_OOS]]
    seen = set(held)
    with open(os.path.join(HERE, 'clinc150-train.jsonl'), 'w') as f:
        for text, intent in out:
            if fold(text) in seen:
                continue
            seen.add(fold(text))
            f.write(json.dumps({'text': text, 'intent': intent}) + '\n')


main()
