#!/bin/sh
# End-to-end: the chat widget in headless Chromium (tests/browser/
# widget.js, puppeteer-core over the DevTools protocol) on a shop page
# of another origin, against shopdesk serve on loopback; the agent takes
# the escalated session over in "shopdesk console --desk" (tmux) and
# their lines appear in the browser.  Screenshots at desktop and phone
# width go to tests/screens/.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/console-lib.sh"
. "$top_srcdir/tests/api-lib.sh"
trap '[ -n "$SERVER_PID" ] && kill -KILL "$SERVER_PID" 2>/dev/null;
    [ -n "${NODE_PID-}" ] && kill -KILL "$NODE_PID" 2>/dev/null;
    tmux -L "$SOCK" kill-server 2>/dev/null; rm -rf "$T"' EXIT

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
modules="$top_srcdir/tests/browser/node_modules/puppeteer-core"
missing=
command -v node >/dev/null 2>&1 || missing="node"
[ -x "$CHROMIUM" ] || missing="$missing chromium"
[ -d "$modules" ] || missing="$missing puppeteer-core (npm ci in tests/browser)"
if [ -n "$missing" ]; then
	# CI installs them (.ci/setup): there a missing one is a failure.
	if [ "${CI-}" = true ]; then
		echo "Bail out! missing:$missing"
		exit 1
	fi
	echo "1..0 # SKIP missing:$missing"
	exit 77
fi

start_server main --rate 1000 --burst 1000
SCREENS="$top_builddir/tests/screens"
mkdir -p "$SCREENS"
URL=$URL SHOPDESK=$SHOPDESK APIDB=$APIDB T=$T SCREENS=$SCREENS \
    CHROMIUM=$CHROMIUM node "$top_srcdir/tests/browser/widget.js" \
    >"$T/node.out" 2>&1 &
NODE_PID=$!

# The agent's side, once the browser has asked for a person.
i=0
while [ ! -s "$T/escalated" ] && kill -0 "$NODE_PID" 2>/dev/null &&
    [ $i -lt 3000 ]; do
	sleep 0.1
	i=$((i + 1))
done
if [ -s "$T/escalated" ]; then
	sid=$(cat "$T/escalated")
	start_shell
	typeline "$SHOPDESK console --desk --agent alice"
	expect "the desk opens" "Sessions ("
	typeline "/open $sid"
	expect "the agent opens the widget's session" "Watching $sid"
	typeline "/takeover"
	expect "and takes it over" "You (alice) hold $sid"
	typeline "Hi, this is Alice. I can help with your order."
	expect "the agent's first line" "agent> Hi, this is Alice."
	typeline "<b>bold</b><script>window.pwned=1</script>"
	expect "a line with markup" "agent> <b>bold</b>"
	tm capture-pane -p -t sd >"$SCREENS/desk.txt"
else
	ok 1 "the browser asked for a person"
	sed 's/^/# /' "$T/node.out"
fi
wait "$NODE_PID"
NODE_PID=
[ -s "$T/browser.tap" ] || { echo "Bail out! the browser run wrote nothing"; sed 's/^/# /' "$T/node.out"; exit 1; }
while IFS= read -r line; do
	case $line in
	"ok - "*) ok 0 "${line#ok - }" ;;
	"not ok - "*) ok 1 "${line#not ok - }" ;;
	*) echo "# $line" ;;
	esac
done <"$T/browser.tap"
[ -s "$SCREENS/widget-desktop.png" ] && [ -s "$SCREENS/widget-phone.png" ]
ok $? "screenshots at desktop and phone width in tests/screens/"
typeline "/quit"
stop_server
finish
