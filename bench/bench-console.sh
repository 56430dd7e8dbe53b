#!/bin/sh
# bench-console: time from starting "shopdesk console" to its first prompt
# (wall clock of a run that leaves right after drawing it, and the
# console's own figure) on the demo store and on a database with 100,000
# more products; then the cost of a full redraw (rebuild, rewrap, every
# cell sent) with a 40-turn session on screen.  The console needs a
# terminal, so it runs in a private tmux server.  Run through make bench.
set -u
: "${SHOPDESK:?run through make bench}"
: "${top_builddir:?run through make bench}"
if ! command -v tmux >/dev/null 2>&1; then
	echo "bench-console: skipped (tmux is not installed)"
	exit 0
fi
N=${BENCH_CONSOLE_N:-100000}
RUNS=${BENCH_CONSOLE_RUNS:-7}
T=$(mktemp -d "${TMPDIR:-/tmp}/sdbench.XXXXXX")
SOCK="sdbench$$"
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; rm -rf "$T"' EXIT
export HOME="$T" LANG=C.UTF-8 SHOPDESK_NOW="2026-11-20T12:00:00Z"

# in_tty OUT CMD...: run CMD in a 120x40 terminal, wait for it to end;
# OUT gets the wall time in microseconds then the command's output.
in_tty() {
	out=$1; shift
	rm -f "$out" "$out.done"
	tmux -L "$SOCK" -f /dev/null kill-server 2>/dev/null
	tmux -L "$SOCK" -f /dev/null new-session -d -x 120 -y 40 \
	    "t0=\$(date +%s%N); $* 2>$out.cmd; t1=\$(date +%s%N);
	     echo \$(( (t1 - t0) / 1000 )) >$out; cat $out.cmd >>$out;
	     touch $out.done"
	i=0
	while [ ! -f "$out.done" ] && [ $i -lt 1200 ]; do
		sleep 0.05
		i=$((i + 1))
	done
}

# startup LABEL DB: median wall time to the first prompt over RUNS runs.
startup() {
	r=0
	: >"$T/walls"
	: >"$T/inner"
	: >"$T/ready"
	: >"$T/prompt"
	while [ $r -lt "$RUNS" ]; do
		in_tty "$T/run" "$SHOPDESK" --db "$2" console --bench-draw 0
		head -1 "$T/run" >>"$T/walls"
		sed -n 's/^first prompt \([0-9.]*\) ms.*/\1/p' "$T/run" \
		    >>"$T/inner"
		sed -n 's/.*engine ready \([0-9.]*\) ms.*/\1/p' "$T/run" \
		    >>"$T/ready"
		# The run went on past the prompt to load the engine.
		awk -v w="$(head -1 "$T/run")" \
		    -v f="$(tail -1 "$T/inner")" -v e="$(tail -1 "$T/ready")" \
		    'BEGIN { printf "%.3f\n", w / 1000 - (e - f) }' >>"$T/prompt"
		r=$((r + 1))
	done
	w=$(sort -n "$T/walls" | awk '{ v[NR] = $1 } END {
	    printf "%.1f", v[int((NR + 1) / 2)] / 1000 }')
	i=$(sort -n "$T/inner" | awk '{ v[NR] = $1 } END {
	    printf "%.1f", v[int((NR + 1) / 2)] }')
	e=$(sort -n "$T/ready" | awk '{ v[NR] = $1 } END {
	    printf "%.1f", v[int((NR + 1) / 2)] }')
	p=$(sort -n "$T/prompt" | awk '{ v[NR] = $1 } END {
	    printf "%.1f", v[int((NR + 1) / 2)] }')
	echo "$1: start to first prompt $p ms (target < 150 ms;" \
	    "console_run's part $i ms); engine loaded behind the prompt" \
	    "$e ms into console_run; whole run $w ms; medians of $RUNS"
}

# The demo store, its model trained once beforehand.
"$SHOPDESK" -q --db "$T/demo.db" replay </dev/null >/dev/null || exit 1
startup "demo store" "$T/demo.db"

# 100,000 more products.
if [ -x "$top_builddir/bench/gen-catalog" ]; then
	cp "$T/demo.db" "$T/big.db"
	cp "$T/demo.db-history" "$T/big.db-history"	# its conversations
	"$top_builddir/bench/gen-catalog" "$N" 42 >"$T/cat.jsonl"
	"$SHOPDESK" -q --db "$T/big.db" ingest "$T/cat.jsonl" >/dev/null ||
	    exit 1
	"$SHOPDESK" -q --db "$T/big.db" replay </dev/null >/dev/null || exit 1
	startup "demo store + $N products" "$T/big.db"
else
	echo "bench/gen-catalog not built: big catalog skipped"
fi

# Redraw cost with a 40-turn session on screen.
i=0
{
	echo "/user C1001"
	while [ $i -lt 10 ]; do
		echo "I need a gaming laptop under \$1500"
		echo "how is the battery life?"
		echo "compare the ROG Strix G15 and the Legion 5"
		echo "where is my order 12076?"
		i=$((i + 1))
	done
} | "$SHOPDESK" -q --db "$T/demo.db" replay >/dev/null || exit 1
in_tty "$T/draw" "$SHOPDESK" --db "$T/demo.db" console --session s000001 \
    --bench-draw 500
sed -n 's/^first prompt [0-9.]* ms, full redraw \([0-9.]*\) us.*/full redraw of a 40-turn session at 120x40: \1 us (mean of 500)/p' "$T/draw"
in_tty "$T/draw" "$SHOPDESK" --db "$T/demo.db" console --session s000001 \
    --bench-draw 0
sed -n 's/^first prompt \([0-9.]*\) ms.*/first prompt with the 40-turn session loaded: \1 ms (console_run)/p' "$T/draw"
