# tests/console-lib.sh: drive "shopdesk console" inside a private tmux
# server (its own socket, no config) for the console's end-to-end tests.
# Source after tests/lib.sh.  Without tmux the test is skipped.
if ! command -v tmux >/dev/null 2>&1; then
	echo "1..0 # SKIP tmux is not installed"
	exit 0
fi
SOCK="sdcon$$"
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; rm -rf "$T"' EXIT
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset NO_COLOR TMUX

PANE=sd	# the tmux session the helpers below look at and type into

tm() {
	tmux -L "$SOCK" -f /dev/null "$@"
}

# start_shell [ENV=VALUE...]: a shell with prompt "$ " in a 120x40 window.
start_shell() {
	PANE=sd
	tm kill-server 2>/dev/null
	tm new-session -d -s sd -x 120 -y 40 "env PS1='\$ ' $* sh"
	wait_for '$' 10 || { echo "Bail out! tmux did not start a shell"; exit 1; }
}

# use NAME: the helpers below act on tmux session NAME (a second agent's
# terminal, started with start_other).
use() {
	PANE=$1
}

# start_other NAME [ENV=VALUE...]: another 120x40 shell, beside "sd".
start_other() {
	so_name=$1; shift
	tm new-session -d -s "$so_name" -x 120 -y 40 "env PS1='\$ ' $* sh"
	PANE=$so_name
	wait_for '$' 10 || { echo "Bail out! tmux did not start $so_name"; exit 1; }
}

screen() {
	tm capture-pane -p -t "$PANE" >"$T/screen" 2>/dev/null
}

# wait_for TEXT [SECONDS]: poll the screen until it shows TEXT.
wait_for() {
	wf_n=0
	wf_lim=$(( ${2:-20} * 20 ))
	while :; do
		screen
		grep -qF -- "$1" "$T/screen" && return 0
		wf_n=$((wf_n + 1))
		[ $wf_n -ge $wf_lim ] && return 1
		sleep 0.05
	done
}

# wait_gone TEXT [SECONDS]: until the screen no longer shows TEXT.
wait_gone() {
	wf_n=0
	wf_lim=$(( ${2:-20} * 20 ))
	while :; do
		screen
		grep -qF -- "$1" "$T/screen" || return 0
		wf_n=$((wf_n + 1))
		[ $wf_n -ge $wf_lim ] && return 1
		sleep 0.05
	done
}

dump() {
	sed 's/^/# |/' "$T/screen"
}

# expect DESCRIPTION TEXT: the screen comes to show TEXT.
expect() {
	wait_for "$2"
	ex_s=$?
	ok $ex_s "$1"
	[ $ex_s -eq 0 ] || { echo "# wanted: $2"; dump; }
	return $ex_s
}

expect_gone() {
	wait_gone "$2"
	ex_s=$?
	ok $ex_s "$1"
	[ $ex_s -eq 0 ] || { echo "# still there: $2"; dump; }
}

keys() {
	tm send-keys -t "$PANE" "$@"
}

# typeline TEXT: type TEXT literally, then Enter.
typeline() {
	tm send-keys -t "$PANE" -l -- "$1"
	tm send-keys -t "$PANE" Enter
}

# wait_prompt: the shell's prompt is back (a line that is only "$").
wait_prompt() {
	wf_n=0
	while :; do
		screen
		grep -qx '\$' "$T/screen" && return 0
		wf_n=$((wf_n + 1))
		[ $wf_n -ge 200 ] && return 1
		sleep 0.05
	done
}

# The terminal is sane: canonical mode and echo back on.
stty_sane() {
	wait_prompt || return 1
	typeline "stty -a | tr ' ;' '\n\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\n' ' '; echo :stty"
	# Wait for the command's output line, not the command line itself
	# (which shows ":stty" as soon as it is typed).
	wf_n=0
	while :; do
		screen
		grep -qE '^-?icanon -?echo :stty$' "$T/screen" && break
		wf_n=$((wf_n + 1))
		[ $wf_n -ge 200 ] && return 1
		sleep 0.05
	done
	grep -q "^icanon echo :stty$" "$T/screen"
}

# sane_ok DESCRIPTION: stty_sane as a test, with the screen on failure.
sane_ok() {
	stty_sane
	so_s=$?
	ok $so_s "$1"
	[ $so_s -eq 0 ] || dump
}

# The console's pid (the shell's child).
console_pid() {
	pgrep -P "$(tm display -p -t sd '#{pane_pid}')" | head -1
}

# A database with the demo store and a trained model, before the clock
# starts in the tests (the first training takes a while).
"$SHOPDESK" replay </dev/null >/dev/null 2>&1 || {
	echo "Bail out! cannot create the test database"
	exit 1
}
