#!/bin/sh
# End-to-end: "shopdesk eval entities" on the held-out labelled split, with
# the catalog fixture loaded by SQL.  Fails when F1 drops below the figure
# reached when the split was written (0.9677) minus 0.02.
. "$top_srcdir/tests/lib.sh"

D="$top_srcdir/tests/data/entities"
GEN="$top_builddir/bench/gen-entity-catalog"
MIN_F1=0.9477

"$GEN" "$T/cat.db" "$D/catalog.jsonl" 2>"$T/err"
ok $? "catalog fixture loads into a scratch store"

run_ok "eval entities --json on the test split" \
	"$SHOPDESK" --db "$T/cat.db" eval entities --json "$D/test.jsonl"
for k in '"n":114' '"precision":' '"recall":' '"f1":' '"per_type":' \
    '"relaxed":' '"product":'; do
	contains "JSON has $k" "$T/out" "$k"
done
f1=$(sed -n 's/^{"n":[0-9]*,"precision":[0-9.]*,"recall":[0-9.]*,"f1":\([0-9.]*\),.*/\1/p' "$T/out")
echo "# held-out entity F1 $f1 (minimum $MIN_F1)"
awk -v f="$f1" -v m="$MIN_F1" 'BEGIN { exit !(f + 0 >= m + 0) }'
ok $? "held-out F1 $f1 >= $MIN_F1"

run_ok "eval entities prints a table" \
	"$SHOPDESK" --db "$T/cat.db" eval entities "$D/train.jsonl"
contains "table has an overall row" "$T/out" "overall"
contains "table has a relaxed row" "$T/out" "relaxed"

# Bad files: clear errors naming file and line, non-zero exit.
printf '{"text": "hi", "entities": []}\n{"text": 3}\n' > "$T/bad.jsonl"
run_fails "a non-string text fails" 1 \
	"$SHOPDESK" --db "$T/cat.db" eval entities "$T/bad.jsonl"
contains "error names file:line" "$T/err" "bad.jsonl:2:"
printf '{"text": "hi", "entities": [{"type": "colour", "start": 0, "end": 2}]}\n' \
	> "$T/bad2.jsonl"
run_fails "an unknown type fails" 1 \
	"$SHOPDESK" --db "$T/cat.db" eval entities "$T/bad2.jsonl"
contains "error names the field" "$T/err" '"type"'
printf '{"text": "hi", "entities": [{"type": "email", "start": 0, "end": 9}]}\n' \
	> "$T/bad3.jsonl"
run_fails "a span past the text fails" 1 \
	"$SHOPDESK" --db "$T/cat.db" eval entities "$T/bad3.jsonl"
printf 'not json\n' > "$T/bad4.jsonl"
run_fails "a line that is not JSON fails" 1 \
	"$SHOPDESK" --db "$T/cat.db" eval entities "$T/bad4.jsonl"
run_fails "a missing file fails" 1 \
	"$SHOPDESK" --db "$T/cat.db" eval entities "$T/none.jsonl"
run_fails "no file is a usage error" 2 \
	"$SHOPDESK" --db "$T/cat.db" eval entities

finish
