#!/bin/sh
# A colour asked for in a swap, an exchange or "instead" of the product
# in focus (tests/swapcolour-sweep.py): over every family of the demo
# catalog whose models differ in colour, "swap it for the blue one"
# names the model in that colour and moves the focus to it; a colour no
# model has is said not to be listed.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
python3 "$top_srcdir/tests/swapcolour-sweep.py" "$SHOPDESK" \
    "$SHOPDESK_SHARE" >"$T/out" 2>"$T/err"
ok $? "the sweep runs"
sed 's/^/# /' "$T/err" | head -5
grep '^FAIL' "$T/out" | sed 's/^/# /'
set -- $(awk '$1 == "SWAP" { print $2, $3 }' "$T/out")
[ "${2:-0}" -ge 18 ]; ok $? "model pairs swept (${2:-0})"
[ "${1:-0}" = "${2:-x}" ]; ok $? "the model in the colour asked: ${1:-0} of ${2:-0}"
set -- $(awk '$1 == "NONE" { print $2, $3 }' "$T/out")
[ "${1:-0}" = "${2:-x}" ]; ok $? "a colour not listed is said so: ${1:-0} of ${2:-0}"
finish
