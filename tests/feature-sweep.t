#!/bin/sh
# The feature sweep: yes-or-no questions about one feature of one
# product, generated from the whole demo catalog (tests/feature-sweep.py):
# a thing its listing names, a thing others of its kind name that it
# lacks, plain yes/no attributes and colours, in several phrasings.  The
# reply must be about that product, say yes or no as the data does and
# state the value that backs it.  The floor sits just under the measured
# figure (639 of 747; 330 before the yes-or-no answers).
. "$top_srcdir/tests/lib.sh"
FLOOR=630

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
python3 \
    "$top_srcdir/tests/feature-sweep.py" "$SHOPDESK" \
    "$SHOPDESK_SHARE/demo/products.jsonl" >"$T/out" 2>"$T/err"
ok $? "the sweep runs"
sed 's/^/# /' "$T/err" | head -5
grep '^FAIL' "$T/out" | head -40 | sed 's/^/# /'
sweep_total PASS 700 "every kind asked (%s questions)"
sweep_floor PASS "$FLOOR" "yes or no, backed"
finish
