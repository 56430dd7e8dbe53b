# tests/lib.sh: helpers for shopdesk's end-to-end tests (*.t), which print
# TAP.  Source it after setting nothing; it makes a scratch directory that
# is removed on exit and exports SHOPDESK_DB into it.
set -u
: "${SHOPDESK:?SHOPDESK must name the program (run through make check)}"
: "${top_srcdir:?}"
T=$(mktemp -d "${TMPDIR:-/tmp}/sdtest.XXXXXX")
trap 'rm -rf "$T"' EXIT
export SHOPDESK_DB="$T/shop.db"
export HOME="$T"
export SHOPDESK_NOW="2026-11-20T12:00:00Z"
tap_n=0
tap_fail=0

ok() {	# ok COND-STATUS DESCRIPTION
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_fail=$((tap_fail + 1))
	fi
}

# run_ok DESCRIPTION CMD...: the command exits 0
run_ok() {
	d=$1; shift
	"$@" >"$T/out" 2>"$T/err"; s=$?
	ok $s "$d"
	[ $s -eq 0 ] || { sed 's/^/# /' "$T/err" | head -20; }
}

# run_fails DESCRIPTION STATUS CMD...: the command exits with STATUS
run_fails() {
	d=$1; want=$2; shift 2
	"$@" >"$T/out" 2>"$T/err"; s=$?
	[ $s -eq "$want" ]; ok $? "$d (exit $s)"
}

# contains DESCRIPTION FILE TEXT: FILE contains TEXT (fixed string)
contains() {
	grep -qF -- "$3" "$2"; ok $? "$1"
	grep -qF -- "$3" "$2" || { echo "# wanted: $3"; head -c 600 "$2" | sed 's/^/# /'; }
}

not_contains() {
	! grep -qF -- "$3" "$2"; ok $? "$1"
}

# eval_sweep SCRIPT ANOTHER CATEGORY...: the conversations tests/SCRIPT
# writes from the demo store at SHOPDESK_NOW, run by "eval dialogues";
# for each category a test that it has turns, every turn right and none
# about ANOTHER ("another order").  When a test failed, the first
# failures are printed as comments, to see which class broke.
eval_sweep() {
	es_py=$1; es_other=$2; shift 2
	python3 "$top_srcdir/tests/$es_py" "$SHOPDESK_SHARE" \
	    "$SHOPDESK_NOW" >"$T/sweep.jsonl"
	ok $? "the conversations are written"
	run_ok "eval dialogues runs" "$SHOPDESK" -q --db "$T/e.db" \
	    eval dialogues "$T/sweep.jsonl"
	cp "$T/out" "$T/report"
	echo "# $(awk '$1 == "all"' "$T/report")"
	for c; do
		set -- $(awk -v n="$c" '$1 == n { print $2, $3, $9 }' \
		    "$T/report")
		[ $# -eq 3 ] && [ "$1" -gt 0 ] && [ "$1" = "$2" ] &&
		    [ "$3" = 0 ]
		ok $? "$c: ${2:-0} of ${1:-0} turns right, ${3:-?} about $es_other"
	done
	[ $tap_fail -eq 0 ] || "$SHOPDESK" -q --db "$T/v.db" eval dialogues \
	    --verbose "$T/sweep.jsonl" | grep -A6 '^FAIL' | head -60 |
	    sed 's/^/# /'
}

# sweep_run SCRIPT ARG...: python3 runs tests/SCRIPT with the ARGs, its
# report in $T/out; a test that it ran, then its first lines of stderr
# and its FAIL lines as comments.
sweep_run() {
	sr_py=$1; shift
	python3 "$top_srcdir/tests/$sr_py" "$@" >"$T/out" 2>"$T/err"
	ok $? "the sweep runs"
	sed 's/^/# /' "$T/err" | head -5
	grep '^FAIL' "$T/out" | sed 's/^/# /'
}

# A sweep's report has a line "KEY PASSED TOTAL" per class of cases.
# sweep_counts KEY: sw_pass and sw_total from that line, empty without it.
sweep_counts() {
	set -- $(awk -v k="$1" '$1 == k { print $2, $3 }' "$T/out")
	sw_pass=${1:-}
	sw_total=${2:-}
}

# sweep_floor KEY MIN DESC [SHOWN]: at least MIN of KEY's cases pass; the
# test reads "DESC: PASSED of TOTAL >= SHOWN" (SHOWN is MIN unless given).
sweep_floor() {
	sweep_counts "$1"
	[ "${sw_pass:-0}" -ge "$2" ]
	ok $? "$3: ${sw_pass:-0} of ${sw_total:-0} >= ${4:-$2}"
}

# sweep_total KEY MIN DESC: KEY has at least MIN cases; DESC is a printf
# format given the number of cases.
sweep_total() {
	sweep_counts "$1"
	[ "${sw_total:-0}" -ge "$2" ]
	ok $? "$(printf "$3" "${sw_total:-0}")"
}

# sweep_all KEY DESC: every one of KEY's cases passes (a line is needed);
# the test reads "DESC: PASSED of TOTAL".
sweep_all() {
	sweep_counts "$1"
	[ "${sw_pass:-0}" = "${sw_total:-x}" ]
	ok $? "$2: ${sw_pass:-0} of ${sw_total:-0}"
}

finish() {
	echo "1..$tap_n"
	[ $tap_fail -eq 0 ]
}
