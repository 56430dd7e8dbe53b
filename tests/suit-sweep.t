#!/bin/sh
# The suitability sweep: for every category, "is the <product> any good
# for <purpose>" with a purpose taken from the product's own listing
# quotes the listing's sentence about it; a purpose no listing speaks of
# is said to be unstated, with nothing made up (tests/suit-sweep.py).
# Floors just under the measured figures.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
python3 "$top_srcdir/tests/suit-sweep.py" "$SHOPDESK" "$SHOPDESK_SHARE" \
    >"$T/out" 2>"$T/err"
ok $? "the sweep runs"
sed 's/^/# /' "$T/err" | head -5
grep '^FAIL' "$T/out" | sed 's/^/# /'
set -- $(awk '$1 == "SAID" { print $2, $3 }' "$T/out")
[ "${1:-0}" -ge 32 ]; ok $? "the listing's sentence quoted: ${1:-0} of ${2:-0} >= 32"
set -- $(awk '$1 == "SILENT" { print $2, $3 }' "$T/out")
[ "${1:-0}" -ge 16 ]; ok $? "a silent listing said so: ${1:-0} of ${2:-0} >= 16"
finish
