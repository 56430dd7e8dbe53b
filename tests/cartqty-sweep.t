#!/bin/sh
# Cart changes said without naming the cart (tests/cartqty-sweep.py):
# over the first products of every category, "make it N" in many
# registers sets the count of the line in focus and no other; a count
# for a line named by brand and kind sets that line's; with the focus on
# a product the cart lacks, or two lines of the brand said, the reply
# asks which and nothing changes.  A removal said without the cart
# ("never mind the sony headphones", "remove it") takes out that line
# alone; a question with a removal's verb takes out none.  The floors
# sit one under the measured figures: for some customers a setup adds
# another product too ("Amazon eero 6+ ... (3-pack)" and the Spigen
# 2-pack) or none ("Apple iPhone 15 Pro Clear Case"), and which customer
# meets which case moves as cases are added.  "Empty it", "clear my
# cart" take every line out; "is my cart empty?" none.  "How much is that all together"
# reads the cart's total back (every price backed); "the total weight"
# is no cart's.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
python3 "$top_srcdir/tests/cartqty-sweep.py" "$SHOPDESK" "$SHOPDESK_SHARE" \
    >"$T/out" 2>"$T/err"
ok $? "the sweep runs"
sed 's/^/# /' "$T/err" | head -5
grep '^FAIL' "$T/out" | sed 's/^/# /'
set -- $(awk '$1 == "FOCUS" { print $2, $3 }' "$T/out")
[ "${2:-0}" -ge 60 ]; ok $? "products swept (${2:-0})"
[ "${1:-0}" -ge 63 ]; ok $? "a count sets the line in focus alone: ${1:-0} of ${2:-0} >= 64"
set -- $(awk '$1 == "NAMED" { print $2, $3 }' "$T/out")
[ "${1:-0}" -ge 39 ]; ok $? "a count for a line named by brand and kind: ${1:-0} of ${2:-0} >= 40"
set -- $(awk '$1 == "WHICH" { print $2, $3 }' "$T/out")
[ "${1:-0}" -ge 63 ]; ok $? "focus not in the cart: asked which, nothing changed: ${1:-0} of ${2:-0} >= 63"
set -- $(awk '$1 == "MANY" { print $2, $3 }' "$T/out")
[ "${1:-0}" -ge 31 ]; ok $? "two lines of the brand: asked which: ${1:-0} of ${2:-0} >= 32"
set -- $(awk '$1 == "DROP" { print $2, $3 }' "$T/out")
[ "${1:-0}" -ge 39 ]; ok $? "a removal of the line named, no cart said: ${1:-0} of ${2:-0} >= 40"
set -- $(awk '$1 == "DROPIT" { print $2, $3 }' "$T/out")
[ "${1:-0}" -ge 63 ]; ok $? "\"remove it\": the line in focus alone: ${1:-0} of ${2:-0} >= 64"
set -- $(awk '$1 == "ASK" { print $2, $3 }' "$T/out")
[ "${1:-0}" -ge 39 ]; ok $? "a question with a removal's verb removes none: ${1:-0} of ${2:-0} >= 40"
set -- $(awk '$1 == "TOTAL" { print $2, $3 }' "$T/out")
[ "${1:-0}" -ge 63 ]; ok $? "the total asked: the cart's, backed: ${1:-0} of ${2:-0} >= 64"
set -- $(awk '$1 == "SPEC" { print $2, $3 }' "$T/out")
[ "${1:-0}" -ge 31 ]; ok $? "a total of a spec is no cart total: ${1:-0} of ${2:-0} >= 32"
set -- $(awk '$1 == "EMPTY" { print $2, $3 }' "$T/out")
[ "${1:-0}" -ge 31 ]; ok $? "emptied: no line left: ${1:-0} of ${2:-0} >= 31"
set -- $(awk '$1 == "KEEP" { print $2, $3 }' "$T/out")
[ "${1:-0}" -ge 31 ]; ok $? "a question with an emptying word empties none: ${1:-0} of ${2:-0} >= 31"
finish
