#!/usr/bin/env python3
"""make-scope.py: write scope/clinc150-not-store.jsonl, lines of CLINC150's
in-scope train split about things no store answers, labelled not_store.

    python3 share/nlu/make-scope.py [SHARED_DATA_DIR]

They teach the in-store relevance model (src/intent-relevance.c) what is
not about the store; the intent classifier never reads them.  The intents
are make-cross.py's CLINC_OOS list and the bank-card, assistant-settings
and media intents it leaves out as ambiguous for intents but plainly not
about an online store; every line of clinc150-train.jsonl is left out
(it is training data already), and so is a line whose folded text occurs
in a test or dev set of tests/data/nlu.  Only the train split is read.
"""
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
exec(src[:src.index('\ndef h(')], spec)

# Left out of CLINC_OOS for intents, yet no question for an online store:
# a bank's cards and accounts, the assistant's settings, music and calls.
MORE = '''account_blocked change_accent change_ai_name change_language
change_speed change_user_name change_volume damaged_card expiration_date
freeze_account international_fees new_card next_song pin_change play_music
redeem_rewards replacement_card_duration report_fraud report_lost_card
reset_settings rewards_balance share_location spending_history taxes
transactions update_playlist what_song whisper_mode'''.split()


def fold(text):
    return re.sub(r'[^a-z0-9]+', ' ', text.lower()).strip()


def main():
    held = set()
    for name in sorted(os.listdir(TESTS)):
        if name.endswith('.jsonl'):
            with open(os.path.join(TESTS, name)) as f:
                held.update(fold(json.loads(l)['text']) for l in f if
                            l.strip())
    with open(os.path.join(HERE, 'clinc150-train.jsonl')) as f:
        held.update(fold(json.loads(l)['text']) for l in f if l.strip())
    want = set(spec['CLINC_OOS']) | set(MORE)
    os.makedirs(os.path.join(HERE, 'scope'), exist_ok=True)
    with open(os.path.join(DATA, 'clinc150', 'inscope_train.jsonl')) as f, \
            open(os.path.join(HERE, 'scope', 'clinc150-not-store.jsonl'),
                 'w') as out:
        for line in f:
            r = json.loads(line)
            if r['intent'] not in want or fold(r['text']) in held:
                continue
            held.add(fold(r['text']))
            out.write(json.dumps({'text': r['text'],
                                  'intent': 'not_store'}) + '\n')


main()
