#!/bin/sh
# A count beside a purchase verb is a quantity bought
# (tests/counttake-sweep.py): after a product's answer, "i want two",
# "could i get 3?", "two of those please" put that many of it in the
# cart, never two-factor sign-in or "two devices"; a count beside any
# other word ("2 day shipping", "two phones", "2fa") adds nothing.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
python3 "$top_srcdir/tests/counttake-sweep.py" "$SHOPDESK" \
    "$SHOPDESK_SHARE" >"$T/out" 2>"$T/err"
ok $? "the sweep runs"
sed 's/^/# /' "$T/err" | head -5
grep '^FAIL' "$T/out" | sed 's/^/# /'
set -- $(awk '$1 == "TAKE" { print $2, $3 }' "$T/out")
[ "${2:-0}" -ge 40 ]; ok $? "products swept (${2:-0})"
[ "${1:-0}" -ge 40 ]; ok $? "a count taken fills the line: ${1:-0} of ${2:-0} >= 40"
set -- $(awk '$1 == "NOT" { print $2, $3 }' "$T/out")
[ "${1:-0}" = "${2:-x}" ]; ok $? "a count beside another word adds nothing: ${1:-0} of ${2:-0}"
finish
