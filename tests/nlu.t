#!/bin/sh
# End-to-end: shopdesk nlu, text and JSON, arguments and stdin, bad input.
. "$top_srcdir/tests/lib.sh"

run_ok "nlu TEXT" "$SHOPDESK" nlu "Where is my order #12345?"
contains "intent shown" "$T/out" "intent   track_order"
contains "order number found with its span" "$T/out" 'order_id  12345'
run_ok "nlu --json" "$SHOPDESK" nlu --json "Compare iPhone vs Samsung Galaxy under \$900"
contains "JSON intent" "$T/out" '"intent":{"name":"comparison"'
contains "JSON ranking" "$T/out" '"ranking":[{"name":"comparison"'
contains "JSON price entity with bounds" "$T/out" '"type":"price"'
contains "spans in bytes" "$T/out" '"start":'
printf 'hello\nthanks a lot\n\n' | "$SHOPDESK" nlu --json > "$T/out"
n=$(wc -l < "$T/out")
[ "$n" -eq 3 ]; ok $? "one object per stdin line ($n)"
contains "greeting" "$T/out" '"name":"greeting"'
contains "thanks" "$T/out" '"name":"thanks"'
printf 'where \377 is \001 my order 12345\n' | "$SHOPDESK" nlu --json > "$T/out"
ok $? "invalid UTF-8 and controls are read"
contains "repaired text shown" "$T/out" "$(printf '"text":"where \357\277\275 is   my order 12345"')"
head -c 2000000 /dev/zero | tr '\0' 'x' | "$SHOPDESK" nlu --json > "$T/out"
ok $? "2 MB line"
contains "cut at the limit" "$T/out" '"truncated":true'
run_fails "unknown option" 2 "$SHOPDESK" nlu --frob
finish
