#!/usr/bin/env python3
"""make-cross.py: build cross-test.jsonl and cross-dev.jsonl, the
cross-source intent sets, from CLINC150 and BANKING77 (../shared/data) and
the chat-style messages written for testing (chat-test.tsv, chat-dev.tsv).

    python3 tests/data/nlu/make-cross.py [SHARED_DATA_DIR]

Deterministic: rows are picked by a hash of their text, never at random,
so running it again yields the same files.  CLINC150's test split feeds
the test set and its val split the dev set (its train split is training
data); BANKING77 (test split only in the shared data) is cut in two by the
hash: one part for test, the other for dev, none for training.
"""
import hashlib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    HERE, '..', '..', '..', '..', 'shared', 'data')

# CLINC150 intents that mean the same thing to a store.
CLINC_MAP = {
    'greeting': ['greeting'],
    'goodbye': ['goodbye'],
    'thank_you': ['thanks'],
    'yes': ['affirm'],
    'no': ['deny'],
    'order_status': ['track_order'],
    'card_declined': ['payment_issue'],
}
# CLINC150 intents that an online electronics store cannot answer.  Left
# out: the assistant's own settings and small talk about it, shopping
# lists and ordering by voice, bank cards and accounts (a store bot might
# reasonably take "my card was lost" for a payment question).
CLINC_OOS = '''accept_reservations alarm application_status apr balance
bill_balance bill_due book_flight book_hotel calculator calendar
calendar_update calories cancel_reservation car_rental carry_on
confirm_reservation cook_time credit_limit credit_limit_change credit_score
current_location date definition direct_deposit directions distance
exchange_rate flight_status flip_coin food_last fun_fact gas gas_type
how_busy improve_credit_score income ingredient_substitution
ingredients_list insurance insurance_change interest_rate
international_visa jump_start last_maintenance lost_luggage make_call
meal_suggestion measurement_conversion meeting_schedule min_payment mpg
next_holiday nutrition_info oil_change_how oil_change_when pay_bill payday
pto_balance pto_request pto_request_status pto_used recipe reminder
reminder_update restaurant_reservation restaurant_reviews
restaurant_suggestion roll_dice rollover_401k routing schedule_maintenance
schedule_meeting tell_joke time timer timezone tire_change tire_pressure
todo_list todo_list_update traffic transfer translate travel_alert
travel_notification travel_suggestion uber vaccines w2 weather'''.split()

BANK_MAP = {
    'request_refund': ['get_refund', 'return_item'],
    'Refund_not_showing_up': ['track_refund', 'get_refund'],
    'declined_card_payment': ['payment_issue'],
    'transaction_charged_twice': ['payment_issue'],
    'passcode_forgotten': ['recover_password'],
    'terminate_account': ['delete_account'],
    'edit_personal_details': ['edit_account', 'change_shipping_address',
                              'set_up_shipping_address'],
}
# BANKING77 intents about the bank's own services (top-ups, transfers,
# cash, PINs, exchange, the bank's cards): out of scope for a store.
BANK_OOS = '''activate_my_card atm_support automatic_top_up
balance_not_updated_after_bank_transfer
balance_not_updated_after_cheque_or_cash_deposit beneficiary_not_allowed
cancel_transfer card_about_to_expire card_swallowed cash_withdrawal_charge
cash_withdrawal_not_recognised change_pin declined_cash_withdrawal
declined_transfer disposable_card_limits exchange_charge exchange_rate
exchange_via_app failed_transfer fiat_currency_support
get_disposable_virtual_card get_physical_card getting_spare_card
getting_virtual_card lost_or_stolen_card order_physical_card
pending_cash_withdrawal pending_top_up pending_transfer pin_blocked
receiving_money top_up_by_bank_transfer_charge top_up_by_card_charge
top_up_by_cash_or_cheque top_up_failed top_up_limits top_up_reverted
topping_up_by_card transfer_fee_charged transfer_into_account
transfer_not_received_by_recipient transfer_timing verify_source_of_funds
verify_top_up wrong_amount_of_cash_received
wrong_exchange_rate_for_cash_withdrawal'''.split()

# A mapped message about somewhere else (a restaurant, another shop, a
# trip, a cash machine) is not a question for our store: dropped.
ELSEWHERE = re.compile(r'\b(restaurant|dinner|publix|walmart|target|amazon|'
                       r'ebay|holiday|hotel|abroad|atm|cash|gas station|'
                       r'grocer\w*|food|bar|taxi|uber|country|travel\w*|'
                       r'transfer|top.?up|exchange|alexa|siri|google|'
                       r'bank account|checking account|direct debit)\b',
                       re.I)


def h(text, salt):
    return int(hashlib.sha1((salt + '\0' + text).encode()).hexdigest(), 16)


def rows(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def pick(items, k, salt):
    """The k items with the smallest hash: a stable sample."""
    return sorted(items, key=lambda r: h(r['text'], salt))[:k]


def by_intent(rs):
    d = {}
    for r in rs:
        d.setdefault(r['intent'], []).append(r)
    return d


def clinc(split, per_mapped, per_oos, source):
    out = []
    d = by_intent(rows(os.path.join(DATA, 'clinc150', split)))
    for name, labels in CLINC_MAP.items():
        ok = [r for r in d[name] if not ELSEWHERE.search(r['text'])]
        for r in pick(ok, per_mapped, split + name):
            out.append({'text': r['text'], 'intents': labels,
                        'source': source})
    for name in CLINC_OOS:
        for r in pick(d[name], per_oos, split + name):
            out.append({'text': r['text'], 'intents': ['out_of_scope'],
                        'source': source + '-oos'})
    return out


def banking(part, per_mapped, per_oos, source):
    """part 0 (test) or 1 (dev): the half of each intent's rows it owns."""
    out = []
    d = by_intent(rows(os.path.join(DATA, 'banking77', 'test.jsonl')))
    for name in list(BANK_MAP) + BANK_OOS:
        mine = [r for r in d[name] if h(r['text'], 'b77half') % 2 == part]
        if name in BANK_MAP:
            mine = [r for r in mine if not ELSEWHERE.search(r['text'])]
            for r in pick(mine, per_mapped, name):
                out.append({'text': r['text'].strip(),
                            'intents': BANK_MAP[name], 'source': source})
        else:
            for r in pick(mine, per_oos, name):
                out.append({'text': r['text'].strip(),
                            'intents': ['out_of_scope'],
                            'source': source + '-oos'})
    return out


def chat(path, source):
    out = []
    with open(path) as f:
        for line in f:
            reg, labels, text = line.rstrip('\n').split('\t')
            out.append({'text': text, 'intents': labels.split(','),
                        'register': reg, 'source': source})
    return out


def fold(text):
    return re.sub(r'[^a-z0-9]+', ' ', text.lower()).strip()


def training_texts():
    """Folded texts of share/nlu/*.jsonl, which no test line may repeat."""
    seen = set()
    d = os.path.join(HERE, '..', '..', '..', 'share', 'nlu')
    for name in sorted(os.listdir(d)):
        if name.endswith('.jsonl'):
            seen.update(fold(r['text']) for r in rows(os.path.join(d, name)))
    return seen


def write(path, items, seen):
    with open(path, 'w') as f:
        for r in items:
            key = fold(r['text'])
            if key in seen:
                continue
            seen.add(key)
            f.write(json.dumps(r, ensure_ascii=False) + '\n')



def main():
    test = (clinc('inscope_test.jsonl', 20, 1, 'clinc150') +
            banking(0, 12, 3, 'banking77') +
            chat(os.path.join(HERE, 'chat-test.tsv'), 'chat'))
    dev = (clinc('inscope_val.jsonl', 10, 1, 'clinc150') +
           banking(1, 8, 2, 'banking77') +
           chat(os.path.join(HERE, 'chat-dev.tsv'), 'chat'))
    # Test first: a dev line never repeats a test or a training line.
    seen = training_texts()
    for name, items in (('cross-test.jsonl', test), ('cross-dev.jsonl', dev)):
        write(os.path.join(HERE, name), items, seen)


main()
