#!/bin/sh
# End-to-end: "shopdesk aliases": the shop's names for catalog products,
# found by the entity extractor as the product they name; seeded aliases,
# add with a checked target, list, remove, and clear errors.
. "$top_srcdir/tests/lib.sh"

DB="$T/al.db"
run_ok "a new database has the seeded aliases" \
	"$SHOPDESK" --db "$DB" aliases list
contains "xsx is one" "$T/out" "$(printf 'xsx\txbox series x')"
run_ok "a seeded alias finds its product" \
	"$SHOPDESK" --db "$DB" nlu --json "is the xsx back in stock"
contains "xsx is the Xbox Series X" "$T/out" '"sku":"GAM-1029"'

run_ok "nlu before the alias" "$SHOPDESK" --db "$DB" nlu --json \
	"does the deckie have wifi"
not_contains "no product yet" "$T/out" '"type":"product"'
run_ok "add an alias of a product" \
	"$SHOPDESK" --db "$DB" aliases add deckie "steam deck"
contains "add says so" "$T/out" 'added alias "deckie"'
run_ok "the alias names the product" "$SHOPDESK" --db "$DB" nlu --json \
	"does the deckie have wifi"
contains "deckie is the Steam Deck" "$T/out" '"sku":"GAM-1058"'
run_ok "an alias of a SKU" "$SHOPDESK" --db "$DB" aliases add "the big ps" \
	GAM-1021
run_ok "found" "$SHOPDESK" --db "$DB" nlu --json "is the big ps loud"
contains "the PS5 Pro" "$T/out" '"sku":"GAM-1021"'
run_ok "list --json ALIAS" "$SHOPDESK" --db "$DB" aliases list --json deckie
contains "JSON row" "$T/out" '{"alias":"deckie","target":"steam deck"}'
run_ok "search expands the alias too" "$SHOPDESK" --db "$DB" search --json \
	deckie
contains "search finds the Steam Deck" "$T/out" 'GAM-1058'

run_fails "a target that names nothing" 1 \
	"$SHOPDESK" --db "$DB" aliases add brolly "umbrella stand"
contains "error names the target" "$T/err" '"umbrella stand" names no product'
run_fails "nothing was added" 1 "$SHOPDESK" --db "$DB" aliases list brolly
run_fails "add needs two words" 2 "$SHOPDESK" --db "$DB" aliases add deckie
run_fails "unknown subcommand" 2 "$SHOPDESK" --db "$DB" aliases frob
run_fails "no subcommand" 2 "$SHOPDESK" --db "$DB" aliases

run_ok "remove an alias" "$SHOPDESK" --db "$DB" aliases remove deckie
run_ok "gone from nlu" "$SHOPDESK" --db "$DB" nlu --json \
	"does the deckie have wifi"
not_contains "no product again" "$T/out" '"type":"product"'
run_fails "removing it again fails" 1 \
	"$SHOPDESK" --db "$DB" aliases remove deckie
contains "error says no alias" "$T/err" 'no alias for "deckie"'
run_ok "synonyms are not aliases" "$SHOPDESK" --db "$DB" aliases list
not_contains "couch is a synonym only" "$T/out" 'couch'
run_fails "aliases remove leaves synonyms alone" 1 \
	"$SHOPDESK" --db "$DB" aliases remove couch
run_ok "couch is still a synonym" "$SHOPDESK" --db "$DB" synonyms list couch
finish
