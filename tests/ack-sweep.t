#!/bin/sh
# The answer-word sweep: after every kind of question the bot ends a
# reply with, a leading "no", "fine.", "ok", "whatever." with a request
# after it must be answered as the request, and a bare "no thanks" or
# "ok" must stay an answer (tests/ack-sweep.py).  The floors sit just
# under the measured figures.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
sweep_run ack-sweep.py "$SHOPDESK" "$SHOPDESK_SHARE"
sweep_total CONTENT 97 "every context asked (%s messages)"
sweep_floor CONTENT 90 "requests after an answer word"
sweep_floor BARE 10 "bare answers stay answers"
finish
