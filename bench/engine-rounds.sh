# engine-rounds.sh: sourced by bench-engine.sh and turn-instructions.sh.
# One round: the conversations of the stories, each in a new session,
# and a buying one whose cart writes must not cost the next turn the
# catalog's caches.
round() {	# round R
	cat <<SCRIPT
/session r$1-seed
/user C1001
I'm looking for a gaming laptop under \$1500
Yes, and how's the battery life?
What about warranty?
/session r$1-orders
Where is my order #12345?
where's my package?
it's 12345
I'd like to return order 11942
can I return order 12076
cancel order 12345
/session r$1-sales
/user C1039
I need a laptop for college under \$800
what about the second one?
and the cheaper one?
how much is it?
Compare iPhone 15 vs Samsung Galaxy S24
ROG Strix G15 or Acer Nitro 5, which is better?
Is the Galaxy S24 Ultra in stock?
how much is the HP Victus 15?
are there any promotions or discount codes right now?
/session r$1-expert
what are the specs of the Lenovo ThinkPad E14 Gen 5?
does the Spigen Ultra Hybrid MagFit for iPhone 15 fit the iPhone 15?
my earbuds won't connect over bluetooth
my TV arrived with a cracked screen
how should I charge the battery of my laptop to make it last?
/session r$1-chat
hi there
I forgot my password
what is your return policy?
what's the weather like in Paris tomorrow?
thanks a lot
bye
/session r$1-buy
/user C1021
what headphones do you have under \$300?
tell me about the Sony WH-1000XM5
add it to my cart
what headphones do you have under \$300?
remove the Sony WH-1000XM5 from my cart
SCRIPT
}

# rounds N FILE: N rounds of the conversations into FILE.
rounds() {	# rounds N FILE
	: > "$2"
	_r=0
	while [ "$_r" -lt "$1" ]; do
		round "$_r" >> "$2"
		_r=$((_r + 1))
	done
}
