#!/bin/sh
# The plain-question sweep: a store question about a product of every
# category, in several registers, gets no apology; the same products told
# with a problem the customer suffers, or the feeling in words, get one
# (tests/calmq-sweep.py).  Measured 475 of 476 calm (465 before the
# apology needed a clear reading or a told problem) and 29 of 34 upset;
# the floors sit just under.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
sweep_run calmq-sweep.py "$SHOPDESK" "$SHOPDESK_SHARE"
sweep_total CALM 400 "every question for every product (%s messages)"
sweep_floor CALM 474 "no apology for a plain question"
sweep_floor UPSET 28 "an apology for a told problem"
finish
