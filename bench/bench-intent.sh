#!/bin/sh
# bench-intent: intent classification throughput and accuracy on the
# Bitext test split, side by side with NLP.js trained on Bitext train
# (../shared/peers, installed into a temporary copy with npm ci); then
# accuracy in other people's words: the frozen cross-source test set and
# the voices set (../shared/data/voices, read in place), each on its own
# line with the share of in-store messages refused as out_of_scope.
set -u
: "${SHOPDESK:?run through make bench}"
: "${top_srcdir:?}"
T=$(mktemp -d "${TMPDIR:-/tmp}/sdbench.XXXXXX")
trap 'rm -rf "$T"' EXIT
export SHOPDESK_DB="$T/bench.db"
TEST="$top_srcdir/tests/data/nlu/bitext-test.jsonl"
TRAIN="$top_srcdir/share/nlu/bitext-train.jsonl"
PEERS=${PEERS:-$top_srcdir/../shared/peers}

num() {	# num KEY: a number from the JSON object on stdin
	sed -n "s/.*\"$1\": *\([0-9.e+-]*\).*/\1/p" | head -1
}

"$SHOPDESK" -q -e train --json > "$T/train.json" || exit 1
echo "shopdesk train: $(num examples < "$T/train.json") examples," \
	"$(num seconds < "$T/train.json") s"
# Best of three timed passes over the 6,500 utterances.
best=0
for i in 1 2 3; do
	"$SHOPDESK" -q -e eval intents --json "$TEST" > "$T/eval.json" || exit 1
	ups=$(num utterances_per_s < "$T/eval.json")
	best=$(awk -v a="$ups" -v b="$best" 'BEGIN { print (a > b) ? a : b }')
done
acc=$(num accuracy < "$T/eval.json")
f1=$(num macro_f1 < "$T/eval.json")
printf '%-28s accuracy %.4f  macro-F1 %.4f  %10.0f utterances/s\n' \
	"shopdesk (all 44 intents)" "$acc" "$f1" "$best"
for f in store-test clinc150-oos-test; do
	"$SHOPDESK" -q -e eval intents --json \
	    "$top_srcdir/tests/data/nlu/$f.jsonl" > "$T/e2.json" || exit 1
	printf '%-28s accuracy %.4f\n' "shopdesk $f" \
	    "$(num accuracy < "$T/e2.json")"
done
# lenient FILE LABEL: lenient and strict accuracy, in-store refused
lenient() {
	"$SHOPDESK" -q -e eval intents --json "$1" > "$T/e3.json" || exit 1
	printf '%-28s lenient %.4f  strict %.4f  in-store refused %.4f  ' \
	    "$2" "$(num lenient_accuracy < "$T/e3.json")" \
	    "$(num strict_accuracy < "$T/e3.json")" \
	    "$(num in_store_refused_rate < "$T/e3.json")"
	printf 'out of scope refused %.4f\n' \
	    "$(num oos_refused_rate < "$T/e3.json")"
}
lenient "$top_srcdir/tests/data/nlu/cross-test.jsonl" "shopdesk cross-source test"
VOICES="$top_srcdir/../shared/data/voices"
if [ -f "$VOICES/test.jsonl" ]; then
	lenient "$VOICES/dev.jsonl" "shopdesk voices dev"
	lenient "$VOICES/test.jsonl" "shopdesk voices test"
else
	echo "voices: skipped (no $VOICES)"
fi

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1
then
	echo "NLP.js: skipped (node or npm not installed)"
	exit 0
fi
if [ ! -f "$PEERS/intent_nlpjs.js" ]; then
	echo "NLP.js: skipped (no peers at $PEERS)"
	exit 0
fi
if [ -d "${SHOPDESK_PEERS:-/nonexistent}/node_modules" ]; then
	# bench/run.sh installed them once for every benchmark.
	ln -s "$SHOPDESK_PEERS" "$T/peers"
else
	cp -r "$PEERS" "$T/peers" && chmod -R u+w "$T/peers"
	if ! (cd "$T/peers" && npm ci --silent >"$T/npm.log" 2>&1); then
		echo "NLP.js: skipped (npm ci failed: $(tail -1 "$T/npm.log"))"
		exit 0
	fi
fi
if ! node "$T/peers/intent_nlpjs.js" "$TRAIN" "$TEST" > "$T/nlpjs.json" \
    2>"$T/nlpjs.err"; then
	echo "NLP.js: failed: $(tail -1 "$T/nlpjs.err")"
	exit 1
fi
nacc=$(num accuracy < "$T/nlpjs.json")
nf1=$(num macro_f1 < "$T/nlpjs.json")
nus=$(num per_utterance_us < "$T/nlpjs.json")
nups=$(awk -v u="$nus" 'BEGIN { printf "%.0f", 1e6 / u }')
printf '%-28s accuracy %.4f  macro-F1 %.4f  %10.0f utterances/s\n' \
	"NLP.js (Bitext 27 only)" "$nacc" "$nf1" "$nups"
awk -v a="$acc" -v na="$nacc" -v u="$best" -v nu="$nups" 'BEGIN {
	printf "shopdesk/NLP.js: accuracy %+.4f, throughput x%.1f\n",
	    a - na, u / nu
	verdict = (a > na && u >= 20 * nu) ? "met" : "NOT met"
	printf "target: more accurate than NLP.js and >= 20x its" \
	    " throughput on the Bitext split: %s\n", verdict
	exit !(a > na && u >= 20 * nu)
}'
