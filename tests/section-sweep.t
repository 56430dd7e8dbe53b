#!/bin/sh
# The section sweep: every FAQ and policy section of the demo store asked
# by its own key terms (heading or question words and its rarest word in
# the knowledge base) as a fragment, a plain question, with a typo and
# after a line of background (tests/section-sweep.py).  The reply must
# answer from that entry and section.  Floors sit at the measured
# figures, so a change that picks another section for a wording fails.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 0; }
sweep_run section-sweep.py "$SHOPDESK" "$SHOPDESK_SHARE"
floor() {
	sweep_counts "$1"
	[ "${sw_pass:-0}" -ge "$2" ]
	ok $? "$1: ${sw_pass:-0} of ${sw_total:-0} answered from the section >= $2"
}
floor FRAG 94
floor ASK 88
floor TYPO 80
floor BACK 68
finish
