#!/bin/sh
# End-to-end: the command line itself (help, usage errors, --db, first run).
. "$top_srcdir/tests/lib.sh"

run_ok "shopdesk help" "$SHOPDESK" help
for c in help ingest search eval; do
	contains "help lists $c" "$T/out" "  $c "
done
run_ok "shopdesk --help" "$SHOPDESK" --help
contains "--help shows usage" "$T/out" "usage: shopdesk"
run_ok "shopdesk --version" "$SHOPDESK" --version
contains "--version prints the version" "$T/out" "shopdesk "
run_fails "unknown command is a usage error" 2 "$SHOPDESK" frobnicate
contains "unknown command names the command" "$T/err" '"frobnicate"'
run_fails "unknown option is a usage error" 2 "$SHOPDESK" --frob
run_fails "help for an unknown command" 2 "$SHOPDESK" help frobnicate

# Every command in the table is documented in the man page.
"$SHOPDESK" help | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p' > "$T/cmds"
for c in $(cat "$T/cmds"); do
	grep -q "^\.It Ic $c\b" "$top_srcdir/man/shopdesk.1"
	ok $? "man page documents $c"
done

finish
