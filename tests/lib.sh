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

finish() {
	echo "1..$tap_n"
	[ $tap_fail -eq 0 ]
}
