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

# A database path the user names must be in an existing directory: a
# typo is an error, not a new demo store somewhere unexpected.
run_fails "--db in a missing directory" 1 "$SHOPDESK" --db "$T/no/such/shop.db" \
    search laptop
contains "names the option, path and directory" "$T/err" \
    "--db $T/no/such/shop.db: directory $T/no/such does not exist"
[ ! -e "$T/no" ]; ok $? "no directory was created"
run_fails "SHOPDESK_DB in a missing directory" 1 env \
    SHOPDESK_DB="$T/nope/shop.db" "$SHOPDESK" search laptop
contains "names the variable" "$T/err" "SHOPDESK_DB=$T/nope/shop.db: directory"
[ ! -e "$T/nope" ]; ok $? "no directory was created for SHOPDESK_DB"
# (timeout: were the store opened, the server would run.)
run_fails "serve: --db in a missing directory" 1 timeout 20 "$SHOPDESK" \
    --db "$T/no/such/shop.db" serve --port 0
contains "serve names the directory too" "$T/err" "directory $T/no/such"
# The default location is created, and a new store is announced.
run_ok "the default path is created" env -u SHOPDESK_DB HOME="$T/home" \
    XDG_DATA_HOME= "$SHOPDESK" search --limit 1 laptop
[ -s "$T/home/.local/share/shopdesk/shopdesk.db" ]; ok $? "default database"
contains "a new, seeded store is announced" "$T/err" \
    "created a new database $T/home/.local/share/shopdesk/shopdesk.db"
run_ok "an existing store" env -u SHOPDESK_DB HOME="$T/home" \
    XDG_DATA_HOME= "$SHOPDESK" search --limit 1 laptop
[ ! -s "$T/err" ]; ok $? "an existing store is not announced"
run_ok "--db in an existing directory" "$SHOPDESK" --db "$T/new.db" --empty \
    search laptop
contains "a new, empty store is announced" "$T/err" \
    "created a new, empty database $T/new.db"
run_ok "-q" "$SHOPDESK" -q --db "$T/new2.db" search --limit 1 laptop
[ ! -s "$T/err" ]; ok $? "-q: the new store is not announced"

# Every command in the table is documented in the man page.
"$SHOPDESK" help | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p' > "$T/cmds"
for c in $(cat "$T/cmds"); do
	grep -q "^\.It Ic $c\b" "$top_srcdir/man/shopdesk.1"
	ok $? "man page documents $c"
done

finish
