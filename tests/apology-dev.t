#!/bin/sh
# The apology's precision and recall on the dev halves (tests/apology-dev.py):
# the labelled feelings dev set, and the store questions of the cross-source
# and voices dev halves (calm unless in the "angry" register).  Prints the
# figures anyone can rerun:
#   python3 tests/apology-dev.py ./shopdesk tests/data/feelings/dev.jsonl \
#       tests/data/nlu/cross-dev.jsonl ../shared/data/voices/dev.jsonl
# The floors sit just under the measured figures.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
F="$top_srcdir/tests/data/feelings/dev.jsonl $top_srcdir/tests/data/nlu/cross-dev.jsonl"
V="$top_srcdir/../shared/data/voices/dev.jsonl"
[ -f "$V" ] && F="$F $V"
# shellcheck disable=SC2086
python3 "$top_srcdir/tests/apology-dev.py" "$SHOPDESK" $F >"$T/out" 2>"$T/err"
ok $? "the apology measure runs"
sed 's/^/# /' "$T/err" | head -5
grep '^APOLOGY' "$T/out" | sed 's/^/# /'
# precision and recall in thousandths, of all the files
set -- $(awk '$1 == "APOLOGY" { p = $6; r = $7 } END { print int(p * 1000 + .5), int(r * 1000 + .5) }' "$T/out")
[ "${1:-0}" -ge 420 ]; ok $? "apology precision ${1:-0}/1000 >= 420"
[ "${2:-0}" -ge 830 ]; ok $? "apology recall ${2:-0}/1000 >= 830"
finish
