#!/bin/sh
# End-to-end: "shopdesk eval feelings" on the held-out labelled messages
# (tests/data/feelings/test.jsonl), and the feeling in "shopdesk nlu".
# Fails when a figure drops below the floor: what was measured when the
# classifier was written (accuracy 0.8811, upset F1 0.9078, urgent F1
# 0.8966), less a little.
. "$top_srcdir/tests/lib.sh"

D="$top_srcdir/tests/data/feelings"
MIN_ACC=0.86
MIN_UPSET_F1=0.89
MIN_URGENT_F1=0.86

run_ok "eval feelings --json on the held-out set" \
	"$SHOPDESK" --db "$T/f.db" eval feelings --json "$D/test.jsonl"
contains "JSON has n" "$T/out" '"n":143,'
acc=$(sed -n 's/^{"n":[0-9]*,"accuracy":\([0-9.]*\),.*/\1/p' "$T/out")
upset=$(sed -n 's/.*"upset":{"precision":[0-9.]*,"recall":[0-9.]*,"f1":\([0-9.]*\),.*/\1/p' "$T/out")
urgent=$(sed -n 's/.*"urgent":{"precision":[0-9.]*,"recall":[0-9.]*,"f1":\([0-9.]*\),.*/\1/p' "$T/out")
echo "# accuracy $acc, upset F1 $upset, urgent F1 $urgent"
awk -v f="$acc" -v m="$MIN_ACC" 'BEGIN { exit !(f + 0 >= m + 0) }'
ok $? "feeling accuracy $acc >= $MIN_ACC"
awk -v f="$upset" -v m="$MIN_UPSET_F1" 'BEGIN { exit !(f + 0 >= m + 0) }'
ok $? "upset F1 $upset >= $MIN_UPSET_F1"
awk -v f="$urgent" -v m="$MIN_URGENT_F1" 'BEGIN { exit !(f + 0 >= m + 0) }'
ok $? "urgent F1 $urgent >= $MIN_URGENT_F1"

run_ok "eval feelings prints a table" \
	"$SHOPDESK" --db "$T/f.db" eval feelings "$D/test.jsonl"
contains "table has the angry row" "$T/out" "angry"
contains "table has the urgent row" "$T/out" "urgent"
contains "table says the accuracy" "$T/out" "143 messages, feeling accuracy"

run_ok "nlu shows the feeling" "$SHOPDESK" --db "$T/f.db" nlu \
	"WHERE IS MY REFUND, this is a scam"
contains "feeling line" "$T/out" "feeling  angry"
run_ok "nlu --json has the feeling" "$SHOPDESK" --db "$T/f.db" nlu --json \
	"can you deliver it today? it's urgent"
contains "JSON feeling object" "$T/out" '"feeling":{"feeling":"none"'
contains "JSON urgent flag" "$T/out" '"urgent":true'

# A plain request to see products is not anger (the words "show me" were
# read as hostile from "get me a manager now"), and the plain words of
# exasperation are upset.
for m in "show me lenses" "show me monitors"; do
	run_ok "nlu on \"$m\"" "$SHOPDESK" --db "$T/f.db" nlu --json "$m"
	contains "\"$m\" is no feeling" "$T/out" '"feeling":{"feeling":"none"'
done
run_ok "nlu on \"this is ridiculous\"" "$SHOPDESK" --db "$T/f.db" nlu \
	--json "this is ridiculous"
not_contains "\"this is ridiculous\" is upset" "$T/out" \
	'"feeling":{"feeling":"none"'

printf '{"text": "hi", "feeling": "grumpy"}\n' > "$T/bad.jsonl"
run_fails "an unknown feeling fails" 1 \
	"$SHOPDESK" --db "$T/f.db" eval feelings "$T/bad.jsonl"
contains "error names file:line" "$T/err" "bad.jsonl:1:"
printf 'not json\n' > "$T/bad2.jsonl"
run_fails "a line that is not JSON fails" 1 \
	"$SHOPDESK" --db "$T/f.db" eval feelings "$T/bad2.jsonl"
run_fails "a missing file fails" 1 \
	"$SHOPDESK" --db "$T/f.db" eval feelings "$T/none.jsonl"
run_fails "no file is a usage error" 2 \
	"$SHOPDESK" --db "$T/f.db" eval feelings
finish
