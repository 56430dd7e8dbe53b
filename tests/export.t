#!/bin/sh
# End-to-end: shopdesk export writes the stored conversations as
# training data, personal data masked, and refuses bad input.
. "$top_srcdir/tests/lib.sh"

printf 'my email is ann@example.com, where is order 12218\nthanks\n' |
    "$SHOPDESK" -q replay >/dev/null 2>&1
run_ok "export conversations" "$SHOPDESK" export conversations
contains "the spec's structure" "$T/out" '{"conversations":[{"id":"s000001","turns":[{"speaker":"user","text":"my email is [email], where is order 12218","intent":"track_order"}'
not_contains "no email left" "$T/out" "ann@example.com"
run_ok "export nlu -o FILE" "$SHOPDESK" -q export nlu -o "$T/nlu.jsonl"
[ "$(wc -l <"$T/nlu.jsonl")" -eq 2 ]; ok $? "two NLU examples in the file"
[ ! -e "$T/nlu.jsonl.tmp" ]; ok $? "no temporary file left"
run_ok "export chat" "$SHOPDESK" export chat
contains "chat records start with the system message" "$T/out" '{"messages":[{"role":"system"'
run_ok "export --from a later day" "$SHOPDESK" export --from 2026-12-01 nlu
[ ! -s "$T/out" ]; ok $? "nothing after the range"
run_fails "an unknown format" 2 "$SHOPDESK" export poems
run_fails "no format" 2 "$SHOPDESK" export
run_fails "a bad date" 2 "$SHOPDESK" export --to 2026-13-01 nlu
contains "names --to" "$T/err" "--to"
run_fails "an unwritable file" 1 "$SHOPDESK" export -o "$T/no/such/dir/x" nlu
finish
