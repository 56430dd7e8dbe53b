# Bad input: emoji, right-to-left text, odd unicode, punctuation only and
# very long lines.  The bot never crashes, never guesses, and still finds
# what it can.

story: emoji only
> 😀😀😀
intent: out_of_scope
action: fallback
escalated: no

story: right-to-left text
> أين طلبي؟
action: fallback
not-contains: UPS

story: punctuation only, twice
> ???
action: fallback
> . . .
action: fallback
contains: find a person

story: a very long line still finds the product at its end
> aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa is the iPhone 15 in stock
contains: Apple iPhone 15 (128GB)
contains: $799

story: full-width characters fold to ASCII
user: C1001
> ｗｈｅｒｅ ｉｓ ｍｙ ｏｒｄｅｒ ＃１２３４５
intent: track_order
entity: order_id=12345
action: order_status
contains: UPS

story: zero-width spaces between words
user: C1001
> where​is​my​order​12345
action: order_status
contains: #12345
not-contains: Sorry

story: accents and mixed case
> ÉCOUTEZ, is the SONY WH-1000XM5 in stock?
entity: product=AUD-1008
action: answer_stock
contains: Sony WH-1000XM5

story: a typo in the product name
> tell me about the iphnoe 15
action: product_info
contains: Apple iPhone 15
