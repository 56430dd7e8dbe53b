#!/bin/sh
# End-to-end: conversations in the spec's "Training Data Structure" as
# training data: shopdesk ingest stores them, shopdesk train learns their
# labelled customer lines, shopdesk test and experiment replay run them;
# malformed files change nothing and say where they are wrong.
. "$top_srcdir/tests/lib.sh"
SD="$SHOPDESK"
F="$top_srcdir/tests/data/conversations/training.json"
msg='please hold my parcel at the depot until I am back'

run_ok "nlu before" $SD nlu "$msg"
not_contains "not yet read as delivery_options" "$T/out" "intent   delivery_options"
run_ok "ingest the conversations" $SD ingest "$F"
contains "counts them" "$T/out" "5 conversations, 6 training examples (5 new, 0 changed, 0 unchanged)"
run_ok "ingest again" $SD ingest "$F"
contains "unchanged the second time" "$T/out" "(0 new, 0 changed, 5 unchanged)"
run_ok "train" $SD train
contains "train uses them" "$T/out" "from ingested     6 labelled customer lines"
run_ok "nlu after" $SD nlu "$msg"
contains "classified as labelled" "$T/out" "intent   delivery_options"
run_ok "test --ingested" $SD test --ingested
contains "each conversation a story" "$T/out" "ok ingested: depot_3"
contains "their labels checked" "$T/out" "5 stories, 0 failed; 7 turns, 0 failed; 6 checks, 0 failed"
run_ok "experiment" $SD experiment create e1 a b:threshold=0.99
run_ok "replay --ingested" $SD experiment replay e1 --ingested
contains "replays them" "$T/out" "5 conversations replayed in each arm"
run_ok "stop" $SD experiment stop e1

# JSON Lines: one conversation a line; a label an intent may carry.
printf '%s\n' \
    '{"id":"j1","turns":[{"speaker":"user","text":"hold my parcel at the depot","intent":"shipping"}]}' \
    '{"id":7,"turns":[{"speaker":"user","text":"hi"},{"speaker":"agent","text":"Hello!"}],"metadata":{"intent":"greeting"}}' \
    >"$T/more.jsonl"
run_ok "ingest JSON Lines" $SD ingest "$T/more.jsonl"
contains "two more" "$T/out" "2 conversations, 2 training examples (2 new"

# Malformed: each names file:line and the conversation; nothing stays.
bad() {	# bad DESCRIPTION TEXT FILE-CONTENT
	printf '%s\n' "$3" >"$T/bad.jsonl"
	run_fails "$1" 1 $SD ingest "$T/more.jsonl" "$T/bad.jsonl"
	contains "$1: says where" "$T/err" "$2"
}
bad "a bad speaker" 'bad.jsonl:2: conversation 2 ("b2"): turn 2: "speaker" must be "user" or "agent"' \
    '{"id":"b1","turns":[{"speaker":"user","text":"x"}]}
{"id":"b2","turns":[{"speaker":"user","text":"x"},{"speaker":"bot","text":"y"}]}'
bad "an unknown intent" 'bad.jsonl:1: conversation 1 ("b1"): turn 1: unknown intent "teleport"' \
    '{"id":"b1","turns":[{"speaker":"user","text":"beam me up","intent":"teleport"}]}'
bad "no turns" 'bad.jsonl:1: conversation 1 ("b1"): "turns" must be a non-empty array' \
    '{"id":"b1","turns":[]}'
bad "no id" 'bad.jsonl:1: conversation 1: "id" is required' \
    '{"turns":[{"speaker":"user","text":"x"}]}'
bad "agent only" 'bad.jsonl:1: conversation 1 ("b1"): no "user" turn' \
    '{"id":"b1","turns":[{"speaker":"agent","text":"x"}]}'
bad "an empty text" 'turn 1: "text" must be a non-empty string' \
    '{"id":"b1","turns":[{"speaker":"user","text":""}]}'
bad "an intent on an agent turn" 'turn 2: an agent turn has no "intent"' \
    '{"id":"b1","turns":[{"speaker":"user","text":"x"},{"speaker":"agent","text":"y","intent":"thanks"}]}'
bad "a bad metadata intent" 'metadata: unknown intent "nope"' \
    '{"id":"b1","turns":[{"speaker":"user","text":"x"}],"metadata":{"intent":"nope"}}'
bad "a duplicate id" 'bad.jsonl:2: conversation 2: duplicate conversation id "b1": already on line 1' \
    '{"id":"b1","turns":[{"speaker":"user","text":"x"}]}
{"id":"b1","turns":[{"speaker":"user","text":"y"}]}'
bad "truncated JSON" 'bad.jsonl:1: malformed JSON' \
    '{"id":"b1","turns":[{"speaker":"user","text":"x"}'
printf '{"conversations":[{"id":"c1","turns":[{"speaker":"user","text":"x"}]},\n {"id":"c2","turns":"none"}]}\n' >"$T/bad.json"
run_fails "a bad conversation in an array" 1 $SD ingest "$T/bad.json"
contains "names its line and place" "$T/err" 'bad.json:2: conversation 2 ("c2"): "turns" must be a non-empty array'
run_ok "test --ingested after the failures" $SD test --ingested
contains "only the good files' conversations are stored" "$T/out" "7 stories, 0 failed"
not_contains "nothing of the bad files" "$T/out" "ingested: b1"
not_contains "nor of the bad array" "$T/out" "ingested: c1"
finish
