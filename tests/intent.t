#!/bin/sh
# End-to-end: shopdesk train and shopdesk eval intents on the held-out
# splits.  The floors are the figures measured with the shipped data
# minus 0.005 to 0.01 (the ceilings of refusal rates plus as much): a
# change that costs accuracy fails here.  See FLOORS below.
. "$top_srcdir/tests/lib.sh"
D="$top_srcdir/tests/data/nlu"

run_ok "train on the shipped data" "$SHOPDESK" -e train --json
contains "train reports examples" "$T/out" '"examples":'
contains "train reports its accuracy" "$T/out" '"train_accuracy":'
cp "$T/out" "$T/train1.json"

# field FILE KEY: a number from a one-line JSON object
field() {
	sed -n "s/.*\"$2\":\([0-9.e+-]*\).*/\1/p" "$1"
}
# at_least DESCRIPTION VALUE FLOOR
at_least() {
	awk -v v="$2" -v f="$3" 'BEGIN { exit !(v != "" && v + 0 >= f + 0) }'
	ok $? "$1: $2 >= $3"
}
# at_most DESCRIPTION VALUE CEILING
at_most() {
	awk -v v="$2" -v f="$3" 'BEGIN { exit !(v != "" && v + 0 <= f + 0) }'
	ok $? "$1: $2 <= $3"
}

# FLOORS, measured with the shipped data (shopdesk eval intents FILE):
# cross-test 0.8614 lenient, 0.0293 in-store refused; voices test
# 0.7542, 0.0474; CLINC150 oos_test 0.845.
FLOOR_CROSS=0.854
CEIL_CROSS_REFUSED=0.032
FLOOR_VOICES=0.745
CEIL_VOICES_REFUSED=0.052
FLOOR_CLINC_OOS=0.837
FLOOR_CLINC_OOS_VAL=0.93

run_ok "eval on the Bitext test split" "$SHOPDESK" -e eval intents --json \
	"$D/bitext-test.jsonl"
for k in accuracy macro_f1 n per_intent confusions utterances_per_s \
    oos_precision oos_recall ece; do
	contains "eval --json has $k" "$T/out" "\"$k\":"
done
at_least "Bitext accuracy" "$(field "$T/out" accuracy)" 0.991
at_least "Bitext macro-F1" "$(field "$T/out" macro_f1)" 0.991
contains "eval --json has macro_f1_union" "$T/out" '"macro_f1_union":'
contains "eval --json lists what the union adds" "$T/out" '"predicted_not_gold":['
at_least "Bitext macro-F1 over gold and predicted" \
    "$(field "$T/out" macro_f1_union)" 0.890

run_ok "eval on the store test split" "$SHOPDESK" -e eval intents --json \
	"$D/store-test.jsonl"
at_least "store accuracy" "$(field "$T/out" accuracy)" 0.955

run_ok "eval on CLINC150 out-of-scope test" "$SHOPDESK" -e eval intents \
	--json "$D/clinc150-oos-test.jsonl"
at_least "out-of-scope rejected" "$(field "$T/out" oos_recall)" $FLOOR_CLINC_OOS

# The frozen cross-source set (tests/data/nlu/README): other people's
# words, never trained or tuned on.
run_ok "eval on the cross-source test set" "$SHOPDESK" -e eval intents \
	--json "$D/cross-test.jsonl"
at_least "cross-source lenient accuracy" \
    "$(field "$T/out" lenient_accuracy)" $FLOOR_CROSS
at_most "cross-source in-store lines refused" \
    "$(field "$T/out" in_store_refused_rate)" $CEIL_CROSS_REFUSED
contains "per source" "$T/out" '"banking77-oos":{"n":'

# Classes of customer language, each in words no training file holds:
# an order named by the product in it, a fee explained by the last
# return, a parcel to be left outside, a cash machine (a plural of four
# letters) that is no payment here; a household's bills and bank
# accounts, no payment here either.
while IFS='	' read -r want text; do
	"$SHOPDESK" -e nlu --json "$text" > "$T/cls" 2>&1
	contains "$want: $text" "$T/cls" "\"intent\":{\"name\":\"$want\""
done <<'EOF2'
track_order	has the canon i ordered left the warehouse
check_refund_policy	the last time i sent a tablet back you charged me a fee for it, why
check_refund_policy	i got less money back than i paid when i returned my phone last time, is that a fee
delivery_options	can the courier just leave it in my porch
out_of_scope	the atms ate my card
out_of_scope	can you pay my electric bill from my savings account
out_of_scope	how much is the apr on this card
out_of_scope	pay my water bill please
out_of_scope	move 200 from checking account to savings account
EOF2

# Slips of typing (src/intent-spell.c): a word the model never saw is
# read as the store's word one slip away (two letters swapped, one left
# out, the key beside, one doubled); real words one letter from a
# store's word ("truck", "motel", "batter", "routes") stay off-topic.
while IFS='	' read -r want text; do
	"$SHOPDESK" -e nlu --json "$text" > "$T/cls" 2>&1
	contains "$want: $text" "$T/cls" "\"intent\":{\"name\":\"$want\""
done <<'EOF4'
stock_availability	is the kindle in stcok
track_order	wheres my pacakge, it shoud have arived by now
check_refund_policy	what is your retrun polciy for opened headphones
recover_password	i forgot my passwrod and cant log in
warranty	does the laptop come with a waranty
cancel_order	i want to cancle the order i placed yesterday
delivery_options	do you offer expres shiping
payment_issue	my paymnet was declined at checkout
change_shipping_address	i need to chnage the delivery adress on my order
out_of_scope	my truck needs new tires
out_of_scope	the batter for my cake is too thick
out_of_scope	find me a good motel in boise
out_of_scope	which routes avoid the toll roads
EOF4

# Off-topic messages with a store word or two ("refund", "replacement",
# "best"), which only the relevance model (share/nlu/scope) keeps out:
# the reason says so.
while IFS= read -r text; do
	"$SHOPDESK" -e nlu --json "$text" > "$T/cls" 2>&1
	contains "out_of_scope: $text" "$T/cls" \
	    '"intent":{"name":"out_of_scope"'
	contains "... by its relevance: $text" "$T/cls" ', relevance -'
done <<'EOF3'
can i get a refund on my train ticket
how do i get a replacement social security card
what's the best paint color for a small bedroom
EOF3

# With no store word and no product named, the relevance model counts
# from a higher floor (src/intent-scope.c): an assistant's settings or a
# song playing are off-topic even when the classifier leans to a store
# intent ("track", "talk to"), while a store question in plain words
# ("it", "the sound") stays in.
while IFS='	' read -r want text; do
	"$SHOPDESK" -e nlu --json "$text" > "$T/cls" 2>&1
	if [ "$want" = out_of_scope ]; then
		contains "out_of_scope: $text" "$T/cls" \
		    '"intent":{"name":"out_of_scope"'
	else
		contains "in store: $text" "$T/cls" '"verdict":true'
	fi
done <<'EOF5'
out_of_scope	what's the name of the track playing now
out_of_scope	talk to me in german
store	the sound cuts out every few minutes
store	can i use it in the bath
store	does it get hot on your lap
EOF5

# CLINC150's oos_val split (100 lines, ../shared/data/clinc150): the dev
# half of off-topic refusal, read in place; 0.94 measured.
C="$top_srcdir/../shared/data/clinc150/oos_val.jsonl"
if [ -f "$C" ]; then
	run_ok "eval on CLINC150 oos_val" "$SHOPDESK" -e eval intents \
	    --json "$C"
	at_least "CLINC150 oos_val refused" "$(field "$T/out" oos_recall)" \
	    $FLOOR_CLINC_OOS_VAL
else
	tap_n=$((tap_n + 1))
	echo "ok $tap_n # SKIP CLINC150 oos_val: no $C"
fi

# Fresh probes of session 12 (tests/data/nlu/probes12.jsonl, README):
# 200 lines in nine registers, written and labelled before the
# classifier read them; a dev-side set.  Measured 0.905 lenient, 0.0229
# of store lines refused, 0.96 of off-topic lines refused; the figures
# move by a line or two when only the seed of the training variants
# changes, hence the room.
run_ok "eval on the session 12 probes" "$SHOPDESK" -e eval intents \
	--json "$D/probes12.jsonl"
at_least "probes lenient accuracy" "$(field "$T/out" lenient_accuracy)" 0.89
at_most "probes in-store lines refused" \
    "$(field "$T/out" in_store_refused_rate)" 0.035
at_least "probes off-topic refused" "$(field "$T/out" oos_recall)" 0.92
contains "probes per register" "$T/out" '"non-native":{"n":23,'

# The voices set lives beside the project, never in it.
V="$top_srcdir/../shared/data/voices/test.jsonl"
if [ -f "$V" ]; then
	run_ok "eval on voices test" "$SHOPDESK" -e eval intents --json "$V"
	at_least "voices test lenient accuracy" \
	    "$(field "$T/out" lenient_accuracy)" $FLOOR_VOICES
	at_most "voices test in-store lines refused" \
	    "$(field "$T/out" in_store_refused_rate)" $CEIL_VOICES_REFUSED
else
	tap_n=$((tap_n + 1))
	echo "ok $tap_n # SKIP voices test: no $V"
fi

run_ok "eval text output" "$SHOPDESK" -e eval intents "$D/store-test.jsonl"
contains "text output: accuracy" "$T/out" "accuracy"
contains "text output: macro-F1 over the gold intents" "$T/out" "macro-F1 (gold)"
contains "text output: macro-F1 over the union" "$T/out" "macro-F1 (union)"
contains "text output: per intent" "$T/out" "warranty"
contains "text output: throughput" "$T/out" "utterances/s"

# Training is deterministic: a second run stores the same data hash and
# reports the same figures.
run_ok "train again" "$SHOPDESK" -e train --json
sed 's/"seconds":[0-9.]*,//' "$T/out" > "$T/a"
sed 's/"seconds":[0-9.]*,//' "$T/train1.json" > "$T/b"
cmp -s "$T/a" "$T/b"; ok $? "second training reports the same model"

# Bad input files name the culprit.
printf '{"text": "hi", "intent": "greeting"}\n{"text": "x", "intent": "fly"}\n' \
	> "$T/bad.jsonl"
run_fails "eval: unknown intent fails" 1 "$SHOPDESK" -e eval intents \
	"$T/bad.jsonl"
contains "eval names the intent and line" "$T/err" 'bad.jsonl:2: unknown intent "fly"'
run_fails "train: unknown intent fails" 1 "$SHOPDESK" -e train "$T/bad.jsonl"
contains "train names the intent and line" "$T/err" 'bad.jsonl:2: unknown intent "fly"'
printf 'not json\n' > "$T/bad2.jsonl"
run_fails "eval: a line that is not JSON" 1 "$SHOPDESK" -e eval intents \
	"$T/bad2.jsonl"
contains "eval names the line" "$T/err" 'bad2.jsonl:1:'
run_fails "eval: missing file" 1 "$SHOPDESK" -e eval intents "$T/none.jsonl"
run_fails "eval without a file is a usage error" 2 "$SHOPDESK" -e eval intents
run_fails "eval --threshold 2 is a usage error" 2 "$SHOPDESK" -e eval intents \
	--threshold 2 "$D/store-test.jsonl"

# Aliases: data sets' own names are mapped.
printf '{"text": "where is my order", "intent": "order_status"}\n{"text": "thanks a lot", "intent": "thank_you"}\n{"text": "how do I bake bread", "intent": "oos"}\n' \
	> "$T/alias.jsonl"
run_ok "eval maps aliases" "$SHOPDESK" -e eval intents --json "$T/alias.jsonl"
contains "aliases are scored" "$T/out" '"n":3'

# The voices format: a list of acceptable intents, best first, a register
# and a source; lenient and strict accuracy, per-group tallies and the
# share of in-store lines refused as out_of_scope.
cat > "$T/voices.jsonl" <<'EOF2'
{"text": "where is my order 12345", "intents": ["track_order", "delivery_period"], "register": "chat", "source": "a"}
{"text": "hello", "intents": ["cancel_order", "greeting"], "register": "chat", "source": "a"}
{"text": "what is the capital of peru", "intents": ["out_of_scope"], "register": "formal", "source": "b"}
{"text": "asdf qwer zxcv", "intents": ["warranty"], "register": "formal"}
EOF2
run_ok "eval reads lists of acceptable intents" "$SHOPDESK" -e eval intents \
	--json "$T/voices.jsonl"
contains "lenient accuracy" "$T/out" '"lenient_accuracy":0.75'
contains "strict accuracy" "$T/out" '"strict_accuracy":0.5'
contains "in-store lines refused" "$T/out" '"in_store_refused_rate":0.3333'
contains "out-of-scope lines refused" "$T/out" '"oos_refused_rate":1'
contains "per source, the file when a line has none" "$T/out" \
	"\"$T/voices.jsonl\":{\"n\":1,"
contains "per register" "$T/out" '"by_register":{"chat":{"n":2,"lenient_accuracy":1,"strict_accuracy":0.5'
run_ok "eval text output per group" "$SHOPDESK" -e eval intents \
	"$T/voices.jsonl" "$D/store-test.jsonl"
contains "text output: in-store refused" "$T/out" "in-store refused"
contains "text output: a row per file" "$T/out" "store-test.jsonl"
contains "text output: a row per register" "$T/out" "formal"
printf '{"text": "hi", "intents": []}\n' > "$T/bad3.jsonl"
run_fails "eval: an empty list of intents" 1 "$SHOPDESK" -e eval intents \
	"$T/bad3.jsonl"
contains "eval names the empty list's line" "$T/err" 'bad3.jsonl:1: '

# A model trained from other files is kept (not retrained on load).
run_ok "train on a custom file" "$SHOPDESK" -e train \
	"$top_srcdir/share/nlu/store.jsonl"
contains "custom training read its examples" "$T/out" "examples"

finish
