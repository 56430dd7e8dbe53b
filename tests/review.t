#!/bin/sh
# End-to-end: reviewing stored turns.  The queue ranks the turns worth a
# look; a review is checked against the model's intents and the store;
# training learns the corrected intent, so the same message is then
# classified right; and the reviewed conversation, exported as a story,
# fails before the training and passes after it.
. "$top_srcdir/tests/lib.sh"

# s000001 (anonymous): lines 1 and 3; s000002 (C1001): lines 5 and 7.
printf 'hi, I am ann@example.com\ncan i get a cheap reader tablet\n' |
    "$SHOPDESK" -q replay >/dev/null 2>&1
printf '/user C1001\nhow much is the ROG Strix G15?\nis it in stock?\n' |
    "$SHOPDESK" -q replay >/dev/null 2>&1
ok $? "two conversations"

run_ok "review queue" "$SHOPDESK" review queue
contains "a header" "$T/out" "TURN SCORE  SESSION#N"
sed -n 2p "$T/out" >"$T/first"
contains "the fallback to an upset-sounding line first" "$T/first" \
    "     1   6.5  s000001#1    out_of_scope            1.00  -      angry, fallback, low relevance 0/3"
sed -n 5p "$T/out" >"$T/second"
contains "then the misread request, with its reasons" "$T/second" \
    "     3   5.4  s000001#2    get_refund              0.29  -      clarify, low confidence 0.29, low relevance 0/3"
contains "its message under it" "$T/out" "> can i get a cheap reader tablet"
not_contains "a confident, covered answer is not queued" "$T/out" \
    "how much is the ROG"
run_ok "review queue --json" "$SHOPDESK" review queue --json --limit 2
contains "JSON with the score and the reasons" "$T/out" \
    '"score":5.36,"why":"clarify, low confidence 0.29, low relevance 0/3","review":null}]'

run_ok "review show" "$SHOPDESK" review show 3
contains "the message" "$T/out" "message     can i get a cheap reader tablet"
contains "intent and confidence" "$T/out" "intent      get_refund 0.29"
contains "the entities" "$T/out" "entities    category=tablets"
contains "not reviewed yet" "$T/out" "review      not reviewed"

run_fails "an intent the model does not know" 1 \
    "$SHOPDESK" review mark 3 bad --intent recomendation
contains "is named, with the nearest intent" "$T/err" \
    'unknown intent "recomendation"; did you mean recommendation?'
run_fails "an unknown product" 1 "$SHOPDESK" review mark 3 bad --product XYZ
contains "is named" "$T/err" 'product "XYZ": no such SKU or product name'
run_fails "an unknown order" 1 "$SHOPDESK" review mark 3 bad --order 99999
contains "is named" "$T/err" 'order "99999": no such order'
run_fails "an unknown entity type" 2 \
    "$SHOPDESK" review mark 3 bad --entity colour=red
contains "lists the types" "$T/err" 'unknown type "colour" (one of order_id'
run_fails "a verdict that is neither good nor bad" 2 \
    "$SHOPDESK" review mark 3 fine
run_fails "a bot line is not a turn" 1 "$SHOPDESK" review mark 4 good
contains "says so" "$T/err" "turn 4: no customer line with that id"
run_fails "a turn that is not a number" 2 "$SHOPDESK" review show s1
run_fails "no subcommand" 2 "$SHOPDESK" review
run_ok "nothing was stored by the refusals" "$SHOPDESK" review show 3
contains "still unreviewed" "$T/out" "review      not reviewed"

run_ok "mark bad with corrections" "$SHOPDESK" review mark 3 bad \
    --intent recommendation --reviewer alice
contains "confirmed" "$T/out" "turn 3: bad by alice: intent recommendation"
run_ok "review it again" "$SHOPDESK" review mark 3 bad \
    --intent recommendation --entity category=tablets --reviewer alice \
    --reply "We have several tablets, lowest price first: the Amazon Fire HD 10 at \$139."
contains "the new review replaces the old" "$T/out" \
    "intent recommendation, entity category=tablets (review 2, the earlier one replaced)"
run_ok "mark good, the product by its name" "$SHOPDESK" review mark 5 good \
    --product "ASUS ROG Strix G15" --reviewer bob
contains "the name becomes the SKU" "$T/out" "turn 5: good by bob: product LAP-1008"
run_ok "mark 7 good" "$SHOPDESK" review mark 7 good --reviewer bob
run_ok "show the review" "$SHOPDESK" review show 3
contains "verdict and corrections" "$T/out" \
    "review      bad by alice: intent recommendation, entity category=tablets"
contains "the reply it should have given" "$T/out" "should say  We have several tablets"
run_ok "the queue without reviewed turns" "$SHOPDESK" review queue
not_contains "turn 3 is done" "$T/out" "     3 "
run_ok "review queue --all" "$SHOPDESK" review queue --all
contains "lists it, marked" "$T/out" "0.29  bad    clarify, low confidence"

run_ok "export stories" "$SHOPDESK" -q export stories -o "$T/reviewed.story"
cp "$T/reviewed.story" "$T/out"
contains "one story per reviewed conversation" "$T/out" "story: s000001, reviewed"
contains "earlier lines replayed, personal data masked" "$T/out" "> hi, I am [email]"
not_contains "no email" "$T/out" "ann@example.com"
contains "the corrected intent expected" "$T/out" "> can i get a cheap reader tablet
intent: recommendation"
contains "the corrected entity" "$T/out" "entity: category=tablets"
contains "the corrected reply" "$T/out" "reply-like: We have several tablets"
contains "the customer of the other" "$T/out" "user: C1001"
contains "a good turn keeps what it did" "$T/out" "action: answer_price"
contains "and what it was about" "$T/out" "about: LAP-1008"
echo "# The exported stories:"
sed 's/^/# | /' "$T/reviewed.story"

run_fails "before training, the story fails" 1 \
    "$SHOPDESK" test "$T/reviewed.story"
contains "on the corrected intent" "$T/out" \
    "intent: expected recommendation, got get_refund"
run_ok "train" "$SHOPDESK" -q train
contains "with the reviewed turns" "$T/out" "(3 from reviews)"
run_ok "after training, the story passes" "$SHOPDESK" test "$T/reviewed.story"
contains "every story" "$T/out" "2 stories, 0 failed"
printf 'can i get a cheap reader tablet\n' | "$SHOPDESK" replay --json >"$T/out" 2>&1
contains "the same message, in a new session, gets the corrected intent" \
    "$T/out" '"intent":{"name":"recommendation"'

# The expectations review stories use, holding and failing.
cat >"$T/about.story" <<'EOF'
story: about and reply-like hold
user: C1001
> how much is the ROG Strix G15?
about: LAP-1008
reply-like: The price of the ASUS ROG Strix G15 is $1,299.
> is it in stock?
about: LAP-1008

story: about and reply-like fail on another answer
user: C1001
> how much is the ROG Strix G15?
about: 12345
reply-like: Our return window is 30 days from delivery.
EOF
run_fails "about: and reply-like: in a story" 1 "$SHOPDESK" test "$T/about.story"
contains "hold for the product cited, then in focus" "$T/out" \
    "ok $T/about.story: about and reply-like hold"
contains "fail for an order not in the turn" "$T/out" '    about: "12345"'
contains "and a reply about something else" "$T/out" \
    '    reply-like: "Our return window is 30 days from delivery."'
contains "two of three turns pass" "$T/out" "3 turns, 1 failed; 5 checks, 2 failed"

run_ok "review clear" "$SHOPDESK" review clear 7
run_fails "clear it again" 1 "$SHOPDESK" review clear 7
run_ok "review intents" "$SHOPDESK" review intents
contains "lists the model's intents" "$T/out" "recommendation"
run_ok "review --help" "$SHOPDESK" review --help
contains "usage" "$T/out" "usage: shopdesk review queue"
finish
