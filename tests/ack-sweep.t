#!/bin/sh
# The answer-word sweep: after every kind of question the bot ends a
# reply with, a leading "no", "fine.", "ok", "whatever." with a request
# after it must be answered as the request, and a bare "no thanks" or
# "ok" must stay an answer (tests/ack-sweep.py).  The floors sit just
# under the measured figures.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
python3 "$top_srcdir/tests/ack-sweep.py" "$SHOPDESK" "$SHOPDESK_SHARE" \
    >"$T/out" 2>"$T/err"
ok $? "the sweep runs"
sed 's/^/# /' "$T/err" | head -5
grep '^FAIL' "$T/out" | sed 's/^/# /'
set -- $(awk '$1 == "CONTENT" { print $2, $3 }' "$T/out")
[ "${2:-0}" -ge 97 ]; ok $? "every context asked (${2:-0} messages)"
[ "${1:-0}" -ge 90 ]; ok $? "requests after an answer word: ${1:-0} of ${2:-0} >= 90"
set -- $(awk '$1 == "BARE" { print $2, $3 }' "$T/out")
[ "${1:-0}" -ge 10 ]; ok $? "bare answers stay answers: ${1:-0} of ${2:-0} >= 10"
finish
