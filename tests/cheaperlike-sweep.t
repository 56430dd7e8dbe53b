#!/bin/sh
# "Something like it but cheaper" (tests/cheaperlike-sweep.py): for two
# products of every category in focus, and for customers' one-line
# orders, the reply lists only products of the item's category and
# subcategory, in stock, under its price (the catalog's, or what was
# paid on the order, stated with the order), never the item itself; or
# says nothing of the kind costs less.  Every claim backed.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
python3 "$top_srcdir/tests/cheaperlike-sweep.py" "$SHOPDESK" \
    "$SHOPDESK_SHARE" >"$T/out" 2>"$T/err"
ok $? "the sweep runs"
sed 's/^/# /' "$T/err" | head -5
grep '^FAIL' "$T/out" | sed 's/^/# /'
set -- $(awk '$1 == "FOCUS" { print $2, $3 }' "$T/out")
[ "${2:-0}" -ge 30 ]; ok $? "products in focus swept (${2:-0})"
[ "${1:-0}" -ge "${2:-1}" ]; ok $? "same kind, under its price: ${1:-0} of ${2:-0}"
set -- $(awk '$1 == "ORDER" { print $2, $3 }' "$T/out")
[ "${2:-0}" -ge 20 ]; ok $? "ordered items swept (${2:-0})"
[ "${1:-0}" -ge "${2:-1}" ]; ok $? "same kind, under the price paid: ${1:-0} of ${2:-0}"
finish
