#!/bin/sh
# The knowledge-base sweep: every FAQ and policy section of the demo
# store asked in several wordings (tests/data/kb-paraphrases.tsv), each
# in a fresh session; the reply must cite the entry that answers and
# quote its words (tests/kb-sweep.py).  The floor sits just under the
# measured figure, so a change in retrieval that loses wordings fails.
. "$top_srcdir/tests/lib.sh"
FLOOR=146

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
sweep_run kb-sweep.py "$SHOPDESK" "$SHOPDESK_SHARE" \
    "$top_srcdir/tests/data/kb-paraphrases.tsv"
sweep_total PASS 200 "at least 200 wordings (%s)"
sweep_floor PASS "$FLOOR" "answered from the right entry"
finish
