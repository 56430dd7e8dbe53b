#!/bin/sh
# End-to-end under valgrind (memcheck): a conversation, the understanding
# step, a search and an ingest, with no invalid access and no leak.
# Skipped when valgrind is not installed.
. "$top_srcdir/tests/lib.sh"

if ! command -v valgrind >/dev/null 2>&1; then
	echo "1..0 # SKIP valgrind not installed"
	exit 0
fi
if [ "${SHOPDESK_SANITIZERS:-no}" = yes ]; then
	echo "1..0 # SKIP built with the sanitizers, which valgrind cannot run"
	exit 0
fi
# Seed and train outside valgrind: that is setup, not the test.
"$SHOPDESK" -q train > /dev/null || { echo "Bail out! train failed"; exit 1; }
vg() {	# vg DESCRIPTION CMD...
	d=$1; shift
	valgrind -q --leak-check=full --errors-for-leak-kinds=definite \
	    --error-exitcode=99 "$@" > "$T/out" 2> "$T/vg"
	s=$?
	[ $s -ne 99 ] && ! grep -q "==[0-9]*==" "$T/vg"
	ok $? "$d under valgrind"
	grep "==[0-9]*==" "$T/vg" | head -20 | sed 's/^/# /'
}
cat > "$T/script" <<'SCRIPT'
/user C1001
I'm looking for a gaming laptop under $1500
Yes, and how's the battery life?
What about warranty?
Compare iPhone 15 vs Samsung Galaxy S24
where is my order #12345?
I want to return order 11942
what's the meaning of life
SCRIPT
vg "replay --json" "$SHOPDESK" replay --json "$T/script"
vg "nlu" "$SHOPDESK" nlu --json "compare the galxy s24 and iphone 15 under \$900"
vg "search" "$SHOPDESK" search --json thinkpd
printf '{"sku":"VG-1","name":"Valgrind Test Lamp","category":"smart-home","price":19.5}\n' > "$T/p.jsonl"
vg "ingest" "$SHOPDESK" ingest "$T/p.jsonl"
finish
