#!/bin/sh
# End-to-end: every conversation story in tests/stories runs on a new
# demo-store database and meets its expectations.
. "$top_srcdir/tests/lib.sh"

"$SHOPDESK" test "$top_srcdir/tests/stories" >"$T/out" 2>"$T/err"
s=$?
sed 's/^/# /' "$T/out" | grep -v '^# ok ' | head -100
sed 's/^/# /' "$T/err" | head -20
ok $s "shopdesk test tests/stories"
grep -c '^ok ' "$T/out" | sed 's/^/# stories passed: /'
n=$(grep -c '^ok \|^not ok ' "$T/out")
[ "$n" -ge 1 ]; ok $? "stories ran ($n)"
# The runner works on a scratch copy: the database is untouched.
"$SHOPDESK" history > "$T/sessions"
[ ! -s "$T/sessions" ]; ok $? "stories leave no session in the database"
finish
